// Names as people write them: words in any order, commas, titles, a hyphen for a dash; and what
// must never match. Each case names entities by id, so a failure says which rule broke.
#include <catch2/catch.hpp>

#include <algorithm>
#include <tuple>

#include "default_db.h"
#include "parley/graph/names.h"
#include "parley/query/resolve.h"

using namespace parley;

namespace {

struct Names {
  Dataset dataset;
  NameIndex index;
  std::vector<std::string> ids(std::string_view query) const {
    std::vector<std::string> out;
    for (const EntityIndex e : index.find(dataset, query)) out.push_back(dataset.entities[e].id);
    std::sort(out.begin(), out.end());
    return out;
  }
};

Names build(std::vector<std::tuple<std::string, std::string, std::vector<std::string>>> entities,
            const std::vector<std::string>& titles = {"mr", "prime minister", "president", "minister"}) {
  Names names;
  for (auto& [id, name, aliases] : entities) {
    Entity e;
    e.id = id;
    e.name = name;
    for (auto& a : aliases) e.aliases.push_back(Alias{a, {}, {}});
    names.dataset.entities.push_back(std::move(e));
  }
  Diagnostics diagnostics;
  names.index = NameIndex::build(names.dataset, diagnostics, titles);
  REQUIRE(diagnostics.size() == 0);
  return names;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("name words split at spaces, commas, full stops, hyphens and dashes", "[names][name-forms]") {
  CHECK(name_words("putin, vladimir") == std::vector<std::string_view>{"putin", "vladimir"});
  CHECK(name_words("kono-lavrov meeting") == std::vector<std::string_view>{"kono", "lavrov", "meeting"});
  CHECK(name_words("kono\u2013lavrov") == std::vector<std::string_view>{"kono", "lavrov"});  // en dash
  CHECK(name_words("a\u2014b\u2010c\u2212d") == std::vector<std::string_view>{"a", "b", "c", "d"});
  CHECK(name_words("mr. abe") == std::vector<std::string_view>{"mr", "abe"});
  CHECK(name_words(" , ").empty());
  CHECK(name_words("putin\u2019s") == std::vector<std::string_view>{"putin\u2019s"});  // an apostrophe joins
}

TEST_CASE("word order, commas, titles and dashes find the one entity meant", "[names][name-forms]") {
  const Names names = build({{"abe", "Shinzo Abe", {"Abe"}},
                             {"putin", "Vladimir Putin", {"Putin"}},
                             {"kl", "Kono\u2013Lavrov meeting in Moscow", {}}});
  CHECK(names.ids("Abe Shinzo") == Ids{"abe"});
  CHECK(names.ids("abe, shinzo") == Ids{"abe"});
  CHECK(names.ids("Putin, Vladimir") == Ids{"putin"});
  CHECK(names.ids("Prime Minister Abe") == Ids{"abe"});
  CHECK(names.ids("Prime Minister Shinzo Abe") == Ids{"abe"});
  CHECK(names.ids("Mr. Abe") == Ids{"abe"});
  CHECK(names.ids("Mr Prime Minister Abe") == Ids{"abe"});  // titles one after another
  CHECK(names.ids("President Putin") == Ids{"putin"});
  CHECK(names.ids("Kono-Lavrov meeting in Moscow") == Ids{"kl"});
  CHECK(names.ids("kono \u2014 lavrov meeting in moscow") == Ids{"kl"});
}

TEST_CASE("what must not match by words", "[names][name-forms]") {
  const Names names = build({{"abe", "Shinzo Abe", {"Abe"}},
                             {"abel", "Abel Tasman", {}},
                             {"putin", "Vladimir Putin", {}},
                             {"pm", "Prime Minister", {}}});
  CHECK(names.ids("Abel") == Ids{"abel"});
  CHECK(names.ids("Mr. Abel") == Ids{"abel"});
  CHECK(names.ids("Abe Tasman").empty());   // "abe" is a whole word, not a prefix of "abel"
  CHECK(names.ids("Shinzo Abel").empty());
  CHECK(names.ids("Shinzo Putin").empty());  // words of two entities are not one entity
  CHECK(names.ids("Shinzo Abe Abe").empty());  // the same words, the same number of times
  CHECK(names.ids("Vladimir").size() == 1);  // one word still finds a name containing it
  CHECK(names.ids("Prime Minister") == Ids{"pm"});  // a title is kept when nothing else is left
  CHECK(names.ids("President").empty());
  CHECK(names.ids("President Abel Tasman") == Ids{"abel"});
  CHECK(names.ids("President Mr") .empty());
}

TEST_CASE("entities sharing a name's words stay apart: the lookup is ambiguous", "[names][name-forms]") {
  const Names names = build({{"taro-kono", "Taro Kono", {}}, {"kono-taro", "Kono Taro", {}}, {"kt", "Kono, Taro", {}}});
  CHECK(names.ids("Taro Kono") == Ids{"taro-kono"});  // an exact name wins
  CHECK(names.ids("Kono Taro") == Ids{"kono-taro"});
  CHECK(names.ids("Taro, Kono") == Ids{"kono-taro", "kt", "taro-kono"});  // no exact name: all of them
}

TEST_CASE("titles come from the schema and from an extension", "[names][name-forms]") {
  const Names without = build({{"abe", "Shinzo Abe", {"Abe"}}}, {});
  CHECK(without.ids("Prime Minister Abe").empty());
  const Names with = build({{"abe", "Shinzo Abe", {"Abe"}}}, {"Sōri", "Prime-Minister"});
  CHECK(with.ids("Sori Abe") == Ids{"abe"});           // titles are normalised like names
  CHECK(with.ids("prime minister abe") == Ids{"abe"});  // and split into words like them
  CHECK(default_db().schema().name_titles().size() > 10);
}

TEST_CASE("the default dataset resolves every form of issue 13", "[names][name-forms]") {
  const Database& db = default_db();
  const auto id_of = [&](std::string_view text) {
    Diagnostics diagnostics;
    const auto e = resolve_entity(db, text, diagnostics);
    return e ? db.dataset().entities[*e].id : std::string("(none)");
  };
  CHECK(id_of("Abe Shinzo") == "shinzo-abe");
  CHECK(id_of("Kono Taro") == "taro-kono");
  CHECK(id_of("Putin, Vladimir") == "vladimir-putin");
  CHECK(id_of("Prime Minister Abe") == "shinzo-abe");
  CHECK(id_of("Mr. Abe") == "shinzo-abe");
  CHECK(id_of("President Putin") == "vladimir-putin");
  CHECK(id_of("Kono-Lavrov meeting in Moscow") == "kono-lavrov-moscow-2019-01-14");
  CHECK(id_of("Lavrov, Sergei") == "sergey-lavrov");
}

TEST_CASE("a name that still fails is answered with names sharing its words", "[names][name-forms]") {
  const Database& db = default_db();
  const auto message = [&](std::string_view text) {
    Diagnostics diagnostics;
    CHECK_FALSE(resolve_entity(db, text, diagnostics));
    REQUIRE(diagnostics.size() == 1);
    return diagnostics.items().front().message;
  };
  CHECK_THAT(message("Abe Shinzou"), Catch::Contains("\"Shinzo Abe\""));
  CHECK_THAT(message("Vladimir Vladimirovich Putin"), Catch::Contains("\"Vladimir Putin\""));
  CHECK_THAT(message("Secretary Lavrof"), Catch::Contains("\"Sergey Lavrov\""));  // a typo in a word
}
