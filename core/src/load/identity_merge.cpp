#include "load/identity_merge.h"

#include <algorithm>
#include <unordered_map>

namespace parley {

std::string_view identity_member(IdentityClaim claim) {
  switch (claim) {
    case IdentityClaim::kSameAs: return "same_as";
    case IdentityClaim::kDistinctFrom: return "distinct_from";
    case IdentityClaim::kCandidate: return "candidate";
  }
  return "same_as";
}

namespace detail {
namespace {

struct Resolved {
  EntityIndex entity;
  EntityIndex other;
  std::uint32_t declaration;  // index into Dataset::identities
};

class IdentityChecker {
 public:
  IdentityChecker(const Dataset& dataset, const RelationSchema& schema, Diagnostics& diagnostics)
      : dataset_(dataset), schema_(schema), diagnostics_(diagnostics) {}

  // Resolves and checks every declaration; the same_as ones, in order, when all are right.
  std::optional<std::vector<Resolved>> check() {
    const std::size_t errors_before = diagnostics_.error_count();
    std::vector<Resolved> same;
    std::vector<Resolved> distinct;
    for (std::uint32_t i = 0; i < dataset_.identities.size(); ++i) {
      const IdentityDeclaration& d = dataset_.identities[i];
      const auto entity = resolve(d, d.entity, "entity");
      const auto other = resolve(d, d.other, std::string(identity_member(d.claim)));
      if (!entity || !other) continue;
      if (d.claim == IdentityClaim::kSameAs) {
        const KindId a = dataset_.entities[*entity].kind;
        const KindId b = dataset_.entities[*other].kind;
        if (a != b) {
          error(ErrorCode::kIdentityKindMismatch, d, "same_as",
                "\"" + d.entity + "\" is of kind " + schema_.kind(a).name + " but \"" + d.other + "\" is of kind " +
                    schema_.kind(b).name + "; only entities of one kind can be the same");
          continue;
        }
        same.push_back(Resolved{*entity, *other, i});
      } else if (d.claim == IdentityClaim::kDistinctFrom) {
        distinct.push_back(Resolved{*entity, *other, i});
      }
    }

    // Each entity is folded into one other, and never into one that is folded away itself:
    // the entity same_as names is the one that stays, so a chain would leave it unclear.
    for (const Resolved& r : same) {
      const auto [it, added] = into_.emplace(r.entity, r);
      if (!added && it->second.other != r.other) {
        error(ErrorCode::kIdentityConflict, dataset_.identities[r.declaration], "same_as",
              "\"" + id(r.entity) + "\" is already declared the same as \"" + id(it->second.other) + "\" at " +
                  place(it->second.declaration) + "; an entity can be the same as one other only");
      }
    }
    for (const Resolved& r : same) {
      const auto next = into_.find(r.other);
      if (next == into_.end()) continue;
      error(ErrorCode::kIdentityChain, dataset_.identities[r.declaration], "same_as",
            "\"" + id(r.other) + "\" is itself declared the same as \"" + id(next->second.other) + "\" at " +
                place(next->second.declaration) + "; name the entity that stays (\"" + id(next->second.other) +
                "\") in same_as");
    }
    for (const Resolved& r : distinct) {
      const EntityIndex a = stays(r.entity);
      const EntityIndex b = stays(r.other);
      if (a != b) continue;
      const auto why = into_.count(r.entity) ? into_.at(r.entity) : into_.at(r.other);
      error(ErrorCode::kIdentityConflict, dataset_.identities[r.declaration], "distinct_from",
            "\"" + id(r.entity) + "\" and \"" + id(r.other) + "\" are declared the same (at " + place(why.declaration) +
                ")");
    }
    if (diagnostics_.error_count() != errors_before) return std::nullopt;
    return same;
  }

 private:
  std::optional<EntityIndex> resolve(const IdentityDeclaration& d, const std::string& id, const std::string& field) {
    const auto found = dataset_.find_entity(id);
    if (!found) {
      error(ErrorCode::kDanglingReference, d, field, "refers to entity \"" + id + "\", which no file declares");
    } else if (field != "entity" && id == d.entity) {
      error(ErrorCode::kInvalidValue, d, field, "names the record's own entity; name another one");
      return std::nullopt;
    }
    return found;
  }

