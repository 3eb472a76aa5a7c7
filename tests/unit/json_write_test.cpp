// Writes to a JSON dataset file and its canonical layout: a file in canonical layout changes by
// the lines of the change only, `fmt` keeps every member, and a write to a file meets the rules
// a write to a store meets.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <unistd.h>

#include "parley/export/canonical_json.h"
#include "parley/store/json_write.h"
#include "temp_dir.h"

using namespace parley;
namespace fs = std::filesystem;

namespace {

std::string canonical_text(const std::string& text) {
  Diagnostics diagnostics;
  CanonicalDataset dataset;
  REQUIRE(read_canonical_dataset("test.json", text, dataset, diagnostics));
  return render_canonical_dataset(dataset);
}

std::string write_file(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// A line without the comma JSON puts after every record but the last.
std::string record_line(std::string line) {
  if (!line.empty() && line.back() == ',') line.pop_back();
  return line;
}

// The lines only in `a`, and the lines only in `b` (as multisets, commas aside).
std::pair<std::multiset<std::string>, std::multiset<std::string>> changed_lines(const std::string& a, const std::string& b) {
  std::multiset<std::string> only_a, only_b;
  for (const auto& l : lines_of(a)) only_a.insert(record_line(l));
  for (const auto& l : lines_of(b)) {
    const auto at = only_a.find(record_line(l));
    if (at != only_a.end()) {
      only_a.erase(at);
    } else {
      only_b.insert(record_line(l));
    }
  }
  return {only_a, only_b};
}

const char* const kNotes = R"({
  "format": "parley-dataset/1",
  "title": "Notes",
  "sources": [
    {"id": "s1", "publisher": "Example Press", "title": "An example article", "published": "2018-12"}
  ],
  "entities": [
    {"id": "abe", "kind": "person", "name": "Shinzo Abe", "aliases": ["Abe"],
     "sources": [{"source": "s1", "quote": "Prime Minister Shinzo Abe"}]},
    {"id": "japan", "kind": "state", "name": "Japan", "sources": [{"source": "s1", "quote": "Japan"}]},
    {"sources": [{"source": "s1", "quote": "Russia"}], "name": "Russia", "kind": "state", "id": "russia"}
  ],
  "relations": [
    {"type": "holds_office", "from": "abe", "to": "japan", "properties": {"role": "prime minister"},
     "sources": [{"source": "s1", "quote": "Prime Minister Shinzo Abe"}]},
    {"type": "holds_office", "from": "abe", "to": "japan", "properties": {"role": "party leader"},
     "sources": [{"source": "s1", "quote": "Shinzo Abe, who leads the party"}]}
  ]
})";

Write add_alias(const std::string& entity, const std::string& name) {
  return Write{"add alias", AddAlias{entity, name, "", std::nullopt}};
}

}  // namespace

TEST_CASE("the canonical layout: one record a line, members in a fixed order, every value kept") {
  const std::string canonical = canonical_text(kNotes);
  CHECK(canonical_text(canonical) == canonical);  // formatting twice changes nothing
  const auto lines = lines_of(canonical);
  CHECK(lines[1] == R"(  "format": "parley-dataset/1",)");
  CHECK(lines[2] == R"(  "title": "Notes",)");
  CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& line) {
          return record_line(line) == R"(    {"id":"russia","kind":"state","name":"Russia","sources":[{"source":"s1","quote":"Russia"}]})";
        }) == 1);
  // Properties keep the author's order; other members take the canonical one.
  const std::string reordered = canonical_text(R"({"relations": [{"sources": [{"quote": "q", "source": "s"}],
      "properties": {"role": "r", "note": "n"}, "to": "b", "from": "a", "type": "t"}], "entities": [], "sources": [],
      "format": "parley-dataset/1"})");
  CHECK(reordered.find(R"({"type":"t","from":"a","to":"b","properties":{"role":"r","note":"n"},"sources":[{"source":"s","quote":"q"}]})") !=
        std::string::npos);
}

