#include <catch2/catch.hpp>

#include "parley/graph/database.h"
#include "parley/common/embedded.h"
#include "parley/schema/schema.h"

using namespace parley;

TEST_CASE("the curated relation schema parses and is consistent", "[schema]") {
  Diagnostics diagnostics;
  const auto schema = RelationSchema::parse(embedded::relation_schema, "relations.json", diagnostics);
  for (const auto& d : diagnostics.items()) UNSCOPED_INFO(d.to_string());
  REQUIRE(schema);
  CHECK(diagnostics.ok());
  // Every kind the brief names exists.
  for (const char* kind : {"person", "state", "island", "island_group", "place", "organisation", "agreement",
                           "meeting", "conference", "event"}) {
    INFO(kind);
    CHECK(schema->find_kind(kind));
  }
  // Every relation type has a reading each way and kinds at both ends.
  for (RelationTypeId t = 0; t < schema->relation_type_count(); ++t) {
    const auto& type = schema->relation_type(t);
    INFO(type.name);
    CHECK_FALSE(type.forward.empty());
    CHECK_FALSE(type.backward.empty());
    CHECK_FALSE(type.domain.empty());
    CHECK_FALSE(type.range.empty());
  }
}

TEST_CASE("kinds form a hierarchy that domains and ranges respect", "[schema]") {
  const RelationSchema& schema = embedded_schema();
  const KindId person = *schema.find_kind("person");
  const KindId actor = *schema.find_kind("actor");
  const KindId meeting = *schema.find_kind("meeting");
  const KindId event = *schema.find_kind("event");
  CHECK(schema.is_a(person, actor));
  CHECK(schema.is_a(meeting, event));
  CHECK_FALSE(schema.is_a(event, meeting));
  CHECK(schema.is_gathering(meeting));
  CHECK(schema.is_gathering(*schema.find_kind("visit")));
  CHECK_FALSE(schema.is_gathering(*schema.find_kind("negotiation")));  // a process over years, not a sitting

  // who-met counts meetings, lists news conferences and conferences apart, and shows calls only when asked.
  CHECK(schema.meeting_role(meeting) == MeetingRole::kCounted);
  CHECK(schema.meeting_role(*schema.find_kind("visit")) == MeetingRole::kCounted);
  CHECK(schema.meeting_role(*schema.find_kind("negotiation_round")) == MeetingRole::kCounted);
  CHECK(schema.meeting_role(*schema.find_kind("news_conference")) == MeetingRole::kListed);
  CHECK(schema.meeting_role(*schema.find_kind("conference")) == MeetingRole::kListed);
  CHECK(schema.meeting_role(*schema.find_kind("call")) == MeetingRole::kWhenAsked);
  CHECK(schema.meeting_role(person) == MeetingRole::kNone);
  // The counted kinds, listed once for every who-met answer, are the kinds whose role is counted.
  std::vector<KindId> counted;
  for (KindId k = 0; k < schema.kind_count(); ++k) {
    if (schema.meeting_role(k) == MeetingRole::kCounted) counted.push_back(k);
  }
  CHECK(schema.counted_kinds() == counted);
  CHECK(counted.size() >= 3);

  const RelationTypeId participant = *schema.find_relation_type("participant_in");
  CHECK(schema.allows_from(participant, person));
  CHECK(schema.allows_to(participant, meeting));
  CHECK_FALSE(schema.allows_to(participant, person));

  // Attributes are inherited down the hierarchy.
  CHECK(schema.find_attribute(meeting, "date"));
  CHECK(schema.find_attribute(meeting, "description"));
  CHECK_FALSE(schema.find_attribute(person, "date"));
}

TEST_CASE("readings fill in the role or drop it cleanly", "[schema]") {
  const RelationSchema& schema = embedded_schema();
  const RelationTypeId office = *schema.find_relation_type("holds_office");
  CHECK(schema.reading(office, true, "deputy foreign minister") == "deputy foreign minister of");
  CHECK(schema.reading(office, false, "foreign minister") == "has foreign minister");
  CHECK(schema.reading(office, true, "") == "of");
  const RelationTypeId administers = *schema.find_relation_type("administers");
  CHECK(schema.reading(administers, true, "") == "administers");
  CHECK(schema.reading(administers, false, "") == "administered by");
}

