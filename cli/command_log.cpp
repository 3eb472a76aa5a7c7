// parley log: a store's transactions, oldest first: when, who, why, and what each changed.
#include <ostream>

#include "commands.h"
#include "exit_codes.h"
#include "json_output.h"
#include "parley/store/open.h"
#include "parley/store/store.h"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

std::string counts(const std::vector<std::pair<std::string, std::int64_t>>& list) {
  static const std::vector<std::pair<std::string, std::string>> singular = {
      {"sources", "source"}, {"entities", "entity"}, {"aliases", "alias"}, {"attributes", "attribute"},
      {"relations", "relation"}};
  std::string out;
  for (const auto& [table, count] : list) {
    std::string name = table;
    for (const auto& [plural, one] : singular) {
      if (count == 1 && plural == table) name = one;
    }
    out += (out.empty() ? "" : ", ") + std::to_string(count) + " " + name;
  }
  return out;
}

int run_log(const CommandContext& context) {
  const auto& paths = context.args.global.databases;
  if (paths.size() != 1 || !names_a_store(paths)) throw po::error("log lists a store's transactions: give the store with --db FILE.parley");
  Diagnostics diagnostics;
  std::vector<TransactionSummary> log;
  auto store = Store::open(paths.front(), diagnostics);
  if (!store || !store->log(log, diagnostics)) {
    print_diagnostics(diagnostics, context.err);
    return kExitIoError;
  }
  if (context.args.global.format == OutputFormat::kJson) {
    JsonOutput json;
    auto& w = json.writer();
    w.StartObject();
    json.key("transactions");
    w.StartArray();
    for (const auto& t : log) {
      w.StartObject();
      json.field("transaction", static_cast<std::uint64_t>(t.info.id));
      json.field("time", t.info.time);
      json.field("author", t.info.author);
      json.field("message", t.info.message);
      for (const auto* part : {&t.added, &t.retracted}) {
        json.key(part == &t.added ? "added" : "retracted");
        w.StartObject();
        for (const auto& [table, count] : *part) json.field(table, static_cast<std::uint64_t>(count));
        w.EndObject();
      }
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    json.print(context.out);
    return kExitOk;
  }
  for (const auto& t : log) {
    context.out << "transaction " << t.info.id << "  " << t.info.time << "  " << t.info.author << '\n'
                << "    " << t.info.message << '\n';
    if (!t.added.empty()) context.out << "    added " << counts(t.added) << '\n';
    if (!t.retracted.empty()) context.out << "    retracted " << counts(t.retracted) << '\n';
  }
  return kExitOk;
}

}  // namespace

Command log_command() {
  Command command{{}, run_log};
  command.spec.name = "log";
  command.spec.synopsis = "log [--format text|json]";
  command.spec.summary = "a store's transactions: when, who, why and what each changed";
  return command;
}

}  // namespace parley::cli
