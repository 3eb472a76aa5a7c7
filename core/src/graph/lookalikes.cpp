#include "parley/graph/lookalikes.h"

#include <algorithm>
#include <tuple>
#include <unordered_set>
#include <vector>

namespace parley {
namespace {

std::vector<std::string_view> words_of(std::string_view key) {
  std::vector<std::string_view> words;
  for (std::size_t start = 0; start < key.size();) {
    const std::size_t end = std::min(key.find(' ', start), key.size());
    if (end > start) words.push_back(key.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

std::uint64_t hash_of(std::string_view text) { return std::hash<std::string_view>{}(text); }

// One name or alias of one entity, filed under its group: the entity's kind with the first and
// last words of the name. Two names that look alike always share a group.
struct Form {
  std::uint64_t group;
  std::uint32_t file;
  EntityIndex entity;
  std::uint32_t form;  // 0: the name; k: alias k - 1
  friend bool operator<(const Form& a, const Form& b) {
    return std::tie(a.group, a.file, a.entity, a.form) < std::tie(b.group, b.file, b.entity, b.form);
  }
};

std::uint64_t pair_key(EntityIndex a, EntityIndex b) {
  return (std::uint64_t{std::min(a, b)} << 32) | std::max(a, b);
}

// How many earlier entities of a group one entity is held against: a group is a kind and two
// words, so it stays small unless thousands share a first and last name, and then a bound
// keeps the work linear. Each entity is reported once at most anyway.
constexpr std::size_t kComparedPerForm = 32;

}  // namespace

bool names_look_alike(std::string_view a, std::string_view b) {
  if (a == b) return !a.empty();
  auto shorter = words_of(a);
  auto longer = words_of(b);
  if (shorter.size() > longer.size()) std::swap(shorter, longer);
  if (shorter.size() < 2 || shorter.front() != longer.front() || shorter.back() != longer.back()) return false;
  std::size_t matched = 0;
  for (const auto word : longer) {
    if (matched < shorter.size() && word == shorter[matched]) ++matched;
  }
  return matched == shorter.size();
}

void warn_lookalikes(const Dataset& dataset, const RelationSchema& schema, const NameIndex& names,
                     Diagnostics& diagnostics) {
  if (dataset.files.size() < 2) return;
  // Normalised aliases, entity by entity (names the index has already).
  std::vector<std::string> alias_keys;
  std::vector<std::size_t> first_alias(dataset.entities.size() + 1, 0);
  std::vector<Form> forms;
  forms.reserve(dataset.entities.size());
  const auto file_the = [&](std::string_view key, EntityIndex e, std::uint32_t form) {
    const std::string_view first = key.substr(0, key.find(' '));
    const std::string_view last = key.substr(key.rfind(' ') + 1);  // npos + 1 is 0: a one-word key
    const std::uint64_t group = (hash_of(first) * 1000003u ^ hash_of(last)) * 65599u + dataset.entities[e].kind;
    forms.push_back(Form{group, dataset.entities[e].origin.file, e, form});
  };
  for (EntityIndex e = 0; e < dataset.entities.size(); ++e) {
    const Entity& entity = dataset.entities[e];
    first_alias[e] = alias_keys.size();
    file_the(names.folded_name(e), e, 0);
    for (std::uint32_t a = 0; a < entity.aliases.size(); ++a) {
      alias_keys.push_back(normalize_name(entity.aliases[a].name));
      file_the(alias_keys.back(), e, a + 1);
    }
  }
  first_alias[dataset.entities.size()] = alias_keys.size();
  std::sort(forms.begin(), forms.end());

  std::unordered_set<std::uint64_t> distinct;
  for (const auto& d : dataset.identities) {
    if (d.claim != IdentityClaim::kDistinctFrom) continue;
    const auto a = dataset.find_entity(d.entity);
    const auto b = dataset.find_entity(d.other);
    if (a && b) distinct.insert(pair_key(*a, *b));
  }
  const auto key_of = [&](const Form& f) -> std::string_view {
    return f.form == 0 ? std::string_view(names.folded_name(f.entity)) : alias_keys[first_alias[f.entity] + f.form - 1];
  };
  const auto text_of = [&](const Form& f) -> const std::string& {
    const Entity& entity = dataset.entities[f.entity];
    return f.form == 0 ? entity.name : entity.aliases[f.form - 1].name;
  };

  std::vector<bool> reported(dataset.entities.size(), false);
  for (std::size_t begin = 0; begin < forms.size();) {
    std::size_t end = begin + 1;
    while (end < forms.size() && forms[end].group == forms[begin].group) ++end;
    if (forms[begin].file != forms[end - 1].file) {  // sorted by file: more than one file here
      for (std::size_t i = begin; i < end; ++i) {
        const Form& later = forms[i];
        if (reported[later.entity]) continue;
        const Entity& entity = dataset.entities[later.entity];
        std::size_t compared = 0;
        for (std::size_t j = begin; j < end && forms[j].file < later.file && compared < kComparedPerForm; ++j) {
          const Form& earlier = forms[j];
          const Entity& other = dataset.entities[earlier.entity];
          ++compared;
          if (other.kind != entity.kind || !names_look_alike(key_of(later), key_of(earlier)) ||
              distinct.count(pair_key(later.entity, earlier.entity))) {
            continue;
          }
          Location where;
          where.file = dataset.files[later.file];
          where.json_pointer = entity.pointer() + (later.form == 0 ? "/name" : "/aliases/" + std::to_string(later.form - 1));
          where.record = entity.id;
          where.field = later.form == 0 ? "name" : "aliases";
          const std::string how = key_of(later) == key_of(earlier)
                                      ? "the same name"
                                      : "names \"" + text_of(later) + "\" and \"" + text_of(earlier) + "\" that match";
          diagnostics.add_warning(ErrorCode::kLookalike,
                                  "looks like \"" + other.id + "\" (" + other.name + ") of " + dataset.files[other.origin.file] +
                                      ": both are of kind " + schema.kind(entity.kind).name + ", with " + how +
                                      "; say whether they are one in an \"identity\" list (same_as or distinct_from)",
                                  std::move(where));
          reported[later.entity] = true;
          break;
        }
      }
    }
    begin = end;
  }
}

}  // namespace parley
