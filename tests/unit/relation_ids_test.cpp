// Relation ids, source bylines and authors, and attribution on attributes: read by the loader,
// checked (an id names one record), written by the JSON export and kept by a store, whose
// reading gives back what was built.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

#include "parley/export/dataset_json.h"
#include "parley/graph/database.h"
#include "parley/store/store.h"
#include "parley/query/source_list.h"
#include "default_db.h"
#include "store_fixture.h"

using namespace parley;
namespace fs = std::filesystem;

namespace {

const std::string kBylines = std::string(PARLEY_SOURCE_DIR) + "/tests/fixtures/valid/bylines.json";

std::unique_ptr<Database> open_text(const std::string& json, Diagnostics& diagnostics) {
  return Database::open_texts({Database::Text{"test.json", json}}, diagnostics);
}

// A dataset of two entities and the relations given, each a JSON object's members.
std::string with_relations(const std::vector<std::string>& relations) {
  std::string out = R"({"format": "parley-dataset/1",
    "sources": [{"id": "s1", "publisher": "P", "title": "T"}],
    "entities": [{"id": "abe", "kind": "person", "name": "Abe", "sources": [{"source": "s1", "quote": "Abe"}]},
                 {"id": "japan", "kind": "state", "name": "Japan", "sources": [{"source": "s1", "quote": "Japan"}]}],
    "relations": [)";
  for (std::size_t i = 0; i < relations.size(); ++i) {
    // A relation given its own properties keeps them; the others hold the role holds_office needs.
    const bool own_properties = relations[i].find("properties") != std::string::npos;
    out += (i ? ", " : "") + std::string(R"({"type": "holds_office", "from": "abe", "to": "japan", )") +
           (own_properties ? "" : R"("properties": {"role": "pm"}, )") + relations[i] +
           R"(, "sources": [{"source": "s1", "quote": "Abe"}]})";
  }
  return out + "]}";
}

}  // namespace

TEST_CASE("every relation of the default dataset has an id that says what it is, unique among them", "[dataset][ids]") {
  const Dataset& data = default_db().dataset();
  std::set<std::string> seen;
  for (const Relation& r : data.relations) {
    INFO(r.id);
    CHECK_FALSE(r.id.empty());
    CHECK(seen.insert(r.id).second);
    CHECK_FALSE(data.find_entity(r.id));
    // The id begins with its two ends' ids around its type: "shinzo-abe-holds-office-japan".
    std::string type = default_db().schema().relation_type(r.type).name;
    std::replace(type.begin(), type.end(), '_', '-');
    CHECK(r.id.starts_with(data.entities[r.from].id + "-" + type + "-" + data.entities[r.to].id));
  }
}

TEST_CASE("relation ids are optional, unique among relations, and never an entity's", "[loader][ids]") {
  Diagnostics ok;
  const auto db = open_text(with_relations({R"("id": "a")", R"("id": "b")", R"("properties": {"role": "x"})"}), ok);
  // (the third has no id)
  for (const auto& d : ok.items()) UNSCOPED_INFO(d.to_string());
  REQUIRE(db);
  CHECK(db->dataset().relations[0].id == "a");
  CHECK(db->dataset().relations[2].id.empty());

  Diagnostics twice;
  CHECK_FALSE(open_text(with_relations({R"("id": "a")", R"("id": "a")"}), twice));
  REQUIRE(twice.items().size() == 1);
  CHECK(twice.items()[0].code == ErrorCode::kDuplicateId);
  CHECK(twice.items()[0].where.json_pointer == "/relations/1/id");
  CHECK(twice.items()[0].where.record == "a");  // a relation with an id is named by it
  CHECK(twice.items()[0].where.line > 0);

  Diagnostics entity;
  CHECK_FALSE(open_text(with_relations({R"("id": "japan")"}), entity));
  REQUIRE(entity.items().size() == 1);
  CHECK(entity.items()[0].code == ErrorCode::kDuplicateId);
  CHECK(entity.items()[0].message.find("entity declared at") != std::string::npos);

  Diagnostics control;
  CHECK_FALSE(open_text(with_relations({R"("id": "a\u202eb")"}), control));
  REQUIRE_FALSE(control.items().empty());
  CHECK(control.items()[0].code == ErrorCode::kInvalidValue);
}

