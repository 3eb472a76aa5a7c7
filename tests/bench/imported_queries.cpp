// Queries on an imported dataset, warm: the dataset is loaded once, then who-met for one actor,
// a path between two, and neighbours at depth 1 and 2 of the first are each run in rounds
// until a round takes 100 ms or more; prints the median of 5 rounds per query, in microseconds.
// The same queries as `parley who-met A`, `parley path A B` and `parley neighbours A --depth N`.
//
// usage: parley_imported_queries DATASET NAME_A NAME_B
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "parley/graph/database.h"
#include "parley/query/neighbours.h"
#include "parley/query/path.h"
#include "parley/query/resolve.h"
#include "parley/query/who_met.h"

namespace {

template <typename Query>
double median_us(Query query) {
  std::vector<double> rounds;
  std::size_t per_round = 1;
  while (rounds.size() < 5) {
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < per_round; ++i) query();
    const double us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
    if (us < 100000 && rounds.empty()) {
      per_round *= 2;  // not yet long enough to time
      continue;
    }
    rounds.push_back(us / static_cast<double>(per_round));
  }
  std::sort(rounds.begin(), rounds.end());
  return rounds[2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: parley_imported_queries DATASET NAME_A NAME_B\n");
    return 2;
  }
  parley::Diagnostics diagnostics;
  const auto db = parley::Database::open({argv[1]}, diagnostics);
  if (!db) {
    std::fprintf(stderr, "%s: does not load\n", argv[1]);
    return 1;
  }
  const auto a = parley::resolve_entity(*db, argv[2], diagnostics);
  const auto b = parley::resolve_entity(*db, argv[3], diagnostics);
  if (!a || !b) {
    std::fprintf(stderr, "%s or %s: no such entity\n", argv[2], argv[3]);
    return 1;
  }
  parley::MeetingFilter filter;
  filter.statuses = {"held"};
  std::size_t meetings = 0, hops = 0, depth1 = 0, depth2 = 0;
  const double who_met = median_us([&] { meetings = parley::who_met(*db, *a, std::nullopt, filter).meetings.size(); });
  parley::PathQuery path;
  path.from = *a;
  path.to = *b;
  const double path_us = median_us([&] {
    const auto answer = parley::find_paths(*db, path);
    hops = answer.paths.empty() ? 0 : answer.paths.front().hops.size();
  });
  parley::NeighboursQuery around;
  around.center = *a;
  around.limit = 100000000;
  around.with_subgraph = false;  // what `parley neighbours` computes for text output
  around.depth = 1;
  const double n1 = median_us([&] { depth1 = parley::neighbours(*db, around).neighbours.size(); });
  around.depth = 2;
  const double n2 = median_us([&] { depth2 = parley::neighbours(*db, around).neighbours.size(); });
  std::printf("who-met %.1f us (%zu meetings)\npath %.1f us (%zu hops)\nneighbours depth 1 %.1f us (%zu entities)\n"
              "neighbours depth 2 %.1f us (%zu entities)\n",
              who_met, meetings, path_us, hops, n1, depth1, n2, depth2);
  return 0;
}
