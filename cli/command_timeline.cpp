// parley timeline [A]: events in date order, honest about how precisely each date is known.
#include <iomanip>
#include <ostream>

#include "commands.h"
#include "csv_answers.h"
#include "exit_codes.h"
#include "graph_output.h"
#include "presentation.h"
#include "query_support.h"
#include "parley/query/event_prefetch.h"
#include "parley/query/timeline.h"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

int run_timeline(const CommandContext& context) {
  int exit_code = kExitOk;
  const OptionValues& vm = context.args.command_options;
  // The timeline of one entity reads its events; the timeline of everything, the whole store.
  ReadScope scope;
  if (vm.count("a")) scope.names.push_back(vm["a"].as<std::string>());
  const Database* db = open_database(context, exit_code, scope.names.empty() ? nullptr : &scope);
  if (!db) return exit_code;
  TimelineQuery query;
  if (vm.count("a")) query.about = entity_argument(*db, vm["a"].as<std::string>());
  query.dates = date_range_options(vm);
  query.statuses = statuses_option(*db, vm["status"].as<std::string>());
  // Each event's facts are read as its row is written, never all at once: the timeline of
  // everything on a large dataset is every event, and holding their facts (and, for JSON, the
  // whole answer) took more than twice the memory of the loaded dataset.
  const std::vector<MeetingRow> rows = timeline(*db, query);
  const EventReader reader(*db);
  const Dataset& data = db->dataset();

  if (graph_format(context) || context.args.render) {
    Subgraph subgraph;
    for (const auto& row : rows) {
      const EventFacts facts = reader.read(row.event);
      subgraph.add_entity(facts.event);
      for (const auto& p : facts.participants) subgraph.add_relation(data, p.relation);
      for (const auto& v : facts.venues) subgraph.add_relation(data, v.relation);
    }
    if (query.about) subgraph.focus.push_back(*query.about);
    const int code = emit_graph(context, *db, subgraph, query.about ? "Timeline of " + data.entities[*query.about].name : "Timeline",
                                /*text_means_dot=*/false, /*time_axis=*/true);
    if (graph_format(context) || code != kExitOk) return code;
  }
  if (context.args.global.format == OutputFormat::kCsv) {
    CsvWriter csv(context.out);
    write_event_csv_header(csv);
    for (const auto& row : rows) write_event_csv(csv, *db, reader.read(row.event));
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
    std::vector<EntityIndex> events;
    events.reserve(rows.size());
    for (const auto& row : rows) events.push_back(row.event);
    const EventPrefetch prefetch(*db, std::move(events));
    for (std::size_t i = 0; i < rows.size(); ++i) {
      prefetch.before(i);
      write_event(json, *db, reader.read(rows[i].event), rows[i].date_match);
      json.flush(context.out);
    }
    w.EndArray();
    w.EndObject();
    json.print(context.out);
    return kExitOk;
  }

  context.out << (query.about ? "Timeline of " + data.entities[*query.about].name : std::string("Timeline")) << ": "
              << rows.size() << (rows.size() == 1 ? " event" : " events") << '\n';
  // The date column is as wide as the widest date, which the event table knows without the facts.
  const EventTable& table = db->events();
  std::size_t width = 0;
  for (const auto& row : rows) width = std::max(width, date_text(table.date(table.slot(row.event))).size());
  bool undated_heading = false;
  for (const auto& row : rows) {
    const EventFacts facts = reader.read(row.event);
    const Entity& e = data.entities[facts.event];
    const auto differing = differing_values(data, facts.statuses);
    // Undated events come last (the event table's order); they get their own heading rather than a
    // made-up place in the sequence.
    if (!facts.date && !undated_heading) {
      context.out << "\n  Date not stated" << (query.dates.bounded() ? " (so possibly in range)" : "") << '\n';
      undated_heading = true;
    }
    context.out << "  " << std::left << std::setw(static_cast<int>(width + 2)) << (facts.date ? date_text(facts) : "") << std::setw(11)
                << (differing ? "differing" : facts.status.empty() ? "-" : facts.status) << e.name << " ("
                << db->schema().kind(e.kind).name << ")";
    // The column has room for one status: where the sources differ, it says so, and the
    // values follow the name.
    if (differing) context.out << "  [status: " << differing_text(data, *differing) << "]";
    if (facts.date && row.date_match == DateMatch::kPossibly) {
      context.out << "  [possibly in range: known only to " << date_text(facts) << "]";
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
