// Properties of the query engine, checked against independent brute-force computations over
// the dataset's relation list (differential tests) rather than against remembered answers.
#include <catch2/catch.hpp>

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <string>

#include "default_db.h"
#include "generated_dataset.h"
#include "parley/graph/database.h"
#include "parley/graph/names.h"
#include "parley/common/date_range.h"
#include "parley/query/neighbours.h"
#include "parley/query/path.h"
#include "parley/query/resolve.h"
#include "parley/query/timeline.h"
#include "parley/query/who_met.h"

using namespace parley;

namespace {

EntityIndex named(const Database& db, const char* name) {
  Diagnostics diagnostics;
  const auto e = resolve_entity(db, name, diagnostics);
  REQUIRE(e);
  return *e;
}

// Hop distances from `source` by a plain BFS over the relation list, ignoring direction.
std::vector<int> brute_force_distances(const Database& db, EntityIndex source,
                                       const std::set<RelationTypeId>& avoid = {}) {
  const auto& relations = db.dataset().relations;
  std::vector<int> dist(db.dataset().entities.size(), -1);
  std::deque<EntityIndex> queue = {source};
  dist[source] = 0;
  while (!queue.empty()) {
    const EntityIndex at = queue.front();
    queue.pop_front();
    for (const auto& r : relations) {
      if (avoid.count(r.type)) continue;
      for (const auto& [x, y] : {std::pair(r.from, r.to), std::pair(r.to, r.from)}) {
        if (x == at && dist[y] < 0) {
          dist[y] = dist[at] + 1;
          queue.push_back(y);
        }
      }
    }
  }
  return dist;
}

// A path is valid when its hops chain from `from` to `to` along real relations.
void require_valid(const Database& db, const Path& path, EntityIndex from, EntityIndex to) {
  EntityIndex at = from;
  for (const Hop& hop : path.hops) {
    REQUIRE(hop.from == at);
    const Relation& r = db.dataset().relations[hop.relation];
    if (hop.met_at) {
      REQUIRE(r.from == hop.from);
      REQUIRE(r.to == *hop.met_at);
      REQUIRE(db.dataset().relations[*hop.second].from == hop.to);
      REQUIRE(db.dataset().relations[*hop.second].to == *hop.met_at);
    } else {
      REQUIRE((hop.forward ? std::pair(r.from, r.to) : std::pair(r.to, r.from)) == std::pair(hop.from, hop.to));
    }
    at = hop.to;
  }
  REQUIRE(at == to);
}

std::vector<EntityIndex> people(const Database& db) {
  std::vector<EntityIndex> out;
  const KindId person = *db.schema().find_kind("person");
  for (EntityIndex e = 0; e < db.dataset().entities.size(); ++e) {
    if (db.dataset().entities[e].kind == person) out.push_back(e);
  }
  return out;
}

}  // namespace

TEST_CASE("date ranges classify dates as inside, possibly inside or outside", "[query][dates]") {
  const auto d = [](const char* text) { return FuzzyDate::parse(text); };
  const DateRange january{d("2019-01"), d("2019-01")};
  CHECK(january.match(d("2019-01-14")) == DateMatch::kInside);
  CHECK(january.match(d("2019-01")) == DateMatch::kInside);
  CHECK(january.match(d("2019")) == DateMatch::kPossibly);
  CHECK(january.match(d("2019-02-01")) == DateMatch::kOutside);
  CHECK(january.match(std::optional<FuzzyDate>()) == DateMatch::kPossibly);
  const DateRange from_mid_september{d("2018-09-15"), std::nullopt};
  CHECK(from_mid_september.match(d("2018-09")) == DateMatch::kPossibly);
  CHECK(from_mid_september.match(d("late 2018-09")) == DateMatch::kInside);
  CHECK(from_mid_september.match(d("early 2018-09")) == DateMatch::kOutside);
  CHECK(DateRange{}.match(std::optional<FuzzyDate>()) == DateMatch::kInside);
  // An event with extent matches on its whole span: a war from 1941 to 1945 is inside 1943.
  const DateRange year_1943{d("1943"), d("1943")};
  CHECK(year_1943.match(std::optional<DateSpan>(DateSpan{d("1941-12")->first_day(), d("1945-08")->last_day()})) ==
        DateMatch::kPossibly);
  CHECK(year_1943.match(std::optional<DateSpan>(DateSpan{d("1941-12")->first_day(), d("1941-12")->last_day()})) ==
        DateMatch::kOutside);
}

