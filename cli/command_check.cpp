// parley check: validates the datasets and prints a summary, or every problem found.
#include <ostream>

#include "commands.h"
#include "exit_codes.h"
#include "json_output.h"
#include "parley/query/stats.h"
#include "parley/store/open.h"
#include "presentation.h"

namespace parley::cli {
namespace {

// The diagnostics of one severity as a JSON array.
void write_diagnostics(JsonOutput& json, const Diagnostics& diagnostics, Severity severity) {
  auto& w = json.writer();
  w.StartArray();
  for (const auto& d : diagnostics.items()) {
    if (d.severity != severity) continue;
    w.StartObject();
    json.field("code", error_code_name(d.code));
    json.field("message", d.message);
    json.field("file", d.where.file);
    if (d.where.line > 0) {
      json.field("line", std::uint64_t{d.where.line});
      json.field("column", std::uint64_t{d.where.column});
    }
    if (!d.where.json_pointer.empty()) json.field("pointer", d.where.json_pointer);
    if (!d.where.record.empty()) json.field("record", d.where.record);
    if (!d.where.field.empty()) json.field("field", d.where.field);
    w.EndObject();
  }
  w.EndArray();
}

void print_json_errors(const Diagnostics& diagnostics, std::ostream& out) {
  JsonOutput json;
  auto& w = json.writer();
  w.StartObject();
  json.field("valid", false);
  json.field("error_count", std::uint64_t{diagnostics.error_count()});
  json.key("errors");
  write_diagnostics(json, diagnostics, Severity::kError);
  // Past --max-errors: how many more of each code.
  json.key("not_shown");
  w.StartArray();
  for (const auto& [code, count] : diagnostics.dropped()) {
    w.StartObject();
    json.field("code", error_code_name(code));
    json.field("count", std::uint64_t{count});
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  json.print(out);
}

int run_check(const CommandContext& context) {
  Diagnostics diagnostics;
  // In a batch or shell session the data was checked when the session opened it.
  std::unique_ptr<Database> opened;
  const Database* db = context.database;
  if (!db) {
    diagnostics.set_limit(context.args.global.max_errors);
    opened = open_dataset_or_store(context.args.global.databases, as_of(context.args.global), diagnostics,
                                  context.args.global.max_input_bytes, context.args.global.schemas);
    db = opened.get();
  }
  const bool json = context.args.global.format == OutputFormat::kJson;
  if (!db) {
    if (json) {
      print_json_errors(diagnostics, context.out);
    } else {
      print_diagnostics(diagnostics, context.err);
      const std::size_t errors = diagnostics.error_count();
      context.err << errors << (errors == 1 ? " error" : " errors") << "; nothing was loaded\n";
    }
    return open_failure_exit_code(diagnostics);
  }
  const DatabaseStats stats = compute_stats(*db);
  if (json) {
    JsonOutput out;
    auto& w = out.writer();
    w.StartObject();
    out.field("valid", true);
    out.key("files");
    w.StartArray();
    for (const auto& f : db->dataset().files) out.string(f);
    w.EndArray();
    out.field("sources", std::uint64_t{stats.sources});
    out.field("entities", std::uint64_t{stats.entities});
    out.field("relations", std::uint64_t{stats.relations});
    out.field("citations", std::uint64_t{stats.citations});
    out.key("warnings");
    write_diagnostics(out, diagnostics, Severity::kWarning);
    w.EndObject();
    out.print(context.out);
    return kExitOk;
  }
  // Warnings (the data loaded): each on standard error, then their count.
  if (diagnostics.warning_count() > 0) {
    print_diagnostics(diagnostics, context.err);
    context.err << warning_count(diagnostics.warning_count()) << '\n';
  }
  for (const auto& f : db->dataset().files) context.out << f << ": valid\n";
  context.out << count_of(stats.sources, "source") << ", " << count_of(stats.entities, "entity", "entities") << ", "
              << count_of(stats.relations, "relation") << ", " << count_of(stats.citations, "citation") << '\n';
  return kExitOk;
}

}  // namespace

Command check_command() {
  Command command{{}, run_check};
  command.spec.name = "check";
  command.spec.synopsis = "check [--db FILE]... [--max-errors N]";
  command.spec.summary = "validate datasets against the schema and report every problem with its location";
  command.spec.shows_answer_on_failure = true;  // the report of a failed check is the answer
  return command;
}

}  // namespace parley::cli