TEST_CASE("a diagnostic about a relation with an id names it by its id", "[loader][ids]") {
  Diagnostics diagnostics;
  CHECK_FALSE(open_text(with_relations({R"("id": "abe-pm", "properties": {"rol": "pm"})"}), diagnostics));
  REQUIRE_FALSE(diagnostics.items().empty());
  CHECK(diagnostics.items()[0].where.record == "abe-pm");
}

TEST_CASE("a relation id clashing with an entity of a later file is found by the streamed load too", "[loader][ids]") {
  const std::string first = with_relations({R"("id": "later")"});
  const std::string second = R"({"format": "parley-dataset/1", "sources": [], "relations": [],
    "entities": [{"id": "later", "kind": "person", "name": "Later", "sources": [{"source": "s1", "quote": "Abe"}]}]})";
  Diagnostics diagnostics;
  CHECK_FALSE(Database::open_texts({Database::Text{"a.json", first}, Database::Text{"b.json", second}}, diagnostics));
  REQUIRE(diagnostics.items().size() == 1);
  CHECK(diagnostics.items()[0].code == ErrorCode::kDuplicateId);
}

TEST_CASE("ids, bylines, authors and attributions go through the JSON export and a store unchanged", "[store][ids]") {
  Diagnostics diagnostics;
  const auto db = Database::open({kBylines}, diagnostics);
  REQUIRE(db);
  const Dataset& data = db->dataset();
  CHECK(data.sources[0].byline == "By Jane Roe and John Doe");
  CHECK(data.sources[0].authors == std::vector<std::string>{"Jane Roe", "John Doe"});
  CHECK(data.sources[1].authors.empty());
  CHECK(data.entities[2].attributes[0].attribution == "a senior official");

  const std::string exported = to_dataset_json(data, db->schema());
  CHECK(exported.find(R"("id":"abe-holds-office-japan","type":"holds_office")") != std::string::npos);
  CHECK(exported.find(R"("byline":"By Jane Roe and John Doe","authors":["Jane Roe","John Doe"])") != std::string::npos);
  CHECK(exported.find(R"("attribution":"a senior official","sources")") != std::string::npos);

  TempDir dir("parley-ids-test");
  const std::string store = dir / "bylines.parley";
  build_store(store, {kBylines});
  auto opened = Store::open(store, diagnostics);
  REQUIRE(opened);
  CHECK(opened->format() == kStoreFormatVersion);
  Dataset read;
  REQUIRE(opened->read(db->schema(), {}, read, diagnostics));
  CHECK(to_dataset_json(read, db->schema()) == exported);
}

TEST_CASE("sources_by finds a publisher or an author by some of their words, and facts_citing what they reported",
          "[query][bylines]") {
  const Dataset& data = default_db().dataset();
  const auto ids = [&](const std::vector<SourceIndex>& sources) {
    std::vector<std::string> out;
    for (const SourceIndex s : sources) out.push_back(data.sources[s].id);
    return out;
  };
  CHECK(ids(sources_by(data, "Yuka Takeshita")) == std::vector<std::string>{"asahi-2018-12", "asahi-2019-06"});
  CHECK(ids(sources_by(data, "TAKESHITA")) == std::vector<std::string>{"asahi-2018-12", "asahi-2019-06"});
  CHECK(ids(sources_by(data, "Ishibashi")) == std::vector<std::string>{"asahi-2019-06"});
  CHECK(ids(sources_by(data, "Jiji Press")) == std::vector<std::string>{"jiji-2019-01-15"});
  CHECK(sources_by(data, "Takeshita Yuka").empty());  // words in order, as the byline writes them
  CHECK(sources_by(data, "Reuters").empty());

  const auto jiji = sources_by(data, "Jiji");
  const ReportedFacts facts = facts_citing(data, jiji);
  CHECK_FALSE(facts.relations.empty());
  for (const RelationIndex r : facts.relations) {
    const auto& c = data.relations[r].citations;
    CHECK(std::any_of(c.begin(), c.end(), [&](const Citation& x) { return x.source == jiji.front(); }));
  }
  // As many facts as `parley sources` counts for the source.
  const auto summary = summarise_sources(default_db());
  CHECK(facts.relations.size() == summary[jiji.front()].relations);
  CHECK(facts.attributes.size() == summary[jiji.front()].attributes);
  CHECK(facts.entities.size() == summary[jiji.front()].entities);
}
