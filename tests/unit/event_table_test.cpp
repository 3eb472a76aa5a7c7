// The event table against the facts read event by event (read_event), and who-met's answers
// against a brute-force scan of every gathering: the table is a cache and must never disagree.
#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>

#include "default_db.h"
#include "generated_dataset.h"
#include "parley/graph/database.h"
#include "parley/query/differing_values.h"
#include "parley/query/event_facts.h"
#include "parley/graph/event_table.h"
#include "parley/graph/names.h"
#include "parley/query/timeline.h"
#include "parley/query/who_met.h"

using namespace parley;

namespace {

bool is_event(const Database& db, EntityIndex e) {
  const KindId kind = db.dataset().entities[e].kind;
  return db.schema().is_gathering(kind) || db.schema().is_a(kind, *db.schema().find_kind("event"));
}

// The order sort keys the table promises: narrowest date, undated last, then name.
auto date_key(const Database& db, EntityIndex e) {
  const EventFacts f = read_event(db, e);
  const NameOrder names(db.names(), db.dataset());
  return std::tuple(!f.date, f.date ? f.date->first_day() : 0, f.date ? f.date->last_day() : 0, names.rank(e));
}

}  // namespace

TEST_CASE("every event's row agrees with its facts read one by one") {
  const Database& db = default_db();
  const EventTable& table = db.events();
  const auto part_of = db.schema().find_relation_type("part_of");
  REQUIRE(part_of);
  std::size_t events = 0, differing = 0, part_of_another = 0;
  for (EntityIndex e = 0; e < db.dataset().entities.size(); ++e) {
    const auto slot = table.slot(e);
    if (!is_event(db, e)) {
      CHECK(slot == EventTable::kNoSlot);
      continue;
    }
    ++events;
    REQUIRE(slot != EventTable::kNoSlot);
    CHECK(table.entity(slot) == e);
    CHECK(table.id(slot) == db.dataset().entities[e].id);
    const EventFacts f = read_event(db, e);
    INFO(db.dataset().entities[e].id);
    CHECK(table.status_name(table.status(slot)) == f.status);
    CHECK(table.is_gathering(slot) == db.schema().is_gathering(db.dataset().entities[e].kind));
    const auto span = table.span(slot);
    REQUIRE(span.has_value() == f.span().has_value());
    if (span) CHECK(std::tie(span->first, span->last) == std::tie(f.span()->first, f.span()->last));
    const auto seats = table.seats(slot);
    REQUIRE(seats.size() == f.participants.size());
    for (std::size_t i = 0; i < seats.size(); ++i) {
      CHECK(seats[i].who == f.participants[i].who);
      CHECK(seats[i].counts == f.counts(f.participants[i]));
      CHECK(table.participant_id(slot, i) == db.dataset().entities[f.participants[i].who].id);
    }
    const auto venues = table.venues(slot);
    REQUIRE(venues.size() == f.venues.size());
    for (std::size_t i = 0; i < venues.size(); ++i) CHECK(venues[i] == f.venues[i].place);
    CHECK(table.kind(slot) == db.dataset().entities[e].kind);
    REQUIRE(table.date(slot).has_value() == f.date.has_value());
    if (f.date) CHECK(*table.date(slot) == *f.date);
    const bool differ = !differing_attributes(db.dataset(), db.dataset().entities[e]).empty();
    CHECK(table.sources_differ(slot) == differ);
    differing += differ;
    // From the dataset's relations, not the graph's edges the table was built from.
    const bool within = std::any_of(db.dataset().relations.begin(), db.dataset().relations.end(),
                                    [&](const Relation& r) { return r.type == *part_of && r.from == e; });
    CHECK(table.is_part_of_another(slot) == within);
    part_of_another += within;
  }
  CHECK(events == table.size());
  CHECK(events > 20);  // the default dataset's 29 events, not an empty table
  // Both answers of each flag were checked, not only the common one.
  CHECK(differing > 0);
  CHECK(differing < events);
  CHECK(part_of_another > 0);
  CHECK(part_of_another < events);
}

