// Counts that describe a database: entities by kind, relations by type, sources, citations.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "parley/graph/database.h"

namespace parley {

struct DatabaseStats {
  std::size_t sources = 0;
  std::size_t entities = 0;
  std::size_t relations = 0;
  std::size_t aliases = 0;
  std::size_t attributes = 0;
  std::size_t citations = 0;  // on entities, aliases, attributes and relations
  std::vector<std::pair<std::string, std::size_t>> entities_by_kind;       // schema order, non-zero only
  std::vector<std::pair<std::string, std::size_t>> relations_by_type;      // schema order, non-zero only
  std::vector<std::pair<std::string, std::size_t>> citations_by_source;    // dataset order
};

DatabaseStats compute_stats(const Database& db);

}  // namespace parley
