#include "parley/query/path.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <set>

#include <boost/range/iterator_range.hpp>

namespace parley {
namespace {

constexpr std::uint32_t kUnreached = std::numeric_limits<std::uint32_t>::max();

// One hop as a search sees it: a relation walked one way, or, for `met`, two participations in
// one gathering (the walker's, then the other's).
struct TraversalEdge {
  RelationIndex relation = 0;  // the relation followed; for a met hop, the walker's participation
  RelationIndex second = 0;    // for a met hop, the other's participation
  RelationTypeId type = 0;     // the type of `relation`
  bool forward = true;
  bool met = false;
};

TraversalEdge traversal(const RelationEdge& e) { return TraversalEdge{e.relation, 0, e.type, e.forward, false}; }

// The same hop walked the other way.
TraversalEdge reversed(const TraversalEdge& e) {
  return e.met ? TraversalEdge{e.second, e.relation, e.type, true, true}
               : TraversalEdge{e.relation, 0, e.type, !e.forward, false};
}

struct Step {
  EntityIndex from = 0;
  EntityIndex to = 0;
  TraversalEdge edge;
  friend bool operator==(const Step& a, const Step& b) {
    return a.from == b.from && a.to == b.to && a.edge.relation == b.edge.relation && a.edge.second == b.edge.second &&
           a.edge.forward == b.edge.forward && a.edge.met == b.edge.met;
  }
};

// Breadth-first search over the relation graph, with the query's filters applied to each hop as
// the search meets it. With `met`, a vertex's hops are its relations, then, gathering by
// gathering, one to each other participant: the relation graph's edges followed by the pairs
// of a graph with an edge between every two participants, without building that graph.
class Search {
 public:
  Search(const Database& db, const PathQuery& query)
      : db_(db), graph_(db.graph()), attendance_(query.met ? &db.attendance() : nullptr), query_(query),
        excluded_vertex_(db.dataset().entities.size()), excluded_from_(db.dataset().entities.size()),
        dist_(db.dataset().entities.size()) {
    type_allowed_.assign(db.schema().relation_type_count(), query.via.empty());
    for (const RelationTypeId t : query.via) type_allowed_[t] = true;
    for (const RelationTypeId t : query.avoid) type_allowed_[t] = false;
  }

  // The query's filters, and the exclusions of Yen's algorithm, on an edge walked from→to.
  bool passes_filters(EntityIndex from, EntityIndex to, const TraversalEdge& edge) const {
    if (excluded_vertex_[to]) return false;
    // Every edge the search meets passes here: the list of excluded steps (which grows with
    // the paths found, k of them) is read only for an edge leaving a vertex one of them leaves,
    // the spur. Reading it for every edge made --k quadratic in k.
    if (excluded_from_[from]) {
      for (const Step& step : excluded_steps_) {
        // Only that very step: another relation between the same entities, or a `met` edge
        // through another gathering, stays open.
        if (step == Step{from, to, edge}) return false;
      }
    }
    if (query_.directed && !edge.forward) return false;
    return type_allowed_[edge.type];
  }

  bool allowed(EntityIndex from, EntityIndex to, const TraversalEdge& edge) const {
    if (!passes_filters(from, to, edge)) return false;
    // Hops are counted from the path's start: a spur search of Yen's algorithm starts
    // `hop_offset_` hops into it.
    return !(query_.max_hops && dist_[from] != kUnreached && hop_offset_ + dist_[from] + 1 > *query_.max_hops);
  }

