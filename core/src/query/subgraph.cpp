#include "parley/query/subgraph.h"

#include <algorithm>

namespace parley {
namespace {

template <typename T>
void sort_unique(std::vector<T>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

}  // namespace

void Subgraph::add_relation(const Dataset& dataset, RelationIndex relation) {
  relations.push_back(relation);
  entities.push_back(dataset.relations[relation].from);
  entities.push_back(dataset.relations[relation].to);
}

void Subgraph::normalize() {
  sort_unique(entities);
  sort_unique(relations);
  sort_unique(focus);
}

Subgraph Subgraph::whole(const Dataset& dataset) {
  Subgraph all;
  all.entities.resize(dataset.entities.size());
  for (EntityIndex e = 0; e < dataset.entities.size(); ++e) all.entities[e] = e;
  all.relations.resize(dataset.relations.size());
  for (RelationIndex r = 0; r < dataset.relations.size(); ++r) all.relations[r] = r;
  return all;
}

}  // namespace parley