TEST_CASE("an inconsistent relation schema is rejected with located errors", "[schema]") {
  const std::string broken = R"({
  "kinds": {
    "thing": {"abstract": true},
    "person": {"is_a": "thingg"},
    "a": {"is_a": "b"}, "b": {"is_a": "a"}
  },
  "properties": {"role": {"type": "txt"}},
  "relations": {
    "knows": {"domain": ["person"], "range": ["robot"], "forward": "knows"}
  }
})";
  Diagnostics diagnostics;
  CHECK_FALSE(RelationSchema::parse(broken, "broken.json", diagnostics));
  std::vector<std::string> lines;
  for (const auto& d : diagnostics.items()) {
    lines.push_back(d.to_string());
    UNSCOPED_INFO(lines.back());
  }
  const auto has = [&](const std::string& part) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(part) != std::string::npos; });
  };
  CHECK(has("broken.json:4:24: error[invalid-schema]: is_a names unknown kind \"thingg\""));
  CHECK(has("is_a forms a cycle"));
  CHECK(has("\"type\" must be one of"));
  CHECK(has("unknown kind \"robot\""));
  CHECK(has("needs a \"forward\" and a \"backward\" reading"));
}

TEST_CASE("a kind's who_met role is one of three, and a gathering kind without one is counted", "[schema]") {
  const auto parse = [](const std::string& kinds, Diagnostics& diagnostics) {
    return RelationSchema::parse(R"({"kinds": {"event": {}, "gathering": {"is_a": "event", "gathering": true},)" + kinds +
                                     R"(}, "properties": {}, "relations": {}})",
                                 "test.json", diagnostics);
  };
  Diagnostics ok;
  const auto schema = parse(R"("sitting": {"is_a": "gathering"}, "chat": {"is_a": "gathering", "who_met": "when_asked"})", ok);
  REQUIRE(schema);
  CHECK(schema->meeting_role(*schema->find_kind("sitting")) == MeetingRole::kCounted);
  CHECK(schema->meeting_role(*schema->find_kind("chat")) == MeetingRole::kWhenAsked);
  CHECK(schema->meeting_role(*schema->find_kind("event")) == MeetingRole::kNone);

  Diagnostics bad;
  CHECK_FALSE(parse(R"("sitting": {"is_a": "gathering", "who_met": "sometimes"})", bad));
  REQUIRE(bad.size() == 1);
  CHECK(bad.items()[0].code == ErrorCode::kInvalidSchema);
  CHECK(bad.items()[0].where.json_pointer == "/kinds/sitting/who_met");
}

TEST_CASE("the names queries work with are found when the schema is read, and missing ones stay absent", "[schema]") {
  Diagnostics diagnostics;
  const auto curated = RelationSchema::parse(embedded::relation_schema, "relations.json", diagnostics);
  REQUIRE(curated);
  const CoreNames& names = curated->core_names();
  CHECK(names.event == curated->find_kind("event"));
  CHECK(names.state == curated->find_kind("state"));
  CHECK(names.participant_in == curated->find_relation_type("participant_in"));
  CHECK(names.held_in == curated->find_relation_type("held_in"));
  CHECK(names.part_of == curated->find_relation_type("part_of"));
  CHECK(names.role == curated->find_property("role"));
  CHECK(names.status == curated->find_property("status"));
  CHECK((names.event && names.state && names.participant_in && names.held_in && names.part_of && names.role && names.status));

  const auto bare = RelationSchema::parse(R"({"kinds": {"event": {}}, "properties": {}, "relations": {}})", "bare.json", diagnostics);
  REQUIRE(bare);
  CHECK(bare->core_names().event == bare->find_kind("event"));
  CHECK_FALSE(bare->core_names().state);
  CHECK_FALSE(bare->core_names().participant_in);
  CHECK_FALSE(bare->core_names().role);
}
