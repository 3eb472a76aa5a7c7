#include "commands.h"

#include <algorithm>
#include <ostream>

#include "exit_codes.h"
#include "parley/load/known_by.h"
#include "parley/store/open.h"

namespace parley::cli {

std::vector<Command> all_commands() {
  return {who_met_command(), path_command(),  neighbours_command(), timeline_command(), show_command(),
          why_command(),     sources_command(), export_command(),  import_command(),   batch_command(),
          shell_command(),   check_command(),   stats_command(),   build_command(),    add_command(),
          retract_command(), log_command(),     match_command(),    fmt_command()};
}

void print_diagnostics(const Diagnostics& diagnostics, std::ostream& err) {
  for (const auto& d : diagnostics.items()) err << d.to_string() << '\n';
  const auto dropped = diagnostics.dropped();
  if (dropped.empty()) return;
  err << "... and " << diagnostics.size() - diagnostics.items().size() << " more not shown (";
  for (std::size_t i = 0; i < dropped.size(); ++i) err << (i ? ", " : "") << dropped[i].second << ' ' << error_code_name(dropped[i].first);
  err << "); --max-errors 0 shows them all\n";
}

std::string warning_count(std::size_t warnings) {
  return std::to_string(warnings) + (warnings == 1 ? " warning" : " warnings");
}

namespace {

// "a, b, c and 4 more": the first few ids of a list that may be long.
std::string some_ids(const Dataset& data, const std::vector<SourceIndex>& sources) {
  constexpr std::size_t kShown = 5;
  std::string out;
  for (std::size_t i = 0; i < sources.size() && i < kShown; ++i) out += (i ? ", " : "") + data.sources[sources[i]].id;
  if (sources.size() > kShown) out += " and " + std::to_string(sources.size() - kShown) + " more";
  return out;
}

// `db` as its sources knew it on the --known-by date, saying which sources that leaves out for
// want of a date precise enough to tell.
std::unique_ptr<Database> known_by(const Database& db, const FuzzyDate& date, std::ostream& err) {
  const KnownBySources sources = sources_known_by(db.dataset(), date);
  const auto plural = [](std::size_t n) { return std::to_string(n) + (n == 1 ? " source" : " sources"); };
  // Said on every run: an answer from part of the sources must not pass for one from all.
  err << "parley: note: as known by " << date.describe() << ": from " << sources.known.size() << " of "
      << plural(db.dataset().sources.size()) << '\n';
  if (!sources.uncertain.empty()) {
    err << "parley: note: --known-by " << date.describe() << " leaves out " << plural(sources.uncertain.size())
        << " published in a period that may end after it: " << some_ids(db.dataset(), sources.uncertain) << '\n';
  }
  if (!sources.undated.empty()) {
    err << "parley: note: --known-by " << date.describe() << " leaves out " << plural(sources.undated.size())
        << " with no publication date: " << some_ids(db.dataset(), sources.undated) << '\n';
  }
  Diagnostics diagnostics;
  auto restricted = db.with_dataset(dataset_known_by(db.dataset(), sources), diagnostics);
  print_diagnostics(diagnostics, err);
  return restricted;
}

}  // namespace

const Database* open_database(const CommandContext& context, int& exit_code, const ReadScope* scope,
                              bool* read_in_part) {
  if (read_in_part) *read_in_part = false;
  const auto& global = context.args.global;
  const Database* db = context.database;  // a batch or shell session's, opened once
  if (!db) {
    // What a source knew is decided over the whole dataset: an entity stays while any known
    // relation names it, and that relation may lie outside a query's scope.
    Diagnostics diagnostics;
    diagnostics.set_limit(global.max_errors);
    context.owned = open_dataset_or_store(global.databases, as_of(global), diagnostics, global.max_input_bytes,
                                          global.schemas, global.known_by ? nullptr : scope, read_in_part);
    db = context.owned.get();
    // Warnings do not stop the command; they go to standard error, before its answer.
    print_diagnostics(diagnostics, context.err);
    if (!db) {
      exit_code = open_failure_exit_code(diagnostics);
      return nullptr;
    }
  }
  if (!global.known_by) return db;
  context.owned = known_by(*db, *global.known_by, context.err);
  if (!context.owned) exit_code = kExitInvalidData;
  return context.owned.get();
}

AsOf as_of(const GlobalOptions& global) { return AsOf{global.as_of_transaction, global.as_of_time}; }

int open_failure_exit_code(const Diagnostics& diagnostics) {
  const auto any = [&](ErrorCode code) {
    return std::any_of(diagnostics.items().begin(), diagnostics.items().end(),
                       [code](const Diagnostic& d) { return d.code == code; });
  };
  if (any(ErrorCode::kIoError)) return kExitIoError;
  if (any(ErrorCode::kUsage)) return kExitUsage;
  if (any(ErrorCode::kNameNotFound)) return kExitQueryError;  // --as-of a transaction the store lacks
  return kExitInvalidData;
}

}  // namespace parley::cli
