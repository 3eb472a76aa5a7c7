// Files are read record by record when nothing is wrong, and as whole documents otherwise;
// both paths must build the same dataset, and the streamed one must step aside, silently,
// whenever the other has something to report.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "dataset_loader.h"
#include "parley/database.h"
#include "parley/embedded.h"
#include "record_stream.h"

using namespace parley;
using namespace parley::detail;
namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = fs::path(PARLEY_SOURCE_DIR) / "tests" / "fixtures";

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void describe(std::ostringstream& out, const std::vector<Citation>& citations) {
  for (const auto& c : citations) out << " [" << c.source << ":" << c.quote << "]";
}

// Everything a dataset holds, as text, so that two loads compare with a readable difference.
std::string describe(const Dataset& d) {
  std::ostringstream out;
  for (const auto& f : d.files) out << "file " << f << "\n";
  for (const auto& s : d.sources) {
    out << "source " << s.id << "|" << s.publisher << "|" << s.title << "|" << s.published << "|" << s.file << "|"
        << s.url << "|" << s.note << "\n";
  }
  for (const auto& e : d.entities) {
    out << "entity " << e.id << " kind " << e.kind << " name " << e.name << " at " << e.origin.file << "/"
        << e.origin.record;
    describe(out, e.citations);
    for (const auto& a : e.aliases) {
      out << "\n  alias " << a.name << "|" << a.note;
      describe(out, a.citations);
    }
    for (const auto& a : e.attributes) {
      out << "\n  attribute " << a.name << "=" << a.value << "|" << a.qualifier;
      describe(out, a.citations);
    }
    out << "\n";
  }
  for (const auto& r : d.relations) {
    out << "relation " << r.type << " " << r.from << "->" << r.to << " at " << r.origin.file << "/" << r.origin.record;
    for (const auto& p : r.properties) out << " " << p.property << "=" << p.value;
    describe(out, r.citations);
    out << "\n";
  }
  for (const auto& e : d.entities) out << "find " << e.id << " " << d.find_entity(e.id).value_or(999999) << "\n";
  return out.str();
}

struct Loaded {
  bool done = false;
  Dataset dataset;
  Diagnostics diagnostics;
};

Loaded load(const std::vector<DatasetText>& inputs, LoadPath path) {
  Loaded out;
  out.done = load_datasets(inputs, embedded_schema(), embedded::dataset_schema, out.dataset, out.diagnostics, path);
  return out;
}

DatasetText fixture(const fs::path& path) { return DatasetText{path.filename().string(), read(path)}; }
DatasetText default_dataset() { return DatasetText{"japan-russia.json", std::string(embedded::default_dataset)}; }

}  // namespace

TEST_CASE("records are visited in file order and the skeleton keeps the rest with empty arrays", "[stream]") {
  const std::string text = R"({"format": "f", "sources": [{"id": "s"}], "title": ["t", {"x": 1}],
    "entities": [{"id": "a", "n": [1, 2.5, null, true]}, "scalar", {"id": "b"}], "relations": []})";
  std::vector<std::string> seen;
  rapidjson::Document skeleton;
  const auto visit = [&](std::string_view array, std::uint32_t index, const rapidjson::Value& record) {
    std::string what = std::string(array) + "/" + std::to_string(index) + ":";
    if (record.IsObject()) what += std::string(record["id"].GetString()) + std::to_string(record.MemberCount());
    else what += record.GetString();
    if (record.IsObject() && record.HasMember("n")) {
      CHECK(record["n"].Size() == 4);
      CHECK(record["n"][1].GetDouble() == 2.5);
      CHECK(record["n"][3].GetBool());
    }
    seen.push_back(what);
    return true;
  };
  REQUIRE(stream_records(text, visit, skeleton));
  CHECK(seen == std::vector<std::string>{"sources/0:s1", "entities/0:a2", "entities/1:scalar", "entities/2:b1"});
  REQUIRE(skeleton.IsObject());
  CHECK(skeleton.MemberCount() == 5);
  CHECK(std::string(skeleton["format"].GetString()) == "f");
  CHECK(skeleton["sources"].IsArray());
  CHECK(skeleton["sources"].Empty());
  CHECK(skeleton["entities"].Empty());
  CHECK(skeleton["title"].Size() == 2);  // not a records array: kept whole
  CHECK(skeleton["title"][1]["x"].GetInt() == 1);
}

