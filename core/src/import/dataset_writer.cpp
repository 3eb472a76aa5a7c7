#include "import/dataset_writer.h"

#include <span>
#include <unordered_map>
#include <unordered_set>

#include "import/json_stream.h"

#include "parley/common/date.h"

namespace parley::import {
namespace {

// "Sergey Viktorovich Lavrov" → "sergey-viktorovich-lavrov"; letters beyond ASCII are kept.
// The length of an invisible control at `at` in valid UTF-8 (a C1 control, or a bidi mark,
// embedding or isolate), or 0: ids may not hold them, and coders' files do ("San\u0091a").
std::size_t control_at(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return at + i < text.size() ? static_cast<unsigned char>(text[at + i]) : 0; };
  if (byte(0) == 0xC2 && byte(1) >= 0x80 && byte(1) <= 0x9F) return 2;                   // U+0080..U+009F
  if (byte(0) == 0xD8 && byte(1) == 0x9C) return 2;                                      // U+061C
  if (byte(0) == 0xE2 && byte(1) == 0x80 && (byte(2) == 0x8E || byte(2) == 0x8F)) return 3;  // U+200E, U+200F
  if (byte(0) == 0xE2 && byte(1) == 0x80 && byte(2) >= 0xAA && byte(2) <= 0xAE) return 3;    // U+202A..U+202E
  if (byte(0) == 0xE2 && byte(1) == 0x81 && byte(2) >= 0xA6 && byte(2) <= 0xA9) return 3;    // U+2066..U+2069
  return 0;
}

std::string slug(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const auto u = static_cast<unsigned char>(c);
    if (const std::size_t skip = control_at(name, i); skip > 0) {
      if (!out.empty() && out.back() != '-') out += '-';
      i += skip - 1;
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80) {
      out += c;
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  // Ids are at most 256 bytes: keep a whole character at the cut.
  constexpr std::size_t kMax = 120;
  if (out.size() > kMax) {
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out.empty() ? "unnamed" : out;
}

std::string_view label_of(std::string_view kind) {
  if (kind == "negotiation_round") return "negotiation round";
  return kind;
}

class Writer {
 public:
  Writer(const EventModel& model, EventFormat format, const DatasetHeader& header, std::ostream& out)
      : model_(model), format_(format), header_(header), w_(out) {}

  void write() {
    assign_ids();
    citation_start_ = "{\"source\":" + JsonStream::quote(header_.source_id) + ",\"record\":{\"event_id\":";
    w_.start_object();
    key("format");
    string("parley-dataset/1");
    key("title");
    string(header_.title);
    key("sources");
    w_.start_array();
    newline();
    w_.start_object();
    field("id", header_.source_id);
    field("publisher", header_.publisher);
    field("title", header_.title);
    field("file", header_.file);
    field("note", header_.note);
    field("evidence", "coded_records");
    w_.end_object();
    newline();
    w_.end_array();
    key("entities");
    w_.start_array();
    for (std::uint32_t e = 0; e < model_.entities().size(); ++e) write_entity(e);
    for (std::uint32_t g = 0; g < model_.gatherings().size(); ++g) write_gathering(g);
    newline();
    w_.end_array();
    key("relations");
    w_.start_array();
    for (std::uint32_t e = 0; e < model_.entities().size(); ++e) write_containment(e);
    for (std::uint32_t g = 0; g < model_.gatherings().size(); ++g) write_gathering_relations(g);
    newline();
    w_.end_array();
    w_.end_object();
    w_.whitespace('\n');
    w_.flush();
  }

 private:
  void key(std::string_view k) { w_.key(k); }
  void string(std::string_view s) { w_.string(s); }
  void field(std::string_view k, std::string_view v) {
    key(k);
    string(v);
  }
  void newline() { w_.whitespace('\n'); }  // one record a line: whitespace between array items

  // An id not given before, as JSON text: ids are written several times each.
  std::string unique(std::string id) {
    if (used_.insert(id).second) return JsonStream::quote(id);
    for (int n = 2;; ++n) {
      std::string candidate = id + "-" + std::to_string(n);
      if (used_.insert(candidate).second) return JsonStream::quote(candidate);
    }
  }

  void assign_ids() {
    const std::string& prefix = header_.source_id;
    used_.reserve(model_.entities().size() + model_.gatherings().size());
    entity_ids_.reserve(model_.entities().size());
    gathering_ids_.reserve(model_.gatherings().size());
    for (const auto& e : model_.entities()) entity_ids_.push_back(unique(prefix + "/" + e.kind + "/" + slug(e.name)));
    for (const auto& g : model_.gatherings()) {
      gathering_ids_.push_back(unique(prefix + "/" + std::string(EventModel::kind_of(g)) + "/" +
                                      std::string(model_.rows()[g.rows.front()].event_id)));
    }
    std::unordered_set<std::string>().swap(used_);  // only ids given out are needed from here on
  }

  // A citation of one row: the whole coded record, or only its event id where the record is
  // written in full on the gathering or entity the fact belongs to. Written as text: a
  // citation's shape is fixed, and there are several for every row kept.
  void cite(std::uint32_t row, bool full) {
    const KeptRow& r = model_.rows()[row];
    w_.raw(citation_start_);
    string(r.event_id, r.plain);
    if (full) {
      if (format_ == EventFormat::kIcews) {
        member(",\"story_id\":", r.story_id, r.plain);
        member(",\"sentence\":", r.sentence, r.plain);
        member(",\"publisher\":", r.publisher, r.plain);
      } else {
        member(",\"url\":", r.url, r.plain);
      }
      w_.raw(",\"cameo\":");
      string(r.code, r.plain);
      member(",\"event_text\":", r.event_text, r.plain);
    }
    w_.raw("}}");
  }
  void string(std::string_view value, bool plain) {
    if (plain) {
      w_.quoted_plain(value);
    } else {
      w_.quoted(value);
    }
  }
  // A member written only when it has a value.
  void member(std::string_view name_and_colon, std::string_view value, bool plain) {
    if (value.empty()) return;
    w_.raw(name_and_colon);
    string(value, plain);
  }
  // "sources":[...], inside a record being written as text.
  void sources(std::span<const std::uint32_t> rows, bool full) {
    w_.raw("\"sources\":[");
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (i > 0) w_.raw(",");
      cite(rows[i], full);
    }
    w_.raw("]");
  }
  void attribute(std::string_view name, std::string_view value, std::span<const std::uint32_t> rows) {
    // Names and values are the writer's own words, dates, and coordinates checked to be numbers.
    w_.raw("{\"name\":");
    w_.quoted_plain(name);
    w_.raw(",\"value\":");
    w_.quoted_plain(value);
    w_.raw(",");
    sources(rows, false);
    w_.raw("}");
  }
  // The start of a record: its id, kind and name.
  void record_start(std::string_view quoted_id, std::string_view kind) {
    newline();
    w_.begin_value();
    w_.raw("{\"id\":");
    w_.raw(quoted_id);
    w_.raw(",\"kind\":");
    w_.quoted_plain(kind);  // one of the writer's own words
    w_.raw(",\"name\":");
  }

  void write_entity(std::uint32_t index) {
    const ModelEntity& e = model_.entities()[index];
    record_start(entity_ids_[index], e.kind);
    w_.quoted(e.name);
    w_.raw(",");
    sources({&e.first_row, 1}, true);
    if (e.kind == "place") {
      w_.raw(",\"attributes\":[");
      attribute("place_type", e.place_type, {&e.first_row, 1});
      if (e.coordinates_row != kNone) {
        w_.raw(",");
        attribute("latitude", e.latitude, {&e.coordinates_row, 1});
        w_.raw(",");
        attribute("longitude", e.longitude, {&e.coordinates_row, 1});
      }
      w_.raw("]");
    }
    w_.raw("}");
  }

  const std::string& gathering_name(const Gathering& g) {
    const auto& entities = model_.entities();
    std::string& name = name_;  // reused from gathering to gathering
    name.clear();
    name += entities[g.first].name;
    name += "–";
    name += entities[g.second].name;
    if (g.code_class == CodeClass::kOther) {
      name += ": ";
      name += model_.rows()[g.rows.front()].event_text;
    } else {
      name += ' ';
      name += label_of(EventModel::kind_of(g));
    }
    if (g.venue != kNone && g.code_class != CodeClass::kCall) {
      name += " in ";
      name += entities[g.venue].name;
    }
    return name;
  }

  // "2018-06-01": a year of gatherings has a few hundred days, each formatted once.
  const std::string& date_text(std::int32_t day) {
    auto [it, inserted] = dates_.try_emplace(day);
    if (inserted) it->second = iso_date(day);
    return it->second;
  }

  void write_gathering(std::uint32_t index) {
    const Gathering& g = model_.gatherings()[index];
    record_start(gathering_ids_[index], EventModel::kind_of(g));
    w_.quoted(gathering_name(g));
    w_.raw(",");
    sources(g.rows, true);
    w_.raw(",\"attributes\":[");
    attribute("date", date_text(g.day), g.rows);
    if (const auto status = EventModel::status_of(g); !status.empty()) {
      w_.raw(",");
      attribute("status", status, g.rows);
    }
    if (!g.latitude.empty()) {
      w_.raw(",");
      attribute("latitude", g.latitude, {g.rows.data(), 1});
      w_.raw(",");
      attribute("longitude", g.longitude, {g.rows.data(), 1});
    }
    w_.raw("]}");
  }

  // A relation between two entities given by their quoted ids.
  void relation(std::string_view type, std::string_view from, std::string_view to, std::string_view role,
                std::span<const std::uint32_t> rows) {
    newline();
    w_.begin_value();
    w_.raw("{\"type\":");
    w_.quoted_plain(type);  // types and roles are the writer's own words
    w_.raw(",\"from\":");
    w_.raw(from);
    w_.raw(",\"to\":");
    w_.raw(to);
    if (!role.empty()) {
      w_.raw(",\"properties\":{\"role\":");
      w_.quoted_plain(role);
      w_.raw("}");
    }
    w_.raw(",");
    sources(rows, false);
    w_.raw("}");
  }

  void write_containment(std::uint32_t index) {
    const ModelEntity& e = model_.entities()[index];
    if (e.container == kNone) return;
    const std::string_view type = e.kind == "place"          ? "located_in"
                                  : e.kind == "organisation" ? "based_in"
                                                             : "affiliated_with";
    relation(type, entity_ids_[index], entity_ids_[e.container], "", {&e.first_row, 1});
  }

  void write_gathering_relations(std::uint32_t index) {
    const Gathering& g = model_.gatherings()[index];
    const std::string_view role = g.code_class == CodeClass::kOther ? "" : "principal";
    relation("participant_in", entity_ids_[g.first], gathering_ids_[index], role, g.rows);
    relation("participant_in", entity_ids_[g.second], gathering_ids_[index], role, g.rows);
    if (g.venue != kNone) relation("held_in", gathering_ids_[index], entity_ids_[g.venue], "", g.rows);
  }

  const EventModel& model_;
  EventFormat format_;
  const DatasetHeader& header_;
  JsonStream w_;
  std::string citation_start_;  // {"source":"ID","record":{"event_id":
  std::string name_;            // a gathering's name, reused from gathering to gathering
  std::unordered_map<std::int32_t, std::string> dates_;
  std::unordered_set<std::string> used_;
  std::vector<std::string> entity_ids_;     // as JSON text, quoted
  std::vector<std::string> gathering_ids_;  // as JSON text, quoted
};

}  // namespace

bool write_dataset(const EventModel& model, EventFormat format, const DatasetHeader& header, std::ostream& out) {
  Writer(model, format, header, out).write();
  out.flush();
  return static_cast<bool>(out);
}

}  // namespace parley::import
