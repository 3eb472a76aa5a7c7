// parley shell: the same language as the command line and batch scripts, typed interactively
// with history, line editing and tab completion of commands, options and entity names.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "commands.h"
#include "exit_codes.h"
#include "line_editor.h"
#include "line_reader.h"
#include "parley/version.h"
#include "runner.h"
#include "shell_session.h"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

std::string history_file() {
  if (const char* configured = std::getenv("PARLEY_HISTORY")) return configured;
  if (const char* home = std::getenv("HOME")) return std::string(home) + "/.parley_history";
  return "";
}

// Tables a query builds on first use are built here, in the shell's own process, before a line
// runs in a child: built there, they would be lost with the child and built again for every line.
void prepare_for(const Database& db, const std::vector<std::string>& words) {
  const std::string& command = words.front();
  if (command == "who-met" || command == "timeline") db.events();
  if (command == "path" && std::find(words.begin(), words.end(), "--met") != words.end()) db.attendance();
}

// Runs one line in a child process. Ctrl-C sends SIGINT to the terminal's foreground process
// group, the child included: the child stops, and the shell, which only notes the signal, goes
// on with its session and history. (A query has no point at which it could be stopped from
// within; a process can always be.) Returns the line's exit code.
int run_in_child(const std::vector<std::string>& words, const RunSession& session, std::ostream& out,
                 std::ostream& err) {
  prepare_for(*session.database, words);
  out.flush();
  err.flush();
  std::cout.flush();
  std::cerr.flush();
  const pid_t pid = fork();
  if (pid < 0) return run_command_line(words, session, out, err).exit_code;  // no process to be had: run here
  if (pid == 0) {
    signal(SIGINT, SIG_DFL);
    const int code = run_command_line(words, session, out, err).exit_code;
    out.flush();
    err.flush();
    std::cout.flush();
    std::cerr.flush();
    _exit(code);  // no destructors: the history is the shell's to write
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status) && WTERMSIG(status) == SIGINT) {
    err << "\ninterrupted\n";
    return kExitOk;
  }
  if (WIFSIGNALED(status)) {
    err << "parley: the line ended with signal " << WTERMSIG(status) << '\n';
    return kExitIoError;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : kExitIoError;
}

volatile sig_atomic_t g_interrupted = 0;
extern "C" void note_interrupt(int) { g_interrupted = 1; }

// While the interactive shell runs, SIGINT only sets a flag: it abandons the line being typed
// (the line editor returns with the flag set) and stops the child running a query.
class InterruptsNoted {
 public:
  InterruptsNoted() {
    struct sigaction action {};
    action.sa_handler = note_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: the line editor's read must return
    sigaction(SIGINT, &action, &previous_);
  }
  ~InterruptsNoted() { sigaction(SIGINT, &previous_, nullptr); }
  InterruptsNoted(const InterruptsNoted&) = delete;
  InterruptsNoted& operator=(const InterruptsNoted&) = delete;

 private:
  struct sigaction previous_ {};
};

int run_interactive(const CommandContext& context, const Database& db) {
  LineEditor editor(history_file(), [&db](const std::string& line, const std::string& word) {
    return complete_shell_word(db, line, word);
  });
  const InterruptsNoted interrupts;
  context.out << "parley " << kVersion << ": " << db.dataset().entities.size() << " entities, "
              << db.dataset().relations.size() << " relations. Type help, or quit.\n";
  const RunSession session{&db, true};
  const LineRunner in_child = [&](const std::vector<std::string>& words) {
    return run_in_child(words, session, context.out, context.err);
  };
  while (true) {
    context.out.flush();
    g_interrupted = 0;
    const std::optional<std::string> line = editor.read("parley> ");
    if (!line) {
      if (!g_interrupted) break;  // Ctrl-D
      context.out << '\n';        // Ctrl-C: the line is dropped, the prompt comes back
      continue;
    }
    if (handle_shell_line(*line, session, context.out, context.err, in_child).quit) break;
  }
  return kExitOk;
}

// Lines from a pipe or a file: no prompt, no editing, no child processes. The exit code is the
// first failing line's, as for batch.
int run_piped(const CommandContext& context, const Database& db) {
  int first_failure = kExitOk;
  std::string line;
  for (bool first = true;; first = false) {
    const LineRead read = read_line(std::cin, line);
    if (read == LineRead::kEnd) break;
    if (read == LineRead::kTooLong) {
      context.err << "error[usage]: a line longer than " << kMaxLineBytes
                  << " bytes: this is not a script of parley lines; the rest is not read\n";
      if (first_failure == kExitOk) first_failure = kExitUsage;
      break;
    }
    const ShellLineOutcome outcome =
        handle_shell_line(first ? without_byte_order_mark(line) : line, RunSession{&db, true}, context.out, context.err);
    if (first_failure == kExitOk) first_failure = outcome.exit_code;
    if (outcome.quit) break;
    context.out.flush();
  }
  return first_failure;
}

int run_shell(const CommandContext& context) {
  if (!context.args.global.output.empty()) throw po::error("shell answers on the terminal: put -o FILE on a line");
  int exit_code = kExitOk;
  const Database* db = open_database(context, exit_code);
  if (!db) return exit_code;
  return isatty(STDIN_FILENO) ? run_interactive(context, *db) : run_piped(context, *db);
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
