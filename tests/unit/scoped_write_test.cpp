// A write checked against only the records it touches reaches the verdict a check against the
// whole store reaches. Two stores of the default dataset take the same transactions, one by
// the touched-records check (falling back to the whole store where it must), the other always
// by the whole: each transaction must succeed or fail alike, with the same messages and the
// same report, and leave the two stores with the same records. The transactions cover every
// rule a write can break (duplicate ids and names, unknown sources and entities, kinds, a
// containment cycle, entity-valued properties, ambiguous names) and every kind of write.
#include <catch2/catch.hpp>

#include "parley/export/dataset_json.h"
#include "parley/store/open.h"
#include "parley/store/write.h"
#include "store_fixture.h"

using namespace parley;

namespace {

struct Outcome {
  bool ok = false;
  bool read_whole = false;
  std::vector<std::string> done;
  std::string messages;
};

Outcome apply(const std::string& path, const std::vector<Write>& writes, WriteCheck check) {
  Diagnostics diagnostics;
  Outcome outcome;
  auto store = Store::open(path, diagnostics);
  REQUIRE(store);
  WriteResult result;
  outcome.ok = apply_writes(*store, writes, TransactionInfo{0, "", "tester", "test"}, {}, result, diagnostics, check);
  outcome.read_whole = result.read_whole;
  outcome.done = result.done;
  // Messages name the store; the two stores' names differ, and only that may.
  for (const auto& d : diagnostics.items()) {
    std::string message = d.to_string() + "\n";
    for (std::size_t at; (at = message.find(path)) != std::string::npos;) message.replace(at, path.size(), "STORE");
    outcome.messages += message;
  }
  return outcome;
}

// The store's current records, as the lossless dataset JSON.
std::string records(const std::string& path) {
  Diagnostics diagnostics;
  const auto db = open_dataset_or_store({path}, {}, diagnostics);
  REQUIRE(db);
  return to_dataset_json(db->dataset(), db->schema());
}

Provenance asahi(const std::string& quote = "Lavrov visited Tokyo") { return {"asahi-2019-06", quote}; }

Write add_entity(std::string id, std::string kind, std::string name, std::vector<std::string> aliases = {},
                 Provenance p = asahi()) {
  return Write{"add entity", AddEntity{std::move(id), std::move(kind), std::move(name), std::move(aliases), {}, std::move(p)}};
}
Write add_relation(std::string type, std::string from, std::string to, NamedValues properties = {},
                   Provenance p = asahi()) {
  return Write{"add relation", AddRelation{std::move(type), std::move(from), std::move(to), std::move(properties), std::move(p), {}}};
}
Write add_meeting(std::vector<std::string> participants, std::string at, std::string date) {
  AddMeeting m;
  m.participants = std::move(participants);
  m.at = std::move(at);
  m.date = std::move(date);
  m.status = "held";
  m.provenance = asahi();
  return Write{"add meeting", m};
}
Write retract_relation(std::string type, std::string from, std::string to, bool all = false) {
  Retract r;
  r.what = Retract::What::kRelation;
  r.target = std::move(type);
  r.from = std::move(from);
  r.to = std::move(to);
  r.all = all;
  return Write{"retract relation", r};
}

struct Transaction {
  std::string what;
  std::vector<Write> writes;
  bool touched_only;  // checked, when it succeeds, without reading the whole store
};

}  // namespace