TEST_CASE("a write to a canonical file changes only the lines of its records") {
  TempDir dir("parley-json-write-test");
  const std::string path = write_file(dir / "notes.json", canonical_text(kNotes));
  const std::string before = canonical_text(kNotes);

  SECTION("added records are new lines, nothing else changes but a comma") {
    Write source{"add source", AddSource{Source{"s2", "Me", "My notes", "", "", "", "", {}, {}, {}}}};
    Write entity{"add entity", AddEntity{"kono", "person", "Taro Kono", {}, {}, Provenance{"s2", "Kono"}}};
    Write relation{"add relation", AddRelation{"holds_office", "kono", "japan", {{"role", "foreign minister"}},
                                               Provenance{"s2", "Foreign Minister Kono"}, {}}};
    JsonWrite out;
    Diagnostics diagnostics;
    REQUIRE(plan_json_writes({path}, 0, {}, kDefaultMaxFileBytes, {source, entity, relation}, out, diagnostics));
    const auto [removed, added] = changed_lines(before, out.text);
    CHECK(removed.empty());
    CHECK(added == std::multiset<std::string>{
                       R"(    {"id":"s2","publisher":"Me","title":"My notes"})",
                       R"(    {"id":"kono","kind":"person","name":"Taro Kono","sources":[{"source":"s2","quote":"Kono"}]})",
                       R"(    {"type":"holds_office","from":"kono","to":"japan","properties":{"role":"foreign minister"},"sources":[{"source":"s2","quote":"Foreign Minister Kono"}]})"});
    // Apart from those, the only lines that differ are the previous last records gaining a comma.
    std::size_t comma_only = 0;
    const auto a = lines_of(before);
    const auto b = lines_of(out.text);
    for (const auto& line : a) {
      if (std::find(b.begin(), b.end(), line) == b.end()) {
        CHECK(std::find(b.begin(), b.end(), line + ",") != b.end());
        ++comma_only;
      }
    }
    CHECK(comma_only == 3);
    CHECK(canonical_text(out.text) == out.text);
  }

  SECTION("a retraction removes its line; a changed entity's line is replaced") {
    Retract relation;
    relation.what = Retract::What::kRelation;
    relation.target = "holds_office";
    relation.from = "abe";
    relation.to = "japan";
    relation.properties = {{"role", "prime minister"}};
    JsonWrite out;
    Diagnostics diagnostics;
    REQUIRE(plan_json_writes({path}, 0, {}, kDefaultMaxFileBytes, {Write{"retract", relation}, add_alias("japan", "Nippon")},
                             out, diagnostics));
    const auto [removed, added] = changed_lines(before, out.text);
    CHECK(removed == std::multiset<std::string>{
                         R"(    {"type":"holds_office","from":"abe","to":"japan","properties":{"role":"prime minister"},"sources":[{"source":"s1","quote":"Prime Minister Shinzo Abe"}]})",
                         R"(    {"id":"japan","kind":"state","name":"Japan","sources":[{"source":"s1","quote":"Japan"}]})"});
    CHECK(added == std::multiset<std::string>{
                       R"(    {"id":"japan","kind":"state","name":"Japan","aliases":["Nippon"],"sources":[{"source":"s1","quote":"Japan"}]})"});
  }

  SECTION("a write that breaks a rule gives the store's errors and no text") {
    Write entity{"add entity", AddEntity{"kono", "persn", "Taro Kono", {}, {}, Provenance{"s1", "Kono"}}};
    JsonWrite out;
    Diagnostics diagnostics;
    CHECK_FALSE(plan_json_writes({path}, 0, {}, kDefaultMaxFileBytes, {entity}, out, diagnostics));
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics.items()[0].code == ErrorCode::kUnknownKind);
    CHECK(diagnostics.items()[0].where.file == "add entity, --kind");
    CHECK(out.text.empty());
  }
}

TEST_CASE("a write refuses a file not in canonical layout, and records of other files") {
  TempDir dir("parley-json-write-test");
  Diagnostics diagnostics;
  JsonWrite out;
  const std::string raw = write_file(dir / "raw.json", kNotes);
  CHECK_FALSE(plan_json_writes({raw}, 0, {}, kDefaultMaxFileBytes, {add_alias("abe", "Shinzo")}, out, diagnostics));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics.items()[0].code == ErrorCode::kUsage);
  CHECK(diagnostics.items()[0].message.find("parley fmt") != std::string::npos);

  Diagnostics other;
  const std::string notes = write_file(
      dir / "notes.json",
      canonical_text(R"({"format": "parley-dataset/1", "sources": [{"id": "n1", "publisher": "Me", "title": "Notes"}],
                         "entities": [], "relations": []})"));
  const std::vector<std::string> paths = {std::string(kEmbeddedDatasetName), notes};
  REQUIRE(json_write_target(paths, other) == std::size_t{1});
  CHECK_FALSE(plan_json_writes(paths, 1, {}, kDefaultMaxFileBytes, {add_alias("vladimir-putin", "Putin V.")}, out, other));
  REQUIRE(other.size() == 1);
  CHECK(other.items()[0].message.find("is in <embedded>/japan-russia.json, which is not written") != std::string::npos);
  CHECK_FALSE(json_write_target({notes, notes + "2"}, other));
}
