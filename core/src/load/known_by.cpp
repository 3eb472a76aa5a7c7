#include "parley/load/known_by.h"

#include <algorithm>

namespace parley {

KnownBySources sources_known_by(const Dataset& data, const FuzzyDate& date) {
  KnownBySources out;
  for (SourceIndex s = 0; s < data.sources.size(); ++s) {
    const auto published = FuzzyDate::parse(data.sources[s].published);
    if (!published) {
      out.undated.push_back(s);
    } else if (published->last_day() <= date.last_day()) {
      out.known.push_back(s);
    } else if (published->first_day() <= date.last_day()) {
      out.uncertain.push_back(s);
    }
  }
  return out;
}

namespace {

// Keeps the citations of known sources; true when any is left.
bool keep_known(CitationList& citations, const std::vector<bool>& known) {
  erase_if(citations, [&](const Citation& c) { return !known[c.source]; });
  return !citations.empty();
}

}  // namespace

Dataset dataset_known_by(const Dataset& data, const KnownBySources& sources) {
  std::vector<bool> known(data.sources.size(), false);
  for (const SourceIndex s : sources.known) known[s] = true;

  Dataset out;
  out.files = data.files;
  out.about = data.about;
  out.sources = data.sources;
  out.records = data.records;
  out.identities = data.identities;
  out.source_by_id = data.source_by_id;
  out.quote_text = data.quote_text;  // the citations kept view its quotes

  std::vector<Relation> relations;
  std::vector<bool> named(data.entities.size(), false);
  for (const Relation& r : data.relations) {
    Relation kept = r;
    if (!keep_known(kept.citations, known)) continue;
    named[r.from] = named[r.to] = true;
    relations.push_back(std::move(kept));
  }

  constexpr EntityIndex kDropped = UINT32_MAX;
  std::vector<EntityIndex> renumbered(data.entities.size(), kDropped);
  for (EntityIndex e = 0; e < data.entities.size(); ++e) {
    Entity entity = data.entities[e];
    const bool cited = keep_known(entity.citations, known);
    if (!cited && !named[e]) continue;
    std::erase_if(entity.attributes, [&](Attribute& a) { return !keep_known(a.citations, known); });
    // A plain short form ("Abe") has no citation of its own and lives with its entity.
    std::erase_if(entity.aliases, [&](Alias& a) { return !a.citations.empty() && !keep_known(a.citations, known); });
    renumbered[e] = static_cast<EntityIndex>(out.entities.size());
    out.entity_by_id.insert(entity.id, renumbered[e]);
    out.entities.push_back(std::move(entity));
  }
  for (Relation& r : relations) {
    r.from = renumbered[r.from];
    r.to = renumbered[r.to];
  }
  out.relations = std::move(relations);
  for (MergedEntity m : data.merged) {
    if (renumbered[m.into] == kDropped) continue;
    m.into = renumbered[m.into];
    out.entity_by_id.insert(m.id, m.into);  // a folded entity's id still names what it became
    out.merged.push_back(std::move(m));
  }
  return out;
}

}  // namespace parley
