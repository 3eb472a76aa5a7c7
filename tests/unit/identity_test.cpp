// Identity across merged files: same_as folds, distinct_from silences, wrong declarations are
// located errors, and look-alike entities of two files are warned about once each.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>

#include "parley/graph/database.h"
#include "parley/graph/lookalikes.h"
#include "load/diagnostic_sink.h"
#include "load/json_reader.h"

using namespace parley;

namespace {

const std::string kFixtures = std::string(PARLEY_SOURCE_DIR) + "/tests/fixtures/identity/";

std::unique_ptr<Database> open_with_default(const std::vector<std::string>& files, Diagnostics& diagnostics) {
  std::vector<std::string> paths = {std::string(kEmbeddedDatasetName)};
  for (const auto& f : files) paths.push_back(kFixtures + f);
  return Database::open(paths, diagnostics);
}

std::size_t count_code(const Diagnostics& diagnostics, ErrorCode code) {
  return static_cast<std::size_t>(std::count_if(diagnostics.items().begin(), diagnostics.items().end(),
                                                [&](const Diagnostic& d) { return d.code == code; }));
}

}  // namespace

TEST_CASE("names look alike when equal, or the shorter within the longer with the same ends", "[identity]") {
  struct Case {
    const char* a;
    const char* b;
    bool alike;
  };
  const Case cases[] = {
      {"sergey lavrov", "sergey lavrov", true},
      {"sergey lavrov", "sergey viktorovich lavrov", true},
      {"sergey viktorovich lavrov", "sergey lavrov", true},
      {"vladimir putin", "vladimir vladimirovich putin", true},
      {"japan", "japan", true},
      {"lavrov", "sergey lavrov", false},          // one word matches only itself
      {"trump", "donald trump", false},
      {"sergey lavrov", "lavrov sergey", false},  // the ends must agree
      {"sergey lavrov", "sergey ivanov", false},
      {"sergey petrov lavrov", "sergey lavrov petrov", false},
      {"", "", false},
  };
  for (const auto& c : cases) {
    INFO(c.a << " / " << c.b);
    CHECK(names_look_alike(c.a, c.b) == c.alike);
  }
}

TEST_CASE("same_as folds an entity into the one it names, and both ids find it", "[identity]") {
  Diagnostics diagnostics;
  const auto plain = open_with_default({"icews-like.json"}, diagnostics);
  REQUIRE(plain);
  Diagnostics merged_diagnostics;
  const auto db = open_with_default({"icews-like.json", "icews-identity.json"}, merged_diagnostics);
  for (const auto& d : merged_diagnostics.items()) UNSCOPED_INFO(d.to_string());
  REQUIRE(db);
  CHECK(merged_diagnostics.size() == 0);  // Lavrov is decided: no warning left

  const Dataset& data = db->dataset();
  CHECK(data.entities.size() == plain->dataset().entities.size() - 2);
  REQUIRE(data.merged.size() == 2);
  const auto lavrov = data.find_entity("sergey-lavrov");
  REQUIRE(lavrov);
  CHECK(data.find_entity("icews-sergey-viktorovich-lavrov") == lavrov);
  CHECK(data.find_entity("icews-russian-federation") == data.find_entity("russia"));
  CHECK(db->find("Sergey Viktorovich Lavrov") == std::vector<EntityIndex>{*lavrov});
  const Entity& entity = data.entities[*lavrov];
  CHECK(entity.name == "Sergey Lavrov");
  CHECK(std::any_of(entity.aliases.begin(), entity.aliases.end(),
                    [](const Alias& a) { return a.name == "Sergey Viktorovich Lavrov"; }));
  // The ICEWS relations now end at the curated entities, and keep their own citations.
  const auto meeting = data.find_entity("icews-meeting-2018-05-31-pyongyang");
  REQUIRE(meeting);
  const auto participant = *db->schema().find_relation_type("participant_in");
  const auto icews_source = *data.source_by_id.find("icews-story-47401149");
  CHECK(std::any_of(data.relations.begin(), data.relations.end(), [&](const Relation& r) {
    return r.type == participant && r.from == *lavrov && r.to == *meeting && r.citations.front().source == icews_source;
  }));
  // Every relation's ends are entities that remain.
  for (const auto& r : data.relations) {
    CHECK(r.from < data.entities.size());
    CHECK(r.to < data.entities.size());
  }
}

