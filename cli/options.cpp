#include "options.h"

namespace po = boost::program_options;

namespace parley::cli {

po::options_description global_options_description() {
  po::options_description global("Global options");
  global.add_options()
      ("db", po::value<std::vector<std::string>>()->composing(),
       "dataset file to open; repeat to merge several; @default is the embedded dataset")
      ("format", po::value<std::string>()->default_value("text"), "output format: text or json")
      ("help,h", "show help")
      ("version", "show the version");
  return global;
}

namespace {

OutputFormat parse_format(const std::string& text) {
  if (text == "text") return OutputFormat::kText;
  if (text == "json") return OutputFormat::kJson;
  throw po::error("--format must be text or json, not \"" + text + "\"");
}

}  // namespace

ParsedCommandLine parse_command_line(int argc, const char* const argv[], const std::vector<const CommandSpec*>& commands) {
  ParsedCommandLine parsed;
  const po::options_description global = global_options_description();

  // First pass: find the command word, whatever options surround it.
  po::options_description first_pass;
  first_pass.add(global).add_options()("command", po::value<std::string>())("rest", po::value<std::vector<std::string>>());
  po::positional_options_description first_positional;
  first_positional.add("command", 1).add("rest", -1);
  po::variables_map first;
  po::store(po::command_line_parser(argc, argv).options(first_pass).positional(first_positional).allow_unregistered().run(), first);
  if (first.count("command")) parsed.command = first["command"].as<std::string>();

  const CommandSpec* spec = nullptr;
  for (const auto& c : commands) {
    if (c->name == parsed.command) spec = c;
  }

  // Second pass: the global options with the command's own, strictly.
  po::options_description all;
  all.add(global);
  po::positional_options_description positional;
  if (spec) {
    all.add(spec->options);
    all.add_options()("command", po::value<std::string>());
    positional.add("command", 1);
    for (unsigned i = 0; i < spec->positional.max_total_count() && i < 16; ++i) {
      positional.add(spec->positional.name_for_position(i).c_str(), 1);
    }
  } else {
    all.add_options()("command", po::value<std::string>())("rest", po::value<std::vector<std::string>>());
    positional.add("command", 1).add("rest", -1);
  }
  po::variables_map vm;
  po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
  po::notify(vm);

  parsed.help = vm.count("help") > 0;
  parsed.version = vm.count("version") > 0;
  if (vm.count("db")) parsed.global.databases = vm["db"].as<std::vector<std::string>>();
  parsed.global.format = parse_format(vm["format"].as<std::string>());
  parsed.command_options = std::move(vm);
  return parsed;
}

}  // namespace parley::cli
