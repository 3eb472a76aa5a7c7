// What the sources say about one event, gathered from its attributes and relations: dates (the
// most precise one to sort by, and every one stated), status, participants with their roles,
// places and stated figures such as "the 24th meeting" or "about four hours".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "parley/database.h"
#include "parley/date.h"

namespace parley {

struct Participation {
  EntityIndex who = 0;
  std::string role;        // "principal", "present", ... or empty
  RelationIndex relation = 0;
};

struct Venue {
  EntityIndex place = 0;
  RelationIndex relation = 0;
};

struct EventFacts {
  EntityIndex event = 0;
  std::optional<FuzzyDate> date;          // the narrowest stated date, to sort and filter by
  std::vector<const Attribute*> dates;    // every stated date, with its sources
  std::string status;                     // as stated by the most recent source; empty if none
  std::vector<const Attribute*> statuses; // every stated status, with its sources
  std::vector<Participation> participants;
  std::vector<Venue> venues;
  std::vector<const Attribute*> ordinals;   // stated counts ("24th meeting between the two leaders")
  std::vector<const Attribute*> durations;
  std::vector<const Attribute*> times_of_day;

  bool has_participant(EntityIndex who) const;
};

EventFacts read_event(const Database& db, EntityIndex event);

// True when `place` is `area` or lies within it through located_in and capital_of relations.
bool is_within(const Database& db, EntityIndex place, EntityIndex area);

}  // namespace parley