TEST_CASE("each participant's id in the table is its entity's, in a dataset whose events the table reorders") {
  const auto db = open_generated("parley-participant-ids-test", "--scale 0.004 --shape cited --seed 11");
  const EventTable& table = db->events();
  std::size_t seats = 0, moved = 0;
  for (EventTable::Slot slot = 0; slot < table.size(); ++slot) {
    INFO(table.id(slot));
    CHECK(table.id(slot) == db->dataset().entities[table.entity(slot)].id);
    moved += slot > 0 && table.entity(slot) < table.entity(slot - 1);
    const auto list = table.seats(slot);
    for (std::size_t i = 0; i < list.size(); ++i, ++seats) {
      CHECK(table.participant_id(slot, i) == db->dataset().entities[list[i].who].id);
    }
  }
  CHECK(seats > 100);
  CHECK(moved > 0);  // events the file has in another order than their dates
}

TEST_CASE("slots run in date order, undated last, then by name") {
  const Database& db = default_db();
  const EventTable& table = db.events();
  for (EventTable::Slot s = 1; s < table.size(); ++s) {
    CHECK(date_key(db, table.entity(s - 1)) < date_key(db, table.entity(s)));
  }
}

namespace {

// Calls visit(filter, a) for every person a of `db` under each of three status filters: any
// status, held, and planned or cancelled.
template <typename Visit>
void for_each_status_and_person(const Database& db, Visit visit) {
  const RelationSchema& schema = db.schema();
  const auto person = *schema.find_kind("person");
  for (const std::vector<std::string>& statuses : {std::vector<std::string>{}, std::vector<std::string>{"held"},
                                                   std::vector<std::string>{"planned", "cancelled"}}) {
    MeetingFilter filter;
    filter.statuses = statuses;
    for (EntityIndex a = 0; a < db.dataset().entities.size(); ++a) {
      if (schema.is_a(db.dataset().entities[a].kind, person)) visit(filter, a);
    }
  }
}

}  // namespace

TEST_CASE("who-met gives what a scan of every gathering gives, for every person and status") {
  const Database& db = default_db();
  const RelationSchema& schema = db.schema();
  const auto part_of = *schema.find_relation_type("part_of");
  for_each_status_and_person(db, [&](const MeetingFilter& filter, EntityIndex a) {
    INFO(db.dataset().entities[a].id);
    // Every gathering A attended of a kind who-met shows, read event by event.
    std::vector<EntityIndex> attended;
    for (EntityIndex e = 0; e < db.dataset().entities.size(); ++e) {
      const MeetingRole role = schema.meeting_role(db.dataset().entities[e].kind);
      if (role != MeetingRole::kCounted && role != MeetingRole::kListed) continue;
      const EventFacts f = read_event(db, e);
      if (f.has_participant(a) && filter.accepts_status(f.status)) attended.push_back(e);
    }
    const auto by_date = [&](EntityIndex x, EntityIndex y) { return date_key(db, x) < date_key(db, y); };
    std::sort(attended.begin(), attended.end(), by_date);
    // Meetings: of a counted kind, with someone else counted there, and not part of another such.
    const auto is_meeting = [&](EntityIndex e) {
      if (schema.meeting_role(db.dataset().entities[e].kind) != MeetingRole::kCounted) return false;
      const EventFacts f = read_event(db, e);
      return std::any_of(f.participants.begin(), f.participants.end(),
                         [&](const Participation& p) { return p.who != a && f.counts(p); });
    };
    std::vector<EntityIndex> meetings;
    std::copy_if(attended.begin(), attended.end(), std::back_inserter(meetings), is_meeting);
    std::erase_if(meetings, [&](EntityIndex e) {
      return std::any_of(db.dataset().relations.begin(), db.dataset().relations.end(), [&](const Relation& r) {
        return r.type == part_of && r.from == e && std::find(meetings.begin(), meetings.end(), r.to) != meetings.end();
      });
    });

    const WhoMetResult result = who_met(db, a, std::nullopt, filter);
    std::vector<EntityIndex> got_meetings;
    std::vector<EntityIndex> got_all;
    for (const MeetingRow& row : result.meetings) got_meetings.push_back(row.event);
    got_all = got_meetings;
    for (const auto& rows : result.within) {
      for (const MeetingRow& row : rows) got_all.push_back(row.event);
    }
    for (const MeetingRow& row : result.also) got_all.push_back(row.event);
    std::sort(got_all.begin(), got_all.end(), by_date);
    CHECK(got_meetings == meetings);
    CHECK(got_all == attended);  // each gathering shown once: counted, under its meeting, or apart
  });
}

