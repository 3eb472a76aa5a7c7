// Meetings between states. A state meets through the people who act for it: who-met asked of a
// state reads the meetings of everyone the data says holds office for it (holds_office) or
// represents it (represents), on the meeting's date where the relation says when (from,
// until), and of the state itself where it is named as a participant. Each row says who acted
// for whom. A person asked beside a state stands for themselves ("who-met Abe Russia").
#pragma once

#include <optional>
#include <vector>

#include "parley/graph/database.h"
#include "parley/query/who_met.h"

namespace parley {

// Someone acting for a state, and from when until when the data says so.
struct Agent {
  EntityIndex who = 0;
  std::optional<RelationIndex> through;  // holds_office or represents; none: the state itself
  DateRange valid;                       // unbounded where the relation gives no dates
};

// True for an entity of the kind "state" or one below it.
bool is_state(const Database& db, EntityIndex entity);

// Everyone the data says acts for `state` (holds_office of it, represents it), in relation
// order; the state itself is not listed.
std::vector<Agent> agents_of(const Database& db, EntityIndex state);

// One participant of a row and the party they were there for.
struct PartySeat {
  EntityIndex party = 0;                 // a state, or the person asked about
  EntityIndex who = 0;                   // the participant
  std::optional<RelationIndex> through;  // why they count for the party; none: they are it
};

struct StateMeeting {
  MeetingRow row;
  std::vector<PartySeat> seats;  // A's side first, then B's, or each other state's by name
};

struct StateMeetingsResult {
  EntityIndex a = 0;
  std::optional<EntityIndex> b;
  // Of A and B, the states that no one is known to act for and that take part in no gathering
  // themselves: the data cannot say whether they met anyone, so no rows are read.
  std::vector<EntityIndex> unrepresented;
  std::vector<StateMeeting> meetings;       // counted, in date order; one held within another of
                                            // the answer is left to that one
  std::vector<Counterpart> counterparts;    // without B: the other states (and those who act for
                                            // no state, as themselves), most meetings first
};

// The counted meetings (MeetingFilter's kinds, statuses, dates and place) at which someone acted
// for A and someone else for B (without B: for any other state, or for no state at all).
StateMeetingsResult who_met_states(const Database& db, EntityIndex a, std::optional<EntityIndex> b,
                                   const MeetingFilter& filter);

}  // namespace parley
