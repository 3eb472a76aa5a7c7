// What surrounds an entity: everything within `depth` relations of it, found by breadth-first
// search. Relation-type and kind filters apply during the search: a filtered-out entity is
// neither listed nor passed through.
#pragma once

#include <vector>

#include "parley/graph/database.h"
#include "parley/query/subgraph.h"

namespace parley {

struct NeighboursQuery {
  EntityIndex center = 0;
  std::size_t depth = 1;
  std::vector<RelationTypeId> types;  // only these relation types (empty: all)
  std::vector<KindId> kinds;          // only entities of these kinds or below (empty: all)
  bool directed = false;              // follow relations only away from the centre
  std::size_t limit = 10000;          // at most this many entities besides the centre
  bool with_subgraph = true;          // also collect every relation among them (for drawings)
};

struct Neighbour {
  EntityIndex entity = 0;
  std::size_t distance = 0;
  RelationIndex relation = 0;  // the relation by which the search first reached it
  bool forward = true;         // that relation read from `parent` to `entity`
  EntityIndex parent = 0;
};

struct NeighboursResult {
  EntityIndex center = 0;
  std::vector<Neighbour> neighbours;  // by distance, then name
  Subgraph subgraph;                  // the centre, the neighbours and every allowed relation among
                                      // them; empty unless the query asked for it
  bool truncated = false;             // the limit cut the search short
};

NeighboursResult neighbours(const Database& db, const NeighboursQuery& query);

}  // namespace parley
