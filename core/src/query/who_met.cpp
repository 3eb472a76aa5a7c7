#include "parley/query/who_met.h"

#include <algorithm>
#include <tuple>

#include "parley/graph/names.h"
#include "query/rank_sort.h"

#include <boost/range/iterator_range.hpp>

namespace parley {
namespace {

// A's gatherings, as slots in date order: the targets of its participant_in relations.
std::vector<EventTable::Slot> gatherings_of(const Database& db, EntityIndex a) {
  const EventTable& events = db.events();
  const auto participant_in = db.schema().find_relation_type("participant_in");
  std::vector<EventTable::Slot> slots;
  if (!participant_in) return slots;
  for (const Edge e : boost::make_iterator_range(out_edges(a, db.graph()))) {
    const RelationEdge& edge = db.graph()[e];
    if (!edge.forward || edge.type != *participant_in) continue;
    const auto slot = events.slot(target(e, db.graph()));
    if (slot != EventTable::kNoSlot && events.is_gathering(slot)) slots.push_back(slot);
  }
  events.sort_distinct(slots);
  return slots;
}

}  // namespace

bool MeetingFilter::accepts_status(const std::string& status) const {
  return statuses.empty() || std::find(statuses.begin(), statuses.end(), status) != statuses.end();
}

std::vector<MeetingRow> MeetingFilter::select(const Database& db, const std::vector<EventTable::Slot>& slots) const {
  const EventTable& events = db.events();
  const std::vector<bool> accepted = events.accepted_statuses(statuses);
  std::vector<MeetingRow> rows;
  for (const EventTable::Slot slot : slots) {
    if (!accepted[events.status(slot)]) continue;
    const DateMatch match = dates.match(events.span(slot));
    if (match == DateMatch::kOutside) continue;
    if (at) {
      const auto venues = events.venues(slot);
      if (std::none_of(venues.begin(), venues.end(), [&](EntityIndex place) { return is_within(db, place, *at); })) continue;
    }
    rows.push_back(MeetingRow{events.entity(slot), match});
  }
  return rows;
}

std::vector<MeetingDetail> read_meetings(const Database& db, const std::vector<MeetingRow>& rows) {
  std::vector<MeetingDetail> details;
  details.reserve(rows.size());
  for (const MeetingRow& row : rows) details.push_back(MeetingDetail{read_event(db, row.event), row.date_match});
  return details;
}

WhoMetResult who_met(const Database& db, EntityIndex a, std::optional<EntityIndex> b, const MeetingFilter& filter) {
  const EventTable& events = db.events();
  WhoMetResult result;
  result.a = a;
  result.b = b;
  std::vector<EventTable::Slot> slots = gatherings_of(db, a);
  // Only gatherings where A's (and B's) participation counts.
  std::erase_if(slots, [&](EventTable::Slot s) { return !events.has_participant(s, a) || (b && !events.has_participant(s, *b)); });
  result.meetings = filter.select(db, slots);

  if (!b) {
    // Every (counterpart, meeting) once, grouped by counterpart with a radix sort: a hub has met
    // thousands of people, and a search tree over them was most of the query.
    std::vector<std::uint64_t> pairs;
    pairs.reserve(result.meetings.size() * 4);
    for (std::size_t m = 0; m < result.meetings.size(); ++m) {
      for (const EventTable::Seat& seat : events.seats(events.slot(result.meetings[m].event))) {
        if (seat.who != a && seat.counts) pairs.push_back((std::uint64_t{seat.who} << 32) | m);
      }
    }
    detail::sort_by_rank(pairs, 0, pairs.size(), static_cast<std::uint32_t>(db.dataset().entities.size()));
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      const auto who = static_cast<EntityIndex>(pairs[i] >> 32);
      if (i == 0 || who != static_cast<EntityIndex>(pairs[i - 1] >> 32)) result.counterparts.push_back(Counterpart{who, {}});
      if (i == 0 || pairs[i] != pairs[i - 1]) result.counterparts.back().meetings.push_back(pairs[i] & 0xFFFFFFFFu);
    }
    // Most meetings first, then by name: one integer key per counterpart, sorted, and the
    // counterparts moved once (sorting them directly swapped their meeting lists).
    const NameOrder names(db.names(), db.dataset());
    struct Key {
      std::uint64_t order;
      std::uint32_t index;
    };
    std::vector<Key> keys;
    keys.reserve(result.counterparts.size());
    for (std::uint32_t i = 0; i < result.counterparts.size(); ++i) {
      const auto fewer = std::uint64_t{UINT32_MAX - static_cast<std::uint32_t>(result.counterparts[i].meetings.size())};
      keys.push_back(Key{(fewer << 32) | names.rank(result.counterparts[i].who), i});
    }
    std::sort(keys.begin(), keys.end(), [](const Key& x, const Key& y) { return x.order < y.order; });
    std::vector<Counterpart> sorted;
    sorted.reserve(keys.size());
    for (const Key& key : keys) sorted.push_back(std::move(result.counterparts[key.index]));
    result.counterparts = std::move(sorted);
  }
  return result;
}

WhoMetTable who_met_all(const Database& db, const MeetingFilter& filter) {
  const EventTable& events = db.events();
  WhoMetTable table;
  std::vector<EventTable::Slot> slots;
  for (EventTable::Slot s = 0; s < events.size(); ++s) {
    if (events.is_gathering(s)) slots.push_back(s);
  }
  table.meetings = filter.select(db, slots);

  // Every pair of people who met, with the meeting, as one sortable key each; the pairs are
  // then runs of equal people. Each pair is ordered by name, so its key is (first, second).
  const NameOrder names(db.names(), db.dataset());
  struct Met {
    EntityIndex first, second;
    std::uint32_t meeting;
  };
  std::vector<Met> met;
  std::vector<EntityIndex> people;
  for (std::size_t m = 0; m < table.meetings.size(); ++m) {
    people.clear();
    for (const EventTable::Seat& seat : events.seats(events.slot(table.meetings[m].event))) {
      if (seat.counts) people.push_back(seat.who);
    }
    std::sort(people.begin(), people.end(), [&](EntityIndex x, EntityIndex y) { return names.less(x, y); });
    people.erase(std::unique(people.begin(), people.end()), people.end());
    for (std::size_t i = 0; i < people.size(); ++i) {
      for (std::size_t j = i + 1; j < people.size(); ++j) met.push_back(Met{people[i], people[j], static_cast<std::uint32_t>(m)});
    }
  }
  const auto same_pair = [](const Met& x, const Met& y) { return x.first == y.first && x.second == y.second; };
  std::sort(met.begin(), met.end(), [&](const Met& x, const Met& y) {
    return std::tuple(names.rank(x.first), names.rank(x.second), x.meeting) <
           std::tuple(names.rank(y.first), names.rank(y.second), y.meeting);
  });
  for (std::size_t i = 0; i < met.size(); ++i) {
    if (i == 0 || !same_pair(met[i], met[i - 1])) table.pairs.push_back(MeetingPair{met[i].first, met[i].second, {}});
    table.pairs.back().meetings.push_back(met[i].meeting);
  }
  // Runs came out in name order: a stable sort by size keeps it among equals.
  std::stable_sort(table.pairs.begin(), table.pairs.end(),
                   [](const MeetingPair& x, const MeetingPair& y) { return x.meetings.size() > y.meetings.size(); });
  return table;
}

}  // namespace parley
