// "Did you mean ...?" hints for misspelt kinds, relation types and names.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

// Edit (Levenshtein) distance between two byte strings.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The same when it is at most `limit`, else limit + 1; only a band of 2·limit + 1 diagonals is
// computed and the work stops once every cell in a row exceeds the limit, so comparing a word
// with a large dataset's names costs O(length · limit) each.
std::size_t bounded_edit_distance(std::string_view a, std::string_view b, std::size_t limit);

// Up to `at_most` candidates closest to `word`, nearest first, among those within a distance
// that still looks like a typo (a third of the word's length, at least 2).
std::vector<std::string> nearest(std::string_view word, const std::vector<std::string_view>& candidates,
                                 std::size_t at_most = 3);

// " (did you mean "a" or "b"?)" or "" when there is nothing close.
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

// " (did you mean "a", "b" or "c"?)" for `choices` found some other way, each written between
// `before` and `after` (" (did you mean --depth?)"), or "" when there are none.
std::string did_you_mean_list(const std::vector<std::string>& choices, std::string_view before = "\"",
                              std::string_view after = "\"");

}  // namespace parley
