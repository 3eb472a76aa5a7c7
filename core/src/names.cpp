#include "parley/names.h"

#include <algorithm>
#include <tuple>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

namespace parley {
namespace {

bool strips_marks(UChar32 base) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(base, &status);
  return U_SUCCESS(status) &&
         (script == USCRIPT_LATIN || script == USCRIPT_GREEK || script == USCRIPT_CYRILLIC);
}

}  // namespace

std::string normalize_name(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(name);
  const icu::UnicodeString decomposed =
      nfkd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size()))), status);
  if (U_FAILURE(status)) return std::string(name);

  icu::UnicodeString folded;  // accents stripped, white space collapsed, then case folded
  UChar32 base = 0;
  bool pending_space = false;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c)) {
      pending_space = !folded.isEmpty();
      continue;
    }
    if (u_charType(c) == U_NON_SPACING_MARK && strips_marks(base)) continue;
    if (pending_space) folded.append(static_cast<UChar32>(' '));
    pending_space = false;
    if (u_charType(c) != U_NON_SPACING_MARK) base = c;
    folded.append(c);
  }
  folded.foldCase();  // full folding of the whole string: "ß" becomes "ss"
  const icu::UnicodeString composed = nfc->normalize(folded, status);
  std::string out;
  (U_SUCCESS(status) ? composed : folded).toUTF8String(out);
  return out;
}

bool NameOrder::less(EntityIndex a, EntityIndex b) const {
  const auto& x = dataset_.entities[a];
  const auto& y = dataset_.entities[b];
  return std::tie(index_.folded_name(a), x.name, x.id) < std::tie(index_.folded_name(b), y.name, y.id);
}

NameIndex NameIndex::build(const Dataset& dataset, Diagnostics& diagnostics) {
  NameIndex index;
  // Checking only the last owner keeps common words ("meeting" in 50,000 names) linear, not
  // quadratic; the rare repeats it lets through (a name, then an alias of the same entity)
  // are removed once at the end.
  const auto add_to = [](std::vector<EntityIndex>& owners, EntityIndex entity) {
    if (owners.empty() || owners.back() != entity) owners.push_back(entity);
  };
  const auto add = [&](const std::string& key, EntityIndex entity) {
    add_to(index.by_key_[key], entity);
    for (std::size_t start = 0; start < key.size();) {
      const std::size_t end = std::min(key.find(' ', start), key.size());
      if (end > start) add_to(index.by_word_[key.substr(start, end - start)], entity);
      start = end + 1;
    }
  };
  index.folded_names_.reserve(dataset.entities.size());
  for (EntityIndex e = 0; e < dataset.entities.size(); ++e) {
    index.folded_names_.push_back(normalize_name(dataset.entities[e].name));
    add(index.folded_names_.back(), e);
  }
  for (EntityIndex e = 0; e < dataset.entities.size(); ++e) {
    const Entity& entity = dataset.entities[e];
    for (std::size_t a = 0; a < entity.aliases.size(); ++a) {
      const std::string key = normalize_name(entity.aliases[a].name);
      const auto existing = index.by_key_.find(key);
      std::vector<EntityIndex> others;
      if (existing != index.by_key_.end()) {
        for (const EntityIndex other : existing->second) {
          if (other != e) others.push_back(other);
        }
      }
      if (!others.empty()) {
        const Entity& other = dataset.entities[others.front()];
        Location where;
        where.file = dataset.files[entity.origin.file];
        where.json_pointer = entity.pointer() + "/aliases/" + std::to_string(a);
        where.record = entity.id;
        where.field = "aliases";
        diagnostics.add(ErrorCode::kAmbiguousName,
                        "alias \"" + entity.aliases[a].name + "\" would also name \"" + other.id +
                            "\" (" + other.name + "); an alias must name one entity only",
                        std::move(where));
        continue;
      }
      add(key, e);
    }
  }
  for (auto* map : {&index.by_key_, &index.by_word_}) {
    for (auto& [_, owners] : *map) {
      std::sort(owners.begin(), owners.end());
      owners.erase(std::unique(owners.begin(), owners.end()), owners.end());
    }
  }
  return index;
}

std::vector<EntityIndex> NameIndex::find(const Dataset& dataset, std::string_view query) const {
  if (const auto by_id = dataset.find_entity(std::string(query))) return {*by_id};
  const std::string key = normalize_name(query);
  if (const auto it = by_key_.find(key); it != by_key_.end()) return it->second;
  if (key.find(' ') == std::string::npos) {
    if (const auto it = by_word_.find(key); it != by_word_.end()) return it->second;
  }
  return {};
}

std::vector<std::string_view> NameIndex::keys() const {
  std::vector<std::string_view> out;
  out.reserve(by_key_.size());
  for (const auto& [key, _] : by_key_) out.push_back(key);
  return out;
}

}  // namespace parley
