// parley build: checks dataset files exactly as a load does and writes them as a new store.
#include <ostream>

#include "commands.h"
#include "exit_codes.h"
#include "parley/store/open.h"
#include "parley/store/store.h"
#include "write_support.h"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

int run_build(const CommandContext& context) {
  const auto& args = context.args;
  if (args.global.output.empty()) throw po::error("build needs -o FILE, the store to write");
  if (args.global.databases.empty()) throw po::error("build needs the datasets to read: --db FILE (repeat to merge; @default is the embedded one)");
  if (names_a_store(args.global.databases)) throw po::error("build reads JSON datasets; to copy a store, export it with `export --format json` first");
  if (context.database) throw po::error("build cannot run inside a batch or shell session");
  const OptionValues& vm = args.command_options;
  TransactionInfo info;
  if (!vm.count("message")) {
    std::string files;
    for (const auto& f : args.global.databases) files += (files.empty() ? "" : ", ") + f;
    info.message = "build from " + files;
  }
  {
    // The author and message as for any write; the message has a default here.
    OptionValues with_message = vm;
    if (!vm.count("message")) with_message.set("message", OptionValue(info.message, false));
    info = transaction_from_options(with_message);
  }
  Diagnostics diagnostics;
  const auto report = [&] {
    print_diagnostics(diagnostics, context.err);
    bool io = false;
    for (const auto& d : diagnostics.items()) io = io || d.code == ErrorCode::kIoError;
    if (!io) context.err << diagnostics.size() << (diagnostics.size() == 1 ? " error" : " errors") << "; no store was written\n";
    return io ? kExitIoError : kExitInvalidData;
  };
  // The very loader `check` and every query use: the same checks, the same located errors.
  const auto db = Database::open(args.global.databases, diagnostics, args.global.max_input_bytes, args.global.schemas);
  if (!db) return report();
  print_diagnostics(diagnostics, context.err);  // warnings: entities of two files that look like one
  // The title, description and schema extension go into the store beside the records.
  if (!Store::create(args.global.output, db->dataset(), db->schema(), db->dataset().about, info, diagnostics)) {
    return report();
  }
  const Dataset& d = db->dataset();
  context.out << args.global.output << ": built from " << args.global.databases.size()
              << (args.global.databases.size() == 1 ? " file" : " files") << " (transaction 1): " << d.sources.size()
              << " sources, " << d.entities.size() << " entities, " << d.relations.size() << " relations\n";
  return kExitOk;
}

}  // namespace

Command build_command() {
  Command command{{}, run_build};
  CommandSpec& spec = command.spec;
  spec.name = "build";
  spec.synopsis = "build --db FILE [--db FILE]... -o STORE [-m TEXT] [--author NAME]";
  spec.summary = "check datasets as a load does and write them as a new store";
  spec.owns_output = true;
  spec.options.add_options()
      ("message,m", po::value<std::string>()->value_name("TEXT"), "why: recorded as transaction 1 (default: the files built from)")
      ("author", po::value<std::string>()->value_name("NAME"), "who: recorded with it (default: your login name)");
  return command;
}

}  // namespace parley::cli
