#include "who_met_text.h"

#include <algorithm>
#include <iomanip>

#include "presentation.h"
#include "query_support.h"

namespace parley::cli {

std::string status_label(const Database& db, const MeetingFilter& filter) {
  std::string out = filter.statuses.empty() ? "any status" : "status ";
  for (std::size_t i = 0; i < filter.statuses.size(); ++i) out += (i ? "," : "") + filter.statuses[i];
  if (!filter.counted_kinds.empty()) {
    out += "; kinds ";
    for (std::size_t i = 0; i < filter.counted_kinds.size(); ++i) out += (i ? "," : "") + db.schema().kind(filter.counted_kinds[i]).name;
  }
  return out;
}

std::string counted_noun(const MeetingFilter& filter, std::size_t n) {
  const char* noun = filter.counted_kinds.empty() ? "meeting" : "gathering";
  return std::string(noun) + (n == 1 ? "" : "s");
}

void write_statuses(JsonOutput& json, const Database& db, const MeetingFilter& filter) {
  json.key("statuses");
  json.writer().StartArray();
  for (const auto& s : filter.statuses) json.string(s);
  json.writer().EndArray();
  json.key("kinds");  // every kind counted: the ones asked for, with their subkinds
  json.writer().StartArray();
  const RelationSchema& schema = db.schema();
  if (filter.counted_kinds.empty()) {
    for (const KindId k : schema.counted_kinds()) {
      if (!schema.kind(k).is_abstract) json.string(schema.kind(k).name);
    }
  } else {
    for (KindId k = 0; k < schema.kind_count(); ++k) {
      if (!schema.kind(k).is_abstract && filter.counts_kind(schema, k)) json.string(schema.kind(k).name);
    }
  }
  json.writer().EndArray();
}

void write_asked(JsonOutput& json, const Database& db, EntityIndex a, std::optional<EntityIndex> b) {
  json.key("a");
  write_entity_ref(json, db, a);
  if (b) {
    json.key("b");
    write_entity_ref(json, db, *b);
  }
}

std::vector<MeetingRow> left_out_by_status(const Database& db, const MeetingFilter& filter,
                                              const std::function<std::vector<MeetingRow>(const MeetingFilter&)>& ask) {
  if (filter.statuses.empty()) return {};
  MeetingFilter any = filter;
  any.statuses.clear();
  const EventTable& events = db.events();
  std::vector<MeetingRow> left_out;
  for (const MeetingRow& row : ask(any)) {
    if (!filter.accepts_status(events.status_name(events.status(row.slot)))) left_out.push_back(row);
  }
  return left_out;
}

void write_not_counted(JsonOutput& json, const Database& db, const std::vector<MeetingRow>& rows) {
  const Dataset& data = db.dataset();
  const EventTable& events = db.events();
  auto& w = json.writer();
  json.key("not_counted");
  w.StartArray();
  for (const auto& row : rows) {
    w.StartObject();
    const EventTable::Slot slot = row.slot;
    json.field("id", events.id(slot));
    json.field("name", data.entities[row.event].name);
    json.field("status", events.status_name(events.status(slot)));
    w.EndObject();
  }
  w.EndArray();
}

void print_not_counted(std::ostream& out, const Database& db, const std::vector<MeetingRow>& rows) {
  for (const auto& row : read_meetings(db, rows)) {
    out << "  not counted: " << db.dataset().entities[row.facts.event].name << " (" << date_text(row.facts) << ", "
        << status_text(db, row.facts) << "); see --status any\n";
  }
}

void print_dates(std::ostream& out, const std::vector<std::size_t>& which,
                 const std::function<std::optional<FuzzyDate>(std::size_t)>& date_of) {
  for (std::size_t i = 0; i < which.size(); ++i) out << (i ? "; " : "") << date_text(date_of(which[i]));
}

void write_counterparts(JsonOutput& json, const Database& db, const std::vector<Counterpart>& counterparts,
                        const std::function<std::string_view(std::size_t)>& meeting_id) {
  auto& w = json.writer();
  json.key("counterparts");
  w.StartArray();
  for (const auto& c : counterparts) {
    w.StartObject();
    json.key("entity");
    write_entity_ref(json, db, c.who);
    json.field("meeting_count", std::uint64_t{c.meetings.size()});
    json.key("meetings");
    w.StartArray();
    for (const std::size_t m : c.meetings) json.string(meeting_id(m));
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
}

void print_counterparts(std::ostream& out, const Database& db, std::string_view heading,
                        const std::vector<Counterpart>& counterparts,
                        const std::function<std::optional<FuzzyDate>(std::size_t)>& date_of) {
  const Dataset& data = db.dataset();
  out << '\n' << heading << '\n';
  std::size_t width = 0;
  for (const auto& c : counterparts) width = std::max(width, data.entities[c.who].name.size());
  for (const auto& c : counterparts) {
    out << "  " << std::left << std::setw(static_cast<int>(width + 2)) << data.entities[c.who].name << std::right
        << std::setw(3) << c.meetings.size() << "   ";
    print_dates(out, c.meetings, date_of);
    out << '\n';
  }
}

}  // namespace parley::cli
