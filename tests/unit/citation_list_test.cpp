// A fact's citations: the first held in place, more on the heap, in order either way, through
// copies, moves and removals.
#include <catch2/catch.hpp>

#include <utility>
#include <vector>

#include "parley/load/citation.h"

using parley::Citation;
using parley::CitationList;

namespace {

Citation cite(std::uint32_t source) { return Citation{source, parley::kNoRecord, "quote"}; }

std::vector<std::uint32_t> sources(const CitationList& list) {
  std::vector<std::uint32_t> out;
  for (const Citation& c : list) out.push_back(c.source);
  return out;
}

}  // namespace

TEST_CASE("citations keep their order as the list grows from one to many", "[citation_list]") {
  CitationList list;
  CHECK(list.empty());
  CHECK(sources(list).empty());
  std::vector<std::uint32_t> expected;
  for (std::uint32_t s = 0; s < 40; ++s) {
    list.push_back(cite(s));
    expected.push_back(s);
    REQUIRE(sources(list) == expected);
  }
  CHECK(list.size() == 40);
  CHECK(list[7].source == 7);
  CHECK(list.front().source == 0);
}

TEST_CASE("a list copies and moves whole, in place or on the heap", "[citation_list]") {
  for (std::uint32_t n : {0u, 1u, 2u, 5u}) {
    CitationList original;
    for (std::uint32_t s = 0; s < n; ++s) original.push_back(cite(s + 10));
    const std::vector<std::uint32_t> expected = sources(original);

    CitationList copy = original;
    CHECK(sources(copy) == expected);
    copy.push_back(cite(99));
    CHECK(sources(original) == expected);  // the copy's growth does not touch the original

    CitationList assigned{cite(1), cite(2), cite(3)};
    assigned = original;
    CHECK(sources(assigned) == expected);

    CitationList moved = std::move(copy);
    CHECK(moved.size() == n + 1);
    CHECK(moved[n].source == 99);
    CHECK(copy.empty());  // NOLINT(bugprone-use-after-move): a moved-from list is empty

    CitationList target{cite(7)};
    target = std::move(moved);
    CHECK(target.size() == n + 1);
    CHECK(target[n].source == 99);
  }
}

TEST_CASE("pushing a list's own citation, and removing some, keep the rest", "[citation_list]") {
  CitationList list{cite(1)};
  list.push_back(list[0]);  // growing moves the storage the argument lives in
  list.push_back(list[1]);
  CHECK(sources(list) == std::vector<std::uint32_t>{1, 1, 1});
  list.push_back(cite(2));
  list.push_back(cite(3));
  erase_if(list, [](const Citation& c) { return c.source == 1; });
  CHECK(sources(list) == std::vector<std::uint32_t>{2, 3});
  erase_if(list, [](const Citation&) { return true; });
  CHECK(list.empty());
}

TEST_CASE("appending one list to another keeps both in order", "[citation_list]") {
  CitationList first{cite(1)};
  const CitationList second{cite(2), cite(3)};
  first.append(second);
  CHECK(sources(first) == std::vector<std::uint32_t>{1, 2, 3});
  CHECK(sources(second) == std::vector<std::uint32_t>{2, 3});
  CitationList empty;
  empty.append(CitationList{});
  CHECK(empty.empty());
  empty.append(first);
  CHECK(sources(empty) == std::vector<std::uint32_t>{1, 2, 3});
}
