#include "parley/path.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <unordered_set>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <boost/range/iterator_range.hpp>

namespace parley {
namespace {

// Distances are counted in half-hops: an ordinary relation costs 2, and with `met` each of the
// two participations through a gathering costs 1, so attending one gathering together is one
// hop. Plain searches have unit weights and run as breadth-first search.
constexpr std::uint32_t kUnreached = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint32_t kHop = 2;

struct Step {
  EntityIndex from = 0;
  EntityIndex to = 0;
  RelationIndex relation = 0;
  bool forward = true;
  friend bool operator==(const Step&, const Step&) = default;
};

struct TargetReached {};  // thrown by visitors: BGL's documented way to stop a search early

class Search {
 public:
  Search(const Database& db, const PathQuery& query)
      : db_(db), query_(query), excluded_vertex_(db.dataset().entities.size()), dist_(db.dataset().entities.size()) {
    type_allowed_.assign(db.schema().relation_type_count(), query.via.empty());
    for (const RelationTypeId t : query.via) type_allowed_[t] = true;
    for (const RelationTypeId t : query.avoid) type_allowed_[t] = false;
    participant_in_ = db.schema().find_relation_type("participant_in");
    if (query.max_hops) max_units_ = static_cast<std::uint32_t>(*query.max_hops) * kHop;
  }

  bool allowed(EntityIndex from, EntityIndex to, const RelationEdge& edge) const {
    if (excluded_vertex_[to] || excluded_relations_.count(edge.relation)) return false;
    if (query_.directed && !edge.forward) return false;
    if (!type_allowed_[db_.dataset().relations[edge.relation].type]) return false;
    if (max_units_ && dist_[from] != kUnreached && dist_[from] + cost(from, to, edge) > *max_units_) return false;
    return true;
  }

  std::uint32_t cost(EntityIndex from, EntityIndex to, const RelationEdge& edge) const {
    if (query_.met && participant_in_ && db_.dataset().relations[edge.relation].type == *participant_in_ &&
        (is_gathering(from) || is_gathering(to))) {
      return 1;
    }
    return kHop;
  }

  // Distances from `source` until `target` is settled; false when it cannot be reached.
  bool run(EntityIndex source, EntityIndex target) {
    std::fill(dist_.begin(), dist_.end(), kUnreached);
    dist_[source] = 0;
    if (source == target) return true;
    const EdgeFilter edge_filter{this};
    const VertexFilter vertex_filter{this};
    const boost::filtered_graph<Graph, EdgeFilter, VertexFilter> view(db_.graph(), edge_filter, vertex_filter);
    try {
      if (query_.met) {
        auto weight = boost::make_function_property_map<Edge, std::uint32_t>([this](const Edge& e) {
          const Graph& g = db_.graph();
          return cost(source_of(e), target_of(e), g[e]);
        });
        boost::dijkstra_shortest_paths(
            view, source,
            boost::weight_map(weight)
                .distance_map(boost::make_iterator_property_map(dist_.begin(), boost::get(boost::vertex_index, db_.graph())))
                .distance_inf(kUnreached)
                .distance_zero(0)
                .visitor(SettleVisitor{target}));
      } else {
        boost::breadth_first_search(view, source, boost::visitor(LevelVisitor{this, target}));
      }
    } catch (const TargetReached&) {
    }
    return dist_[target] != kUnreached;
  }

  // Every step u→v that lies on a shortest path into v, in a stable order.
  std::vector<Step> predecessors(EntityIndex v) const {
    std::vector<Step> out;
    for (const Edge e : boost::make_iterator_range(out_edges(v, db_.graph()))) {
      const RelationEdge back = db_.graph()[e];
      const EntityIndex u = target(e, db_.graph());
      const RelationEdge along{back.relation, !back.forward};  // the same relation, walked u→v
      if (dist_[u] == kUnreached || excluded_vertex_[u] || !allowed(u, v, along)) continue;
      if (dist_[u] + cost(u, v, along) == dist_[v]) out.push_back(Step{u, v, along.relation, along.forward});
    }
    return out;
  }

  // One shortest path from the last run, or all of them up to `limit`.
  std::vector<std::vector<Step>> shortest_paths(EntityIndex source, EntityIndex target, std::size_t limit, bool& truncated) const {
    std::vector<std::vector<Step>> paths;
    std::vector<Step> reversed;
    collect(source, target, limit, reversed, paths, truncated);
    return paths;
  }

  std::uint32_t cost_of(const std::vector<Step>& steps) const {
    std::uint32_t total = 0;
    for (const Step& s : steps) total += cost(s.from, s.to, RelationEdge{s.relation, s.forward});
    return total;
  }

  void exclude_vertex(EntityIndex v) { excluded_vertex_[v] = true; }
  void exclude_relation(RelationIndex r) { excluded_relations_.insert(r); }
  void clear_exclusions() {
    std::fill(excluded_vertex_.begin(), excluded_vertex_.end(), false);
    excluded_relations_.clear();
  }

 private:
  struct EdgeFilter {
    const Search* search = nullptr;
    bool operator()(const Edge& e) const {
      return search->allowed(search->source_of(e), search->target_of(e), search->db_.graph()[e]);
    }
  };
  struct VertexFilter {
    const Search* search = nullptr;
    bool operator()(const Vertex& v) const { return !search->excluded_vertex_[v]; }
  };
  struct LevelVisitor : boost::default_bfs_visitor {
    Search* search;
    EntityIndex target;
    LevelVisitor(Search* s, EntityIndex t) : search(s), target(t) {}
    template <typename G>
    void tree_edge(const Edge& e, const G&) const {
      search->dist_[search->target_of(e)] = search->dist_[search->source_of(e)] + kHop;
      if (search->target_of(e) == target) throw TargetReached{};
    }
  };
  struct SettleVisitor : boost::default_dijkstra_visitor {
    EntityIndex target;
    explicit SettleVisitor(EntityIndex t) : target(t) {}
    template <typename G>
    void examine_vertex(const Vertex& v, const G&) const {
      if (v == target) throw TargetReached{};
    }
  };

