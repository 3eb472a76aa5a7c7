#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <random>

#include "query/rank_sort.h"

TEST_CASE("sorting by rank agrees with std::sort on every size and rank range", "[rank_sort]") {
  std::mt19937 random(42);
  // Rank counts on either side of the digit widths: one digit of up to 11 bits (2,048 ranks),
  // two of 10 (603,530, the entities at scale 10), two of 11 and three of 8 (4,194,305), and
  // three of 11 for the largest bound a 32-bit rank allows.
  for (const std::uint32_t ranks :
       {1u, 10u, 300u, 2048u, 2049u, 70000u, 603530u, 4194304u, 4194305u, 20000000u, 4294967295u}) {
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

TEST_CASE("sorting by rank keeps keys of one rank in the order they came", "[rank_sort]") {
  // who-met groups (counterpart, meeting) pairs: each counterpart's meetings must stay in the
  // order they were added, which is their date order.
  std::mt19937 random(7);
  for (const std::uint32_t ranks : {1u, 300u, 603530u, 4194305u}) {
    INFO("ranks below " << ranks);
    std::vector<std::uint64_t> keys(20000);
    for (std::size_t i = 0; i < keys.size(); ++i) {
      const std::uint32_t rank = static_cast<std::uint32_t>(random() % std::min<std::uint32_t>(ranks, 50));
      keys[i] = (std::uint64_t{ranks - 1 - rank} << 32) | i;
    }
    auto expected = keys;
    std::stable_sort(expected.begin(), expected.end(), [](std::uint64_t x, std::uint64_t y) { return (x >> 32) < (y >> 32); });
    parley::detail::sort_by_rank(keys, 0, keys.size(), ranks);
    CHECK(keys == expected);
  }
}
