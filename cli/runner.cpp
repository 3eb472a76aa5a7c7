#include "runner.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "exit_codes.h"
#include "parley/version.h"
#include "query_support.h"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

// Writes to two streams at once: a command's messages reach the person as they are written
// (a shell session lasts long) and are kept to report as the line's error.
class TeeBuffer : public std::streambuf {
 public:
  TeeBuffer(std::ostream& first, std::ostream& second) : first_(first), second_(second) {}

 protected:
  int overflow(int c) override {
    if (c == traits_type::eof()) return traits_type::not_eof(c);
    first_.put(static_cast<char>(c));
    second_.put(static_cast<char>(c));
    return c;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    first_.write(s, n);
    second_.write(s, n);
    return n;
  }
  int sync() override {
    first_.flush();
    return 0;
  }

 private:
  std::ostream& first_;
  std::ostream& second_;
};

}  // namespace

const std::vector<Command>& commands() {
  static const std::vector<Command> all = all_commands();
  return all;
}

void print_usage(std::ostream& out) {
  out << "usage: parley [--db FILE]... [--format text|json|dot|graphml] [-o FILE] [--render svg|png FILE] COMMAND [ARGS]\n\n"
         "Commands:\n";
  for (const auto& c : commands()) {
    out << "  " << c.spec.name << std::string(12 - std::min<std::size_t>(11, c.spec.name.size()), ' ') << c.spec.summary << '\n';
  }
  out << '\n' << global_options_description() << "\nRun 'parley COMMAND --help' for a command's options.\n";
}

void print_command_help(const Command& command, std::ostream& out) {
  out << "usage: parley " << command.spec.synopsis << "\n\n" << command.spec.summary << "\n\n";
  // Positional arguments are declared as options for the parser; they are not typed as --a.
  po::options_description shown("Options");
  for (const auto& option : command.spec.options.options()) {
    if (!is_positional(command.spec, option->long_name())) shown.add(option);
  }
  if (!shown.options().empty()) out << shown << '\n';
  out << global_options_description();
}

std::string write_file_atomically(const std::string& path, const std::string& text) {
  // A unique temporary file beside the target (so the rename stays on one file system), its
  // data flushed to disk before the rename: readers see the old file or the new, never half.
  const std::string::size_type slash = path.rfind('/');
  std::string temporary = (slash == std::string::npos ? std::string() : path.substr(0, slash + 1)) + ".parley-XXXXXX";
  const int fd = mkstemp(temporary.data());
  if (fd < 0) return "cannot write " + path + ": " + std::strerror(errno);
  const auto fail = [&](const char* what) {
    const std::string error = std::strerror(errno);
    close(fd);
    unlink(temporary.c_str());
    return "cannot write " + path + " (" + what + "): " + error;
  };
  for (std::size_t written = 0; written < text.size();) {
    const ssize_t n = write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail("write");
    written += static_cast<std::size_t>(n);
  }
  if (fchmod(fd, 0644) != 0) return fail("chmod");
  if (fsync(fd) != 0) return fail("fsync");
  if (close(fd) != 0) {
    const std::string error = std::strerror(errno);
    unlink(temporary.c_str());
    return "cannot write " + path + ": " + error;
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const std::string error = std::strerror(errno);
    unlink(temporary.c_str());
    return "cannot write " + path + ": " + error;
  }
  return "";
}

RunOutcome run_command_line(const std::vector<std::string>& args, const RunSession& session, std::ostream& out,
                            std::ostream& err) {
  RunOutcome outcome;
  const auto fail = [&](int exit_code, std::string code, const std::string& message) {
    outcome.exit_code = exit_code;
    outcome.errors.push_back(ReportedError{std::move(code), message});
  };
  try {
    std::vector<const char*> argv = {"parley"};
    for (const auto& a : args) argv.push_back(a.c_str());
    std::vector<const CommandSpec*> specs;
    for (const auto& c : commands()) specs.push_back(&c.spec);
    const ParsedCommandLine parsed = parse_command_line(static_cast<int>(argv.size()), argv.data(), specs);

    if (parsed.version) {
      out << "parley " << kVersion << '\n';
      return outcome;
    }
    const Command* command = nullptr;
    for (const auto& c : commands()) {
      if (c.spec.name == parsed.command) command = &c;
    }
    if (parsed.command.empty()) {
      print_usage(parsed.help ? out : err);
      if (!parsed.help) fail(kExitUsage, "usage", "no command given");
      return outcome;
    }
    if (!command) {
      err << "parley: unknown command \"" << parsed.command << "\"\n";
      print_usage(err);
      fail(kExitUsage, "usage", "unknown command \"" + parsed.command + "\"");
      return outcome;
    }
    if (parsed.help) {
      print_command_help(*command, out);
      return outcome;
    }
    if (session.nested && (parsed.command == "batch" || parsed.command == "shell")) {
      throw po::error(parsed.command + " cannot run inside a batch or shell session");
    }
    if (session.nested && !parsed.global.databases.empty()) {
      throw po::error("--db belongs on the batch or shell command, not on one of its lines");
    }
    if (session.nested && !parsed.global.schemas.empty()) {
      throw po::error("--schema belongs on the batch or shell command, not on one of its lines");
    }

    std::ostringstream buffered;
    std::ostringstream messages;  // what the command tells people, kept to report it as the error
    TeeBuffer tee(err, messages);
    std::ostream both(&tee);
    const bool to_file = !parsed.global.output.empty();
    CommandContext context{parsed, to_file ? buffered : out, both, session.database};
    outcome.exit_code = command->run(context);
    both.flush();
    if (outcome.exit_code != kExitOk) {
      // The file is left untouched; what the command did write (check's JSON report) is not lost.
      if (to_file) out << buffered.str();
      std::string message = messages.str();
      while (!message.empty() && message.back() == '\n') message.pop_back();
      fail(outcome.exit_code, outcome.exit_code == kExitIoError ? "io-error" : "invalid-data", message);
    } else if (to_file) {
      if (const std::string error = write_file_atomically(parsed.global.output, buffered.str()); !error.empty()) {
        err << "parley: " << error << '\n';
        fail(kExitIoError, "io-error", error);
      } else {
        outcome.output_file = parsed.global.output;
      }
    }
  } catch (const po::error& e) {
    err << "parley: " << e.what() << (session.nested ? "\n" : "\nRun 'parley --help' for usage.\n");
    fail(kExitUsage, std::string(error_code_name(ErrorCode::kUsage)), e.what());
  } catch (const QueryError& e) {
    print_diagnostics(e.diagnostics, err);
    for (const auto& d : e.diagnostics.items()) fail(kExitQueryError, std::string(error_code_name(d.code)), d.message);
  } catch (const std::exception& e) {
    // Out of memory on a huge answer, say: one line fails, a batch or shell session goes on.
    err << "parley: " << e.what() << '\n';
    fail(kExitIoError, "internal-error", e.what());
  }
  return outcome;
}

}  // namespace parley::cli
