// The DOT and GraphML exporters: escaping tables, then whole datasets with hostile names that
// must come out as files `dot` and an XML parser accept without a complaint.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <tuple>

#include "parley/graph/database.h"
#include "parley/export/dot_export.h"
#include "export/dot_styles.h"
#include "export/dot_text.h"
#include "parley/export/graphml_export.h"

using namespace parley;
namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------------------------------------
// Text helpers

bool is_valid_utf8(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const auto lead = static_cast<unsigned char>(text[at]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xC2 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 0;
    if (length == 0 || at + length > text.size()) return false;
    for (std::size_t i = 1; i < length; ++i) {
      if ((static_cast<unsigned char>(text[at + i]) & 0xC0) != 0x80) return false;
    }
    at += length;
  }
  return true;
}

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// C0 control bytes other than the line feeds that end the exporters' own lines.
bool has_raw_control_character(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\n'; });
}

std::size_t count(std::string_view text, std::string_view what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c));
      out += escape;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// 40,000 code points of one-, two-, three- and four-byte characters in turn, so that any cut
// point falls on each sequence length.
std::string very_long_name() {
  const std::string_view pieces[] = {"a", "\xD0\xB6", "\xE5\xAE\x89", "\xF0\x9F\x98\x80"};  // a ж 安 😀
  std::string out;
  for (int i = 0; i < 40000; ++i) out += pieces[i % 4];
  return out;
}

// ---------------------------------------------------------------------------------------------
// Files and external tools

class TempFile {
 public:
  explicit TempFile(std::string_view suffix) {
    static std::mt19937_64 random{std::random_device{}()};
    path_ = fs::temp_directory_path() / ("parley-export-" + std::to_string(random()) + std::string(suffix));
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    std::error_code ignored;
    fs::remove(path_, ignored);
  }

