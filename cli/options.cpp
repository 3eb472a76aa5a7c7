#include "options.h"

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "near_misses.h"

namespace po = boost::program_options;

namespace parley::cli {

const po::options_description& global_options_description() {
  // Built once: a batch parses every line with it, and building option descriptions (each
  // name parsed, each value semantic allocated) cost more than the parse.
  static const po::options_description global = [] {
    po::options_description global("Global options");
    global.add_options()
      ("db", po::value<std::vector<std::string>>()->composing(),
       "dataset file to open; repeat to merge several; @default is the embedded dataset")
      ("schema", po::value<std::vector<std::string>>()->composing()->value_name("FILE"),
       "add the kinds, attributes, properties and relation types in FILE to the relation schema; repeatable")
      ("format", po::value<std::string>()->default_value("text"), "output format: text, json, dot, graphml or gexf; csv for answers and exports; neo4j, kuzu for export (jsonl for batch)")
      ("output,o", po::value<std::string>()->value_name("FILE"), "write the answer to FILE (replaced only on success); for export as csv, neo4j or kuzu, the folder to write into")
      ("max-errors", po::value<long long>()->value_name("N")->default_value(100),
       "show at most N problems of data that fails to load, then a count of the rest by kind; 0 shows all")
      ("render", po::value<std::string>()->value_name("svg|png|pdf FILE"),
       "draw the answer with Graphviz's dot into FILE (graph-shaped answers)")
      ("legend", po::value<std::string>()->value_name("WHICH")->default_value("compact"),
       "the diagram's legend: none, compact (what is drawn) or full (every style)")
      ("layout", po::value<std::string>()->value_name("ENGINE")->default_value("dot"),
       "the diagram's Graphviz layout: dot (dates in order), or neato or sfdp (force-directed, for large answers)")
      ("as-of-tx", po::value<long long>()->value_name("N"), "answer on a store as it was after transaction N (see `log`)")
      ("as-of", po::value<std::string>()->value_name("TIME"), "answer on a store as it was at TIME, UTC: YYYY-MM-DD[THH:MM[:SS]]")
      ("known-by", po::value<std::string>()->value_name("DATE"),
       "answer from the sources published on or before DATE only: what was known then")
      ("render-timeout", po::value<long long>()->value_name("SECONDS")->default_value(60),
       "stop dot after SECONDS (0: no limit)")
      ("max-input-size", po::value<std::string>()->value_name("SIZE")->default_value("4G"),
       "the largest dataset file or script read, in bytes or with K, M or G")
      ("help,h", "show help")
      ("version", "show the version");
    return global;
  }();
  return global;
}

namespace {

FuzzyDate checked_date(const char* option, const std::string& text) {
  std::string error;
  const auto date = FuzzyDate::parse(text, &error);
  if (!date) throw po::error(std::string("--") + option + " \"" + text + "\": " + error);
  return *date;
}

std::size_t checked_count(const char* name, long long value, long long minimum, long long maximum) {
  if (value < minimum || value > maximum) {
    throw po::error(std::string("--") + name + " must be between " + std::to_string(minimum) + " and " +
                    std::to_string(maximum) + ", not " + std::to_string(value));
  }
  return static_cast<std::size_t>(value);
}

}  // namespace

std::optional<FuzzyDate> date_option(const OptionValues& vm, const char* option) {
  const std::string* text = vm.text(option);
  if (!text) return std::nullopt;
  return checked_date(option, *text);
}

std::size_t count_option(const OptionValues& vm, const char* name, long long minimum, long long maximum) {
  return checked_count(name, vm[name].as<long long>(), minimum, maximum);
}

bool is_positional(const CommandSpec& spec, const std::string& name) {
  const unsigned count = std::min(spec.positional.max_total_count(), 16u);
  for (unsigned i = 0; i < count; ++i) {
    if (spec.positional.name_for_position(i) == name) return true;
  }
  return false;
}

std::string format_word(OutputFormat format) {
  switch (format) {
    case OutputFormat::kText: return "text";
    case OutputFormat::kJson: return "json";
    case OutputFormat::kDot: return "dot";
    case OutputFormat::kGraphml: return "graphml";
    case OutputFormat::kJsonl: return "jsonl";
    case OutputFormat::kGexf: return "gexf";
    case OutputFormat::kCsv: return "csv";
    case OutputFormat::kNeo4j: return "neo4j";
    case OutputFormat::kKuzu: return "kuzu";
  }
  return "text";
}

namespace {

OutputFormat parse_format(const std::string& text) {
  if (text == "text") return OutputFormat::kText;
  if (text == "json") return OutputFormat::kJson;
  if (text == "dot") return OutputFormat::kDot;
  if (text == "graphml") return OutputFormat::kGraphml;
  if (text == "jsonl") return OutputFormat::kJsonl;
  if (text == "gexf") return OutputFormat::kGexf;
  if (text == "csv") return OutputFormat::kCsv;
  if (text == "neo4j") return OutputFormat::kNeo4j;
  if (text == "kuzu") return OutputFormat::kKuzu;
  throw po::error("--format must be text, json, dot, graphml, gexf, csv, neo4j, kuzu (or jsonl for batch), not \"" + text +
                  "\"");
}

// `--render FORMAT FILE` takes two values, which program_options cannot express without
// swallowing the positional arguments that follow; take the pair out of argv beforehand.
// The words of a line, held inline: a line is a handful of words, and it is read in full for
// every line of a batch.
using Words = boost::container::small_vector<const char*, 16>;

Words extract_render(int argc, const char* const argv[], std::optional<RenderRequest>& render) {
  Words rest;
  for (int i = 0; i < argc; ++i) {
    const std::string_view arg = argv[i];
    // Read as an option of one value, "--render=svg" would be accepted and nothing drawn.
    if (arg.starts_with("--render=")) throw po::error("--render takes a format and a file name as two words: --render svg FILE");
    if (arg != "--render") {
      rest.push_back(argv[i]);
      continue;
    }
    if (i + 2 >= argc) throw po::error("--render needs a format (svg, png or pdf) and a file name");
    const std::string format = argv[i + 1];
    if (format != "svg" && format != "png" && format != "pdf") {
      throw po::error("--render format must be svg, png or pdf, not \"" + format + "\"");
    }
    const std::string file = argv[i + 2];
    if (file.empty()) throw po::error("--render needs a file name after the format, not an empty one");
    // "--render svg --format dot" is a forgotten file name far more often than a file called
    // "--format"; a file whose name begins with "-" can still be named "./-x.svg".
    if (file.starts_with("-")) {
      throw po::error("--render " + format + " " + file + ": the file name begins with \"-\"; write ./" + file +
                      " for a file of that name");
    }
    render = RenderRequest{format, file};
    i += 2;
  }
  return rest;
}

// "4G", "512M", "100K" or a number of bytes.
std::uint64_t parse_size(const std::string& text) {
  const auto refuse = [&] {
    return po::error("--max-input-size must be a number of bytes, optionally with K, M or G (4G), not \"" + text + "\"");
  };
  if (text.empty() || text.size() > 20) throw refuse();
  std::uint64_t value = 0;
  std::size_t at = 0;
  for (; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at) value = value * 10 + static_cast<unsigned>(text[at] - '0');
  if (at == 0) throw refuse();
  const std::string unit = text.substr(at);
  const int shift = unit.empty() ? 0 : unit == "K" || unit == "k" ? 10 : unit == "M" || unit == "m" ? 20 : unit == "G" || unit == "g" ? 30 : -1;
  if (shift < 0 || value > (std::uint64_t{1} << 40) || value == 0) throw refuse();
  return value << shift;
}

// The global options (--db, --format, -o ...): how a value given for each is checked and
// stored. In the order they are checked, whatever their order on the line: a line with two wrong
// global options is told of the same one however it is read.
struct GlobalOptionReader {
  std::string_view name;
  void (*store)(GlobalOptions& global, const OptionValue& value);
};

const std::vector<GlobalOptionReader>& global_option_readers() {
  using V = const OptionValue&;
  static const std::vector<GlobalOptionReader> readers = {
      {"db", [](GlobalOptions& g, V v) { g.databases = v.as<std::vector<std::string>>(); }},
      {"schema", [](GlobalOptions& g, V v) { g.schemas = v.as<std::vector<std::string>>(); }},
      {"format",
       [](GlobalOptions& g, V v) {
         g.format = parse_format(v.as<std::string>());
         g.format_given = !v.defaulted();
       }},
      {"output", [](GlobalOptions& g, V v) { g.output = v.as<std::string>(); }},
      {"max-errors", [](GlobalOptions& g, V v) { g.max_errors = checked_count("max-errors", v.as<long long>(), 0, 1000000000); }},
      {"as-of-tx",
       [](GlobalOptions& g, V v) {
         if (v.as<long long>() < 1) throw po::error("--as-of-tx takes a transaction number, 1 or more");
         g.as_of_transaction = v.as<long long>();
       }},
      {"as-of",
       [](GlobalOptions& g, V v) {
         if (g.as_of_transaction) throw po::error("give --as-of-tx or --as-of, not both");  // read just before
         g.as_of_time = v.as<std::string>();
       }},
      {"known-by", [](GlobalOptions& g, V v) { g.known_by = checked_date("known-by", v.as<std::string>()); }},
      {"max-input-size", [](GlobalOptions& g, V v) { g.max_input_bytes = parse_size(v.as<std::string>()); }},
      {"render-timeout",
       [](GlobalOptions& g, V v) {
         const long long timeout = v.as<long long>();
         if (timeout < 0 || timeout > 86400) throw po::error("--render-timeout must be between 0 (no limit) and 86400 seconds");
         g.render_timeout = static_cast<unsigned>(timeout);
       }},
      {"legend",
       [](GlobalOptions& g, V v) {
         g.legend = v.as<std::string>();
         if (g.legend != "none" && g.legend != "compact" && g.legend != "full") {
           throw po::error("--legend must be none, compact or full, not \"" + g.legend + "\"");
         }
       }},
      {"layout",
       [](GlobalOptions& g, V v) {
         g.layout = v.as<std::string>();
         if (g.layout != "dot" && g.layout != "neato" && g.layout != "sfdp") {
           throw po::error("--layout must be dot, neato or sfdp, not \"" + g.layout + "\"");
         }
       }},
  };
  return readers;
}

// The rank of the global option `name` among the readers; nullopt for a command's own option.
// A dozen names: a scan costs less than hashing the name, and a name of a length no global
// option has (a, b, all, from, to ...) is told at once.
std::optional<std::size_t> global_rank(std::string_view name) {
  const auto& readers = global_option_readers();
  static const std::uint64_t lengths = [&] {
    std::uint64_t mask = 0;
    for (const auto& reader : readers) mask |= std::uint64_t{1} << std::min<std::size_t>(reader.name.size(), 63);
    return mask;
  }();
  if (!(lengths >> std::min<std::size_t>(name.size(), 63) & 1)) return std::nullopt;
  for (std::size_t rank = 0; rank < readers.size(); ++rank) {
    if (name == readers[rank].name) return rank;
  }
  return std::nullopt;
}

// A global option's default is held by GlobalOptions (read_global_options), not by the line's
// OptionValues: a command looks its own options up there, a dozen times a line, and passing over
// the global defaults was most of each lookup.
bool is_global_option(std::string_view name) { return global_rank(name).has_value(); }

}  // namespace

CommandLineParser::CommandLineParser(const std::vector<const CommandSpec*>& commands) {
  const po::options_description& global = global_options_description();
  // The global options' defaults, stored once as a line that gives none of them has them.
  const auto& readers = global_option_readers();
  for (std::size_t rank = 0; rank < readers.size(); ++rank) {
    const po::option_description* option = global.find_nothrow(std::string(readers[rank].name), false);
    if (!option) throw std::logic_error("the reader of --" + std::string(readers[rank].name) + " reads no global option (cli/options.cpp)");
    boost::any value;
    if (option->semantic()->apply_default(value)) readers[rank].store(global_defaults_, OptionValue(po::variable_value(value, true)));
  }
  // A global option added without a reader would be accepted and then ignored: refuse to start.
  for (const auto& option : global.options()) {
    const std::string& name = option->long_name();
    if (name != "help" && name != "version" && name != "render" && !global_rank(name)) {
      throw std::logic_error("the global option --" + name + " has no reader (cli/options.cpp)");
    }
  }
  for (const CommandSpec* spec : commands) {
    auto grammar = std::make_unique<Grammar>();
    grammar->spec = spec;
    grammar->options.add(global);
    grammar->options.add(spec->options);
    grammar->options.add_options()("command", po::value<std::string>());
    grammar->positional.add("command", 1);
    for (unsigned i = 0; i < spec->positional.max_total_count() && i < 16; ++i) {
      grammar->positional.add(spec->positional.name_for_position(i).c_str(), 1);
    }
    grammar->plain.emplace(grammar->options, grammar->positional, is_global_option);
    by_name_.emplace(spec->name, grammar.get());
    grammars_.push_back(std::move(grammar));
  }
  unknown_ = std::make_unique<Grammar>();
  unknown_->options.add(global);
  unknown_->options.add_options()("command", po::value<std::string>())("rest", po::value<std::vector<std::string>>());
  unknown_->positional.add("command", 1).add("rest", -1);
}

const CommandLineParser::Grammar& CommandLineParser::grammar_for(std::string_view command) const {
  const auto found = by_name_.find(command);
  return found == by_name_.end() ? *unknown_ : *found->second;
}

bool CommandLineParser::read_plainly(const Grammar& grammar, int argc, const char* const argv[], OptionValues& into) {
  // Only a line whose first word is a known command: options before it need the first pass.
  if (!grammar.plain || argc < 2 || argv[1][0] == '-') return false;
  return grammar.plain->read(argc, argv, into);
}

bool CommandLineParser::reads_plainly(int argc, const char* const argv[]) const {
  std::optional<RenderRequest> render;
  Words args;
  try {
    args = extract_render(argc, argv, render);
  } catch (const po::error&) {
    return false;  // a --render that parse() refuses before any reading
  }
  OptionValues values;
  return args.size() >= 2 && read_plainly(grammar_for(args[1]), static_cast<int>(args.size()), args.data(), values);
}

void CommandLineParser::read_global_options(const OptionValues& vm, GlobalOptions& global) const {
  // The defaults, then the few global options the line gave, each checked, in a fixed order.
  global = global_defaults_;
  boost::container::small_vector<std::pair<std::size_t, const OptionValue*>, 8> given;
  vm.for_each_given([&](std::string_view name, const OptionValue& value) {
    if (const auto rank = global_rank(name)) given.emplace_back(*rank, &value);
  });
  std::sort(given.begin(), given.end());
  for (const auto& [rank, value] : given) global_option_readers()[rank].store(global, *value);
}

ParsedCommandLine CommandLineParser::parse(int argc, const char* const argv[], Reading reading) const {
  ParsedCommandLine parsed;
  const Words args = extract_render(argc, argv, parsed.render);
  argc = static_cast<int>(args.size());
  argv = args.data();
  const po::options_description& global = global_options_description();

  // No guessing from prefixes: "--form" is not "--format", so a line means one thing only.
  const int style = po::command_line_style::default_style & ~po::command_line_style::allow_guessing;
  if (argc > 1 && argv[1][0] != '-') {
    // The first word is the command (a batch line's usual shape): no first pass needed.
    parsed.command = argv[1];
  } else {
    // First pass: find the command word, whatever options surround it.
    static const po::options_description first_pass = [&] {
      po::options_description first;
      first.add(global).add_options()("command", po::value<std::string>())("rest", po::value<std::vector<std::string>>());
      return first;
    }();
    static const po::positional_options_description first_positional = [] {
      po::positional_options_description first;
      first.add("command", 1).add("rest", -1);
      return first;
    }();
    po::variables_map first;
    po::store(po::command_line_parser(argc, argv).options(first_pass).positional(first_positional).style(style)
                  .allow_unregistered().run(),
              first);
    if (first.count("command")) parsed.command = first["command"].as<std::string>();
  }

  // Second pass: the global options with the command's own, strictly.
  const Grammar& grammar = grammar_for(parsed.command);
  const CommandSpec* spec = grammar.spec;
  parsed.spec = spec;
  const po::options_description& all = grammar.options;
  const po::positional_options_description& positional = grammar.positional;
  // What Program_options would store (plain_line.h), without notify: no option has a notifier.
  const bool plain = reading == Reading::kPlainWherePossible && read_plainly(grammar, argc, argv, parsed.command_options);
  if (!plain) {
    po::variables_map read;
    try {
      po::store(po::command_line_parser(argc, argv).options(all).positional(positional).style(style).run(), read);
    } catch (const po::unknown_option& e) {
      std::vector<std::string_view> names;
      for (const auto& option : all.options()) {
        if (option->long_name() != "command" && option->long_name() != "rest" && !(spec && is_positional(*spec, option->long_name()))) {
          names.push_back(option->long_name());
        }
      }
      throw po::error(e.what() + option_hint(e.get_option_name(), names));
    }
    po::notify(read);
    parsed.command_options = OptionValues(read, is_global_option);
  }
  const OptionValues& vm = parsed.command_options;

  parsed.help = vm.count("help") > 0;
  parsed.version = vm.count("version") > 0;
  read_global_options(vm, parsed.global);
  if (spec && std::find(spec->formats.begin(), spec->formats.end(), parsed.global.format) == spec->formats.end()) {
    throw po::error(spec->name + " does not support --format " + format_word(parsed.global.format));
  }
  if (parsed.render && spec &&
      std::find(spec->formats.begin(), spec->formats.end(), OutputFormat::kDot) == spec->formats.end()) {
    throw po::error(spec->name + " has no diagram to --render");
  }
  if (spec && parsed.global.output.empty() &&
      std::find(spec->folder_formats.begin(), spec->folder_formats.end(), parsed.global.format) != spec->folder_formats.end()) {
    throw po::error(spec->name + " --format " + format_word(parsed.global.format) +
                    " writes several files: name their folder with -o DIR");
  }
  return parsed;
}

}  // namespace parley::cli