TEST_CASE("each wrong identity record is a located error, and nothing loads", "[identity]") {
  Diagnostics diagnostics;
  const auto db = open_with_default({"icews-like.json", "identity-errors.json"}, diagnostics);
  CHECK_FALSE(db);
  for (const auto code : {ErrorCode::kDanglingReference, ErrorCode::kIdentityKindMismatch, ErrorCode::kInvalidValue,
                          ErrorCode::kIdentityConflict, ErrorCode::kIdentityChain}) {
    INFO(error_code_name(code));
    CHECK(count_code(diagnostics, code) >= 1);
  }
  for (const auto& d : diagnostics.items()) {
    INFO(d.to_string());
    CHECK(d.severity == Severity::kError);
    CHECK(d.where.file == kFixtures + "identity-errors.json");
    CHECK(d.where.line > 0);
  }
}

TEST_CASE("an entity like one of an earlier file is a warning that lets the data load", "[identity]") {
  Diagnostics diagnostics;
  const auto db = open_with_default({"own-trump.json"}, diagnostics);
  REQUIRE(db);
  CHECK(diagnostics.ok());
  REQUIRE(diagnostics.warning_count() == 1);
  const Diagnostic& warning = diagnostics.items().front();
  CHECK(warning.code == ErrorCode::kLookalike);
  CHECK(warning.severity == Severity::kWarning);
  CHECK(warning.where.record == "trump");
  CHECK(warning.where.line > 0);
  CHECK(db->find("Donald Trump").size() == 2);

  Diagnostics declared;
  REQUIRE(open_with_default({"own-trump.json", "trump-distinct.json"}, declared));
  CHECK(declared.size() == 0);
}

TEST_CASE("look-alikes are grouped, not compared pair by pair: each entity is reported once", "[identity]") {
  // 300 namesakes in each of two files: 90,000 pairs look alike; 300 warnings, one per entity
  // of the later file.
  const auto file = [](const std::string& prefix) {
    std::string json = R"({"format": "parley-dataset/1", "sources": [{"id": ")" + prefix +
                       R"(-s", "publisher": "p", "title": "t"}], "entities": [)";
    for (int i = 0; i < 300; ++i) {
      json += std::string(i ? "," : "") + R"({"id": ")" + prefix + std::to_string(i) +
              R"(", "kind": "person", "name": "John Smith", "sources": [{"source": ")" + prefix + R"(-s", "quote": "q"}]})";
    }
    return json + R"(], "relations": []})";
  };
  Diagnostics diagnostics;
  const auto db = Database::open_texts({{"a.json", file("a")}, {"b.json", file("b")}}, diagnostics);
  REQUIRE(db);
  CHECK(diagnostics.warning_count() == 300);
  std::set<std::string> warned;
  for (const auto& d : diagnostics.items()) {
    CHECK(d.where.file == "b.json");
    warned.insert(d.where.record);
  }
  CHECK(warned.size() == 300);

  Diagnostics one_file;
  REQUIRE(Database::open_texts({{"a.json", file("a")}}, one_file));
  CHECK(one_file.size() == 0);
}

TEST_CASE("many positions in one file are found in one walk, as line_column finds each", "[identity]") {
  // A byte-order mark, accents, several lines and one long line: the walk must agree with
  // line_column() everywhere.
  std::string text = "\xEF\xBB\xBF{\"a\": [";
  std::vector<std::string> pointers;
  for (int i = 0; i < 200; ++i) {
    text += std::string(i ? "," : "") + (i % 50 == 0 ? "\n  " : "") + "\"Sérgey " + std::to_string(i) + "\"";
    pointers.push_back("/a/" + std::to_string(i));
  }
  text += "]}";
  parley::Diagnostics diagnostics;
  for (auto it = pointers.rbegin(); it != pointers.rend(); ++it) {  // out of order on purpose
    parley::Location where;
    where.file = "f.json";
    where.json_pointer = *it;
    diagnostics.add_warning(parley::ErrorCode::kLookalike, "x", where);
  }
  parley::detail::resolve_positions("f.json", text, diagnostics);
  const auto offsets = parley::detail::locate(text, pointers);
  for (const auto& d : diagnostics.items()) {
    const auto i = static_cast<std::size_t>(std::stoul(d.where.json_pointer.substr(3)));
    const auto expected = parley::detail::line_column(text, *offsets[i]);
    INFO(d.where.json_pointer);
    CHECK(d.where.line == expected.line);
    CHECK(d.where.column == expected.column);
  }
}
