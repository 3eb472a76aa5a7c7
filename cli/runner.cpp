#include "runner.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <new>
#include <memory>
#include <optional>
#include <vector>

#include <boost/container/small_vector.hpp>

#include "exit_codes.h"
#include "near_misses.h"
#include "output_file.h"
#include "parley/common/terminal_text.h"
#include "parley/version.h"
#include "query_support.h"
#include "spare_objects.h"
#include "terminal_stream.h"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

// A one-shot command's database is not freed: the process ends next, and the kernel takes its
// memory back at once, where freeing a large dataset record by record costs a few per cent of
// a fresh process's run. Sanitizer builds free it, so that their leak check stays meaningful.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kFreeAtExit = true;
#elif defined(__has_feature)
constexpr bool kFreeAtExit = __has_feature(address_sanitizer);
#else
constexpr bool kFreeAtExit = false;
#endif

void leave_to_exit(std::unique_ptr<Database> database) {
  if (!kFreeAtExit) static_cast<void>(database.release());
}

// A line's message stream, kept for the thread's next line (spare_objects.h): making a
// std::ostream sets up its locale, a twentieth of a small answer of a batch.
class MessageStream {
 public:
  MessageStream(std::ostream& target, std::string* kept) : stream_(SpareObjects<TerminalStream>::take()) {
    if (stream_) stream_->retarget(target, kept);
    else stream_ = std::make_unique<TerminalStream>(target, kept);
  }
  ~MessageStream() {
    stream_->finish();  // nothing is left to write to this line's target once it is parked
    SpareObjects<TerminalStream>::give_back(std::move(stream_));
  }
  MessageStream(const MessageStream&) = delete;
  MessageStream& operator=(const MessageStream&) = delete;
  TerminalStream& stream() { return *stream_; }

 private:
  std::unique_ptr<TerminalStream> stream_;
};

}  // namespace

const std::vector<Command>& commands() {
  static const std::vector<Command> all = all_commands();
  return all;
}

const CommandLineParser& command_line_parser() {
  static const CommandLineParser parser = [] {
    std::vector<const CommandSpec*> specs;
    for (const auto& c : commands()) specs.push_back(&c.spec);
    return CommandLineParser(specs);
  }();
  return parser;
}

