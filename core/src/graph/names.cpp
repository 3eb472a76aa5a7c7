#include "parley/graph/names.h"

#include <algorithm>
#include <optional>
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

namespace {

bool is_plain_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// What ICU's path does to ASCII: NFKD and NFC leave it alone, it has no marks, its white space
// is tab to carriage return and the space, and case folding is lower-casing.
std::string normalize_ascii(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  for (const char c : name) {
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::uint64_t hash_of(std::string_view key) { return std::hash<std::string_view>{}(key); }

// The length of the word separator at `at`, or 0: ASCII space, comma, full stop and hyphen,
// and the UTF-8 hyphens and dashes U+2010–U+2015 and the minus sign U+2212.
std::size_t separator_at(std::string_view text, std::size_t at) {
  const char c = text[at];
  if (c == ' ' || c == ',' || c == '.' || c == '-') return 1;
  if (c != '\xE2' || at + 2 >= text.size()) return 0;
  const auto b1 = static_cast<unsigned char>(text[at + 1]);
  const auto b2 = static_cast<unsigned char>(text[at + 2]);
  if (b1 == 0x80 && b2 >= 0x90 && b2 <= 0x95) return 3;
  if (b1 == 0x88 && b2 == 0x92) return 3;
  return 0;
}

// Sorted words, hashed in order: the key of "the same words in any order".
std::uint64_t hash_of_words(std::vector<std::string_view>& words) {
  std::sort(words.begin(), words.end());
  std::uint64_t h = words.size();
  for (const auto word : words) h = (h ^ hash_of(word)) * 0x9E3779B97F4A7C15ull + 0x7F4A7C15ull;
  return h;
}

bool same_words(std::vector<std::string_view> a, const std::vector<std::string_view>& sorted_b) {
  std::sort(a.begin(), a.end());
  return a == sorted_b;
}

}  // namespace

std::vector<std::string_view> name_words(std::string_view folded) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  for (std::size_t at = 0; at < folded.size();) {
    const std::size_t separator = separator_at(folded, at);
    if (separator == 0) {
      ++at;
      continue;
    }
    if (at > start) words.push_back(folded.substr(start, at - start));
    at += separator;
    start = at;
  }
  if (folded.size() > start) words.push_back(folded.substr(start));
  return words;
}

std::string normalize_name(std::string_view name) {
  return is_plain_ascii(name) ? normalize_ascii(name) : detail::normalize_name_with_icu(name);
}

std::string detail::normalize_name_with_icu(std::string_view name) {
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

NameOrder::NameOrder(const NameIndex& index, const Dataset& dataset) : ranks_(index.name_ranks(dataset)) {}

const std::vector<std::uint32_t>& NameIndex::name_ranks(const Dataset& dataset) const {
  std::call_once(ranks_->built, [&] {
    std::vector<EntityIndex> order(dataset.entities.size());
    for (EntityIndex e = 0; e < order.size(); ++e) order[e] = e;
    std::sort(order.begin(), order.end(), [&](EntityIndex a, EntityIndex b) {
      const auto& x = dataset.entities[a];
      const auto& y = dataset.entities[b];
      return std::tie(folded_names_[a], x.name, x.id) < std::tie(folded_names_[b], y.name, y.id);
    });
    ranks_->by_entity.resize(order.size());
    for (std::uint32_t r = 0; r < order.size(); ++r) ranks_->by_entity[order[r]] = r;
  });
  return ranks_->by_entity;
}

NameIndex NameIndex::build(const Dataset& dataset, Diagnostics& diagnostics, const std::vector<std::string>& titles) {
  NameIndex index;
  for (const auto& title : titles) {
    const std::string folded = normalize_name(title);
    std::vector<std::string> words;
    for (const auto word : name_words(folded)) words.emplace_back(word);
    if (!words.empty()) index.titles_.push_back(std::move(words));
  }
  std::stable_sort(index.titles_.begin(), index.titles_.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::vector<std::string_view> words;
  const auto add_words = [&](std::string_view key, EntityIndex entity) {
    words = name_words(key);
    // One word is found as a key or a word already; the any-order lookup takes two or more.
    if (words.size() >= 2) index.by_words_.emplace_back(hash_of_words(words), entity);
  };
  const auto add = [&](std::string_view key, EntityIndex entity) {
    index.by_key_.push_back(Entry{hash_of(key), key, entity});
    for (std::size_t start = 0; start < key.size();) {
      const std::size_t end = std::min(key.find(' ', start), key.size());
      if (end > start) {
        const std::string_view word = key.substr(start, end - start);
        index.by_word_.push_back(Entry{hash_of(word), word, entity});
      }
      start = end + 1;
    }
  };
  index.folded_names_.reserve(dataset.entities.size());
  index.by_key_.reserve(dataset.entities.size());
  index.by_word_.reserve(dataset.entities.size() * 2);
  for (EntityIndex e = 0; e < dataset.entities.size(); ++e) index.folded_names_.push_back(normalize_name(dataset.entities[e].name));
  index.by_words_.reserve(dataset.entities.size());
  for (EntityIndex e = 0; e < dataset.entities.size(); ++e) {
    add(index.folded_names_[e], e);
    add_words(index.folded_names_[e], e);
  }
  sort_and_deduplicate(index.by_key_);

  // An alias may not name another entity: not by another's name, nor by an alias accepted
  // before it. Aliases are few, so those accepted so far are searched directly.
  std::vector<Entry> accepted;
  for (EntityIndex e = 0; e < dataset.entities.size(); ++e) {
    const Entity& entity = dataset.entities[e];
    for (std::size_t a = 0; a < entity.aliases.size(); ++a) {
      std::string key = normalize_name(entity.aliases[a].name);
      std::optional<EntityIndex> other;
      for (const EntityIndex owner : lookup(index.by_key_, key)) {
        if (owner != e && !other) other = owner;
      }
      const std::uint64_t hash = hash_of(key);
      for (const Entry& earlier : accepted) {
        if (!other && earlier.hash == hash && earlier.key == key && earlier.entity != e) other = earlier.entity;
      }
      if (other) {
        const Entity& named = dataset.entities[*other];
        Location where;
        where.file = dataset.files[entity.origin.file];
        where.json_pointer = entity.pointer() + "/aliases/" + std::to_string(a);
        where.record = entity.id;
        where.field = "aliases";
        diagnostics.add(ErrorCode::kAmbiguousName,
                        "alias \"" + entity.aliases[a].name + "\" would also name \"" + named.id +
                            "\" (" + named.name + "); an alias must name one entity only",
                        std::move(where));
        continue;
      }
      index.folded_aliases_.push_back(std::move(key));
      accepted.push_back(Entry{hash, index.folded_aliases_.back(), e});
    }
  }
  const std::size_t names_only = index.by_key_.size();  // sorted above
  for (const Entry& alias : accepted) {
    add(alias.key, alias.entity);
    add_words(alias.key, alias.entity);
  }
  std::sort(index.by_words_.begin(), index.by_words_.end());
  index.by_words_.erase(std::unique(index.by_words_.begin(), index.by_words_.end()), index.by_words_.end());
  sort_and_deduplicate(index.by_key_, names_only);
  sort_and_deduplicate(index.by_word_);
  // The distinct keys: one per run of equal hashes, unless two keys share a hash.
  const auto& entries = index.by_key_;
  for (std::size_t first = 0, end = 0; first < entries.size(); first = end) {
    end = first + 1;
    bool one_key = true;
    for (; end < entries.size() && entries[end].hash == entries[first].hash; ++end) {
      one_key = one_key && entries[end].key == entries[first].key;
    }
    if (one_key) {
      index.keys_.push_back(entries[first].key);
      continue;
    }
    std::vector<std::string_view> keys;
    for (std::size_t i = first; i < end; ++i) keys.push_back(entries[i].key);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    index.keys_.insert(index.keys_.end(), keys.begin(), keys.end());
  }
  return index;
}

void NameIndex::sort_and_deduplicate(std::vector<Entry>& entries, std::size_t sorted) {
  const auto middle = entries.begin() + static_cast<std::ptrdiff_t>(sorted);
  std::sort(middle, entries.end());
  std::inplace_merge(entries.begin(), middle, entries.end());
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
}

std::vector<EntityIndex> NameIndex::lookup(const std::vector<Entry>& entries, std::string_view key) {
  const std::uint64_t hash = hash_of(key);
  auto it = std::lower_bound(entries.begin(), entries.end(), hash,
                             [](const Entry& entry, std::uint64_t h) { return entry.hash < h; });
  std::vector<EntityIndex> out;
  for (; it != entries.end() && it->hash == hash; ++it) {
    if (it->key == key) out.push_back(it->entity);
  }
  return out;
}

std::vector<EntityIndex> NameIndex::find(const Dataset& dataset, std::string_view query) const {
  if (const auto by_id = dataset.find_entity(query)) return {*by_id};
  const std::string key = normalize_name(query);
  if (auto found = lookup(by_key_, key); !found.empty()) return found;
  if (key.find(' ') == std::string::npos) {
    if (auto found = lookup(by_word_, key); !found.empty()) return found;
  }
  // As people write names: words in another order, commas, titles, a hyphen for a dash.
  std::vector<std::string_view> words = without_titles(name_words(key));
  if (words.size() == 1) {
    if (auto found = lookup(by_key_, words.front()); !found.empty()) return found;
    return lookup(by_word_, words.front());
  }
  return find_by_words(dataset, std::move(words));
}

std::vector<std::string> NameIndex::words_without_titles(std::string_view query) const {
  const std::string key = normalize_name(query);
  const std::vector<std::string_view> words = without_titles(name_words(key));
  return std::vector<std::string>(words.begin(), words.end());
}

std::vector<std::string_view> NameIndex::without_titles(std::vector<std::string_view> words) const {
  std::size_t from = 0;
  for (bool dropped = true; dropped;) {
    dropped = false;
    for (const auto& title : titles_) {
      // A title is dropped only when a word of the name is left after it.
      if (words.size() - from <= title.size()) continue;
      if (std::equal(title.begin(), title.end(), words.begin() + static_cast<std::ptrdiff_t>(from))) {
        from += title.size();
        dropped = true;
        break;
      }
    }
  }
  words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(from));
  return words;
}

std::vector<EntityIndex> NameIndex::find_by_words(const Dataset& dataset, std::vector<std::string_view> words) const {
  std::vector<EntityIndex> out;
  if (words.empty()) return out;
  const std::uint64_t hash = hash_of_words(words);  // sorts `words`
  auto it = std::lower_bound(by_words_.begin(), by_words_.end(), std::make_pair(hash, EntityIndex{0}));
  for (; it != by_words_.end() && it->first == hash; ++it) {
    const EntityIndex e = it->second;
    bool matches = same_words(name_words(folded_names_[e]), words);
    for (std::size_t a = 0; !matches && a < dataset.entities[e].aliases.size(); ++a) {
      const std::string alias = normalize_name(dataset.entities[e].aliases[a].name);
      matches = same_words(name_words(alias), words);
    }
    if (matches && (out.empty() || out.back() != e)) out.push_back(e);
  }
  return out;
}

std::vector<EntityIndex> NameIndex::sharing_words(const Dataset& dataset, const std::vector<std::string>& words,
                                                  std::size_t at_most) const {
  // Every entity each distinct word names (as a whole name or a whole word of one), then runs
  // of the same entity counted: sorting, not a search per hit, for words many names share.
  std::vector<EntityIndex> hits;
  for (std::size_t w = 0; w < words.size(); ++w) {
    const auto before = words.begin() + static_cast<std::ptrdiff_t>(w);
    // Words of one or two letters ("of", "a") are shared by too many names to say anything.
    if (words[w].size() < 3 || std::find(words.begin(), before, words[w]) != before) continue;
    std::vector<EntityIndex> found = lookup(by_key_, words[w]);
    const std::vector<EntityIndex> in_names = lookup(by_word_, words[w]);
    found.insert(found.end(), in_names.begin(), in_names.end());
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    hits.insert(hits.end(), found.begin(), found.end());
  }
  std::sort(hits.begin(), hits.end());
  std::vector<std::pair<std::size_t, EntityIndex>> shared;  // (words shared, entity)
  for (std::size_t i = 0; i < hits.size(); ++i) {
    if (i == 0 || hits[i] != hits[i - 1]) shared.emplace_back(1, hits[i]);
    else ++shared.back().first;
  }
  const NameOrder order(*this, dataset);
  std::sort(shared.begin(), shared.end(), [&](const auto& x, const auto& y) {
    return x.first != y.first ? x.first > y.first : order.less(x.second, y.second);
  });
  std::vector<EntityIndex> out;
  for (std::size_t i = 0; i < shared.size() && i < at_most; ++i) out.push_back(shared[i].second);
  return out;
}

}  // namespace parley
