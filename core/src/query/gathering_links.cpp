#include "query/gathering_links.h"

#include <algorithm>

#include <boost/range/iterator_range.hpp>

namespace parley::detail {

std::vector<EventTable::Slot> gatherings_of(const Database& db, EntityIndex a) {
  const EventTable& events = db.events();
  const auto participant_in = db.schema().core_names().participant_in;
  std::vector<EventTable::Slot> slots;
  if (!participant_in) return slots;
  for (const Edge e : boost::make_iterator_range(out_edges(a, db.graph()))) {
    const RelationEdge& edge = db.graph()[e];
    if (!edge.forward || edge.type != *participant_in) continue;
    const auto slot = events.slot(target(e, db.graph()));
    if (slot != EventTable::kNoSlot) slots.push_back(slot);
  }
  // Sorted before the table is read: the table's rows are in slot order, so a hub's tens of
  // thousands are then read front to back, not each anywhere in it.
  events.sort_distinct(slots);
  std::erase_if(slots, [&](EventTable::Slot s) { return !events.is_gathering(s); });
  return slots;
}

std::vector<EntityIndex> part_of_chain(const Database& db, const MeetingRow& row) {
  return part_of_chain(db, row, db.schema().core_names().part_of);
}

std::vector<EntityIndex> part_of_chain(const Database& db, const MeetingRow& row, std::optional<RelationTypeId> part_of) {
  std::vector<EntityIndex> chain;
  if (!part_of || (row.slot != EventTable::kNoSlot && !db.events().is_part_of_another(row.slot))) return chain;
  const EntityIndex event = row.event;
  EntityIndex at = event;
  for (bool found = true; found;) {
    found = false;
    for (const Edge e : boost::make_iterator_range(out_edges(at, db.graph()))) {
      const RelationEdge& edge = db.graph()[e];
      if (!edge.forward || edge.type != *part_of) continue;
      const EntityIndex parent = target(e, db.graph());
      if (parent == event || std::find(chain.begin(), chain.end(), parent) != chain.end()) return chain;
      chain.push_back(parent);
      at = parent;
      found = true;
      break;
    }
  }
  return chain;
}

}  // namespace parley::detail
