#include "parley/query/neighbours.h"

#include <algorithm>

#include "parley/graph/names.h"
#include "query/rank_sort.h"

#include <boost/range/iterator_range.hpp>

namespace parley {
namespace {

// Which entities the current query has reached, kept per thread and reused: a query takes a
// fresh stamp instead of clearing an array over the whole graph, so a one-hop answer costs
// what it finds, not what the dataset holds (2.4 MB to fill at scale 10).
struct ReachedMarks {
  std::vector<std::uint32_t> stamp;
  std::uint32_t now = 0;

  void start(std::size_t entities) {
    if (stamp.size() < entities) stamp.resize(entities, 0);
    if (++now == 0) {  // wrapped around: forget every old mark
      std::fill(stamp.begin(), stamp.end(), 0);
      now = 1;
    }
  }
  bool reached(EntityIndex e) const { return stamp[e] == now; }
  void mark(EntityIndex e) { stamp[e] = now; }
};

thread_local ReachedMarks marks;

// An entity as the search reaches it: half a Neighbour's 32 bytes. The rows are gathered into
// name order by random reads. At scale 10 (half a million rows) a 32-byte row read from anywhere
// in 16 MB cost a cache miss, and in a large array (which malloc starts 16 bytes into a page)
// half the rows cost a second one across a line's end; 16-byte rows never cross a line. On the
// plain generated shape at scale 10 the 3-hop query took 62-68 ms with Neighbour rows and
// 42-47 ms with these (docs/benchmarks.md, "The 3-hop answer against a floor that builds it").
struct Reached {
  EntityIndex entity;
  EntityIndex parent;
  RelationIndex relation;
  std::uint32_t distance : 31;
  std::uint32_t forward : 1;
};
static_assert(sizeof(Reached) == 16);

}  // namespace

NeighboursResult neighbours(const Database& db, const NeighboursQuery& query) {
  const RelationSchema& schema = db.schema();
  const Graph& g = db.graph();
  // The filters as lookup tables, built only when there is a filter: a one-hop answer costs
  // a few microseconds, and building them for every query was a third of it.
  std::vector<bool> type_allowed, kind_allowed;
  if (!query.types.empty()) {
    type_allowed.assign(schema.relation_type_count(), false);
    for (const RelationTypeId t : query.types) type_allowed[t] = true;
  }
  if (!query.kinds.empty()) {
    kind_allowed.assign(schema.kind_count(), false);
    for (KindId k = 0; k < schema.kind_count(); ++k) {
      for (const KindId wanted : query.kinds) {
        if (schema.is_a(k, wanted)) kind_allowed[k] = true;
      }
    }
  }
  const auto relation_allowed = [&](const RelationEdge& edge) {
    return (type_allowed.empty() || type_allowed[edge.type]) && (!query.directed || edge.forward);
  };
  const auto kind_ok = [&](EntityIndex e) { return kind_allowed.empty() || kind_allowed[g[e].kind]; };

  NeighboursResult result;
  result.center = query.center;
  // Breadth-first, a layer at a time, with the filters applied as each edge is met: only a
  // relation of an allowed type (and direction) is followed, only to an entity of an allowed
  // kind, and only from entities nearer than the depth asked for. The first relation to reach
  // an entity is the one reported.
  marks.start(db.dataset().entities.size());
  marks.mark(query.center);
  std::vector<Reached> found;
  std::vector<EntityIndex> frontier = {query.center}, next;
  // Distances fit in 31 bits: each layer holds at least one entity, so a distance past 2^31
  // would take a chain of two billion entities.
  for (std::uint32_t distance = 1; distance <= query.depth && !frontier.empty() && !result.truncated; ++distance) {
    next.clear();
    for (const EntityIndex from : frontier) {
      for (const Edge e : boost::make_iterator_range(out_edges(from, g))) {
        const EntityIndex to = target(e, g);
        if (marks.reached(to) || !relation_allowed(g[e]) || !kind_ok(to)) continue;
        // An entity past the limit is not reached at all, so no relation to it is drawn.
        if (found.size() >= query.limit) {
          result.truncated = true;
          break;
        }
        marks.mark(to);
        found.push_back(Reached{to, from, g[e].relation, distance, g[e].forward});
        next.push_back(to);
      }
      if (result.truncated) break;
    }
    frontier.swap(next);
  }

  // Breadth-first search finds entities layer by layer, so the rows are in distance order
  // already; within a layer they are put in name order by sorting 8-byte keys (name rank,
  // position) rather than moving the rows themselves.
  const NameOrder names(db.names(), db.dataset());
  const std::vector<std::uint64_t> keys = detail::order_layers_by_rank(
      found.size(), [&](std::size_t i) { return found[i].distance; }, [&](std::size_t i) { return names.rank(found[i].entity); },
      static_cast<std::uint32_t>(db.dataset().entities.size()));
  result.neighbours.reserve(found.size());
  for (const std::uint64_t key : keys) {
    const Reached& r = found[key & 0xFFFFFFFFu];
    result.neighbours.push_back(Neighbour{r.entity, r.distance, r.relation, r.forward != 0, r.parent});
  }

  if (!query.with_subgraph) return result;
  // The drawing: every allowed relation whose ends were both reached.
  result.subgraph.add_entity(query.center);
  result.subgraph.focus.push_back(query.center);
  for (const Neighbour& n : result.neighbours) result.subgraph.add_entity(n.entity);
  for (const EntityIndex e : result.subgraph.entities) {
    for (const Edge edge : boost::make_iterator_range(out_edges(e, g))) {
      const EntityIndex other = target(edge, g);
      if (g[edge].forward && marks.reached(other) && relation_allowed(g[edge])) {
        result.subgraph.relations.push_back(g[edge].relation);
      }
    }
  }
  result.subgraph.normalize();
  return result;
}

}  // namespace parley
