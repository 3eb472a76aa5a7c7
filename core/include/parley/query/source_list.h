// The sources of a database and how much of it each one supports: what `parley sources` lists.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
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

// The sources `name` published or wrote: those whose publisher, or one of whose authors, holds
// its words in order, compared as names are (case and accents folded; "Asahi" finds "The Asahi
// Shimbun", "takeshita" finds "Yuka Takeshita"). In dataset order; empty when none.
std::vector<SourceIndex> sources_by(const Dataset& data, std::string_view name);

// What some sources reported: every fact citing one of them, in dataset order.
struct ReportedFacts {
  std::vector<EntityIndex> entities;                             // entities whose own citations name one
  std::vector<std::pair<EntityIndex, std::size_t>> attributes;   // (entity, position among its attributes)
  std::vector<RelationIndex> relations;
};
ReportedFacts facts_citing(const Dataset& data, const std::vector<SourceIndex>& sources);

}  // namespace parley
