// Who met whom: the gatherings (kinds marked "gathering" in the schema) an actor attended, or
// two actors attended together, with date, place, status, everyone present and the sources;
// the actor's counterparts with how often and when; and the whole who-met-whom table.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "parley/graph/database.h"
#include "parley/common/date_range.h"
#include "parley/query/event_facts.h"

namespace parley {

// A gathering in an answer. Its facts are read only for what is shown (read_meetings): a
// hub's answer has tens of thousands of rows, and finding them is cheap next to reading them.
struct MeetingRow {
  EntityIndex event = 0;
  DateMatch date_match = DateMatch::kInside;  // kPossibly when the date is too coarse to tell
};

// A row with its facts, to show.
struct MeetingDetail {
  EventFacts facts;
  DateMatch date_match = DateMatch::kInside;
};

std::vector<MeetingDetail> read_meetings(const Database& db, const std::vector<MeetingRow>& rows);

struct MeetingFilter {
  DateRange dates;
  std::optional<EntityIndex> at;        // a place: the gathering's venue is it or lies within it
  std::vector<std::string> statuses;    // effective statuses to keep; empty keeps all
  bool accepts_status(const std::string& status) const;
  // The rows of events among `slots` (sorted, distinct) that pass the filter, in date order.
  std::vector<MeetingRow> select(const Database& db, const std::vector<EventTable::Slot>& slots) const;
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

}  // namespace parley
