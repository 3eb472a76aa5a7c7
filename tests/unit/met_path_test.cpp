// `path --met` against a graph built the obvious way: the relations, plus an edge between every
// two participants of each held gathering. The search never builds that graph (it passes
// through each gathering once); on random datasets its answers must be the ones that graph gives.
#include <catch2/catch.hpp>

#include <deque>
#include <functional>
#include <optional>
#include <map>
#include <random>
#include <set>
#include <string>
#include <tuple>

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
      // Now and then someone there twice over, in two roles: two hops to each other participant.
      if (random() % 10 == 0) relation("participant_in", "p" + std::to_string(p), id, R"("properties": {"role": "principal"}, )");
    }
  }
  return json + R"(], "relations": [)" + relations + "]}";
}

// One hop of the graph `path --met` means: a relation walked one way, or two participations in
// one gathering (`second` the other's).
struct PlainEdge {
  EntityIndex to;
  RelationTypeId type;
  RelationIndex relation;
  bool forward;
  std::optional<RelationIndex> second;
};

// A hop as a path reports it, comparable.
using HopKey = std::tuple<EntityIndex, EntityIndex, RelationIndex, bool, std::optional<RelationIndex>>;

// The graph `path --met` means, built in full: every relation both ways, and an edge between
// every two participations of each held gathering by two different people.
std::vector<std::vector<PlainEdge>> met_graph(const Database& db) {
  const auto& data = db.dataset();
  const RelationTypeId participant_in = *db.schema().core_names().participant_in;
  std::vector<std::vector<PlainEdge>> out(data.entities.size());
  std::map<EntityIndex, std::vector<RelationIndex>> attending;
  for (RelationIndex r = 0; r < data.relations.size(); ++r) {
    const Relation& relation = data.relations[r];
    out[relation.from].push_back({relation.to, relation.type, r, true, std::nullopt});
    out[relation.to].push_back({relation.from, relation.type, r, false, std::nullopt});
    const auto& attributes = data.entities[relation.to].attributes;
    const bool held = attributes.size() == 1 && attributes[0].value == "held";
    if (relation.type == participant_in && held && relation.property(*db.schema().core_names().status) != "planned") {
      attending[relation.to].push_back(r);
    }
  }
  for (const auto& [gathering, participations] : attending) {
    for (const RelationIndex a : participations) {
      for (const RelationIndex b : participations) {
        if (data.relations[a].from != data.relations[b].from) {
          out[data.relations[a].from].push_back({data.relations[b].from, participant_in, a, true, b});
        }
      }
    }
  }
  return out;
}

struct Filters {
  std::set<RelationTypeId> only;   // --via (empty: all)
  std::set<RelationTypeId> avoid;  // --avoid
  bool directed = false;
  bool passes(const PlainEdge& e) const {
    return (only.empty() || only.count(e.type)) && !avoid.count(e.type) && (!directed || e.forward);
  }
};

// Every shortest path from `source` to `target` through the graph, as hop sequences; empty when
// there is none or there are more than `cap`.
std::set<std::vector<HopKey>> all_shortest(const std::vector<std::vector<PlainEdge>>& graph, EntityIndex source,
                                           EntityIndex target, const Filters& filters, std::size_t cap) {
  std::vector<int> dist(graph.size(), -1);
  std::deque<EntityIndex> queue = {source};
  dist[source] = 0;
  while (!queue.empty()) {
    const EntityIndex at = queue.front();
    queue.pop_front();
    for (const PlainEdge& e : graph[at]) {
      if (filters.passes(e) && dist[e.to] < 0) {
        dist[e.to] = dist[at] + 1;
        queue.push_back(e.to);
      }
    }
  }
  std::set<std::vector<HopKey>> paths;
  if (dist[target] < 0) return paths;
  // Forward along edges that go one level deeper and can still reach the target in time: every
  // such walk is a shortest path.
  std::vector<HopKey> walk;
  const std::function<void(EntityIndex)> extend = [&](EntityIndex at) {
    if (paths.size() > cap) return;
    if (at == target) {
      paths.insert(walk);
      return;
    }
    for (const PlainEdge& e : graph[at]) {
      if (!filters.passes(e) || dist[e.to] != dist[at] + 1 || dist[e.to] > dist[target]) continue;
      walk.emplace_back(at, e.to, e.relation, e.forward, e.second);
      extend(e.to);
      walk.pop_back();
    }
  };
  extend(source);
  std::erase_if(paths, [&](const std::vector<HopKey>& p) { return p.size() != static_cast<std::size_t>(dist[target]); });
  if (paths.size() > cap) paths.clear();
  return paths;
}

