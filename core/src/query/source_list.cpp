#include "parley/query/source_list.h"

namespace parley {
namespace {

// Adds one to `count` of each source the citations name, once per source.
template <typename Count>
void count_cited(const std::vector<Citation>& citations, std::vector<SourceSummary>& out, std::vector<std::size_t>& seen,
                 std::size_t fact, Count count) {
  for (const Citation& c : citations) {
    if (seen[c.source] == fact) continue;  // another quote of the same source in this fact
    seen[c.source] = fact;
    ++count(out[c.source]);
  }
}

}  // namespace

std::vector<SourceSummary> summarise_sources(const Database& db) {
  const Dataset& data = db.dataset();
  std::vector<SourceSummary> out(data.sources.size());
  for (SourceIndex s = 0; s < out.size(); ++s) out[s].source = s;
  // seen[s] is the number of the last fact that counted source s: no clearing between facts.
  std::vector<std::size_t> seen(data.sources.size(), 0);
  std::size_t fact = 0;
  for (const Entity& e : data.entities) {
    count_cited(e.citations, out, seen, ++fact, [](SourceSummary& s) -> std::size_t& { return s.entities; });
    for (const Alias& a : e.aliases) {
      count_cited(a.citations, out, seen, ++fact, [](SourceSummary& s) -> std::size_t& { return s.aliases; });
    }
    for (const Attribute& a : e.attributes) {
      count_cited(a.citations, out, seen, ++fact, [](SourceSummary& s) -> std::size_t& { return s.attributes; });
    }
  }
  for (const Relation& r : data.relations) {
    count_cited(r.citations, out, seen, ++fact, [](SourceSummary& s) -> std::size_t& { return s.relations; });
  }
  return out;
}

}  // namespace parley
