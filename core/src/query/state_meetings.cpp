#include "parley/query/state_meetings.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

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

// The states each participant acts for, read from their edges once per query. A meeting's other
// participants are rolled up to their states, and a popular person sits in thousands of a
// state's meetings with thousands of edges (every participation) each: scanning them again for
// every meeting made a state's who-met quadratic.
class StatesActedFor {
 public:
  StatesActedFor(const Database& db, std::vector<RelationTypeId> types) : db_(db), types_(std::move(types)) {}

  // The states `who` acts for, with the relation (none: `who` is a state itself), on `span`.
  std::vector<PartySeat> on(EntityIndex who, const std::optional<DateSpan>& span) {
    std::vector<PartySeat> out;
    if (is_state(db_, who)) {
      out.push_back(PartySeat{who, who, std::nullopt});
      return out;
    }
    for (const Agent& office : offices(who)) {
      const EntityIndex state = db_.dataset().relations[*office.through].to;
      const bool known = std::any_of(out.begin(), out.end(), [&](const PartySeat& s) { return s.party == state; });
      if (!known && acting_then(office, span)) out.push_back(PartySeat{state, who, office.through});
    }
    return out;
  }

 private:
  // `who`'s relations of an acting type to a state, in the order of its edges.
  const std::vector<Agent>& offices(EntityIndex who) {
    const auto [at, added] = offices_.try_emplace(who);
    if (!added) return at->second;
    for (const Edge e : boost::make_iterator_range(out_edges(who, db_.graph()))) {
      const RelationEdge& edge = db_.graph()[e];
      if (!edge.forward || std::find(types_.begin(), types_.end(), edge.type) == types_.end()) continue;
      if (!is_state(db_, target(e, db_.graph()))) continue;
      at->second.push_back(Agent{who, edge.relation, validity(db_, db_.dataset().relations[edge.relation])});
    }
    return at->second;
  }

  const Database& db_;
  std::vector<RelationTypeId> types_;
  std::unordered_map<EntityIndex, std::vector<Agent>> offices_;
};

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

// A party's agents found by person: a state may have thousands (every office holder), and each
// seat of each meeting asks for its person's. A person's agents keep the party's order, so a
// seat goes to the first of them acting on the meeting's date.
class AgentsByPerson {
 public:
  explicit AgentsByPerson(std::vector<Agent> agents) : agents_(std::move(agents)) {
    std::stable_sort(agents_.begin(), agents_.end(), [](const Agent& x, const Agent& y) { return x.who < y.who; });
  }
  const Agent* acting(EntityIndex who, const std::optional<DateSpan>& span) const {
    const auto [begin, end] = std::equal_range(agents_.begin(), agents_.end(), Agent{who, std::nullopt, {}},
                                               [](const Agent& x, const Agent& y) { return x.who < y.who; });
    for (auto at = begin; at != end; ++at) {
      if (acting_then(*at, span)) return &*at;
    }
    return nullptr;
  }
  bool only_the_party() const { return agents_.size() == 1; }

 private:
  std::vector<Agent> agents_;
};

// The seats of `slot` filled by agents of a party acting on the meeting's date, each person once.
std::vector<PartySeat> seats_for(const EventTable& events, EventTable::Slot slot, EntityIndex party,
                                 const AgentsByPerson& agents, const std::vector<EntityIndex>& taken) {
  std::vector<PartySeat> out;
  for (const EventTable::Seat& seat : events.seats(slot)) {
    if (!seat.counts || std::find(taken.begin(), taken.end(), seat.who) != taken.end()) continue;
    if (std::any_of(out.begin(), out.end(), [&](const PartySeat& s) { return s.who == seat.who; })) continue;
    if (const Agent* agent = agents.acting(seat.who, events.span(slot))) out.push_back(PartySeat{party, seat.who, agent->through});
  }
  return out;
}

}  // namespace

bool is_state(const Database& db, EntityIndex entity) {
  const auto state = db.schema().core_names().state;
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
  const std::vector<Agent> listed_a = party_agents(db, a);
  const AgentsByPerson agents_a(listed_a);
  const AgentsByPerson agents_b(b ? party_agents(db, *b) : std::vector<Agent>{});
  const auto note_if_unrepresented = [&](EntityIndex party, const AgentsByPerson& agents) {
    // Only the state itself in its list: no one acts for it; nor does it take part itself.
    if (is_state(db, party) && agents.only_the_party() && gatherings_of(db, party).empty()) result.unrepresented.push_back(party);
  };
  note_if_unrepresented(a, agents_a);
  if (b) note_if_unrepresented(*b, agents_b);
  if (!result.unrepresented.empty()) return result;

  std::vector<EventTable::Slot> slots;
  for (const Agent& agent : listed_a) {
    const auto theirs = gatherings_of(db, agent.who);
    slots.insert(slots.end(), theirs.begin(), theirs.end());
  }
  events.sort_distinct(slots);
  std::erase_if(slots, [&](EventTable::Slot s) { return !filter.counts_kind(schema, data.entities[events.entity(s)].kind); });

  StatesActedFor states_acted_for(db, acting_types(db));
  const NameOrder names(db.names(), data);
  std::vector<StateMeeting> rows;
  for (const MeetingRow& row : filter.select(db, slots)) {
    const EventTable::Slot slot = row.slot;
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
        const std::vector<PartySeat> states = states_acted_for.on(seat.who, events.span(slot));
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
  std::vector<bool> in_answer(events.size(), false);
  for (const StateMeeting& meeting : rows) in_answer[meeting.row.slot] = true;
  for (StateMeeting& meeting : rows) {
    const std::vector<EntityIndex> chain = part_of_chain(db, meeting.row);
    const bool within = std::any_of(chain.begin(), chain.end(), [&](EntityIndex up) {
      const EventTable::Slot slot = events.slot(up);
      return slot != EventTable::kNoSlot && in_answer[slot];
    });
    if (!within) result.meetings.push_back(std::move(meeting));
  }

  if (!b) {
    std::unordered_map<EntityIndex, std::size_t> counterpart_of;  // party -> its place in counterparts
    for (std::size_t m = 0; m < result.meetings.size(); ++m) {
      for (const PartySeat& seat : result.meetings[m].seats) {
        if (seat.party == a) continue;
        const auto [at, added] = counterpart_of.try_emplace(seat.party, result.counterparts.size());
        if (added) result.counterparts.push_back(Counterpart{seat.party, {}});
        Counterpart& counterpart = result.counterparts[at->second];
        if (counterpart.meetings.empty() || counterpart.meetings.back() != m) counterpart.meetings.push_back(m);
      }
    }
    std::sort(result.counterparts.begin(), result.counterparts.end(), [&](const Counterpart& x, const Counterpart& y) {
      return x.meetings.size() != y.meetings.size() ? x.meetings.size() > y.meetings.size() : names.less(x.who, y.who);
    });
  }
  return result;
}

}  // namespace parley