std::vector<HopKey> keys(const Path& path) {
  std::vector<HopKey> out;
  for (const Hop& hop : path.hops) out.emplace_back(hop.from, hop.to, hop.relation, hop.forward, hop.second);
  return out;
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
  // So that the comparisons are not empty: how many had a path, several, one through a met hop.
  int compared = 0, several = 0, met_hops = 0;
  for (int round = 0; round < 12; ++round) {
    const int people = 12 + static_cast<int>(random() % 30);
    const std::string json = random_dataset(random, people, 3 + static_cast<int>(random() % 10));
    Diagnostics diagnostics;
    const auto db = Database::open_texts({{"random.json", json}}, diagnostics);
    INFO(json);
    REQUIRE(db);
    const auto graph = met_graph(*db);
    const RelationTypeId participant_in = *db->schema().core_names().participant_in;
    const RelationTypeId holds_office = *db->schema().find_relation_type("holds_office");
    for (int pair = 0; pair < 30; ++pair) {
      PathQuery query;
      query.met = true;
      query.from = *db->dataset().find_entity("p" + std::to_string(random() % people));
      query.to = *db->dataset().find_entity("p" + std::to_string(random() % people));
      Filters filters;
      switch (pair % 6) {
        case 1:  // neither meetings nor met hops: only offices
          query.avoid = {participant_in};
          filters.avoid = {participant_in};
          break;
        case 2:
          query.via = {participant_in};
          filters.only = {participant_in};
          break;
        case 3:  // met hops run forward; a participation walked back from its gathering does not
          query.directed = true;
          filters.directed = true;
          break;
        case 4:
          query.avoid = {holds_office};
          filters.avoid = {holds_office};
          break;
        default:
          break;
      }
      const std::set<std::vector<HopKey>> expected = all_shortest(graph, query.from, query.to, filters, 20000);
      INFO("from " << db->dataset().entities[query.from].id << " to " << db->dataset().entities[query.to].id
                   << ", case " << pair % 6);

      const PathResult one = find_paths(*db, query);
      if (expected.empty()) {
        // No path, or too many to list here: the one found is still a shortest.
        if (!one.paths.empty()) require_chain(*db, one.paths[0], query.from, query.to);
        continue;
      }
      const std::size_t length = expected.begin()->size();
      ++compared;
      several += expected.size() > 1;
      for (const auto& path : expected) met_hops += std::any_of(path.begin(), path.end(), [](const HopKey& hop) { return std::get<4>(hop).has_value(); });
      REQUIRE(one.paths.size() == 1);
      CHECK(expected.count(keys(one.paths[0])) == 1);
      require_chain(*db, one.paths[0], query.from, query.to);

      query.all_shortest = true;
      query.limit = 100000;
      std::set<std::vector<HopKey>> found;
      for (const Path& path : find_paths(*db, query).paths) CHECK(found.insert(keys(path)).second);
      CHECK(found == expected);

      // A hop limit below the shortest path leaves none; at it, the same paths.
      query.max_hops = length;
      CHECK(find_paths(*db, query).paths.size() == expected.size());
      if (length > 0) {
        query.max_hops = length - 1;
        CHECK(find_paths(*db, query).paths.empty());
      }
      query.max_hops.reset();

      query.all_shortest = false;
      query.k = 6;
      const PathResult k = find_paths(*db, query);
      REQUIRE_FALSE(k.paths.empty());
      CHECK(keys(k.paths[0]) == keys(one.paths[0]));  // Yen's starts from the path `path` gives
      std::set<std::vector<HopKey>> distinct;
      for (std::size_t i = 0; i < k.paths.size(); ++i) {
        require_chain(*db, k.paths[i], query.from, query.to);
        CHECK(distinct.insert(keys(k.paths[i])).second);
        if (i > 0) CHECK(k.paths[i].hops.size() >= k.paths[i - 1].hops.size());
        // Every shortest path comes before any longer one.
        if (k.paths[i].hops.size() > length) CHECK(i >= std::min<std::size_t>(expected.size(), 6));
      }
    }
  }
  INFO("compared " << compared << " pairs, " << several << " with several shortest paths; " << met_hops
                   << " shortest paths through a met hop");
  CHECK(compared > 150);
  CHECK(several > 50);
  CHECK(met_hops > 100);
}
