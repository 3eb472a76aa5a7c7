// A quote that hedges ("may hold", "Maybe I will", "expected to attend") does not support a firm
// status. Any relation or attribute whose status is "held" or "planned" but whose quote carries a
// hedging word must say why it is firm anyway: a modality or a note on a relation, a qualifier on
// an attribute. Run over the default dataset, so a curator's slip fails here.
#include <catch2/catch.hpp>

#include <array>
#include <cctype>
#include <string>
#include <string_view>

#include "parley/graph/database.h"

using namespace parley;

namespace {

constexpr std::array<std::string_view, 7> kHedges = {"may",        "might",    "maybe",   "could",
                                                     "suggesting", "possibly", "expected"};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The first hedging word in the quote, as a whole word ("may", not "mayor"), or empty.
std::string_view hedge_in(std::string_view quote) {
  const std::string text = lower(quote);
  const auto is_letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
  for (const std::string_view word : kHedges) {
    for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
      const bool starts = at == 0 || !is_letter(text[at - 1]);
      const std::size_t end = at + word.size();
      const bool ends = end == text.size() || !is_letter(text[end]);
      // "May 31" is the month, not the verb.
      const bool month = word == "may" && end + 1 < text.size() && text[end] == ' ' &&
                         std::isdigit(static_cast<unsigned char>(text[end + 1])) != 0;
      if (starts && ends && !month) return word;
    }
  }
  return {};
}

bool firm(std::string_view status) { return status == "held" || status == "planned"; }

}  // namespace

TEST_CASE("hedging words are found as whole words only", "[dataset][hedging]") {
  CHECK(hedge_in("Kono and Lavrov may hold their next meeting") == "may");
  CHECK(hedge_in("\xE2\x80\x9CMaybe I will get a chance to visit Japan\xE2\x80\x9D") == "maybe");
  CHECK(hedge_in("with Putin expected to attend") == "expected");
  CHECK(hedge_in("the mayor of Osaka could") == "could");
  CHECK(hedge_in("the mayor of Osaka") == "");
  CHECK(hedge_in("Mayday") == "");
  CHECK(hedge_in("in Tokyo on May 31") == "");
}

TEST_CASE("no hedged quote stands behind a held or planned status without saying why", "[dataset][hedging]") {
  Diagnostics diagnostics;
  const auto db = Database::open({}, diagnostics);
  REQUIRE(db);
  const Dataset& data = db->dataset();
  const RelationSchema& schema = db->schema();
  const auto status = schema.find_property("status");
  const auto modality = schema.find_property("modality");
  const auto note = schema.find_property("note");
  REQUIRE(status);
  REQUIRE(modality);
  REQUIRE(note);

  std::size_t firm_facts = 0;
  for (const auto& r : data.relations) {
    if (!firm(r.property(*status))) continue;
    ++firm_facts;
    const bool says_why = !r.property(*modality).empty() || !r.property(*note).empty();
    for (const auto& c : r.citations) {
      INFO(schema.relation_type(r.type).name << " " << data.entities[r.from].id << " -> " << data.entities[r.to].id
                                             << " (status " << r.property(*status) << ") cites "
                                             << data.sources[c.source].id << ": \"" << c.quote << "\"");
      CHECK((hedge_in(c.quote).empty() || says_why));
    }
  }
  for (const auto& e : data.entities) {
    for (const auto& a : e.attributes) {
      if (a.name != "status" || !firm(a.value)) continue;
      ++firm_facts;
      for (const auto& c : a.citations) {
        INFO("status " << a.value << " of " << e.id << " cites " << data.sources[c.source].id << ": \"" << c.quote
                       << "\"");
        CHECK((hedge_in(c.quote).empty() || !a.qualifier.empty()));
      }
    }
  }
  CHECK(firm_facts > 20);  // the check ran over the meetings, not over nothing
}
