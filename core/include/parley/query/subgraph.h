// A selection of entities and relations: what a query's answer covers, and what the exporters
// (DOT, GraphML, JSON) draw. Indices refer to the Database's dataset.
#pragma once

#include <vector>

#include "parley/load/dataset.h"

namespace parley {

struct Subgraph {
  std::vector<EntityIndex> entities;     // sorted and unique once normalize()d
  std::vector<RelationIndex> relations;  // sorted and unique; both ends are in `entities`
  std::vector<EntityIndex> focus;        // what the query was about: drawn emphasised

  void add_entity(EntityIndex entity) { entities.push_back(entity); }
  // Adds a relation and both its ends.
  void add_relation(const Dataset& dataset, RelationIndex relation);
  // Sorts and removes duplicates, so that the same answer always exports the same bytes.
  void normalize();

  // Every entity and relation of the dataset.
  static Subgraph whole(const Dataset& dataset);
};

}  // namespace parley
