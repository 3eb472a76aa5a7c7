#include <catch2/catch.hpp>

#include "parley/graph/names.h"
#include "parley/common/suggest.h"

using parley::normalize_name;

TEST_CASE("names match regardless of case, accents and spacing", "[names]") {
  CHECK(normalize_name("Sergei Lavrov") == normalize_name("SERGEI  lavrov"));
  CHECK(normalize_name("Sergéi") == "sergei");
  CHECK(normalize_name("  Hoppo   Ryodo ") == "hoppo ryodo");
  CHECK(normalize_name("Kōno") == "kono");
  CHECK(normalize_name("Straße") == "strasse");         // full case folding
  CHECK(normalize_name("Лавров") == normalize_name("ЛАВРОВ"));
  CHECK(normalize_name("Йошкар") == normalize_name("Иошкар"));  // Cyrillic breve is an accent here
  CHECK(normalize_name("Ｇ２０") == "g20");                 // compatibility forms
}

TEST_CASE("marks that change a letter outside Latin, Greek and Cyrillic are kept", "[names]") {
  // が (ga) and か (ka) are different syllables, not accented variants.
  CHECK(normalize_name("が") != normalize_name("か"));
  CHECK(normalize_name("安倍晋三") == "安倍晋三");
}

TEST_CASE("distinct names stay distinct", "[names]") {
  CHECK(normalize_name("Habomai") != normalize_name("Habomais"));
  CHECK(normalize_name("Mori") != normalize_name("Morgulov"));
}

TEST_CASE("the bounded edit distance agrees with the full one within its bound", "[names][suggest]") {
  const std::vector<std::string> words = {"", "a", "abe", "Abe", "lavrov", "lavrof", "sergey lavrov", "sergei lavrov",
                                          "morgulov", "mori", "kono", "putin", "shikotan", "habomai islets", "xyz",
                                          std::string(130, 'a'), std::string(127, 'a') + "b", std::string(131, 'b')};
  for (const auto& a : words) {
    for (const auto& b : words) {
      for (std::size_t limit = 0; limit <= 6; ++limit) {
        INFO(a << " / " << b << " limit " << limit);
        const std::size_t full = parley::edit_distance(a, b);
        CHECK(parley::bounded_edit_distance(a, b, limit) == std::min(full, limit + 1));
      }
    }
  }
}

TEST_CASE("the ASCII shortcut folds exactly as ICU does", "[names]") {
  std::vector<std::string> samples = {"", " ", "Abe", "  Shinzo\tABE  ", "A\x01B", "x\x1Fy", "a\x0Bb\x0Cc\rd\ne",
                                      "~!@#$%^&*()_+{}|:<>?`-=[]\\;',./\"", "\x7F", "MiXeD CaSe 123"};
  std::string every_byte;
  for (int c = 1; c < 0x80; ++c) every_byte += static_cast<char>(c);
  samples.push_back(every_byte);
  for (int c = 1; c < 0x80; ++c) samples.push_back(std::string("a") + static_cast<char>(c) + "Z " + static_cast<char>(c));
  for (const auto& sample : samples) {
    INFO(sample);
    CHECK(normalize_name(sample) == parley::detail::normalize_name_with_icu(sample));
  }
}

TEST_CASE("aliases merged into the name index are found like names, and keys stay distinct", "[names]") {
  parley::Dataset dataset;
  const auto entity = [&](std::string id, std::string name, std::vector<std::string> aliases) {
    parley::Entity e;
    e.id = std::move(id);
    e.name = std::move(name);
    for (auto& a : aliases) e.aliases.push_back(parley::Alias{std::move(a), {}, {}});
    dataset.entities.push_back(std::move(e));
  };
  // Many names, so that the aliases' keys land among them in hash order.
  for (int i = 0; i < 200; ++i) entity("e" + std::to_string(i), "Name " + std::to_string(i), {});
  entity("abe", "Shinzo Abe", {"Abe", "Abe Shinzo", "ABE"});  // "ABE" folds to a key it already has
  entity("lavrov", "Sergei Lavrov", {"Lavrov"});
  parley::Diagnostics diagnostics;
  const auto index = parley::NameIndex::build(dataset, diagnostics);
  CHECK(diagnostics.size() == 0);
  CHECK(index.find(dataset, "abe shinzo") == std::vector<parley::EntityIndex>{200});
  CHECK(index.find(dataset, "Abe") == std::vector<parley::EntityIndex>{200});
  CHECK(index.find(dataset, "lavrov") == std::vector<parley::EntityIndex>{201});
  CHECK(index.find(dataset, "Name 17") == std::vector<parley::EntityIndex>{17});
  const auto& keys = index.keys();
  CHECK(std::adjacent_find(keys.begin(), keys.end()) == keys.end());
  CHECK(std::count(keys.begin(), keys.end(), "abe") == 1);
  CHECK(keys.size() == 200 + 2 + 3);  // the names, and "abe", "abe shinzo" and "lavrov" once each
}