TEST_CASE("shortest paths have the length a brute-force search finds, for every pair of people", "[query][path]") {
  const Database& db = default_db();
  const auto all = people(db);
  for (const EntityIndex a : all) {
    const auto dist = brute_force_distances(db, a);
    for (const EntityIndex b : all) {
      INFO(db.dataset().entities[a].id << " -> " << db.dataset().entities[b].id);
      PathQuery query;
      query.from = a;
      query.to = b;
      const PathResult result = find_paths(db, query);
      if (dist[b] < 0) {
        CHECK(result.paths.empty());
        continue;
      }
      REQUIRE(result.paths.size() == 1);
      CHECK(static_cast<int>(result.paths[0].hops.size()) == dist[b]);
      require_valid(db, result.paths[0], a, b);
    }
  }
}

TEST_CASE("all shortest paths are distinct shortest paths of equal length", "[query][path]") {
  const Database& db = default_db();
  PathQuery query;
  query.from = named(db, "Takeo Mori");
  query.to = named(db, "Vladimir Putin");
  query.all_shortest = true;
  const PathResult result = find_paths(db, query);
  REQUIRE(result.paths.size() > 1);
  std::set<std::vector<RelationIndex>> seen;
  for (const Path& path : result.paths) {
    require_valid(db, path, query.from, query.to);
    CHECK(path.hops.size() == result.paths[0].hops.size());
    std::vector<RelationIndex> key;
    for (const Hop& hop : path.hops) key.push_back(hop.relation);
    CHECK(seen.insert(key).second);
  }
  query.limit = 2;
  const PathResult cut = find_paths(db, query);
  CHECK(cut.paths.size() == 2);
  CHECK(cut.truncated);
}

TEST_CASE("k shortest paths are simple, distinct paths in order of length", "[query][path]") {
  const Database& db = default_db();
  PathQuery query;
  query.from = named(db, "Igor Morgulov");
  query.to = named(db, "Shikotan");
  query.k = 8;
  const PathResult result = find_paths(db, query);
  REQUIRE(result.paths.size() == 8);
  std::set<std::vector<std::pair<RelationIndex, bool>>> seen;
  for (std::size_t i = 0; i < result.paths.size(); ++i) {
    const Path& path = result.paths[i];
    require_valid(db, path, query.from, query.to);
    if (i > 0) CHECK(path.hops.size() >= result.paths[i - 1].hops.size());
    std::set<EntityIndex> visited = {query.from};
    for (const Hop& hop : path.hops) CHECK(visited.insert(hop.to).second);  // simple: no vertex twice
    std::vector<std::pair<RelationIndex, bool>> key;
    for (const Hop& hop : path.hops) key.emplace_back(hop.relation, hop.forward);
    CHECK(seen.insert(key).second);
  }
}

TEST_CASE("relation-type filters apply during the search, not to its result", "[query][path]") {
  const Database& db = default_db();
  const RelationTypeId claims = *db.schema().find_relation_type("claims");
  const RelationTypeId administers = *db.schema().find_relation_type("administers");
  const RelationTypeId position_on = *db.schema().find_relation_type("position_on");
  PathQuery query;
  query.from = named(db, "Igor Morgulov");
  query.to = named(db, "Shikotan");
  query.avoid = {claims, administers, position_on};
  const PathResult result = find_paths(db, query);
  // Filtering the unfiltered shortest paths afterwards would leave nothing: they all use them.
  REQUIRE(result.paths.size() == 1);
  require_valid(db, result.paths[0], query.from, query.to);
  for (const Hop& hop : result.paths[0].hops) {
    CHECK(std::find(query.avoid.begin(), query.avoid.end(), db.dataset().relations[hop.relation].type) == query.avoid.end());
  }
  const auto dist = brute_force_distances(db, query.from, {claims, administers, position_on});
  CHECK(static_cast<int>(result.paths[0].hops.size()) == dist[query.to]);

  const RelationTypeId participant_in = *db.schema().find_relation_type("participant_in");
  PathQuery via;
  via.from = named(db, "Takeo Mori");
  via.to = named(db, "Sergey Lavrov");
  via.via = {participant_in};
  const PathResult met = find_paths(db, via);
  REQUIRE(met.paths.size() == 1);
  for (const Hop& hop : met.paths[0].hops) CHECK(db.dataset().relations[hop.relation].type == participant_in);
}

