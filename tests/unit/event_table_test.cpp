// The event table against the facts read event by event (read_event), and who-met's answers
// against a brute-force scan of every gathering: the table is a cache and must never disagree.
#include <catch2/catch.hpp>

#include <algorithm>
#include <tuple>

#include "default_db.h"
#include "parley/graph/database.h"
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
  std::size_t events = 0;
  for (EntityIndex e = 0; e < db.dataset().entities.size(); ++e) {
    const auto slot = table.slot(e);
    if (!is_event(db, e)) {
      CHECK(slot == EventTable::kNoSlot);
      continue;
    }
    ++events;
    REQUIRE(slot != EventTable::kNoSlot);
    CHECK(table.entity(slot) == e);
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
    }
    const auto venues = table.venues(slot);
    REQUIRE(venues.size() == f.venues.size());
    for (std::size_t i = 0; i < venues.size(); ++i) CHECK(venues[i] == f.venues[i].place);
  }
  CHECK(events == table.size());
  CHECK(events > 20);  // the default dataset's 29 events, not an empty table
}

TEST_CASE("slots run in date order, undated last, then by name") {
  const Database& db = default_db();
  const EventTable& table = db.events();
  for (EventTable::Slot s = 1; s < table.size(); ++s) {
    CHECK(date_key(db, table.entity(s - 1)) < date_key(db, table.entity(s)));
  }
}

TEST_CASE("who-met gives what a scan of every gathering gives, for every person and status") {
  const Database& db = default_db();
  const auto person = *db.schema().find_kind("person");
  for (const std::vector<std::string>& statuses : {std::vector<std::string>{}, std::vector<std::string>{"held"},
                                                   std::vector<std::string>{"planned", "cancelled"}}) {
    MeetingFilter filter;
    filter.statuses = statuses;
    for (EntityIndex a = 0; a < db.dataset().entities.size(); ++a) {
      if (!db.schema().is_a(db.dataset().entities[a].kind, person)) continue;
      std::vector<EntityIndex> expected;
      for (EntityIndex e = 0; e < db.dataset().entities.size(); ++e) {
        if (!db.schema().is_gathering(db.dataset().entities[e].kind)) continue;
        const EventFacts f = read_event(db, e);
        if (f.has_participant(a) && filter.accepts_status(f.status)) expected.push_back(e);
      }
      std::sort(expected.begin(), expected.end(), [&](EntityIndex x, EntityIndex y) { return date_key(db, x) < date_key(db, y); });
      std::vector<EntityIndex> got;
      for (const MeetingRow& row : who_met(db, a, std::nullopt, filter).meetings) got.push_back(row.event);
      INFO(db.dataset().entities[a].id);
      CHECK(got == expected);
    }
  }
}

TEST_CASE("the timeline of everything is every event, in the table's order") {
  const Database& db = default_db();
  const auto rows = timeline(db, TimelineQuery{});
  REQUIRE(rows.size() == db.events().size());
  for (std::size_t i = 0; i < rows.size(); ++i) CHECK(db.events().slot(rows[i].event) == i);
}
