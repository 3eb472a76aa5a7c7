// The scale benchmarks: parley against its own floors on generated datasets at scale 1 and 10.
//   load            parse + validate + build the graph        floor: RapidJSON parsing the same text
//   who-met         a hub, a popular and an ordinary person    floor: their meetings and co-participants on a bare CSR
//   path            100 fixed random pairs of people           floor: bare CSR BFS over the same edges, from
//                                                              one end and from both
//   neighbours      1, 2 and 3 hops around a popular person    floor: bare CSR BFS to the same depth
//   export          DOT of the whole graph and of a 2-hop neighbourhood
//   growth          who-met of the hub and 3 hops around a popular person, and their traversal
//                   floors under three numberings of the entities, at scale 1 and 10 in turn
// Datasets come from parley_generate (same seed, same bytes) and are cached under /tmp.
// Run: make bench (medians of repetitions; see docs/benchmarks.md).
#include <benchmark/benchmark.h>

#include <array>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <memory>
#include <sstream>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/range/iterator_range.hpp>
#include <rapidjson/document.h>

#include "bench_datasets.h"
#include "thread_cpu.h"
#include "parley/graph/database.h"
#include "parley/export/dot_export.h"
#include "parley/query/event_facts.h"
#include "parley/query/neighbours.h"
#include "parley/query/path.h"
#include "parley/graph/event_table.h"
#include "parley/query/who_met.h"
#include "query/rank_sort.h"

