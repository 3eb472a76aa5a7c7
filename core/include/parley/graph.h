// The Boost graph that queries run on: one vertex per entity (the vertex descriptor is the
// EntityIndex) and one edge per relation, stored as a read-only compressed sparse row graph
// with in-edges, built once after the dataset has been checked. Bundled properties tie vertices
// and edges back to the records they come from.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "parley/dataset.h"

namespace parley {

struct EntityVertex {
  EntityIndex entity = 0;
};

struct RelationEdge {
  RelationIndex relation = 0;
};

using Graph = boost::compressed_sparse_row_graph<boost::bidirectionalS, EntityVertex, RelationEdge>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

// Builds the graph of a checked dataset.
Graph build_graph(const Dataset& dataset);

}  // namespace parley
