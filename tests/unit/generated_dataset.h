// Datasets written by parley_generate, for tests that need more than the embedded dataset:
// layers large enough to be radix-sorted, thousands of meetings, every shape of record.
#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <memory>
#include <string>

#include "temp_dir.h"
#include "parley/graph/database.h"

// Writes parley_generate's dataset for `options` (such as "--scale 0.004 --seed 7") into `dir`;
// returns its path.
inline std::string generated_dataset(const TempDir& dir, const std::string& options) {
  const std::string path = dir / "generated.json";
  const std::string command = std::string(PARLEY_GENERATE) + " " + options + " > " + path;
  REQUIRE(std::system(command.c_str()) == 0);
  return path;
}

// That dataset, opened; the file is gone once it is read. `test` names the temporary directory
// (TempDir), so that one left by a crash says whose it was.
inline std::unique_ptr<parley::Database> open_generated(const std::string& test, const std::string& options) {
  const TempDir dir(test);
  parley::Diagnostics diagnostics;
  auto db = parley::Database::open({generated_dataset(dir, options)}, diagnostics);
  INFO(diagnostics.size() << " diagnostics opening parley_generate " << options);
  REQUIRE(db);
  return db;
}
