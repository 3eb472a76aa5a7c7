#include "commands.h"

#include <algorithm>
#include <ostream>

#include "exit_codes.h"
#include "parley/store/open.h"

namespace parley::cli {

std::vector<Command> all_commands() {
  return {who_met_command(), path_command(),  neighbours_command(), timeline_command(), show_command(),
          why_command(),     sources_command(), export_command(),  import_command(),   batch_command(),
          shell_command(),   check_command(),   stats_command(),   build_command(),    add_command(),
          retract_command(), log_command(),     match_command()};
}

void print_diagnostics(const Diagnostics& diagnostics, std::ostream& err) {
  for (const auto& d : diagnostics.items()) err << d.to_string() << '\n';
  const auto dropped = diagnostics.dropped();
  if (dropped.empty()) return;
  err << "... and " << diagnostics.size() - diagnostics.items().size() << " more not shown (";
  for (std::size_t i = 0; i < dropped.size(); ++i) err << (i ? ", " : "") << dropped[i].second << ' ' << error_code_name(dropped[i].first);
  err << "); --max-errors 0 shows them all\n";
}

std::string warning_count(std::size_t warnings) {
  return std::to_string(warnings) + (warnings == 1 ? " warning" : " warnings");
}

const Database* open_database(const CommandContext& context, int& exit_code, const ReadScope* scope) {
  if (context.database) return context.database;
  Diagnostics diagnostics;
  diagnostics.set_limit(context.args.global.max_errors);
  context.owned = open_dataset_or_store(context.args.global.databases, as_of(context.args.global), diagnostics,
                                  context.args.global.max_input_bytes, context.args.global.schemas, scope);
  const Database* db = context.owned.get();
  if (db) {
    // Warnings do not stop the command; they go to standard error, before its answer.
    print_diagnostics(diagnostics, context.err);
  } else {
    print_diagnostics(diagnostics, context.err);
    exit_code = open_failure_exit_code(diagnostics);
  }
  return db;
}

AsOf as_of(const GlobalOptions& global) { return AsOf{global.as_of_transaction, global.as_of_time}; }

int open_failure_exit_code(const Diagnostics& diagnostics) {
  const auto any = [&](ErrorCode code) {
    return std::any_of(diagnostics.items().begin(), diagnostics.items().end(),
                       [code](const Diagnostic& d) { return d.code == code; });
  };
  if (any(ErrorCode::kIoError)) return kExitIoError;
  if (any(ErrorCode::kUsage)) return kExitUsage;
  if (any(ErrorCode::kNameNotFound)) return kExitQueryError;  // --as-of a transaction the store lacks
  return kExitInvalidData;
}

}  // namespace parley::cli
