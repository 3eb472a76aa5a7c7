// The facts about events that queries filter and sort by, read once from the dataset into flat
// arrays: each event's date span, effective status, who was there and where it was held.
// who-met and timeline touch thousands of events per query on a large dataset; reading each
// one's attributes per query (dates parsed from text, the most recent source's status, roles
// copied as strings) was nearly all of their cost.
//
// Events sit in date order (narrowest stated date, undated last, then by name), so an event's
// position, its slot, is its sort key: a query sorts the slots it found and has its rows in
// order.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parley/load/dataset.h"
#include "parley/common/date_range.h"
#include "parley/common/string_column.h"

namespace parley {

class Database;

class EventTable {
 public:
  using Slot = std::uint32_t;
  static constexpr Slot kNoSlot = std::numeric_limits<Slot>::max();
  using StatusCode = std::uint16_t;  // 0: no status stated

  // A participant, and whether the participation counts (EventFacts::counts).
  struct Seat {
    EntityIndex who = 0;
    bool counts = false;
  };

  // Reads every entity of an event kind (gatherings included) through read_event, so that the
  // table and a single event's facts can never disagree.
  static EventTable build(const Database& db);

  std::size_t size() const { return rows_.size() - 1; }
  // The event's slot, or kNoSlot for an entity that is not an event.
  Slot slot(EntityIndex entity) const { return entity < slot_of_.size() ? slot_of_[entity] : kNoSlot; }

  EntityIndex entity(Slot s) const { return rows_[s].entity; }
  // The event's id, copied into the table in slot order: a hub's who-met writes thousands, and
  // reading each from its entity was a cache miss each.
  std::string_view id(Slot s) const { return ids_[s]; }
  // The event's kind, as its entity has it: a hub's who-met filters thousands of events by kind,
  // and reading each one's entity for it was a cache miss per event.
  KindId kind(Slot s) const { return rows_[s].kind; }
  // True when the event is part_of another: only those have a chain of events to walk up.
  bool is_part_of_another(Slot s) const { return rows_[s].part_of_another; }
  bool is_gathering(Slot s) const { return rows_[s].gathering; }
  // The days the event may cover (EventFacts::span), if it has a date.
  std::optional<DateSpan> span(Slot s) const {
    if (!rows_[s].dated) return std::nullopt;
    return DateSpan{rows_[s].first, rows_[s].last};
  }
  // The narrowest date the event states (EventFacts::date), if any.
  std::optional<FuzzyDate> date(Slot s) const {
    if (!rows_[s].dated) return std::nullopt;
    return rows_[s].date;
  }
  // True when its sources state its status or dates differently (differing_attributes is not
  // empty): a compact who-met row names those attributes without reading every fact.
  bool sources_differ(Slot s) const { return rows_[s].sources_differ; }
  StatusCode status(Slot s) const { return rows_[s].status; }
  const std::string& status_name(StatusCode code) const { return status_names_[code]; }
  std::span<const Seat> seats(Slot s) const {
    return {seats_.data() + rows_[s].seats_begin, seats_.data() + rows_[s + 1].seats_begin};
  }
  // The id of seats(s)[i]'s participant, copied beside the others of its event: a compact
  // who-met row lists its participants by id, and reading each from its entity cost a cache
  // miss per participant (docs/benchmarks.md, "Compact rows' participants by id").
  std::string_view participant_id(Slot s, std::size_t i) const { return participant_ids_[rows_[s].seats_begin + i]; }
  std::span<const EntityIndex> venues(Slot s) const {
    return {venues_.data() + rows_[s].venues_begin, venues_.data() + rows_[s + 1].venues_begin};
  }
  // True when `who` has a participation that counts.
  bool has_participant(Slot s, EntityIndex who) const;

  // Sorts `slots` into date order and drops repeats.
  void sort_distinct(std::vector<Slot>& slots) const;

  // Which status codes a filter keeps, indexed by code: all of them for an empty list.
  std::vector<bool> accepted_statuses(const std::vector<std::string>& statuses) const;

 private:
  struct Row {
    EntityIndex entity = 0;
    std::int32_t first = 0;  // the span, in days since 1970-01-01
    std::int32_t last = 0;
    std::uint32_t seats_begin = 0;
    std::uint32_t venues_begin = 0;
    StatusCode status = 0;
    KindId kind = 0;
    bool dated : 1 = false;
    bool gathering : 1 = false;
    bool sources_differ : 1 = false;
    bool part_of_another : 1 = false;
    FuzzyDate date;  // when dated
  };
  static_assert(sizeof(Row) <= 32, "a row is read per event of a hub's answer: keep two to a cache line");

  std::vector<Row> rows_;             // in date order, and one past the end for the spans
  std::vector<Slot> slot_of_;         // by entity
  std::vector<Seat> seats_;
  std::vector<EntityIndex> venues_;
  std::vector<std::string> status_names_;
  StringColumn ids_;              // every event's id, in slot order
  StringColumn participant_ids_;  // by seat, as seats_
};

}  // namespace parley
