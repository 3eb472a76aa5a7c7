// "Did you mean ...?" hints for misspelt kinds, relation types and names.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

// Edit (Levenshtein) distance between two byte strings.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Up to `at_most` candidates closest to `word`, nearest first, among those within a distance
// that still looks like a typo (a third of the word's length, at least 2).
std::vector<std::string> nearest(std::string_view word, const std::vector<std::string_view>& candidates,
                                 std::size_t at_most = 3);

// " (did you mean "a" or "b"?)" or "" when there is nothing close.
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace parley
