#include "shell_session.h"

#include <algorithm>
#include <ostream>

#include "exit_codes.h"
#include "parley/common/terminal_text.h"
#include "parley/graph/names.h"
#include "terminal_stream.h"
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

}  // namespace

std::string_view without_byte_order_mark(std::string_view line) {
  return line.starts_with("\xEF\xBB\xBF") ? line.substr(3) : line;
}

void print_shell_help(std::ostream& out) {
  out << "Type a command as on the command line, without 'parley':\n";
  for (const auto& c : commands()) {
    if (c.spec.name == "shell" || c.spec.name == "batch") continue;
    out << "  " << c.spec.name << std::string(12 - std::min<std::size_t>(11, c.spec.name.size()), ' ') << c.spec.summary << '\n';
  }
  out << "  help CMD    the options of one command\n"
         "  quit        leave (or Ctrl-D); Ctrl-C abandons the line being typed or the query running\n"
         "Tab completes commands, options and names; names with spaces go in quotes or take a\n"
         "backslash before each space.\n";
}

ShellLineOutcome handle_shell_line(std::string_view line, const RunSession& session, std::ostream& raw_out,
                                   std::ostream& raw_err, const LineRunner& run) {
  TerminalStream out(raw_out);
  TerminalStream err(raw_err);
  ShellLineOutcome outcome;
  const Tokenized tokens = tokenize(line);
  if (tokens.error) {
    err << "error[usage]: column " << tokens.error->column << ": " << tokens.error->message << '\n';
    outcome.exit_code = kExitUsage;
    return outcome;
  }
  if (tokens.words.empty()) return outcome;
  const std::string& first = tokens.words.front();
  if (first == "quit" || first == "exit") {
    outcome.quit = true;
    return outcome;
  }
  if (first == "help") {
    if (tokens.words.size() == 1) {
      print_shell_help(out);
    } else if (const Command* command = find_command(tokens.words[1])) {
      print_command_help(*command, out);
    } else {
      err << "no command \"" << shorten_for_message(tokens.words[1]) << "\"; type help for the list\n";
      outcome.exit_code = kExitUsage;
    }
    return outcome;
  }
  outcome.exit_code = run ? run(tokens.words) : run_command_line(tokens.words, session, out, err).exit_code;
  return outcome;
}

std::vector<std::string> complete_shell_word(const Database& db, const std::string& line, const std::string& word) {
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
    // libedit would show such a name raw in its list of candidates, and the line could not
    // hold it anyway (the tokenizer refuses control characters).
    if (needs_terminal_escaping(name)) return;
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

}  // namespace parley::cli
