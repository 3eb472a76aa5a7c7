// libFuzzer target: any bytes as a batch script, through the command line's parser: each line
// is split into words (tokenizer.h), parsed with the real command specifications
// (options.h), and any entity names it gives are resolved against the embedded dataset
// (resolve.h). Every line must end in parsed arguments or a reported error, and a line read
// plainly (plain_line.h) exactly as Program_options alone reads it. Answering the queries is
// left to the test suite, which runs under the same sanitizers.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <utility>

#include <boost/program_options.hpp>

#include "commands.h"
#include "parley/graph/database.h"
#include "parley/query/resolve.h"
#include "runner.h"
#include "tokenizer.h"

namespace {

const parley::Database& database() {
  static const auto db = [] {
    parley::Diagnostics diagnostics;
    return parley::Database::open({}, diagnostics);
  }();
  return *db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream script(std::string(reinterpret_cast<const char*>(data), size));
  std::string line;
  while (std::getline(script, line)) {
    const auto tokens = parley::cli::tokenize(line);
    if (tokens.error) {
      if (tokens.error->message.empty() || tokens.error->column == 0 || tokens.error->column > line.size() + 1) {
        __builtin_trap();  // an error must say what and where
      }
      continue;
    }
    std::vector<const char*> argv = {"parley"};
    for (const auto& word : tokens.words) argv.push_back(word.c_str());
    // A line read plainly (plain_line.h) must end as Program_options alone would end it.
    if (parley::cli::command_line_parser().reads_plainly(static_cast<int>(argv.size()), argv.data())) {
      const auto outcome = [&](parley::cli::CommandLineParser::Reading reading) {
        try {
          return std::pair(std::optional(parley::cli::command_line_parser().parse(static_cast<int>(argv.size()), argv.data(), reading)),
                           std::string());
        } catch (const boost::program_options::error& e) {
          return std::pair(std::optional<parley::cli::ParsedCommandLine>(), std::string(e.what()));
        }
      };
      const auto plain = outcome(parley::cli::CommandLineParser::Reading::kPlainWherePossible);
      const auto reference = outcome(parley::cli::CommandLineParser::Reading::kProgramOptionsOnly);
      if (plain.second != reference.second || plain.first.has_value() != reference.first.has_value()) __builtin_trap();
      if (plain.first && (plain.first->command != reference.first->command ||
                          !parley::cli::same_variables(plain.first->command_options, reference.first->command_options))) {
        __builtin_trap();
      }
    }
    try {
      const auto parsed = parley::cli::command_line_parser().parse(static_cast<int>(argv.size()), argv.data());
      for (const char* name : {"a", "b", "at"}) {
        if (!parsed.command_options.count(name)) continue;
        parley::Diagnostics diagnostics;
        const auto entity = parley::resolve_entity(database(), parsed.command_options[name].as<std::string>(), diagnostics);
        if (!entity && diagnostics.ok()) __builtin_trap();  // a name that fails must say why
      }
    } catch (const boost::program_options::error&) {
      // A usage error: reported to people as such.
    }
  }
  return 0;
}
