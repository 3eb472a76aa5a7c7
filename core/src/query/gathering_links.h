// How gatherings hang together in the graph, for who-met and its state-level form: the
// gatherings an actor took part in, and the events a gathering is part of.
#pragma once

#include <optional>
#include <vector>

#include "parley/graph/database.h"
#include "parley/query/who_met.h"

namespace parley::detail {

// A's gatherings, as slots in date order: the targets of its participant_in relations.
std::vector<EventTable::Slot> gatherings_of(const Database& db, EntityIndex a);

// The events the row's event is part of, nearest first. part_of may (wrongly) form a cycle in a
// user's data; the walk stops at the first repeat. The row's slot tells, without a lookup, the
// events that are part of nothing: most of them, and a hub's who-met asks this of thousands.
std::vector<EntityIndex> part_of_chain(const Database& db, const MeetingRow& row);
// The same with the schema's part_of type given: a query that walks every row's chain looks the
// type up once, not by name per row.
std::vector<EntityIndex> part_of_chain(const Database& db, const MeetingRow& row, std::optional<RelationTypeId> part_of);

}  // namespace parley::detail
