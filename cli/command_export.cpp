// parley export: the whole graph as DOT, GraphML or GEXF, every record as a JSON dataset file, or
// the graph as tables (CSV, Neo4j bulk import, Kuzu) written into the folder -o names.
#include <limits>
#include <ostream>

#include "commands.h"
#include "exit_codes.h"
#include "graph_output.h"
#include "output_folder.h"
#include "parley/export/dataset_json.h"
#include "parley/export/table_export.h"
#include "parley/query/neighbours.h"
#include "parley/store/open.h"
#include "presentation.h"
#include "query_support.h"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

std::optional<TableFormat> table_format(OutputFormat format) {
  switch (format) {
    case OutputFormat::kCsv: return TableFormat::kCsv;
    case OutputFormat::kNeo4j: return TableFormat::kNeo4j;
    case OutputFormat::kKuzu: return TableFormat::kKuzu;
    default: return std::nullopt;
  }
}

// The whole graph, or with --around A, what lies within --depth relations of A and every
// relation among those entities.
Subgraph exported(const CommandContext& context, const Database& db) {
  const OptionValues& vm = context.args.command_options;
  if (!vm.count("around")) {
    if (!vm["depth"].defaulted()) throw po::error("--depth goes with --around A");
    return Subgraph::whole(db.dataset());
  }
  NeighboursQuery query;
  query.center = entity_argument(db, vm["around"].as<std::string>());
  query.depth = count_option(vm, "depth", 0, 1000);
  query.limit = std::numeric_limits<std::size_t>::max();
  Subgraph subgraph = neighbours(db, query).subgraph;
  subgraph.normalize();
  return subgraph;
}

int run_export(const CommandContext& context) {
  int exit_code = kExitOk;
  const Database* db = open_database(context, exit_code);
  if (!db) return exit_code;
  const Dataset& data = db->dataset();
  const Subgraph whole = exported(context, *db);
  if (const auto table = table_format(context.args.global.format)) {
    if (context.args.render) {
      if (const int code = emit_graph(context, *db, whole, ""); code != kExitOk) return code;
    }
    const std::string error = write_output_folder(context.args.global.output, table_export_files(*db, whole, *table));
    if (!error.empty()) {
      context.err << "parley: error[io-error]: " << error << '\n';
      return kExitIoError;
    }
    return kExitOk;
  }
  if (context.args.global.format == OutputFormat::kJson) {
    if (context.args.render) {
      if (const int code = emit_graph(context, *db, whole, ""); code != kExitOk) return code;
    }
    // Every record with every value, in the dataset file format: lossless, so that `check` accepts
    // it and `build` turns it back into the same store (docs/writes.md). The title, description
    // and schema extension too: the store's, or the files'. With --around, the records of the
    // subgraph and the sources they cite: a dataset of its own.
    const DatasetJsonFilter filter =
        context.args.command_options.count("around") ? subgraph_filter(data, db->schema(), whole) : DatasetJsonFilter{};
    write_dataset_json(context.out, data, db->schema(), data.about, filter);
    return kExitOk;
  }
  return emit_graph(context, *db, whole, "", /*text_means_dot=*/true);
}

}  // namespace

Command export_command() {
  Command command{{}, run_export};
  CommandSpec& spec = command.spec;
  spec.name = "export";
  spec.synopsis = "export [--around A [--depth N]] [--format dot|graphml|gexf|json] [--render svg|png|pdf FILE]\n"
                  "       export [--around A [--depth N]] --format csv|neo4j|kuzu -o DIR";
  spec.summary = "the whole graph for other tools: DOT (the default), GraphML, GEXF, CSV, Neo4j, Kuzu, or JSON";
  spec.formats = kEveryAnswerFormat;
  spec.folder_formats = {OutputFormat::kCsv, OutputFormat::kNeo4j, OutputFormat::kKuzu};
  spec.formats.insert(spec.formats.end(), spec.folder_formats.begin(), spec.folder_formats.end());
  spec.text_for_people = false;  // its text is DOT, written exactly
  spec.options.add_options()
      ("around", po::value<std::string>()->value_name("A"), "export only what lies within --depth relations of A")
      ("depth", po::value<long long>()->default_value(1)->value_name("N"), "with --around: how many relations away");
  return command;
}

}  // namespace parley::cli
