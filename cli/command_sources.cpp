// parley sources: every source with its publisher, byline, date and title, and how many facts
// cite it; with --by NAME, the sources a publisher or author is behind and the facts they report.
#include <algorithm>
#include <ostream>

#include "commands.h"
#include "exit_codes.h"
#include "json_output.h"
#include "presentation.h"
#include "query_support.h"
#include "parley/common/date.h"
#include "parley/common/terminal_text.h"
#include "parley/query/entity_card.h"
#include "parley/query/source_list.h"

namespace po = boost::program_options;

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

// "by Kotaro Ono, Takashi Kida, Yuka Takeshita", "credited to Kyodo" (a byline naming no one),
// or "" for a source without a byline.
std::string byline_text(const Source& source) {
  if (!source.authors.empty()) {
    std::string out = "by ";
    for (std::size_t i = 0; i < source.authors.size(); ++i) out += (i ? ", " : "") + single_line(source.authors[i]);
    return out;
  }
  return source.byline.empty() ? std::string() : "credited to " + single_line(source.byline);
}

// How a relation is named to a reader: its id where it has one, else its type and ends.
std::string relation_name(const Database& db, RelationIndex r) {
  const Relation& relation = db.dataset().relations[r];
  if (!relation.id.empty()) return relation.id;
  return db.schema().relation_type(relation.type).name + " " + db.dataset().entities[relation.from].id + " -> " +
         db.dataset().entities[relation.to].id;
}

void write_source_members(JsonOutput& json, const Source& source, const SourceSummary& s) {
  auto& w = json.writer();
  json.field("id", source.id);
  json.field("publisher", source.publisher);
  if (!source.byline.empty()) json.field("byline", source.byline);
  json.key("authors");
  w.StartArray();
  for (const auto& author : source.authors) json.string(author);
  w.EndArray();
  json.field("title", source.title);
  if (!source.published.empty()) json.field("published", source.published);
  if (!source.file.empty()) json.field("file", source.file);
  if (!source.url.empty()) json.field("url", source.url);
  json.field("evidence", source.is_coded() ? std::string_view("coded_records") : std::string_view("quotes"));
  json.field("facts", std::uint64_t{s.facts()});
  json.key("cited_by");
  w.StartObject();
  json.field("entities", std::uint64_t{s.entities});
  json.field("aliases", std::uint64_t{s.aliases});
  json.field("attributes", std::uint64_t{s.attributes});
  json.field("relations", std::uint64_t{s.relations});
  w.EndObject();
}

// Every fact the chosen sources report: on imported event data, where one source is behind
// every fact, that is the dataset, so the rows are handed on to `out` as they are written.
void write_reported_json(JsonOutput& json, const Database& db, const ReportedFacts& facts, std::ostream& out) {
  const Dataset& data = db.dataset();
  auto& w = json.writer();
  json.key("reported");
  w.StartObject();
  json.key("entities");
  w.StartArray();
  for (const EntityIndex e : facts.entities) {
    write_entity_ref(json, db, e);
    json.flush(out);
  }
  w.EndArray();
  json.key("attributes");
  w.StartArray();
  for (const auto& [e, a] : facts.attributes) {
    const Attribute& attribute = data.entities[e].attributes[a];
    w.StartObject();
    json.key("entity");
    write_entity_ref(json, db, e);
    json.field("name", attribute.name);
    json.field("value", attribute.value);
    if (!attribute.attribution.empty()) json.field("attribution", attribute.attribution);
    json.key("sources");
    write_citations(json, data, attribute.citations);
    w.EndObject();
    json.flush(out);
  }
  w.EndArray();
  json.key("relations");
  w.StartArray();
  for (const RelationIndex r : facts.relations) {
    write_relation(json, db, r, true);
    json.flush(out);
  }
  w.EndArray();
  w.EndObject();
}

void print_source(std::ostream& out, const Source& source, const SourceSummary& s, std::size_t width) {
  const std::string indent(width + 2, ' ');
  out << '\n' << source.id << std::string(width + 2 - source.id.size(), ' ') << source.publisher << ", "
      << published_text(source) << (source.is_coded() ? " (coded event data)" : "") << '\n'
      << indent << single_line(source.title) << '\n';
  if (const std::string by = byline_text(source); !by.empty()) out << indent << by << '\n';
  out << indent << counted(s.facts(), "fact", "facts") << ": " << counted(s.entities, "entity", "entities") << ", "
      << counted(s.aliases, "alias", "aliases") << ", " << counted(s.attributes, "attribute", "attributes") << ", "
      << counted(s.relations, "relation", "relations") << '\n';
}

