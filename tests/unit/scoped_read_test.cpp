// A scoped read answers exactly as the whole store does. For every entity of the default
// dataset's store and of a small generated store, and as of a transaction before a retraction,
// each query a scoped read serves (who-met, show, neighbours at depth 1 and 2, why, timeline, path)
// runs twice through the command line: on `--db STORE`, which reads only what the query needs,
// and on the whole store read into memory. Standard output, standard error and the exit code
// must be equal byte for byte.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <boost/range/iterator_range.hpp>

#include "generated_dataset.h"
#include "parley/graph/database.h"
#include "parley/store/open.h"
#include "parley/store/store.h"
#include "parley/store/write.h"
#include "runner.h"
#include "store_fixture.h"

using namespace parley;
namespace fs = std::filesystem;

namespace {

struct Answer {
  int exit_code;
  std::string out, err;
  bool operator==(const Answer&) const = default;
};

Answer run(const std::vector<std::string>& args, const Database* whole) {
  cli::RunSession session;
  session.database = whole;
  std::ostringstream out, err;
  const auto outcome = cli::run_command_line(args, session, out, err);
  return Answer{outcome.exit_code, out.str(), err.str()};
}

// How many queries were compared, and which was the first to differ.
struct Comparison {
  std::size_t queries = 0;
  std::string first_difference;
};

// Runs `query` on the store scoped (through --db) and whole (a database given to the runner).
void compare(const std::string& store, const std::vector<std::string>& as_of, const Database& whole,
             const std::vector<std::string>& query, Comparison& comparison) {
  std::vector<std::string> scoped_args = {"--db", store};
  scoped_args.insert(scoped_args.end(), as_of.begin(), as_of.end());
  scoped_args.insert(scoped_args.end(), query.begin(), query.end());
  const Answer scoped = run(scoped_args, nullptr);
  const Answer full = run(query, &whole);
  ++comparison.queries;
  if (!(scoped == full) && comparison.first_difference.empty()) {
    std::string line;
    for (const auto& a : scoped_args) line += a + ' ';
    comparison.first_difference = line + "\n--- scoped (exit " + std::to_string(scoped.exit_code) + ")\n" + scoped.out +
                                  scoped.err + "\n--- whole (exit " + std::to_string(full.exit_code) + ")\n" +
                                  full.out + full.err;
  }
}

// Every scoped query about every entity of the store as of `tx` (0: the latest); with `every`
// above 1, about every person and gathering but only every `every`-th entity of other kinds
// (a generated store has thousands of places and agreements, alike in shape), in JSON only.
Comparison compare_all(const std::string& store, std::int64_t tx, std::size_t every = 1) {
  Diagnostics diagnostics;
  const AsOf as_of{tx ? std::optional<std::int64_t>(tx) : std::nullopt, std::nullopt};
  const auto whole = open_dataset_or_store({store}, as_of, diagnostics);
  REQUIRE(whole);
  const std::vector<std::string> as_of_args =
      tx ? std::vector<std::string>{"--as-of-tx", std::to_string(tx)} : std::vector<std::string>{};
  const Dataset& data = whole->dataset();
  Comparison comparison;
  const std::size_t n = data.entities.size();
  // who-met --at a state: the venues' chains of located_in and capital_of must reach it.
  std::string state;
  for (const Entity& e : data.entities) {
    if (whole->schema().kind(e.kind).name == "state") {
      state = e.id;
      break;
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const Entity& e = data.entities[i];
    const std::string& kind = whole->schema().kind(e.kind).name;
    if (every > 1 && kind != "person" && !whole->schema().is_gathering(e.kind) && i % every != 0) continue;
    for (const char* format : {"json", "text"}) {
      if (every > 1 && std::string(format) == "text") continue;
      const std::vector<std::string> queries[] = {
          {"--format", format, "who-met", e.id},
          {"--format", format, "who-met", e.id, "--status", "any"},
          {"--format", format, "show", e.id},
          {"--format", format, "neighbours", e.id},
          {"--format", format, "neighbours", e.id, "--depth", "2"},
          {"--format", format, "timeline", e.id},
      };
      for (const auto& q : queries) compare(store, as_of_args, *whole, q, comparison);
    }
    // By name as people type it: namesakes and word matches resolve as in the whole store.
    compare(store, as_of_args, *whole, {"--format", "json", "who-met", e.name}, comparison);
    compare(store, as_of_args, *whole, {"show", e.name}, comparison);
    // Compact rows come from the event table of what was read: participants' ids included.
    if (kind == "person") {
      compare(store, as_of_args, *whole, {"--format", "json", "who-met", e.id, "--rows", "compact", "--status", "any"},
              comparison);
    }
    // Its words in another order, after a comma, and after a title ("Putin, Vladimir",
    // "President Vladimir Putin"): found through the keys of its words.
    if (const auto space = e.name.rfind(' '); space != std::string::npos) {
      const std::string reordered = e.name.substr(space + 1) + ", " + e.name.substr(0, space);
      compare(store, as_of_args, *whole, {"--format", "json", "who-met", reordered}, comparison);
      compare(store, as_of_args, *whole, {"show", "President " + reordered}, comparison);
    }
    if (!state.empty()) {
      compare(store, as_of_args, *whole, {"--format", "json", "who-met", e.id, "--status", "any", "--at", state}, comparison);
    }
    // why and who-met of two: a neighbour, the next entity in the file and, for some, one far
    // away (often unlinked: why then needs a path, and reads the whole store).
    std::vector<std::string> partners = {data.entities[(i + 1) % n].id};
    if (i % 5 == 0) partners.push_back(data.entities[(i * 7 + n / 2) % n].id);
    for (const Edge edge : boost::make_iterator_range(out_edges(static_cast<EntityIndex>(i), whole->graph()))) {
      partners.push_back(data.entities[target(edge, whole->graph())].id);
      break;
    }
    for (const auto& partner : partners) {
      compare(store, as_of_args, *whole, {"--format", "json", "why", e.id, partner}, comparison);
      compare(store, as_of_args, *whole, {"--format", "json", "who-met", e.id, partner, "--status", "any"}, comparison);
      // path reads around both ends, deeper until its search stays inside what it read.
      compare(store, as_of_args, *whole, {"--format", "json", "path", e.id, partner}, comparison);
      compare(store, as_of_args, *whole, {"path", e.id, partner, "--directed"}, comparison);
      compare(store, as_of_args, *whole, {"--format", "json", "path", e.id, partner, "--avoid", "participant_in"}, comparison);
      compare(store, as_of_args, *whole, {"--format", "json", "path", e.id, partner, "--max-hops", "3"}, comparison);
    }
  }
  // Names no key finds fall back to the whole store's suggestions; --at a place takes its chain.
  compare(store, as_of_args, *whole, {"who-met", "Abx"}, comparison);
  compare(store, as_of_args, *whole, {"show", "no such entity at all"}, comparison);
  return comparison;
}

}  // namespace

TEST_CASE("a scoped read answers every query about every entity of the default store as the whole store does",
          "[store][scoped]") {
  TempDir dir("parley-scoped-test");
  const std::string store = dir / "talks.parley";
  build_store(store, {});
  const Comparison comparison = compare_all(store, 0);
  INFO(comparison.first_difference);
  CHECK(comparison.first_difference.empty());
  CHECK(comparison.queries > 82 * 12);
}

TEST_CASE("a scoped read answers as the whole store does on generated data", "[store][scoped]") {
  TempDir dir("parley-scoped-test");
  const std::string store = dir / "generated.parley";
  build_store(store, {generated_dataset(dir, "--scale 0.004 --seed 7")});
  const Comparison comparison = compare_all(store, 0, 40);
  INFO(comparison.first_difference);
  CHECK(comparison.first_difference.empty());
  CHECK(comparison.queries > 300 * 10);
}

TEST_CASE("a scoped read answers as the whole store does before and after a retraction", "[store][scoped]") {
  TempDir dir("parley-scoped-test");
  const std::string store = dir / "talks.parley";
  build_store(store, {});
  Diagnostics diagnostics;
  {
    auto opened = Store::open(store, diagnostics);
    REQUIRE(opened);
    AddMeeting meeting;
    meeting.participants = {"Lavrov", "Kono"};
    meeting.at = "Tokyo";
    meeting.date = "2019-05-31";
    meeting.status = "held";
    meeting.id = "lavrov-kono-tokyo";
    meeting.provenance = {"asahi-2019-06", "Lavrov visited Tokyo"};
    AddAlias alias{"Morgulov", "the deputy", "", std::nullopt};
    WriteResult result;
    REQUIRE(apply_writes(*opened, {Write{"add meeting", meeting}, Write{"add alias", alias}},
                         TransactionInfo{0, "", "tester", "a meeting"}, {}, result, diagnostics));
    Retract meeting_gone;
    meeting_gone.what = Retract::What::kEntity;
    meeting_gone.target = "lavrov-kono-tokyo";
    meeting_gone.with_relations = true;
    Retract alias_gone;
    alias_gone.what = Retract::What::kAlias;
    alias_gone.target = "Morgulov";
    alias_gone.name = "the deputy";
    Retract lavrov_alias;
    lavrov_alias.what = Retract::What::kAlias;
    lavrov_alias.target = "sergey-lavrov";
    lavrov_alias.name = "Lavrov";
    for (const auto& d : diagnostics.items()) UNSCOPED_INFO(d.to_string());
    REQUIRE(apply_writes(*opened, {Write{"retract", meeting_gone}, Write{"retract", alias_gone}, Write{"retract", lavrov_alias}},
                         TransactionInfo{0, "", "tester", "retracted"}, {}, result, diagnostics));
  }
  for (const auto& d : diagnostics.items()) UNSCOPED_INFO(d.to_string());
  for (const std::int64_t tx : {2, 3}) {
    const Comparison comparison = compare_all(store, tx);
    INFO("as of transaction " << tx << "\n" << comparison.first_difference);
    CHECK(comparison.first_difference.empty());
  }
  // The retracted alias is still a key, but it finds no current entity: the whole store answers.
  const Answer gone = run({"--db", store, "show", "the deputy"}, nullptr);
  CHECK(gone.exit_code != 0);
  CHECK(run({"--db", store, "--as-of-tx", "2", "show", "the deputy"}, nullptr).out.find("Igor Morgulov") != std::string::npos);
}

// Stores of formats 2 and 3 (the latter written by parley before relation ids) are read whole,
// upgraded by their first write, and then read in part with every row's hash as a scoped read
// computes it.
TEST_CASE("a store of an older format is read whole, and once upgraded by a write its scoped reads answer as it does",
          "[store][scoped]") {
  const auto [fixture, format] = GENERATE(std::pair("v2-default.parley", 2), std::pair("v3-default.parley", 3));
  INFO(fixture);
  TempDir dir("parley-scoped-test");
  const std::string store = dir / "old.parley";
  fs::copy_file(std::string(PARLEY_SOURCE_DIR) + "/tests/fixtures/store/" + fixture, store);
  Diagnostics diagnostics;
  ReadScope about_abe;
  about_abe.names = {"Abe"};
  {
    auto opened = Store::open(store, diagnostics);
    REQUIRE(opened);
    CHECK(opened->format() == format);
    Dataset subset;
    CHECK(opened->read_scoped(embedded_schema(), {}, about_abe, subset, diagnostics) ==
          Store::ScopedResult::kWhole);
    AddAlias alias{"Abe", "Abe Shinzo", "", std::nullopt};
    WriteResult result;
    REQUIRE(apply_writes(*opened, {Write{"add alias", alias}}, TransactionInfo{0, "", "tester", "upgrade"}, {}, result,
                         diagnostics));
    CHECK(opened->format() == kStoreFormatVersion);
  }
  for (const auto& d : diagnostics.items()) UNSCOPED_INFO(d.to_string());
  auto reopened = Store::open(store, diagnostics);
  REQUIRE(reopened);
  CHECK(reopened->format() == kStoreFormatVersion);
  Dataset subset;
  REQUIRE(reopened->read_scoped(embedded_schema(), {}, about_abe, subset, diagnostics) ==
          Store::ScopedResult::kRead);
  CHECK(subset.entities.size() < 82);
  CHECK(subset.entity_by_id.find("shinzo-abe"));
  // Every row's hash, filled by the upgrade, matches what a scoped read computes.
  for (const std::int64_t tx : {1, 2}) {
    const Comparison comparison = compare_all(store, tx);
    INFO("as of transaction " << tx << "\n" << comparison.first_difference);
    CHECK(comparison.first_difference.empty());
  }
}

TEST_CASE("a name written as people write it is found through the keys of its words, without the whole store",
          "[store][scoped]") {
  TempDir dir("parley-scoped-test");
  const std::string path = dir / "talks.parley";
  build_store(path, {});
  Diagnostics diagnostics;
  auto store = Store::open(path, diagnostics);
  REQUIRE(store);
  for (const char* name : {"Putin, Vladimir", "President Putin Vladimir", "Lavrov Sergey"}) {
    INFO(name);
    ReadScope scope;
    scope.names = {name};
    Dataset subset;
    REQUIRE(store->read_scoped(embedded_schema(), {}, scope, subset, diagnostics) == Store::ScopedResult::kRead);
    CHECK(subset.find_entity(std::string(name).find("Putin") != std::string::npos ? "vladimir-putin" : "sergey-lavrov"));
    CHECK(subset.entities.size() < 82);
  }
  // Words no entity has together: nothing to read scoped; the whole store says so.
  ReadScope nobody;
  nobody.names = {"Putin, Sergey"};
  Dataset subset;
  CHECK(store->read_scoped(embedded_schema(), {}, nobody, subset, diagnostics) == Store::ScopedResult::kWhole);
}
