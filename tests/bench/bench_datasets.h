// The generated datasets the benchmarks share: parley_generate's output at a scale, in the shape
// PARLEY_BENCH_SHAPE names (run_all.sh runs both), written once under /tmp and opened once per
// process. A benchmark defines PARLEY_GENERATE (the generator's path) to include this.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "parley/graph/database.h"

namespace parley::bench {

// "cited" for the citation-heavy shape of parley_generate, "plain" otherwise.
inline std::string dataset_shape() {
  const char* shape = std::getenv("PARLEY_BENCH_SHAPE");
  return shape && std::string(shape) == "cited" ? "cited" : "plain";
}

// The dataset file at `scale`, generated first if it is not there yet.
inline std::string dataset_path(int scale) {
  const std::string shape = dataset_shape();
  const std::string path = shape == "plain" ? "/tmp/parley-bench-scale" + std::to_string(scale) + ".json"
                                            : "/tmp/parley-bench-" + shape + "-scale" + std::to_string(scale) + ".json";
  if (!std::filesystem::exists(path)) {
    const std::string command =
        std::string(PARLEY_GENERATE) + " --scale " + std::to_string(scale) + " --shape " + shape + " > " + path;
    if (std::system(command.c_str()) != 0) std::abort();
  }
  return path;
}

// The dataset at `scale`, loaded once.
inline const Database& database(int scale) {
  static std::map<int, std::unique_ptr<Database>> opened;
  auto& db = opened[scale];
  if (!db) {
    Diagnostics diagnostics;
    db = Database::open({dataset_path(scale)}, diagnostics);
    if (!db) std::abort();
  }
  return *db;
}

}  // namespace parley::bench
