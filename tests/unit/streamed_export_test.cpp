// The whole-graph exports, and the answers that list every event, pair or fact, are written as
// they are made: a stream that records its writes sees many writes of some 64 KB, never the whole
// export or answer at once, and the bytes are those of the export built whole.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "parley/export/dot_export.h"
#include "parley/export/gexf_export.h"
#include "parley/export/graphml_export.h"
#include "parley/graph/database.h"
#include "runner.h"
#include "temp_dir.h"

using namespace parley;

namespace {

// Keeps what is written, and the size of each write the stream hands down.
class RecordingBuffer : public std::streambuf {
 public:
  std::string text;
  std::size_t writes = 0;
  std::size_t largest_write = 0;

 protected:
  int overflow(int c) override {
    if (c != traits_type::eof()) note(std::string(1, static_cast<char>(c)));
    return c;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    note(std::string(s, static_cast<std::size_t>(n)));
    return n;
  }

 private:
  void note(const std::string& bytes) {
    text += bytes;
    ++writes;
    largest_write = std::max(largest_write, bytes.size());
  }
};

std::string two_digits(std::size_t n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// `people` people, each the prime minister of one of five states and at a meeting with the
// next: a DOT of some hundreds of kilobytes, several times the size of one write.
std::string many_people_json(std::size_t people) {
  std::string entities, relations;
  const auto cite = std::string(", \"sources\": [{\"source\": \"s\", \"quote\": \"q\"}]");
  for (std::size_t s = 0; s < 5; ++s) {
    entities += "{\"id\": \"state-" + std::to_string(s) + "\", \"kind\": \"state\", \"name\": \"State " +
                std::to_string(s) + "\"" + cite + "},\n";
  }
  for (std::size_t p = 0; p < people; ++p) {
    const std::string id = "person-" + std::to_string(p);
    entities += "{\"id\": \"" + id + "\", \"kind\": \"person\", \"name\": \"Person " + std::to_string(p) +
                "\"" + cite + "},\n";
    entities += "{\"id\": \"meeting-" + std::to_string(p) +
                "\", \"kind\": \"meeting\", \"name\": \"Meeting " + std::to_string(p) + "\"" + cite +
                ", \"attributes\": [{\"name\": \"date\", \"value\": \"2019-" + two_digits(1 + p % 12) + "-" +
                two_digits(1 + p % 28) + "\"" + cite + "}]},\n";
    relations += "{\"type\": \"holds_office\", \"from\": \"" + id + "\", \"to\": \"state-" +
                 std::to_string(p % 5) + "\", \"properties\": {\"role\": \"prime minister\"}" + cite + "},\n";
    for (const std::size_t who : {p, (p + 1) % people}) {
      relations += "{\"type\": \"participant_in\", \"from\": \"person-" + std::to_string(who) +
                   "\", \"to\": \"meeting-" + std::to_string(p) + "\"" + cite + "},\n";
    }
  }
  entities.resize(entities.size() - 2);
  relations.resize(relations.size() - 2);
  return "{\"format\": \"parley-dataset/1\", \"sources\": [{\"id\": \"s\", \"publisher\": \"P\", "
         "\"title\": \"T\"}],\n\"entities\": [" +
         entities + "],\n\"relations\": [" + relations + "]}";
}

std::unique_ptr<Database> many_people(std::size_t people) {
  Diagnostics diagnostics;
  auto db = Database::open_texts({{"many.json", many_people_json(people)}}, diagnostics);
  for (const auto& d : diagnostics.items()) UNSCOPED_INFO(d.to_string());
  REQUIRE(db);
  return db;
}

}  // namespace

TEST_CASE("DOT of a whole graph is written as it is made, in writes of some 64 KB", "[export][streamed]") {
  const auto db = many_people(2000);
  const Subgraph whole = Subgraph::whole(db->dataset());
  for (const DotLegend legend : {DotLegend::kCompact, DotLegend::kFull, DotLegend::kNone}) {
    for (const bool axis : {false, true}) {
      DotOptions options;
      options.legend = legend;
      options.time_axis = axis;
      RecordingBuffer recorded;
      std::ostream out(&recorded);
      write_dot(out, *db, whole, options);
      const std::string built = to_dot(*db, whole, options);
      INFO("legend " << static_cast<int>(legend) << ", axis " << axis);
      CHECK(recorded.text == built);
      REQUIRE(built.size() > 500'000);
      // Several writes, none of them the whole: 64 KB and the statement that went past it.
      CHECK(recorded.writes >= built.size() / (70 * 1024));
      CHECK(recorded.largest_write < 70 * 1024);
    }
  }
}

TEST_CASE("GraphML and GEXF reach their stream in writes of some 64 KB, not insertion by insertion",
          "[export][streamed]") {
  const auto db = many_people(2000);
  const Subgraph whole = Subgraph::whole(db->dataset());
  for (const bool graphml : {true, false}) {
    INFO((graphml ? "GraphML" : "GEXF"));
    RecordingBuffer recorded;
    std::ostream out(&recorded);
    if (graphml) write_graphml(out, *db, whole);
    else write_gexf(out, *db, whole);
    std::ostringstream whole_text;
    if (graphml) write_graphml(whole_text, *db, whole);
    else write_gexf(whole_text, *db, whole);
    const std::string built = whole_text.str();
    CHECK(recorded.text == built);
    REQUIRE(built.size() > 500'000);
    // Standard output would pass each write to stdio: a dozen small ones per row was a fifth
    // of a whole-graph export.
    CHECK(recorded.writes <= built.size() / (60 * 1024) + 1);
    CHECK(recorded.largest_write <= 64 * 1024);
  }
}

TEST_CASE("DOT written as it is made draws the legend of what the whole graph holds", "[export][streamed]") {
  const auto db = many_people(300);
  const Subgraph whole = Subgraph::whole(db->dataset());
  RecordingBuffer recorded;
  std::ostream out(&recorded);
  write_dot(out, *db, whole);
  // The legend sits in the first write, before any statement, and names what comes later.
  const std::string head = recorded.text.substr(0, recorded.text.find("\n  e0 "));
  CHECK(head.find("participant in") != std::string::npos);
  CHECK(head.find("holds office") != std::string::npos);
  CHECK(head.find(">held<") == std::string::npos);  // no meeting states a status
}

TEST_CASE("export -o FILE writes the bytes export prints, into the file as they are made",
          "[export][streamed]") {
  const TempDir dir("parley-streamed-export");
  const std::string data = dir / "many.json";
  std::ofstream(data, std::ios::binary) << many_people_json(5000);
  const auto read = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  };
  for (const std::string format : {"dot", "graphml", "gexf", "json"}) {
    INFO(format);
    std::ostringstream printed, messages;
    REQUIRE(parley::cli::run_command_line({"--db", data, "export", "--format", format}, {}, printed, messages)
                .exit_code == 0);
    REQUIRE(printed.str().size() > 1'100'000);  // past what -o holds in memory before it streams
    const std::string file = dir / ("export." + format);
    std::ostringstream nothing;
    REQUIRE(parley::cli::run_command_line({"--db", data, "export", "--format", format, "-o", file}, {},
                                          nothing, messages)
                .exit_code == 0);
    CHECK(nothing.str().empty());
    CHECK(read(file) == printed.str());
  }
}

TEST_CASE("answers that list every event, pair or fact hand their rows on as they are written",
          "[export][streamed]") {
  // 3,000 meetings of two people each, no status stated (so who-met asks for any), person p
  // prime minister of state p % 5: every answer below is more than one write.
  const auto db = many_people(3000);
  struct Asked {
    std::vector<std::string> words;
    const char* rows;      // the JSON answer's array of rows (under "reported" for sources)
    std::size_t expected;  // how many
  };
  const std::vector<Asked> questions = {
      {{"timeline"}, "events", 3000},                              // every meeting once
      {{"who-met", "--all", "--status", "any"}, "pairs", 3000},    // each pair (p, p + 1) once
      // Each of state-0's 600 prime ministers at two meetings, each with another state's.
      {{"who-met", "state-0", "--status", "any"}, "meetings", 1200},
      // The one source reports every relation: an office and two participations per person.
      {{"sources", "--by", "P"}, "relations", 9000},
  };
  for (const Asked& asked : questions) {
    for (const std::string format : {"json", "csv", "text"}) {
      if (format == "csv" && asked.words[0] == "sources") continue;  // sources has no CSV
      std::vector<std::string> args = asked.words;
      args.insert(args.end(), {"--format", format});
      INFO(args[0] << " " << args[1] << " " << format);
      RecordingBuffer recorded;
      std::ostream out(&recorded);
      std::ostringstream messages;
      REQUIRE(parley::cli::run_command_line(args, {db.get(), true}, out, messages).exit_code == 0);
      REQUIRE(recorded.text.size() > 100'000);  // more than one write could hold
      CHECK(recorded.largest_write < 70 * 1024);
      if (format != "json") continue;
      rapidjson::Document answer;
      REQUIRE_FALSE(answer.Parse(recorded.text.c_str()).HasParseError());
      const rapidjson::Value& within = answer.HasMember("reported") ? answer["reported"] : answer;
      CHECK(within[asked.rows].Size() == asked.expected);
    }
  }
}
