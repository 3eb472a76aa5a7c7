// Running one parley command line: parse it, run the command, map every failure to an exit
// code and a structured error. The program's main, batch scripts and the shell all go through
// here, so a line means the same thing wherever it is typed.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "commands.h"

namespace parley::cli {

struct ReportedError {
  std::string code;     // a stable error code: "usage", "name-not-found", ...
  std::string message;
};

struct RunOutcome {
  int exit_code = 0;
  std::vector<ReportedError> errors;
  std::string output_file;  // where -o wrote the answer, if it did
};

// Where a line runs: on its own (open --db itself), or inside a session that has a database
// open already and does not allow some commands (batch inside batch, --db per line).
struct RunSession {
  const Database* database = nullptr;
  bool nested = false;         // inside batch or shell
  bool files_allowed = true;   // false: -o and --render are refused (the shell's fuzz target)
  // The process ends after this line (the program's own command line): the database it opened
  // is left for the kernel to take back, not freed record by record (see runner.cpp).
  bool process_ends_after = false;
};

// Runs `args` (without the program name). The answer goes to `out`, or to the -o file;
// messages for people go to `err`. A text answer and every message are escaped for the
// terminal on the way (terminal_stream.h); JSON, DOT and GraphML are written exactly.
RunOutcome run_command_line(const std::vector<std::string>& args, const RunSession& session, std::ostream& out,
                            std::ostream& err);

// The commands, built once: their option descriptions are not rebuilt for every batch line.
const std::vector<Command>& commands();
// The parser of every command's line, built once.
const CommandLineParser& command_line_parser();

void print_usage(std::ostream& out);
void print_command_help(const Command& command, std::ostream& out);

}  // namespace parley::cli