TEST_CASE("directed paths follow relations forwards, and max-hops bounds their length", "[query][path]") {
  const Database& db = default_db();
  for (const EntityIndex a : people(db)) {
    PathQuery query;
    query.from = a;
    query.to = named(db, "Shikotan");
    query.directed = true;
    for (const Path& path : find_paths(db, query).paths) {
      for (const Hop& hop : path.hops) CHECK(hop.forward);
    }
    query.directed = false;
    query.max_hops = 2;
    for (const Path& path : find_paths(db, query).paths) CHECK(path.hops.size() <= 2);
  }
}

TEST_CASE("with met, co-attendance is co-attendance one hop through the gathering both attended", "[query][path]") {
  const Database& db = default_db();
  PathQuery query;
  query.from = named(db, "Takeo Mori");
  query.to = named(db, "Sergey Lavrov");
  query.met = true;
  const PathResult result = find_paths(db, query);
  REQUIRE(result.paths.size() == 1);
  REQUIRE(result.paths[0].hops.size() == 1);
  const Hop& hop = result.paths[0].hops[0];
  REQUIRE(hop.met_at);
  CHECK(db.schema().is_gathering(db.dataset().entities[*hop.met_at].kind));
  require_valid(db, result.paths[0], query.from, query.to);
}

TEST_CASE("a 1-hop neighbourhood is exactly the entities sharing a relation", "[query][neighbours]") {
  const Database& db = default_db();
  for (EntityIndex center = 0; center < db.dataset().entities.size(); ++center) {
    std::set<EntityIndex> expected;
    for (const auto& r : db.dataset().relations) {
      if (r.from == center && r.to != center) expected.insert(r.to);
      if (r.to == center && r.from != center) expected.insert(r.from);
    }
    NeighboursQuery query;
    query.center = center;
    std::set<EntityIndex> found;
    for (const auto& n : neighbours(db, query).neighbours) found.insert(n.entity);
    INFO(db.dataset().entities[center].id);
    CHECK(found == expected);
  }
}

TEST_CASE("deeper neighbourhoods contain shallower ones and respect kind filters", "[query][neighbours]") {
  const Database& db = default_db();
  NeighboursQuery query;
  query.center = named(db, "Shikotan");
  query.depth = 2;
  const auto two = neighbours(db, query);
  const auto dist = brute_force_distances(db, query.center);
  for (const auto& n : two.neighbours) CHECK(static_cast<int>(n.distance) == dist[n.entity]);
  std::size_t within_two = 0;
  for (EntityIndex e = 0; e < dist.size(); ++e) within_two += e != query.center && dist[e] >= 1 && dist[e] <= 2;
  CHECK(two.neighbours.size() == within_two);

  query.kinds = {*db.schema().find_kind("state")};
  for (const auto& n : neighbours(db, query).neighbours) {
    CHECK(db.dataset().entities[n.entity].kind == *db.schema().find_kind("state"));
  }
  query.kinds.clear();
  query.limit = 3;
  const auto cut = neighbours(db, query);
  CHECK(cut.neighbours.size() == 3);
  CHECK(cut.truncated);
}

