#include <catch2/catch.hpp>

#include <set>

#include <boost/range/iterator_range.hpp>

#include "parley/database.h"

using namespace parley;

TEST_CASE("the graph has one vertex per entity and one edge per relation, both ways", "[graph]") {
  Diagnostics diagnostics;
  const auto db = Database::open({}, diagnostics);
  REQUIRE(db);
  const Graph& g = db->graph();
  const Dataset& data = db->dataset();
  REQUIRE(num_vertices(g) == data.entities.size());
  REQUIRE(num_edges(g) == data.relations.size());

  std::multiset<std::tuple<EntityIndex, EntityIndex, RelationIndex>> from_graph, from_data;
  for (const auto e : boost::make_iterator_range(edges(g))) {
    from_graph.emplace(source(e, g), target(e, g), g[e].relation);
  }
  for (RelationIndex r = 0; r < data.relations.size(); ++r) {
    from_data.emplace(data.relations[r].from, data.relations[r].to, r);
  }
  CHECK(from_graph == from_data);

  // In-edges mirror out-edges (a differential check of the two CSR directions).
  std::size_t in_total = 0;
  for (const auto v : boost::make_iterator_range(vertices(g))) {
    CHECK(g[v].entity == v);
    for (const auto e : boost::make_iterator_range(in_edges(v, g))) {
      CHECK(data.relations[g[e].relation].to == v);
      ++in_total;
    }
  }
  CHECK(in_total == num_edges(g));
}
