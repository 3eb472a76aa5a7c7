// parley timeline [A]: events in date order, honest about how precisely each date is known.
#include <iomanip>
#include <ostream>

#include "commands.h"
#include "csv_answers.h"
#include "exit_codes.h"
#include "graph_output.h"
#include "presentation.h"
#include "query_support.h"
#include "parley/query/timeline.h"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

int run_timeline(const CommandContext& context) {
  int exit_code = kExitOk;
  const po::variables_map& vm = context.args.command_options;
  // The timeline of one entity reads its events; the timeline of everything, the whole store.
  ReadScope scope;
  if (vm.count("a")) scope.names.push_back(vm["a"].as<std::string>());
  const Database* db = open_database(context, exit_code, scope.names.empty() ? nullptr : &scope);
  if (!db) return exit_code;
  TimelineQuery query;
  if (vm.count("a")) query.about = entity_argument(*db, vm["a"].as<std::string>());
  query.dates = date_range_options(vm);
  query.statuses = statuses_option(*db, vm["status"].as<std::string>());
  const std::vector<MeetingDetail> rows = read_meetings(*db, timeline(*db, query));
  const Dataset& data = db->dataset();

  if (graph_format(context) || context.args.render) {
    Subgraph subgraph;
    for (const auto& row : rows) {
      subgraph.add_entity(row.facts.event);
      for (const auto& p : row.facts.participants) subgraph.add_relation(data, p.relation);
      for (const auto& v : row.facts.venues) subgraph.add_relation(data, v.relation);
    }
    if (query.about) subgraph.focus.push_back(*query.about);
    const int code = emit_graph(context, *db, subgraph, query.about ? "Timeline of " + data.entities[*query.about].name : "Timeline",
                                /*text_means_dot=*/false, /*time_axis=*/true);
    if (graph_format(context) || code != kExitOk) return code;
  }
  if (context.args.global.format == OutputFormat::kCsv) {
    CsvWriter csv(context.out);
    write_event_csv_header(csv);
    for (const auto& row : rows) write_event_csv(csv, *db, row.facts);
    return kExitOk;
  }
  if (context.args.global.format == OutputFormat::kJson) {
    JsonOutput json;
    auto& w = json.writer();
    w.StartObject();
    if (query.about) {
      json.key("about");
      write_entity_ref(json, *db, *query.about);
    }
    json.key("events");
    w.StartArray();
    for (const auto& row : rows) write_event(json, *db, row.facts, row.date_match);
    w.EndArray();
    w.EndObject();
    json.print(context.out);
    return kExitOk;
  }

  context.out << (query.about ? "Timeline of " + data.entities[*query.about].name : std::string("Timeline")) << ": "
              << rows.size() << (rows.size() == 1 ? " event" : " events") << '\n';
  std::size_t width = 0;
  for (const auto& row : rows) width = std::max(width, date_text(row.facts).size());
  bool undated_heading = false;
  for (const auto& row : rows) {
    const Entity& e = data.entities[row.facts.event];
    const auto differing = differing_values(data, row.facts.statuses);
    // Undated events come last (the event table's order); they get their own heading rather than a
    // made-up place in the sequence.
    if (!row.facts.date && !undated_heading) {
      context.out << "\n  Date not stated" << (query.dates.bounded() ? " (so possibly in range)" : "") << '\n';
      undated_heading = true;
    }
    context.out << "  " << std::left << std::setw(static_cast<int>(width + 2)) << (row.facts.date ? date_text(row.facts) : "") << std::setw(11)
                << (differing ? "differing" : row.facts.status.empty() ? "-" : row.facts.status) << e.name << " ("
                << db->schema().kind(e.kind).name << ")";
    // The column has room for one status: where the sources differ, it says so, and the
    // values follow the name.
    if (differing) context.out << "  [status: " << differing_text(data, *differing) << "]";
    if (row.facts.date && row.date_match == DateMatch::kPossibly) {
      context.out << "  [possibly in range: known only to " << date_text(row.facts) << "]";
    }
    context.out << '\n';
  }
  return kExitOk;
}

}  // namespace

Command timeline_command() {
  Command command{{}, run_timeline};
  CommandSpec& spec = command.spec;
  spec.name = "timeline";
  spec.synopsis = "timeline [A] [--from DATE] [--to DATE] [--status STATUS,...|any]";
  spec.summary = "events in date order, optionally those linked to A";
  spec.formats = kEveryAnswerFormat;
  spec.formats.push_back(OutputFormat::kCsv);
  spec.options.add_options()
      ("a", po::value<std::string>()->value_name("A"), "only events linked to this entity")
      ("from", po::value<std::string>()->value_name("DATE"), "only events that may fall on or after DATE")
      ("to", po::value<std::string>()->value_name("DATE"), "only events that may fall on or before DATE")
      ("status", po::value<std::string>()->default_value("any"), "held, planned, ... (comma-separated) or any");
  spec.positional.add("a", 1);
  return command;
}

}  // namespace parley::cli
