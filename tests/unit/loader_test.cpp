#include <catch2/catch.hpp>

#include <filesystem>

#include "parley/graph/database.h"

using namespace parley;
namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = fs::path(PARLEY_SOURCE_DIR) / "tests" / "fixtures";

}  // namespace

TEST_CASE("the embedded dataset loads without a diagnostic", "[loader]") {
  Diagnostics diagnostics;
  const auto db = Database::open({}, diagnostics);
  for (const auto& d : diagnostics.items()) UNSCOPED_INFO(d.to_string());
  REQUIRE(db);
  CHECK(db->dataset().sources.size() == 5);
  CHECK(db->dataset().entities.size() > 50);
  CHECK(db->dataset().relations.size() > 150);
}

TEST_CASE("valid fixtures load", "[loader]") {
  for (const auto& entry : fs::directory_iterator(kFixtures / "valid")) {
    INFO(entry.path());
    // A file named extension-of-default* builds on the embedded dataset.
    std::vector<std::string> paths = {entry.path().string()};
    if (entry.path().filename().string().starts_with("extension-of-default")) {
      paths.insert(paths.begin(), std::string(kEmbeddedDatasetName));
    }
    Diagnostics diagnostics;
    CHECK(Database::open(paths, diagnostics));
    for (const auto& d : diagnostics.items()) UNSCOPED_INFO(d.to_string());
    CHECK(diagnostics.ok());
  }
}

// Each invalid fixture is named after the error code it must produce first
// ("<code>.json" or "<code>--<variant>.json"); every diagnostic must carry a line and column.
TEST_CASE("every invalid fixture is rejected with its code and a position", "[loader]") {
  std::size_t fixtures = 0;
  for (const auto& entry : fs::directory_iterator(kFixtures / "invalid")) {
    const std::string stem = entry.path().stem().string();
    const std::string expected = stem.substr(0, stem.find("--"));
    INFO(entry.path().filename().string());
    Diagnostics diagnostics;
    const auto db = Database::open({entry.path().string()}, diagnostics);
    CHECK_FALSE(db);
    REQUIRE_FALSE(diagnostics.ok());
    if (expected != "many-errors") CHECK(error_code_name(diagnostics.items().front().code) == expected);
    for (const auto& d : diagnostics.items()) {
      INFO(d.to_string());
      CHECK(d.where.file == entry.path().string());
      CHECK(d.where.line > 0);
      CHECK(d.where.column > 0);
    }
    ++fixtures;
  }
  CHECK(fixtures >= 20);
}

TEST_CASE("all errors of a file are reported, not only the first", "[loader]") {
  Diagnostics diagnostics;
  Database::open({(kFixtures / "invalid" / "many-errors.json").string()}, diagnostics);
  std::vector<std::string> codes;
  for (const auto& d : diagnostics.items()) codes.emplace_back(error_code_name(d.code));
  CHECK(codes == std::vector<std::string>{"unknown-kind", "unknown-source", "dangling-reference",
                                          "property-not-allowed"});
}

TEST_CASE("files are merged, and references may cross files", "[loader]") {
  const std::string people = R"({"format": "parley-dataset/1",
    "sources": [{"id": "s", "publisher": "P", "title": "T"}],
    "entities": [{"id": "kono", "kind": "person", "name": "Taro Kono", "sources": [{"source": "s", "quote": "Kono"}]}],
    "relations": []})";
  const std::string offices = R"({"format": "parley-dataset/1", "sources": [],
    "entities": [{"id": "japan", "kind": "state", "name": "Japan", "sources": [{"source": "s", "quote": "Japan"}]}],
    "relations": [{"type": "holds_office", "from": "kono", "to": "japan", "properties": {"role": "foreign minister"},
                   "sources": [{"source": "s", "quote": "Foreign Minister Taro Kono"}]}]})";
  Diagnostics diagnostics;
  const auto db = Database::open_texts({{"people.json", people}, {"offices.json", offices}}, diagnostics);
  for (const auto& d : diagnostics.items()) UNSCOPED_INFO(d.to_string());
  REQUIRE(db);
  CHECK(db->dataset().files == std::vector<std::string>{"people.json", "offices.json"});
  CHECK(db->dataset().relations.size() == 1);

  Diagnostics clash;
  CHECK_FALSE(Database::open_texts({{"a.json", people}, {"b.json", people}}, clash));
  REQUIRE(clash.size() == 2);  // the source id and the entity id
  CHECK(clash.items()[1].to_string() ==
        "b.json:3:25: error[duplicate-id]: \"kono\".id: entity id \"kono\" is already used by the entity "
        "declared at a.json /entities/0");
}

TEST_CASE("an unreadable file is an I/O error naming the path", "[loader]") {
  Diagnostics diagnostics;
  CHECK_FALSE(Database::open({"/nonexistent/parley.json"}, diagnostics));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics.items()[0].code == ErrorCode::kIoError);
  CHECK(diagnostics.items()[0].to_string() ==
        "/nonexistent/parley.json: error[io-error]: cannot open: No such file or directory");
}

TEST_CASE("aliases may not name two entities; names may be shared by namesakes", "[loader]") {
  const auto dataset = [](const std::string& second_name, const std::string& second_alias) {
    return R"({"format": "parley-dataset/1", "sources": [{"id": "s", "publisher": "P", "title": "T"}],
      "entities": [
        {"id": "a", "kind": "person", "name": "John Smith", "aliases": ["Smith"], "sources": [{"source": "s", "quote": "q"}]},
        {"id": "b", "kind": "person", "name": ")" + second_name + R"(", "aliases": [")" + second_alias +
           R"("], "sources": [{"source": "s", "quote": "q"}]}],
      "relations": []})";
  };
  Diagnostics namesakes;
  const auto db = Database::open_texts({{"n.json", dataset("John Smith", "J. Smith")}}, namesakes);
  REQUIRE(db);
  CHECK(db->find("john smith").size() == 2);
  CHECK(db->find("a").size() == 1);

  Diagnostics clash;
  CHECK_FALSE(Database::open_texts({{"c.json", dataset("Jane Smith", "SMITH")}}, clash));
  REQUIRE(clash.size() == 1);
  CHECK(clash.items()[0].code == ErrorCode::kAmbiguousName);
  CHECK(clash.items()[0].where.line == 4);

  Diagnostics alias_is_name;
  CHECK_FALSE(Database::open_texts({{"d.json", dataset("Jane Doe", "john smith")}}, alias_is_name));
  CHECK(alias_is_name.size() == 1);
}

TEST_CASE("past the error limit, problems are counted by code but not kept, and the load still fails", "[loader]") {
  const fs::path file = kFixtures / "invalid" / "many-errors.json";
  Diagnostics all;
  REQUIRE_FALSE(Database::open({file.string()}, all));
  REQUIRE(all.size() > 3);
  REQUIRE(all.dropped().empty());

  Diagnostics limited;
  limited.set_limit(2);
  REQUIRE_FALSE(Database::open({file.string()}, limited));
  CHECK(limited.size() == all.size());  // every problem is still counted
  REQUIRE(limited.items().size() == 2);
  std::size_t dropped = 0;
  for (const auto& [code, n] : limited.dropped()) dropped += n;
  CHECK(dropped == all.size() - 2);
  // Those kept are located like the rest.
  for (const auto& d : limited.items()) {
    CHECK(d.where.line > 0);
    CHECK(d.where.column > 0);
  }
}
