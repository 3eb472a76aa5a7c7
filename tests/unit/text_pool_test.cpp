// Quotes are kept in a pool of blocks: every view it hands out keeps its text however much is
// added after it, including texts longer than a block.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "parley/common/text_pool.h"

using parley::TextPool;

TEST_CASE("a kept text stays readable while the pool grows past many blocks", "[text_pool]") {
  TextPool pool;
  std::vector<std::string> texts;
  std::vector<std::string_view> views;
  std::size_t total = 0;
  // About 5 MB of texts of varied lengths, some longer than a block (64 KB), so that blocks
  // fill, texts straddle no boundary, and large texts get blocks of their own.
  for (int i = 0; i < 20000; ++i) {
    const std::size_t length = i % 997 == 0 ? 70000 + i : 1 + (i * 37) % 300;
    std::string text(length, static_cast<char>('a' + i % 26));
    text += std::to_string(i);
    views.push_back(pool.keep(text));
    total += text.size();
    texts.push_back(std::move(text));
  }
  for (std::size_t i = 0; i < texts.size(); ++i) {
    INFO("text " << i);
    REQUIRE(views[i] == texts[i]);
    REQUIRE(views[i].data() != texts[i].data());  // a copy, not the caller's bytes
  }
  CHECK(pool.bytes_reserved() >= total);
  CHECK(pool.bytes_reserved() < total + total / 4);  // blocks are filled, not abandoned half empty
}

TEST_CASE("the empty text takes no space and a repeated text is kept once", "[text_pool]") {
  TextPool pool;
  CHECK(pool.keep("").empty());
  CHECK(pool.bytes_reserved() == 0);
  const auto first = pool.keep("as reported");
  const auto again = pool.keep(std::string("as reported"));
  CHECK(again == "as reported");
  CHECK(again.data() == first.data());
  const auto other = pool.keep("said");
  CHECK(other == "said");
  CHECK(pool.keep("as reported").data() != first.data());  // only the text just before is shared
}