  EntityIndex stays(EntityIndex e) const {
    const auto it = into_.find(e);
    return it == into_.end() ? e : it->second.other;
  }

  const std::string& id(EntityIndex e) const { return dataset_.entities[e].id; }

  std::string place(std::uint32_t declaration) const {
    const IdentityDeclaration& d = dataset_.identities[declaration];
    return dataset_.files[d.file] + " " + d.pointer();
  }

  void error(ErrorCode code, const IdentityDeclaration& d, const std::string& field, std::string message) {
    Location where;
    where.file = dataset_.files[d.file];
    where.json_pointer = d.pointer() + "/" + field;
    where.record = d.entity;
    where.field = field;
    diagnostics_.add(code, std::move(message), std::move(where));
  }

  const Dataset& dataset_;
  const RelationSchema& schema_;
  Diagnostics& diagnostics_;
  std::unordered_map<EntityIndex, Resolved> into_;  // entity -> the same_as that folds it
};

// Adds what `gone` says of itself to `stays`: its name as an alias, its aliases, citations and
// attributes. Aliases already there are not repeated.
void fold(Entity& stays, Entity& gone, const std::string& file) {
  const auto known = [&](const std::string& name) {
    return name == stays.name ||
           std::any_of(stays.aliases.begin(), stays.aliases.end(), [&](const Alias& a) { return a.name == name; });
  };
  if (!known(gone.name)) {
    stays.aliases.push_back(Alias{gone.name, "name of \"" + gone.id + "\" in " + file, {}});
  }
  for (auto& alias : gone.aliases) {
    if (!known(alias.name)) stays.aliases.push_back(std::move(alias));
  }
  stays.citations.append(gone.citations);
  for (auto& attribute : gone.attributes) stays.attributes.push_back(std::move(attribute));
}

}  // namespace

bool merge_identities(Dataset& dataset, const RelationSchema& schema, Diagnostics& diagnostics) {
  if (dataset.identities.empty()) return true;
  const auto same = IdentityChecker(dataset, schema, diagnostics).check();
  if (!same) return false;
  if (same->empty()) return true;

  std::vector<std::optional<EntityIndex>> folded_into(dataset.entities.size());
  for (const Resolved& r : *same) {
    if (folded_into[r.entity]) continue;  // a repeated declaration
    folded_into[r.entity] = r.other;
    const Entity& gone = dataset.entities[r.entity];
    dataset.merged.push_back(MergedEntity{gone.id, gone.name, r.other, gone.origin.file, gone.origin.record, r.declaration});
    fold(dataset.entities[r.other], dataset.entities[r.entity], dataset.files[gone.origin.file]);
  }

  // The entities that stay, in their order; every old position maps to its new one.
  std::vector<EntityIndex> moved_to(dataset.entities.size());
  std::vector<Entity> kept;
  kept.reserve(dataset.entities.size() - dataset.merged.size());
  for (EntityIndex e = 0; e < dataset.entities.size(); ++e) {
    if (folded_into[e]) continue;
    moved_to[e] = static_cast<EntityIndex>(kept.size());
    kept.push_back(std::move(dataset.entities[e]));
  }
  for (EntityIndex e = 0; e < dataset.entities.size(); ++e) {
    if (folded_into[e]) moved_to[e] = moved_to[*folded_into[e]];
  }
  for (auto& merged : dataset.merged) merged.into = moved_to[merged.into];
  for (auto& relation : dataset.relations) {
    relation.from = moved_to[relation.from];
    relation.to = moved_to[relation.to];
  }
  dataset.entities = std::move(kept);
  IdIndex ids;
  ids.reserve(dataset.entities.size() + dataset.merged.size());
  for (EntityIndex e = 0; e < dataset.entities.size(); ++e) ids.insert(dataset.entities[e].id, e);
  for (const auto& merged : dataset.merged) ids.insert(merged.id, merged.into);
  dataset.entity_by_id = std::move(ids);
  return true;
}

}  // namespace detail
}  // namespace parley
