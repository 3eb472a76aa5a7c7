#include "parley/query/who_met.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "parley/graph/names.h"
#include "query/gathering_links.h"
#include "query/rank_sort.h"

#include <boost/range/iterator_range.hpp>

namespace parley {
namespace {

using detail::gatherings_of;
using detail::part_of_chain;

// The people whose participation counts at a gathering.
bool attended(const EventTable& events, EntityIndex event, EntityIndex who) {
  return events.has_participant(events.slot(event), who);
}

// Someone counted was there besides `a`.
bool anyone_else(const EventTable& events, EventTable::Slot slot, EntityIndex a) {
  for (const EventTable::Seat& seat : events.seats(slot)) {
    if (seat.counts && seat.who != a) return true;
  }
  return false;
}

// The meeting row that `row` is held within (part_of, directly or not), if any.
// `meeting_slots` holds, in slot order, the slots of the rows that are meetings, and
// `meeting_rows` each one's row: one lookup per query-sized list, not an array over every event.
std::optional<std::size_t> meeting_within(const Database& db, const MeetingRow& row, const std::vector<EventTable::Slot>& meeting_slots,
                                          const std::vector<std::size_t>& meeting_rows,
                                          std::optional<RelationTypeId> part_of) {
  for (const EntityIndex parent : part_of_chain(db, row, part_of)) {
    const auto slot = db.events().slot(parent);
    const auto at = std::lower_bound(meeting_slots.begin(), meeting_slots.end(), slot);
    if (at != meeting_slots.end() && *at == slot) return meeting_rows[static_cast<std::size_t>(at - meeting_slots.begin())];
  }
  return std::nullopt;
}

}  // namespace

bool MeetingFilter::counts_kind(const RelationSchema& schema, KindId kind) const {
  if (counted_kinds.empty()) return schema.meeting_role(kind) == MeetingRole::kCounted;
  if (!schema.is_gathering(kind)) return false;
  return std::any_of(counted_kinds.begin(), counted_kinds.end(), [&](KindId k) { return schema.is_a(kind, k); });
}

bool MeetingFilter::shows_kind(const RelationSchema& schema, KindId kind) const {
  const MeetingRole role = schema.meeting_role(kind);
  return counts_kind(schema, kind) || role == MeetingRole::kCounted || role == MeetingRole::kListed;
}

bool MeetingFilter::accepts_status(std::string_view status) const {
  return statuses.empty() || std::find(statuses.begin(), statuses.end(), status) != statuses.end();
}

std::vector<MeetingRow> MeetingFilter::select(const Database& db, const std::vector<EventTable::Slot>& slots) const {
  if (slots.empty()) return {};  // most people of a large dataset: nothing to set up for
  const EventTable& events = db.events();
  const std::vector<bool> accepted = events.accepted_statuses(statuses);
  std::vector<MeetingRow> rows;
  // Whether each venue lies within --at, worked out once per venue: a hub's thousands of
  // meetings are held in a few hundred places, and each walk up from a place reads every edge
  // of the state it lies in.
  std::unordered_map<EntityIndex, bool> within_at;
  const auto is_within_at = [&](EntityIndex place) {
    const auto [known, added] = within_at.try_emplace(place, false);
    if (added) known->second = is_within(db, place, *at);
    return known->second;
  };
  for (const EventTable::Slot slot : slots) {
    if (!accepted[events.status(slot)]) continue;
    const DateMatch match = dates.match(events.span(slot));
    if (match == DateMatch::kOutside) continue;
    if (at) {
      const auto venues = events.venues(slot);
      if (std::none_of(venues.begin(), venues.end(), is_within_at)) continue;
    }
    rows.push_back(MeetingRow{events.entity(slot), slot, match});
  }
  return rows;
}

std::vector<MeetingDetail> read_meetings(const Database& db, const std::vector<MeetingRow>& rows) {
  std::vector<MeetingDetail> details;
  details.reserve(rows.size());
  const EventReader reader(db);
  for (const MeetingRow& row : rows) details.push_back(MeetingDetail{reader.read(row.event), row.date_match});
  return details;
}

namespace {

// The gatherings an answer shows, those of them that are meetings, and the meetings' slots and
// rows for meeting_within.
struct ShownRows {
  std::vector<MeetingRow> rows;
  std::vector<bool> is_meeting;
  std::vector<EventTable::Slot> meeting_slots;
  std::vector<std::size_t> meeting_rows;
};

ShownRows shown_rows(const Database& db, EntityIndex a, std::optional<EntityIndex> b, const MeetingFilter& filter) {
  const EventTable& events = db.events();
  const RelationSchema& schema = db.schema();
  std::vector<EventTable::Slot> slots = gatherings_of(db, a);
  // Only gatherings where A's (and B's) participation counts, of kinds the answer shows.
  std::erase_if(slots, [&](EventTable::Slot s) {
    return !events.has_participant(s, a) || (b && !events.has_participant(s, *b)) ||
           !filter.shows_kind(schema, events.kind(s));
  });
  ShownRows shown;
  shown.rows = filter.select(db, slots);
  const std::vector<MeetingRow>& rows = shown.rows;

  // Meetings first, so that what was held within one can be put under it.
  shown.is_meeting.resize(rows.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    // A meeting or a visit with no one else named is not a meeting *with* anyone; a kind that
    // counts by what it is (a news conference asked for) counts attended alone.
    const KindId kind = events.kind(rows[r].slot);
    shown.is_meeting[r] = filter.counts_kind(schema, kind) &&
                          (schema.meeting_role(kind) != MeetingRole::kCounted || anyone_else(events, rows[r].slot, a));
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    // Rows come in slot order (select keeps the order of sorted slots), so these stay sorted.
    if (shown.is_meeting[r]) {
      shown.meeting_slots.push_back(rows[r].slot);
      shown.meeting_rows.push_back(r);
    }
  }
  return shown;
}

// The rows of `all` whose status `accepted` keeps, as shown_rows would select them with that filter.
ShownRows kept_rows(const Database& db, const ShownRows& all, const std::vector<bool>& accepted) {
  const EventTable& events = db.events();
  ShownRows shown;
  for (std::size_t r = 0; r < all.rows.size(); ++r) {
    if (!accepted[events.status(all.rows[r].slot)]) continue;
    if (all.is_meeting[r]) {
      shown.meeting_slots.push_back(all.rows[r].slot);
      shown.meeting_rows.push_back(shown.rows.size());
    }
    shown.rows.push_back(all.rows[r]);
    shown.is_meeting.push_back(all.is_meeting[r]);
  }
  return shown;
}

// The meetings of `all` (rows with any status) whose status `accepted` does not keep, and that
// are not held within another meeting of `all`: those who-met with any status would count.
std::vector<MeetingRow> left_out_rows(const Database& db, const ShownRows& all, const std::vector<bool>& accepted,
                                      std::optional<RelationTypeId> part_of) {
  const EventTable& events = db.events();
  std::vector<MeetingRow> left_out;
  for (std::size_t r = 0; r < all.rows.size(); ++r) {
    const MeetingRow& row = all.rows[r];
    if (all.is_meeting[r] && !accepted[events.status(row.slot)] &&
        !meeting_within(db, row, all.meeting_slots, all.meeting_rows, part_of)) {
      left_out.push_back(row);
    }
  }
  return left_out;
}

}  // namespace

WhoMetResult who_met(const Database& db, EntityIndex a, std::optional<EntityIndex> b, const MeetingFilter& filter) {
  const EventTable& events = db.events();
  WhoMetResult result;
  result.a = a;
  result.b = b;
  const RelationSchema& schema = db.schema();
  // The gatherings are selected once with any status; the answer keeps those of the statuses
  // asked for, and the meetings it leaves out are told apart from the same selection.
  MeetingFilter any = filter;
  any.statuses.clear();
  ShownRows shown = shown_rows(db, a, b, any);
  const auto part_of = schema.core_names().part_of;
  if (!filter.statuses.empty() && !shown.rows.empty()) {
    const std::vector<bool> accepted = events.accepted_statuses(filter.statuses);
    result.left_out = left_out_rows(db, shown, accepted, part_of);
    shown = kept_rows(db, shown, accepted);
  }
  const std::vector<MeetingRow>& rows = shown.rows;
  const std::vector<bool>& is_meeting = shown.is_meeting;
  // A meeting within another meeting of the same answer is that one's (a talk during a visit).
  std::vector<std::optional<std::size_t>> parent(rows.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    parent[r] = meeting_within(db, rows[r], shown.meeting_slots, shown.meeting_rows, part_of);
  }
  std::vector<std::size_t> index_of_row(rows.size(), SIZE_MAX);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (is_meeting[r] && !parent[r]) {
      index_of_row[r] = result.meetings.size();
      result.meetings.push_back(rows[r]);
    }
  }
  result.within.resize(result.meetings.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (is_meeting[r] && !parent[r]) continue;
    // The outermost counted meeting it lies within, through meetings that are themselves within.
    std::optional<std::size_t> top = parent[r];
    for (std::size_t guard = 0; top && parent[*top] && guard < rows.size(); ++guard) top = parent[*top];
    if (top && index_of_row[*top] != SIZE_MAX) result.within[index_of_row[*top]].push_back(rows[r]);
    else result.also.push_back(rows[r]);
  }

