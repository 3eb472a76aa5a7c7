// Finding entities by what people call them. Names are compared after folding case and
// stripping accents from Latin, Greek and Cyrillic letters ("Sergéi" = "sergei"), in any script;
// Japanese voicing marks and other marks that change a letter's identity are kept.
// Normalisation uses ICU (see docs/design.md for why a library and not a table).
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "parley/load/dataset.h"
#include "parley/common/status.h"

namespace parley {

// The key two spellings of a name share when they should match: NFKD, accents removed, case
// folded, runs of white space collapsed to one space, trimmed; recomposed to NFC. Plain ASCII,
// most names in large datasets, takes a shortcut with the same result.
std::string normalize_name(std::string_view name);

// The words of a normalised name as people may write them in any order: white space, commas,
// full stops, hyphens and dashes (U+2010–U+2015, U+2212) all separate words, so "Putin,
// Vladimir", "Kono-Lavrov" and "Kono–Lavrov" give the same words as the names they mean.
// Views into `folded`, in the order written.
std::vector<std::string_view> name_words(std::string_view folded);

namespace detail {
// normalize_name() always through ICU, to test the shortcut against.
std::string normalize_name_with_icu(std::string_view name);
}  // namespace detail

class NameIndex;

// Orders entities by name as people expect: case and accents ignored ("new framework" sorts
// among the N's, not after "Vladimir"), then exactly, then by id. Every entity's place in that
// order is computed once, on first use, so sorting a large answer compares integers.
class NameOrder {
 public:
  NameOrder(const NameIndex& index, const Dataset& dataset);
  bool less(EntityIndex a, EntityIndex b) const { return ranks_[a] < ranks_[b]; }
  std::uint32_t rank(EntityIndex e) const { return ranks_[e]; }

 private:
  const std::vector<std::uint32_t>& ranks_;
};

class NameIndex {
 public:
  NameIndex() = default;
  // Movable only: the entries view strings the index owns, which a move leaves in place.
  NameIndex(NameIndex&&) = default;
  NameIndex& operator=(NameIndex&&) = default;
  NameIndex(const NameIndex&) = delete;
  NameIndex& operator=(const NameIndex&) = delete;

  // Indexes every entity's name and aliases. An alias that normalises to another entity's name
  // or alias is reported (ambiguous-name), since it could not tell them apart; two entities may
  // share a name (namesakes), which lookups answer with all candidates.
  // `titles` are the words people put before a name ("prime minister", "mr"; the schema's
  // name_titles), which a lookup may drop.
  static NameIndex build(const Dataset& dataset, Diagnostics& diagnostics, const std::vector<std::string>& titles = {});

  // Entities whose id equals `query`, else whose name or alias matches it after
  // normalisation, else — for a single word — whose name or alias contains it as a whole word
  // ("Trump" finds "Donald Trump"), else whose name or alias has the same words in any order
  // once leading titles are dropped ("Putin, Vladimir", "President Putin", "Kono-Lavrov
  // meeting in Moscow"). Empty when nothing matches; several when it is shared: entities are
  // never merged, whatever the route.
  std::vector<EntityIndex> find(const Dataset& dataset, std::string_view query) const;

  // The words of `query` (name_words of its normalised form) with leading titles dropped, as
  // long as a word is left.
  std::vector<std::string> words_without_titles(std::string_view query) const;

  // For suggestions: up to `at_most` entities whose name or alias has, as a whole word, one of
  // `words` (of three letters or more), most words shared first, then by name. Whole words
  // only: "abe" is not in "Abel".
  std::vector<EntityIndex> sharing_words(const Dataset& dataset, const std::vector<std::string>& words,
                                         std::size_t at_most) const;

  // Every normalised key once, for suggestions.
  const std::vector<std::string_view>& keys() const { return keys_; }

  // An entity's name, normalised: the key names are sorted by.
  const std::string& folded_name(EntityIndex entity) const { return folded_names_[entity]; }

  // Each entity's place when all are sorted by NameOrder; built on the first call.
  const std::vector<std::uint32_t>& name_ranks(const Dataset& dataset) const;

 private:
  struct Ranks {
    std::once_flag built;
    std::vector<std::uint32_t> by_entity;
  };
  std::unique_ptr<Ranks> ranks_ = std::make_unique<Ranks>();

  // One (key, entity) pair per name, alias or word, sorted by the key's hash, then key, then
  // entity: a lookup is a binary search by hash, and the build is two sorts of integers rather
  // than a node and a vector allocated for every distinct key.
  struct Entry {
    std::uint64_t hash;
    std::string_view key;  // into folded_names_ or folded_aliases_
    EntityIndex entity;
    // By hash, then entity: a common word is the key of thousands of entries, and ordering
    // them by the key's bytes compared equal strings over and over. The key decides only
    // between entries of one entity whose keys' hashes collide.
    friend bool operator<(const Entry& a, const Entry& b) {
      return a.hash != b.hash ? a.hash < b.hash : a.entity != b.entity ? a.entity < b.entity : a.key < b.key;
    }
    friend bool operator==(const Entry& a, const Entry& b) { return a.key == b.key && a.entity == b.entity; }
  };
  static std::vector<EntityIndex> lookup(const std::vector<Entry>& entries, std::string_view key);
  // Sorts `entries` and drops repeats; the first `sorted` are already so, and are only merged.
  static void sort_and_deduplicate(std::vector<Entry>& entries, std::size_t sorted = 0);

  // The same words in any order: one (hash of the sorted words, entity) per name and alias; a
  // match is confirmed against the entity's own names, so only hashes are kept.
  std::vector<EntityIndex> find_by_words(const Dataset& dataset, std::vector<std::string_view> words) const;
  // `words` (of a normalised name) with leading titles dropped, as long as a word is left.
  std::vector<std::string_view> without_titles(std::vector<std::string_view> words) const;

  std::vector<Entry> by_key_;
  std::vector<std::pair<std::uint64_t, EntityIndex>> by_words_;
  std::vector<std::vector<std::string>> titles_;  // each title's words, longest first
  std::vector<Entry> by_word_;  // each word of each key
  std::vector<std::string_view> keys_;  // the distinct keys of by_key_
  std::vector<std::string> folded_names_;    // by entity
  std::deque<std::string> folded_aliases_;   // the keys of accepted aliases; a deque keeps them in place
};

}  // namespace parley
