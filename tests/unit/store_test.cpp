// The store keeps exactly what it is given and what it is told: a dataset built into a store
// reads back record for record, writes are checked as the loader checks a file and committed
// whole or not at all, history answers as of any transaction, and a damaged file is refused.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "parley/export/dataset_json.h"
#include "parley/graph/database.h"
#include "parley/store/open.h"
#include "parley/store/store.h"
#include "parley/store/write.h"
#include "store_fixture.h"

using namespace parley;
namespace fs = std::filesystem;

namespace {

void describe(std::ostringstream& out, const Dataset& d, const CitationList& citations) {
  for (const auto& c : citations) out << " [" << d.sources[c.source].id << ":" << c.quote << "]";
}

// Every record and value of a dataset, as text, so that two compare with a readable difference.
std::string describe(const Dataset& d) {
  std::ostringstream out;
  for (const auto& s : d.sources) {
    out << "source " << s.id << "|" << s.publisher << "|" << s.title << "|" << s.published << "|" << s.file << "|"
        << s.url << "|" << s.note << "\n";
  }
  for (const auto& e : d.entities) {
    out << "entity " << e.id << " kind " << e.kind << " name " << e.name;
    describe(out, d, e.citations);
    for (const auto& a : e.aliases) {
      out << "\n  alias " << a.name << "|" << a.note;
      describe(out, d, a.citations);
    }
    for (const auto& a : e.attributes) {
      out << "\n  attribute " << a.name << "=" << a.value << "|" << a.qualifier;
      describe(out, d, a.citations);
    }
    out << "\n";
  }
  for (const auto& r : d.relations) {
    out << "relation " << r.type << " " << d.entities[r.from].id << "->" << d.entities[r.to].id;
    for (const auto& p : r.properties) out << " " << p.property << "=" << p.value;
    describe(out, d, r.citations);
    out << "\n";
  }
  return out.str();
}

std::unique_ptr<Database> open(const std::vector<std::string>& paths, const AsOf& as_of = {}) {
  Diagnostics diagnostics;
  auto db = open_dataset_or_store(paths, as_of, diagnostics);
  for (const auto& d : diagnostics.items()) UNSCOPED_INFO(d.to_string());
  return db;
}

bool write(const std::string& store_path, const std::vector<Write>& writes, Diagnostics& diagnostics,
           const std::string& message = "test write") {
  auto store = Store::open(store_path, diagnostics);
  if (!store) return false;
  WriteResult result;
  return apply_writes(*store, writes, TransactionInfo{0, "", "tester", message}, {}, result, diagnostics);
}

Provenance asahi() { return {"asahi-2019-06", "Lavrov visited Tokyo"}; }

bool has_code(const Diagnostics& diagnostics, ErrorCode code) {
  for (const auto& d : diagnostics.items()) {
    if (d.code == code) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a store built from the default dataset reads back record for record", "[store]") {
  TempDir dir("parley-store-test");
  build_store(dir / "talks.parley", {});
  const auto json = open({});
  const auto stored = open({dir / "talks.parley"});
  REQUIRE(json);
  REQUIRE(stored);
  CHECK(describe(stored->dataset()) == describe(json->dataset()));
}

TEST_CASE("the JSON export of a dataset loads back to the same records", "[store][export]") {
  const auto json = open({});
  REQUIRE(json);
  const std::string exported = to_dataset_json(json->dataset(), json->schema());
  Diagnostics diagnostics;
  const auto again = Database::open_texts({{"exported.json", exported}}, diagnostics);
  for (const auto& d : diagnostics.items()) UNSCOPED_INFO(d.to_string());
  REQUIRE(again);
  CHECK(describe(again->dataset()) == describe(json->dataset()));
  CHECK(to_dataset_json(again->dataset(), again->schema()) == exported);
}

TEST_CASE("build refuses to replace an existing file", "[store]") {
  TempDir dir("parley-store-test");
  build_store(dir / "talks.parley", {});
  Diagnostics diagnostics;
  const auto db = Database::open({}, diagnostics);
  CHECK_FALSE(Store::create(dir / "talks.parley", db->dataset(), db->schema(), {}, {}, diagnostics));
  CHECK(has_code(diagnostics, ErrorCode::kIoError));
}

TEST_CASE("a meeting added is what who-met reads; as of before, it is not there", "[store][write]") {
  TempDir dir("parley-store-test");
  build_store(dir / "talks.parley", {});
  AddMeeting meeting;
  meeting.participants = {"Kono", "Lavrov"};
  meeting.at = "Osaka";
  meeting.date = "2019-06-29";
  meeting.status = "held";
  meeting.provenance = asahi();
  Diagnostics diagnostics;
  REQUIRE(write(dir / "talks.parley", {Write{"add meeting", meeting}}, diagnostics));
  const auto now = open({dir / "talks.parley"});
  const auto before = open({dir / "talks.parley"}, AsOf{1, std::nullopt});
  REQUIRE(now);
  REQUIRE(before);
  const auto id = now->dataset().find_entity("kono-lavrov-osaka-2019-06-29");
  REQUIRE(id);
  CHECK(now->dataset().entities[*id].name == "Kono\u2013Lavrov meeting in Osaka");
  CHECK(now->dataset().relations.size() == before->dataset().relations.size() + 3);
  CHECK_FALSE(before->dataset().find_entity("kono-lavrov-osaka-2019-06-29"));
  CHECK(describe(before->dataset()) == describe(open({})->dataset()));
}

TEST_CASE("a write that breaks a rule is refused with the option named, and nothing is written", "[store][write]") {
  TempDir dir("parley-store-test");
  build_store(dir / "talks.parley", {});
  AddMeeting meeting;
  meeting.participants = {"Kono", "Lavrov"};
  meeting.at = "Tokio";  // no such place
  meeting.date = "2019-02-30";  // no such day
  meeting.status = "helt";
  meeting.provenance = asahi();
  AddEntity entity{"new-person", "persn", "New Person", {}, {}, {"nowhere", "a quote"}};
  Diagnostics diagnostics;
  CHECK_FALSE(write(dir / "talks.parley", {Write{"line 1", meeting}, Write{"line 2", entity}}, diagnostics));
  std::string all;
  for (const auto& d : diagnostics.items()) all += d.to_string() + "\n";
  INFO(all);
  CHECK(all.find("line 1, --at: error[dangling-reference]") != std::string::npos);
  CHECK(all.find("line 1, --date: error[invalid-date]") != std::string::npos);
  CHECK(all.find("line 1, --status: error[invalid-value]") != std::string::npos);
  CHECK(all.find("line 2, --kind: error[unknown-kind]") != std::string::npos);
  CHECK(all.find("line 2, --source: error[unknown-source]") != std::string::npos);
  std::vector<TransactionSummary> log;
  Diagnostics ignored;
  auto store = Store::open(dir / "talks.parley", ignored);
  REQUIRE(store);
  REQUIRE(store->log(log, ignored));
  CHECK(log.size() == 1);
}

TEST_CASE("retracting keeps history; an entity still referred to cannot be retracted alone", "[store][write]") {
  TempDir dir("parley-store-test");
  build_store(dir / "talks.parley", {});
  Retract alone;
  alone.what = Retract::What::kEntity;
  alone.target = "Morgulov";
  Diagnostics diagnostics;
  CHECK_FALSE(write(dir / "talks.parley", {Write{"retract entity", alone}}, diagnostics));
  CHECK(has_code(diagnostics, ErrorCode::kDanglingReference));

  Retract with_relations = alone;
  with_relations.with_relations = true;
  diagnostics = {};
  REQUIRE(write(dir / "talks.parley", {Write{"retract entity", with_relations}}, diagnostics));
  CHECK_FALSE(open({dir / "talks.parley"})->dataset().find_entity("igor-morgulov"));
  CHECK(open({dir / "talks.parley"}, AsOf{1, std::nullopt})->dataset().find_entity("igor-morgulov"));
}

TEST_CASE("aliases and attributes are added to and retracted from an existing entity", "[store][write]") {
  TempDir dir("parley-store-test");
  build_store(dir / "talks.parley", {});
  Diagnostics diagnostics;
  REQUIRE(write(dir / "talks.parley",
                {Write{"a", AddAlias{"Lavrov", "S. Lavrov", "", asahi()}},
                 Write{"b", AddAttribute{"Lavrov", "description", "Russian foreign minister", "", asahi(), {}}}},
                diagnostics));
  auto db = open({dir / "talks.parley"});
  const EntityIndex lavrov = *db->dataset().find_entity("sergey-lavrov");
  CHECK(db->find("S. Lavrov") == std::vector<EntityIndex>{lavrov});
  CHECK(db->dataset().attribute_values(lavrov, "description").size() == 1);

  Retract alias;
  alias.what = Retract::What::kAlias;
  alias.target = "sergey-lavrov";
  alias.name = "S. Lavrov";
  REQUIRE(write(dir / "talks.parley", {Write{"c", alias}}, diagnostics));
  db = open({dir / "talks.parley"});
  CHECK(db->find("S. Lavrov").empty());
  CHECK(db->dataset().attribute_values(lavrov, "description").size() == 1);

  // An alias that would name two entities is refused, as in a file.
  diagnostics = {};
  CHECK_FALSE(write(dir / "talks.parley", {Write{"d", AddAlias{"Kono", "Lavrov", "", std::nullopt}}}, diagnostics));
  CHECK(has_code(diagnostics, ErrorCode::kAmbiguousName));
}

TEST_CASE("a store opened as of a time sees the transactions up to then", "[store]") {
  TempDir dir("parley-store-test");
  build_store(dir / "talks.parley", {});
  Diagnostics diagnostics;
  CHECK_FALSE(open({dir / "talks.parley"}, AsOf{std::nullopt, std::string("2000-01-01")}));
  CHECK(open({dir / "talks.parley"}, AsOf{std::nullopt, std::string("2999-01-01")}));
  CHECK_FALSE(open({dir / "talks.parley"}, AsOf{std::nullopt, std::string("yesterday")}));
  CHECK_FALSE(open({dir / "talks.parley"}, AsOf{7, std::nullopt}));
}

TEST_CASE("a file that is not a store, truncated, damaged or of another version is refused", "[store]") {
  TempDir dir("parley-store-test");
  build_store(dir / "talks.parley", {});
  const auto bytes = [&] {
    std::ifstream in(dir / "talks.parley", std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  const auto refused = [&](const std::string& name, const std::string& content, const std::string& expected) {
    {
      std::ofstream out(dir / name, std::ios::binary);
      out << content;
    }
    Diagnostics diagnostics;
    CHECK_FALSE(open_dataset_or_store({dir / name}, {}, diagnostics));
    REQUIRE(diagnostics.size() >= 1);
    INFO(diagnostics.items().front().to_string());
    CHECK(diagnostics.items().front().where.file == dir / name);
    CHECK(diagnostics.items().front().message.find(expected) != std::string::npos);
  };
  refused("text.parley", "not a store at all, just text that goes on for a while........................", "not a parley store");
  refused("empty.parley", "", "not a parley store");
  refused("half.parley", bytes.substr(0, bytes.size() / 2), "corrupt");
  refused("header.parley", bytes.substr(0, 100), "corrupt");
  // One byte of a quote changed: SQLite's pages are intact, the checksum is not.
  std::string flipped = bytes;
  const auto quote = flipped.find("Prime Minister Shinzo Abe");
  REQUIRE(quote != std::string::npos);
  flipped[quote] = 'Q';
  refused("flipped.parley", flipped, "corrupt");
  // user_version is the big-endian integer at byte 60 of SQLite's header.
  std::string version = bytes;
  version[63] = 9;
  refused("version.parley", version, "format version 9");
}

TEST_CASE("a source still cited cannot be retracted; one cited by nothing can", "[store][write]") {
  TempDir dir("parley-store-test");
  build_store(dir / "talks.parley", {});
  Retract cited;
  cited.what = Retract::What::kSource;
  cited.target = "asahi-2019-06";
  Diagnostics diagnostics;
  CHECK_FALSE(write(dir / "talks.parley", {Write{"retract source", cited}}, diagnostics));
  CHECK(has_code(diagnostics, ErrorCode::kUnknownSource));

  Source source{"notes", "Me", "Notes", "", "", "", "", "", {}, {}};
  Retract uncited;
  uncited.what = Retract::What::kSource;
  uncited.target = "notes";
  diagnostics = {};
  REQUIRE(write(dir / "talks.parley", {Write{"add", AddSource{source}}}, diagnostics));
  REQUIRE(write(dir / "talks.parley", {Write{"retract", uncited}}, diagnostics));
  CHECK_FALSE(open({dir / "talks.parley"})->dataset().source_by_id.find("notes"));
  CHECK(open({dir / "talks.parley"}, AsOf{2, std::nullopt})->dataset().source_by_id.find("notes"));
}
