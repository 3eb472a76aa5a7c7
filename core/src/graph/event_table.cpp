#include "parley/graph/event_table.h"

#include <algorithm>
#include <numeric>
#include <tuple>

#include <boost/range/iterator_range.hpp>

#include "parley/graph/database.h"
#include "parley/query/differing_values.h"
#include "parley/query/event_facts.h"
#include "parley/graph/names.h"
#include "query/rank_sort.h"

namespace parley {
namespace {

EventTable::StatusCode status_code(std::vector<std::string>& names, std::string_view status) {
  // A dataset states a handful of distinct statuses: a scan is all it takes.
  const auto found = std::find(names.begin(), names.end(), status);
  if (found != names.end()) return static_cast<EventTable::StatusCode>(found - names.begin());
  names.emplace_back(status);
  return static_cast<EventTable::StatusCode>(names.size() - 1);
}

}  // namespace

EventTable EventTable::build(const Database& db) {
  const Dataset& data = db.dataset();
  const RelationSchema& schema = db.schema();
  const auto event_kind = schema.core_names().event;
  const NameOrder names(db.names(), data);

  // Read in entity order, then laid out in date order.
  struct Read {
    Row row;
    bool undated;
    std::int32_t date_first, date_last;  // the narrowest date, which orders events
    std::uint32_t name_rank;             // unique per entity: the order is total
    std::uint32_t seat_count, venue_count;
  };
  std::vector<Read> read;
  std::vector<Seat> seats;
  std::vector<EntityIndex> venues;
  EventTable table;
  table.status_names_ = {""};
  const EventReader reader(db);
  const auto part_of = schema.core_names().part_of;
  const auto is_part_of_another = [&](EntityIndex e) {
    if (!part_of) return false;
    for (const Edge edge : boost::make_iterator_range(out_edges(e, db.graph()))) {
      if (db.graph()[edge].forward && db.graph()[edge].type == *part_of) return true;
    }
    return false;
  };
  for (EntityIndex e = 0; e < data.entities.size(); ++e) {
    const KindId kind = data.entities[e].kind;
    const bool gathering = schema.is_gathering(kind);
    if (!gathering && !(event_kind && schema.is_a(kind, *event_kind))) continue;
    const EventFacts facts = reader.read(e);
    Read r{};
    r.row.entity = e;
    r.row.gathering = gathering;
    r.row.kind = kind;
    r.row.part_of_another = is_part_of_another(e);
    r.row.status = status_code(table.status_names_, facts.status);
    r.row.seats_begin = static_cast<std::uint32_t>(seats.size());
    r.row.venues_begin = static_cast<std::uint32_t>(venues.size());
    if (const auto span = facts.span()) {
      r.row.dated = true;
      r.row.first = span->first;
      r.row.last = span->last;
    }
    if (facts.date) r.row.date = *facts.date;
    r.row.sources_differ = !differing_attributes(data, data.entities[e]).empty();
    r.undated = !facts.date;
    r.date_first = facts.date ? facts.date->first_day() : 0;
    r.date_last = facts.date ? facts.date->last_day() : 0;
    r.name_rank = names.rank(e);
    for (const Participation& p : facts.participants) seats.push_back(Seat{p.who, facts.counts(p)});
    for (const Venue& v : facts.venues) venues.push_back(v.place);
    r.seat_count = static_cast<std::uint32_t>(facts.participants.size());
    r.venue_count = static_cast<std::uint32_t>(facts.venues.size());
    read.push_back(r);
  }

  std::vector<std::uint32_t> order(read.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    const Read& a = read[x];
    const Read& b = read[y];
    return std::tie(a.undated, a.date_first, a.date_last, a.name_rank) <
           std::tie(b.undated, b.date_first, b.date_last, b.name_rank);
  });

  table.rows_.reserve(read.size() + 1);
  table.seats_.reserve(seats.size());
  table.venues_.reserve(venues.size());
  table.slot_of_.assign(data.entities.size(), kNoSlot);
  table.ids_.reserve(read.size());
  table.participant_ids_.reserve(seats.size());
  for (const std::uint32_t i : order) {
    const Read& r = read[i];
    Row row = r.row;  // its begins are still offsets into `seats` and `venues`
    row.seats_begin = static_cast<std::uint32_t>(table.seats_.size());
    row.venues_begin = static_cast<std::uint32_t>(table.venues_.size());
    const auto seats_from = seats.begin() + r.row.seats_begin;
    const auto venues_from = venues.begin() + r.row.venues_begin;
    table.seats_.insert(table.seats_.end(), seats_from, seats_from + r.seat_count);
    for (auto seat = seats_from; seat != seats_from + r.seat_count; ++seat) {
      table.participant_ids_.push_back(data.entities[seat->who].id);
    }
    table.venues_.insert(table.venues_.end(), venues_from, venues_from + r.venue_count);
    table.slot_of_[row.entity] = static_cast<Slot>(table.rows_.size());
    table.rows_.push_back(row);
    table.ids_.push_back(data.entities[row.entity].id);
  }
  Row end;
  end.seats_begin = static_cast<std::uint32_t>(table.seats_.size());
  end.venues_begin = static_cast<std::uint32_t>(table.venues_.size());
  table.rows_.push_back(end);
  return table;
}

bool EventTable::has_participant(Slot s, EntityIndex who) const {
  const auto list = seats(s);
  return std::any_of(list.begin(), list.end(), [&](const Seat& seat) { return seat.who == who && seat.counts; });
}

void EventTable::sort_distinct(std::vector<Slot>& slots) const {
  // A radix sort: a hub's who-met finds tens of thousands of slots.
  std::vector<std::uint64_t> keys(slots.begin(), slots.end());
  for (auto& key : keys) key <<= 32;
  detail::sort_by_rank(keys, 0, keys.size(), static_cast<std::uint32_t>(size()));
  slots.clear();
  for (const std::uint64_t key : keys) {
    const auto slot = static_cast<Slot>(key >> 32);
    if (slots.empty() || slots.back() != slot) slots.push_back(slot);
  }
}

std::vector<bool> EventTable::accepted_statuses(const std::vector<std::string>& statuses) const {
  std::vector<bool> accepted(status_names_.size(), statuses.empty());
  for (std::size_t code = 0; code < status_names_.size(); ++code) {
    if (std::find(statuses.begin(), statuses.end(), status_names_[code]) != statuses.end()) accepted[code] = true;
  }
  return accepted;
}

}  // namespace parley
