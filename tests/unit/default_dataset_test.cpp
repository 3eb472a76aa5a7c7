// Facts checked by hand against the five articles: the default dataset must let users derive
// them. Entities are found by the names people use, not by ids.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "parley/graph/database.h"
#include "parley/common/date.h"

using namespace parley;

namespace {

struct Fixture {
  Fixture() {
    Diagnostics diagnostics;
    db = Database::open({}, diagnostics);
    REQUIRE(db);
  }

  EntityIndex one(const std::string& name) const {
    const auto found = db->find(name);
    INFO("looking up " << name);
    REQUIRE(found.size() == 1);
    return found.front();
  }

  std::string property(const Relation& r, const char* name) const {
    return std::string(r.property(*db->schema().find_property(name)));
  }

  // (participant, role) pairs of an event.
  std::set<std::pair<EntityIndex, std::string>> participants(EntityIndex event) const {
    const auto type = *db->schema().find_relation_type("participant_in");
    std::set<std::pair<EntityIndex, std::string>> out;
    for (const auto& r : db->dataset().relations) {
      if (r.type == type && r.to == event) out.emplace(r.from, property(r, "role"));
    }
    return out;
  }

  std::vector<EntityIndex> targets(EntityIndex from, const char* type_name) const {
    const auto type = *db->schema().find_relation_type(type_name);
    std::vector<EntityIndex> out;
    for (const auto& r : db->dataset().relations) {
      if (r.type == type && r.from == from) out.push_back(r.to);
    }
    return out;
  }

  std::vector<std::string> attribute(EntityIndex e, const char* name) const {
    std::vector<std::string> out;
    for (const auto* a : db->dataset().attribute_values(e, name)) out.push_back(a->value);
    return out;
  }

  std::vector<EntityIndex> gatherings_with(EntityIndex a, EntityIndex b) const {
    std::vector<EntityIndex> out;
    for (EntityIndex e = 0; e < db->dataset().entities.size(); ++e) {
      if (!db->schema().is_gathering(db->dataset().entities[e].kind)) continue;
      const auto people = participants(e);
      const auto has = [&](EntityIndex p) {
        return std::any_of(people.begin(), people.end(), [&](const auto& pr) { return pr.first == p; });
      };
      if (has(a) && has(b)) out.push_back(e);
    }
    return out;
  }

  std::unique_ptr<Database> db;
};

bool contains(const std::vector<std::string>& values, const std::string& v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

}  // namespace

TEST_CASE_METHOD(Fixture, "the people, islands and places the articles name are all there", "[dataset]") {
  for (const char* name : {"Shinzo Abe", "Vladimir Putin", "Taro Kono", "Sergey Lavrov", "Sergei Lavrov", "Takeo Mori",
                           "Igor Morgulov", "Donald Trump", "Shikotan", "Habomai islets", "Habomais", "Kunashiri",
                           "Etorofu", "Buenos Aires", "Singapore", "Vladivostok", "Moscow", "Tokyo", "Osaka",
                           "Hokkaido", "Kerch Strait", "Soviet Union", "1956 Joint Declaration",
                           "1941 Japan-Soviet neutrality pact", "Group of 20", "G20", "Munich Security Conference"}) {
    INFO(name);
    CHECK(db->find(name).size() == 1);
  }
  // One island group under three names.
  CHECK(one("Northern Territories") == one("Southern Kurils"));
  CHECK(one("Northern Territories") == one("Hoppo Ryodo"));
  CHECK(one("sergei lavrov") == one("Sergey Lavrov"));
}

TEST_CASE_METHOD(Fixture, "who met in Moscow on 2019-01-14: Kono and Lavrov, with Mori and Morgulov present",
                 "[dataset]") {
  std::vector<EntityIndex> found;
  const EntityIndex moscow = one("Moscow");
  for (EntityIndex e = 0; e < db->dataset().entities.size(); ++e) {
    if (db->schema().is_gathering(db->dataset().entities[e].kind) && contains(attribute(e, "date"), "2019-01-14") &&
        !targets(e, "held_in").empty() && targets(e, "held_in").front() == moscow) {
      found.push_back(e);
    }
  }
  REQUIRE(found.size() == 1);
  const auto people = participants(found.front());
  CHECK(people.count({one("Taro Kono"), "principal"}));
  CHECK(people.count({one("Sergey Lavrov"), "principal"}));
  CHECK(people.count({one("Takeo Mori"), "present"}));
  CHECK(people.count({one("Igor Morgulov"), "present"}));
  CHECK(contains(attribute(found.front(), "status"), "held"));
  CHECK(contains(attribute(found.front(), "ordinal"), "8"));
  CHECK(contains(attribute(found.front(), "duration"), "~PT4H"));
}

TEST_CASE_METHOD(Fixture, "the 1956 declaration provides for handing over Shikotan and the Habomai islets", "[dataset]") {
  auto islands = targets(one("1956 Joint Declaration"), "provides_handover");
  std::sort(islands.begin(), islands.end());
  std::vector<EntityIndex> expected = {one("Shikotan"), one("Habomai islets")};
  std::sort(expected.begin(), expected.end());
  CHECK(islands == expected);
}

TEST_CASE_METHOD(Fixture, "Trump and Putin did not meet in Buenos Aires: their talks were cancelled", "[dataset]") {
  const auto together = gatherings_with(one("Donald Trump"), one("Vladimir Putin"));
  REQUIRE(together.size() == 1);
  const auto status = attribute(together.front(), "status");
  CHECK(contains(status, "cancelled"));
  CHECK_FALSE(contains(status, "held"));
}

TEST_CASE_METHOD(Fixture, "the Buenos Aires meeting: 1 December 2018, 45 minutes, the leaders' 24th", "[dataset]") {
  const auto together = gatherings_with(one("Shinzo Abe"), one("Vladimir Putin"));
  std::vector<EntityIndex> on_the_day;
  for (const EntityIndex e : together) {
    if (contains(attribute(e, "date"), "2018-12-01")) on_the_day.push_back(e);
  }
  REQUIRE(on_the_day.size() == 1);
  CHECK(contains(attribute(on_the_day.front(), "ordinal"), "24"));
  CHECK(contains(attribute(on_the_day.front(), "duration"), "PT45M"));
  CHECK(targets(on_the_day.front(), "held_in") == std::vector<EntityIndex>{one("Buenos Aires")});
}

TEST_CASE_METHOD(Fixture, "offices and special representatives are recorded", "[dataset]") {
  const auto office_of = [&](const std::string& person) {
    const auto type = *db->schema().find_relation_type("holds_office");
    std::set<std::pair<std::string, EntityIndex>> out;
    for (const auto& r : db->dataset().relations) {
      if (r.type == type && r.from == one(person)) out.emplace(property(r, "role"), r.to);
    }
    return out;
  };
  CHECK(office_of("Abe").count({"prime minister", one("Japan")}));
  CHECK(office_of("Putin").count({"president", one("Russia")}));
  CHECK(office_of("Kono").count({"foreign minister", one("Japan")}));
  CHECK(office_of("Lavrov").count({"foreign minister", one("Russia")}));
  CHECK(office_of("Morgulov").count({"deputy foreign minister", one("Russia")}));
}
