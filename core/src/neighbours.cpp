#include "parley/neighbours.h"

#include <algorithm>
#include <limits>

#include "parley/names.h"
#include "rank_sort.h"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/two_bit_color_map.hpp>
#include <boost/pending/queue.hpp>
#include <boost/range/iterator_range.hpp>

namespace parley {
namespace {

constexpr std::uint32_t kUnreached = std::numeric_limits<std::uint32_t>::max();

struct LimitReached {};

struct Walk {
  const Database& db;
  const NeighboursQuery& query;
  std::vector<bool> type_allowed;
  std::vector<bool> kind_allowed;
  std::vector<std::uint32_t> distance;
  std::vector<Neighbour> found;

  bool relation_allowed(const RelationEdge& edge) const {
    return type_allowed[edge.type] && (!query.directed || edge.forward);
  }
  bool entity_allowed(EntityIndex e) const { return e == query.center || kind_allowed[db.graph()[e].kind]; }
};

// Expands a vertex only while it is nearer than `depth`: BFS examines a vertex's out-edges
// after setting its distance, so the filter can read it.
struct EdgeFilter {
  const Walk* walk = nullptr;
  bool operator()(const Edge& e) const {
    const Graph& g = walk->db.graph();
    return walk->distance[source(e, g)] < walk->query.depth && walk->relation_allowed(g[e]);
  }
};

struct VertexFilter {
  const Walk* walk = nullptr;
  bool operator()(const Vertex& v) const { return walk->entity_allowed(v); }
};

struct Recorder : boost::default_bfs_visitor {
  Walk* walk;
  explicit Recorder(Walk* w) : walk(w) {}
  template <typename G>
  void tree_edge(const Edge& e, const G&) const {
    const Graph& g = walk->db.graph();
    const EntityIndex from = source(e, g);
    const EntityIndex to = target(e, g);
    // Checked before the distance is written: an entity past the limit is not reached at all,
    // so no relation to it is drawn.
    if (walk->found.size() >= walk->query.limit) throw LimitReached{};
    walk->distance[to] = walk->distance[from] + 1;
    walk->found.push_back(Neighbour{to, walk->distance[to], g[e].relation, g[e].forward, from});
  }
};

}  // namespace

NeighboursResult neighbours(const Database& db, const NeighboursQuery& query) {
  const RelationSchema& schema = db.schema();
  Walk walk{db, query, {}, {}, std::vector<std::uint32_t>(db.dataset().entities.size(), kUnreached), {}};
  walk.type_allowed.assign(schema.relation_type_count(), query.types.empty());
  for (const RelationTypeId t : query.types) walk.type_allowed[t] = true;
  walk.kind_allowed.assign(schema.kind_count(), query.kinds.empty());
  for (KindId k = 0; k < schema.kind_count(); ++k) {
    for (const KindId wanted : query.kinds) {
      if (schema.is_a(k, wanted)) walk.kind_allowed[k] = true;
    }
  }
  walk.distance[query.center] = 0;

  NeighboursResult result;
  result.center = query.center;
  const boost::filtered_graph<Graph, EdgeFilter, VertexFilter> view(db.graph(), EdgeFilter{&walk}, VertexFilter{&walk});
  try {
    // breadth_first_visit, not breadth_first_search: the latter first visits every vertex of the
    // graph to colour it white, which on a large dataset costs more than a small answer.
    auto colors = boost::make_two_bit_color_map(num_vertices(db.graph()), boost::get(boost::vertex_index, db.graph()));
    boost::queue<Vertex> queue;
    boost::breadth_first_visit(view, query.center, queue, Recorder{&walk}, colors);
  } catch (const LimitReached&) {
    result.truncated = true;
  }

  // Breadth-first search finds entities layer by layer, so the rows are in distance order
  // already; within a layer they are put in name order by sorting 8-byte keys (name rank,
  // position) rather than moving the rows themselves.
  const NameOrder names(db.names(), db.dataset());
  std::vector<std::uint64_t> keys(walk.found.size());
  for (std::size_t begin = 0, end = 0; begin < walk.found.size(); begin = end) {
    for (end = begin; end < walk.found.size() && walk.found[end].distance == walk.found[begin].distance; ++end) {
      keys[end] = (std::uint64_t{names.rank(walk.found[end].entity)} << 32) | end;
    }
    detail::sort_by_rank(keys, begin, end, static_cast<std::uint32_t>(db.dataset().entities.size()));
  }
  result.neighbours.reserve(walk.found.size());
  for (const std::uint64_t key : keys) result.neighbours.push_back(walk.found[key & 0xFFFFFFFFu]);

  if (!query.with_subgraph) return result;
  // The drawing: every allowed relation whose ends were both reached.
  result.subgraph.add_entity(query.center);
  result.subgraph.focus.push_back(query.center);
  for (const Neighbour& n : result.neighbours) result.subgraph.add_entity(n.entity);
  const Graph& g = db.graph();
  for (const EntityIndex e : result.subgraph.entities) {
    for (const Edge edge : boost::make_iterator_range(out_edges(e, g))) {
      const EntityIndex other = target(edge, g);
      if (g[edge].forward && walk.distance[other] != kUnreached && walk.relation_allowed(g[edge])) {
        result.subgraph.relations.push_back(g[edge].relation);
      }
    }
  }
  result.subgraph.normalize();
  return result;
}

}  // namespace parley