  void write(std::string_view text) const {
    std::ofstream out(path_, std::ios::binary);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
  }
  std::string read() const {
    std::ifstream in(path_, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  // The path quoted for the shell; temporary paths carry no single quote.
  std::string shell() const { return "'" + path_.string() + "'"; }

 private:
  fs::path path_;
};

bool shell_succeeds(const std::string& command) { return std::system(command.c_str()) == 0; }

bool dot_installed() { return shell_succeeds("command -v dot >/dev/null 2>&1"); }

bool python_xml_available() {
  return shell_succeeds("python3 -c 'import xml.etree.ElementTree' >/dev/null 2>&1");
}

// Lays `dot_text` out with Graphviz; a warning is as much a failure as an error, since it means
// something a user would see was dropped or misread. The SVG must be well-formed XML too.
void require_dot_accepts(const std::string& dot_text) {
  if (!dot_installed()) {
    WARN("Graphviz `dot` is not installed: the DOT output was not laid out");
    return;
  }
  const TempFile input(".dot"), svg(".svg"), errors(".err");
  input.write(dot_text);
  const bool ok = shell_succeeds("dot -Tsvg -o " + svg.shell() + " " + input.shell() + " 2>" + errors.shell());
  INFO("dot wrote to stderr: " << errors.read());
  REQUIRE(ok);
  REQUIRE(errors.read().empty());
  if (python_xml_available()) {
    CHECK(shell_succeeds("python3 -c 'import xml.etree.ElementTree as E, sys; E.parse(sys.argv[1])' " + svg.shell()));
  }
}

// The names of a GraphML file's nodes as an XML parser reads them, or nullopt without python3.
std::optional<std::vector<std::string>> parsed_graphml_names(const std::string& graphml) {
  if (!python_xml_available()) {
    WARN("python3 with xml.etree is not available: the GraphML output was not parsed");
    return std::nullopt;
  }
  const TempFile input(".graphml"), script(".py"), output(".names");
  input.write(graphml);
  script.write(
      "import sys, xml.etree.ElementTree as E\n"
      "ns = '{http://graphml.graphdrawing.org/xmlns}'\n"
      "root = E.parse(sys.argv[1]).getroot()\n"
      "keys = {k.get('id'): k.get('attr.name') for k in root.iter(ns + 'key')}\n"
      "names = [d.text or '' for n in root.iter(ns + 'node') for d in n.iter(ns + 'data')\n"
      "         if keys[d.get('key')] == 'name']\n"
      "open(sys.argv[2], 'w', encoding='utf-8', newline='').write('\\0'.join(names))\n");
  REQUIRE(shell_succeeds("python3 " + script.shell() + " " + input.shell() + " " + output.shell()));
  std::vector<std::string> names;
  std::istringstream in(output.read());
  for (std::string name; std::getline(in, name, '\0');) names.push_back(name);
  return names;
}

// ---------------------------------------------------------------------------------------------
// Datasets

// Names may not hold line breaks (a name is one line; the loader refuses one), so line breaks
// come in through the roles below, and U+2028 (LINE SEPARATOR) stands in a name.
const std::vector<std::string>& hostile_person_names() {
  static const std::vector<std::string> names = {
      "node", "Graph", "strict", "subgraph", "digraph", "--", "->", "a\"b\\", "back\\slash\\", "\\", "\"",
      "\\N \\G \\E \\T \\H \\L \\l \\r \\n", "line1\xE2\x80\xA8line2", "tab\there",
      "bell\x07 escape\x1b delete\x7f nul-free", "noncharacters \xEF\xBF\xBE\xEF\xBF\xBF", "<b>&amp;</b>",
      "<<html>>", "&#38; &lt; &", "{x};[y]:z", "subgraph cluster_x { a -> b }", "  spaced  ",
      "\xD0\x9B\xD0\xB0\xD0\xB2\xD1\x80\xD0\xBE\xD0\xB2",                    // Лавров
      "\xE5\xAE\x89\xE5\x80\x8D\xE6\x99\x8B\xE4\xB8\x89",                    // 安倍晋三
      "\xD7\xA2\xD7\x91\xD7\xA8\xD7\x99\xD7\xAA\xE2\x80\xAE",                // עברית + U+202E
      "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7",  // 👩‍👩‍👧
      "e\xCC\x81",                                                            // e + combining acute
      very_long_name()};
  return names;
}

const std::vector<std::string> kHostileStateNames = {"digraph", "edge \"quoted\" & <tagged>",
                                                     "\xD0\xA0\xD0\xBE\xD1\x81\xD1\x81\xD0\xB8\xD1\x8F"};  // Россия
const std::vector<std::string> kHostileRoles = {"prime minister", "chief \"<minister>\" & {x}", "back\\slash\\",
                                                "line\nbreak", "\xE5\xA4\xA7\xE8\x87\xA3", "wake\x07up"};

std::string entity_json(const std::string& id, const char* kind, const std::string& name) {
  return "{\"id\": " + json_string(id) + ", \"kind\": \"" + kind + "\", \"name\": " + json_string(name) +
         ", \"sources\": [{\"source\": \"src<&>\\\"'\", \"quote\": \"q\"}]}";
}

// Persons and states with every name above; person i holds an office in state i mod 3.
std::string hostile_dataset_json() {
  const auto& persons = hostile_person_names();
  std::vector<std::string> entities, relations;
  // Ids may hold anything but control characters, so one of each kind is hostile too.
  const auto person_id = [](std::size_t i) { return i == 0 ? std::string("node") : "p" + std::to_string(i); };
  const auto state_id = [](std::size_t i) { return i == 0 ? std::string("a\"b&<c>'") : "s" + std::to_string(i); };
  for (std::size_t i = 0; i < persons.size(); ++i) entities.push_back(entity_json(person_id(i), "person", persons[i]));
  for (std::size_t i = 0; i < kHostileStateNames.size(); ++i) {
    entities.push_back(entity_json(state_id(i), "state", kHostileStateNames[i]));
  }
  for (std::size_t i = 0; i < persons.size(); ++i) {
    relations.push_back("{\"type\": \"holds_office\", \"from\": " + json_string(person_id(i)) +
                        ", \"to\": " + json_string(state_id(i % kHostileStateNames.size())) +
                        ", \"properties\": {\"role\": " + json_string(kHostileRoles[i % kHostileRoles.size()]) +
                        "}, \"sources\": [{\"source\": \"src<&>\\\"'\", \"quote\": \"q\"}, "
                        "{\"source\": \"second\", \"quote\": \"q\"}, {\"source\": \"src<&>\\\"'\", \"quote\": \"r\"}]}");
  }
  const auto join = [](const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ",\n") + item;
    return out;
  };
  return "{\"format\": \"parley-dataset/1\",\n\"sources\": [{\"id\": \"src<&>\\\"'\", \"publisher\": \"P\", "
         "\"title\": \"T\"}, {\"id\": \"second\", \"publisher\": \"P\", \"title\": \"T\"}],\n\"entities\": [" +
         join(entities) + "],\n\"relations\": [" + join(relations) + "]}";
}

std::unique_ptr<Database> hostile_database() {
  Diagnostics diagnostics;
  auto db = Database::open_texts({{"hostile.json", hostile_dataset_json()}}, diagnostics);
  for (const auto& d : diagnostics.items()) UNSCOPED_INFO(d.to_string());
  REQUIRE(db);
  return db;
}

std::unique_ptr<Database> default_database() {
  Diagnostics diagnostics;
  auto db = Database::open({}, diagnostics);
  REQUIRE(db);
  return db;
}

Subgraph whole(const Database& db) {
  Subgraph all = Subgraph::whole(db.dataset());
  all.normalize();
  return all;
}

// ---------------------------------------------------------------------------------------------
// DOT structure

bool is_synthetic_id(std::string_view id) {
  const auto word = [](std::string_view s, std::string_view allowed) {
    return !s.empty() && s.find_first_not_of(allowed) == std::string_view::npos;
  };
  if (id.starts_with("e")) return word(id.substr(1), "0123456789");
  return id.starts_with("axis_") && word(id.substr(5), "0123456789");
}

// Every node and edge statement names its ends by synthetic ids, never by a name; any other
// line is one of the few the exporter writes itself.
void check_statements_use_synthetic_ids(const std::string& dot) {
  std::istringstream lines(dot);
  for (std::string line; std::getline(lines, line);) {
    const std::string_view statement = std::string_view(line).substr(line.find_first_not_of(' '));
    if (statement.starts_with("digraph parley {") || statement.starts_with("graph [") ||
        statement.starts_with("node [") || statement.starts_with("edge [") ||
        statement.starts_with("subgraph date_order {") || statement == "rank=same;" || statement == "}") {
      continue;
    }
    const std::string_view ends = statement.substr(0, statement.find(" ["));
    INFO(std::string(ends));
    const auto arrow = ends.find(" -> ");
    CHECK(is_synthetic_id(ends.substr(0, arrow)));
    if (arrow != std::string_view::npos) CHECK(is_synthetic_id(ends.substr(arrow + 4)));
  }
}

// The length in bytes, quotes included, of the longest double-quoted string in DOT text.
std::size_t longest_quoted_string(std::string_view dot) {
  std::size_t longest = 0;
  std::size_t start = std::string_view::npos;  // of the string being read, if any
  for (std::size_t at = 0; at < dot.size(); ++at) {
    if (start == std::string_view::npos) {
      if (dot[at] == '"') start = at;
    } else if (dot[at] == '\\') {
      ++at;  // whatever follows a backslash cannot end the string
    } else if (dot[at] == '"') {
      longest = std::max(longest, at - start + 1);
      start = std::string_view::npos;
    }
  }
  return longest;
}

// The statement line of a node or edge, found by its ids.
std::string statement_of(const std::string& dot, const std::string& ids) {
  const auto at = dot.find("\n  " + ids + " [");
  REQUIRE(at != std::string::npos);
  return dot.substr(at + 1, dot.find('\n', at + 1) - at - 1);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Escaping

TEST_CASE("dot_quote escapes what DOT and Graphviz labels would misread", "[export]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", R"("")"},
      {"plain", R"("plain")"},
      {"a\"b", R"("a\"b")"},
      {"back\\slash", R"("back\\slash")"},
      {"trailing\\", R"("trailing\\")"},
      {"\\", R"("\\")"},
      {"\\N \\G \\l \\n", R"("\\N \\G \\l \\n")"},
      {"line1\nline2", R"("line1\nline2")"},
      {"crlf\r\nlf", R"("crlf\nlf")"},
      {"cr\rcr", R"("cr\ncr")"},
      {"tab\there", R"("tab here")"},
      {"<b>&amp;</b> & <>", R"("<b>&amp;amp;</b> &amp; <>")"},
      {"{x};[y]:z,=", R"("{x};[y]:z,=")"},
      {"node", R"("node")"},
      {"Graph", R"("Graph")"},
      {"strict", R"("strict")"},
      {"subgraph", R"("subgraph")"},
      {"bell\x07 nul\x1f del\x7f", "\"bell\xEF\xBF\xBD nul\xEF\xBF\xBD del\xEF\xBF\xBD\""},
      {"c1\xC2\x85", "\"c1\xEF\xBF\xBD\""},
      {"\xEF\xBF\xBE\xEF\xBF\xBF", "\"\xEF\xBF\xBD\xEF\xBF\xBD\""},
      {"\xD0\x9B\xD0\xB0\xD0\xB2\xD1\x80\xD0\xBE\xD0\xB2", "\"\xD0\x9B\xD0\xB0\xD0\xB2\xD1\x80\xD0\xBE\xD0\xB2\""},
      {"\xE5\xAE\x89\xE5\x80\x8D\xE6\x99\x8B\xE4\xB8\x89", "\"\xE5\xAE\x89\xE5\x80\x8D\xE6\x99\x8B\xE4\xB8\x89\""},
      {"\xD7\xA2\xD7\x91\xD7\xA8\xE2\x80\xAE", "\"\xD7\xA2\xD7\x91\xD7\xA8\xE2\x80\xAE\""},
      {"\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7", "\"\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7\""},
      {"e\xCC\x81", "\"e\xCC\x81\""},
  };
  for (const auto& [text, expected] : cases) {
    INFO(text);
    CHECK(dot_quote(text) == expected);
  }
}

