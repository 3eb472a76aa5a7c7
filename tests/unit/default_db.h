// The embedded dataset, opened once for all the unit tests that query it.
#pragma once

#include <catch2/catch.hpp>

#include "parley/graph/database.h"

inline const parley::Database& default_db() {
  static const auto db = [] {
    parley::Diagnostics diagnostics;
    auto opened = parley::Database::open({}, diagnostics);
    REQUIRE(opened);
    return opened;
  }();
  return *db;
}