void print_usage(std::ostream& out) {
  out << "usage: parley [--db FILE]... [--format text|json|dot|graphml] [-o FILE] [--render svg|png|pdf FILE] COMMAND [ARGS]\n\n"
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

RunOutcome run_command_line(const std::vector<std::string>& args, const RunSession& session, std::ostream& out,
                            std::ostream& raw_err) {
  RunOutcome outcome;
  // Every message names things a user or a dataset wrote: escaped, whatever the answer's format.
  // What the command tells people is also kept, to report it as the line's error; one stream
  // does both, as each stream made costs its locale's set-up, on every line of a batch.
  std::string messages;
  MessageStream message_stream(raw_err, &messages);
  TerminalStream& err = message_stream.stream();
  const auto fail = [&](int exit_code, std::string code, const std::string& message) {
    outcome.exit_code = exit_code;
    outcome.errors.push_back(ReportedError{std::move(code), message});
  };
  try {
    // Boost.Program_options takes time quadratic in the number of words: 100,000 took half a
    // minute to be refused. No command takes more than a few dozen.
    constexpr std::size_t kMaxWords = 1000;
    if (args.size() > kMaxWords) {
      throw po::error("a command line of " + std::to_string(args.size()) + " words is longer than any command takes (at most " +
                      std::to_string(kMaxWords) + ")");
    }
    boost::container::small_vector<const char*, 16> argv = {"parley"};  // a line's few words: no heap
    for (const auto& a : args) argv.push_back(a.c_str());
    const ParsedCommandLine parsed = command_line_parser().parse(static_cast<int>(argv.size()), argv.data());

    if (parsed.version) {
      out << "parley " << kVersion << '\n';
      return outcome;
    }
    const Command* command = nullptr;
    for (const auto& c : commands()) {
      if (&c.spec == parsed.spec) command = &c;
    }
    if (parsed.command.empty()) {
      print_usage(parsed.help ? out : err);
      if (!parsed.help) fail(kExitUsage, "usage", "no command given");
      return outcome;
    }
    if (!command) {
      std::vector<std::string_view> names;
      for (const auto& c : commands()) names.push_back(c.spec.name);
      const std::string message = "unknown command \"" + shorten_for_message(parsed.command) + "\"" + command_hint(parsed.command, names);
      err << "parley: " << message << '\n';
      print_usage(err);
      fail(kExitUsage, "usage", message);
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
    if (session.nested && (parsed.global.as_of_transaction || parsed.global.as_of_time)) {
      throw po::error("--as-of-tx and --as-of belong on the batch or shell command, not on one of its lines");
    }
    if (session.nested && !parsed.global.schemas.empty()) {
      throw po::error("--schema belongs on the batch or shell command, not on one of its lines");
    }
    if (!session.files_allowed && (!parsed.global.output.empty() || parsed.render)) {
      throw po::error("-o and --render are not available here");
    }

    messages.clear();  // from here on, what the command tells people
    const auto& folder_formats = command->spec.folder_formats;
    const bool to_folder =
        std::find(folder_formats.begin(), folder_formats.end(), parsed.global.format) != folder_formats.end();
    const bool to_file = !parsed.global.output.empty() && !command->spec.owns_output && !to_folder;
    // -o FILE: the answer goes to the file as it is made (past the first megabyte, into the
    // temporary file that replaces it), and only a whole answer replaces the file.
    // The streams a line may need are made only when it needs them: each std::ostream sets up
    // its locale, and a batch of small answers spent a tenth of its time making streams.
    std::optional<OutputFileBuffer> file_buffer;
    std::optional<std::ostream> file_stream;
    if (to_file) {
      file_buffer.emplace(parsed.global.output);
      file_stream.emplace(&*file_buffer);
    }
    std::ostream& destination = to_file ? *file_stream : out;
    // A text answer is for people, on a terminal or in a file they will print there: escaped
    // like the messages (the -o file holds what the terminal would have shown).
    const bool for_people = parsed.global.format == OutputFormat::kText && command->spec.text_for_people;
    std::optional<TerminalStream> escaped;
    if (for_people) escaped.emplace(destination);
    CommandContext context{parsed, for_people ? static_cast<std::ostream&>(*escaped) : destination, err,
                           session.database};
    outcome.exit_code = command->run(context);
    if (session.process_ends_after) leave_to_exit(std::move(context.owned));
    err.flush();
    if (escaped) escaped->finish();
    if (outcome.exit_code != kExitOk) {
      // The file is left untouched. A report made for the failure (check's JSON) still goes to
      // standard output; an answer that failed only to be drawn or written does not.
      if (to_file && command->spec.shows_answer_on_failure) file_buffer->copy_to(out);
      std::string message = messages;
      while (!message.empty() && message.back() == '\n') message.pop_back();
      fail(outcome.exit_code, outcome.exit_code == kExitIoError ? "io-error" : "invalid-data", message);
    } else if (to_file) {
      file_stream->flush();
      const OutputFileResult written = file_buffer->commit();
      for (const auto& note : written.notes) err << "parley: " << note << '\n';
      if (!written.error.empty()) {
        err << "parley: error[io-error]: " << written.error << '\n';
        fail(kExitIoError, "io-error", written.error);
      } else {
        outcome.output_file = parsed.global.output;
      }
    }
  } catch (const po::error& e) {
    // A usage error is one line, whatever the user typed into it.
    err << "parley: " << single_line(e.what()) << (session.nested ? "\n" : "\nRun 'parley --help' for usage.\n");
    fail(kExitUsage, std::string(error_code_name(ErrorCode::kUsage)), e.what());
  } catch (const QueryError& e) {
    print_diagnostics(e.diagnostics, err);
    for (const auto& d : e.diagnostics.items()) fail(kExitQueryError, std::string(error_code_name(d.code)), d.message);
  } catch (const std::bad_alloc&) {
    // A huge answer (every pair of a gathering of thousands) asked of a machine that cannot hold
    // it: one line fails, a batch or shell session goes on. The memory was released on the way
    // out, so the message can be written.
    const std::string message = "not enough memory for this answer";
    err << "parley: error[out-of-memory]: " << message << '\n';
    fail(kExitIoError, "out-of-memory", message);
  } catch (const std::exception& e) {
    // Nothing parley expects ends up here; the line fails rather than the session.
    err << "parley: error[internal-error]: " << e.what() << '\n';
    fail(kExitIoError, "internal-error", e.what());
  }
  return outcome;
}

}  // namespace parley::cli