TEST_CASE("dot_quote cuts at code points and marks the cut with an ellipsis", "[export]") {
  const std::vector<std::tuple<std::string, std::size_t, std::string>> cases = {
      {"abcd", 4, R"("abcd")"},
      {"abcde", 4, "\"abc\xE2\x80\xA6\""},
      {"abcde", 1, "\"\xE2\x80\xA6\""},
      {"abcde", 0, R"("")"},
      {"\"\"\"\"", 3, "\"\\\"\\\"\xE2\x80\xA6\""},  // an escape is one character
      {"\\\\\\\\", 3, "\"\\\\\\\\\xE2\x80\xA6\""},
      {"\xE5\xAE\x89\xE5\x80\x8D\xE6\x99\x8B\xE4\xB8\x89", 3, "\"\xE5\xAE\x89\xE5\x80\x8D\xE2\x80\xA6\""},
      {"\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7", 3,
       "\"\xF0\x9F\x91\xA9\xE2\x80\x8D\xE2\x80\xA6\""},
      {"e\xCC\x81" "e\xCC\x81", 3, "\"e\xCC\x81\xE2\x80\xA6\""},
  };
  for (const auto& [text, max, expected] : cases) {
    INFO(text << " cut to " << max);
    CHECK(dot_quote(text, max) == expected);
  }
}

