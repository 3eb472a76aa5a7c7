// What the store tests share: a temporary directory, and a store built from dataset files.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "parley/graph/database.h"
#include "parley/store/store.h"
#include "temp_dir.h"

// Builds `store` from `paths` (none: the embedded dataset) as `parley build` does, as transaction 1.
inline void build_store(const std::string& store, const std::vector<std::string>& paths) {
  parley::Diagnostics diagnostics;
  const auto db = parley::Database::open(paths, diagnostics);
  REQUIRE(db);
  REQUIRE(parley::Store::create(store, db->dataset(), db->schema(), parley::DatasetInfo{},
                                parley::TransactionInfo{0, "", "test", "build"}, diagnostics));
}
