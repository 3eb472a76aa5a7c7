// parley who-met A [B] | --all: the gatherings people attended, together or with anyone.
#include <algorithm>
#include <iomanip>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "commands.h"
#include "csv_answers.h"
#include "exit_codes.h"
#include "graph_output.h"
#include "presentation.h"
#include "query_support.h"
#include "who_met_states.h"
#include "who_met_text.h"
#include "parley/common/date_text.h"
#include "parley/common/string_column.h"
#include "parley/query/event_prefetch.h"
#include "parley/query/state_meetings.h"
#include "parley/query/who_met.h"

namespace po = boost::program_options;

namespace parley::cli {

namespace {

// "news conference", from the schema's "news_conference".
std::string kind_words(const Database& db, EntityIndex event) {
  std::string words = db.schema().kind(db.dataset().entities[event].kind).name;
  std::replace(words.begin(), words.end(), '_', ' ');
  return words;
}

// "1 news conference, 2 conferences": what was attended besides the meetings counted.
std::string also_text(const Database& db, const WhoMetResult& result) {
  std::vector<std::pair<std::string, std::size_t>> counts;
  const auto add = [&](const MeetingRow& row) {
    const std::string words = kind_words(db, row.event);
    const auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == words; });
    if (it == counts.end()) counts.emplace_back(words, 1);
    else ++it->second;
  };
  for (const auto& rows : result.within) std::for_each(rows.begin(), rows.end(), add);
  std::for_each(result.also.begin(), result.also.end(), add);
  std::string text;
  for (const auto& [words, n] : counts) text += (text.empty() ? "" : ", ") + count_of(n, words, words + "s");
  return text;
}

void print_meeting(std::ostream& out, const Database& db, const MeetingDetail& row,
                   const std::vector<MeetingDetail>& within = {}) {
  const Dataset& data = db.dataset();
  const EventFacts& f = row.facts;
  constexpr int kDateWidth = 20;
  out << "  " << std::left << std::setw(kDateWidth) << date_text(f) << data.entities[f.event].name << '\n';
  const std::string indent(2 + kDateWidth, ' ');
  std::string where = places_text(db, f);
  out << indent << (where.empty() ? "place not stated" : "in " + where) << " · " << status_text(db, f);
  if (!f.times_of_day.empty()) out << " · " << f.times_of_day.front()->value;
  for (const Attribute* d : f.durations) out << " · " << duration_text(d->value);
  out << '\n';
  if (row.date_match == DateMatch::kPossibly) {
    out << indent
        << (f.date ? "(possibly outside the dates asked for: known only to " + date_text(f) + ")"
                   : std::string("(date not stated, so possibly outside the dates asked for)"))
        << '\n';
  }
  const std::string people = participants_text(db, f);
  if (!people.empty()) out << indent << people << '\n';
  for (const Attribute* ordinal : f.ordinals) {
    out << indent << "the sources call it " << ordinal_text(*ordinal) << ' ' << sources_text(data, ordinal->citations) << '\n';
  }
  for (const MeetingDetail& inner : within) {
    out << indent << "with it: " << data.entities[inner.facts.event].name << " (" << kind_words(db, inner.facts.event) << ", "
        << date_text(inner.facts) << ", " << status_text(db, inner.facts) << ") "
        << sources_text(data, event_sources(db, inner.facts)) << '\n';
  }
  out << indent << "sources " << sources_text(data, event_sources(db, f)) << '\n';
}


