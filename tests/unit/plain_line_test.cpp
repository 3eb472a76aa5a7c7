// The plain reading of a command line (cli/plain_line.h) stores what Program_options stores,
// for every command and option, and leaves every other line to Program_options, whose messages
// users see.
#include <catch2/catch.hpp>

#include <boost/program_options.hpp>

#include <optional>
#include <string>
#include <vector>

#include "runner.h"
#include "tokenizer.h"

namespace po = boost::program_options;
using parley::cli::CommandLineParser;
using parley::cli::command_line_parser;
using parley::cli::commands;

namespace {

// What a reading of `line` ended in: the parsed line, or the message of the error it threw.
struct Outcome {
  std::optional<parley::cli::ParsedCommandLine> parsed;
  std::string error;
};

std::vector<std::string> words(const std::string& line) {
  const auto tokens = parley::cli::tokenize(line);
  REQUIRE_FALSE(tokens.error);
  return tokens.words;
}

Outcome read(const std::vector<std::string>& line, CommandLineParser::Reading reading) {
  std::vector<const char*> argv = {"parley"};
  for (const auto& word : line) argv.push_back(word.c_str());
  Outcome outcome;
  try {
    outcome.parsed = command_line_parser().parse(static_cast<int>(argv.size()), argv.data(), reading);
  } catch (const po::error& e) {
    outcome.error = e.what();
  }
  return outcome;
}

bool reads_plainly(const std::vector<std::string>& line) {
  std::vector<const char*> argv = {"parley"};
  for (const auto& word : line) argv.push_back(word.c_str());
  return command_line_parser().reads_plainly(static_cast<int>(argv.size()), argv.data());
}

// Both readings end alike: the same error, or the same command, variables and global options.
void check_same(const std::vector<std::string>& line) {
  const Outcome plain = read(line, CommandLineParser::Reading::kPlainWherePossible);
  const Outcome reference = read(line, CommandLineParser::Reading::kProgramOptionsOnly);
  REQUIRE(plain.parsed.has_value() == reference.parsed.has_value());
  CHECK(plain.error == reference.error);
  if (!plain.parsed) return;
  const auto& p = *plain.parsed;
  const auto& r = *reference.parsed;
  CHECK(p.command == r.command);
  CHECK(parley::cli::same_variables(p.command_options, r.command_options));
  CHECK((p.global.format == r.global.format && p.global.format_given == r.global.format_given));
  CHECK((p.global.output == r.global.output && p.global.legend == r.global.legend && p.global.layout == r.global.layout));
  CHECK((p.global.max_errors == r.global.max_errors && p.global.render_timeout == r.global.render_timeout));
  CHECK((p.global.known_by.has_value() == r.global.known_by.has_value() && p.help == r.help && p.version == r.version));
  CHECK(p.render.has_value() == r.render.has_value());
}

// A value an option may be given, by its name: a valid one where the option checks it.
std::string sample_value(const std::string& option) {
  if (option == "format") return "json";
  if (option == "legend") return "full";
  if (option == "layout") return "neato";
  if (option == "from" || option == "to" || option == "known-by") return "2018-11";
  if (option == "status") return "held,planned";
  if (option == "max-input-size") return "64M";
  return "3";  // a count, or a name
}

}  // namespace

TEST_CASE("a plain line is read as Program_options reads it, for every option of every command", "[options]") {
  for (const auto& command : commands()) {
    po::options_description all;
    all.add(parley::cli::global_options_description()).add(command.spec.options);
    for (const auto& option : all.options()) {
      const std::string name = option->long_name();
      if (name.empty()) continue;
      const bool takes_value = option->semantic()->max_tokens() > 0;
      for (const bool adjacent : {false, true}) {
        std::vector<std::string> line = {command.spec.name, "Abe"};
        if (!takes_value) {
          if (adjacent) continue;
          line.push_back("--" + name);
        } else if (adjacent) {
          line.push_back("--" + name + "=" + sample_value(name));
        } else {
          line.insert(line.end(), {"--" + name, sample_value(name)});
        }
        INFO(command.spec.name << " --" << name << (adjacent ? " (adjacent)" : ""));
        check_same(line);
      }
    }
  }
}

TEST_CASE("the lines of a batch script take the plain reading, and agree with Program_options", "[options]") {
  for (const std::string line :
       {"who-met Abe", "who-met Abe Putin --format json", "who-met Putin --status any --rows compact",
        "who-met Lavrov --from 2019-01-14 --to 2019-01-14 --at Moscow", "who-met --all --status any",
        "neighbours Abe --depth 2 --format json", "neighbours '1956 Joint Declaration' --types provides_handover",
        "path 'Igor Morgulov' Shikotan", "path Abe Lavrov --k 3 --limit 5", "path Abe Lavrov --all --max-hops 4",
        "timeline Abe --from 2018 --to 2019 --status held", "show Shikotan --format json", "why Abe Putin",
        "sources --by Kyodo", "stats --format json", "who-met Abe --format=json", "neighbours Abe --depth=3",
        "who-met Abe Putin --render svg abe.svg",
        "who-met Abe --help"}) {
    INFO(line);
    CHECK(reads_plainly(words(line)));
    check_same(words(line));
  }
}

TEST_CASE("any other line is left to Program_options, with its messages", "[options]") {
  for (const std::string line :
       {"--format json who-met Abe",      // options before the command
        "who-met Abe -o out.json",        // a short option
        "who-met Abe --format",           // a value missing
        "who-met Abe --format=",          // an empty value
        "who-met Abe --format json --format text",  // given twice
        "who-met Abe Putin Lavrov",       // a word too many
        "who-met Abe --formt json",       // unknown
        "neighbours Abe --depth -1",      // a value that begins with "-"
        "neighbours Abe --depth +2",      // a sign
        "neighbours Abe --depth 99999999999999999999",  // past long long
        "neighbours Abe --depth two",     // not a number
        "who-met Abe --all=yes",          // a value for a switch
        "who-met '' Putin",               // an empty word
        "who-met Abe -- Putin",           // the end of options
        "who-met Abe --render svg",       // --render without its file, refused before reading
        "who-met Abe --render gif x.gif", // --render of a format it does not draw
        "who-met --a Abe Putin Lavrov",   // a name given twice, by option and position
        "nonsense Abe",                   // no such command
        "check a.json b.json"}) {         // a list of files
    INFO(line);
    CHECK_FALSE(reads_plainly(words(line)));
    check_same(words(line));
  }
}
