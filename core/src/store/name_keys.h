// The keys a store's name_keys table holds for a name: what NameIndex (names.h) matches a query
// against, so that every entity a query's name can mean is found by an indexed lookup.
// Private to core/src/store.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "parley/graph/names.h"

namespace parley::store {

// The meta key a store sets when its name keys hold the words of name_words() as well: a store
// written before then holds only the words between spaces, and is not asked for the others.
inline constexpr const char* kNameWordKeys = "name_word_keys";

// The normalised name; each of its words when it has several (NameIndex::find matches a
// single-word query against every word of every name and alias); and each word as name_words()
// splits it, at hyphens, dashes and commas too, so that a name written with its words in another
// order, or with titles, finds its entity by the keys of its words (scoped_read.cpp).
inline std::vector<std::string> lookup_keys(std::string_view name) {
  std::vector<std::string> keys = {normalize_name(name)};
  const std::string whole = keys.front();
  if (whole.find(' ') != std::string::npos) {
    for (std::size_t start = 0; start < whole.size();) {
      const std::size_t end = std::min(whole.find(' ', start), whole.size());
      if (end > start) keys.push_back(whole.substr(start, end - start));
      start = end + 1;
    }
  }
  const auto words = name_words(whole);
  if (words.size() >= 2) {
    for (const auto word : words) {
      if (std::find(keys.begin(), keys.end(), word) == keys.end()) keys.emplace_back(word);
    }
  }
  return keys;
}

}  // namespace parley::store