  // One shortest path by breadth-first search from both ends at once, expanding the smaller
  // frontier a level at a time: it meets in the middle and visits far fewer vertices than a
  // search from one end (BGL has no bidirectional search, hence the loop). Nullopt: no path.
  std::optional<std::vector<Step>> bidirectional(EntityIndex source, EntityIndex target) {
    if (source == target) return std::vector<Step>{};
    std::vector<std::uint32_t>& forward = dist_;  // reused below by predecessors()
    std::fill(forward.begin(), forward.end(), kUnreached);
    backward_.assign(forward.size(), kUnreached);
    forward[source] = 0;
    backward_[target] = 0;
    Frontier from_source(*this, true, forward, {source});
    Frontier from_target(*this, false, backward_, {target});
    std::uint32_t depth = 0;  // the two frontiers' depths together
    std::optional<EntityIndex> meeting;
    std::uint32_t best = kUnreached;
    while (!from_source.vertices.empty() && !from_target.vertices.empty() && !meeting) {
      if (query_.max_hops && depth >= *query_.max_hops) break;
      const bool expand_forward = from_source.vertices.size() <= from_target.vertices.size();
      Frontier& frontier = expand_forward ? from_source : from_target;
      const auto& theirs = expand_forward ? backward_ : forward;
      frontier.expand([&](EntityIndex v) {
        // Every vertex met at this level gives a path of the same length: keep the one with
        // the smallest index, so the answer does not depend on the order of the search.
        if (theirs[v] != kUnreached && frontier.dist[v] + theirs[v] <= best) {
          if (frontier.dist[v] + theirs[v] < best || v < *meeting) meeting = v;
          best = frontier.dist[v] + theirs[v];
        }
        return true;
      });
      ++depth;
    }
    levels_read_ = std::max(from_source.level, from_target.level);
    if (!meeting) return std::nullopt;
    // The half from the source, by the forward distances; the half to the target, walking down
    // the backward distances.
    bool ignored = false;
    std::vector<Step> steps = shortest_paths(source, *meeting, 1, ignored).front();
    for (EntityIndex at = *meeting; at != target;) {
      std::optional<Step> down;
      const auto one_closer = [&](EntityIndex next_vertex) { return backward_[next_vertex] + 1 == backward_[at]; };
      for_each_hop(at, one_closer, [&](EntityIndex next_vertex, const TraversalEdge& edge) {
        if (!passes_filters(at, next_vertex, edge)) return true;
        down = Step{at, next_vertex, edge};
        return false;
      });
      if (!down) return std::nullopt;  // cannot happen: backward distances lead to the target
      steps.push_back(*down);
      at = down->to;
    }
    return steps;
  }

  // Distances from `source` until `target` is reached; false when it cannot be.
  bool run(EntityIndex source, EntityIndex target) {
    std::fill(dist_.begin(), dist_.end(), kUnreached);
    dist_[source] = 0;
    if (source == target) return true;
    Frontier frontier(*this, true, dist_, {source});
    for (std::uint32_t depth = 0; !frontier.vertices.empty(); ++depth) {
      if (query_.max_hops && hop_offset_ + depth + 1 > *query_.max_hops) break;
      if (!frontier.expand([&](EntityIndex v) { return v != target; })) break;
    }
    return dist_[target] != kUnreached;
  }

  // Every step u→v that lies on a shortest path into v, in a stable order.
  std::vector<Step> predecessors(EntityIndex v) const {
    std::vector<Step> out;
    const auto one_closer = [&](EntityIndex u) { return dist_[u] != kUnreached && dist_[u] + 1 == dist_[v]; };
    for_each_hop(v, one_closer, [&](EntityIndex u, const TraversalEdge& edge) {
      const TraversalEdge along = reversed(edge);  // the same hop, walked u→v
      if (!excluded_vertex_[u] && allowed(u, v, along)) out.push_back(Step{u, v, along});
      return true;
    });
    return out;
  }

  // One shortest path from the last run, or all of them up to `limit`.
  std::vector<std::vector<Step>> shortest_paths(EntityIndex source, EntityIndex target, std::size_t limit,
                                                bool& truncated) const {
    std::vector<std::vector<Step>> paths;
    std::vector<Step> reversed_steps;
    collect(source, target, limit, reversed_steps, paths, truncated);
    return paths;
  }

  void exclude_vertex(EntityIndex v) {
    excluded_vertex_[v] = true;
    any_excluded_vertex_ = true;
  }
  void exclude_step(const Step& step) {
    // The earlier paths that share a root often share its next step too: it is listed once.
    if (std::find(excluded_steps_.begin(), excluded_steps_.end(), step) != excluded_steps_.end()) return;
    excluded_steps_.push_back(step);
    excluded_from_[step.from] = true;
  }
  void set_hop_offset(std::uint32_t hops) { hop_offset_ = hops; }
  // After bidirectional(): the most levels either side expanded (PathResult::levels_read).
  std::uint32_t levels_read() const { return levels_read_; }
  void clear_exclusions() {
    std::fill(excluded_vertex_.begin(), excluded_vertex_.end(), false);
    any_excluded_vertex_ = false;
    for (const Step& step : excluded_steps_) excluded_from_[step.from] = false;
    excluded_steps_.clear();
    hop_offset_ = 0;
  }

 private:
  // Calls visit(v, hop) for every hop out of u to a v that `wanted(v)` accepts, in a fixed
  // order: the relation graph's edges, then the met hops; stops when visit returns false.
  // `wanted` sees only the vertex, so a hub's edges to vertices not wanted (most of them, when
  // a path is rebuilt by distances) are passed over without reading their bundles.
  template <typename Wanted, typename Visit>
  void for_each_hop(EntityIndex u, Wanted&& wanted, Visit&& visit) const {
    for (const auto e : boost::make_iterator_range(out_edges(u, graph_))) {
      const auto v = static_cast<EntityIndex>(boost::target(e, graph_));
      if (wanted(v) && !visit(v, traversal(graph_[e]))) return;
    }
    if (!attendance_) return;
    for (const Attendance::Attended& mine : attendance_->attended(u)) {
      for (const RelationIndex theirs : attendance_->participations(mine.gathering)) {
        const EntityIndex v = participant(theirs);
        if (v != u && wanted(v) && !visit(v, met_hop(mine, theirs))) return;
      }
    }
  }

