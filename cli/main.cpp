// The parley program: one command line, or the interactive shell when started on a terminal
// with no command.
#include <unistd.h>

#include <iostream>

#include "runner.h"

int main(int argc, char* argv[]) {
  using namespace parley::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) args = {"shell"};
  return run_command_line(args, RunSession{.process_ends_after = true}, std::cout, std::cerr).exit_code;
}
