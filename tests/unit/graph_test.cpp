#include <catch2/catch.hpp>

#include <set>

#include <boost/range/iterator_range.hpp>

#include "parley/graph/database.h"

using namespace parley;

TEST_CASE("the graph has one vertex per entity and one edge each way per relation", "[graph]") {
  Diagnostics diagnostics;
  const auto db = Database::open({}, diagnostics);
  REQUIRE(db);
  const Graph& g = db->graph();
  const Dataset& data = db->dataset();
  REQUIRE(num_vertices(g) == data.entities.size());
  REQUIRE(num_edges(g) == 2 * data.relations.size());

  // Differential check: the forward edges are exactly the relations, and each relation's
  // backward edge mirrors it.
  std::multiset<std::tuple<EntityIndex, EntityIndex, RelationIndex>> forward, backward, expected;
  for (const auto e : boost::make_iterator_range(edges(g))) {
    (g[e].forward ? forward : backward).emplace(source(e, g), target(e, g), g[e].relation);
  }
  for (RelationIndex r = 0; r < data.relations.size(); ++r) {
    expected.emplace(data.relations[r].from, data.relations[r].to, r);
  }
  CHECK(forward == expected);
  std::multiset<std::tuple<EntityIndex, EntityIndex, RelationIndex>> mirrored;
  for (const auto& [from, to, r] : backward) mirrored.emplace(to, from, r);
  CHECK(mirrored == expected);

  // A vertex's out-edges are every relation it takes part in, at either end.
  for (const auto v : boost::make_iterator_range(vertices(g))) {
    CHECK(g[v].entity == v);
    std::size_t incident = 0;
    for (const auto& relation : data.relations) incident += (relation.from == v) + (relation.to == v);
    CHECK(out_degree(v, g) == incident);
  }
}
