// The answer-bytes floor: what a JSON answer costs against the cost of its bytes alone. For
// each who-met and neighbours query, parley's whole answer as `batch` runs a line (options read,
// query, JSON written, on data loaded once) is timed beside the same bytes written by RapidJSON's
// PrettyWriter from a DOM of the answer built before timing: precomputed arrays of its rows, no
// graph walk, into a buffer reserved before timing. Before timing, the floor's bytes are
// checked equal to parley's answer. Both write to a stream that discards. PARLEY_BENCH_SHAPE=cited measures
// the citation-heavy shape. Run: make bench (docs/benchmarks.md, "Answers that cost what they contain").
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <ostream>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "bench_datasets.h"
#include "parley/graph/database.h"
#include "runner.h"

namespace {

using parley::bench::database;

class NullBuffer : public std::streambuf {
 protected:
  int overflow(int c) override { return c; }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

// The queries: who-met of a hub, a popular and an ordinary person, in full rows and compact rows,
// and neighbours of a popular person at depths 1 to 3.
std::vector<std::string> query(int which) {
  switch (which) {
    case 0:
      return {"who-met", "person-0"};
    case 1:
      return {"who-met", "person-50"};
    case 2:
      return {"who-met", "person-5000"};
    case 3:
      return {"who-met", "person-0", "--rows", "compact"};
    case 4:
      return {"neighbours", "person-50", "--depth", "1"};
    case 5:
      return {"neighbours", "person-50", "--depth", "2"};
    default:
      return {"neighbours", "person-50", "--depth", "3"};
  }
}

std::string label(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::vector<std::string> json_query(int which) {
  std::vector<std::string> words = query(which);
  words.insert(words.end(), {"--format", "json"});
  return words;
}

std::string answer_text(const parley::Database& db, int which) {
  std::ostringstream answer, messages;
  if (parley::cli::run_command_line(json_query(which), {&db, true}, answer, messages).exit_code != 0)
    std::abort();
  return answer.str();
}

void BM_AnswerJson(benchmark::State& state) {
  const auto& db = database(static_cast<int>(state.range(0)));
  const int which = static_cast<int>(state.range(1));
  const std::vector<std::string> words = json_query(which);
  const std::size_t bytes = answer_text(db, which).size();
  NullBuffer null;
  std::ostream discard(&null);
  for (auto _ : state) {
    if (parley::cli::run_command_line(words, {&db, true}, discard, discard).exit_code != 0)
      state.SkipWithError("failed");
  }
  state.SetLabel(label(query(which)));
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}

void BM_FloorAnswerBytes(benchmark::State& state) {
  const auto& db = database(static_cast<int>(state.range(0)));
  const int which = static_cast<int>(state.range(1));
  const std::string answer = answer_text(db, which);
  rapidjson::Document rows;
  rows.Parse(answer.c_str(), answer.size());
  // The floor writes into one buffer reserved before timing, then hands it on in one write:
  // the least writing these bytes can cost. It must write parley's bytes, or it prices another
  // answer.
  rapidjson::StringBuffer buffer(nullptr, answer.size() + 1);
  const auto write = [&] {
    buffer.Clear();
    rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
    writer.SetIndent(' ', 2);
    rows.Accept(writer);
    buffer.Put('\n');
  };
  write();
  if (std::string(buffer.GetString(), buffer.GetSize()) != answer) {
    state.SkipWithError("the floor's bytes differ from parley's answer");
    return;
  }
  NullBuffer null;
  std::ostream discard(&null);
  for (auto _ : state) {
    write();
    discard.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
  }
  state.SetLabel(label(query(which)));
  state.counters["MB"] = static_cast<double>(answer.size()) / 1e6;
}

// CPU time of this thread, in microseconds.
double thread_cpu_us() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e6 + static_cast<double>(t.tv_nsec) / 1e3;
}

// The answer and its floor in turns, within each iteration: on a shared machine the floor alone
// moved by 1.5× between two runs a minute apart, so a ratio of two benchmarks run seconds apart
// measured the machine as much as the answer. Each iteration is timed as the two together; the
// counters are each one's CPU time per iteration and their ratio.
void BM_AnswerOverFloor(benchmark::State& state) {
  const auto& db = database(static_cast<int>(state.range(0)));
  const int which = static_cast<int>(state.range(1));
  const std::vector<std::string> words = json_query(which);
  const std::string answer = answer_text(db, which);
  rapidjson::Document rows;
  rows.Parse(answer.c_str(), answer.size());
  rapidjson::StringBuffer buffer(nullptr, answer.size() + 1);
  NullBuffer null;
  std::ostream discard(&null);
  const auto floor = [&] {
    buffer.Clear();
    rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
    writer.SetIndent(' ', 2);
    rows.Accept(writer);
    buffer.Put('\n');
    discard.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
  };
  floor();
  if (std::string(buffer.GetString(), buffer.GetSize()) != answer) {
    state.SkipWithError("the floor's bytes differ from parley's answer");
    return;
  }
  double answer_us = 0, floor_us = 0;
  for (auto _ : state) {
    const double start = thread_cpu_us();
    if (parley::cli::run_command_line(words, {&db, true}, discard, discard).exit_code != 0) state.SkipWithError("failed");
    const double middle = thread_cpu_us();
    floor();
    const double end = thread_cpu_us();
    answer_us += middle - start;
    floor_us += end - middle;
  }
  const auto n = static_cast<double>(state.iterations());
  state.counters["answer_us"] = answer_us / n;
  state.counters["floor_us"] = floor_us / n;
  state.counters["ratio"] = floor_us > 0 ? answer_us / floor_us : 0;
  state.SetLabel(label(query(which)));
}

}  // namespace

// Filter with --benchmark_filter='/1/' for scale 1 alone.
BENCHMARK(BM_AnswerOverFloor)
    ->ArgsProduct({{1, 10}, {0, 1, 2, 3, 4, 5, 6}})
    ->Unit(benchmark::kMicrosecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_AnswerJson)
    ->ArgsProduct({{1, 10}, {0, 1, 2, 3, 4, 5, 6}})
    ->Unit(benchmark::kMicrosecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_FloorAnswerBytes)
    ->ArgsProduct({{1, 10}, {0, 1, 2, 3, 4, 5, 6}})
    ->Unit(benchmark::kMicrosecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

BENCHMARK_MAIN();
