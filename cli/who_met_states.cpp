#include "who_met_states.h"

#include <algorithm>
#include <iomanip>
#include <ostream>

#include "exit_codes.h"
#include "graph_output.h"
#include "presentation.h"
#include "who_met_text.h"
#include "parley/query/state_meetings.h"

namespace parley::cli {
namespace {

constexpr std::string_view kRule =
    "a person counts for a state they hold office for or represent (holds_office, represents), on the meeting's "
    "date where the data says when";

// "prime minister": the role the relation gives, or its type when it gives none.
std::string capacity(const Database& db, const PartySeat& seat) {
  if (!seat.through) return "itself";
  const Relation& relation = db.dataset().relations[*seat.through];
  const auto role = db.schema().core_names().role;
  const std::string_view text = role ? relation.property(*role) : std::string_view{};
  return text.empty() ? db.schema().relation_type(relation.type).name : std::string(text);
}

// "Japan: Shinzo Abe (prime minister); Russia: Vladimir Putin (president)".
std::string sides_text(const Database& db, const StateMeeting& meeting) {
  const Dataset& data = db.dataset();
  std::string out;
  for (std::size_t i = 0; i < meeting.seats.size(); ++i) {
    const PartySeat& seat = meeting.seats[i];
    const bool new_party = i == 0 || meeting.seats[i - 1].party != seat.party;
    const bool as_themselves = seat.who == seat.party && !is_state(db, seat.who);  // acts for no state
    if (new_party) out += i ? "; " : "";
    else out += ", ";
    if (as_themselves) out += data.entities[seat.who].name;
    else if (new_party) out += data.entities[seat.party].name + ": ";
    if (as_themselves) continue;
    if (seat.who == seat.party) out += "itself";
    else out += data.entities[seat.who].name + " (" + capacity(db, seat) + ")";
  }
  return out;
}

std::string unrepresented_text(const Database& db, const StateMeetingsResult& result) {
  std::string out;
  for (const EntityIndex state : result.unrepresented) {
    const std::string& name = db.dataset().entities[state].name;
    out += (out.empty() ? "" : "; ") + std::string("no one in the dataset is known to hold office for or represent ") + name +
           ", and " + name + " takes part in no gathering itself";
  }
  return out;
}

// The rows the status filter leaves out, so that "no meetings" is explained.
std::vector<MeetingRow> not_counted(const Database& db, const StateMeetingsResult& result, const MeetingFilter& filter) {
  return left_out_by_status(db, filter, [&](const MeetingFilter& any) {
    std::vector<MeetingRow> rows;
    for (const StateMeeting& meeting : who_met_states(db, result.a, result.b, any).meetings) rows.push_back(meeting.row);
    return rows;
  });
}

void write_seats(JsonOutput& json, const Database& db, const StateMeeting& meeting) {
  auto& w = json.writer();
  json.key("represented");
  w.StartArray();
  for (const PartySeat& seat : meeting.seats) {
    w.StartObject();
    json.key("party");
    write_entity_ref(json, db, seat.party);
    json.key("who");
    write_entity_ref(json, db, seat.who);
    if (seat.through) {
      json.field("relation", db.schema().relation_type(db.dataset().relations[*seat.through].type).name);
      json.field("as", capacity(db, seat));
    } else {
      json.key("relation");
      w.Null();
      json.field("as", std::string_view("itself"));
    }
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

int run_who_met_states(const CommandContext& context, const Database& db, EntityIndex a, std::optional<EntityIndex> b,
                       const MeetingFilter& filter) {
  const Dataset& data = db.dataset();
  const StateMeetingsResult result = who_met_states(db, a, b, filter);
  // Each meeting's facts are read as its row is written, and a JSON answer handed on as it
  // grows: a state's meetings are those of everyone acting for it, thousands on a large dataset.
  const EventReader reader(db);
  const EventTable& events = db.events();
  const auto date_of = [&](std::size_t m) { return events.date(result.meetings[m].row.slot); };
  const std::string who = data.entities[a].name + (b ? " and " + data.entities[*b].name : "");

  if (graph_format(context) || context.args.render) {
    Subgraph subgraph;
    subgraph.focus.push_back(a);
    if (b) subgraph.focus.push_back(*b);
    subgraph.add_entity(a);
    if (b) subgraph.add_entity(*b);
    for (std::size_t m = 0; m < result.meetings.size(); ++m) {
      const EventFacts facts = reader.read(result.meetings[m].row.event);
      for (const auto& p : facts.participants) subgraph.add_relation(data, p.relation);
      for (const auto& v : facts.venues) subgraph.add_relation(data, v.relation);
      // Who acted for whom: the office or representation that puts each person on a side.
      for (const PartySeat& seat : result.meetings[m].seats) {
        if (seat.through) subgraph.add_relation(data, *seat.through);
      }
    }
    const int code = emit_graph(context, db, subgraph, "Meetings of " + who + " (through the people acting for them)");
    if (graph_format(context) || code != kExitOk) return code;
  }

  const std::vector<MeetingRow> left_details = not_counted(db, result, filter);

  if (context.args.global.format == OutputFormat::kJson) {
    JsonOutput json;
    auto& w = json.writer();
    w.StartObject();
    write_asked(json, db, a, b);
    json.field("rolled_up", true);
    json.field("rule", kRule);
    write_statuses(json, db, filter);
    // A question the data cannot answer has no count: null, never a confident 0.
    json.key("answerable");
    w.Bool(result.unrepresented.empty());
    json.key("unrepresented");
    w.StartArray();
    for (const EntityIndex state : result.unrepresented) write_entity_ref(json, db, state);
    w.EndArray();
    json.key("meeting_count");
    if (result.unrepresented.empty()) w.Uint64(result.meetings.size());
    else w.Null();
    write_not_counted(json, db, left_details);
    json.key("meetings");
    w.StartArray();
    for (const StateMeeting& meeting : result.meetings) {
      w.StartObject();
      write_event_members(json, db, reader.read(meeting.row.event), meeting.row.date_match);
      write_seats(json, db, meeting);
      w.EndObject();
      json.flush(context.out);
    }
    w.EndArray();
    if (!b) {
      write_counterparts(json, db, result.counterparts,
                         [&](std::size_t m) { return events.id(result.meetings[m].row.slot); });
    }
    w.EndObject();
    json.print(context.out);
    return kExitOk;
  }

  std::ostream& out = context.out;
  if (!result.unrepresented.empty()) {
    out << who << ": the dataset cannot say (" << status_label(db, filter) << "): " << unrepresented_text(db, result) << '\n';
    return kExitOk;
  }
  const std::size_t n = result.meetings.size();
  out << who << ": " << (n == 0 ? "no" : std::to_string(n)) << ' ' << counted_noun(filter, n) << " in the dataset ("
      << status_label(db, filter) << ") between people acting for " << (b ? "them" : "it and others") << '\n';
  out << "  rolled up: " << kRule << '\n';
  print_not_counted(out, db, left_details);
  if (n > 0) out << '\n';
  constexpr int kDateWidth = 20;
  const std::string indent(2 + kDateWidth, ' ');
  for (std::size_t m = 0; m < n; ++m) {
    const EventFacts f = reader.read(result.meetings[m].row.event);
    out << "  " << std::left << std::setw(kDateWidth) << date_text(f) << data.entities[f.event].name << '\n';
    const std::string where = places_text(db, f);
    out << indent << (where.empty() ? "place not stated" : "in " + where) << " · "
        << (f.status.empty() ? "status not stated" : f.status) << '\n';
    if (result.meetings[m].row.date_match == DateMatch::kPossibly) out << indent << "(possibly outside the dates asked for)\n";
    out << indent << sides_text(db, result.meetings[m]) << '\n';
    out << indent << "sources " << sources_text(data, event_sources(db, f)) << '\n';
  }
  if (!b && !result.counterparts.empty()) {
    print_counterparts(out, db, "Counterparts (states through the people acting for them)", result.counterparts, date_of);
  }
  return kExitOk;
}

}  // namespace parley::cli
