// `path --met` against a graph built the obvious way: the relations, plus an edge between every
// two participants of each held gathering. The search never builds that graph (it passes
// through each gathering once); on random datasets its answers must be the ones that graph gives.
#include <catch2/catch.hpp>

#include <deque>
#include <map>
#include <random>
#include <set>
#include <string>

#include "parley/graph/database.h"
#include "parley/query/path.h"

using namespace parley;

namespace {

// A random dataset: people, a few states they hold office in, and gatherings of every size
// (one much larger than the rest), some held, some cancelled, with some participations only
// expected.
std::string random_dataset(std::mt19937& random, int people, int gatherings) {
  const std::string cite = R"("sources": [{"source": "s", "quote": "q"}])";
  std::string json = R"({"format": "parley-dataset/1",
    "sources": [{"id": "s", "publisher": "P", "title": "T", "published": "2019-06"}], "entities": [)";
  std::string relations;
  const auto relation = [&](const std::string& type, const std::string& from, const std::string& to,
                            const std::string& properties) {
    relations += std::string(relations.empty() ? "" : ",") + R"({"type": ")" + type + R"(", "from": ")" + from +
                 R"(", "to": ")" + to + R"(", )" + properties + cite + "}";
  };
  for (int p = 0; p < people; ++p) {
    json += R"({"id": "p)" + std::to_string(p) + R"(", "kind": "person", "name": "P)" + std::to_string(p) + R"(", )" +
            cite + "},";
  }
  for (int s = 0; s < 3; ++s) {
    json += R"({"id": "s)" + std::to_string(s) + R"(", "kind": "state", "name": "S)" + std::to_string(s) + R"(", )" +
            cite + "},";
  }
  for (int p = 0; p < people; ++p) {
    if (random() % 4 == 0) {
      relation("holds_office", "p" + std::to_string(p), "s" + std::to_string(random() % 3),
               R"("properties": {"role": "minister"}, )");
    }
  }
  for (int g = 0; g < gatherings; ++g) {
    const std::string id = "m" + std::to_string(g);
    const char* status = random() % 4 == 0 ? "cancelled" : "held";
    json += std::string(g ? "," : "") + R"({"id": ")" + id + R"(", "kind": "meeting", "name": "M)" +
            std::to_string(g) + R"(", "attributes": [{"name": "status", "value": ")" + status + R"(", )" + cite +
            "}], " + cite + "}";
    const int size = g == 0 ? people / 2 : 2 + static_cast<int>(random() % 4);
    std::set<int> attending;
    while (static_cast<int>(attending.size()) < size) attending.insert(static_cast<int>(random() % people));
    for (const int p : attending) {
      relation("participant_in", "p" + std::to_string(p), id,
               random() % 6 == 0 ? R"("properties": {"status": "planned"}, )" : "");
    }
  }
  return json + R"(], "relations": [)" + relations + "]}";
}

struct PlainEdge {
  EntityIndex to;
  RelationTypeId type;
};

// The graph `path --met` means, built in full.
std::vector<std::vector<PlainEdge>> met_graph(const Database& db) {
  const auto& data = db.dataset();
  const RelationTypeId participant_in = *db.schema().core_names().participant_in;
  std::vector<std::vector<PlainEdge>> out(data.entities.size());
  std::map<EntityIndex, std::vector<EntityIndex>> attending;
  for (const Relation& r : data.relations) {
    out[r.from].push_back({r.to, r.type});
    out[r.to].push_back({r.from, r.type});
    const auto& attributes = data.entities[r.to].attributes;
    const bool held = attributes.size() == 1 && attributes[0].value == "held";
    if (r.type == participant_in && held && r.property(*db.schema().core_names().status) != "planned") {
      attending[r.to].push_back(r.from);
    }
  }
  for (const auto& [gathering, who] : attending) {
    for (const EntityIndex a : who) {
      for (const EntityIndex b : who) {
        if (a != b) out[a].push_back({b, participant_in});
      }
    }
  }
  return out;
}

