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
#include "thread_cpu.h"
#include "parley/graph/database.h"
#include "runner.h"

namespace {

using parley::bench::database;
using parley::bench::thread_cpu_us;

class NullBuffer : public std::streambuf {
 protected:
  int overflow(int c) override { return c; }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

// The queries: who-met of a hub, a popular and an ordinary person, in full rows and compact rows,
// and neighbours of a popular person at depths 1 to 3. The last is depth 3 again with a limit
// past the dataset's size: the default limit (10,000) keeps that answer the same size at either
// scale, and this one grows with the data.
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
    case 6:
      return {"neighbours", "person-50", "--depth", "3"};
    default:
      return {"neighbours", "person-50", "--depth", "3", "--limit", "10000000"};
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

// The floor: an answer's bytes written by RapidJSON's PrettyWriter from a DOM of them, built
// before timing, into one buffer reserved before timing, then handed on in one write: the least
// writing these bytes can cost. It must write parley's bytes, or it prices another answer.
class BytesFloor {
 public:
  explicit BytesFloor(const std::string& answer) : buffer_(nullptr, answer.size() + 1) {
    rows_.Parse(answer.c_str(), answer.size());
    write();
    matches_ = std::string(buffer_.GetString(), buffer_.GetSize()) == answer;
  }
  bool matches() const { return matches_; }
  void write() {
    buffer_.Clear();
    rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer_);
    writer.SetIndent(' ', 2);
    rows_.Accept(writer);
    buffer_.Put('\n');
  }
  void send(std::ostream& out) const { out.write(buffer_.GetString(), static_cast<std::streamsize>(buffer_.GetSize())); }
  std::size_t size() const { return buffer_.GetSize(); }

 private:
  rapidjson::Document rows_;
  rapidjson::StringBuffer buffer_;
  bool matches_ = false;
};

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
  BytesFloor floor(answer_text(db, which));
  if (!floor.matches()) {
    state.SkipWithError("the floor's bytes differ from parley's answer");
    return;
  }
  NullBuffer null;
  std::ostream discard(&null);
  for (auto _ : state) {
    floor.write();
    floor.send(discard);
  }
  state.SetLabel(label(query(which)));
  state.counters["MB"] = static_cast<double>(floor.size()) / 1e6;
}

// The answer and its floor in turns, within each iteration: on a shared machine the floor alone
// moved by 1.5× between two runs a minute apart, so a ratio of two benchmarks run seconds apart
// measured the machine as much as the answer. Each iteration is timed as the two together; the
// counters are each one's CPU time per iteration and their ratio.
void BM_AnswerOverFloor(benchmark::State& state) {
  const auto& db = database(static_cast<int>(state.range(0)));
  const int which = static_cast<int>(state.range(1));
  const std::vector<std::string> words = json_query(which);
  BytesFloor bytes(answer_text(db, which));
  NullBuffer null;
  std::ostream discard(&null);
  const auto floor = [&] {
    bytes.write();
    bytes.send(discard);
  };
  if (!bytes.matches()) {
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

// Growth from scale 1 to scale 10 of one answer and of its bytes floor, each iteration running
// all four in turn (answer at 1, answer at 10, floor at 1, floor at 10): run as separate
// benchmarks, one scale's repetitions minutes after the other's, the ratio of the two moved
// from 14× to 24× between runs of the same binary on this shared machine. Counters: each one's
// CPU time per iteration, the answer's growth, the floor's, and the bytes'.
void BM_Growth(benchmark::State& state) {
  const int which = static_cast<int>(state.range(0));
  const std::vector<std::string> words = json_query(which);
  const parley::Database* dbs[2] = {&database(1), &database(10)};
  std::unique_ptr<BytesFloor> floors[2];
  for (int s = 0; s < 2; ++s) {
    floors[s] = std::make_unique<BytesFloor>(answer_text(*dbs[s], which));
    if (!floors[s]->matches()) {
      state.SkipWithError("the floor's bytes differ from parley's answer");
      return;
    }
  }
  NullBuffer null;
  std::ostream discard(&null);
  double answer_us[2] = {0, 0}, floor_us[2] = {0, 0};
  for (auto _ : state) {
    for (int s = 0; s < 2; ++s) {
      const double start = thread_cpu_us();
      if (parley::cli::run_command_line(words, {dbs[s], true}, discard, discard).exit_code != 0) state.SkipWithError("failed");
      answer_us[s] += thread_cpu_us() - start;
    }
    for (int s = 0; s < 2; ++s) {
      const double start = thread_cpu_us();
      floors[s]->write();
      floors[s]->send(discard);
      floor_us[s] += thread_cpu_us() - start;
    }
  }
  const auto n = static_cast<double>(state.iterations());
  state.counters["s1_us"] = answer_us[0] / n;
  state.counters["s10_us"] = answer_us[1] / n;
  state.counters["growth"] = answer_us[0] > 0 ? answer_us[1] / answer_us[0] : 0;
  state.counters["floor_growth"] = floor_us[0] > 0 ? floor_us[1] / floor_us[0] : 0;
  state.counters["bytes_growth"] = static_cast<double>(floors[1]->size()) / static_cast<double>(floors[0]->size());
  state.SetLabel(label(query(which)));
}

}  // namespace

// Filter with --benchmark_filter='/1/' for scale 1 alone.
BENCHMARK(BM_AnswerOverFloor)
    ->ArgsProduct({{1, 10}, {0, 1, 2, 3, 4, 5, 6, 7}})
    ->Unit(benchmark::kMicrosecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_AnswerJson)
    ->ArgsProduct({{1, 10}, {0, 1, 2, 3, 4, 5, 6, 7}})
    ->Unit(benchmark::kMicrosecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_FloorAnswerBytes)
    ->ArgsProduct({{1, 10}, {0, 1, 2, 3, 4, 5, 6, 7}})
    ->Unit(benchmark::kMicrosecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
// The answers that grow with the data: the hub's who-met in both row forms, and neighbours at
// depth 3 without the default limit. Filter with --benchmark_filter=BM_Growth.
BENCHMARK(BM_Growth)->Arg(0)->Arg(3)->Arg(7)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

BENCHMARK_MAIN();
