#include "parley/query/timeline.h"

#include <numeric>

#include <boost/range/iterator_range.hpp>

namespace parley {

std::vector<MeetingRow> timeline(const Database& db, const TimelineQuery& query) {
  const EventTable& events = db.events();
  std::vector<EventTable::Slot> slots;
  if (query.about) {
    // The entity's own edges lead to its events: no scan of the whole dataset.
    const auto add = [&](EntityIndex e) {
      if (const auto slot = events.slot(e); slot != EventTable::kNoSlot) slots.push_back(slot);
    };
    add(*query.about);
    for (const Edge e : boost::make_iterator_range(out_edges(*query.about, db.graph()))) add(target(e, db.graph()));
    events.sort_distinct(slots);
  } else {
    slots.resize(events.size());
    std::iota(slots.begin(), slots.end(), EventTable::Slot{0});
  }
  MeetingFilter filter;
  filter.statuses = query.statuses;
  filter.dates = query.dates;
  return filter.select(db, slots);
}

}  // namespace parley
