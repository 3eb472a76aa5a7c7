// parley stats: counts of entities by kind, relations by type and citations by source.
#include <iomanip>
#include <ostream>

#include "commands.h"
#include "exit_codes.h"
#include "json_output.h"
#include "parley/query/stats.h"

namespace parley::cli {
namespace {

void print_table(std::ostream& out, const std::string& title, std::size_t total,
                 const std::vector<std::pair<std::string, std::size_t>>& rows) {
  std::size_t width = title.size();
  for (const auto& [name, _] : rows) width = std::max(width, name.size() + 2);
  out << std::left << std::setw(static_cast<int>(width)) << title << "  " << std::right << std::setw(7) << total << '\n';
  for (const auto& [name, count] : rows) {
    out << "  " << std::left << std::setw(static_cast<int>(width - 2)) << name << "  " << std::right << std::setw(7)
        << count << '\n';
  }
}

void write_counts(JsonOutput& json, std::string_view key, const std::vector<std::pair<std::string, std::size_t>>& rows) {
  json.key(key);
  json.writer().StartObject();
  for (const auto& [name, count] : rows) json.field(name, std::uint64_t{count});
  json.writer().EndObject();
}

int run_stats(const CommandContext& context) {
  int exit_code = kExitOk;
  const Database* db = open_database(context, exit_code);
  if (!db) return exit_code;
  const DatabaseStats stats = compute_stats(*db);
  if (context.args.global.format == OutputFormat::kJson) {
    JsonOutput json;
    json.writer().StartObject();
    json.field("sources", std::uint64_t{stats.sources});
    json.field("entities", std::uint64_t{stats.entities});
    json.field("relations", std::uint64_t{stats.relations});
    json.field("aliases", std::uint64_t{stats.aliases});
    json.field("attributes", std::uint64_t{stats.attributes});
    json.field("citations", std::uint64_t{stats.citations});
    write_counts(json, "entities_by_kind", stats.entities_by_kind);
    write_counts(json, "relations_by_type", stats.relations_by_type);
    write_counts(json, "citations_by_source", stats.citations_by_source);
    json.writer().EndObject();
    json.print(context.out);
    return kExitOk;
  }
  print_table(context.out, "entities", stats.entities, stats.entities_by_kind);
  context.out << '\n';
  print_table(context.out, "relations", stats.relations, stats.relations_by_type);
  context.out << '\n';
  print_table(context.out, "citations", stats.citations, stats.citations_by_source);
  context.out << '\n'
              << "sources " << stats.sources << ", aliases " << stats.aliases << ", attributes " << stats.attributes
              << '\n';
  return kExitOk;
}

}  // namespace

Command stats_command() {
  Command command{{}, run_stats};
  command.spec.name = "stats";
  command.spec.synopsis = "stats [--db FILE]... [--format text|json]";
  command.spec.summary = "count entities by kind, relations by type and citations by source";
  return command;
}

}  // namespace parley::cli
