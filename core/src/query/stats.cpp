#include "parley/query/stats.h"

namespace parley {

DatabaseStats compute_stats(const Database& db) {
  const Dataset& data = db.dataset();
  const RelationSchema& schema = db.schema();
  DatabaseStats stats;
  stats.sources = data.sources.size();
  stats.entities = data.entities.size();
  stats.relations = data.relations.size();

  std::vector<std::size_t> by_kind(schema.kind_count());
  std::vector<std::size_t> by_type(schema.relation_type_count());
  std::vector<std::size_t> by_source(data.sources.size());
  const auto cite = [&](const CitationList& citations) {
    stats.citations += citations.size();
    for (const auto& c : citations) ++by_source[c.source];
  };
  for (const auto& entity : data.entities) {
    ++by_kind[entity.kind];
    stats.aliases += entity.aliases.size();
    stats.attributes += entity.attributes.size();
    cite(entity.citations);
    for (const auto& alias : entity.aliases) cite(alias.citations);
    for (const auto& attribute : entity.attributes) cite(attribute.citations);
  }
  for (const auto& relation : data.relations) {
    ++by_type[relation.type];
    cite(relation.citations);
  }
  for (KindId k = 0; k < by_kind.size(); ++k) {
    if (by_kind[k] > 0) stats.entities_by_kind.emplace_back(schema.kind(k).name, by_kind[k]);
  }
  for (RelationTypeId t = 0; t < by_type.size(); ++t) {
    if (by_type[t] > 0) stats.relations_by_type.emplace_back(schema.relation_type(t).name, by_type[t]);
  }
  for (SourceIndex s = 0; s < by_source.size(); ++s) {
    stats.citations_by_source.emplace_back(data.sources[s].id, by_source[s]);
  }
  return stats;
}

}  // namespace parley
