#include "parley/query/entity_card.h"

#include "parley/graph/event_table.h"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "parley/graph/names.h"

#include <boost/range/iterator_range.hpp>

namespace parley {

std::string reading(const Database& db, RelationIndex relation, bool forward) {
  const Relation& r = db.dataset().relations[relation];
  const auto role = db.schema().core_names().role;
  return db.schema().reading(r.type, forward, role ? r.property(*role) : std::string_view());
}

EntityCard entity_card(const Database& db, EntityIndex entity) {
  EntityCard card;
  card.entity = entity;
  const Graph& g = db.graph();
  for (const Edge e : boost::make_iterator_range(out_edges(entity, g))) {
    card.relations.push_back(RelationView{g[e].relation, g[e].forward, target(e, g)});
  }
  const auto& data = db.dataset();
  const NameOrder names(db.names(), data);
  std::stable_sort(card.relations.begin(), card.relations.end(), [&](const RelationView& x, const RelationView& y) {
    const auto key = [&](const RelationView& v) { return std::tuple(data.relations[v.relation].type, !v.forward); };
    if (key(x) != key(y)) return key(x) < key(y);
    if (x.other != y.other) return names.less(x.other, y.other);
    return x.relation < y.relation;
  });
  return card;
}

Links links_between(const Database& db, EntityIndex a, EntityIndex b) {
  Links links;
  links.a = a;
  links.b = b;
  const Graph& g = db.graph();
  const KindId event_kind = *db.schema().core_names().event;
  // Events reached from b, with the relation that links b to each.
  std::map<EntityIndex, RelationIndex> b_events;
  for (const Edge e : boost::make_iterator_range(out_edges(b, g))) {
    const EntityIndex other = target(e, g);
    if (db.schema().is_a(db.dataset().entities[other].kind, event_kind)) b_events.emplace(other, g[e].relation);
  }
  std::unordered_set<EntityIndex> seen_events;  // two hubs share thousands: no linear search
  for (const Edge e : boost::make_iterator_range(out_edges(a, g))) {
    const EntityIndex other = target(e, g);
    if (other == b) links.direct.push_back(RelationView{g[e].relation, g[e].forward, b});
    const auto shared = b_events.find(other);
    if (shared != b_events.end() && other != a && other != b && seen_events.insert(other).second) {
      links.shared.push_back(SharedEvent{other, g[e].relation, shared->second});
    }
  }
  // In date order, undated last: the event table's slots are that order.
  const EventTable& events = db.events();
  std::stable_sort(links.shared.begin(), links.shared.end(),
                   [&](const SharedEvent& x, const SharedEvent& y) { return events.slot(x.event) < events.slot(y.event); });
  if (links.direct.empty() && links.shared.empty()) {
    PathQuery query;
    query.from = a;
    query.to = b;
    PathResult found = find_paths(db, query);
    if (!found.paths.empty()) links.path = std::move(found.paths.front());
  }
  return links;
}

Subgraph to_subgraph(const Database& db, const EntityCard& card) {
  Subgraph subgraph;
  subgraph.add_entity(card.entity);
  subgraph.focus.push_back(card.entity);
  for (const auto& view : card.relations) subgraph.add_relation(db.dataset(), view.relation);
  subgraph.normalize();
  return subgraph;
}

Subgraph to_subgraph(const Database& db, const Links& links) {
  Subgraph subgraph;
  subgraph.add_entity(links.a);
  subgraph.add_entity(links.b);
  subgraph.focus = {links.a, links.b};
  for (const auto& view : links.direct) subgraph.add_relation(db.dataset(), view.relation);
  for (const auto& shared : links.shared) {
    subgraph.add_relation(db.dataset(), shared.a_link);
    subgraph.add_relation(db.dataset(), shared.b_link);
  }
  if (links.path) {
    for (const Hop& hop : links.path->hops) {
      subgraph.add_relation(db.dataset(), hop.relation);
      if (hop.second) subgraph.add_relation(db.dataset(), *hop.second);
    }
  }
  subgraph.normalize();
  return subgraph;
}

}  // namespace parley
