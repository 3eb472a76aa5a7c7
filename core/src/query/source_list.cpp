#include "parley/query/source_list.h"

#include <algorithm>

#include "parley/graph/names.h"

namespace parley {

std::vector<SourceSummary> summarise_sources(const Database& db) {
  const Dataset& data = db.dataset();
  std::vector<SourceSummary> out(data.sources.size());
  for (SourceIndex s = 0; s < out.size(); ++s) out[s].source = s;
  // seen[s] is the number of the last fact that counted source s: a fact quoting a source twice
  // counts it once, and nothing needs clearing between facts.
  std::vector<std::size_t> seen(data.sources.size(), 0);
  std::size_t fact = 0;
  const auto count = [&](const CitationList& citations, std::size_t SourceSummary::*field) {
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

namespace {

// Whether the words of `wanted` occur, in order and next to each other, among those of `text`.
bool holds_words(std::string_view text, const std::vector<std::string_view>& wanted) {
  const std::string folded = normalize_name(text);
  const std::vector<std::string_view> words = name_words(folded);
  return !wanted.empty() && std::search(words.begin(), words.end(), wanted.begin(), wanted.end()) != words.end();
}

bool cites_any(const CitationList& citations, const std::vector<bool>& wanted) {
  return std::any_of(citations.begin(), citations.end(), [&](const Citation& c) { return wanted[c.source]; });
}

}  // namespace

std::vector<SourceIndex> sources_by(const Dataset& data, std::string_view name) {
  const std::string folded = normalize_name(name);
  const std::vector<std::string_view> wanted = name_words(folded);
  std::vector<SourceIndex> out;
  for (SourceIndex s = 0; s < data.sources.size(); ++s) {
    const Source& source = data.sources[s];
    if (holds_words(source.publisher, wanted) ||
        std::any_of(source.authors.begin(), source.authors.end(), [&](const std::string& a) { return holds_words(a, wanted); })) {
      out.push_back(s);
    }
  }
  return out;
}

ReportedFacts facts_citing(const Dataset& data, const std::vector<SourceIndex>& sources) {
  std::vector<bool> wanted(data.sources.size(), false);
  for (const SourceIndex s : sources) wanted[s] = true;
  ReportedFacts out;
  for (EntityIndex e = 0; e < data.entities.size(); ++e) {
    const Entity& entity = data.entities[e];
    if (cites_any(entity.citations, wanted)) out.entities.push_back(e);
    for (std::size_t a = 0; a < entity.attributes.size(); ++a) {
      if (cites_any(entity.attributes[a].citations, wanted)) out.attributes.emplace_back(e, a);
    }
  }
  for (RelationIndex r = 0; r < data.relations.size(); ++r) {
    if (cites_any(data.relations[r].citations, wanted)) out.relations.push_back(r);
  }
  return out;
}

}  // namespace parley