TEST_CASE("dot_quote cuts a 40,000-character name without breaking UTF-8", "[export]") {
  const std::string name = very_long_name();
  REQUIRE(code_points(name) == 40000);
  for (const std::size_t max : {std::size_t{1}, std::size_t{79}, std::size_t{80}, std::size_t{81}, std::size_t{82},
                                std::size_t{16000}, std::size_t{39999}}) {
    INFO("cut to " << max);
    const std::string quoted = dot_quote(name, max);
    CHECK(is_valid_utf8(quoted));
    CHECK(code_points(quoted) == max + 2);  // the quotes
    CHECK(quoted.ends_with("\xE2\x80\xA6\""));
    const std::string kept = quoted.substr(1, quoted.size() - 1 - 3 - 1);
    CHECK(name.starts_with(kept));
  }
  CHECK(dot_quote(name, 40000) == "\"" + name + "\"");
}

TEST_CASE("xml_escape writes what XML 1.0 can carry and replaces what it cannot", "[export]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", ""},
      {"<a href=\"x\">&'</a>", "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;"},
      {"&amp;", "&amp;amp;"},
      {"tab\tlf\ncr\r", "tab&#9;lf&#10;cr&#13;"},
      {std::string("nul\0x", 5), "nul\xEF\xBF\xBDx"},
      {"bell\x07 esc\x1b us\x1f", "bell\xEF\xBF\xBD esc\xEF\xBF\xBD us\xEF\xBF\xBD"},
      {"\xEF\xBF\xBE\xEF\xBF\xBF\xEF\xBF\xBD", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"del\x7f c1\xC2\x85", "del\x7f c1\xC2\x85"},  // allowed by XML 1.0
      {"\xD0\x9B\xD0\xB0\xD0\xB2\xD1\x80\xD0\xBE\xD0\xB2 \xE5\xAE\x89\xE5\x80\x8D \xD7\xA2\xE2\x80\xAE",
       "\xD0\x9B\xD0\xB0\xD0\xB2\xD1\x80\xD0\xBE\xD0\xB2 \xE5\xAE\x89\xE5\x80\x8D \xD7\xA2\xE2\x80\xAE"},
      {"\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 e\xCC\x81", "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 e\xCC\x81"},
  };
  for (const auto& [text, expected] : cases) {
    INFO(text);
    CHECK(xml_escape(text) == expected);
  }
}

