// How two entities are connected: the shortest chain of relations between them, all shortest
// chains, or the k shortest simple ones. Filters (relation types, direction, hop limit) apply
// during the search, so no valid path is lost to filtering afterwards. With `met`, two actors
// who attended the same gathering are one hop apart.
#pragma once

#include <optional>
#include <vector>

#include "parley/graph/database.h"

namespace parley {

struct PathQuery {
  EntityIndex from = 0;
  EntityIndex to = 0;
  bool all_shortest = false;            // every shortest path, up to `limit`
  std::size_t k = 1;                    // otherwise the k shortest simple paths
  std::optional<std::size_t> max_hops;  // no path longer than this
  std::vector<RelationTypeId> via;      // only these relation types (empty: all)
  std::vector<RelationTypeId> avoid;    // never these relation types
  bool directed = false;                // follow relations only from `from` to `to`
  bool met = false;                     // attending one held gathering together is one hop
  std::size_t limit = 100;              // at most this many paths
};

struct Hop {
  EntityIndex from = 0;
  EntityIndex to = 0;
  RelationIndex relation = 0;  // the relation followed; for a `met` hop, from's participation
  bool forward = true;         // followed from its `from` to its `to`
  // A `met` hop: the gathering both attended, and to's participation in it.
  std::optional<EntityIndex> met_at;
  std::optional<RelationIndex> second;
};

struct Path {
  std::vector<Hop> hops;
};

struct PathResult {
  std::vector<Path> paths;  // shortest first; empty when there is no path
  bool truncated = false;   // more paths exist than `limit`
  // How far around its two ends the search read: no entity it expanded lies `levels_read` or
  // more hops from both. A search over a store's records within D hops of both ends (a scoped
  // read) answered as the whole store would when this is at most D (docs/design.md, "Scoped
  // reads"). Only one shortest path is searched from both ends; --all and --k set it to the
  // most there is.
  std::uint32_t levels_read = 0;
};

PathResult find_paths(const Database& db, const PathQuery& query);

}  // namespace parley