namespace {

using parley::bench::database;
using parley::bench::dataset_path;
using parley::bench::dataset_shape;
using parley::bench::thread_cpu_us;


const std::string& dataset_text(int scale) {
  static std::map<int, std::string> texts;
  auto& text = texts[scale];
  if (text.empty()) {
    std::ifstream in(dataset_path(scale), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    text = s.str();
  }
  return text;
}

parley::EntityIndex person(const parley::Database& db, int n) {
  return *db.dataset().find_entity("person-" + std::to_string(n));
}

// 100 fixed pairs among the first 1,000 people, the same in every run and for parley, its
// floors and the peers (tests/bench/peers/peers.py draws the same ones).
std::vector<std::pair<parley::EntityIndex, parley::EntityIndex>> pairs(const parley::Database& db) {
  std::vector<std::pair<parley::EntityIndex, parley::EntityIndex>> out;
  std::uint64_t state = 7;
  const auto next = [&] { return (state = state * 6364136223846793005ULL + 1442695040888963407ULL) >> 33; };
  for (int i = 0; i < 100; ++i) out.emplace_back(person(db, static_cast<int>(next() % 1000)), person(db, static_cast<int>(next() % 1000)));
  return out;
}

void BM_Load(benchmark::State& state) {
  const int scale = static_cast<int>(state.range(0));
  const std::string path = dataset_path(scale);
  for (auto _ : state) {
    parley::Diagnostics diagnostics;
    auto db = parley::Database::open({path}, diagnostics);
    benchmark::DoNotOptimize(db);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(std::filesystem::file_size(path)));
}

void BM_FloorParse(benchmark::State& state) {
  const std::string& text = dataset_text(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    rapidjson::Document doc;
    doc.Parse(text.c_str(), text.size());
    benchmark::DoNotOptimize(doc.IsObject());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}

// The same parse with the file read from disk first, as a load must: parley's figure includes
// the read, the in-memory floor above does not.
void BM_FloorReadParse(benchmark::State& state) {
  const std::string path = dataset_path(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    std::ifstream in(path, std::ios::binary);
    std::string text(std::filesystem::file_size(path), '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    rapidjson::Document doc;
    doc.Parse(text.c_str(), text.size());
    benchmark::DoNotOptimize(doc.IsObject());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(std::filesystem::file_size(path)));
}

// The event table who-met and timeline build on first use: a one-off cost per process.
void BM_BuildEventTable(benchmark::State& state) {
  const auto& db = database(static_cast<int>(state.range(0)));
  std::size_t events = 0;
  for (auto _ : state) events = parley::EventTable::build(db).size();
  state.counters["events"] = static_cast<double>(events);
}

void BM_WhoMet(benchmark::State& state) {
  const auto& db = database(static_cast<int>(state.range(0)));
  const parley::EntityIndex who = person(db, static_cast<int>(state.range(1)));
  parley::MeetingFilter filter;
  filter.statuses = {"held"};
  std::size_t meetings = 0;
  std::size_t counterparts = 0;
  for (auto _ : state) {
    const auto answer = parley::who_met(db, who, std::nullopt, filter);
    meetings = answer.meetings.size();
    counterparts = answer.counterparts.size();
  }
  state.counters["meetings"] = static_cast<double>(meetings);
  state.counters["counterparts"] = static_cast<double>(counterparts);
}

void BM_Path(benchmark::State& state) {
  const auto& db = database(static_cast<int>(state.range(0)));
  const auto queries = pairs(db);
  std::size_t found = 0, hops = 0;
  for (auto _ : state) {
    found = hops = 0;
    for (const auto& [a, b] : queries) {
      parley::PathQuery query;
      query.from = a;
      query.to = b;
      const auto answer = parley::find_paths(db, query);
      if (!answer.paths.empty()) {
        ++found;
        hops += answer.paths.front().hops.size();
      }
    }
  }
  state.counters["hops"] = static_cast<double>(hops);
  state.counters["per_query_us"] = benchmark::Counter(static_cast<double>(state.iterations()) * 100,
                                                      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.counters["found"] = static_cast<double>(found);
}

// The floors' graph: a plain CSR over the same relations, an edge each way carrying only the
// relation type, and a visit stamp per vertex that is reset by bumping a counter, so that no
// floor query pays for clearing an array over the whole graph. Its vertices are the entities'
// indexes, or another numbering of them (`number[entity]`; BM_FloorGrowth).
struct BareGraph {
  using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, parley::RelationTypeId,
                                                 boost::no_property, std::uint32_t, std::uint32_t>;
  std::vector<std::uint32_t> number;  // empty: the dataset's own numbering
  Csr csr;
  mutable std::vector<std::uint32_t> stamp;
  mutable std::uint32_t now = 0;

  explicit BareGraph(const parley::Dataset& d, std::vector<std::uint32_t> numbering = {})
      : number(std::move(numbering)), csr(make(d)), stamp(d.entities.size(), 0) {}
  std::uint32_t vertex(parley::EntityIndex e) const { return number.empty() ? e : number[e]; }
  Csr make(const parley::Dataset& d) const {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;
    std::vector<parley::RelationTypeId> types;
    for (const auto& r : d.relations) {
      ends.emplace_back(vertex(r.from), vertex(r.to));
      ends.emplace_back(vertex(r.to), vertex(r.from));
      types.push_back(r.type);
      types.push_back(r.type);
    }
    return Csr(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), types.begin(), d.entities.size());
  }
  std::uint32_t next_stamp() const { return ++now; }
};

const BareGraph& bare_graph(int scale) {
  static std::map<int, std::unique_ptr<BareGraph>> built;
  auto& g = built[scale];
  if (!g) g = std::make_unique<BareGraph>(database(scale).dataset());
  return *g;
}

// Floor for who-met: the meetings a person took part in and everyone else in them, counted
// once each; no dates, statuses, places, sorting or text.
void BM_FloorWhoMet(benchmark::State& state) {
  const auto& db = database(static_cast<int>(state.range(0)));
  const BareGraph& g = bare_graph(static_cast<int>(state.range(0)));
  const auto participant_in = *db.schema().find_relation_type("participant_in");
  const std::uint32_t who = person(db, static_cast<int>(state.range(1)));
  // Which gatherings were held, worked out before timing: the floor gives the same answer as
  // who-met's default (--status held) without reading statuses or dates per query.
  std::vector<bool> held(db.dataset().entities.size());
  for (const auto e : boost::make_iterator_range(out_edges(who, g.csr))) {
    const auto meeting = static_cast<std::uint32_t>(target(e, g.csr));
    held[meeting] = parley::read_event(db, meeting).status == "held";
  }
  std::size_t meetings = 0, counterparts = 0;
  for (auto _ : state) {
    meetings = counterparts = 0;
    const std::uint32_t stamp = g.next_stamp();
    g.stamp[who] = stamp;
    for (const auto e : boost::make_iterator_range(out_edges(who, g.csr))) {
      const auto meeting = static_cast<std::uint32_t>(target(e, g.csr));
      if (g.csr[e] != participant_in || !held[meeting]) continue;
      ++meetings;
      for (const auto f : boost::make_iterator_range(out_edges(meeting, g.csr))) {
        const auto other = static_cast<std::uint32_t>(target(f, g.csr));
        if (g.csr[f] != participant_in || g.stamp[other] == stamp) continue;
        g.stamp[other] = stamp;
        ++counterparts;
      }
    }
    benchmark::DoNotOptimize(counterparts);
  }
  state.counters["meetings"] = static_cast<double>(meetings);
}

// Floor for who-met's whole answer: the same meetings in date order and the same counterparts,
// each with its meetings, most meetings first and then by name. What parley reads from its
// tables per query (statuses, dates, names' order) is worked out here before timing, as plain
// arrays over the vertices; no filters, no text. BM_FloorWhoMet above is the traversal alone.
void BM_FloorWhoMetAnswer(benchmark::State& state) {
  const auto& db = database(static_cast<int>(state.range(0)));
  const BareGraph& g = bare_graph(static_cast<int>(state.range(0)));
  const auto participant_in = *db.schema().find_relation_type("participant_in");
  const std::uint32_t who = person(db, static_cast<int>(state.range(1)));
  const std::size_t n = db.dataset().entities.size();
  std::vector<bool> held(n);
  std::vector<std::uint32_t> date_rank(n), name_rank(n), slot(n);
  const parley::NameOrder names(db.names(), db.dataset());
  const parley::EventTable& events = db.events();
  for (std::uint32_t v = 0; v < n; ++v) {
    name_rank[v] = names.rank(v);
    if (const auto s = events.slot(v); s != parley::EventTable::kNoSlot) {
      date_rank[v] = s;
      held[v] = events.status_name(events.status(s)) == "held";
    }
  }
  struct Counterpart {
    std::uint32_t who;
    std::vector<std::size_t> meetings;
  };
  std::size_t meetings = 0, counterparts = 0;
  for (auto _ : state) {
    std::vector<std::uint64_t> found;  // date rank << 32 | meeting
    for (const auto e : boost::make_iterator_range(out_edges(who, g.csr))) {
      const auto meeting = static_cast<std::uint32_t>(target(e, g.csr));
      if (g.csr[e] == participant_in && held[meeting]) found.push_back(std::uint64_t{date_rank[meeting]} << 32 | meeting);
    }
    parley::detail::sort_by_rank(found, 0, found.size(), static_cast<std::uint32_t>(n));
    std::vector<Counterpart> met;
    const std::uint32_t stamp = g.next_stamp();
    for (std::size_t m = 0; m < found.size(); ++m) {
      const auto meeting = static_cast<std::uint32_t>(found[m]);
      for (const auto f : boost::make_iterator_range(out_edges(meeting, g.csr))) {
        const auto other = static_cast<std::uint32_t>(target(f, g.csr));
        if (g.csr[f] != participant_in || other == who) continue;
        if (g.stamp[other] != stamp) {
          g.stamp[other] = stamp;
          slot[other] = static_cast<std::uint32_t>(met.size());
          met.push_back(Counterpart{other, {}});
        }
        met[slot[other]].meetings.push_back(m);
      }
    }
    std::vector<std::pair<std::uint64_t, std::uint32_t>> order;
    order.reserve(met.size());
    for (std::uint32_t i = 0; i < met.size(); ++i) {
      order.emplace_back(std::uint64_t{UINT32_MAX - static_cast<std::uint32_t>(met[i].meetings.size())} << 32 | name_rank[met[i].who], i);
    }
    std::sort(order.begin(), order.end());
    std::vector<Counterpart> sorted;
    sorted.reserve(met.size());
    for (const auto& [_, i] : order) sorted.push_back(std::move(met[i]));
    meetings = found.size();
    counterparts = sorted.size();
    benchmark::DoNotOptimize(sorted.data());
  }
  state.counters["meetings"] = static_cast<double>(meetings);
  state.counters["counterparts"] = static_cast<double>(counterparts);
}

// Floor for neighbours: a plain BFS to the same depth, collecting what it reaches.
void BM_FloorNeighbours(benchmark::State& state) {
  const auto& db = database(static_cast<int>(state.range(0)));
  const BareGraph& g = bare_graph(static_cast<int>(state.range(0)));
  const std::uint32_t center = person(db, 50);
  const auto depth = static_cast<std::size_t>(state.range(1));
  std::vector<std::uint32_t> frontier, next, reached;
  for (auto _ : state) {
    const std::uint32_t stamp = g.next_stamp();
    frontier.assign(1, center);
    reached.clear();
    g.stamp[center] = stamp;
    for (std::size_t hop = 0; hop < depth && !frontier.empty(); ++hop) {
      next.clear();
      for (const std::uint32_t u : frontier) {
        for (const auto e : boost::make_iterator_range(out_edges(u, g.csr))) {
          const auto v = static_cast<std::uint32_t>(target(e, g.csr));
          if (g.stamp[v] == stamp) continue;
          g.stamp[v] = stamp;
          next.push_back(v);
          reached.push_back(v);
        }
      }
      frontier.swap(next);
    }
    benchmark::DoNotOptimize(reached.data());
  }
  state.counters["entities"] = static_cast<double>(reached.size());
}

// Floor for neighbours' whole answer: the same BFS, keeping for each entity its distance, the
// edge that reached it and where from, with each layer in name order (ranks precomputed before
// timing, as a plain array), as parley answers. BM_FloorNeighbours above is the traversal alone.
class NeighboursAnswerFloor {
 public:
  // The ranks are copied into a plain array of the floor's own.
  explicit NeighboursAnswerFloor(int scale)
      : g_(bare_graph(scale)), name_rank_(database(scale).names().name_ranks(database(scale).dataset())) {}

  // The answer's rows around `center` to `depth` hops; returns how many.
  std::size_t answer(std::uint32_t center, std::uint32_t depth) const {
    std::vector<Reached> reached;
    std::vector<std::uint32_t> frontier{center}, next;
    const std::uint32_t stamp = g_.next_stamp();
    g_.stamp[center] = stamp;
    for (std::uint32_t hop = 1; hop <= depth && !frontier.empty(); ++hop) {
      next.clear();
      for (const std::uint32_t u : frontier) {
        for (const auto e : boost::make_iterator_range(out_edges(u, g_.csr))) {
          const auto v = static_cast<std::uint32_t>(target(e, g_.csr));
          if (g_.stamp[v] == stamp) continue;
          g_.stamp[v] = stamp;
          next.push_back(v);
          reached.push_back(Reached{v, hop, static_cast<std::uint32_t>(e.idx), u});
        }
      }
      frontier.swap(next);
    }
    const std::vector<std::uint64_t> keys = parley::detail::order_layers_by_rank(
        reached.size(), [&](std::size_t i) { return reached[i].distance; },
        [&](std::size_t i) { return name_rank_[reached[i].entity]; }, static_cast<std::uint32_t>(name_rank_.size()));
    std::vector<Reached> answer;
    answer.reserve(reached.size());
    for (const std::uint64_t key : keys) answer.push_back(reached[key & 0xFFFFFFFFu]);
    benchmark::DoNotOptimize(answer.data());
    return answer.size();
  }

 private:
  struct Reached {
    std::uint32_t entity, distance, edge, from;
  };
  const BareGraph& g_;
  std::vector<std::uint32_t> name_rank_;
};

void BM_FloorNeighboursAnswer(benchmark::State& state) {
  const int scale = static_cast<int>(state.range(0));
  const NeighboursAnswerFloor floor(scale);
  const std::uint32_t center = person(database(scale), 50);
  const auto depth = static_cast<std::uint32_t>(state.range(1));
  std::size_t found = 0;
  for (auto _ : state) found = floor.answer(center, depth);
  state.counters["entities"] = static_cast<double>(found);
}

// Floor for path, as parley searches: a plain BFS from both ends at once, the smaller frontier
// first, stopping when they meet; no filters, no property lookups.
void BM_FloorBidirectional(benchmark::State& state) {
  const auto& db = database(static_cast<int>(state.range(0)));
  const BareGraph& g = bare_graph(static_cast<int>(state.range(0)));
  const auto queries = pairs(db);
  std::vector<std::uint32_t> side(db.dataset().entities.size());  // which end reached it, valid under the stamp
  std::vector<std::uint32_t> frontier[2], next;
  std::size_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (const auto& [a, b] : queries) {
      const std::uint32_t stamp = g.next_stamp();
      frontier[0].assign(1, a);
      frontier[1].assign(1, b);
      g.stamp[a] = g.stamp[b] = stamp;
      side[a] = 0;
      side[b] = 1;
      bool met = a == b;
      while (!met && !frontier[0].empty() && !frontier[1].empty()) {
        const int s = frontier[0].size() <= frontier[1].size() ? 0 : 1;
        next.clear();
        for (const std::uint32_t u : frontier[s]) {
          for (const auto e : boost::make_iterator_range(out_edges(u, g.csr))) {
            const auto v = static_cast<std::uint32_t>(target(e, g.csr));
            if (g.stamp[v] == stamp) {
              if (side[v] != static_cast<std::uint32_t>(s)) met = true;
              continue;
            }
            g.stamp[v] = stamp;
            side[v] = static_cast<std::uint32_t>(s);
            next.push_back(v);
          }
        }
        frontier[s].swap(next);
      }
      found += met;
    }
  }
  state.counters["per_query_us"] = benchmark::Counter(static_cast<double>(state.iterations()) * 100,
                                                      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.counters["found"] = static_cast<double>(found);
}

// Floor for path's whole answer, as parley searches: the bidirectional BFS above, but it finishes
// the level where the two sides meet and takes the meeting vertex with the smallest index (so
// the answer does not depend on the order of the search), and it rebuilds the path from
// parents kept per vertex. No filters, no property lookups.
void BM_FloorPathAnswer(benchmark::State& state) {
  const auto& db = database(static_cast<int>(state.range(0)));
  const BareGraph& g = bare_graph(static_cast<int>(state.range(0)));
  const auto queries = pairs(db);
  const std::size_t n = db.dataset().entities.size();
  std::vector<std::uint32_t> side(n), parent(n);  // valid under the stamp
  std::vector<std::uint32_t> frontier[2], next, path;
  std::size_t found = 0, hops = 0;
  for (auto _ : state) {
    found = hops = 0;
    for (const auto& [a, b] : queries) {
      const std::uint32_t stamp = g.next_stamp();
      frontier[0].assign(1, a);
      frontier[1].assign(1, b);
      g.stamp[a] = g.stamp[b] = stamp;
      side[a] = 0;
      side[b] = 1;
      parent[a] = a;
      parent[b] = b;
      std::uint32_t meeting = a == b ? a : UINT32_MAX, meeting_from = meeting;
      while (meeting == UINT32_MAX && !frontier[0].empty() && !frontier[1].empty()) {
        const std::uint32_t s = frontier[0].size() <= frontier[1].size() ? 0 : 1;
        next.clear();
        for (const std::uint32_t u : frontier[s]) {
          for (const auto e : boost::make_iterator_range(out_edges(u, g.csr))) {
            const auto v = static_cast<std::uint32_t>(target(e, g.csr));
            if (g.stamp[v] == stamp) {
              if (side[v] != s && v < meeting) {
                meeting = v;
                meeting_from = u;
              }
              continue;
            }
            g.stamp[v] = stamp;
            side[v] = s;
            parent[v] = u;
            next.push_back(v);
          }
        }
        frontier[s].swap(next);
      }
      if (meeting == UINT32_MAX) continue;
      // The meeting vertex and the vertex it was met from belong to different sides: walk both
      // parent chains out to the ends, and join them.
      path.clear();
      for (std::uint32_t v = meeting_from; ; v = parent[v]) {
        path.push_back(v);
        if (parent[v] == v) break;
      }
      std::reverse(path.begin(), path.end());
      if (meeting != meeting_from) {
        for (std::uint32_t v = meeting; ; v = parent[v]) {
          path.push_back(v);
          if (parent[v] == v) break;
        }
      }
      ++found;
      hops += path.size() - 1;
    }
    benchmark::DoNotOptimize(path.data());
  }
  state.counters["per_query_us"] = benchmark::Counter(static_cast<double>(state.iterations()) * 100,
                                                      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.counters["found"] = static_cast<double>(found);
  state.counters["hops"] = static_cast<double>(hops);
}

// The least a traversal can cost: a plain CSR over the same edges (both directions), plain BFS
// with early exit, no filters, no property lookups.
void BM_FloorBFS(benchmark::State& state) {
  const auto& db = database(static_cast<int>(state.range(0)));
  using Bare = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                  boost::no_property, std::uint32_t, std::uint32_t>;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;
  for (const auto& r : db.dataset().relations) {
    ends.emplace_back(r.from, r.to);
    ends.emplace_back(r.to, r.from);
  }
  const Bare bare(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), db.dataset().entities.size());
  const auto queries = pairs(db);
  std::vector<std::uint32_t> dist(db.dataset().entities.size());
  std::vector<std::uint32_t> queue;
  for (auto _ : state) {
    for (const auto& [a, b] : queries) {
      std::fill(dist.begin(), dist.end(), UINT32_MAX);
      queue.clear();
      queue.push_back(a);
      dist[a] = 0;
      for (std::size_t head = 0; head < queue.size() && dist[b] == UINT32_MAX; ++head) {
        const std::uint32_t u = queue[head];
        for (const auto e : boost::make_iterator_range(out_edges(u, bare))) {
          const std::uint32_t v = static_cast<std::uint32_t>(target(e, bare));
          if (dist[v] == UINT32_MAX) {
            dist[v] = dist[u] + 1;
            queue.push_back(v);
          }
        }
      }
      benchmark::DoNotOptimize(dist[b]);
    }
  }
  state.counters["per_query_us"] = benchmark::Counter(static_cast<double>(state.iterations()) * 100,
                                                      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

void BM_Neighbours(benchmark::State& state) {
  const auto& db = database(static_cast<int>(state.range(0)));
  parley::NeighboursQuery query;
  query.center = person(db, 50);
  query.depth = static_cast<std::size_t>(state.range(1));
  query.limit = 100000000;
  query.with_subgraph = false;  // what `parley neighbours` computes for text output
  std::size_t found = 0;
  for (auto _ : state) found = parley::neighbours(db, query).neighbours.size();
  state.counters["entities"] = static_cast<double>(found);
}

// person-`n` at scale 1 and at scale 10, found before timing.
std::array<parley::EntityIndex, 2> person_at_both_scales(int n) { return {person(database(1), n), person(database(10), n)}; }

// Runs `at(scale)` at scale 1 and then at scale 10 in each iteration, and reports each one's CPU
// time and their ratio. Timed as separate benchmarks, one scale's repetitions minutes after the
// other's, the ratio moved from 14x to 24x between runs of one binary on a shared machine.
// `at(scale)` runs the query at scale 1 or 10 and returns its answer's size, whose growth is
// reported beside the time's (answer_growth).
template <typename Query>
void time_growth(benchmark::State& state, Query&& at) {
  double us[2] = {0, 0};
  std::size_t found[2] = {0, 0};
  for (auto _ : state) {
    for (int s = 0; s < 2; ++s) {
      const double start = thread_cpu_us();
      found[s] = at(s == 0 ? 1 : 10);
      us[s] += thread_cpu_us() - start;
    }
  }
  const auto n = static_cast<double>(state.iterations());
  state.counters["s1_us"] = us[0] / n;
  state.counters["s10_us"] = us[1] / n;
  state.counters["growth"] = us[0] > 0 ? us[1] / us[0] : 0;
  state.counters["answer_growth"] = found[0] > 0 ? static_cast<double>(found[1]) / static_cast<double>(found[0]) : 0;
}

// parley's who-met of the hub (0) and neighbours 3 hops around person-50 (1), each at both scales.
void BM_QueryGrowth(benchmark::State& state) {
  const bool who_met = state.range(0) == 0;
  const auto centers = person_at_both_scales(who_met ? 0 : 50);
  time_growth(state, [&](int scale) -> std::size_t {
    const auto& db = database(scale);
    const parley::EntityIndex center = centers[scale == 10];
    if (who_met) {
      parley::MeetingFilter filter;
      filter.statuses = {"held"};
      return parley::who_met(db, center, std::nullopt, filter).meetings.size();
    }
    parley::NeighboursQuery query;
    query.center = center;
    query.depth = 3;
    query.limit = 100000000;
    query.with_subgraph = false;
    return parley::neighbours(db, query).neighbours.size();
  });
  state.SetLabel(who_met ? "who-met person-0" : "neighbours person-50 --depth 3");
}

// The traversal floors' growth under three numberings of the entities: the dataset's own (0),
// breadth-first from the entity with most relations, each component in turn (1, as
// Cuthill-McKee numbers a graph so that neighbours sit near each other), and by number of
// relations, most first (2, so that the entities most often reached share cache lines). If a
// numbering brought the floors nearer linear growth, parley could number its entities so.
// Returns number[entity] for numberings 1 and 2, worked out on `g` in the dataset's numbering.
std::vector<std::uint32_t> renumbering(const BareGraph& g, int numbering) {
  const auto n = static_cast<std::uint32_t>(num_vertices(g.csr));
  std::vector<std::uint32_t> by_degree(n);
  std::iota(by_degree.begin(), by_degree.end(), 0);
  std::stable_sort(by_degree.begin(), by_degree.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return out_degree(a, g.csr) > out_degree(b, g.csr); });
  std::vector<std::uint32_t> order;
  if (numbering == 2) {
    order = by_degree;
  } else {
    std::vector<bool> seen(n);
    order.reserve(n);
    for (const std::uint32_t start : by_degree) {
      if (seen[start]) continue;
      seen[start] = true;
      std::size_t head = order.size();
      order.push_back(start);
      while (head < order.size()) {
        const std::uint32_t u = order[head++];
        for (const auto e : boost::make_iterator_range(out_edges(u, g.csr))) {
          const auto v = static_cast<std::uint32_t>(target(e, g.csr));
          if (seen[v]) continue;
          seen[v] = true;
          order.push_back(v);
        }
      }
    }
  }
  std::vector<std::uint32_t> number(n);
  for (std::uint32_t i = 0; i < n; ++i) number[order[i]] = i;
  return number;
}

// Walks: everyone in the hub's gatherings (0, as BM_FloorWhoMet without its filters) and 3 hops
// around person-50 (1, as BM_FloorNeighbours).
void BM_FloorGrowth(benchmark::State& state) {
  const bool hub = state.range(0) == 0;
  const int numbering = static_cast<int>(state.range(1));
  std::map<int, std::unique_ptr<BareGraph>> renumbered;
  std::map<int, const BareGraph*> graphs;
  for (const int scale : {1, 10}) {
    graphs[scale] = &bare_graph(scale);
    if (numbering == 0) continue;
    renumbered[scale] = std::make_unique<BareGraph>(database(scale).dataset(), renumbering(bare_graph(scale), numbering));
    graphs[scale] = renumbered[scale].get();
  }
  const auto centers = person_at_both_scales(hub ? 0 : 50);
  std::vector<std::uint32_t> frontier, next;
  time_growth(state, [&](int scale) {
    const BareGraph& g = *graphs[scale];
    const auto& csr = g.csr;
    auto& stamp = g.stamp;
    const std::uint32_t now = g.next_stamp();
    std::size_t count = 0;
    const std::uint32_t start = g.vertex(centers[scale == 10]);
    stamp[start] = now;
    frontier.assign(1, start);
    for (int hop = 0; hop < (hub ? 2 : 3) && !frontier.empty(); ++hop) {
      next.clear();
      for (const std::uint32_t u : frontier) {
        for (const auto e : boost::make_iterator_range(out_edges(u, csr))) {
          const auto v = static_cast<std::uint32_t>(target(e, csr));
          // The hub's walk marks its gatherings' people, not the gatherings: a person met at
          // two gatherings is counted once, and the gatherings themselves are not.
          if (hub && hop == 0) {
            next.push_back(v);
            continue;
          }
          if (stamp[v] == now) continue;
          stamp[v] = now;
          next.push_back(v);
          ++count;
        }
      }
      frontier.swap(next);
    }
    benchmark::DoNotOptimize(count);
    return count;
  });
  state.SetLabel(std::string(hub ? "hub's gatherings' people" : "3 hops") + ", " +
                 (numbering == 0 ? "dataset's numbering" : numbering == 1 ? "breadth-first numbering" : "degree numbering"));
}

// The 3-hop answer's floor (BM_FloorNeighboursAnswer: the walk, each layer radix-sorted by name
// and its rows gathered) at both scales in turn: the growth of the least code that builds
// parley's answer, beside BM_QueryGrowth/1's parley and BM_FloorGrowth/1's walk alone.
void BM_FloorAnswerGrowth(benchmark::State& state) {
  const NeighboursAnswerFloor floors[2] = {NeighboursAnswerFloor(1), NeighboursAnswerFloor(10)};
  const auto centers = person_at_both_scales(50);
  time_growth(state, [&](int scale) { return floors[scale == 10].answer(centers[scale == 10], 3); });
  state.SetLabel("3 hops, rows in name order");
}

void BM_ExportDotWhole(benchmark::State& state) {
  const auto& db = database(static_cast<int>(state.range(0)));
  const auto whole = parley::Subgraph::whole(db.dataset());
  std::size_t bytes = 0;
  for (auto _ : state) bytes = parley::to_dot(db, whole).size();
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}

void BM_ExportDotTwoHops(benchmark::State& state) {
  const auto& db = database(static_cast<int>(state.range(0)));
  parley::NeighboursQuery query;
  query.center = person(db, 5000);
  query.depth = 2;
  const auto around = parley::neighbours(db, query).subgraph;
  for (auto _ : state) benchmark::DoNotOptimize(parley::to_dot(db, around).size());
  state.counters["entities"] = static_cast<double>(around.entities.size());
}

constexpr int kReps = 5;

}  // namespace

BENCHMARK(BM_FloorParse)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(kReps)->ReportAggregatesOnly(true);
BENCHMARK(BM_FloorReadParse)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(kReps)->ReportAggregatesOnly(true);
// A large load parses on a second thread: wall time is the figure, and the CPU column is the
// whole process's, both threads.
BENCHMARK(BM_Load)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(kReps)->ReportAggregatesOnly(true)->UseRealTime()->MeasureProcessCPUTime();
BENCHMARK(BM_BuildEventTable)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(kReps)->ReportAggregatesOnly(true);
BENCHMARK(BM_WhoMet)->ArgsProduct({{1, 10}, {0, 50, 5000}})->Unit(benchmark::kMicrosecond)->Repetitions(kReps)->ReportAggregatesOnly(true);
BENCHMARK(BM_FloorWhoMet)->ArgsProduct({{1, 10}, {0, 50, 5000}})->Unit(benchmark::kMicrosecond)->Repetitions(kReps)->ReportAggregatesOnly(true);
BENCHMARK(BM_FloorWhoMetAnswer)->ArgsProduct({{1, 10}, {0, 50, 5000}})->Unit(benchmark::kMicrosecond)->Repetitions(kReps)->ReportAggregatesOnly(true);
BENCHMARK(BM_FloorBidirectional)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond)->Repetitions(kReps)->ReportAggregatesOnly(true);
BENCHMARK(BM_FloorNeighbours)->ArgsProduct({{1, 10}, {1, 2, 3}})->Unit(benchmark::kMicrosecond)->Repetitions(kReps)->ReportAggregatesOnly(true);
BENCHMARK(BM_FloorNeighboursAnswer)->ArgsProduct({{1, 10}, {1, 2, 3}})->Unit(benchmark::kMicrosecond)->Repetitions(kReps)->ReportAggregatesOnly(true);
BENCHMARK(BM_FloorPathAnswer)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond)->Repetitions(kReps)->ReportAggregatesOnly(true);
BENCHMARK(BM_FloorBFS)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond)->Repetitions(kReps)->ReportAggregatesOnly(true);
BENCHMARK(BM_Path)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond)->Repetitions(kReps)->ReportAggregatesOnly(true);
BENCHMARK(BM_Neighbours)->ArgsProduct({{1, 10}, {1, 2, 3}})->Unit(benchmark::kMicrosecond)->Repetitions(kReps)->ReportAggregatesOnly(true);
BENCHMARK(BM_ExportDotTwoHops)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond)->Repetitions(kReps)->ReportAggregatesOnly(true);
BENCHMARK(BM_ExportDotWhole)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->ReportAggregatesOnly(true);
// Growth from scale 1 to 10, each iteration at both scales: --benchmark_filter=Growth.
BENCHMARK(BM_QueryGrowth)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Repetitions(kReps)->ReportAggregatesOnly(true);
BENCHMARK(BM_FloorGrowth)->ArgsProduct({{0, 1}, {0, 1, 2}})->Unit(benchmark::kMillisecond)->Repetitions(kReps)->ReportAggregatesOnly(true);
BENCHMARK(BM_FloorAnswerGrowth)->Unit(benchmark::kMillisecond)->Repetitions(kReps)->ReportAggregatesOnly(true);

BENCHMARK_MAIN();
