// When an attribute's values differ between sources, and when they only follow each other:
// a table of cases, each a few stated values with their sources' publication dates.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "parley/graph/database.h"
#include "parley/query/differing_values.h"
#include "default_db.h"

using namespace parley;

namespace {

struct Stated {
  std::string value;
  std::string published;  // the publication date of the one source stating it ("" for none)
};

// A dataset of one source per stated value, each published on its date.
std::optional<DifferingValues> compare(const std::string& attribute, const std::vector<Stated>& stated) {
  Dataset data;
  std::vector<Attribute> values;
  for (const Stated& s : stated) {
    const auto source = static_cast<SourceIndex>(data.sources.size());
    data.sources.push_back(Source{"s" + std::to_string(source), "Press", "Story", s.published, {}, {}, {}, {}, {}, {}});
    values.push_back(Attribute{attribute, s.value, {}, {Citation{source, kNoRecord, "quote"}}, {}});
  }
  std::vector<const Attribute*> pointers;
  for (const Attribute& a : values) pointers.push_back(&a);
  return differing_values(data, pointers);
}

}  // namespace

TEST_CASE("statuses differ when two prospects or two outcomes disagree, not when an outcome follows a prospect",
          "[query][differing]") {
  struct Case {
    const char* what;
    std::vector<Stated> stated;
    bool differ;
  };
  const std::vector<Case> cases = {
      {"planned, then held a month later: what happened next", {{"planned", "2018-12"}, {"held", "2019-01-15"}}, false},
      {"planned, then cancelled later", {{"planned", "2018-12-01"}, {"cancelled", "2018-12-03"}}, false},
      {"possible in one article, planned in another", {{"possible", "2018-12"}, {"planned", "2019-06"}}, true},
      {"planned and possible the same month", {{"planned", "2018-12"}, {"possible", "2018-12"}}, true},
      {"held in one, cancelled in another", {{"held", "2019-01-15"}, {"cancelled", "2019-06"}}, true},
      {"held, then still planned in a later article", {{"held", "2019-01-15"}, {"planned", "2019-06"}}, true},
      {"planned by an undated source beside held", {{"planned", ""}, {"held", "2019-01-15"}}, true},
      {"the same status from two sources", {{"planned", "2018-12"}, {"planned", "2019-01"}}, false},
      {"sought, then abandoned (an agreement)", {{"sought", "2018-12"}, {"abandoned", "2019-06"}}, false},
      {"one value only", {{"held", "2019-01"}}, false},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    const auto differing = compare("status", c.stated);
    CHECK(differing.has_value() == c.differ);
    if (differing) {
      CHECK(differing->attribute == "status");
      CHECK(differing->values.size() == 2);
    }
  }
}

TEST_CASE("dates differ only when they have no day in common", "[query][differing]") {
  CHECK_FALSE(compare("date", {{"2019-01-14", "2019-01-15"}, {"2019-01", "2019-06"}}));
  CHECK_FALSE(compare("date", {{"early 2019", "2018-12"}, {"2019-01", "2018-12"}}));
  CHECK(compare("date", {{"2019-01-22", "2019-01-15"}, {"2019-02", "2018-12"}}));
  CHECK(compare("end_date", {{"2019-01-22", "2019-01-15"}, {"2019-01-23", "2018-12"}}));
}

TEST_CASE("attributes that may hold several values are never reported as differing", "[query][differing]") {
  CHECK_FALSE(compare("description", {{"a start", "2019-01"}, {"a failure", "2019-06"}}));
  CHECK_FALSE(compare("ordinal", {{"8", "2019-01"}, {"1", "2019-06"}}));
}

TEST_CASE("the values are listed in the order their sources were published, each with its sources", "[query][differing]") {
  const auto differing = compare("status", {{"planned", "2019-06"}, {"possible", "2018-12"}, {"planned", "2019-07"}});
  REQUIRE(differing);
  REQUIRE(differing->values.size() == 2);
  CHECK(differing->values[0].value == "possible");
  CHECK(differing->values[1].value == "planned");
  CHECK(differing->values[1].sources.size() == 2);
}

TEST_CASE("in the default dataset, Putin's visit to Japan differs between sources and the Moscow meeting does not",
          "[query][differing][dataset]") {
  const Database& db = default_db();
  const Dataset& data = db.dataset();
  const auto visit = differing_attributes(data, data.entities[*data.find_entity("putin-visit-japan")]);
  REQUIRE(visit.size() == 1);
  CHECK(visit.front().attribute == "status");
  REQUIRE(visit.front().values.size() == 2);
  CHECK(data.sources[visit.front().values[0].sources.front()].id == "kyodo-2018-12");
  CHECK(visit.front().values[0].value == "possible");
  CHECK(visit.front().values[1].value == "planned");
  // Planned in the December articles, held in the January and June ones: not a disagreement.
  CHECK(differing_attributes(data, data.entities[*data.find_entity("kono-lavrov-moscow-2019-01-14")]).empty());
}
