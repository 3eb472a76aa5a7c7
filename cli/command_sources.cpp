// parley sources: every source with its publisher, date and title, and how many facts cite it.
#include <algorithm>
#include <ostream>

#include "commands.h"
#include "exit_codes.h"
#include "json_output.h"
#include "parley/common/date.h"
#include "parley/common/terminal_text.h"
#include "parley/query/source_list.h"


namespace parley::cli {
namespace {

std::string published_text(const Source& source) {
  if (source.published.empty()) return "date not given";
  const auto date = FuzzyDate::parse(source.published);
  return date ? date->describe() : source.published;
}

std::string counted(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + ' ' + (n == 1 ? one : many);
}

void write_json(const Database& db, const std::vector<SourceSummary>& summaries, std::ostream& out) {
  const Dataset& data = db.dataset();
  JsonOutput json;
  json.writer().StartObject();
  json.field("source_count", std::uint64_t{summaries.size()});
  json.key("sources");
  json.writer().StartArray();
  for (const SourceSummary& s : summaries) {
    const Source& source = data.sources[s.source];
    json.writer().StartObject();
    json.field("id", source.id);
    json.field("publisher", source.publisher);
    json.field("title", source.title);
    if (!source.published.empty()) json.field("published", source.published);
    if (!source.file.empty()) json.field("file", source.file);
    if (!source.url.empty()) json.field("url", source.url);
    json.field("evidence", source.is_coded() ? std::string_view("coded_records") : std::string_view("quotes"));
    json.field("facts", std::uint64_t{s.facts()});
    json.key("cited_by");
    json.writer().StartObject();
    json.field("entities", std::uint64_t{s.entities});
    json.field("aliases", std::uint64_t{s.aliases});
    json.field("attributes", std::uint64_t{s.attributes});
    json.field("relations", std::uint64_t{s.relations});
    json.writer().EndObject();
    json.writer().EndObject();
  }
  json.writer().EndArray();
  json.writer().EndObject();
  json.print(out);
}

int run_sources(const CommandContext& context) {
  int exit_code = kExitOk;
  const Database* db = open_database(context, exit_code);
  if (!db) return exit_code;
  const std::vector<SourceSummary> summaries = summarise_sources(*db);
  if (context.args.global.format == OutputFormat::kJson) {
    write_json(*db, summaries, context.out);
    return kExitOk;
  }
  const Dataset& data = db->dataset();
  std::size_t width = 0;
  for (const Source& source : data.sources) width = std::max(width, source.id.size());
  const std::string indent(width + 2, ' ');
  context.out << counted(summaries.size(), "source", "sources") << '\n';
  for (const SourceSummary& s : summaries) {
    const Source& source = data.sources[s.source];
    context.out << '\n' << source.id << std::string(width + 2 - source.id.size(), ' ') << source.publisher << ", "
                << published_text(source) << (source.is_coded() ? " (coded event data)" : "") << '\n'
                << indent << single_line(source.title) << '\n'
                << indent << counted(s.facts(), "fact", "facts") << ": " << counted(s.entities, "entity", "entities")
                << ", " << counted(s.aliases, "alias", "aliases") << ", "
                << counted(s.attributes, "attribute", "attributes") << ", "
                << counted(s.relations, "relation", "relations") << '\n';
  }
  return kExitOk;
}

}  // namespace

Command sources_command() {
  Command command{{}, run_sources};
  CommandSpec& spec = command.spec;
  spec.name = "sources";
  spec.synopsis = "sources";
  spec.summary = "the sources: publisher, date, title, and how many facts cite each";
  return command;
}

}  // namespace parley::cli
