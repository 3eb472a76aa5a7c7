// Events in date order, optionally only those linked to one entity, honest about precision:
// each row says whether it lies inside the requested range or only possibly does.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "parley/graph/database.h"
#include "parley/query/who_met.h"

namespace parley {

struct TimelineQuery {
  std::optional<EntityIndex> about;    // events linked to this entity by any relation
  DateRange dates;
  std::vector<std::string> statuses;   // empty keeps all
};

// Rows reuse MeetingRow: the event and how its date matched. Undated events come last.
std::vector<MeetingRow> timeline(const Database& db, const TimelineQuery& query);

}  // namespace parley
