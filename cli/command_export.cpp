// parley export: the whole graph as DOT, GraphML or JSON.
#include <ostream>

#include "commands.h"
#include "exit_codes.h"
#include "graph_output.h"
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
    JsonOutput json;
    auto& w = json.writer();
    w.StartObject();
    json.key("entities");
    w.StartArray();
    for (EntityIndex e = 0; e < data.entities.size(); ++e) write_entity_ref(json, *db, e);
    w.EndArray();
    json.key("relations");
    w.StartArray();
    for (RelationIndex r = 0; r < data.relations.size(); ++r) write_relation(json, *db, r, true);
    w.EndArray();
    w.EndObject();
    json.print(context.out);
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
  spec.summary = "the whole graph as DOT (the default here), GraphML or JSON";
  spec.formats = kEveryAnswerFormat;
  spec.text_for_people = false;  // its text is DOT, written exactly
  return command;
}

}  // namespace parley::cli