  if (!b) {
    // Every (counterpart, meeting) once, grouped by counterpart with a radix sort: a hub has met
    // thousands of people, and a search tree over them was most of the query.
    std::vector<std::uint64_t> pairs;
    pairs.reserve(result.meetings.size() * 4);
    const auto add_seats = [&](EventTable::Slot slot, std::size_t m) {
      for (const EventTable::Seat& seat : events.seats(slot)) {
        if (seat.who != a && seat.counts) pairs.push_back((std::uint64_t{seat.who} << 32) | m);
      }
    };
    for (std::size_t m = 0; m < result.meetings.size(); ++m) {
      add_seats(result.meetings[m].slot, m);
      // Whoever A met in a meeting held within this one, A met at this one.
      for (const MeetingRow& row : result.within[m]) {
        if (filter.counts_kind(schema, events.kind(row.slot))) add_seats(row.slot, m);
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
  const RelationSchema& schema = db.schema();
  std::vector<EventTable::Slot> slots;
  for (EventTable::Slot s = 0; s < events.size(); ++s) {
    if (events.is_gathering(s) && filter.counts_kind(schema, events.kind(s))) slots.push_back(s);
  }
  table.meetings = filter.select(db, slots);
  std::vector<std::size_t> meeting_of_slot(events.size(), SIZE_MAX);
  for (std::size_t m = 0; m < table.meetings.size(); ++m) meeting_of_slot[table.meetings[m].slot] = m;

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
    for (const EventTable::Seat& seat : events.seats(table.meetings[m].slot)) {
      if (seat.counts) people.push_back(seat.who);
    }
    std::sort(people.begin(), people.end(), [&](EntityIndex x, EntityIndex y) { return names.less(x, y); });
    people.erase(std::unique(people.begin(), people.end()), people.end());
    // Two people who were both at a meeting this one is held within met there: count that one.
    std::vector<EntityIndex> enclosing;
    for (const EntityIndex up : part_of_chain(db, table.meetings[m])) {
      const auto slot = events.slot(up);
      if (slot != EventTable::kNoSlot && meeting_of_slot[slot] != SIZE_MAX) enclosing.push_back(up);
    }
    const auto met_above = [&](EntityIndex x, EntityIndex y) {
      return std::any_of(enclosing.begin(), enclosing.end(),
                         [&](EntityIndex up) { return attended(events, up, x) && attended(events, up, y); });
    };
    for (std::size_t i = 0; i < people.size(); ++i) {
      for (std::size_t j = i + 1; j < people.size(); ++j) {
        if (!met_above(people[i], people[j])) met.push_back(Met{people[i], people[j], static_cast<std::uint32_t>(m)});
      }
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