// ---------------------------------------------------------------------------------------------
// DOT

TEST_CASE("DOT of hostile names uses synthetic ids and escaped labels", "[export]") {
  const auto db = hostile_database();
  const Subgraph all = whole(*db);
  const std::string dot = to_dot(*db, all);

  CHECK(dot.starts_with("digraph parley {\n"));
  CHECK(dot.ends_with("}\n"));
  CHECK(is_valid_utf8(dot));
  CHECK_FALSE(has_raw_control_character(dot));
  CHECK(dot.find('\x7f') == std::string::npos);
  check_statements_use_synthetic_ids(dot);

  const Dataset& data = db->dataset();
  for (EntityIndex e = 0; e < data.entities.size(); ++e) {
    const std::string statement = statement_of(dot, "e" + std::to_string(e));
    // The name alone (the shape says the kind); an event's name is in an HTML-like label, over
    // its date and status.
    if (db->events().slot(e) == EventTable::kNoSlot) {
      CHECK(statement.find("label=" + dot_quote(data.entities[e].name, 80) + ",") != std::string::npos);
      CHECK(statement.find("tooltip=" + dot_quote(data.entities[e].name, 2000)) != std::string::npos);
    } else {
      CHECK(statement.find("label=<" + dot::escape_html_text(data.entities[e].name, 80)) != std::string::npos);
    }
  }
  // Graphviz rejects a quoted string of 16 KiB or more: the long name's tooltip is cut too.
  CHECK(longest_quoted_string(dot) < 16384);
}

