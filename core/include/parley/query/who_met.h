// Who met whom: the meetings an actor attended, or two actors attended together, with date,
// place, status, everyone present and the sources; the actor's counterparts with how often and
// when; and the whole who-met-whom table.
//
// What counts. Gatherings (kinds marked "gathering" in the schema) are read; those of a kind
// counted as a meeting (the schema's who_met "counted", or the kinds a query names) are counted
// when someone else counted was there too. Other gatherings attended (news conferences,
// conferences, a visit where no one else is named) are shown apart, never added to the count.
// A gathering that is part_of a counted meeting of the same answer is listed under it, not
// counted again: a joint news conference after a meeting is that meeting's.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/graph/database.h"
#include "parley/common/date_range.h"
#include "parley/query/event_facts.h"

namespace parley {

// A gathering in an answer. Its facts are read only for what is shown (read_meetings): a
// hub's answer has tens of thousands of rows, and finding them is cheap next to reading them.
struct MeetingRow {
  EntityIndex event = 0;
  // The event's place in the event table, where its date, status and people are read. Carried
  // with the row because a hub's answer reads them for each of its rows several times, and
  // finding the slot from the entity is a lookup anywhere in an array over every entity.
  EventTable::Slot slot = EventTable::kNoSlot;
  DateMatch date_match = DateMatch::kInside;  // kPossibly when the date is too coarse to tell
};

// A row with its facts, to show.
struct MeetingDetail {
  EventFacts facts;
  DateMatch date_match = DateMatch::kInside;
};

std::vector<MeetingDetail> read_meetings(const Database& db, const std::vector<MeetingRow>& rows);

struct MeetingFilter {
  // Gathering kinds counted as meetings (with their subkinds); empty: the kinds the schema marks
  // "counted". Kinds not counted are listed apart, but those marked "when_asked" (calls) only
  // when named here.
  std::vector<KindId> counted_kinds;
  DateRange dates;
  std::optional<EntityIndex> at;        // a place: the gathering's venue is it or lies within it
  std::vector<std::string> statuses;    // effective statuses to keep; empty keeps all
  bool accepts_status(std::string_view status) const;
  bool counts_kind(const RelationSchema& schema, KindId kind) const;
  // Shown at all: counted, or a gathering kind listed apart by default.
  bool shows_kind(const RelationSchema& schema, KindId kind) const;
  // The rows of events among `slots` (sorted, distinct) that pass the filter, in date order.
  std::vector<MeetingRow> select(const Database& db, const std::vector<EventTable::Slot>& slots) const;
};

struct Counterpart {
  EntityIndex who = 0;
  std::vector<std::size_t> meetings;  // indices into WhoMetResult::meetings, in date order
};

struct WhoMetResult {
  EntityIndex a = 0;
  std::optional<EntityIndex> b;
  std::vector<MeetingRow> meetings;            // counted, in date order; undated last
  std::vector<std::vector<MeetingRow>> within;  // per meeting, the gatherings part_of it, in date order
  std::vector<MeetingRow> also;                // attended but not counted, in date order
  std::vector<Counterpart> counterparts;       // without b: most meetings first, then by name
  // The meetings the status filter leaves out, so that an answer can say what it did not count
  // (Trump and Putin: cancelled talks): those who_met with any status would count whose status
  // the filter does not keep, in date order; empty when the filter keeps any status.
  std::vector<MeetingRow> left_out;
};

WhoMetResult who_met(const Database& db, EntityIndex a, std::optional<EntityIndex> b, const MeetingFilter& filter);

struct MeetingPair {
  EntityIndex first = 0;   // first before second in name order
  EntityIndex second = 0;
  std::vector<std::size_t> meetings;  // indices into WhoMetTable::meetings; a meeting held
                                      // within another of the same pair is left to that one
};

struct WhoMetTable {
  std::vector<MeetingRow> meetings;  // every counted meeting that passed the filter, in date order
  std::vector<MeetingPair> pairs;    // most meetings first, then by names
};

WhoMetTable who_met_all(const Database& db, const MeetingFilter& filter);

}  // namespace parley