// who-met --all: every pair of participants of every gathering that passes the filter. The
// pairs name meetings by id and date, which the event table holds: only a diagram reads the
// meetings' facts, one meeting at a time. The JSON is handed on as it is written.
int run_who_met_all(const CommandContext& context, const Database* db, const MeetingFilter& filter) {
  const Dataset& data = db->dataset();
  const EventTable& events = db->events();
  const WhoMetTable table = who_met_all(*db, filter);
  const auto slot_of = [&](std::size_t m) { return table.meetings[m].slot; };
  const auto date_of = [&](std::size_t m) { return events.date(slot_of(m)); };
  if (graph_format(context) || context.args.render) {
    const EventReader reader(*db);
    Subgraph subgraph;
    for (const auto& row : table.meetings) {
      for (const auto& p : reader.read(row.event).participants) subgraph.add_relation(data, p.relation);
    }
    const int code = emit_graph(context, *db, subgraph, "Who met whom");
    if (graph_format(context) || code != kExitOk) return code;
  }
  if (context.args.global.format == OutputFormat::kCsv) {
    CsvWriter csv(context.out);
    csv.field("a").field("a_name").field("b").field("b_name").field("meeting_count").field("meetings").end_row();
    std::string ids;
    for (const auto& pair : table.pairs) {
      ids.clear();
      for (const std::size_t m : pair.meetings) {
        if (!ids.empty()) ids += ';';
        ids += events.id(slot_of(m));
      }
      csv.field(data.entities[pair.first].id).field(data.entities[pair.first].name);
      csv.field(data.entities[pair.second].id).field(data.entities[pair.second].name);
      csv.field(std::to_string(pair.meetings.size())).field(ids).end_row();
    }
    return kExitOk;
  }
  if (context.args.global.format == OutputFormat::kJson) {
    JsonOutput json;
    auto& w = json.writer();
    w.StartObject();
    write_statuses(json, *db, filter);
    json.key("pairs");
    w.StartArray();
    for (const auto& pair : table.pairs) {
      w.StartObject();
      json.key("a");
      write_entity_ref(json, *db, pair.first);
      json.key("b");
      write_entity_ref(json, *db, pair.second);
      json.field("meeting_count", std::uint64_t{pair.meetings.size()});
      json.key("meetings");
      w.StartArray();
      for (const std::size_t m : pair.meetings) {
        w.StartObject();
        json.field("id", events.id(slot_of(m)));
        json.key("date");
        write_date(json, date_of(m));
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
      json.flush(context.out);
    }
    w.EndArray();
    w.EndObject();
    json.print(context.out);
    return kExitOk;
  }
  context.out << "Who met whom (" << status_label(*db, filter) << "): " << count_of(table.pairs.size(), "pair") << " in "
              << table.meetings.size() << ' ' << counted_noun(filter, table.meetings.size()) << "\n\n";
  std::size_t width = 0;
  for (const auto& pair : table.pairs) width = std::max(width, data.entities[pair.first].name.size() + data.entities[pair.second].name.size() + 3);
  for (const auto& pair : table.pairs) {
    const std::string names = data.entities[pair.first].name + " — " + data.entities[pair.second].name;
    context.out << "  " << std::left << std::setw(static_cast<int>(width + 2)) << names << std::right << std::setw(3)
                << pair.meetings.size() << "   ";
    print_dates(context.out, pair.meetings, date_of);
    context.out << '\n';
  }
  return kExitOk;
}

// How much of each gathering a JSON answer gives: every stated fact with its sources, or the
// compact row a script wants (date, status, places and participants by id).
enum class RowDetail { kFull, kCompact };

// A compact row is written from the event table, which holds its date, status, places and
// participants as read_event reads them, and whether its sources differ: reading every fact of
// a hub's thousands of meetings, to write four of them, was most of the answer's time, and
// reading its attributes for the date and the differences still half of it.
void write_compact_members(JsonOutput& json, const Database& db, const MeetingRow& row) {
  const Dataset& data = db.dataset();
  const EventTable& events = db.events();
  const EventTable::Slot slot = row.slot;
  auto& w = json.writer();
  json.field("id", events.id(slot));
  json.field("kind", db.schema().kind(events.kind(slot)).name);
  json.key("date");
  if (const auto date = events.date(slot)) json.string(canonical_text(*date).view());
  else w.Null();
  json.field("date_match", match_name(row.date_match));
  json.field("status", events.status_name(events.status(slot)));
  // The compact row names the attributes the sources differ on; the full row gives their values.
  json.key("sources_differ");
  w.StartArray();
  if (events.sources_differ(slot)) {
    for (const DifferingValues& d : differing_attributes(data, data.entities[row.event])) json.string(d.attribute);
  }
  w.EndArray();
  json.key("places");
  w.StartArray();
  for (const EntityIndex place : events.venues(slot)) json.string(data.entities[place].id);
  w.EndArray();
  json.key("participants");
  w.StartArray();
  const std::size_t participants = events.seats(slot).size();
  for (std::size_t i = 0; i < participants; ++i) json.string(events.participant_id(slot, i));
  w.EndArray();
}

void write_row_members(JsonOutput& json, const Database& db, const EventReader& reader, const MeetingRow& row,
                       RowDetail detail) {
  if (detail == RowDetail::kCompact) write_compact_members(json, db, row);
  else write_event_members(json, db, reader.read(row.event), row.date_match);
}

void write_row(JsonOutput& json, const Database& db, const EventReader& reader, const MeetingRow& row, RowDetail detail) {
  json.writer().StartObject();
  write_row_members(json, db, reader, row, detail);
  json.writer().EndObject();
}

// who-met A [B] as JSON, written as it is read: a hub's answer is tens of thousands of rows.
void write_who_met_json(const CommandContext& context, const Database& db, const WhoMetResult& result,
                        const MeetingFilter& filter, RowDetail rows) {
  JsonOutput json;
  auto& w = json.writer();
  w.StartObject();
  write_asked(json, db, result.a, result.b);
  write_statuses(json, db, filter);
  json.field("meeting_count", std::uint64_t{result.meetings.size()});
  write_not_counted(json, db, result.left_out);  // explained in JSON as in text
  json.key("meetings");
  w.StartArray();
  // Each gathering's facts are read as its row is written, and the text so far handed on.
  const EventReader reader(db);
  std::vector<EntityIndex> events;
  if (rows == RowDetail::kFull) {
    for (const MeetingRow& row : result.meetings) events.push_back(row.event);
  }
  const EventPrefetch prefetch(db, std::move(events));
  // The ids of the answer's meetings, copied side by side as their rows are written: the
  // counterparts name every meeting again, and finding each id again, long after its row, was a
  // cache miss each. (Naming them through their slots in the event table instead measured 5-9 %
  // slower on the cited hub: the table's ids span every event, these only the answer's.)
  StringColumn ids;
  for (std::size_t m = 0; m < result.meetings.size(); ++m) {
    prefetch.before(m);
    w.StartObject();
    write_row_members(json, db, reader, result.meetings[m], rows);
    if (!result.b) ids.push_back(db.events().id(result.meetings[m].slot));
    json.key("within");
    w.StartArray();
    for (const MeetingRow& inner : result.within[m]) write_row(json, db, reader, inner, rows);
    w.EndArray();
    w.EndObject();
    json.flush(context.out);
  }
  w.EndArray();
  json.key("also");
  w.StartArray();
  for (const MeetingRow& row : result.also) {
    write_row(json, db, reader, row, rows);
    json.flush(context.out);
  }
  w.EndArray();
  if (!result.b) write_counterparts(json, db, result.counterparts, [&](std::size_t m) { return ids[m]; });
  w.EndObject();
  json.print(context.out);
}

int run_who_met(const CommandContext& context) {
  int exit_code = kExitOk;
  const OptionValues& vm = context.args.command_options;
  // Each option looked up once: a batch runs this for every line.
  const std::string* a_name = vm.text("a");
  const std::string* b_name = vm.text("b");
  const std::string* at_name = vm.text("at");
  const std::string* kinds = vm.text("kinds");
  const bool all = vm.count("all") > 0;
  // who-met A [B] reads A's and B's gatherings and what surrounds them; --all reads everything.
  ReadScope scope;
  if (a_name && !all) scope.names.push_back(*a_name);
  if (b_name && !all) scope.names.push_back(*b_name);
  if (at_name) scope.places.push_back(*at_name);
  scope.whole_for_states = true;
  const Database* db = open_database(context, exit_code, scope.names.empty() ? nullptr : &scope);
  if (!db) return exit_code;
  MeetingFilter filter;
  filter.dates = date_range_options(vm);
  filter.statuses = statuses_option(*db, vm["status"].as<std::string>());
  if (kinds) filter.counted_kinds = kinds_option(*db, *kinds);
  if (at_name) {
    filter.at = entity_argument(*db, *at_name);
    const KindId kind = db->dataset().entities[*filter.at].kind;
    if (!db->schema().is_a(kind, *db->schema().find_kind("location")) && !db->schema().is_a(kind, *db->schema().core_names().state)) {
      throw po::error("--at takes a place: " + db->dataset().entities[*filter.at].name + " is a " + db->schema().kind(kind).name);
    }
  }
  const Dataset& data = db->dataset();
  const std::string& rows_option = vm["rows"].as<std::string>();
  if (rows_option != "full" && rows_option != "compact") throw po::error("--rows takes full or compact, not \"" + rows_option + "\"");
  const RowDetail detail = rows_option == "compact" ? RowDetail::kCompact : RowDetail::kFull;

  if (all) {
    if (a_name) throw po::error("who-met --all takes no names");
    if (detail == RowDetail::kCompact) throw po::error("--rows compact is for who-met A [B]; --all already lists meetings by id and date");
    return run_who_met_all(context, db, filter);
  }

  if (!a_name) throw po::error("who-met needs a name (or --all)");
  const EntityIndex a = entity_argument(*db, *a_name);
  std::optional<EntityIndex> b;
  if (b_name) b = entity_argument(*db, *b_name);
  if (b && *b == a) throw po::error("who-met A B needs two different entities; " + data.entities[a].name + " was given twice");
  // A state meets through the people who act for it.
  if (is_state(*db, a) || (b && is_state(*db, *b))) {
    if (detail == RowDetail::kCompact) throw po::error("--rows compact is for who-met of people; a state's meetings are given in full");
    return run_who_met_states(context, *db, a, b, filter);
  }
  const WhoMetResult result = who_met(*db, a, b, filter);
  const bool json = context.args.global.format == OutputFormat::kJson;
  if (json && !context.args.render) {
    write_who_met_json(context, *db, result, filter, detail);
    return kExitOk;
  }
  const std::vector<MeetingDetail> meetings = read_meetings(*db, result.meetings);
  std::vector<std::vector<MeetingDetail>> within;
  for (const auto& rows : result.within) within.push_back(read_meetings(*db, rows));
  const std::vector<MeetingDetail> also = read_meetings(*db, result.also);

  if (graph_format(context) || context.args.render) {
    Subgraph subgraph;
    subgraph.focus.push_back(a);
    if (b) subgraph.focus.push_back(*b);
    const auto add_rows = [&](const std::vector<MeetingDetail>& rows) {
      for (const auto& row : rows) {
        for (const auto& p : row.facts.participants) subgraph.add_relation(data, p.relation);
        for (const auto& v : row.facts.venues) subgraph.add_relation(data, v.relation);
      }
    };
    add_rows(meetings);
    for (const auto& rows : within) add_rows(rows);
    add_rows(also);
    subgraph.add_entity(a);
    const std::string title = "Meetings of " + data.entities[a].name + (b ? " and " + data.entities[*b].name : "");
    // Drawn first, as every command draws: a drawing that fails leaves no answer behind it.
    const int code = emit_graph(context, *db, subgraph, title);
    if (graph_format(context) || code != kExitOk) return code;
  }
  if (json) {
    write_who_met_json(context, *db, result, filter, detail);
    return kExitOk;
  }
  if (context.args.global.format == OutputFormat::kCsv) {
    // One row per gathering: "meeting" (counted), "within" (held within the meeting named in the
    // within column) and "also" (attended, not counted), in the order text lists them.
    CsvWriter csv(context.out);
    write_event_csv_header(csv, {"row", "within"});
    for (std::size_t m = 0; m < meetings.size(); ++m) {
      csv.field("meeting").field("");
      write_event_csv(csv, *db, meetings[m].facts);
      for (const auto& inner : within[m]) {
        csv.field("within").field(data.entities[meetings[m].facts.event].id);
        write_event_csv(csv, *db, inner.facts);
      }
    }
    for (const auto& row : also) {
      csv.field("also").field("");
      write_event_csv(csv, *db, row.facts);
    }
    return kExitOk;
  }
  const std::string who = data.entities[a].name + (b ? " and " + data.entities[*b].name : "");
  const std::size_t n = result.meetings.size();
  const std::string attended_too = also_text(*db, result);
  context.out << who << ": " << (n == 0 ? "no" : std::to_string(n)) << ' ' << counted_noun(filter, n)
              << " in the dataset (" << status_label(*db, filter) << ")" << (attended_too.empty() ? "" : "; also " + attended_too)
              << '\n';
  print_not_counted(context.out, *db, result.left_out);
  if (n > 0) context.out << '\n';
  for (std::size_t m = 0; m < meetings.size(); ++m) print_meeting(context.out, *db, meetings[m], within[m]);
  if (!also.empty()) {
    context.out << "\nAlso (not counted as meetings)\n";
    for (const auto& row : also) print_meeting(context.out, *db, row);
  }

  if (!b && !result.counterparts.empty()) print_counterparts(context.out, *db, "Counterparts", result.counterparts,
                                                                     [&](std::size_t m) { return meetings[m].facts.date; });
  if (b) {
    bool any_stated = false;
    for (const auto& row : meetings) any_stated |= !row.facts.ordinals.empty();
    if (any_stated) {
      context.out << "\nCounts stated by the sources (not the dataset's own count of " << n << "):\n";
      for (const auto& row : meetings) {
        for (const Attribute* ordinal : row.facts.ordinals) {
          context.out << "  " << date_text(row.facts) << ": " << ordinal_text(*ordinal) << ' '
                      << sources_text(data, ordinal->citations) << '\n';
        }
      }
    }
  }
  return kExitOk;
}

}  // namespace

