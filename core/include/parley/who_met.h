// Who met whom: the gatherings (kinds marked "gathering" in the schema) an actor attended, or
// two actors attended together, with date, place, status, everyone present and the sources;
// the actor's counterparts with how often and when; and the whole who-met-whom table.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "parley/database.h"
#include "parley/date_range.h"
#include "parley/event_facts.h"

namespace parley {

struct MeetingFilter {
  DateRange dates;
  std::optional<EntityIndex> at;        // a place: the gathering's venue is it or lies within it
  std::vector<std::string> statuses;    // effective statuses to keep; empty keeps all
  bool accepts_status(const std::string& status) const;
};

struct MeetingRow {
  EventFacts facts;
  DateMatch date_match = DateMatch::kInside;  // kPossibly when the date is too coarse to tell
};

struct Counterpart {
  EntityIndex who = 0;
  std::vector<std::size_t> meetings;  // indices into WhoMetResult::meetings, in date order
};

struct WhoMetResult {
  EntityIndex a = 0;
  std::optional<EntityIndex> b;
  std::vector<MeetingRow> meetings;       // in date order; undated last
  std::vector<Counterpart> counterparts;  // without b: most meetings first, then by name
};

WhoMetResult who_met(const Database& db, EntityIndex a, std::optional<EntityIndex> b, const MeetingFilter& filter);

struct MeetingPair {
  EntityIndex first = 0;   // first before second in name order
  EntityIndex second = 0;
  std::vector<std::size_t> meetings;  // indices into WhoMetTable::meetings
};

struct WhoMetTable {
  std::vector<MeetingRow> meetings;  // every gathering that passed the filter, in date order
  std::vector<MeetingPair> pairs;    // most meetings first, then by names
};

WhoMetTable who_met_all(const Database& db, const MeetingFilter& filter);

// Orders gatherings by date (narrowest stated date; undated last), then by name.
void sort_by_date(const Database& db, std::vector<MeetingRow>& rows);

}  // namespace parley
