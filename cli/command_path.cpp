// parley path A B: how two entities are connected, one hop per line in the relations' readings.
#include <ostream>

#include "commands.h"
#include "csv_answers.h"
#include "exit_codes.h"
#include "graph_output.h"
#include "presentation.h"
#include "query_support.h"
#include "parley/query/entity_card.h"
#include "parley/query/event_facts.h"
#include "parley/query/path.h"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

// "— deputy foreign minister of → Russia" or "— met at <gathering> (date) → Sergey Lavrov".
std::string hop_text(const Database& db, const Hop& hop) {
  const Dataset& data = db.dataset();
  if (hop.met_at) {
    CitationList both = data.relations[hop.relation].citations;
    both.append(data.relations[*hop.second].citations);
    return "— met at " + data.entities[*hop.met_at].name + " (" + date_text(read_event(db, *hop.met_at)) + ") → " +
           data.entities[hop.to].name + "  " + sources_text(data, both);
  }
  return "— " + reading(db, hop.relation, hop.forward) + " → " + data.entities[hop.to].name + relation_qualifiers(db, hop.relation) +
         "  " + sources_text(data, data.relations[hop.relation].citations);
}

// The query a line asks, on `db`: its names resolved, its options checked.
PathQuery path_query(const Database& db, const OptionValues& vm) {
  if (!vm.count("a") || !vm.count("b")) throw po::error("path needs two names: parley path A B");
  PathQuery query;
  query.from = entity_argument(db, vm["a"].as<std::string>());
  query.to = entity_argument(db, vm["b"].as<std::string>());
  query.all_shortest = vm.count("all") > 0;
  query.k = count_option(vm, "k", 1, 10000);
  if (vm.count("max-hops")) query.max_hops = count_option(vm, "max-hops", 0, 1000);
  if (vm.count("via")) query.via = relation_types_option(db, "via", vm["via"].as<std::string>());
  if (vm.count("avoid")) query.avoid = relation_types_option(db, "avoid", vm["avoid"].as<std::string>());
  query.directed = vm.count("directed") > 0;
  query.met = vm.count("met") > 0;
  query.limit = count_option(vm, "limit", 1, 100000);
  if (query.all_shortest && !vm["k"].defaulted()) throw po::error("--all and --k ask for different things: give one");
  return query;
}

// A store is read around the two ends, a level deeper each time, until the search stays
// inside what was read (PathResult::levels_read); past this depth, or when the records around
// them are a large part of the store, it is read whole. (--all and --k search from one end,
// and --met's hops through gatherings reach twice as far: those read the whole store. So does
// a diagram: DOT, GraphML and GEXF name nodes and edges by their place in what was read.)
constexpr std::size_t kScopedPathDepth = 3;

int run_path(const CommandContext& context) {
  int exit_code = kExitOk;
  const OptionValues& vm = context.args.command_options;
  ReadScope scope;
  const bool drawn = graph_format(context) || context.args.render;
  if (vm.count("a") && vm.count("b") && !vm.count("all") && vm["k"].defaulted() && !vm.count("met") && !drawn) {
    scope.names = {vm["a"].as<std::string>(), vm["b"].as<std::string>()};
  }
  const Database* db = nullptr;
  PathQuery query;
  PathResult result;
  for (std::size_t depth = 1;; ++depth) {
    scope.depth = depth;
    bool read_in_part = false;
    db = open_database(context, exit_code, !scope.names.empty() && depth <= kScopedPathDepth ? &scope : nullptr,
                       &read_in_part);
    if (!db) return exit_code;
    query = path_query(*db, vm);
    result = find_paths(*db, query);
    if (!read_in_part || result.levels_read <= depth) break;
  }
  const Dataset& data = db->dataset();

  if (drawn) {
    Subgraph subgraph;
    subgraph.focus = {query.from, query.to};
    subgraph.add_entity(query.from);
    subgraph.add_entity(query.to);
    for (const Path& path : result.paths) {
      for (const Hop& hop : path.hops) {
        subgraph.add_relation(data, hop.relation);
        if (hop.second) subgraph.add_relation(data, *hop.second);
      }
    }
    const int code = emit_graph(context, *db, subgraph, "From " + data.entities[query.from].name + " to " + data.entities[query.to].name);
    if (graph_format(context) || code != kExitOk) return code;
  }
  if (context.args.global.format == OutputFormat::kCsv) {
    write_paths_csv(context.out, *db, result);
    return kExitOk;
  }
  if (context.args.global.format == OutputFormat::kJson) {
    JsonOutput json;
    auto& w = json.writer();
    w.StartObject();
    json.key("from");
    write_entity_ref(json, *db, query.from);
    json.key("to");
    write_entity_ref(json, *db, query.to);
    json.field("found", !result.paths.empty());
    json.field("truncated", result.truncated);
    json.key("paths");
    w.StartArray();
    for (const Path& path : result.paths) write_path_json(json, *db, path);
    w.EndArray();
    w.EndObject();
    json.print(context.out);
    return kExitOk;
  }

  const std::string between = data.entities[query.from].name + " and " + data.entities[query.to].name;
  if (result.paths.empty()) {
    context.out << "No path between " << between;
    if (query.max_hops) context.out << " within " << *query.max_hops << (*query.max_hops == 1 ? " hop" : " hops");
    if (!query.via.empty() || !query.avoid.empty() || query.directed) context.out << " with the filters given";
    context.out << ".\n";
    return kExitOk;
  }
  for (std::size_t i = 0; i < result.paths.size(); ++i) {
    const Path& path = result.paths[i];
    if (result.paths.size() > 1) context.out << (i ? "\n" : "") << "Path " << i + 1 << " of " << result.paths.size() << ' ';
    context.out << '(' << path.hops.size() << (path.hops.size() == 1 ? " hop" : " hops") << ")\n";
    context.out << "  " << data.entities[query.from].name << '\n';
    for (const Hop& hop : path.hops) context.out << "    " << hop_text(*db, hop) << '\n';
  }
  if (result.truncated) context.out << "\n(only the first " << query.limit << " paths are shown; raise --limit for more)\n";
  return kExitOk;
}

}  // namespace

Command path_command() {
  Command command{{}, run_path};
  CommandSpec& spec = command.spec;
  spec.name = "path";
  spec.synopsis =
      "path A B [--all | --k N] [--max-hops N] [--via TYPE,...] [--avoid TYPE,...] [--directed] [--met] [--limit N]";
  spec.summary = "how A and B are connected: the shortest chain of relations, read hop by hop";
  spec.formats = kEveryAnswerFormat;
  spec.formats.push_back(OutputFormat::kCsv);
  spec.options.add_options()
      ("a", po::value<std::string>()->value_name("A"), "where the path starts: id, name or alias")
      ("b", po::value<std::string>()->value_name("B"), "where it ends")
      ("all", "every shortest path, not only one")
      ("k", po::value<long long>()->default_value(1)->value_name("N"), "the N shortest simple paths (at most 10,000)")
      ("max-hops", po::value<long long>()->value_name("N"), "no path longer than N hops")
      ("via", po::value<std::string>()->value_name("TYPE,..."), "follow only these relation types")
      ("avoid", po::value<std::string>()->value_name("TYPE,..."), "never follow these relation types")
      ("directed", "follow relations only in their own direction")
      ("met", "two actors at the same gathering are one hop apart")
      ("limit", po::value<long long>()->default_value(100)->value_name("N"), "at most this many paths (at most 100,000)");
  spec.positional.add("a", 1).add("b", 1);
  return command;
}

}  // namespace parley::cli