// Hop distances from `source`, and the number of shortest walks to each vertex (every parallel
// edge a walk of its own, as paths through different gatherings are different paths).
std::pair<std::vector<int>, std::vector<double>> distances(const std::vector<std::vector<PlainEdge>>& graph,
                                                           EntityIndex source,
                                                           const std::set<RelationTypeId>& avoid) {
  std::vector<int> dist(graph.size(), -1);
  std::vector<double> ways(graph.size(), 0);
  std::deque<EntityIndex> queue = {source};
  dist[source] = 0;
  ways[source] = 1;
  while (!queue.empty()) {
    const EntityIndex at = queue.front();
    queue.pop_front();
    for (const PlainEdge& e : graph[at]) {
      if (avoid.count(e.type)) continue;
      if (dist[e.to] < 0) {
        dist[e.to] = dist[at] + 1;
        queue.push_back(e.to);
      }
      if (dist[e.to] == dist[at] + 1) ways[e.to] += ways[at];
    }
  }
  return {dist, ways};
}

void require_chain(const Database& db, const Path& path, EntityIndex from, EntityIndex to) {
  EntityIndex at = from;
  std::set<EntityIndex> seen = {from};
  for (const Hop& hop : path.hops) {
    REQUIRE(hop.from == at);
    const Relation& r = db.dataset().relations[hop.relation];
    if (hop.met_at) {
      REQUIRE(hop.second);
      const Relation& theirs = db.dataset().relations[*hop.second];
      REQUIRE((r.from == hop.from && theirs.from == hop.to));
      REQUIRE((r.to == *hop.met_at && theirs.to == *hop.met_at));
    } else {
      REQUIRE((hop.forward ? std::pair(r.from, r.to) : std::pair(r.to, r.from)) == std::pair(hop.from, hop.to));
    }
    REQUIRE(seen.insert(hop.to).second);  // simple
    at = hop.to;
  }
  REQUIRE(at == to);
}

}  // namespace

TEST_CASE("path --met answers as the graph with an edge between every two participants would",
          "[query][path]") {
  std::mt19937 random(17);
  for (int round = 0; round < 12; ++round) {
    const int people = 12 + static_cast<int>(random() % 30);
    const std::string json = random_dataset(random, people, 3 + static_cast<int>(random() % 10));
    Diagnostics diagnostics;
    const auto db = Database::open_texts({{"random.json", json}}, diagnostics);
    INFO(json);
    REQUIRE(db);
    const auto graph = met_graph(*db);
    const RelationTypeId participant_in = *db->schema().core_names().participant_in;
    for (int pair = 0; pair < 25; ++pair) {
      PathQuery query;
      query.met = true;
      query.from = *db->dataset().find_entity("p" + std::to_string(random() % people));
      query.to = *db->dataset().find_entity("p" + std::to_string(random() % people));
      std::set<RelationTypeId> avoid;
      if (pair % 5 == 4) {
        query.avoid = {participant_in};  // neither meetings nor met hops: only offices
        avoid = {participant_in};
      }
      const auto [dist, ways] = distances(graph, query.from, avoid);
      INFO("from " << db->dataset().entities[query.from].id << " to " << db->dataset().entities[query.to].id);

      const PathResult one = find_paths(*db, query);
      if (dist[query.to] < 0) {
        CHECK(one.paths.empty());
        continue;
      }
      REQUIRE(one.paths.size() == 1);
      CHECK(static_cast<int>(one.paths[0].hops.size()) == dist[query.to]);
      require_chain(*db, one.paths[0], query.from, query.to);

      query.all_shortest = true;
      query.limit = 100000;
      const PathResult all = find_paths(*db, query);
      CHECK(static_cast<double>(all.paths.size()) == ways[query.to]);
      for (const Path& path : all.paths) {
        CHECK(static_cast<int>(path.hops.size()) == dist[query.to]);
        require_chain(*db, path, query.from, query.to);
      }

      query.all_shortest = false;
      query.k = 6;
      const PathResult k = find_paths(*db, query);
      REQUIRE_FALSE(k.paths.empty());
      CHECK(k.paths[0].hops.size() == one.paths[0].hops.size());
      for (std::size_t i = 0; i < k.paths.size(); ++i) {
        require_chain(*db, k.paths[i], query.from, query.to);
        if (i > 0) CHECK(k.paths[i].hops.size() >= k.paths[i - 1].hops.size());
      }
    }
  }
}