TEST_CASE("DOT draws the focus emphasised and a legend of what is drawn", "[export]") {
  const auto db = hostile_database();
  Subgraph all = whole(*db);
  all.focus = {1};
  const std::string dot = to_dot(*db, all);
  CHECK(statement_of(dot, "e1").find("penwidth=3") != std::string::npos);
  CHECK(statement_of(dot, "e0").find("penwidth=3") == std::string::npos);

  // The legend sits in the graph's label, under the title: the kinds drawn by name, the
  // relation types drawn by their reading, nothing else.
  const std::string graph_line = dot.substr(0, dot.find('\n', dot.find("graph [")));
  CHECK(graph_line.find("label=<<TABLE") != std::string::npos);
  CHECK(graph_line.find(">person<") != std::string::npos);
  CHECK(graph_line.find(">state<") != std::string::npos);
  CHECK(graph_line.find(">holds office<") != std::string::npos);
  // A person and a state are drawn differently, and the legend shows each as drawn.
  const auto style_of = [](const std::string& statement) { return statement.substr(statement.find("shape=")); };
  CHECK(style_of(statement_of(dot, "e0")) != style_of(statement_of(dot, "e" + std::to_string(all.entities.back()))));

  DotOptions options;
  options.legend = DotLegend::kNone;
  options.title = "Who holds \"office\" & where\\";
  const std::string plain = to_dot(*db, all, options);
  CHECK(plain.find("<TABLE") == std::string::npos);
  CHECK(plain.find("label=\"Who holds \\\"office\\\" &amp; where\\\\\"") != std::string::npos);
  require_dot_accepts(plain);
}

TEST_CASE("DOT edges carry the forward reading with the role", "[export]") {
  const auto db = hostile_database();
  const std::string dot = to_dot(*db, whole(*db));
  const Relation& first = db->dataset().relations[0];
  const std::string statement =
      statement_of(dot, "e" + std::to_string(first.from) + " -> e" + std::to_string(first.to));
  CHECK(statement.find("label=\"prime minister of\"") != std::string::npos);
  // A hostile role is escaped like any label.
  CHECK(dot.find("label=\"chief \\\"<minister>\\\" &amp; {x} of\"") != std::string::npos);
  CHECK(dot.find("label=\"back\\\\slash\\\\ of\"") != std::string::npos);
}

TEST_CASE("dot lays out the hostile dataset without a warning", "[export]") {
  const auto db = hostile_database();
  Subgraph all = whole(*db);
  all.focus = {0, 3};
  DotOptions options;
  options.title = "hostile \xE2\x80\xAE names";
  require_dot_accepts(to_dot(*db, all, options));
}

TEST_CASE("dot lays out the default dataset without a warning", "[export]") {
  const auto db = default_database();
  const Subgraph all = whole(*db);
  const std::string dot = to_dot(*db, all);
  check_statements_use_synthetic_ids(dot);
  // Every kind and relation type drawn has its place in the legend.
  std::set<KindId> kinds;
  for (const auto& entity : db->dataset().entities) kinds.insert(entity.kind);
  std::set<RelationTypeId> types;
  for (const auto& relation : db->dataset().relations) types.insert(relation.type);
  const std::string graph_line = dot.substr(0, dot.find('\n', dot.find("graph [")));
  for (const KindId k : kinds) CHECK(graph_line.find(">" + dot::legend_kind_name(db->schema(), k) + "<") != std::string::npos);
  for (const RelationTypeId t : types) {
    CHECK(graph_line.find(">" + dot::legend_reading(db->schema(), t) + "<") != std::string::npos);
  }
  require_dot_accepts(dot);
}

TEST_CASE("the exports are deterministic and independent of the order a subgraph was built in", "[export]") {
  const auto db = default_database();
  const Subgraph all = whole(*db);
  Subgraph shuffled;
  for (RelationIndex r = static_cast<RelationIndex>(db->dataset().relations.size()); r-- > 0;) {
    shuffled.add_relation(db->dataset(), r);
    shuffled.add_relation(db->dataset(), r);
  }
  for (EntityIndex e = static_cast<EntityIndex>(db->dataset().entities.size()); e-- > 0;) shuffled.add_entity(e);
  shuffled.normalize();

  const std::string dot = to_dot(*db, all);
  CHECK(to_dot(*db, all) == dot);
  CHECK(to_dot(*db, shuffled) == dot);
  const std::string graphml = to_graphml(*db, all);
  CHECK(to_graphml(*db, all) == graphml);
  CHECK(to_graphml(*db, shuffled) == graphml);

  const auto hostile = hostile_database();
  CHECK(to_dot(*hostile, whole(*hostile)) == to_dot(*hostile_database(), whole(*hostile)));
  CHECK(to_graphml(*hostile, whole(*hostile)) == to_graphml(*hostile_database(), whole(*hostile)));
}