TEST_CASE("streaming stops when the visitor says so, and on any text the strict parse rejects", "[stream]") {
  rapidjson::Document skeleton;
  int visits = 0;
  const auto stop_at_second = [&](std::string_view, std::uint32_t, const rapidjson::Value&) { return ++visits < 2; };
  CHECK_FALSE(stream_records(R"({"relations": [{}, {}, {}]})", stop_at_second, skeleton));
  CHECK(visits == 2);
  const auto any = [](std::string_view, std::uint32_t, const rapidjson::Value&) { return true; };
  const std::vector<std::string> rejected = {"", R"({"a": 1, "a": 2})", R"({"entities": [{"id": "\udc00"}]})",
                                            R"({"x": [1,)", "{} x", std::string("{\"a\": \"\0\"}", 10)};
  for (const auto& bad : rejected) {
    INFO(bad);
    CHECK_FALSE(stream_records(bad, any, skeleton));
  }
}

TEST_CASE("streamed and whole-document loads build the same dataset", "[stream]") {
  std::vector<std::vector<DatasetText>> cases = {{default_dataset()}};
  for (const auto& entry : fs::directory_iterator(kFixtures / "valid")) {
    if (entry.path().filename().string().starts_with("extension-of-default")) {
      cases.push_back({default_dataset(), fixture(entry.path())});
    } else {
      cases.push_back({fixture(entry.path())});
    }
  }
  for (const auto& inputs : cases) {
    INFO(inputs.back().name);
    const Loaded streamed = load(inputs, LoadPath::kStreamedOnly);
    CHECK(streamed.done);  // valid data in canonical order needs no second reading
    const Loaded whole = load(inputs, LoadPath::kWholeDocuments);
    REQUIRE(whole.diagnostics.ok());
    CHECK(describe(streamed.dataset) == describe(whole.dataset));
    CHECK(describe(load(inputs, LoadPath::kAuto).dataset) == describe(whole.dataset));
  }
}

TEST_CASE("records that refer forward are loaded by reading the files again whole", "[stream]") {
  const std::string minimal = read(kFixtures / "valid" / "minimal.json");
  // The same records with the arrays in reverse: relations first, sources last.
  const auto member = [&](const char* name) {
    const auto start = minimal.find("\"" + std::string(name) + "\"");
    const auto end = minimal.find("\n  ]", start);
    return minimal.substr(start, end + 4 - start);
  };
  const std::string reversed = "{\n  \"format\": \"parley-dataset/1\",\n  " + member("relations") + ",\n  " +
                               member("entities") + ",\n  " + member("sources") + "\n}\n";
  const Loaded in_order = load({{"minimal.json", minimal}}, LoadPath::kAuto);
  REQUIRE(in_order.diagnostics.ok());

  CHECK_FALSE(load({{"minimal.json", reversed}}, LoadPath::kStreamedOnly).done);
  const Loaded fallback = load({{"minimal.json", reversed}}, LoadPath::kAuto);
  CHECK(fallback.diagnostics.ok());
  CHECK(describe(fallback.dataset) == describe(in_order.dataset));

  // A relation in the first file naming an entity of the second.
  const std::string first = R"({"format": "parley-dataset/1", "sources": [{"id": "s1", "publisher": "p", "title": "t"}],
    "entities": [{"id": "abe", "kind": "person", "name": "Shinzo Abe", "sources": [{"source": "s1", "quote": "q"}]}],
    "relations": [{"type": "holds_office", "from": "abe", "to": "japan", "properties": {"role": "prime minister"},
                   "sources": [{"source": "s1", "quote": "q"}]}]})";
  const std::string second = R"({"format": "parley-dataset/1", "sources": [],
    "entities": [{"id": "japan", "kind": "state", "name": "Japan", "sources": [{"source": "s1", "quote": "q"}]}],
    "relations": []})";
  const std::vector<DatasetText> two = {{"first.json", first}, {"second.json", second}};
  CHECK_FALSE(load(two, LoadPath::kStreamedOnly).done);
  const Loaded merged = load(two, LoadPath::kAuto);
  CHECK(merged.diagnostics.ok());
  CHECK(merged.dataset.relations.size() == 1);
  CHECK(describe(merged.dataset) == describe(load(two, LoadPath::kWholeDocuments).dataset));
}

TEST_CASE("the streamed path reports nothing and leaves every invalid fixture to the other", "[stream]") {
  int files = 0;
  for (const auto& entry : fs::directory_iterator(kFixtures / "invalid")) {
    if (entry.path().extension() != ".json") continue;
    INFO(entry.path());
    const Loaded streamed = load({fixture(entry.path())}, LoadPath::kStreamedOnly);
    const Loaded whole = load({fixture(entry.path())}, LoadPath::kWholeDocuments);
    CHECK(streamed.diagnostics.size() == 0);
    // A fixture whose problem only the name index finds (an ambiguous alias) loads here.
    if (!whole.diagnostics.ok()) CHECK_FALSE(streamed.done);
    ++files;
  }
  CHECK(files > 30);
}
