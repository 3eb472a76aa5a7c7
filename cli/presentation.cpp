#include "presentation.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "parley/common/date_text.h"
#include "parley/common/terminal_text.h"
#include "parley/query/entity_card.h"
#include "parley/query/path.h"

namespace parley::cli {

std::string count_of(std::size_t n, std::string_view noun, std::string_view plural) {
  return std::to_string(n) + " " + std::string(n == 1 ? noun : (plural.empty() ? std::string(noun) + "s" : std::string(plural)));
}

std::string date_text(const std::optional<FuzzyDate>& date) { return date ? date->describe() : "date not stated"; }
std::string date_text(const EventFacts& facts) { return date_text(facts.date); }

std::string sources_text(const Dataset& data, const std::vector<SourceIndex>& sources) {
  if (sources.empty()) return "";
  std::string out = "[";
  for (const SourceIndex s : sources) {
    out += (out.size() > 1 ? ", " : "") + data.sources[s].id + (data.sources[s].is_coded() ? " (coded records)" : "");
  }
  return out + "]";
}

std::string sources_text(const Dataset& data, const CitationList& citations) {
  std::map<SourceIndex, std::set<std::uint32_t>> cited;  // a document's quotes are not counted
  for (const auto& c : citations) {
    auto& records = cited[c.source];
    if (c.is_coded()) records.insert(c.record);
  }
  if (cited.empty()) return "";
  std::string out = "[";
  for (const auto& [s, records] : cited) {
    out += (out.size() > 1 ? ", " : "") + data.sources[s].id;
    if (!records.empty()) out += ": " + count_of(records.size(), "coded record");
  }
  return out + "]";
}

std::string record_text(const Dataset& data, const Citation& citation) {
  const CodedRecord& r = data.records[citation.record];
  std::string out = "coded record " + r.event_id;
  std::string details;
  const auto add = [&](const std::string& text) { details += (details.empty() ? "" : ", ") + text; };
  if (!r.cameo.empty()) add("CAMEO " + r.cameo + (r.event_text.empty() ? "" : " \"" + r.event_text + "\""));
  if (!r.story_id.empty()) add("story " + r.story_id + (r.sentence.empty() ? "" : " sentence " + r.sentence));
  if (!r.publisher.empty()) add(r.publisher);
  if (!r.url.empty()) add(r.url);
  return single_line(details.empty() ? out : out + " (" + details + ")");
}

std::vector<SourceIndex> event_sources(const Database& db, const EventFacts& facts) {
  const Dataset& data = db.dataset();
  // A sorted vector, not a set: a hub's answer asks this of thousands of meetings.
  std::vector<SourceIndex> sources;
  const auto add = [&](const CitationList& citations) {
    for (const auto& c : citations) sources.push_back(c.source);
  };
  add(data.entities[facts.event].citations);
  for (const auto& a : data.entities[facts.event].attributes) add(a.citations);
  for (const auto& p : facts.participants) add(data.relations[p.relation].citations);
  for (const auto& v : facts.venues) add(data.relations[v.relation].citations);
  std::sort(sources.begin(), sources.end());
  sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
  return sources;
}

std::string ordinal_text(const Attribute& ordinal) {
  const std::string& n = ordinal.value;
  const int last_two = n.size() >= 2 ? std::stoi(n.substr(n.size() - 2)) : std::stoi(n);
  const int last = last_two % 10;
  const char* suffix = (last_two >= 11 && last_two <= 13) ? "th" : last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th";
  return "the " + n + suffix + (ordinal.qualifier.empty() ? "" : " " + ordinal.qualifier);
}

std::string duration_text(const std::string& iso) {
  std::string_view rest = iso;
  std::string out;
  if (rest.starts_with('~')) {
    out = "about ";
    rest.remove_prefix(1);
  }
  std::string parts;
  bool in_time = false;
  std::string number;
  for (const char c : rest) {
    if (c == 'P') continue;
    if (c == 'T') {
      in_time = true;
      continue;
    }
    if (c >= '0' && c <= '9') {
      number += c;
      continue;
    }
    const std::string unit = c == 'D' ? "day" : c == 'H' ? "hour" : c == 'M' ? (in_time ? "minute" : "month") : "second";
    parts += (parts.empty() ? "" : " ") + number + " " + unit + (number == "1" ? "" : "s");
    number.clear();
  }
  return out + parts;
}

std::string participants_text(const Database& db, const EventFacts& facts, std::optional<EntityIndex> skip) {
  std::map<std::string, std::vector<std::string>> by_role;
  std::vector<std::string> order;
  for (const auto& p : facts.participants) {
    if (skip && p.who == *skip) continue;
    const std::string role = p.role.empty() ? "participant" : single_line(p.role);
    if (!by_role.count(role)) order.push_back(role);
    auto& names = by_role[role];
    const std::string name = db.dataset().entities[p.who].name + (facts.counts(p) ? "" : " (expected)");
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  std::string out;
  for (const auto& role : order) {
    out += (out.empty() ? "" : "; ") + role + ": ";
    for (std::size_t i = 0; i < by_role[role].size(); ++i) out += (i ? ", " : "") + by_role[role][i];
  }
  return out;
}

std::string differing_text(const Dataset& data, const DifferingValues& differing) {
  std::string out;
  for (const StatedValue& stated : differing.values) {
    out += (out.empty() ? "" : " / ") + single_line(stated.value) + " (";
    for (std::size_t i = 0; i < stated.sources.size(); ++i) out += (i ? ", " : "") + data.sources[stated.sources[i]].id;
    out += ")";
  }
  return out + " — sources differ";
}

std::string status_text(const Database& db, const EventFacts& facts) {
  if (const auto differing = differing_values(db.dataset(), facts.statuses)) return differing_text(db.dataset(), *differing);
  return std::string(facts.status.empty() ? "status not stated" : facts.status);
}

std::string places_text(const Database& db, const EventFacts& facts) {
  std::string out;
  for (const auto& v : facts.venues) out += (out.empty() ? "" : ", ") + db.dataset().entities[v.place].name;
  return out;
}

void write_entity_ref(JsonOutput& json, const Database& db, EntityIndex entity) {
  const Entity& e = db.dataset().entities[entity];
  json.writer().StartObject();
  json.field("id", e.id);
  json.field("name", e.name);
  json.field("kind", db.schema().kind(e.kind).name);
  json.writer().EndObject();
}

void write_citations(JsonOutput& json, const Dataset& data, const CitationList& citations) {
  json.writer().StartArray();
  for (const auto& c : citations) {
    json.writer().StartObject();
    json.field("source", data.sources[c.source].id);
    if (c.is_coded()) {
      // A coded record in place of a quote: the kind of evidence is said, not left to guess.
      const CodedRecord& r = data.records[c.record];
      json.field("evidence", std::string_view("coded_record"));
      json.key("record");
      json.writer().StartObject();
      json.field("event_id", r.event_id);
      for (const auto& [name, value] : {std::pair{"story_id", &r.story_id}, std::pair{"sentence", &r.sentence},
                                        std::pair{"publisher", &r.publisher}, std::pair{"cameo", &r.cameo},
                                        std::pair{"event_text", &r.event_text}, std::pair{"url", &r.url}}) {
        if (!value->empty()) json.field(name, *value);
      }
      json.writer().EndObject();
    } else {
      json.field("quote", c.quote);
    }
    json.writer().EndObject();
  }
  json.writer().EndArray();
}

void write_stated(JsonOutput& json, const Dataset& data, const std::vector<const Attribute*>& values, bool integer) {
  json.writer().StartArray();
  for (const Attribute* a : values) {
    json.writer().StartObject();
    json.key("value");
    if (integer) json.writer().Int64(std::stoll(a->value));
    else json.string(a->value);
    if (!a->qualifier.empty()) json.field("qualifier", a->qualifier);
    if (!a->attribution.empty()) json.field("attribution", a->attribution);
    json.key("sources");
    write_citations(json, data, a->citations);
    json.writer().EndObject();
  }
  json.writer().EndArray();
}

void write_differing(JsonOutput& json, const Dataset& data, const std::vector<DifferingValues>& differing) {
  auto& w = json.writer();
  w.StartArray();
  for (const DifferingValues& d : differing) {
    w.StartObject();
    json.field("attribute", d.attribute);
    json.key("values");
    w.StartArray();
    for (const StatedValue& stated : d.values) {
      w.StartObject();
      json.field("value", stated.value);
      json.key("sources");
      w.StartArray();
      for (const SourceIndex s : stated.sources) json.string(data.sources[s].id);
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
}

void write_date(JsonOutput& json, const std::optional<FuzzyDate>& date) {
  if (!date) {
    json.writer().Null();
    return;
  }
  // Written from buffers on the stack: a hub's answer writes thousands of these.
  json.writer().StartObject();
  json.field("value", canonical_text(*date).view());
  json.field("precision", precision_name(date->precision()));
  json.field("text", described_text(*date).view());
  json.field("first_day", iso_date_text(date->first_day()).view());
  json.field("last_day", iso_date_text(date->last_day()).view());
  json.writer().EndObject();
}

std::string_view match_name(DateMatch match) {
  switch (match) {
    case DateMatch::kInside: return "inside";
    case DateMatch::kPossibly: return "possibly";
    case DateMatch::kOutside: return "outside";
  }
  return "inside";
}

void write_event(JsonOutput& json, const Database& db, const EventFacts& facts, DateMatch match) {
  json.writer().StartObject();
  write_event_members(json, db, facts, match);
  json.writer().EndObject();
}

void write_event_members(JsonOutput& json, const Database& db, const EventFacts& facts, DateMatch match) {
  const Dataset& data = db.dataset();
  const Entity& e = data.entities[facts.event];
  auto& w = json.writer();
  json.field("id", e.id);
  json.field("name", e.name);
  json.field("kind", db.schema().kind(e.kind).name);
  json.key("date");
  write_date(json, facts.date);
  json.field("date_match", match_name(match));
  json.key("dates");
  write_stated(json, data, facts.dates);
  json.field("status", facts.status);
  json.key("statuses");
  write_stated(json, data, facts.statuses);
  json.key("sources_differ");
  write_differing(json, data, differing_attributes(data, e));
  json.key("places");
  w.StartArray();
  for (const auto& v : facts.venues) write_entity_ref(json, db, v.place);
  w.EndArray();
  json.key("participants");
  w.StartArray();
  for (const auto& p : facts.participants) {
    w.StartObject();
    json.field("id", data.entities[p.who].id);
    json.field("name", data.entities[p.who].name);
    json.field("kind", db.schema().kind(data.entities[p.who].kind).name);
    json.field("role", p.role);
    json.field("counts", facts.counts(p));
    if (const std::string& id = data.relations[p.relation].id; !id.empty()) json.field("relation", id);
    json.key("sources");
    write_citations(json, data, data.relations[p.relation].citations);
    w.EndObject();
  }
  w.EndArray();
  json.key("stated_counts");
  write_stated(json, data, facts.ordinals, true);
  json.key("durations");
  write_stated(json, data, facts.durations);
  json.key("times_of_day");
  write_stated(json, data, facts.times_of_day);
  json.key("sources");
  w.StartArray();
  for (const SourceIndex s : event_sources(db, facts)) json.string(data.sources[s].id);
  w.EndArray();
}

void write_relation(JsonOutput& json, const Database& db, RelationIndex relation, bool forward) {
  const Dataset& data = db.dataset();
  const Relation& r = data.relations[relation];
  auto& w = json.writer();
  w.StartObject();
  if (!r.id.empty()) json.field("id", r.id);
  json.field("type", db.schema().relation_type(r.type).name);
  json.field("direction", std::string_view(forward ? "forward" : "backward"));
  json.field("reading", reading(db, relation, forward));
  json.key("from");
  write_entity_ref(json, db, r.from);
  json.key("to");
  write_entity_ref(json, db, r.to);
  json.key("properties");
  w.StartObject();
  for (const auto& p : r.properties) json.field(db.schema().property(p.property).name, p.value);
  w.EndObject();
  json.key("sources");
  write_citations(json, data, r.citations);
  w.EndObject();
}

void write_path_json(JsonOutput& json, const Database& db, const Path& path) {
  auto& w = json.writer();
  w.StartObject();
  json.field("hops", std::uint64_t{path.hops.size()});
  json.key("steps");
  w.StartArray();
  for (const Hop& hop : path.hops) {
    w.StartObject();
    json.key("from");
    write_entity_ref(json, db, hop.from);
    json.key("to");
    write_entity_ref(json, db, hop.to);
    if (hop.met_at) {
      json.key("met_at");
      write_entity_ref(json, db, *hop.met_at);
      json.key("relations");
      w.StartArray();
      write_relation(json, db, hop.relation, true);
      write_relation(json, db, *hop.second, false);
      w.EndArray();
    } else {
      json.field("reading", reading(db, hop.relation, hop.forward));
      json.key("relations");
      w.StartArray();
      write_relation(json, db, hop.relation, hop.forward);
      w.EndArray();
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

std::string relation_qualifiers(const Database& db, RelationIndex relation) {
  const Relation& r = db.dataset().relations[relation];
  const std::string& pattern = db.schema().relation_type(r.type).forward;
  std::string out;
  for (const auto& p : r.properties) {
    const std::string& name = db.schema().property(p.property).name;
    if (name == "role" && pattern.find("{role}") != std::string::npos) continue;
    std::string value = single_line(p.value);
    if (value.size() > 90) {
      // At a word boundary when there is one, else at a character boundary.
      std::size_t cut = value.rfind(' ', 87);
      if (cut == std::string::npos) {
        cut = 87;
        while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
      }
      value = value.substr(0, cut) + "...";
    }
    out += (out.empty() ? " [" : "; ") + (name == "role" ? value : name + ": " + value);
  }
  return out.empty() ? out : out + "]";
}

}  // namespace parley::cli
