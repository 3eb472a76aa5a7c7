#include "parley/timeline.h"

#include <algorithm>

#include <boost/range/iterator_range.hpp>

namespace parley {

std::vector<MeetingRow> timeline(const Database& db, const TimelineQuery& query) {
  const KindId event_kind = *db.schema().find_kind("event");
  std::vector<EntityIndex> candidates;
  if (query.about) {
    // The entity's own edges lead to its events: no scan of the whole dataset.
    if (db.schema().is_a(db.dataset().entities[*query.about].kind, event_kind)) candidates.push_back(*query.about);
    for (const Edge e : boost::make_iterator_range(out_edges(*query.about, db.graph()))) {
      candidates.push_back(target(e, db.graph()));
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  } else {
    for (EntityIndex e = 0; e < db.dataset().entities.size(); ++e) candidates.push_back(e);
  }
  MeetingFilter filter;
  filter.statuses = query.statuses;
  std::vector<MeetingRow> rows;
  for (const EntityIndex e : candidates) {
    if (!db.schema().is_a(db.dataset().entities[e].kind, event_kind)) continue;
    MeetingRow row{read_event(db, e)};
    if (!filter.accepts_status(row.facts.status)) continue;
    row.date_match = query.dates.match(row.facts.span());
    if (row.date_match != DateMatch::kOutside) rows.push_back(std::move(row));
  }
  sort_by_date(db, rows);
  return rows;
}

}  // namespace parley
