#include "parley/who_met.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "parley/names.h"
#include "rank_sort.h"

#include <boost/range/iterator_range.hpp>

namespace parley {
namespace {

// The gathering's facts if it passes the filter.
std::optional<MeetingRow> consider(const Database& db, EntityIndex event, const MeetingFilter& filter) {
  if (!db.schema().is_gathering(db.dataset().entities[event].kind)) return std::nullopt;
  MeetingRow row{read_event(db, event)};
  if (!filter.accepts_status(row.facts.status)) return std::nullopt;
  row.date_match = filter.dates.match(row.facts.span());
  if (row.date_match == DateMatch::kOutside) return std::nullopt;
  if (filter.at) {
    const bool there = std::any_of(row.facts.venues.begin(), row.facts.venues.end(),
                                   [&](const Venue& v) { return is_within(db, v.place, *filter.at); });
    if (!there) return std::nullopt;
  }
  return row;
}

}  // namespace

bool MeetingFilter::accepts_status(const std::string& status) const {
  return statuses.empty() || std::find(statuses.begin(), statuses.end(), status) != statuses.end();
}

void sort_by_date(const Database& db, std::vector<MeetingRow>& rows) {
  // Each row's key is computed once and the keys are sorted, not the rows: a hub's answer has
  // tens of thousands of rows, and a date's first and last day take a calendar computation.
  const NameOrder names(db.names(), db.dataset());
  struct Key {
    bool undated;
    std::int32_t first, last;
    std::uint32_t name_rank;  // unique per entity: the order is total
    std::uint32_t row;
  };
  std::vector<Key> keys;
  keys.reserve(rows.size());
  for (std::uint32_t i = 0; i < rows.size(); ++i) {
    const auto& date = rows[i].facts.date;
    keys.push_back(Key{!date.has_value(), date ? date->first_day() : 0, date ? date->last_day() : 0,
                       names.rank(rows[i].facts.event), i});
  }
  std::sort(keys.begin(), keys.end(), [](const Key& x, const Key& y) {
    return std::tie(x.undated, x.first, x.last, x.name_rank) < std::tie(y.undated, y.first, y.last, y.name_rank);
  });
  std::vector<MeetingRow> sorted;
  sorted.reserve(rows.size());
  for (const Key& key : keys) sorted.push_back(std::move(rows[key.row]));
  rows = std::move(sorted);
}

WhoMetResult who_met(const Database& db, EntityIndex a, std::optional<EntityIndex> b, const MeetingFilter& filter) {
  WhoMetResult result;
  result.a = a;
  result.b = b;
  // A's gatherings are the targets of its participant_in relations: its own out-edges.
  const auto participant_in = db.schema().find_relation_type("participant_in");
  std::vector<EntityIndex> events;
  for (const Edge e : boost::make_iterator_range(out_edges(a, db.graph()))) {
    const RelationEdge& edge = db.graph()[e];
    if (edge.forward && participant_in && edge.type == *participant_in) {
      events.push_back(target(e, db.graph()));
    }
  }
  std::sort(events.begin(), events.end());
  events.erase(std::unique(events.begin(), events.end()), events.end());
  for (const EntityIndex event : events) {
    auto row = consider(db, event, filter);
    if (row && row->facts.has_participant(a) && (!b || row->facts.has_participant(*b))) {
      result.meetings.push_back(std::move(*row));
    }
  }
  sort_by_date(db, result.meetings);

  if (!b) {
    // Every (counterpart, meeting) once, grouped by counterpart with a radix sort: a hub has met
    // thousands of people, and a search tree over them was most of the query.
    std::vector<std::uint64_t> pairs;
    for (std::size_t m = 0; m < result.meetings.size(); ++m) {
      for (const auto& p : result.meetings[m].facts.participants) {
        if (p.who != a && result.meetings[m].facts.counts(p)) pairs.push_back((std::uint64_t{p.who} << 32) | m);
      }
    }
    detail::sort_by_rank(pairs, 0, pairs.size(), static_cast<std::uint32_t>(db.dataset().entities.size()));
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      const auto who = static_cast<EntityIndex>(pairs[i] >> 32);
      if (i == 0 || who != static_cast<EntityIndex>(pairs[i - 1] >> 32)) result.counterparts.push_back(Counterpart{who, {}});
      if (i == 0 || pairs[i] != pairs[i - 1]) result.counterparts.back().meetings.push_back(pairs[i] & 0xFFFFFFFFu);
    }
    const NameOrder names(db.names(), db.dataset());
    std::sort(result.counterparts.begin(), result.counterparts.end(), [&](const Counterpart& x, const Counterpart& y) {
      if (x.meetings.size() != y.meetings.size()) return x.meetings.size() > y.meetings.size();
      return names.less(x.who, y.who);
    });
  }
  return result;
}

WhoMetTable who_met_all(const Database& db, const MeetingFilter& filter) {
  WhoMetTable table;
  for (EntityIndex e = 0; e < db.dataset().entities.size(); ++e) {
    if (auto row = consider(db, e, filter)) table.meetings.push_back(std::move(*row));
  }
  sort_by_date(db, table.meetings);
  const NameOrder names(db.names(), db.dataset());
  std::map<std::pair<EntityIndex, EntityIndex>, MeetingPair> pairs;
  for (std::size_t m = 0; m < table.meetings.size(); ++m) {
    std::vector<EntityIndex> people;
    for (const auto& p : table.meetings[m].facts.participants) {
      if (table.meetings[m].facts.counts(p)) people.push_back(p.who);
    }
    std::sort(people.begin(), people.end());
    people.erase(std::unique(people.begin(), people.end()), people.end());
    for (std::size_t i = 0; i < people.size(); ++i) {
      for (std::size_t j = i + 1; j < people.size(); ++j) {
        auto [x, y] = std::pair(people[i], people[j]);
        if (names.less(y, x)) std::swap(x, y);
        auto& pair = pairs[{x, y}];
        pair.first = x;
        pair.second = y;
        pair.meetings.push_back(m);
      }
    }
  }
  for (auto& [_, pair] : pairs) table.pairs.push_back(std::move(pair));
  std::stable_sort(table.pairs.begin(), table.pairs.end(), [&](const MeetingPair& x, const MeetingPair& y) {
    if (x.meetings.size() != y.meetings.size()) return x.meetings.size() > y.meetings.size();
    if (x.first != y.first) return names.less(x.first, y.first);
    return names.less(x.second, y.second);
  });
  return table;
}

}  // namespace parley