namespace {

// Every row of a neighbourhood: its relation joins its parent to it, read in the direction the
// row gives; its parent was reached one layer nearer (or is the centre); each layer is in name
// order. Returns the size of the largest layer.
std::size_t check_rows(const Database& db, const NeighboursQuery& query) {
  const NeighboursResult result = neighbours(db, query);
  const NameOrder names(db.names(), db.dataset());
  std::map<EntityIndex, std::size_t> distance = {{query.center, 0}};
  std::map<std::size_t, std::size_t> layer_size;
  for (std::size_t i = 0; i < result.neighbours.size(); ++i) {
    const Neighbour& n = result.neighbours[i];
    INFO(db.dataset().entities[query.center].id << ": row " << i << ", " << db.dataset().entities[n.entity].id);
    const Relation& r = db.dataset().relations[n.relation];
    CHECK((n.forward ? std::pair(r.from, r.to) : std::pair(r.to, r.from)) == std::pair(n.parent, n.entity));
    REQUIRE(distance.count(n.parent) == 1);
    CHECK(distance[n.parent] + 1 == n.distance);
    CHECK(distance.emplace(n.entity, n.distance).second);
    ++layer_size[n.distance];
    if (i > 0 && result.neighbours[i - 1].distance == n.distance) {
      CHECK(names.less(result.neighbours[i - 1].entity, n.entity));
    } else if (i > 0) {
      CHECK(result.neighbours[i - 1].distance + 1 == n.distance);
    }
  }
  std::size_t largest = 0;
  for (const auto& [d, size] : layer_size) largest = std::max(largest, size);
  return largest;
}

}  // namespace

TEST_CASE("each neighbour names the relation from its parent, a layer nearer, and layers are in name order",
          "[query][neighbours]") {
  const Database& db = default_db();
  NeighboursQuery query;
  query.depth = 3;
  for (query.center = 0; query.center < db.dataset().entities.size(); ++query.center) check_rows(db, query);

  // Layers of 512 rows or more are radix-sorted and gathered (rank_sort.h); the embedded
  // dataset has none that large.
  const auto generated = open_generated("parley-neighbours-test", "--scale 0.05 --seed 3");
  std::size_t largest = 0;
  for (const char* who : {"person-0", "person-50"}) {
    query.center = *generated->dataset().find_entity(who);
    for (query.depth = 1; query.depth <= 3; ++query.depth) largest = std::max(largest, check_rows(*generated, query));
  }
  CHECK(largest >= 512);
  query.directed = true;
  check_rows(*generated, query);
}

TEST_CASE("who-met counts the gatherings both attended, by the latest status", "[query][who-met]") {
  const Database& db = default_db();
  MeetingFilter held;
  held.statuses = {"held"};
  CHECK(who_met(db, named(db, "Donald Trump"), named(db, "Vladimir Putin"), held).meetings.empty());
  const auto any = who_met(db, named(db, "Donald Trump"), named(db, "Vladimir Putin"), MeetingFilter{});
  REQUIRE(any.meetings.size() == 1);
  CHECK(read_event(db, any.meetings[0].event).status == "cancelled");

  // The Kono–Lavrov meeting is "planned" in December 2018 articles and "held" in later ones.
  const auto kono = who_met(db, named(db, "Taro Kono"), named(db, "Sergey Lavrov"), held);
  const bool has_january = std::any_of(kono.meetings.begin(), kono.meetings.end(), [&](const MeetingRow& row) {
    const auto date = read_event(db, row.event).date;
    return date && date->to_string() == "2019-01-14";
  });
  CHECK(has_january);

  // Every meeting listed has both people among its participants, and is a gathering.
  const auto abe = who_met(db, named(db, "Shinzo Abe"), std::nullopt, MeetingFilter{});
  for (const auto& row : abe.meetings) {
    CHECK(read_event(db, row.event).has_participant(named(db, "Shinzo Abe")));
    CHECK(db.schema().is_gathering(db.dataset().entities[row.event].kind));
  }
  // Each row carries its event's slot in the event table, which its writers read instead of
  // looking it up: rows not counted, rows of who-met --all and of the timeline too.
  const auto carries_its_slot = [&](const MeetingRow& row) { return row.slot == db.events().slot(row.event); };
  CHECK(std::all_of(abe.meetings.begin(), abe.meetings.end(), carries_its_slot));
  const auto abe_held = who_met(db, named(db, "Shinzo Abe"), std::nullopt, held);
  REQUIRE_FALSE(abe_held.left_out.empty());
  CHECK(std::all_of(abe_held.left_out.begin(), abe_held.left_out.end(), carries_its_slot));
  const auto everyone = who_met_all(db, MeetingFilter{});
  REQUIRE_FALSE(everyone.meetings.empty());
  CHECK(std::all_of(everyone.meetings.begin(), everyone.meetings.end(), carries_its_slot));
  const auto whole_timeline = timeline(db, TimelineQuery{});
  REQUIRE(whole_timeline.size() > everyone.meetings.size());
  CHECK(std::all_of(whole_timeline.begin(), whole_timeline.end(), carries_its_slot));
  std::size_t with_putin = 0;
  for (const auto& c : abe.counterparts) {
    if (c.who == named(db, "Vladimir Putin")) with_putin = c.meetings.size();
  }
  CHECK(with_putin == who_met(db, named(db, "Shinzo Abe"), named(db, "Vladimir Putin"), MeetingFilter{}).meetings.size());
}

