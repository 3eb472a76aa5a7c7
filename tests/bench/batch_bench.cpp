// A batch of 10,000 mixed queries on the embedded dataset, run the way `parley batch` runs it:
// the data loaded once, every line parsed and answered, answers written to a stream that
// discards them. Reported per batch (the whole 10,000 lines) and per query.
#include <benchmark/benchmark.h>

#include <fstream>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

#include "runner.h"

namespace {

class NullBuffer : public std::streambuf {
 protected:
  int overflow(int c) override { return c; }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

// The same ten queries, text and JSON, cycled to 10,000 lines.
std::string write_script(std::size_t lines) {
  const std::vector<std::string> queries = {
      "who-met Abe Putin",
      "who-met Lavrov --from 2019-01-14 --to 2019-01-14 --at Moscow",
      "path Morgulov Shikotan",
      "path Mori Lavrov --met --format json",
      "neighbours Shikotan --depth 2 --format json",
      "show \"Sergey Lavrov\"",
      "timeline Abe --format json",
      "why Kono Lavrov",
      "who-met --all --format json",
      "path Kono Putin --k 3",
  };
  const std::string path = "/tmp/parley-bench-batch.txt";
  std::ofstream out(path);
  for (std::size_t i = 0; i < lines; ++i) out << queries[i % queries.size()] << '\n';
  return path;
}

void BM_Batch10000(benchmark::State& state) {
  const std::string script = write_script(10000);
  NullBuffer null;
  std::ostream discard(&null);
  for (auto _ : state) {
    const auto outcome = parley::cli::run_command_line({"batch", script}, {}, discard, discard);
    if (outcome.exit_code != 0) state.SkipWithError("the batch failed");
  }
  state.counters["queries/s"] = benchmark::Counter(10000.0 * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Batch10000)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

}  // namespace

BENCHMARK_MAIN();
