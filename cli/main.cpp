// The parley program: parse the command line, run one command, map failures to exit codes.
#include <iostream>

#include "commands.h"
#include "exit_codes.h"
#include "query_support.h"
#include "parley/version.h"

namespace po = boost::program_options;
using namespace parley::cli;

namespace {

void print_usage(const std::vector<Command>& commands, std::ostream& out) {
  out << "usage: parley [--db FILE]... [--format text|json] COMMAND [ARGS]\n\nCommands:\n";
  for (const auto& c : commands) out << "  " << c.spec.name << std::string(12 - std::min<std::size_t>(11, c.spec.name.size()), ' ') << c.spec.summary << '\n';
  out << '\n' << global_options_description() << "\nRun 'parley COMMAND --help' for a command's options.\n";
}

}  // namespace

int main(int argc, char* argv[]) {
  const std::vector<Command> commands = all_commands();
  try {
    std::vector<const CommandSpec*> specs;
    for (const auto& c : commands) specs.push_back(&c.spec);
    const ParsedCommandLine args = parse_command_line(argc, argv, specs);
    if (args.version) {
      std::cout << "parley " << parley::kVersion << '\n';
      return kExitOk;
    }
    const Command* command = nullptr;
    for (const auto& c : commands) {
      if (c.spec.name == args.command) command = &c;
    }
    if (args.command.empty()) {
      print_usage(commands, args.help ? std::cout : std::cerr);
      return args.help ? kExitOk : kExitUsage;
    }
    if (!command) {
      std::cerr << "parley: unknown command \"" << args.command << "\"\n";
      print_usage(commands, std::cerr);
      return kExitUsage;
    }
    if (args.help) {
      std::cout << "usage: parley " << command->spec.synopsis << "\n\n" << command->spec.summary << "\n\n";
      if (!command->spec.options.options().empty()) std::cout << command->spec.options << '\n';
      std::cout << global_options_description();
      return kExitOk;
    }
    return command->run(CommandContext{args, std::cout, std::cerr});
  } catch (const po::error& e) {
    std::cerr << "parley: " << e.what() << "\nRun 'parley --help' for usage.\n";
    return kExitUsage;
  } catch (const QueryError& e) {
    print_diagnostics(e.diagnostics, std::cerr);
    return kExitQueryError;
  }
}
