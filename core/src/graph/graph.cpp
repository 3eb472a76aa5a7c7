#include "parley/graph/graph.h"

#include "parley/schema/schema.h"

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

MetGraph build_met_graph(const Dataset& dataset, const RelationSchema& schema,
                         const std::function<bool(EntityIndex)>& counts) {
  std::vector<std::pair<Vertex, Vertex>> ends;
  std::vector<TraversalEdge> properties;
  for (RelationIndex r = 0; r < dataset.relations.size(); ++r) {
    const Relation& relation = dataset.relations[r];
    ends.emplace_back(relation.from, relation.to);
    properties.push_back(TraversalEdge{r, 0, relation.type, true, false});
    ends.emplace_back(relation.to, relation.from);
    properties.push_back(TraversalEdge{r, 0, relation.type, false, false});
  }
  // Participations grouped by gathering.
  const auto participant_in = schema.core_names().participant_in;
  const auto status = schema.core_names().status;
  std::vector<std::vector<RelationIndex>> by_gathering(dataset.entities.size());
  for (RelationIndex r = 0; participant_in && r < dataset.relations.size(); ++r) {
    const Relation& relation = dataset.relations[r];
    // Someone the sources only expected (a participation with status "planned") did not meet anyone there.
    const bool expected_only = status && relation.property(*status) == "planned";
    if (relation.type == *participant_in && !expected_only && schema.is_gathering(dataset.entities[relation.to].kind)) {
      by_gathering[relation.to].push_back(r);
    }
  }
  for (EntityIndex gathering = 0; gathering < by_gathering.size(); ++gathering) {
    const auto& participations = by_gathering[gathering];
    if (participations.empty() || !counts(gathering)) continue;
    for (const RelationIndex a : participations) {
      for (const RelationIndex b : participations) {
        if (dataset.relations[a].from == dataset.relations[b].from) continue;
        ends.emplace_back(dataset.relations[a].from, dataset.relations[b].from);
        properties.push_back(TraversalEdge{a, b, dataset.relations[a].type, true, true});
      }
    }
  }
  MetGraph graph(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), properties.begin(),
                 dataset.entities.size());
  for (EntityIndex e = 0; e < dataset.entities.size(); ++e) graph[e] = EntityVertex{e, dataset.entities[e].kind};
  return graph;
}

}  // namespace parley
