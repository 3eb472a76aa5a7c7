// parley batch FILE|-: many queries, one per line, against a database opened once; or many
// writes to a store, one per line, as one transaction.
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include <rapidjson/writer.h>

#include "answer_format.h"
#include "answer_spool.h"
#include "commands.h"
#include "exit_codes.h"
#include "line_reader.h"
#include "runner.h"
#include "tokenizer.h"
#include "write_support.h"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

// Why a script cannot be read as one, or "": a folder opens as a stream that reads nothing,
// and a huge file is not a script.
std::string script_problem(const std::string& script, std::uint64_t max_bytes) {
  struct stat st {};
  if (stat(script.c_str(), &st) != 0) return std::string("cannot open: ") + std::strerror(errno);
  if (S_ISDIR(st.st_mode)) return "cannot read: it is a directory";
  if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) > max_bytes) {
    return "cannot read: it is " + std::to_string(st.st_size) + " bytes, more than --max-input-size (" +
           std::to_string(max_bytes) + " bytes)";
  }
  return "";
}

// One jsonl record: {"format", "line", "query", "ok", "exit_code", "result" | "output", "output_file", "errors"}.
// The answer is copied in from its spool (answer_spool.h), not parsed again.
void write_record(std::ostream& out, std::size_t line, const std::string& query, const RunOutcome& outcome,
                  AnswerSpool& answer, bool answer_is_json) {
  rapidjson::StringBuffer buffer;
  OneLineAnswerWriter w(buffer);
  const auto write_buffer = [&] {
    out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
    buffer.Clear();
  };
  w.StartObject();
  w.Key("line");
  w.Uint64(line);
  w.Key("query");
  w.String(query.c_str(), static_cast<rapidjson::SizeType>(query.size()));
  w.Key("ok");
  w.Bool(outcome.exit_code == kExitOk);
  w.Key("exit_code");
  w.Int(outcome.exit_code);
  if (outcome.exit_code == kExitOk) {
    if (!outcome.output_file.empty()) {
      w.Key("output_file");
      w.String(outcome.output_file.c_str(), static_cast<rapidjson::SizeType>(outcome.output_file.size()));
    } else {
      // The writer writes the key and the colon (an empty raw value); the value follows it
      // straight from the spool.
      const bool json = answer_is_json && answer.holds_json_object();
      w.Key(json ? "result" : "output");
      w.RawValue("", 0, json ? rapidjson::kObjectType : rapidjson::kStringType);
      write_buffer();
      if (json) {
        answer.write_json_object(out);
      } else {
        answer.write_json_string(out);
      }
    }
  } else {
    w.Key("errors");
    w.StartArray();
    for (const auto& e : outcome.errors) {
      w.StartObject();
      w.Key("code");
      w.String(e.code.c_str(), static_cast<rapidjson::SizeType>(e.code.size()));
      w.Key("message");
      w.String(e.message.c_str(), static_cast<rapidjson::SizeType>(e.message.size()));
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  write_buffer();
  out << '\n';
}

// The value a line gives --format, or "" when it gives none.
std::string format_option(const std::vector<std::string>& words) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "--format" && i + 1 < words.size()) return words[i + 1];
    if (words[i].starts_with("--format=")) return words[i].substr(9);
  }
  return "";
}

