#include "parley/query/event_facts.h"

#include <algorithm>
#include <cstdint>
#include <unordered_set>

#include <boost/range/iterator_range.hpp>

namespace parley {
namespace {

// Days since the epoch of a source's publication, for "most recent source" decisions: the
// earliest day a publication date allows, so that "2019" does not outrank "2019-06-15".
// Unknown dates sort first.
std::int32_t published_day(const Dataset& data, const Attribute& attribute) {
  std::int32_t latest = INT32_MIN;
  for (const auto& citation : attribute.citations) {
    if (const auto date = FuzzyDate::parse(data.sources[citation.source].published)) {
      latest = std::max(latest, date->first_day());
    }
  }
  return latest;
}

}  // namespace

bool participation_counts(std::string_view participation_status, std::string_view event_status) {
  return participation_status != "planned" || event_status != "held";
}

bool EventFacts::counts(const Participation& participation) const { return participation_counts(participation.status, status); }

std::string_view stated_status(const Dataset& data, const Entity& event) {
  const Attribute* latest = nullptr;
  for (const Attribute& attribute : event.attributes) {
    if (attribute.name == "status" && (!latest || published_day(data, attribute) >= published_day(data, *latest))) {
      latest = &attribute;
    }
  }
  return latest ? std::string_view(latest->value) : std::string_view();
}

bool EventFacts::has_participant(EntityIndex who) const {
  return std::any_of(participants.begin(), participants.end(),
                     [&](const Participation& p) { return p.who == who && counts(p); });
}

std::optional<DateSpan> EventFacts::span() const {
  if (!date) return std::nullopt;
  DateSpan out{date->first_day(), date->last_day()};
  if (end_date) out.last = std::max(out.last, end_date->last_day());
  return out;
}

EventReader::EventReader(const Database& db)
    : db_(&db),
      participant_in_(db.schema().core_names().participant_in),
      held_in_(db.schema().core_names().held_in),
      role_(db.schema().core_names().role),
      status_(db.schema().core_names().status) {}

EventFacts EventReader::read(EntityIndex event) const {
  const Dataset& data = db_->dataset();
  EventFacts facts;
  facts.event = event;
  std::vector<const Attribute*> end_dates;
  for (const auto& attribute : data.entities[event].attributes) {
    if (attribute.name == "date") facts.dates.push_back(&attribute);
    else if (attribute.name == "end_date") end_dates.push_back(&attribute);
    else if (attribute.name == "status") facts.statuses.push_back(&attribute);
    else if (attribute.name == "ordinal") facts.ordinals.push_back(&attribute);
    else if (attribute.name == "duration") facts.durations.push_back(&attribute);
    else if (attribute.name == "time_of_day") facts.times_of_day.push_back(&attribute);
  }
  // The narrowest of several stated dates is the one to sort and filter by.
  const auto narrowest = [](const std::vector<const Attribute*>& values, std::optional<FuzzyDate>& out) {
    const auto width = [](const FuzzyDate& d) { return d.last_day() - d.first_day(); };
    for (const Attribute* value : values) {
      const auto parsed = FuzzyDate::parse(value->value);
      if (parsed && (!out || width(*parsed) < width(*out))) out = parsed;
    }
  };
  narrowest(facts.dates, facts.date);
  narrowest(end_dates, facts.end_date);
  facts.status = stated_status(data, data.entities[event]);

  const Graph& graph = db_->graph();
  for (const Edge e : boost::make_iterator_range(out_edges(event, graph))) {
    // The edge holds the relation's type: only the relations read are touched, each a cache
    // miss on a large dataset.
    const RelationEdge& edge = graph[e];
    if (!edge.forward && participant_in_ && edge.type == *participant_in_) {
      const Relation& relation = data.relations[edge.relation];
      facts.participants.push_back(Participation{relation.from, role_ ? relation.property(*role_) : std::string_view(),
                                                 status_ ? relation.property(*status_) : std::string_view(),
                                                 edge.relation});
    } else if (edge.forward && held_in_ && edge.type == *held_in_) {
      facts.venues.push_back(Venue{static_cast<EntityIndex>(target(e, graph)), edge.relation});
    }
  }
  return facts;
}

EventFacts read_event(const Database& db, EntityIndex event) { return EventReader(db).read(event); }

bool is_within(const Database& db, EntityIndex place, EntityIndex area) {
  const auto located_in = db.schema().find_relation_type("located_in");
  const auto capital_of = db.schema().find_relation_type("capital_of");
  std::vector<EntityIndex> frontier = {place};
  std::unordered_set<EntityIndex> seen;  // containment chains are short: no per-call O(entities)
  while (!frontier.empty()) {
    const EntityIndex at = frontier.back();
    frontier.pop_back();
    if (at == area) return true;
    if (!seen.insert(at).second) continue;
    for (const Edge e : boost::make_iterator_range(out_edges(at, db.graph()))) {
      const RelationEdge& edge = db.graph()[e];
      const RelationTypeId type = edge.type;
      if (edge.forward && ((located_in && type == *located_in) || (capital_of && type == *capital_of))) {
        frontier.push_back(target(e, db.graph()));
      }
    }
  }
  return false;
}

}  // namespace parley