void print_reported(std::ostream& out, const Database& db, const ReportedFacts& facts) {
  const Dataset& data = db.dataset();
  out << "\nRelations reported (" << facts.relations.size() << ")\n";
  for (const RelationIndex r : facts.relations) {
    const Relation& relation = data.relations[r];
    out << "  " << relation_name(db, r) << ": " << data.entities[relation.from].name << " — " << reading(db, r, true)
        << " → " << data.entities[relation.to].name << relation_qualifiers(db, r) << ' '
        << sources_text(data, relation.citations) << '\n';
  }
  out << "\nAttributes reported (" << facts.attributes.size() << ")\n";
  for (const auto& [e, a] : facts.attributes) {
    const Attribute& attribute = data.entities[e].attributes[a];
    out << "  " << data.entities[e].name << ": " << attribute.name << ' ' << single_line(attribute.value)
        << (attribute.attribution.empty() ? "" : " [attribution: " + single_line(attribute.attribution) + "]") << ' '
        << sources_text(data, attribute.citations) << '\n';
  }
  out << "\nEntities mentioned (" << facts.entities.size() << ")\n  ";
  for (std::size_t i = 0; i < facts.entities.size(); ++i) out << (i ? ", " : "") << data.entities[facts.entities[i]].name;
  out << '\n';
}

int run_sources(const CommandContext& context) {
  int exit_code = kExitOk;
  const Database* db = open_database(context, exit_code);
  if (!db) return exit_code;
  const OptionValues& vm = context.args.command_options;
  const Dataset& data = db->dataset();
  const std::vector<SourceSummary> all = summarise_sources(*db);
  std::vector<SourceSummary> summaries = all;
  std::optional<std::string> by;
  if (vm.count("by")) {
    by = vm["by"].as<std::string>();
    const std::vector<SourceIndex> found = sources_by(data, *by);
    if (found.empty()) {
      QueryError error;
      error.diagnostics.add(ErrorCode::kNameNotFound,
                            "no source has \"" + single_line(*by) + "\" as its publisher or among its authors", Location{});
      throw error;
    }
    summaries.clear();
    for (const SourceIndex s : found) summaries.push_back(all[s]);
  }
  std::vector<SourceIndex> chosen;
  for (const SourceSummary& s : summaries) chosen.push_back(s.source);

  if (context.args.global.format == OutputFormat::kJson) {
    JsonOutput json;
    json.writer().StartObject();
    if (by) json.field("by", *by);
    json.field("source_count", std::uint64_t{summaries.size()});
    json.key("sources");
    json.writer().StartArray();
    for (const SourceSummary& s : summaries) {
      json.writer().StartObject();
      write_source_members(json, data.sources[s.source], s);
      json.writer().EndObject();
    }
    json.writer().EndArray();
    if (by) write_reported_json(json, *db, facts_citing(data, chosen), context.out);
    json.writer().EndObject();
    json.print(context.out);
    return kExitOk;
  }
  std::size_t width = 0;
  for (const Source& source : data.sources) width = std::max(width, source.id.size());
  context.out << counted(summaries.size(), "source", "sources") << (by ? " by " + single_line(*by) : "") << '\n';
  for (const SourceSummary& s : summaries) print_source(context.out, data.sources[s.source], s, width);
  if (by) print_reported(context.out, *db, facts_citing(data, chosen));
  return kExitOk;
}

}  // namespace

Command sources_command() {
  Command command{{}, run_sources};
  CommandSpec& spec = command.spec;
  spec.name = "sources";
  spec.synopsis = "sources [--by NAME]";
  spec.summary = "the sources: publisher, byline, date, title, and how many facts cite each";
  spec.options.add_options()
      ("by", po::value<std::string>()->value_name("NAME"),
       "only the sources this publisher or author is behind, with every fact they report");
  return command;
}

}  // namespace parley::cli
