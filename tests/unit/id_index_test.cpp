#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "parley/id_index.h"

using parley::IdIndex;

TEST_CASE("the id index finds every id it was given, through many growths, and only those", "[id_index]") {
  std::vector<std::string> ids;
  IdIndex index;
  const auto id_at = [&](std::uint32_t i) -> std::string_view { return ids[i]; };
  for (std::uint32_t i = 0; i < 5000; ++i) {
    const std::string id = "person-" + std::to_string(i);
    REQUIRE(index.insert(id, static_cast<std::uint32_t>(ids.size()), id_at));
    ids.push_back(id);
  }
  CHECK(index.size() == 5000);
  for (std::uint32_t i = 0; i < ids.size(); ++i) {
    REQUIRE(index.find(ids[i], id_at) == i);
  }
  CHECK_FALSE(index.find("person-5000", id_at));
  CHECK_FALSE(index.find("", id_at));
  CHECK_FALSE(index.find("person-1 ", id_at));
}

TEST_CASE("an id given twice keeps its first position", "[id_index]") {
  std::vector<std::string> ids = {"a", "b"};
  IdIndex index;
  const auto id_at = [&](std::uint32_t i) -> std::string_view { return ids[i]; };
  CHECK(index.insert("a", 0, id_at));
  CHECK(index.insert("b", 1, id_at));
  CHECK_FALSE(index.insert("a", 2, id_at));
  CHECK(index.find("a", id_at) == 0u);
  CHECK(index.size() == 2);
}

TEST_CASE("an empty index finds nothing", "[id_index]") {
  const IdIndex index;
  CHECK_FALSE(index.find("x", [](std::uint32_t) { return std::string_view(); }));
}
