// Every fact in the default dataset cites an article and quotes it verbatim. The articles stay
// beside the project in ../shared/seeds/, so this test reads them from there when present.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "parley/graph/database.h"

using namespace parley;
namespace fs = std::filesystem;

namespace {

// The article a source was curated from, or empty when it cannot be read.
std::string article_text(const fs::path& seeds, const Source& source) {
  std::ifstream in(seeds / source.file, std::ios::binary);
  if (!in) return {};
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::size_t word_count(std::string_view text) {
  std::istringstream in{std::string(text)};
  std::string word;
  std::size_t n = 0;
  while (in >> word) ++n;
  return n;
}

}  // namespace

TEST_CASE("every quote in the default dataset appears verbatim in the article it cites", "[dataset][quotes]") {
  const fs::path seeds = PARLEY_SEEDS_DIR;
  if (!fs::is_directory(seeds)) {
    WARN("skipped: the source articles are not at " << seeds.string() << " (they live in ../shared/seeds)");
    return;
  }
  Diagnostics diagnostics;
  const auto db = Database::open({}, diagnostics);
  REQUIRE(db);
  const Dataset& data = db->dataset();

  std::map<SourceIndex, std::string> articles;
  for (SourceIndex s = 0; s < data.sources.size(); ++s) {
    INFO("source " << data.sources[s].id);
    REQUIRE_FALSE(data.sources[s].file.empty());
    articles[s] = article_text(seeds, data.sources[s]);
    REQUIRE_FALSE(articles[s].empty());
  }

  std::size_t checked = 0;
  const auto check = [&](const CitationList& citations, const std::string& what) {
    for (const auto& c : citations) {
      INFO(what << " cites " << data.sources[c.source].id << ": \"" << c.quote << "\"");
      CHECK(articles[c.source].find(c.quote) != std::string::npos);
      CHECK(word_count(c.quote) <= 30);
      ++checked;
    }
  };
  for (const auto& e : data.entities) {
    check(e.citations, "entity " + e.id);
    for (const auto& a : e.aliases) check(a.citations, "alias " + a.name + " of " + e.id);
    for (const auto& a : e.attributes) check(a.citations, "attribute " + a.name + " of " + e.id);
  }
  for (const auto& r : data.relations) {
    check(r.citations, db->schema().relation_type(r.type).name + " " + data.entities[r.from].id + " -> " +
                           data.entities[r.to].id);
  }
  CHECK(checked > 500);
}

// A byline is the article's own words, like a quote, and every author it lists is named in it:
// the record says who wrote an article only as the article says so.
TEST_CASE("every byline in the default dataset appears verbatim in its article and names its authors",
          "[dataset][quotes]") {
  const fs::path seeds = PARLEY_SEEDS_DIR;
  if (!fs::is_directory(seeds)) {
    WARN("skipped: the source articles are not at " << seeds.string() << " (they live in ../shared/seeds)");
    return;
  }
  Diagnostics diagnostics;
  const auto db = Database::open({}, diagnostics);
  REQUIRE(db);
  std::size_t bylines = 0;
  for (const Source& source : db->dataset().sources) {
    INFO("source " << source.id << ", byline \"" << source.byline << "\"");
    const std::string text = article_text(seeds, source);
    REQUIRE_FALSE(text.empty());
    if (source.byline.empty()) {
      CHECK(source.authors.empty());
      continue;
    }
    CHECK(text.find(source.byline) != std::string::npos);
    for (const std::string& author : source.authors) CHECK(source.byline.find(author) != std::string::npos);
    ++bylines;
  }
  CHECK(bylines == 4);  // the Nikkei article, as saved, has no byline
}
