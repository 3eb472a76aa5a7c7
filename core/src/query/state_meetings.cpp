#include "parley/query/state_meetings.h"

#include <algorithm>
#include <tuple>

#include <boost/range/iterator_range.hpp>

#include "parley/graph/names.h"
#include "query/gathering_links.h"

namespace parley {
namespace {

using detail::gatherings_of;
using detail::part_of_chain;

// The relation types through which a person acts for a state.
std::vector<RelationTypeId> acting_types(const Database& db) {
  std::vector<RelationTypeId> types;
  for (const char* name : {"holds_office", "represents"}) {
    if (const auto type = db.schema().find_relation_type(name)) types.push_back(*type);
  }
  return types;
}

DateRange validity(const Database& db, const Relation& relation) {
  DateRange valid;
  if (const auto from = db.schema().find_property("from")) valid.from = FuzzyDate::parse(relation.property(*from));
  if (const auto until = db.schema().find_property("until")) valid.to = FuzzyDate::parse(relation.property(*until));
  return valid;
}

// A meeting on `span` falls within the agent's time, or may (a coarse date, no date at all).
bool acting_then(const Agent& agent, const std::optional<DateSpan>& span) {
  return agent.valid.match(span) != DateMatch::kOutside;
}

// The states `who` acts for, with the relation (none: `who` is a state itself), on `span`.
std::vector<PartySeat> states_of(const Database& db, EntityIndex who, const std::optional<DateSpan>& span,
                                 const std::vector<RelationTypeId>& types) {
  std::vector<PartySeat> out;
  if (is_state(db, who)) {
    out.push_back(PartySeat{who, who, std::nullopt});
    return out;
  }
  for (const Edge e : boost::make_iterator_range(out_edges(who, db.graph()))) {
    const RelationEdge& edge = db.graph()[e];
    if (!edge.forward || std::find(types.begin(), types.end(), edge.type) == types.end()) continue;
    const EntityIndex state = target(e, db.graph());
    if (!is_state(db, state)) continue;
    const Agent agent{who, edge.relation, validity(db, db.dataset().relations[edge.relation])};
    const bool known = std::any_of(out.begin(), out.end(), [&](const PartySeat& s) { return s.party == state; });
    if (!known && acting_then(agent, span)) out.push_back(PartySeat{state, who, edge.relation});
  }
  return out;
}

// Who may stand for `party`: its agents and itself for a state, the entity itself otherwise.
std::vector<Agent> party_agents(const Database& db, EntityIndex party) {
  std::vector<Agent> agents;
  agents.push_back(Agent{party, std::nullopt, {}});
  if (is_state(db, party)) {
    const std::vector<Agent> acting = agents_of(db, party);
    agents.insert(agents.end(), acting.begin(), acting.end());
  }
  return agents;
}

// The seats of `slot` filled by agents of a party acting on the meeting's date, each person once.
std::vector<PartySeat> seats_for(const EventTable& events, EventTable::Slot slot, EntityIndex party,
                                 const std::vector<Agent>& agents, const std::vector<EntityIndex>& taken) {
  std::vector<PartySeat> out;
  for (const EventTable::Seat& seat : events.seats(slot)) {
    if (!seat.counts || std::find(taken.begin(), taken.end(), seat.who) != taken.end()) continue;
    if (std::any_of(out.begin(), out.end(), [&](const PartySeat& s) { return s.who == seat.who; })) continue;
    for (const Agent& agent : agents) {
      if (agent.who == seat.who && acting_then(agent, events.span(slot))) {
        out.push_back(PartySeat{party, seat.who, agent.through});
        break;
      }
    }
  }
  return out;
}

}  // namespace

bool is_state(const Database& db, EntityIndex entity) {
  const auto state = db.schema().find_kind("state");
  return state && db.schema().is_a(db.dataset().entities[entity].kind, *state);
}

std::vector<Agent> agents_of(const Database& db, EntityIndex state) {
  std::vector<Agent> agents;
  const std::vector<RelationTypeId> types = acting_types(db);
  for (const Edge e : boost::make_iterator_range(out_edges(state, db.graph()))) {
    const RelationEdge& edge = db.graph()[e];
    if (edge.forward || std::find(types.begin(), types.end(), edge.type) == types.end()) continue;
    const Relation& relation = db.dataset().relations[edge.relation];
    agents.push_back(Agent{relation.from, edge.relation, validity(db, relation)});
  }
  std::sort(agents.begin(), agents.end(), [](const Agent& x, const Agent& y) { return x.through < y.through; });
  return agents;
}

StateMeetingsResult who_met_states(const Database& db, EntityIndex a, std::optional<EntityIndex> b,
                                   const MeetingFilter& filter) {
  const EventTable& events = db.events();
  const RelationSchema& schema = db.schema();
  const Dataset& data = db.dataset();
  StateMeetingsResult result;
  result.a = a;
  result.b = b;
  const std::vector<Agent> agents_a = party_agents(db, a);
  const std::vector<Agent> agents_b = b ? party_agents(db, *b) : std::vector<Agent>{};
  const auto note_if_unrepresented = [&](EntityIndex party, const std::vector<Agent>& agents) {
    // Only the state itself in its list: no one acts for it; nor does it take part itself.
    if (is_state(db, party) && agents.size() == 1 && gatherings_of(db, party).empty()) result.unrepresented.push_back(party);
  };
  note_if_unrepresented(a, agents_a);
  if (b) note_if_unrepresented(*b, agents_b);
  if (!result.unrepresented.empty()) return result;

  std::vector<EventTable::Slot> slots;
  for (const Agent& agent : agents_a) {
    const auto theirs = gatherings_of(db, agent.who);
    slots.insert(slots.end(), theirs.begin(), theirs.end());
  }
  events.sort_distinct(slots);
  std::erase_if(slots, [&](EventTable::Slot s) { return !filter.counts_kind(schema, data.entities[events.entity(s)].kind); });

  const std::vector<RelationTypeId> types = acting_types(db);
  const NameOrder names(db.names(), data);
  std::vector<StateMeeting> rows;
  for (const MeetingRow& row : filter.select(db, slots)) {
    const EventTable::Slot slot = events.slot(row.event);
    StateMeeting meeting{row, seats_for(events, slot, a, agents_a, {})};
    if (meeting.seats.empty()) continue;
    std::vector<EntityIndex> taken;
    for (const PartySeat& seat : meeting.seats) taken.push_back(seat.who);
    std::vector<PartySeat> others;
    if (b) {
      others = seats_for(events, slot, *b, agents_b, taken);
    } else {
      for (const EventTable::Seat& seat : events.seats(slot)) {
        if (!seat.counts || std::find(taken.begin(), taken.end(), seat.who) != taken.end()) continue;
        // Rolled up to the states they act for; someone who acts for none (a group in coded
        // event data, "Citizen (Japan)") stands for themselves.
        const std::vector<PartySeat> states = states_of(db, seat.who, events.span(slot), types);
        if (states.empty()) others.push_back(PartySeat{seat.who, seat.who, std::nullopt});
        for (const PartySeat& s : states) {
          if (s.party != a) others.push_back(s);
        }
      }
    }
    if (others.empty()) continue;
    std::stable_sort(others.begin(), others.end(), [&](const PartySeat& x, const PartySeat& y) {
      return std::tuple(names.rank(x.party), names.rank(x.who)) < std::tuple(names.rank(y.party), names.rank(y.who));
    });
    meeting.seats.insert(meeting.seats.end(), others.begin(), others.end());
    rows.push_back(std::move(meeting));
  }

  // A meeting held within another of the answer (talks during a visit) is that one's.
  for (const StateMeeting& meeting : rows) {
    const std::vector<EntityIndex> chain = part_of_chain(db, meeting.row.event);
    const bool within = std::any_of(rows.begin(), rows.end(), [&](const StateMeeting& other) {
      return std::find(chain.begin(), chain.end(), other.row.event) != chain.end();
    });
    if (!within) result.meetings.push_back(meeting);
  }

  if (!b) {
    for (std::size_t m = 0; m < result.meetings.size(); ++m) {
      for (const PartySeat& seat : result.meetings[m].seats) {
        if (seat.party == a) continue;
        auto at = std::find_if(result.counterparts.begin(), result.counterparts.end(),
                               [&](const Counterpart& c) { return c.who == seat.party; });
        if (at == result.counterparts.end()) {
          result.counterparts.push_back(Counterpart{seat.party, {}});
          at = result.counterparts.end() - 1;
        }
        if (at->meetings.empty() || at->meetings.back() != m) at->meetings.push_back(m);
      }
    }
    std::sort(result.counterparts.begin(), result.counterparts.end(), [&](const Counterpart& x, const Counterpart& y) {
      return x.meetings.size() != y.meetings.size() ? x.meetings.size() > y.meetings.size() : names.less(x.who, y.who);
    });
  }
  return result;
}

}  // namespace parley