TEST_CASE("an empty subgraph is an empty graph", "[export]") {
  const auto db = default_database();
  const std::string dot = to_dot(*db, Subgraph{});
  CHECK(dot.find("<TABLE") == std::string::npos);
  require_dot_accepts(dot);
  const std::string graphml = to_graphml(*db, Subgraph{});
  CHECK(count(graphml, "<node ") == 0);
  CHECK(count(graphml, "<edge ") == 0);
}

// ---------------------------------------------------------------------------------------------
// GraphML

TEST_CASE("GraphML of hostile names is well-formed and keeps every name", "[export]") {
  const auto db = hostile_database();
  const Dataset& data = db->dataset();
  const std::string graphml = to_graphml(*db, whole(*db));

  CHECK(graphml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""));
  CHECK(graphml.find("<graph id=\"parley\" edgedefault=\"directed\">") != std::string::npos);
  CHECK(graphml.ends_with("</graphml>\n"));
  CHECK(count(graphml, "<node ") == data.entities.size());
  CHECK(count(graphml, "<edge ") == data.relations.size());
  CHECK(is_valid_utf8(graphml));
  CHECK_FALSE(has_raw_control_character(graphml));
  for (const char* key : {"entity_id", "name", "kind", "type", "reading", "role", "sources"}) {
    CHECK(graphml.find("attr.name=\"" + std::string(key) + "\"") != std::string::npos);
  }
  CHECK(graphml.find("<data key=\"entity_id\">a&quot;b&amp;&lt;c&gt;&apos;</data>") != std::string::npos);
  CHECK(graphml.find("<edge id=\"r0\" source=\"e0\" target=\"e" + std::to_string(data.relations[0].to) + "\">") !=
        std::string::npos);
  // Cited sources, each once, in the order first cited.
  CHECK(graphml.find("<data key=\"sources\">src&lt;&amp;&gt;&quot;&apos;,second</data>") != std::string::npos);
  CHECK(graphml.find("<data key=\"role\">chief &quot;&lt;minister&gt;&quot; &amp; {x}</data>") != std::string::npos);

  const auto names = parsed_graphml_names(graphml);
  if (!names) return;
  REQUIRE(names->size() == data.entities.size());
  for (EntityIndex e = 0; e < data.entities.size(); ++e) {
    // What XML 1.0 cannot carry comes back as U+FFFD; everything else exactly.
    std::string expected;
    for (const char c : data.entities[e].name) {
      const auto byte = static_cast<unsigned char>(c);
      expected += byte < 0x20 && c != '\t' && c != '\n' && c != '\r' ? std::string("\xEF\xBF\xBD") : std::string(1, c);
    }
    for (const std::string_view nonchar : {"\xEF\xBF\xBE", "\xEF\xBF\xBF"}) {
      for (auto at = expected.find(nonchar); at != std::string::npos; at = expected.find(nonchar)) {
        expected.replace(at, nonchar.size(), "\xEF\xBF\xBD");
      }
    }
    CHECK((*names)[e] == expected);
  }
}

TEST_CASE("GraphML of the default dataset parses", "[export]") {
  const auto db = default_database();
  const std::string graphml = to_graphml(*db, whole(*db));
  CHECK(count(graphml, "<node ") == db->dataset().entities.size());
  CHECK(count(graphml, "<edge ") == db->dataset().relations.size());
  CHECK_FALSE(has_raw_control_character(graphml));
  const auto names = parsed_graphml_names(graphml);
  if (!names) return;
  REQUIRE(names->size() == db->dataset().entities.size());
  for (EntityIndex e = 0; e < names->size(); ++e) CHECK((*names)[e] == db->dataset().entities[e].name);
}
