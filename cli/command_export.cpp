// parley export: the whole graph as DOT or GraphML, or the whole dataset as a JSON dataset file.
#include <ostream>

#include "commands.h"
#include "exit_codes.h"
#include "graph_output.h"
#include "parley/export/dataset_json.h"
#include "parley/store/open.h"
#include "presentation.h"

namespace parley::cli {
namespace {

int run_export(const CommandContext& context) {
  int exit_code = kExitOk;
  const Database* db = open_database(context, exit_code);
  if (!db) return exit_code;
  const Dataset& data = db->dataset();
  if (context.args.global.format == OutputFormat::kJson) {
    if (context.args.render) {
      if (const int code = emit_graph(context, *db, Subgraph::whole(data), ""); code != kExitOk) return code;
    }
    // Every record with every value, in the dataset file format: lossless, so that `check` accepts
    // it and `build` turns it back into the same store (docs/writes.md). The title, description
    // and schema extension too: the store's, or the files'.
    const auto& global = context.args.global;
    DatasetInfo about;
    Diagnostics diagnostics;
    if (!read_dataset_info(global.databases, global.schemas, global.max_input_bytes, about, diagnostics)) {
      print_diagnostics(diagnostics, context.err);
      return open_failure_exit_code(diagnostics);
    }
    context.out << to_dataset_json(data, db->schema(), about);
    return kExitOk;
  }
  return emit_graph(context, *db, Subgraph::whole(data), "", /*text_means_dot=*/true);
}

}  // namespace

Command export_command() {
  Command command{{}, run_export};
  CommandSpec& spec = command.spec;
  spec.name = "export";
  spec.synopsis = "export [--format dot|graphml|json] [--render svg|png FILE]";
  spec.summary = "the whole graph as DOT (the default here) or GraphML, or every record as a JSON dataset file";
  spec.formats = kEveryAnswerFormat;
  spec.text_for_people = false;  // its text is DOT, written exactly
  return command;
}

}  // namespace parley::cli
