// What the dataset says about one entity, and what links two: the material of `show` and
// `why`. Relations are read from the entity's side: outgoing ones forward, incoming ones in
// their backward reading.
#pragma once

#include <optional>
#include <vector>

#include "parley/graph/database.h"
#include "parley/query/path.h"
#include "parley/query/subgraph.h"

namespace parley {

struct RelationView {
  RelationIndex relation = 0;
  bool forward = true;    // the entity is the relation's `from`
  EntityIndex other = 0;  // the entity at the other end
};

struct EntityCard {
  EntityIndex entity = 0;
  std::vector<RelationView> relations;  // by relation type in schema order, forward first, then by name
};

EntityCard entity_card(const Database& db, EntityIndex entity);

struct SharedEvent {
  EntityIndex event = 0;
  RelationIndex a_link = 0;  // how `a` is linked to the event
  RelationIndex b_link = 0;
};

struct Links {
  EntityIndex a = 0;
  EntityIndex b = 0;
  std::vector<RelationView> direct;    // relations between a and b, read from a's side
  std::vector<SharedEvent> shared;     // events both are linked to, in date order (undated last)
  std::optional<Path> path;            // when neither exists: the shortest connection
};

Links links_between(const Database& db, EntityIndex a, EntityIndex b);

// The entities and relations an answer covers, for DOT and GraphML.
Subgraph to_subgraph(const Database& db, const EntityCard& card);
Subgraph to_subgraph(const Database& db, const Links& links);

// "deputy foreign minister of", or "has deputy foreign minister" read backwards.
std::string reading(const Database& db, RelationIndex relation, bool forward);

}  // namespace parley