// A batch of writes: every line an `add` or `retract`, all of them one transaction. Every line is
// parsed first and every problem reported with its line; then the writes are checked together
// and committed together, or nothing is written.
int run_write_batch(const CommandContext& context, std::istream& in, std::vector<std::string> lines,
                    const std::string& name) {
  std::string line;
  for (LineRead read; (read = read_line(in, line)) != LineRead::kEnd;) {
    if (read == LineRead::kTooLong) {
      context.err << name << ':' << lines.size() + 1 << ": error[usage]: a line longer than " << kMaxLineBytes
                  << " bytes: this is not a script of parley lines; nothing was written\n";
      return kExitUsage;
    }
    lines.push_back(line);
  }
  std::vector<Write> writes;
  std::vector<std::string> problems;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string where = name + ":" + std::to_string(i + 1);
    const Tokenized tokens = tokenize(lines[i]);
    if (tokens.error) {
      problems.push_back(where + ":" + std::to_string(tokens.error->column) + ": error[usage]: " + tokens.error->message);
      continue;
    }
    if (tokens.words.empty()) continue;
    try {
      if (!is_write_line(tokens.words)) throw po::error("a batch of writes holds only add and retract lines");
      std::vector<const char*> argv = {"parley"};
      for (const auto& w : tokens.words) argv.push_back(w.c_str());
      const ParsedCommandLine parsed = command_line_parser().parse(static_cast<int>(argv.size()), argv.data());
      if (!parsed.global.databases.empty() || parsed.global.as_of_transaction || parsed.global.as_of_time ||
          !parsed.global.output.empty()) {
        throw po::error("--db, --as-of and -o belong on the batch command, not on one of its lines");
      }
      if (parsed.command_options.count("message") || parsed.command_options.count("author")) {
        throw po::error("the batch is one transaction: give -m and --author on the batch command");
      }
      writes.push_back(write_from_options(parsed, where));
    } catch (const po::error& e) {
      problems.push_back(where + ": error[usage]: " + e.what());
    }
  }
  if (!problems.empty()) {
    for (const auto& p : problems) context.err << p << '\n';
    context.err << problems.size() << (problems.size() == 1 ? " error" : " errors") << "; nothing was written\n";
    return kExitUsage;
  }
  return run_writes(context, writes);
}

