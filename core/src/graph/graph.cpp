#include "parley/graph/graph.h"

#include <utility>
#include <vector>

namespace parley {

Graph build_graph(const Dataset& dataset) {
  std::vector<std::pair<Vertex, Vertex>> ends;
  std::vector<RelationEdge> properties;
  ends.reserve(2 * dataset.relations.size());
  properties.reserve(2 * dataset.relations.size());
  for (RelationIndex r = 0; r < dataset.relations.size(); ++r) {
    const Relation& relation = dataset.relations[r];
    ends.emplace_back(relation.from, relation.to);
    properties.push_back(RelationEdge{r, relation.type, true});
    ends.emplace_back(relation.to, relation.from);
    properties.push_back(RelationEdge{r, relation.type, false});
  }
  Graph graph(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), properties.begin(),
              dataset.entities.size());
  for (EntityIndex e = 0; e < dataset.entities.size(); ++e) graph[e] = EntityVertex{e, dataset.entities[e].kind};
  return graph;
}

}  // namespace parley