TEST_CASE("a news conference held at a meeting is listed under it and never counted") {
  const Database& db = default_db();
  const auto id = [&](std::string_view name) { return *db.dataset().find_entity(name); };
  MeetingFilter held;
  held.statuses = {"held"};
  const WhoMetResult result = who_met(db, id("taro-kono"), id("sergey-lavrov"), held);
  REQUIRE(result.meetings.size() == 3);
  const auto tokyo = std::find_if(result.meetings.begin(), result.meetings.end(),
                                  [&](const MeetingRow& row) { return row.event == id("kono-lavrov-tokyo-2019-05-31"); });
  REQUIRE(tokyo != result.meetings.end());
  const auto& within = result.within[static_cast<std::size_t>(tokyo - result.meetings.begin())];
  REQUIRE(within.size() == 1);
  CHECK(within[0].event == id("kono-lavrov-joint-news-conference-2019-05-31"));
  CHECK(result.also.empty());

  // Asked for, news conferences are counted, solo ones included; meetings are then listed apart.
  MeetingFilter conferences;
  conferences.counted_kinds = {*db.schema().find_kind("news_conference")};
  conferences.statuses = {"held"};
  const WhoMetResult putin = who_met(db, id("vladimir-putin"), std::nullopt, conferences);
  CHECK(putin.meetings.size() == 2);
  CHECK(putin.also.size() == 3);
}

TEST_CASE("the timeline of everything is every event, in the table's order") {
  const Database& db = default_db();
  const auto rows = timeline(db, TimelineQuery{});
  REQUIRE(rows.size() == db.events().size());
  for (std::size_t i = 0; i < rows.size(); ++i) CHECK(db.events().slot(rows[i].event) == i);
}

namespace {

// What an answer says it did not count, as it was found before who-met's left_out: who-met asked
// again with any status, and its meetings kept whose status the filter does not.
std::vector<EntityIndex> left_out_by_asking_again(const Database& db, EntityIndex a, std::optional<EntityIndex> b,
                                                  const MeetingFilter& filter) {
  if (filter.statuses.empty()) return {};
  MeetingFilter any = filter;
  any.statuses.clear();
  std::vector<EntityIndex> out;
  for (const MeetingRow& row : who_met(db, a, b, any).meetings) {
    if (!filter.accepts_status(read_event(db, row.event).status)) out.push_back(row.event);
  }
  return out;
}

// who-met's left_out against that, for every person alone and with each of their counterparts.
std::size_t check_left_out(const Database& db) {
  std::size_t nonempty = 0;
  for_each_status_and_person(db, [&](const MeetingFilter& filter, EntityIndex a) {
    std::vector<std::optional<EntityIndex>> partners = {std::nullopt};
    for (const Counterpart& c : who_met(db, a, std::nullopt, MeetingFilter{}).counterparts) partners.push_back(c.who);
    for (const auto& b : partners) {
      INFO(db.dataset().entities[a].id << " with " << (b ? db.dataset().entities[*b].id : "anyone"));
      std::vector<EntityIndex> got;
      for (const MeetingRow& row : who_met(db, a, b, filter).left_out) got.push_back(row.event);
      const std::vector<EntityIndex> expected = left_out_by_asking_again(db, a, b, filter);
      REQUIRE(got == expected);
      nonempty += !got.empty();
    }
  });
  return nonempty;
}

}  // namespace

TEST_CASE("the meetings an answer leaves out by status are those who-met with any status would count") {
  // The embedded dataset has meetings held within visits and cancelled or planned talks.
  CHECK(check_left_out(default_db()) > 10);
  const auto generated = open_generated("parley-left-out-test", "--scale 0.004 --shape cited --seed 7");
  CHECK(check_left_out(*generated) > 10);
}
