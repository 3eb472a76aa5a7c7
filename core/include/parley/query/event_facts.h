// What the sources say about one event, gathered from its attributes and relations: dates (the
// most precise one to sort by, and every one stated), status, participants with their roles,
// places and stated figures such as "the 24th meeting" or "about four hours".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/graph/database.h"
#include "parley/common/date.h"
#include "parley/common/date_range.h"

namespace parley {

// The texts below (role, status) are views into the dataset's records: they live as long as
// the Database, as the indices do.
struct Participation {
  EntityIndex who = 0;
  std::string_view role;    // "principal", "present", ... or empty
  std::string_view status;  // the participation's own status: "planned" for one only expected
  RelationIndex relation = 0;
};

struct Venue {
  EntityIndex place = 0;
  RelationIndex relation = 0;
};

struct EventFacts {
  EntityIndex event = 0;
  std::optional<FuzzyDate> date;          // the narrowest stated date, to sort and filter by
  std::optional<FuzzyDate> end_date;      // the narrowest stated end, for events with extent
  std::vector<const Attribute*> dates;    // every stated date, with its sources
  std::string_view status;                // as stated by the most recent source; empty if none
  std::vector<const Attribute*> statuses; // every stated status, with its sources
  std::vector<Participation> participants;
  std::vector<Venue> venues;
  std::vector<const Attribute*> ordinals;   // stated counts ("24th meeting between the two leaders")
  std::vector<const Attribute*> durations;
  std::vector<const Attribute*> times_of_day;

  // Whether a participation counts: at a gathering that was held, someone the sources only
  // expected ("planned") is not known to have been there; at a planned one, that is the norm.
  bool counts(const Participation& participation) const;
  // True when `who` has a participation that counts.
  bool has_participant(EntityIndex who) const;
  // The days the event may cover, from its date to its end date if it has one.
  std::optional<DateSpan> span() const;
};

// Reads events' facts with the schema's relation types and properties looked up once: a query
// that reads many events (a hub's who-met reads thousands) makes one reader and asks it each.
class EventReader {
 public:
  explicit EventReader(const Database& db);
  EventFacts read(EntityIndex event) const;

 private:
  const Database* db_;
  std::optional<RelationTypeId> participant_in_;
  std::optional<RelationTypeId> held_in_;
  std::optional<PropertyId> role_;
  std::optional<PropertyId> status_;
};

// The status the most recent source states for an event (its "status" attributes); empty if none.
std::string_view stated_status(const Dataset& data, const Entity& event);
// EventFacts::counts' rule from the two statuses alone: a participation the sources only
// expected ("planned") does not count at a gathering that was held.
bool participation_counts(std::string_view participation_status, std::string_view event_status);

// One event's facts: EventReader(db).read(event).
EventFacts read_event(const Database& db, EntityIndex event);

// True when `place` is `area` or lies within it through located_in and capital_of relations.
bool is_within(const Database& db, EntityIndex place, EntityIndex area);

}  // namespace parley
