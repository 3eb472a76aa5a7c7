// Sorting search results by an entity number: keys are (entity rank or index << 32 | position),
// the upper word below the entity count. A least-significant-digit radix sort on the rank's bits
// orders 50,000 keys in a few linear passes, where std::sort took most of a 3-hop neighbours query.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <vector>

namespace parley::detail {

// Sorts `keys` by their upper 32 bits, for ranks below `rank_bound`. Keys whose upper words are
// equal come out in the order of their lower words provided they went in that way (as a
// counterpart's meetings do).
//
// The rank's bits are split into as few digits of at most 11 bits as cover them, of equal width:
// 600,000 entities (20 bits) take two passes of 10 bits, not three of 8. Each pass reads and
// scatters every key, a read and a write anywhere in memory once the keys outgrow the cache: on
// 500,000 keys, two passes took 6.0 ms where three took 6.6 (docs/benchmarks.md, "Growth, timed at
// both scales in turn").
inline void sort_by_rank(std::vector<std::uint64_t>& keys, std::uint64_t begin, std::uint64_t end,
                         std::uint32_t rank_bound) {
  const auto first = keys.begin() + static_cast<std::ptrdiff_t>(begin);
  const auto last = keys.begin() + static_cast<std::ptrdiff_t>(end);
  if (end - begin < 512) {
    std::sort(first, last);
    return;
  }
  constexpr unsigned kMaxDigit = 11;
  const unsigned bits = rank_bound > 1 ? static_cast<unsigned>(std::bit_width(rank_bound - 1)) : 0;
  const unsigned passes = (bits + kMaxDigit - 1) / kMaxDigit;
  if (passes == 0) return;  // every upper word is 0: the keys are in order already
  const unsigned width = (bits + passes - 1) / passes;
  const std::uint64_t mask = (std::uint64_t{1} << width) - 1;
  std::vector<std::uint64_t> buffer(end - begin);
  std::uint64_t* from = &*first;
  std::uint64_t* to = buffer.data();
  const std::size_t n = end - begin;
  for (unsigned pass = 0; pass < passes; ++pass) {
    const unsigned shift = 32 + pass * width;
    std::array<std::size_t, (1u << kMaxDigit) + 1> start{};
    for (std::size_t i = 0; i < n; ++i) ++start[((from[i] >> shift) & mask) + 1];
    for (std::size_t d = 0; d < mask + 1; ++d) start[d + 1] += start[d];
    for (std::size_t i = 0; i < n; ++i) to[start[(from[i] >> shift) & mask]++] = from[i];
    std::swap(from, to);
  }
  if (from != &*first) std::copy(from, from + n, first);
}

// The order of rows a breadth-first search found a layer at a time (each layer's rows side by
// side): by layer, then by rank within a layer. `layer(i)` and `rank(i)` give row i's, ranks
// below `rank_bound`. Returns keys as above, in that order; a key's lower word is its row.
template <typename LayerOf, typename RankOf>
std::vector<std::uint64_t> order_layers_by_rank(std::size_t rows, LayerOf layer, RankOf rank, std::uint32_t rank_bound) {
  std::vector<std::uint64_t> keys(rows);
  for (std::size_t begin = 0, end = 0; begin < rows; begin = end) {
    for (end = begin; end < rows && layer(end) == layer(begin); ++end) keys[end] = std::uint64_t{rank(end)} << 32 | end;
    sort_by_rank(keys, begin, end, rank_bound);
  }
  return keys;
}

}  // namespace parley::detail
