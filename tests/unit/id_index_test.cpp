#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "parley/graph/id_index.h"

using parley::IdIndex;

TEST_CASE("the id index finds every id it was given, through many growths, and only those", "[id_index]") {
  std::vector<std::string> ids;
  IdIndex index;
  for (std::uint32_t i = 0; i < 5000; ++i) {
    const std::string id = "person-" + std::to_string(i);
    REQUIRE(index.insert(id, static_cast<std::uint32_t>(ids.size())));
    ids.push_back(id);
  }
  CHECK(index.size() == 5000);
  for (std::uint32_t i = 0; i < ids.size(); ++i) {
    REQUIRE(index.find(ids[i]) == i);
  }
  CHECK_FALSE(index.find("person-5000"));
  CHECK_FALSE(index.find(""));
  CHECK_FALSE(index.find("person-1 "));
}

TEST_CASE("an id given twice keeps its first position", "[id_index]") {
  IdIndex index;
  CHECK(index.insert("a", 0));
  CHECK(index.insert("b", 1));
  CHECK_FALSE(index.insert("a", 2));
  CHECK(index.find("a") == 0u);
  CHECK(index.size() == 2);
}

TEST_CASE("an empty index finds nothing", "[id_index]") {
  const IdIndex index;
  CHECK_FALSE(index.find("x"));
}

TEST_CASE("ids of any bytes and length are kept whole", "[id_index]") {
  IdIndex index;
  const std::string long_id(40000, 'x');
  const std::string with_nul("a\0b", 3);
  CHECK(index.insert(long_id, 0));
  CHECK(index.insert(with_nul, 1));
  CHECK(index.insert("", 2));
  CHECK(index.find(long_id) == 0u);
  CHECK(index.find(with_nul) == 1u);
  CHECK(index.find("") == 2u);
  CHECK_FALSE(index.find(std::string_view("a", 1)));
  CHECK_FALSE(index.find(std::string(39999, 'x')));
}
