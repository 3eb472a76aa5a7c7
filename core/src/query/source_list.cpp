#include "parley/query/source_list.h"

namespace parley {

std::vector<SourceSummary> summarise_sources(const Database& db) {
  const Dataset& data = db.dataset();
  std::vector<SourceSummary> out(data.sources.size());
  for (SourceIndex s = 0; s < out.size(); ++s) out[s].source = s;
  // seen[s] is the number of the last fact that counted source s: a fact quoting a source twice
  // counts it once, and nothing needs clearing between facts.
  std::vector<std::size_t> seen(data.sources.size(), 0);
  std::size_t fact = 0;
  const auto count = [&](const std::vector<Citation>& citations, std::size_t SourceSummary::*field) {
    ++fact;
    for (const Citation& c : citations) {
      if (seen[c.source] == fact) continue;
      seen[c.source] = fact;
      ++(out[c.source].*field);
    }
  };
  for (const Entity& e : data.entities) {
    count(e.citations, &SourceSummary::entities);
    for (const Alias& a : e.aliases) count(a.citations, &SourceSummary::aliases);
    for (const Attribute& a : e.attributes) count(a.citations, &SourceSummary::attributes);
  }
  for (const Relation& r : data.relations) count(r.citations, &SourceSummary::relations);
  return out;
}

}  // namespace parley
