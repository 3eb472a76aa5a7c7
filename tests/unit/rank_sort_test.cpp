#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <random>

#include "query/rank_sort.h"

TEST_CASE("sorting by rank agrees with std::sort on every size and rank range", "[rank_sort]") {
  std::mt19937 random(42);
  for (const std::uint32_t ranks : {10u, 300u, 70000u, 20000000u}) {
    for (const std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{511}, std::size_t{512}, std::size_t{5000}}) {
      if (n > ranks) continue;
      INFO("ranks below " << ranks << ", " << n << " keys");
      // Distinct ranks, as entities have, each with its position in the low word.
      std::vector<std::uint32_t> pool(std::min<std::uint32_t>(ranks, 100000));
      std::iota(pool.begin(), pool.end(), ranks - static_cast<std::uint32_t>(pool.size()));
      std::shuffle(pool.begin(), pool.end(), random);
      std::vector<std::uint64_t> keys(n + 3, 7);  // sorted only in [3, n + 3)
      for (std::size_t i = 0; i < n; ++i) keys[i + 3] = (std::uint64_t{pool[i]} << 32) | i;
      auto expected = keys;
      std::sort(expected.begin() + 3, expected.end());
      parley::detail::sort_by_rank(keys, 3, n + 3, ranks);
      CHECK(keys == expected);
    }
  }
}
