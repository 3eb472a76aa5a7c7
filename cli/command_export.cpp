// parley export: the whole graph as DOT, GraphML or GEXF, every record as a JSON dataset file, or
// the graph as tables (CSV, Neo4j bulk import, Kuzu) written into the folder -o names.
#include <ostream>

#include "commands.h"
#include "exit_codes.h"
#include "graph_output.h"
#include "output_folder.h"
#include "parley/export/dataset_json.h"
#include "parley/export/table_export.h"
#include "presentation.h"

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

int run_export(const CommandContext& context) {
  int exit_code = kExitOk;
  const Database* db = open_database(context, exit_code);
  if (!db) return exit_code;
  const Dataset& data = db->dataset();
  if (const auto table = table_format(context.args.global.format)) {
    const Subgraph whole = Subgraph::whole(data);
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
      if (const int code = emit_graph(context, *db, Subgraph::whole(data), ""); code != kExitOk) return code;
    }
    // Every record with every value, in the dataset file format: lossless, so that `check` accepts
    // it and `build` turns it back into the same store (docs/writes.md).
    write_dataset_json(context.out, data, db->schema());
    return kExitOk;
  }
  return emit_graph(context, *db, Subgraph::whole(data), "", /*text_means_dot=*/true);
}

}  // namespace

Command export_command() {
  Command command{{}, run_export};
  CommandSpec& spec = command.spec;
  spec.name = "export";
  spec.synopsis = "export [--format dot|graphml|gexf|json] [--render svg|png FILE]\n"
                  "       export --format csv|neo4j|kuzu -o DIR";
  spec.summary = "the whole graph for other tools: DOT (the default), GraphML, GEXF, CSV, Neo4j, Kuzu, or JSON";
  spec.formats = kEveryAnswerFormat;
  spec.folder_formats = {OutputFormat::kCsv, OutputFormat::kNeo4j, OutputFormat::kKuzu};
  spec.formats.insert(spec.formats.end(), spec.folder_formats.begin(), spec.folder_formats.end());
  spec.text_for_people = false;  // its text is DOT, written exactly
  return command;
}

}  // namespace parley::cli