  // Who took part through `participation`, and the met hop from `mine` to them.
  EntityIndex participant(RelationIndex participation) const { return db_.dataset().relations[participation].from; }
  TraversalEdge met_hop(const Attendance::Attended& mine, RelationIndex theirs) const {
    return TraversalEdge{mine.participation, theirs, db_.dataset().relations[mine.participation].type, true, true};
  }

  // One side of a search, a level at a time. A gathering it has passed through, reaching every
  // participant, is not passed through again: the hops from its other participants lead only
  // where this side has been. That keeps a gathering of n people at n hops, not n².
  struct Frontier {
    Search& search;
    bool forward;                      // whether the path walks this side's hops as found
    std::vector<std::uint32_t>& dist;  // this side's distances
    std::vector<EntityIndex> vertices;
    std::vector<bool> passed;          // by gathering, for met searches
    std::vector<EntityIndex> next;
    std::uint32_t level = 0;           // the levels expanded so far

    Frontier(Search& s, bool f, std::vector<std::uint32_t>& d, std::vector<EntityIndex> start)
        : search(s), forward(f), dist(d), vertices(std::move(start)) {
      if (search.attendance_) passed.assign(dist.size(), false);
    }

    // Whether a refusal of the met hop u→v, found from this side, may be u's alone.
    bool walker_specific(EntityIndex u, EntityIndex v) const {
      return forward ? search.excluded_from_[u] : search.excluded_from_[v] || search.excluded_vertex_[u];
    }

    // Whether the filters refuse a hop u→v found from this side.
    bool refused(EntityIndex u, EntityIndex v, const TraversalEdge& edge) const {
      return forward ? !search.passes_filters(u, v, edge) : !search.passes_filters(v, u, reversed(edge));
    }

    // Reaches every vertex one hop beyond this level and makes them the next level, calling
    // reached(v) for each as it is found; false when reached(v) asked to stop there.
    template <typename Reached>
    bool expand(Reached&& reached) {
      const bool filtered = search.has_filters();
      const Graph& graph = search.graph_;
      next.clear();
      const auto reach = [&](EntityIndex u, EntityIndex v) {
        dist[v] = dist[u] + 1;
        next.push_back(v);
        return reached(v);
      };
      for (const EntityIndex u : vertices) {
        for (const auto e : boost::make_iterator_range(out_edges(u, graph))) {
          const EntityIndex v = boost::target(e, graph);
          if (dist[v] != kUnreached) continue;
          // An unfiltered search never reads the edge's bundle: one memory stream fewer.
          if (filtered && refused(u, v, traversal(graph[e]))) continue;
          if (!reach(u, v)) return false;
        }
        if (!search.attendance_) continue;
        for (const Attendance::Attended& mine : search.attendance_->attended(u)) {
          if (passed[mine.gathering]) continue;
          bool everyone = true;
          for (const RelationIndex theirs : search.attendance_->participations(mine.gathering)) {
            const EntityIndex v = search.participant(theirs);
            if (dist[v] != kUnreached) continue;  // u among them
            if (filtered && refused(u, v, search.met_hop(mine, theirs))) {
              // A hop refused for its type, its direction or an excluded v is refused from every
              // participant alike. What refuses it for this walker alone: an excluded step of
              // Yen's algorithm (it leaves u going forward, v going backward), and going backward,
              // an excluded u (the path would walk from it).
              if (walker_specific(u, v)) everyone = false;
              continue;
            }
            if (!reach(u, v)) return false;
          }
          passed[mine.gathering] = everyone;
        }
      }
      vertices.swap(next);
      ++level;
      return true;
    }
  };

  void collect(EntityIndex source, EntityIndex at, std::size_t limit, std::vector<Step>& reversed_steps,
               std::vector<std::vector<Step>>& paths, bool& truncated) const {
    if (paths.size() >= limit) {
      truncated = true;
      return;
    }
    if (at == source) {
      paths.emplace_back(reversed_steps.rbegin(), reversed_steps.rend());
      return;
    }
    for (const Step& step : predecessors(at)) {
      reversed_steps.push_back(step);
      collect(source, step.from, limit, reversed_steps, paths, truncated);
      reversed_steps.pop_back();
      if (truncated) return;
    }
  }

