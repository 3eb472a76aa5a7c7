// The sources of a database and how much of it each one supports: what `parley sources` lists.
#pragma once

#include <cstddef>
#include <vector>

#include "parley/graph/database.h"

namespace parley {

// One source and the facts that cite it. A fact citing a source twice (two quotes) counts once.
struct SourceSummary {
  SourceIndex source = 0;
  std::size_t entities = 0;    // entities whose own citations name it
  std::size_t aliases = 0;
  std::size_t attributes = 0;
  std::size_t relations = 0;

  std::size_t facts() const { return entities + aliases + attributes + relations; }
};

// Every source of `db`, in the order of the dataset (the files' order).
std::vector<SourceSummary> summarise_sources(const Database& db);

}  // namespace parley
