#include "parley/common/suggest.h"

#include <algorithm>
#include <array>
#include <numeric>

namespace parley {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::size_t bounded_edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t over = limit + 1;
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return over;
  // One row of the table; on the stack for the short strings suggestions compare (a name that
  // fails to resolve is compared with every key), so that the scan allocates nothing.
  std::array<std::size_t, 128> short_row;
  std::vector<std::size_t> long_row;
  std::size_t* row = short_row.data();
  if (b.size() + 1 > short_row.size()) {
    long_row.resize(b.size() + 1);
    row = long_row.data();
  }
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = std::min(j, over);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    const std::size_t from = i > limit ? i - limit : 1;
    const std::size_t to = std::min(b.size(), i + limit);
    std::size_t diagonal = row[from - 1];
    row[from - 1] = from == 1 ? std::min(i, over) : over;  // outside the band: too far
    std::size_t best = row[from - 1];
    for (std::size_t j = from; j <= to; ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({over, above + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
      best = std::min(best, row[j]);
    }
    if (to < b.size()) row[to + 1] = over;
    if (best > limit) return over;
  }
  return std::min(row[b.size()], over);
}

std::vector<std::string> nearest(std::string_view word, const std::vector<std::string_view>& candidates,
                                 std::size_t at_most) {
  const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  std::vector<std::pair<std::size_t, std::string_view>> scored;
  for (const auto candidate : candidates) {
    const std::size_t distance = bounded_edit_distance(word, candidate, limit);
    if (distance <= limit) scored.emplace_back(distance, candidate);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && out.size() < at_most; ++i) {
    out.emplace_back(scored[i].second);
  }
  return out;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
  return did_you_mean_list(nearest(word, candidates));
}

std::string did_you_mean_list(const std::vector<std::string>& choices, std::string_view before, std::string_view after) {
  if (choices.empty()) return "";
  std::string out = " (did you mean ";
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (i > 0) out += i + 1 == choices.size() ? " or " : ", ";
    out.append(before).append(choices[i]).append(after);
  }
  return out + "?)";
}

}  // namespace parley
