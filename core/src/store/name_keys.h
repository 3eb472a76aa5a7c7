// The keys a store's name_keys table holds for a name: what NameIndex (names.h) matches a query
// against, so that every entity a query's name can mean is found by an indexed lookup.
// Private to core/src/store.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parley/graph/names.h"

namespace parley::store {

// The normalised name, and each of its words when it has several (NameIndex::find matches a
// single-word query against every word of every name and alias).
inline std::vector<std::string> lookup_keys(std::string_view name) {
  std::vector<std::string> keys = {normalize_name(name)};
  const std::string whole = keys.front();
  if (whole.find(' ') == std::string::npos) return keys;
  for (std::size_t start = 0; start < whole.size();) {
    const std::size_t end = std::min(whole.find(' ', start), whole.size());
    if (end > start) keys.push_back(whole.substr(start, end - start));
    start = end + 1;
  }
  return keys;
}

}  // namespace parley::store
