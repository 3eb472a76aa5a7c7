// A hash for maps keyed by std::string that are searched with a std::string_view (or a literal)
// without copying it into a string first: with std::equal_to<>, a map declared
// std::unordered_map<std::string, T, NameHash, std::equal_to<>> finds by view.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace parley {

struct NameHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view name) const { return std::hash<std::string_view>{}(name); }
};

}  // namespace parley
