// Files are read record by record when nothing is wrong, and as whole documents otherwise;
// both paths must build the same dataset, and the streamed one must step aside, silently,
// whenever the other has something to report.
#include <deque>
#include <catch2/catch.hpp>
#include <deque>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "load/dataset_loader.h"
#include "parley/graph/database.h"
#include "parley/common/embedded.h"
#include "load/record_stream.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

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

void describe(std::ostringstream& out, const CitationList& citations) {
  for (const auto& c : citations) out << " [" << c.source << ":" << c.quote << (c.is_coded() ? " record " + std::to_string(c.record) : "") << "]";
}

// Everything a dataset holds, as text, so that two loads compare with a readable difference.
std::string describe(const Dataset& d) {
  std::ostringstream out;
  for (const auto& f : d.files) out << "file " << f << "\n";
  for (const auto& s : d.sources) {
    out << "source " << s.id << "|" << s.publisher << "|" << s.title << "|" << s.published << "|" << s.file << "|"
        << s.url << "|" << s.note << "|" << s.evidence << "\n";
  }
  for (const auto& r : d.records) {
    out << "record " << r.event_id << "|" << r.story_id << "|" << r.sentence << "|" << r.publisher << "|" << r.cameo << "|"
        << r.event_text << "|" << r.url << "\n";
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

Loaded load(const std::vector<DatasetText>& inputs, LoadPath path, Reading reading = Reading::kBySize) {
  Loaded out;
  out.done = load_datasets(inputs, embedded_schema(), embedded::dataset_schema, out.dataset, out.diagnostics, path,
                           reading);
  return out;
}

std::string to_json(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return buffer.GetString();
}

// What a reading shows its visitor, in order, and how it ends: the two readings (on this
// thread, or on a second one) must show the same. `stop_at` is the visit that returns false,
// `reject_at` the record the check rejects, `throw_at` the visit that throws.
struct Seen {
  std::vector<std::string> visits;
  bool read = false;
  std::string skeleton;
};

Seen stream(std::string_view text, Reading reading, std::size_t stop_at = SIZE_MAX, std::size_t reject_at = SIZE_MAX,
            std::size_t records_per_batch = 512) {
  Seen seen;
  std::size_t checked = 0;
  const RecordCheck check = [&](std::string_view, const rapidjson::Value&) { return checked++ != reject_at; };
  const RecordVisitor visit = [&](std::string_view array, std::uint32_t index, const rapidjson::Value& record) {
    seen.visits.push_back(std::string(array) + "/" + std::to_string(index) + " " + to_json(record));
    return seen.visits.size() - 1 != stop_at;
  };
  rapidjson::Document skeleton;
  seen.read = stream_records(text, visit, skeleton, {.reading = reading, .check = check, .records_per_batch = records_per_batch});
  if (seen.read) seen.skeleton = to_json(skeleton);
  return seen;
}

// A valid dataset of `n` people, for readings that span many batches.
std::string many_people(std::size_t n) {
  std::string text = R"({"format": "parley-dataset/1", "sources": [{"id": "s1", "publisher": "p", "title": "t"}],
    "entities": [)";
  for (std::size_t i = 0; i < n; ++i) {
    text += (i ? ",\n" : "") + std::string(R"({"id": "p)") + std::to_string(i) + R"(", "kind": "person", "name": "Person )" +
            std::to_string(i) + R"(", "sources": [{"source": "s1", "quote": "q"}]})";
  }
  return text + "],\n  \"relations\": []}";
}

bool operator==(const Seen& a, const Seen& b) {
  return a.visits == b.visits && a.read == b.read && a.skeleton == b.skeleton;
}

// The loader reads text its caller holds: a fixture's text is kept until the tests end.
std::string_view kept(std::string text) {
  static std::deque<std::string> texts;
  return texts.emplace_back(std::move(text));
}

DatasetText fixture(const fs::path& path) { return DatasetText{path.filename().string(), kept(read(path))}; }
DatasetText default_dataset() { return DatasetText{"japan-russia.json", embedded::default_dataset}; }

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

TEST_CASE("a second reading thread shows the visitor exactly what one thread does", "[stream]") {
  std::vector<DatasetText> texts = {default_dataset()};
  for (const char* dir : {"valid", "invalid"}) {
    for (const auto& entry : fs::directory_iterator(kFixtures / dir)) {
      if (entry.path().extension() == ".json") texts.push_back(fixture(entry.path()));
    }
  }
  for (const auto& text : texts) {
    INFO(text.name);
    const Seen one = stream(text.text, Reading::kSameThread);
    CHECK(one == stream(text.text, Reading::kBackground));
    CHECK(one == stream(text.text, Reading::kBackground, SIZE_MAX, SIZE_MAX, /*records_per_batch=*/1));
  }
  // A dataset of several batches: stopping, or a rejected record, anywhere in them (at a
  // batch's edge too) ends both readings at the same record.
  const std::string text = many_people(2000);
  const std::size_t records = stream(text, Reading::kSameThread).visits.size();
  REQUIRE(records > 2 * 512);
  for (const std::size_t at : {std::size_t{0}, std::size_t{1}, std::size_t{511}, std::size_t{512}, std::size_t{513}, records - 1}) {
    INFO(at);
    const Seen stopped = stream(text, Reading::kSameThread, at);
    CHECK_FALSE(stopped.read);
    CHECK(stopped.visits.size() == at + 1);
    CHECK(stopped == stream(text, Reading::kBackground, at));
    const Seen rejected = stream(text, Reading::kSameThread, SIZE_MAX, at);
    CHECK_FALSE(rejected.read);
    CHECK(rejected.visits.size() == at);
    CHECK(rejected == stream(text, Reading::kBackground, SIZE_MAX, at));
  }
}

TEST_CASE("a visitor's exception reaches the caller, with the reading thread stopped", "[stream]") {
  const std::string text = many_people(2000);
  std::size_t visits = 0;
  const RecordVisitor visit = [&](std::string_view, std::uint32_t, const rapidjson::Value&) -> bool {
    if (++visits == 700) throw std::runtime_error("visitor failed");
    return true;
  };
  rapidjson::Document skeleton;
  CHECK_THROWS_WITH(stream_records(text, visit, skeleton, {.reading = Reading::kBackground}), "visitor failed");
  CHECK(visits == 700);
}

TEST_CASE("loads read on a second thread build the same dataset", "[stream]") {
  std::vector<std::vector<DatasetText>> cases = {{default_dataset()}};
  for (const auto& entry : fs::directory_iterator(kFixtures / "valid")) {
    if (!entry.path().filename().string().starts_with("extension-of-default")) cases.push_back({fixture(entry.path())});
  }
  for (const auto& inputs : cases) {
    INFO(inputs.back().name);
    const Loaded background = load(inputs, LoadPath::kStreamedOnly, Reading::kBackground);
    CHECK(background.done);
    CHECK(describe(background.dataset) == describe(load(inputs, LoadPath::kWholeDocuments).dataset));
  }
  for (const auto& entry : fs::directory_iterator(kFixtures / "invalid")) {
    if (entry.path().extension() != ".json") continue;
    INFO(entry.path());
    const Loaded one = load({fixture(entry.path())}, LoadPath::kAuto, Reading::kSameThread);
    const Loaded two = load({fixture(entry.path())}, LoadPath::kAuto, Reading::kBackground);
    CHECK(two.diagnostics.size() == one.diagnostics.size());
    CHECK(describe(two.dataset) == describe(one.dataset));
  }
}
