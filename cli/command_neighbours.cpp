// parley neighbours A: what lies within N relations of an entity.
#include <ostream>

#include "commands.h"
#include "csv_answers.h"
#include "exit_codes.h"
#include "graph_output.h"
#include "presentation.h"
#include "query_support.h"
#include "parley/query/entity_card.h"
#include "parley/query/neighbours.h"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

// Up to this depth a store reads the neighbourhood alone; deeper searches reach so much of a
// graph that one read of the whole store is cheaper than a lookup per entity.
constexpr long long kScopedDepth = 2;

// The centre, its neighbours and the relation that first reached each: the search's tree.
Subgraph tree_subgraph(const Dataset& data, const NeighboursResult& result) {
  Subgraph tree;
  tree.add_entity(result.center);
  tree.focus.push_back(result.center);
  for (const Neighbour& n : result.neighbours) tree.add_relation(data, n.relation);
  tree.normalize();
  return tree;
}

int run_neighbours(const CommandContext& context) {
  int exit_code = kExitOk;
  const OptionValues& vm = context.args.command_options;
  // The relations among the entities found cost most of a deep answer (at depth 3, most of the
  // graph): drawn by default, since a diagram needs them, and listed in JSON only when asked.
  const bool drawn = graph_format(context) || context.args.render;
  const std::string edges = vm.count("edges") ? vm["edges"].as<std::string>() : (drawn ? "among" : "tree");
  if (edges != "tree" && edges != "among") throw po::error("--edges takes tree or among, not \"" + edges + "\"");
  const bool among = edges == "among";
  ReadScope scope;
  scope.among = among;
  const long long depth = vm.count("depth") ? vm["depth"].as<long long>() : 1;
  if (vm.count("a") && depth >= 0 && depth <= kScopedDepth) {
    scope.names.push_back(vm["a"].as<std::string>());
    scope.depth = static_cast<std::size_t>(depth);
  }
  const Database* db = open_database(context, exit_code, scope.names.empty() ? nullptr : &scope);
  if (!db) return exit_code;
  if (!vm.count("a")) throw po::error("neighbours needs a name: parley neighbours A");
  NeighboursQuery query;
  query.center = entity_argument(*db, vm["a"].as<std::string>());
  query.depth = count_option(vm, "depth", 0, 1000);
  if (vm.count("types")) query.types = relation_types_option(*db, "types", vm["types"].as<std::string>());
  if (vm.count("kinds")) query.kinds = kinds_option(*db, "kinds", vm["kinds"].as<std::string>());
  query.directed = vm.count("directed") > 0;
  query.limit = count_option(vm, "limit", 1, 100000000);
  // Text and CSV list how each entity was reached (the tree); the relations among them are for
  // diagrams, and for JSON when asked.
  query.with_subgraph = among && (drawn || context.args.global.format == OutputFormat::kJson);
  const NeighboursResult result = neighbours(*db, query);
  const Dataset& data = db->dataset();
  const RelationSchema& schema = db->schema();

  if (drawn) {
    const int code = emit_graph(context, *db, among ? result.subgraph : tree_subgraph(data, result),
                                "Around " + data.entities[query.center].name);
    if (graph_format(context) || code != kExitOk) return code;
  }
  if (context.args.global.format == OutputFormat::kCsv) {
    write_neighbours_csv(context.out, *db, result);
    return kExitOk;
  }
  if (context.args.global.format == OutputFormat::kJson) {
    JsonOutput json;
    auto& w = json.writer();
    w.StartObject();
    json.key("center");
    write_entity_ref(json, *db, query.center);
    json.field("depth", std::uint64_t{query.depth});
    json.field("truncated", result.truncated);
    json.key("neighbours");
    w.StartArray();
    for (const Neighbour& n : result.neighbours) {
      w.StartObject();
      json.key("entity");
      write_entity_ref(json, *db, n.entity);
      json.field("distance", std::uint64_t{n.distance});
      json.key("reached_from");
      write_entity_ref(json, *db, n.parent);
      json.key("by");
      write_relation(json, *db, n.relation, n.forward);
      w.EndObject();
      json.flush(context.out);
    }
    w.EndArray();
    if (among) {
      json.key("relations");
      w.StartArray();
      for (const RelationIndex r : result.subgraph.relations) {
        write_relation(json, *db, r, true);
        json.flush(context.out);
      }
      w.EndArray();
    }
    w.EndObject();
    json.print(context.out);
    return kExitOk;
  }

  const Entity& center = data.entities[query.center];
  context.out << center.name << " (" << schema.kind(center.kind).name << "): " << result.neighbours.size()
              << (result.neighbours.size() == 1 ? " entity" : " entities") << " within " << query.depth
              << (query.depth == 1 ? " hop" : " hops") << '\n';
  std::size_t distance = 0;
  for (const Neighbour& n : result.neighbours) {
    if (n.distance != distance) {
      distance = n.distance;
      context.out << '\n' << distance << (distance == 1 ? " hop" : " hops") << '\n';
    }
    const Entity& e = data.entities[n.entity];
    context.out << "  ";
    if (n.distance > 1) context.out << data.entities[n.parent].name << ' ';
    context.out << "— " << reading(*db, n.relation, n.forward) << " → " << e.name << " (" << schema.kind(e.kind).name << ")\n";
  }
  if (result.truncated) context.out << "\n(stopped at --limit " << query.limit << " entities)\n";
  return kExitOk;
}

}  // namespace

Command neighbours_command() {
  Command command{{}, run_neighbours};
  CommandSpec& spec = command.spec;
  spec.name = "neighbours";
  spec.synopsis = "neighbours A [--depth N] [--types TYPE,...] [--kinds KIND,...] [--directed] [--limit N] [--edges tree|among]";
  spec.summary = "what surrounds A: every entity within N relations, and how it is reached";
  spec.formats = kEveryAnswerFormat;
  spec.formats.push_back(OutputFormat::kCsv);
  spec.options.add_options()
      ("a", po::value<std::string>()->value_name("A"), "the entity at the centre")
      ("depth", po::value<long long>()->default_value(1)->value_name("N"), "how many relations away")
      ("types", po::value<std::string>()->value_name("TYPE,..."), "follow only these relation types")
      ("kinds", po::value<std::string>()->value_name("KIND,..."), "reach only entities of these kinds (or below)")
      ("directed", "follow relations only away from A, in their own direction")
      ("limit", po::value<long long>()->default_value(10000)->value_name("N"), "stop after this many entities")
      ("edges", po::value<std::string>()->value_name("tree|among"),
       "tree: the relation that reached each entity; among: also every relation among them (default: among in diagrams, tree in JSON)");
  spec.positional.add("a", 1);
  return command;
}

}  // namespace parley::cli