TEST_CASE("names resolve by id, name, alias and whole word; failures explain themselves", "[query][names]") {
  const Database& db = default_db();
  CHECK(named(db, "sergey-lavrov") == named(db, "Sergei Lavrov"));
  CHECK(named(db, "Trump") == named(db, "Donald Trump"));
  Diagnostics unknown;
  CHECK_FALSE(resolve_entity(db, "Lavrof", unknown));
  REQUIRE(unknown.size() == 1);
  CHECK(unknown.items()[0].code == ErrorCode::kNameNotFound);
  CHECK_THAT(unknown.items()[0].message, Catch::Contains("Lavrov"));
  Diagnostics ambiguous;
  CHECK_FALSE(resolve_entity(db, "summit", ambiguous));
  REQUIRE(ambiguous.size() == 1);
  CHECK(ambiguous.items()[0].code == ErrorCode::kNameAmbiguous);
}

TEST_CASE("an expected participant at a held gathering has not met anyone", "[query][who-met]") {
  const std::string json = R"({"format": "parley-dataset/1",
    "sources": [{"id": "s", "publisher": "P", "title": "T", "published": "2019-06"}],
    "entities": [
      {"id": "a", "kind": "person", "name": "Ann", "sources": [{"source": "s", "quote": "q"}]},
      {"id": "b", "kind": "person", "name": "Bob", "sources": [{"source": "s", "quote": "q"}]},
      {"id": "c", "kind": "person", "name": "Cid", "sources": [{"source": "s", "quote": "q"}]},
      {"id": "m", "kind": "meeting", "name": "Talks", "sources": [{"source": "s", "quote": "q"}],
       "attributes": [{"name": "status", "value": "held", "sources": [{"source": "s", "quote": "q"}]}]}],
    "relations": [
      {"type": "participant_in", "from": "a", "to": "m", "sources": [{"source": "s", "quote": "q"}]},
      {"type": "participant_in", "from": "b", "to": "m", "sources": [{"source": "s", "quote": "q"}]},
      {"type": "participant_in", "from": "c", "to": "m", "properties": {"status": "planned"},
       "sources": [{"source": "s", "quote": "q"}]}]})";
  Diagnostics diagnostics;
  const auto db = Database::open_texts({{"t.json", json}}, diagnostics);
  REQUIRE(db);
  const EntityIndex ann = *db->dataset().find_entity("a");
  const EntityIndex bob = *db->dataset().find_entity("b");
  const EntityIndex cid = *db->dataset().find_entity("c");
  CHECK(who_met(*db, ann, bob, MeetingFilter{}).meetings.size() == 1);
  CHECK(who_met(*db, ann, cid, MeetingFilter{}).meetings.empty());
  const auto counterparts = who_met(*db, ann, std::nullopt, MeetingFilter{}).counterparts;
  REQUIRE(counterparts.size() == 1);
  CHECK(counterparts[0].who == bob);

  PathQuery met;
  met.from = ann;
  met.to = cid;
  met.met = true;
  const PathResult path = find_paths(*db, met);
  REQUIRE(path.paths.size() == 1);
  CHECK(path.paths[0].hops.size() == 2);  // through the meeting, not "met at"
  for (const Hop& hop : path.paths[0].hops) CHECK_FALSE(hop.met_at);
}
