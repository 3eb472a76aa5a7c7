// Command-line parsing: global options (--db, --format), the command word and its own options.
// Parsing only; commands live in commands.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <boost/program_options.hpp>

#include "option_values.h"
#include "parley/common/name_hash.h"
#include "parley/common/date.h"
#include "plain_line.h"

namespace parley::cli {

enum class OutputFormat { kText, kJson, kDot, kGraphml, kJsonl, kGexf, kCsv, kNeo4j, kKuzu };

// What a query command answers in: text, JSON, and its drawing as DOT, GraphML or GEXF.
inline const std::vector<OutputFormat> kEveryAnswerFormat = {OutputFormat::kText, OutputFormat::kJson,
                                                            OutputFormat::kDot, OutputFormat::kGraphml,
                                                            OutputFormat::kGexf};

// The word --format takes for `format`: "text", "json" ...
std::string format_word(OutputFormat format);

struct GlobalOptions {
  std::vector<std::string> databases;  // --db, in order; empty = the embedded dataset
  std::vector<std::string> schemas;    // --schema: extensions of the relation schema, in order
  OutputFormat format = OutputFormat::kText;
  bool format_given = false;           // --format was on the command line
  std::string output;                  // -o FILE: write the answer there instead of stdout
  std::uint64_t max_input_bytes = std::uint64_t{4} << 30;  // --max-input-size: a dataset file's or script's cap
  unsigned render_timeout = 60;        // --render-timeout SECONDS; 0 = no limit
  std::size_t max_errors = 100;        // --max-errors N: problems shown of a file that fails to load; 0: all
  std::optional<std::int64_t> as_of_transaction;  // --as-of-tx N: a store as it was after transaction N
  std::optional<std::string> as_of_time;          // --as-of TIME: a store as it was at TIME (UTC)
  std::optional<FuzzyDate> known_by;              // --known-by DATE: only sources published by DATE
  std::string legend = "compact";                 // --legend none|compact|full, for diagrams
  std::string layout = "dot";                     // --layout dot|neato|sfdp, for diagrams
};

struct CommandSpec;

// `--render svg|png|pdf FILE`: draw the answer with Graphviz into FILE.
struct RenderRequest {
  std::string format;  // "svg", "png" or "pdf"
  std::string file;
};

struct ParsedCommandLine {
  GlobalOptions global;
  std::string command;                            // empty when none was given
  const CommandSpec* spec = nullptr;              // the command's, when it is one the parser knows
  OptionValues command_options;
  std::optional<RenderRequest> render;
  bool help = false;
  bool version = false;
};

// Describes one command for parsing and for `help`.
struct CommandSpec {
  std::string name;
  std::vector<OutputFormat> formats = {OutputFormat::kText, OutputFormat::kJson};  // what --format may be
  std::string synopsis;     // "check [--db FILE]..."
  std::string summary;      // one line
  bool owns_output = false;  // -o names what the command writes itself (build's store, import's dataset), not a copy of its answer
  // Formats written as several files into the folder -o names (export's csv, neo4j, kuzu).
  std::vector<OutputFormat> folder_formats;
  bool text_for_people = true;          // its text answer is escaped for the terminal (not export's DOT)
  bool shows_answer_on_failure = false;  // with -o, a failed run's answer still goes to stdout (check's report)
  boost::program_options::options_description options{"Options"};
  boost::program_options::positional_options_description positional;
};

// Parses command lines against a fixed list of commands. The option descriptions of each
// command, merged with the global ones, are built once here rather than per line: a batch
// parses every line, and building them cost as much as parsing a short line.
class CommandLineParser {
 public:
  explicit CommandLineParser(const std::vector<const CommandSpec*>& commands);

  // How a line's words are read: plainly where the line has the plain shape (plain_line.h),
  // by Program_options otherwise; or by Program_options alone, which tests compare with.
  enum class Reading { kPlainWherePossible, kProgramOptionsOnly };

  // Parses argv. Throws boost::program_options::error (with a message fit for users) when the
  // command line is wrong; an unknown command is reported by the caller.
  ParsedCommandLine parse(int argc, const char* const argv[], Reading reading = Reading::kPlainWherePossible) const;

  // True when argv would be read plainly: for tests that must know a line took that path.
  bool reads_plainly(int argc, const char* const argv[]) const;

 private:
  // What a line of one command (or of none known) is parsed with.
  struct Grammar {
    const CommandSpec* spec = nullptr;
    boost::program_options::options_description options;
    boost::program_options::positional_options_description positional;
    std::optional<PlainLineReader> plain;  // for a known command
  };

  const Grammar& grammar_for(std::string_view command) const;
  // Sets `global` to the global options of a line: the defaults, with what the line gave checked
  // and stored. In place: a line's options are read for every line of a batch.
  void read_global_options(const OptionValues& vm, GlobalOptions& global) const;
  // Reads `args` (--render taken out) plainly with `grammar` into `into`; false where that does not apply.
  static bool read_plainly(const Grammar& grammar, int argc, const char* const argv[], OptionValues& into);

  std::vector<std::unique_ptr<Grammar>> grammars_;  // one per command
  // Each command's grammar by its name: a batch looks one up for every line.
  std::unordered_map<std::string, const Grammar*, NameHash, std::equal_to<>> by_name_;
  GlobalOptions global_defaults_;
  std::unique_ptr<Grammar> unknown_;                 // no command, or one not in the list
};

const boost::program_options::options_description& global_options_description();

// The date an option gives (--from, --to, --known-by), or nullopt when it is absent. Throws a
// usage error naming the option when the text is not a date.
std::optional<FuzzyDate> date_option(const OptionValues& vm, const char* option);

// A count option (--k, --limit, --depth, --max-errors): at least `minimum`, at most `maximum`.
// Options are declared as long long so that "-1" is refused instead of wrapping around to a huge
// number.
std::size_t count_option(const OptionValues& vm, const char* name, long long minimum, long long maximum);

// True when `name` is one of the command's positional arguments (A, B, FILE).
bool is_positional(const CommandSpec& spec, const std::string& name);

}  // namespace parley::cli
