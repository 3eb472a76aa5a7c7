// What was known when: sources sorted by publication date, and the dataset restricted to what
// the known ones state, checked against the full dataset record by record.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "default_db.h"
#include "parley/load/known_by.h"
#include "parley/query/source_list.h"

using namespace parley;

namespace {

FuzzyDate date(const char* text) {
  const auto parsed = FuzzyDate::parse(text);
  REQUIRE(parsed);
  return *parsed;
}

Dataset with_sources(const std::vector<std::string>& published) {
  Dataset data;
  for (std::size_t i = 0; i < published.size(); ++i) {
    Source s;
    s.id = "s" + std::to_string(i);
    s.published = published[i];
    data.sources.push_back(s);
  }
  return data;
}

std::set<std::string> ids(const Dataset& data, const std::vector<SourceIndex>& sources) {
  std::set<std::string> out;
  for (const SourceIndex s : sources) out.insert(data.sources[s].id);
  return out;
}

// The set of source ids each fact of an entity (its own mention, aliases, attributes) cites.
std::size_t citations_of(const Dataset& data) {
  std::size_t n = 0;
  for (const auto& e : data.entities) {
    n += e.citations.size();
    for (const auto& a : e.aliases) n += a.citations.size();
    for (const auto& a : e.attributes) n += a.citations.size();
  }
  for (const auto& r : data.relations) n += r.citations.size();
  return n;
}

// Copies of the quotes of the entities' and relations' own citations, in order.
std::vector<std::string> quotes_of(const Dataset& data) {
  std::vector<std::string> out;
  for (const auto& e : data.entities) {
    for (const auto& c : e.citations) out.emplace_back(c.quote);
  }
  for (const auto& r : data.relations) {
    for (const auto& c : r.citations) out.emplace_back(c.quote);
  }
  return out;
}

}  // namespace

TEST_CASE("a source counts as known only when it was certainly published by the date", "[known-by]") {
  const Dataset data = with_sources({"2018-12", "early 2018-12", "2019-01-15", "2019-06", "", "2018"});
  const KnownBySources by_mid_december = sources_known_by(data, date("2018-12-15"));
  CHECK(ids(data, by_mid_december.known) == std::set<std::string>{"s1"});
  // "2018" and "2018-12" may each denote a day after the 15th.
  CHECK(ids(data, by_mid_december.uncertain) == std::set<std::string>{"s0", "s5"});
  CHECK(ids(data, by_mid_december.undated) == std::set<std::string>{"s4"});
  // A month as the date means its last day: everything of December is known by "2018-12".
  CHECK(ids(data, sources_known_by(data, date("2018-12")).known) == std::set<std::string>{"s0", "s1", "s5"});
  CHECK(ids(data, sources_known_by(data, date("2019-01-15")).known) == std::set<std::string>{"s0", "s1", "s2", "s5"});
  CHECK(sources_known_by(data, date("2017")).known.empty());
}

TEST_CASE("the dataset as known by a date keeps exactly what the known sources state", "[known-by]") {
  const Dataset& full = default_db().dataset();
  for (const char* when : {"2018-12-05", "2018-12", "2019-01-15", "2019-06", "2030"}) {
    INFO("known by " << when);
    const KnownBySources sources = sources_known_by(full, date(when));
    const std::set<SourceIndex> known(sources.known.begin(), sources.known.end());
    const Dataset part = dataset_known_by(full, sources);

    // Every citation kept is of a known source, and every citation of a known source is kept:
    // count them in the full dataset for the facts that survive.
    std::size_t known_citations = 0;
    const auto count_known = [&](const CitationList& citations) {
      std::size_t n = 0;
      for (const auto& c : citations) n += known.count(c.source);
      return n;
    };
    std::size_t relations_with_known = 0;
    for (const auto& r : full.relations) {
      const std::size_t n = count_known(r.citations);
      known_citations += n;
      relations_with_known += n > 0;
    }
    for (const auto& e : full.entities) {
      known_citations += count_known(e.citations);
      for (const auto& a : e.aliases) known_citations += count_known(a.citations);
      for (const auto& a : e.attributes) known_citations += count_known(a.citations);
    }
    CHECK(citations_of(part) == known_citations);
    CHECK(part.relations.size() == relations_with_known);

    std::set<std::string> named_by_relations;
    for (const auto& r : part.relations) {
      REQUIRE(r.from < part.entities.size());
      REQUIRE(r.to < part.entities.size());
      CHECK_FALSE(r.citations.empty());
      for (const auto& c : r.citations) CHECK(known.count(c.source) == 1);
      named_by_relations.insert(part.entities[r.from].id);
      named_by_relations.insert(part.entities[r.to].id);
      // Both ends are entities of the full dataset (renumbering lost none).
      const auto from = full.find_entity(part.entities[r.from].id);
      const auto to = full.find_entity(part.entities[r.to].id);
      REQUIRE(from);
      REQUIRE(to);
    }
    for (EntityIndex e = 0; e < part.entities.size(); ++e) {
      const Entity& entity = part.entities[e];
      CHECK(part.find_entity(entity.id) == e);
      // Kept because a known source mentions it, or a kept relation names it.
      CHECK((!entity.citations.empty() || named_by_relations.count(entity.id) == 1));
      for (const auto& a : entity.attributes) CHECK_FALSE(a.citations.empty());
    }
  }
}

