// What the shell does with one line, apart from reading it: split it, answer `help` and `quit`
// itself, run anything else on the session's database, and complete a word for Tab. Kept apart
// from the terminal (command_shell.cpp, line_editor.h) so that tests and the fuzz target
// (tests/fuzz/fuzz_shell_line.cpp) drive exactly what a person's lines go through.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "parley/graph/database.h"
#include "runner.h"

namespace parley::cli {

struct ShellLineOutcome {
  bool quit = false;  // the line was quit or exit
  int exit_code = 0;  // as the line would exit on the command line
};

// Runs the words of a command line and returns its exit code. The interactive shell runs each
// in a child process that Ctrl-C may stop; by default it runs here (run_command_line).
using LineRunner = std::function<int(const std::vector<std::string>& words)>;

// Handles one line (without its newline). Everything written to `out` and `err` is escaped for
// the terminal.
ShellLineOutcome handle_shell_line(std::string_view line, const RunSession& session, std::ostream& out,
                                   std::ostream& err, const LineRunner& run = {});

// The candidates for Tab: `line` is the text before the word being completed. Names holding
// characters a terminal would obey (they cannot be typed anyway) are not offered.
std::vector<std::string> complete_shell_word(const Database& db, const std::string& line, const std::string& word);

void print_shell_help(std::ostream& out);

// `line` without a UTF-8 byte-order mark at its start (an editor's, on a script's first line).
std::string_view without_byte_order_mark(std::string_view line);

}  // namespace parley::cli
