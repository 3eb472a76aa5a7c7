#include "import/dataset_writer.h"

#include <rapidjson/writer.h>

#include <unordered_set>

#include "parley/common/date.h"

namespace parley::import {
namespace {

// A RapidJSON output stream over std::ostream that writes in 64 KB blocks.
class BlockStream {
 public:
  using Ch = char;
  explicit BlockStream(std::ostream& out) : out_(out) { buffer_.reserve(kBlock); }
  ~BlockStream() { Flush(); }
  void Put(char c) {
    buffer_.push_back(c);
    if (buffer_.size() >= kBlock) Flush();
  }
  void Flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

 private:
  static constexpr std::size_t kBlock = 1 << 16;
  std::ostream& out_;
  std::string buffer_;
};

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
      : model_(model), format_(format), header_(header), stream_(out), w_(stream_) {}

  void write() {
    assign_ids();
    w_.StartObject();
    key("format");
    string("parley-dataset/1");
    key("title");
    string(header_.title);
    key("sources");
    w_.StartArray();
    newline();
    w_.StartObject();
    field("id", header_.source_id);
    field("publisher", header_.publisher);
    field("title", header_.title);
    field("file", header_.file);
    field("note", header_.note);
    field("evidence", "coded_records");
    w_.EndObject();
    newline();
    w_.EndArray();
    key("entities");
    w_.StartArray();
    for (std::uint32_t e = 0; e < model_.entities().size(); ++e) write_entity(e);
    for (std::uint32_t g = 0; g < model_.gatherings().size(); ++g) write_gathering(g);
    newline();
    w_.EndArray();
    key("relations");
    w_.StartArray();
    for (std::uint32_t e = 0; e < model_.entities().size(); ++e) write_containment(e);
    for (std::uint32_t g = 0; g < model_.gatherings().size(); ++g) write_gathering_relations(g);
    newline();
    w_.EndArray();
    w_.EndObject();
    stream_.Put('\n');
    stream_.Flush();
  }

 private:
  void key(std::string_view k) { w_.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }
  void string(std::string_view s) { w_.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
  void field(std::string_view k, std::string_view v) {
    key(k);
    string(v);
  }
  void newline() { stream_.Put('\n'); }  // one record a line: whitespace between array items

  std::string unique(std::string id) {
    if (used_.insert(id).second) return id;
    for (int n = 2;; ++n) {
      std::string candidate = id + "-" + std::to_string(n);
      if (used_.insert(candidate).second) return candidate;
    }
  }

  void assign_ids() {
    const std::string& prefix = header_.source_id;
    for (const auto& e : model_.entities()) entity_ids_.push_back(unique(prefix + "/" + e.kind + "/" + slug(e.name)));
    for (const auto& g : model_.gatherings()) {
      gathering_ids_.push_back(unique(prefix + "/" + std::string(EventModel::kind_of(g)) + "/" +
                                      model_.rows()[g.rows.front()].event_id));
    }
  }

  // A citation of one row: the whole coded record, or only its event id where the record is
  // written in full on the gathering or entity the fact belongs to.
  void cite(std::uint32_t row, bool full) {
    const KeptRow& r = model_.rows()[row];
    w_.StartObject();
    field("source", header_.source_id);
    key("record");
    w_.StartObject();
    field("event_id", r.event_id);
    if (full) {
      if (format_ == EventFormat::kIcews) {
        if (!r.story_id.empty()) field("story_id", r.story_id);
        if (!r.sentence.empty()) field("sentence", r.sentence);
        if (!r.publisher.empty()) field("publisher", r.publisher);
      } else if (!r.url.empty()) {
        field("url", r.url);
      }
      field("cameo", r.code);
      if (!r.event_text.empty()) field("event_text", r.event_text);
    }
    w_.EndObject();
    w_.EndObject();
  }
  void sources(const std::vector<std::uint32_t>& rows, bool full) {
    key("sources");
    w_.StartArray();
    for (const auto row : rows) cite(row, full);
    w_.EndArray();
  }
  void attribute(std::string_view name, std::string_view value, const std::vector<std::uint32_t>& rows) {
    w_.StartObject();
    field("name", name);
    field("value", value);
    sources(rows, false);
    w_.EndObject();
  }

  void write_entity(std::uint32_t index) {
    const ModelEntity& e = model_.entities()[index];
    newline();
    w_.StartObject();
    field("id", entity_ids_[index]);
    field("kind", e.kind);
    field("name", e.name);
    sources({e.first_row}, true);
    if (e.kind == "place") {
      key("attributes");
      w_.StartArray();
      attribute("place_type", e.place_type, {e.first_row});
      if (e.coordinates_row != kNone) {
        attribute("latitude", e.latitude, {e.coordinates_row});
        attribute("longitude", e.longitude, {e.coordinates_row});
      }
      w_.EndArray();
    }
    w_.EndObject();
  }

  std::string gathering_name(const Gathering& g) const {
    const auto& entities = model_.entities();
    std::string name = entities[g.first].name + "–" + entities[g.second].name;
    const std::string_view kind = EventModel::kind_of(g);
    if (g.code_class == CodeClass::kOther) {
      name += ": " + model_.rows()[g.rows.front()].event_text;
    } else {
      name += " " + std::string(label_of(kind));
    }
    if (g.venue != kNone && g.code_class != CodeClass::kCall) name += " in " + entities[g.venue].name;
    return name;
  }

  void write_gathering(std::uint32_t index) {
    const Gathering& g = model_.gatherings()[index];
    newline();
    w_.StartObject();
    field("id", gathering_ids_[index]);
    field("kind", EventModel::kind_of(g));
    field("name", gathering_name(g));
    sources(g.rows, true);
    key("attributes");
    w_.StartArray();
    attribute("date", iso_date(g.day), g.rows);
    if (const auto status = EventModel::status_of(g); !status.empty()) attribute("status", status, g.rows);
    if (!g.latitude.empty()) {
      attribute("latitude", g.latitude, {g.rows.front()});
      attribute("longitude", g.longitude, {g.rows.front()});
    }
    w_.EndArray();
    w_.EndObject();
  }

  void relation(std::string_view type, std::string_view from, std::string_view to, std::string_view role,
                const std::vector<std::uint32_t>& rows) {
    newline();
    w_.StartObject();
    field("type", type);
    field("from", from);
    field("to", to);
    if (!role.empty()) {
      key("properties");
      w_.StartObject();
      field("role", role);
      w_.EndObject();
    }
    sources(rows, false);
    w_.EndObject();
  }

  void write_containment(std::uint32_t index) {
    const ModelEntity& e = model_.entities()[index];
    if (e.container == kNone) return;
    const std::string_view type = e.kind == "place"          ? "located_in"
                                  : e.kind == "organisation" ? "based_in"
                                                             : "affiliated_with";
    relation(type, entity_ids_[index], entity_ids_[e.container], "", {e.first_row});
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
  BlockStream stream_;
  rapidjson::Writer<BlockStream> w_;
  std::unordered_set<std::string> used_;
  std::vector<std::string> entity_ids_;
  std::vector<std::string> gathering_ids_;
};

}  // namespace

bool write_dataset(const EventModel& model, EventFormat format, const DatasetHeader& header, std::ostream& out) {
  Writer(model, format, header, out).write();
  out.flush();
  return static_cast<bool>(out);
}

}  // namespace parley::import