  const Database& db_;
  const Graph& graph_;
  const Attendance* attendance_;  // for met searches
  const PathQuery& query_;
  std::vector<bool> type_allowed_;
  std::vector<bool> excluded_vertex_;
  bool any_excluded_vertex_ = false;
  // Whether any edge may be refused: a type, a direction, or an exclusion of Yen's algorithm.
  bool has_filters() const {
    return !query_.via.empty() || !query_.avoid.empty() || query_.directed || any_excluded_vertex_ ||
           !excluded_steps_.empty();
  }
  std::vector<Step> excluded_steps_;  // Yen's: steps the next spur may not take, each once
  std::vector<bool> excluded_from_;   // by entity: whether an excluded step leaves it
  std::uint32_t hop_offset_ = 0;
  std::vector<std::uint32_t> dist_;
  std::vector<std::uint32_t> backward_;  // distances to the target, for bidirectional search
  std::uint32_t levels_read_ = 0;
};

using StepKey = std::tuple<std::size_t, std::vector<RelationIndex>, std::vector<bool>>;

StepKey key_of(const std::vector<Step>& steps) {
  std::vector<RelationIndex> relations;
  std::vector<bool> directions;
  for (const Step& s : steps) {
    relations.push_back(s.edge.relation);
    relations.push_back(s.edge.met ? s.edge.second : kUnreached);
    directions.push_back(s.edge.forward);
  }
  return {steps.size(), relations, directions};
}

// Yen's algorithm: each next path deviates from an earlier one at some node (the spur), with
// the earlier paths' next steps from that root removed and the root's nodes excluded, so every
// path is simple and none repeats. The first path is the one `path` without --k gives.
std::vector<std::vector<Step>> k_shortest(Search& search, const PathQuery& query, bool& truncated) {
  std::vector<std::vector<Step>> found;
  bool ignored = false;
  auto first = search.bidirectional(query.from, query.to);
  if (!first) return found;
  found.push_back(std::move(*first));
  std::set<StepKey> seen = {key_of(found.front())};
  std::map<StepKey, std::vector<Step>> candidates;
  // One path more than the limit is looked for, to know whether the answer was cut.
  const std::size_t wanted = std::min(query.k, query.limit + 1);
  while (found.size() < wanted) {
    const std::vector<Step> last = found.back();
    for (std::size_t i = 0; i < last.size(); ++i) {
      const EntityIndex spur = last[i].from;
      const std::vector<Step> root(last.begin(), last.begin() + static_cast<std::ptrdiff_t>(i));
      search.clear_exclusions();
      for (const auto& path : found) {
        if (path.size() > i && std::equal(root.begin(), root.end(), path.begin())) search.exclude_step(path[i]);
      }
      for (const Step& s : root) search.exclude_vertex(s.from);
      search.set_hop_offset(static_cast<std::uint32_t>(i));
      if (!search.run(spur, query.to)) continue;
      std::vector<Step> candidate = root;
      const auto tail = search.shortest_paths(spur, query.to, 1, ignored).front();
      candidate.insert(candidate.end(), tail.begin(), tail.end());
      if (query.max_hops && candidate.size() > *query.max_hops) continue;
      if (seen.insert(key_of(candidate)).second) candidates.emplace(key_of(candidate), std::move(candidate));
    }
    search.clear_exclusions();
    if (candidates.empty()) break;
    found.push_back(std::move(candidates.begin()->second));
    candidates.erase(candidates.begin());
  }
  truncated = found.size() > query.limit;
  if (truncated) found.resize(query.limit);
  return found;
}

Path to_path(const std::vector<Step>& steps) {
  Path path;
  for (const Step& s : steps) {
    if (s.edge.met) {
      // A met edge stands for both participations; the gathering is what both lead to.
      path.hops.push_back(Hop{s.from, s.to, s.edge.relation, true, std::nullopt, s.edge.second});
    } else {
      path.hops.push_back(Hop{s.from, s.to, s.edge.relation, s.edge.forward, std::nullopt, std::nullopt});
    }
  }
  return path;
}

}  // namespace

PathResult find_paths(const Database& db, const PathQuery& query) {
  PathResult result;
  result.levels_read = std::numeric_limits<std::uint32_t>::max();  // all but one shortest path: from one end
  Search search(db, query);
  std::vector<std::vector<Step>> paths;
  if (!query.all_shortest && query.k <= 1) {
    if (auto steps = search.bidirectional(query.from, query.to)) paths.push_back(std::move(*steps));
    result.levels_read = search.levels_read();
  } else if (query.all_shortest) {
    if (search.run(query.from, query.to)) {
      bool more = false;
      paths = search.shortest_paths(query.from, query.to, query.limit, more);
      result.truncated = more;
    }
  } else {
    paths = k_shortest(search, query, result.truncated);
  }
  for (const auto& steps : paths) {
    Path path = to_path(steps);
    for (Hop& hop : path.hops) {
      if (hop.second) hop.met_at = db.dataset().relations[hop.relation].to;
    }
    result.paths.push_back(std::move(path));
  }
  return result;
}

}  // namespace parley