int run_batch(const CommandContext& context) {
  const OptionValues& vm = context.args.command_options;
  if (!vm.count("script")) throw po::error("batch needs a script: parley batch FILE (or - for standard input)");
  const std::string script = vm["script"].as<std::string>();
  const bool fail_fast = vm.count("fail-fast") > 0;
  const bool jsonl = context.args.global.format == OutputFormat::kJsonl;
  if (!context.args.global.output.empty()) throw po::error("batch writes answers per line: put -o FILE on a line");

  std::ifstream file;
  if (script != "-") {
    if (const std::string error = script_problem(script, context.args.global.max_input_bytes); !error.empty()) {
      context.err << script << ": error[io-error]: " << error << '\n';
      return kExitIoError;
    }
    file.open(script, std::ios::binary);
    if (!file) {
      context.err << script << ": error[io-error]: cannot open: " << std::strerror(errno) << '\n';
      return kExitIoError;
    }
  }
  std::istream& in = script == "-" ? std::cin : file;
  const std::string name = script == "-" ? "<stdin>" : script;

  // The first line with a command says what the batch is: writes (one transaction) or queries.
  // Lines longer than the cap end the look-ahead; the loop below reads them again and stops.
  std::vector<std::string> ahead;
  std::string line;
  while (read_line(in, line) == LineRead::kLine) {
    if (ahead.empty() && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    ahead.push_back(line);
    const Tokenized tokens = tokenize(line);
    if (tokens.error || !tokens.words.empty()) {
      if (!tokens.error && is_write_line(tokens.words)) return run_write_batch(context, in, std::move(ahead), name);
      break;
    }
  }

  int exit_code = kExitOk;
  const Database* db = open_database(context, exit_code);
  if (!db) return exit_code;

  int batch_exit = kExitOk;
  std::size_t number = 0;
  bool first_answer = true;
  std::uint64_t bytes_read = 0;
  std::size_t next_ahead = 0;
  // A line's answer (held for its JSON-lines record) and its messages: made once and emptied for
  // each line, since every stream made sets up its locale, a tenth of a small line's cost.
  AnswerSpool spool;
  std::ostream spooled(&spool);
  std::ostringstream messages;
  const std::ios fresh(nullptr);  // the formatting of a new stream
  while (true) {
    LineRead read = LineRead::kLine;
    if (next_ahead < ahead.size()) {
      line = ahead[next_ahead++];
    } else if ((read = read_line(in, line)) == LineRead::kEnd) {
      break;
    }
    ++number;
    bytes_read += line.size() + 1;
    if (read == LineRead::kTooLong || bytes_read > context.args.global.max_input_bytes) {
      // Not a script (a binary file, /dev/zero): say so once and stop, rather than read on.
      context.err << name << ':' << number << ": error[usage]: "
                  << (read == LineRead::kTooLong ? "a line longer than " + std::to_string(kMaxLineBytes) + " bytes"
                                                 : "more than --max-input-size of script")
                  << ": this is not a script of parley lines; the rest is not read\n";
      if (batch_exit == kExitOk) batch_exit = kExitUsage;
      break;
    }
    // An editor's byte-order mark is not part of the first command.
    if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    const Tokenized tokens = tokenize(line);
    if (!tokens.error && tokens.words.empty()) continue;
    // A text batch writes each answer straight through, after its heading; a JSON-lines record
    // says whether the line succeeded before its answer, which waits in a spool meanwhile.
    if (!jsonl) {
      context.out << (first_answer ? "" : "\n") << "== " << name << ':' << number << ": " << valid_utf8(line) << '\n';
      first_answer = false;
    }
    // Each line starts as on a new stream: empty, in a good state, formatted as by default.
    spool.clear();
    spooled.copyfmt(fresh);
    spooled.clear();
    messages.str(std::string());
    messages.clear();
    std::ostream& answer = jsonl ? spooled : context.out;
    RunOutcome outcome;
    if (tokens.error) {
      outcome.exit_code = kExitUsage;
      outcome.errors.push_back(ReportedError{"usage", tokens.error->message});
      messages << name << ':' << number << ':' << tokens.error->column << ": error[usage]: " << tokens.error->message << '\n';
    } else {
      std::vector<std::string> words = tokens.words;
      if (jsonl && format_option(words).empty()) {
        words.push_back("--format");
        words.push_back("json");
      }
      outcome = run_command_line(words, RunSession{db, true}, answer, messages);
    }
    // Each message line is prefixed with where it came from.
    const auto relay_messages = [&] {
      const std::string text = messages.str();
      for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        std::string message = text.substr(at, end - at);
        at = end + 1;
        // The runner says "parley: ..." for usage errors and "parley: error[io-error]: ..."
        // for a file it could not write; in a script the line is what matters.
        if (message.starts_with("parley: error[") || message.starts_with("parley: note: ")) {
          message = message.substr(8);
        } else if (message.starts_with("parley: ")) {
          message = "error[usage]: " + message.substr(8);
        }
        context.err << (message.starts_with(name + ":") ? "" : name + ":" + std::to_string(number) + ": ") << message << '\n';
      }
    };
    if (jsonl) {
      const std::string line_format = format_option(tokens.words);
      write_record(context.out, number, valid_utf8(line), outcome, spool, line_format.empty() || line_format == "json");
      spool.clear();  // a large answer's temporary file goes now, not at the next line
      // A failed line's errors are in its record; a line that answered may still have notes
      // (--known-by) or warnings to say.
      if (outcome.exit_code == kExitOk) relay_messages();
    } else {
      if (!outcome.output_file.empty()) context.out << "(written to " << outcome.output_file << ")\n";
      for (const auto& e : outcome.errors) context.out << "(failed: " << e.code << ": " << e.message << ")\n";
      relay_messages();
    }
    if (outcome.exit_code != kExitOk) {
      if (batch_exit == kExitOk) batch_exit = outcome.exit_code;
      if (fail_fast) break;
    }
  }
  return batch_exit;
}

}  // namespace

Command batch_command() {
  Command command{{}, run_batch};
  CommandSpec& spec = command.spec;
  spec.name = "batch";
  spec.synopsis = "batch FILE|- [--format text|jsonl] [--fail-fast] [-m TEXT] [--author NAME]";
  spec.summary = "run a script of queries on data loaded once, or of writes as one transaction";
  spec.formats = {OutputFormat::kText, OutputFormat::kJsonl};
  spec.options.add_options()
      ("script", po::value<std::string>()->value_name("FILE"), "the script; - reads standard input")
      ("fail-fast", "stop at the first line that fails")
      ("message,m", po::value<std::string>()->value_name("TEXT"), "a batch of writes: why, recorded with its transaction")
      ("author", po::value<std::string>()->value_name("NAME"), "a batch of writes: who (default: your login name)");
  spec.positional.add("script", 1);
  return command;
}

}  // namespace parley::cli