Command who_met_command() {
  Command command{{}, run_who_met};
  CommandSpec& spec = command.spec;
  spec.name = "who-met";
  spec.synopsis = "who-met A [B] | who-met --all [--from DATE] [--to DATE] [--at PLACE] [--status held|planned|...|any] [--kinds KINDS]";
  spec.summary = "the meetings A attended (with B), everyone present, and A's counterparts";
  spec.formats = kEveryAnswerFormat;
  spec.formats.push_back(OutputFormat::kCsv);
  spec.options.add_options()
      ("a", po::value<std::string>()->value_name("A"), "an entity: id, name or alias")
      ("b", po::value<std::string>()->value_name("B"), "a second entity: only meetings both attended")
      ("all", "the whole who-met-whom table")
      ("from", po::value<std::string>()->value_name("DATE"), "only meetings that may fall on or after DATE")
      ("to", po::value<std::string>()->value_name("DATE"), "only meetings that may fall on or before DATE")
      ("at", po::value<std::string>()->value_name("PLACE"), "only meetings held at PLACE or within it")
      ("status", po::value<std::string>()->default_value("held"), "held, planned, proposed, possible, cancelled, abandoned (comma-separated) or any")
      ("rows", po::value<std::string>()->default_value("full")->value_name("full|compact"),
       "JSON rows: every fact with its sources, or compact (date, status, places and participants by id)")
      ("kinds", po::value<std::string>()->value_name("KINDS"),
       "gathering kinds counted as meetings (comma-separated; default: meeting, visit, negotiation_round; gathering: all)");
  spec.positional.add("a", 1).add("b", 1);
  return command;
}

}  // namespace parley::cli