  EntityIndex source_of(const Edge& e) const { return boost::source(e, db_.graph()); }
  EntityIndex target_of(const Edge& e) const { return boost::target(e, db_.graph()); }
  bool is_gathering(EntityIndex e) const { return db_.schema().is_gathering(db_.dataset().entities[e].kind); }

  void collect(EntityIndex source, EntityIndex at, std::size_t limit, std::vector<Step>& reversed,
               std::vector<std::vector<Step>>& paths, bool& truncated) const {
    if (paths.size() >= limit) {
      truncated = true;
      return;
    }
    if (at == source) {
      paths.emplace_back(reversed.rbegin(), reversed.rend());
      return;
    }
    for (const Step& step : predecessors(at)) {
      reversed.push_back(step);
      collect(source, step.from, limit, reversed, paths, truncated);
      reversed.pop_back();
      if (truncated) return;
    }
  }

  const Database& db_;
  const PathQuery& query_;
  std::vector<bool> type_allowed_;
  std::optional<RelationTypeId> participant_in_;
  std::optional<std::uint32_t> max_units_;
  std::vector<bool> excluded_vertex_;
  std::unordered_set<RelationIndex> excluded_relations_;
  std::vector<std::uint32_t> dist_;
};

// Yen's algorithm: each next path deviates from an earlier one at some node (the spur), with
// the earlier paths' next steps from that root removed and the root's nodes excluded, so every
// path is simple and none repeats.
std::vector<std::vector<Step>> k_shortest(Search& search, const PathQuery& query, bool& truncated) {
  std::vector<std::vector<Step>> found;
  bool ignored = false;
  if (!search.run(query.from, query.to)) return found;
  found.push_back(search.shortest_paths(query.from, query.to, 1, ignored).front());
  std::set<std::tuple<std::uint32_t, std::vector<RelationIndex>, std::vector<bool>>> seen;
  const auto key = [&](const std::vector<Step>& steps) {
    std::vector<RelationIndex> relations;
    std::vector<bool> directions;
    for (const Step& s : steps) {
      relations.push_back(s.relation);
      directions.push_back(s.forward);
    }
    return std::tuple(search.cost_of(steps), relations, directions);
  };
  std::map<decltype(key(found.front())), std::vector<Step>> candidates;
  seen.insert(key(found.front()));
  const std::size_t wanted = std::min(query.k, query.limit);
  while (found.size() < wanted) {
    const std::vector<Step>& last = found.back();
    for (std::size_t i = 0; i < last.size(); ++i) {
      const EntityIndex spur = last[i].from;
      const std::vector<Step> root(last.begin(), last.begin() + static_cast<std::ptrdiff_t>(i));
      search.clear_exclusions();
      for (const auto& path : found) {
        if (path.size() > i && std::equal(root.begin(), root.end(), path.begin())) search.exclude_relation(path[i].relation);
      }
      for (const Step& s : root) search.exclude_vertex(s.from);
      if (!search.run(spur, query.to)) continue;
      std::vector<Step> candidate = root;
      const auto tail = search.shortest_paths(spur, query.to, 1, ignored).front();
      candidate.insert(candidate.end(), tail.begin(), tail.end());
      if (seen.insert(key(candidate)).second) candidates.emplace(key(candidate), std::move(candidate));
    }
    search.clear_exclusions();
    if (candidates.empty()) break;
    found.push_back(std::move(candidates.begin()->second));
    candidates.erase(candidates.begin());
  }
  truncated = query.k > query.limit && found.size() == query.limit && !candidates.empty();
  return found;
}

Path to_path(const Database& db, const PathQuery& query, const std::vector<Step>& steps) {
  const auto participant_in = db.schema().find_relation_type("participant_in");
  const auto is_participation = [&](const Step& s) {
    return participant_in && db.dataset().relations[s.relation].type == *participant_in;
  };
  Path path;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const Step& s = steps[i];
    const bool met_hop = query.met && i + 1 < steps.size() && is_participation(s) && s.forward &&
                         is_participation(steps[i + 1]) && !steps[i + 1].forward &&
                         db.schema().is_gathering(db.dataset().entities[s.to].kind);
    if (met_hop) {
      path.hops.push_back(Hop{s.from, steps[i + 1].to, s.relation, true, s.to, steps[i + 1].relation});
      ++i;
    } else {
      path.hops.push_back(Hop{s.from, s.to, s.relation, s.forward, std::nullopt, std::nullopt});
    }
  }
  return path;
}

}  // namespace

PathResult find_paths(const Database& db, const PathQuery& query) {
  PathResult result;
  Search search(db, query);
  std::vector<std::vector<Step>> paths;
  if (query.all_shortest || query.k <= 1) {
    if (search.run(query.from, query.to)) {
      bool more = false;
      paths = search.shortest_paths(query.from, query.to, query.all_shortest ? query.limit : 1, more);
      result.truncated = query.all_shortest && more;
    }
  } else {
    paths = k_shortest(search, query, result.truncated);
  }
  for (const auto& steps : paths) {
    Path path = to_path(db, query, steps);
    if (!query.max_hops || path.hops.size() <= *query.max_hops) result.paths.push_back(std::move(path));
  }
  return result;
}

}  // namespace parley
