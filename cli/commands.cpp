#include "commands.h"

#include <algorithm>
#include <ostream>

#include "exit_codes.h"

namespace parley::cli {

std::vector<Command> all_commands() {
  return {who_met_command(), path_command(),  neighbours_command(), timeline_command(), show_command(),
          why_command(),     sources_command(), export_command(),  batch_command(),    shell_command(),
          check_command(),   stats_command(),   match_command()};
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

const Database* open_database(const CommandContext& context, int& exit_code) {
  if (context.database) return context.database;
  Diagnostics diagnostics;
  diagnostics.set_limit(context.args.global.max_errors);
  context.owned = Database::open(context.args.global.databases, diagnostics, context.args.global.schemas);
  const Database* db = context.owned.get();
  if (db) {
    // Warnings do not stop the command; they go to standard error, before its answer.
    print_diagnostics(diagnostics, context.err);
  } else {
    print_diagnostics(diagnostics, context.err);
    const bool io = std::any_of(diagnostics.items().begin(), diagnostics.items().end(),
                                [](const Diagnostic& d) { return d.code == ErrorCode::kIoError; });
    exit_code = io ? kExitIoError : kExitInvalidData;
  }
  return db;
}

}  // namespace parley::cli