TEST_CASE("a date after every source gives the whole dataset; one before all gives nothing", "[known-by]") {
  const Dataset& full = default_db().dataset();
  const Dataset all = dataset_known_by(full, sources_known_by(full, date("2030")));
  CHECK(all.entities.size() == full.entities.size());
  CHECK(all.relations.size() == full.relations.size());
  CHECK(citations_of(all) == citations_of(full));
  const Dataset none = dataset_known_by(full, sources_known_by(full, date("2000")));
  CHECK(none.entities.empty());
  CHECK(none.relations.empty());
}

TEST_CASE("a meeting reported held later was planned as known before", "[known-by]") {
  // The Kono–Lavrov meeting of 14 January 2019: "planned" in the December articles, "held" in
  // the Jiji Press article of 15 January.
  const Dataset& full = default_db().dataset();
  const auto statuses_known_by = [&](const char* when) {
    const Dataset part = dataset_known_by(full, sources_known_by(full, date(when)));
    std::set<std::string> values;
    const auto meeting = part.find_entity("kono-lavrov-moscow-2019-01-14");
    if (!meeting) return values;
    for (const Attribute* a : part.attribute_values(*meeting, "status")) values.insert(a->value);
    return values;
  };
  CHECK(statuses_known_by("2018-12") == std::set<std::string>{"planned"});
  CHECK(statuses_known_by("2019-01-15").count("held") == 1);
  CHECK(statuses_known_by("2018-11").empty());
}

TEST_CASE("each source's fact count is the number of facts citing it", "[known-by][sources]") {
  const Database& db = default_db();
  const auto summaries = summarise_sources(db);
  REQUIRE(summaries.size() == db.dataset().sources.size());
  std::map<SourceIndex, std::size_t> brute;
  const auto add = [&](const CitationList& citations) {
    std::set<SourceIndex> once;
    for (const auto& c : citations) once.insert(c.source);
    for (const SourceIndex s : once) ++brute[s];
  };
  for (const auto& e : db.dataset().entities) {
    add(e.citations);
    for (const auto& a : e.aliases) add(a.citations);
    for (const auto& a : e.attributes) add(a.citations);
  }
  for (const auto& r : db.dataset().relations) add(r.citations);
  for (const auto& s : summaries) CHECK(s.facts() == brute[s.source]);
}

TEST_CASE("the dataset as known by a date keeps its quotes after the full one is gone", "[known-by]") {
  // As `--known-by` does: the restricted database replaces the full one, whose quote pool the
  // restricted citations view. Each quote is read back after the full database is destroyed.
  Diagnostics diagnostics;
  auto full = Database::open({}, diagnostics);  // no paths: the embedded dataset
  REQUIRE(full);
  const KnownBySources sources = sources_known_by(full->dataset(), date("2019-01-15"));
  Dataset part = dataset_known_by(full->dataset(), sources);
  const std::vector<std::string> expected = quotes_of(part);
  REQUIRE(expected.size() > 10);
  auto restricted = full->with_dataset(std::move(part), diagnostics);
  REQUIRE(restricted);
  full.reset();
  const std::vector<std::string> read = quotes_of(restricted->dataset());
  CHECK(read == expected);
}
