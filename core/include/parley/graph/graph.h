// The Boost graph that queries run on: one vertex per entity (the vertex descriptor is the
// EntityIndex) and, for every relation, one edge each way, stored as a read-only compressed
// sparse row graph built once after the dataset has been checked. An edge's bundle says which
// relation it stands for and whether it runs along the relation (from → to) or against it, so
// a vertex's out-edges are all the relations it takes part in: traversals may follow relations
// in either direction, and a directed traversal keeps only the forward edges.
#pragma once

#include <cstdint>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "parley/load/dataset.h"

namespace parley {

struct EntityVertex {
  EntityIndex entity = 0;
  KindId kind = 0;  // copied from the entity: kind filters read the small vertex array, not the records
};

struct RelationEdge {
  RelationIndex relation = 0;
  // Copied from the relation so that filtering by type during a search reads only the edge,
  // not the relation record (a cache miss per edge otherwise); the bundle stays 8 bytes.
  RelationTypeId type = 0;
  bool forward = true;  // true: source is the relation's `from`; false: its `to`
};

// 32-bit vertex and edge indices: half the memory of the default size_t, and vertex
// descriptors are then EntityIndex values themselves.
using Graph = boost::compressed_sparse_row_graph<boost::directedS, EntityVertex, RelationEdge, boost::no_property,
                                                 std::uint32_t, std::uint32_t>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

// Builds the graph of a checked dataset.
Graph build_graph(const Dataset& dataset);

}  // namespace parley
