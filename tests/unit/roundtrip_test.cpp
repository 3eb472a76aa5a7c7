// DOT that parley writes reads back with Boost's read_graphviz, hostile names and all, with
// the same entities and relations (the edges that keep events in date order aside).
//
// Boost 1.74's reader cannot read an HTML-like label at all (`a [label=<x>]` fails with
// "Unclosed HTML string"), and parley writes one for each event and for the title with its
// legend. Graphviz and pydot read them (tests/hostile/roundtrip_test.py checks the names in
// them); here each is replaced by "" before Boost reads the structure.
#include <catch2/catch.hpp>

#include <sstream>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>

#include "parley/graph/database.h"
#include "parley/export/dot_export.h"

using namespace parley;

namespace {

struct Counts {
  std::size_t entities = 0;
  std::size_t relations = 0;
};

// `dot` with every HTML-like attribute value (=<...>, nested brackets counted) written as "".
// Quoted strings are copied as they are: a name may hold '<'.
std::string without_html_labels(const std::string& dot) {
  std::string out;
  for (std::size_t at = 0; at < dot.size(); ++at) {
    if (dot[at] == '"') {
      const std::size_t start = at;
      for (++at; at < dot.size() && dot[at] != '"'; ++at) at += dot[at] == '\\';
      out += dot.substr(start, at - start + 1);
    } else if (dot[at] == '<' && at > 0 && dot[at - 1] == '=') {
      int depth = 0;
      for (; at < dot.size(); ++at) {
        depth += dot[at] == '<' ? 1 : dot[at] == '>' ? -1 : 0;
        if (depth == 0) break;
      }
      out += "\"\"";
    } else {
      out += dot[at];
    }
  }
  return out;
}

Counts read_back(const std::string& dot) {
  using Read = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS,
                                     boost::property<boost::vertex_name_t, std::string>,
                                     boost::property<boost::edge_name_t, std::string>>;
  Read graph;
  boost::dynamic_properties properties(boost::ignore_other_properties);
  properties.property("node_id", boost::get(boost::vertex_name, graph));
  properties.property("class", boost::get(boost::edge_name, graph));
  std::istringstream in(without_html_labels(dot));
  REQUIRE(boost::read_graphviz(in, graph, properties, "node_id"));
  const auto is_entity = [&](auto v) {
    const std::string& id = boost::get(boost::vertex_name, graph, v);
    return id.size() > 1 && id[0] == 'e' && id.find_first_not_of("0123456789", 1) == std::string::npos;
  };
  Counts counts;
  for (const auto v : boost::make_iterator_range(vertices(graph))) counts.entities += is_entity(v);
  for (const auto e : boost::make_iterator_range(edges(graph))) {
    const bool date_order = boost::get(boost::edge_name, graph, e) == "date-order";
    counts.relations += is_entity(source(e, graph)) && is_entity(target(e, graph)) && !date_order;
  }
  return counts;
}

}  // namespace

TEST_CASE("DOT of hostile names reads back with Boost's read_graphviz", "[export][roundtrip]") {
  for (const std::vector<std::string>& paths :
       {std::vector<std::string>{std::string(PARLEY_SOURCE_DIR) + "/tests/fixtures/valid/hostile-names.json"},
        std::vector<std::string>{}}) {
    Diagnostics diagnostics;
    const auto db = Database::open(paths, diagnostics);
    REQUIRE(db);
    const Counts counts = read_back(to_dot(*db, Subgraph::whole(db->dataset())));
    CHECK(counts.entities == db->dataset().entities.size());
    CHECK(counts.relations == db->dataset().relations.size());
  }
}
