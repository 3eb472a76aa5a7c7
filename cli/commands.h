// The commands of the parley program. Each parses nothing itself (options.h did) and prints
// what core computed; it returns an ExitCode.
#pragma once

#include <iosfwd>
#include <memory>
#include <vector>

#include "options.h"
#include "parley/graph/database.h"
#include "parley/store/store.h"

namespace parley::cli {

struct CommandContext {
  const ParsedCommandLine& args;
  std::ostream& out;
  std::ostream& err;
  // A database already open (a batch or shell session opens it once); null to open --db.
  const Database* database = nullptr;
  // The database this command opened itself, when `database` was null.
  mutable std::unique_ptr<Database> owned = {};
};

struct Command {
  CommandSpec spec;
  int (*run)(const CommandContext&);
};

std::vector<Command> all_commands();

// Shared by commands: the session's database, or the databases named by --db opened now,
// printing diagnostics on failure. Returns nullptr and sets `exit_code` when the data cannot
// be used. `scope` says what a query about a few entities will ask, so that a store reads only
// that (Store::read_scoped); commands that need the whole dataset give none.
// `read_in_part` (optional) says whether the database holds only `scope`'s records of a store.
const Database* open_database(const CommandContext& context, int& exit_code, const ReadScope* scope = nullptr,
                              bool* read_in_part = nullptr);

// The --as-of-tx / --as-of a command line gives (none: the store as it is now).
AsOf as_of(const GlobalOptions& global);
// The exit code for diagnostics that kept a database from opening.
int open_failure_exit_code(const Diagnostics& diagnostics);

// Prints diagnostics one per line, "file:line:column: error[code]: message".
void print_diagnostics(const Diagnostics& diagnostics, std::ostream& err);

// "1 warning", "3 warnings".
std::string warning_count(std::size_t warnings);

Command check_command();
Command stats_command();
Command who_met_command();
Command path_command();
Command neighbours_command();
Command timeline_command();
Command show_command();
Command why_command();
Command sources_command();
Command export_command();
Command import_command();
Command match_command();
Command batch_command();
Command shell_command();
Command build_command();
Command add_command();
Command retract_command();
Command log_command();
Command fmt_command();

}  // namespace parley::cli
