// parley shell: the same language as the command line and batch scripts, typed interactively
// with history, line editing and tab completion of commands, options and entity names.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "commands.h"
#include "exit_codes.h"
#include "line_editor.h"
#include "parley/graph/names.h"
#include "parley/version.h"
#include "runner.h"
#include "tokenizer.h"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

const Command* find_command(const std::string& name) {
  for (const auto& c : commands()) {
    if (c.spec.name == name) return &c;
  }
  return nullptr;
}

std::vector<std::string> complete_word(const Database& db, const std::string& line, const std::string& word) {
  const Tokenized before = tokenize(line);
  std::vector<std::string> out;
  const auto offer = [&](const std::string& candidate) {
    if (candidate.starts_with(word)) out.push_back(candidate);
  };
  if (before.words.empty()) {
    for (const auto& c : commands()) {
      if (c.spec.name != "shell" && c.spec.name != "batch") offer(c.spec.name);
    }
    offer("help");
    offer("quit");
    return out;
  }
  if (word.starts_with("-")) {
    const Command* command = find_command(before.words.front());
    std::vector<boost::shared_ptr<po::option_description>> options = global_options_description().options();
    if (command) options.insert(options.end(), command->spec.options.options().begin(), command->spec.options.options().end());
    for (const auto& option : options) {
      const std::string name = option->long_name();
      if (name != "db" && !(command && is_positional(command->spec, name))) offer("--" + name);
    }
    return out;
  }
  if (before.words.front() == "help") {
    for (const auto& c : commands()) offer(c.spec.name);
    return out;
  }
  // An entity name: the typed prefix compared as names are (case and accents folded).
  std::string typed = word;
  if (!typed.empty() && (typed.front() == '"' || typed.front() == '\'')) typed.erase(0, 1);
  const std::string key = normalize_name(typed);
  const auto consider = [&](const std::string& name) {
    if (normalize_name(name).starts_with(key)) out.push_back(escape_word(name));
  };
  for (const auto& entity : db.dataset().entities) {
    consider(entity.name);
    for (const auto& alias : entity.aliases) consider(alias.name);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void print_shell_help(std::ostream& out) {
  out << "Type a command as on the command line, without 'parley':\n";
  for (const auto& c : commands()) {
    if (c.spec.name == "shell" || c.spec.name == "batch") continue;
    out << "  " << c.spec.name << std::string(12 - std::min<std::size_t>(11, c.spec.name.size()), ' ') << c.spec.summary << '\n';
  }
  out << "  help CMD    the options of one command\n"
         "  quit        leave (or Ctrl-D)\n"
         "Tab completes commands, options and names; names with spaces go in quotes or take a\n"
         "backslash before each space.\n";
}

std::string history_file() {
  if (const char* configured = std::getenv("PARLEY_HISTORY")) return configured;
  if (const char* home = std::getenv("HOME")) return std::string(home) + "/.parley_history";
  return "";
}

int run_shell(const CommandContext& context) {
  if (!context.args.global.output.empty()) throw po::error("shell answers on the terminal: put -o FILE on a line");
  int exit_code = kExitOk;
  const Database* db = open_database(context, exit_code);
  if (!db) return exit_code;
  const bool interactive = isatty(STDIN_FILENO);
  int first_failure = kExitOk;  // what a piped session exits with, as batch does
  std::optional<LineEditor> editor;
  if (interactive) {
    editor.emplace(history_file(), [db](const std::string& line, const std::string& word) { return complete_word(*db, line, word); });
    context.out << "parley " << kVersion << ": " << db->dataset().entities.size() << " entities, "
                << db->dataset().relations.size() << " relations. Type help, or quit.\n";
  }
  while (true) {
    std::optional<std::string> line;
    if (editor) {
      context.out.flush();
      line = editor->read("parley> ");
    } else {
      std::string read_line;
      if (std::getline(std::cin, read_line)) line = read_line;
    }
    if (!line) break;
    const Tokenized tokens = tokenize(*line);
    if (tokens.error) {
      context.err << "error[usage]: column " << tokens.error->column << ": " << tokens.error->message << '\n';
      if (first_failure == kExitOk) first_failure = kExitUsage;
      continue;
    }
    if (tokens.words.empty()) continue;
    const std::string& first = tokens.words.front();
    if (first == "quit" || first == "exit") break;
    if (first == "help") {
      if (tokens.words.size() == 1) {
        print_shell_help(context.out);
      } else if (const Command* command = find_command(tokens.words[1])) {
        print_command_help(*command, context.out);
      } else {
        context.err << "no command \"" << tokens.words[1] << "\"; type help for the list\n";
      }
      continue;
    }
    const RunOutcome outcome = run_command_line(tokens.words, RunSession{db, true}, context.out, context.err);
    if (first_failure == kExitOk) first_failure = outcome.exit_code;
    context.out.flush();
  }
  return interactive ? kExitOk : first_failure;
}

}  // namespace

Command shell_command() {
  Command command{{}, run_shell};
  CommandSpec& spec = command.spec;
  spec.name = "shell";
  spec.synopsis = "shell [--db FILE]...";
  spec.summary = "an interactive prompt with history, line editing and tab completion";
  spec.formats = {OutputFormat::kText};
  return command;
}

}  // namespace parley::cli