TEST_CASE("a write checked against the records it touches is judged as against the whole store", "[store][write]") {
  TempDir dir("parley-scoped-write-test");
  const std::string touched = dir / "touched.parley", whole = dir / "whole.parley";
  build_store(touched, {});
  build_store(whole, {});
  Source source;
  source.id = "tass-2019-06";
  source.publisher = "Tass";
  source.title = "Lavrov in Tokyo";
  Retract alias_gone;
  alias_gone.what = Retract::What::kAlias;
  alias_gone.target = "yuri-ushakov";
  alias_gone.name = "Ushakov";
  Retract entity_gone;
  entity_gone.what = Retract::What::kEntity;
  entity_gone.target = "yuri-ushakov";
  Retract entity_with_relations = entity_gone;
  entity_with_relations.with_relations = true;
  Retract source_gone;
  source_gone.what = Retract::What::kSource;
  source_gone.target = "tass-2019-06";

  const std::vector<Transaction> transactions = {
      {"a new source", {Write{"add source", AddSource{source}}}, true},
      {"a source id already used", {Write{"add source", AddSource{source}}}, false},
      {"a new person with an alias", {add_entity("yuri-ushakov", "person", "Yuri Ushakov", {"Ushakov"})}, true},
      {"an entity id already used", {add_entity("sergey-lavrov", "person", "Someone Else")}, false},
      {"an alias another entity has", {add_entity("another-lavrov", "person", "Another Person", {"Lavrov"})}, false},
      {"a name another entity has as alias", {add_entity("kono-2", "person", "Kono")}, false},
      {"a relation by names", {add_relation("participant_in", "Ushakov", "abe-putin-buenos-aires-2018-12-01")}, true},
      {"a name as people write it", {add_relation("counterpart_of", "Lavrov, Sergey", "Kono")}, true},
      {"an unknown source", {add_relation("participant_in", "Ushakov", "tokyo", {}, {"no-such-source", "q"})}, false},
      {"an unknown entity", {add_relation("participant_in", "Ushakov", "no-such-meeting")}, false},
      {"a kind the relation does not take", {add_relation("participant_in", "tokyo", "japan")}, false},
      {"an ambiguous name", {add_relation("participant_in", "Abe", "abe-putin-buenos-aires-2018-12-01")}, false},
      {"a containment cycle",
       {add_relation("part_of", "peace-treaty-negotiations", "kono-lavrov-moscow-2019-01-14")},
       false},
      {"an entity-valued property naming nothing",
       {add_relation("position_on", "Lavrov", "peace-treaty", {{"position", "wants a treaty"}, {"voiced_at", "no-such-meeting"}})},
       false},
      {"an entity-valued property",
       {add_relation("position_on", "Lavrov", "peace-treaty", {{"position", "wants a treaty"}, {"voiced_at", "kono-lavrov-tokyo-2019-05-31"}})},
       true},
      {"a meeting", {add_meeting({"Kono", "Lavrov"}, "Tokyo", "2019-05-31")}, true},
      {"the same meeting again, under another id", {add_meeting({"Kono", "Lavrov"}, "Tokyo", "2019-05-31")}, true},
      {"an alias, an attribute and a relation at once",
       {Write{"add alias", AddAlias{"Ushakov", "Yuri V. Ushakov", "", asahi()}},
        Write{"add attribute", AddAttribute{"yuri-ushakov", "description", "aide", "", asahi(), {}}},
        add_relation("participant_in", "yuri-ushakov", "kono-lavrov-tokyo-2019-05-31")},
       true},
      {"a relation retracted", {retract_relation("participant_in", "yuri-ushakov", "abe-putin-buenos-aires-2018-12-01")}, true},
      {"a relation that is not there", {retract_relation("participant_in", "yuri-ushakov", "abe-putin-buenos-aires-2018-12-01")}, false},
      {"an alias retracted", {Write{"retract alias", alias_gone}}, true},
      {"an entity others still refer to", {Write{"retract entity", entity_gone}}, false},
      {"an entity with its relations", {Write{"retract entity", entity_with_relations}}, false},
      {"a source retracted", {Write{"retract source", source_gone}}, false},
      {"a source, an entity citing it and a relation, at once",
       {Write{"add source", AddSource{source}}, add_entity("new-aide", "person", "New Aide", {}, {"tass-2019-06", "an aide"}),
        add_relation("participant_in", "new-aide", "kono-lavrov-tokyo-2019-05-31", {}, {"tass-2019-06", "an aide"})},
       true},
  };
  for (const auto& t : transactions) {
    INFO(t.what);
    const Outcome by_touched = apply(touched, t.writes, WriteCheck::kTouched);
    const Outcome by_whole = apply(whole, t.writes, WriteCheck::kWhole);
    CHECK(by_touched.ok == by_whole.ok);
    CHECK(by_touched.messages == by_whole.messages);
    CHECK(by_touched.done == by_whole.done);
    CHECK(by_whole.read_whole);
    UNSCOPED_INFO(by_whole.messages);
    if (t.touched_only) {
      CHECK(by_touched.ok);
      CHECK_FALSE(by_touched.read_whole);
    }
    REQUIRE(records(touched) == records(whole));
  }
}
