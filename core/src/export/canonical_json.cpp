#include "parley/export/canonical_json.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <ostream>
#include <sstream>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "load/diagnostic_sink.h"
#include "load/json_reader.h"
#include "load/structure_check.h"
#include "parley/common/embedded.h"

namespace parley {
namespace {

using Value = rapidjson::Value;

// Every member name a record (or an object inside one) may have, in canonical order. One list
// serves every kind of record: each kind's members appear in it in the order that kind wants
// (a source: id, publisher, title, published, file, url, note, evidence, byline, authors; an
// entity: id, kind, name, aliases, sources, attributes; an attribute: name, value, qualifier,
// attribution, sources; a relation: id, type, from, to, properties, sources; ...), which is
// also the order the lossless export writes.
constexpr std::array<std::string_view, 35> kMemberOrder = {
    "id",        "type",    "entity",   "event_id",   "kind",   "name",      "from",     "to",
    "same_as",   "distinct_from", "candidate", "source", "quote", "record", "story_id", "sentence",
    "publisher", "title",   "published", "file",      "aliases", "value",    "qualifier", "cameo",
    "event_text", "url",    "note",     "evidence",   "attribution", "byline", "authors",
    "properties", "sources", "attributes", "reasons"};

std::size_t rank(std::string_view member) {
  const auto at = std::find(kMemberOrder.begin(), kMemberOrder.end(), member);
  return static_cast<std::size_t>(at - kMemberOrder.begin());  // unknown members last, in their order
}

template <typename Writer>
void render(Writer& w, const Value& v, bool keep_order) {
  if (v.IsObject()) {
    std::vector<const Value::Member*> members;
    for (const auto& m : v.GetObject()) members.push_back(&m);
    if (!keep_order) {
      std::stable_sort(members.begin(), members.end(), [](const auto* a, const auto* b) {
        return rank({a->name.GetString(), a->name.GetStringLength()}) <
               rank({b->name.GetString(), b->name.GetStringLength()});
      });
    }
    w.StartObject();
    for (const auto* m : members) {
      w.Key(m->name.GetString(), m->name.GetStringLength());
      // A relation's properties are named by the schema, not by the format: the author's order.
      render(w, m->value, keep_order || std::string_view(m->name.GetString()) == "properties");
    }
    w.EndObject();
  } else if (v.IsArray()) {
    w.StartArray();
    for (const auto& item : v.GetArray()) render(w, item, keep_order);
    w.EndArray();
  } else {
    v.Accept(w);
  }
}

std::string one_line(const Value& v) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  render(w, v, false);
  return std::string(buffer.GetString(), buffer.GetSize());
}

// The schema extension, indented by two spaces a level and two more for its place in the file.
std::string indented(const Value& v) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
  w.SetIndent(' ', 2);
  w.SetFormatOptions(rapidjson::kFormatSingleLineArray);
  render(w, v, true);
  std::string out;
  for (const char c : std::string_view(buffer.GetString(), buffer.GetSize())) {
    out += c;
    if (c == '\n') out += "  ";
  }
  return out;
}

}  // namespace

bool read_canonical_dataset(std::string_view name, std::string_view text, CanonicalDataset& out,
                            Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.size();
  detail::DiagnosticSink sink(std::string(name), diagnostics);
  rapidjson::Document doc;
  if (const auto error = detail::parse_json_strict(text, doc)) {
    sink.add_at_offset(ErrorCode::kJsonSyntax, error->message, text, error->offset);
    return false;
  }
  static const detail::StructureChecker checker(embedded::dataset_schema);
  if (!checker.check(detail::RecordKind::kDocument, doc, "", sink)) {
    detail::resolve_positions(sink.file(), text, diagnostics);
    return false;
  }
  out = CanonicalDataset{};
  const auto records = [&](const char* member, detail::RecordKind kind, std::vector<std::string>& lines) {
    const auto found = doc.FindMember(member);
    if (found == doc.MemberEnd()) return;
    const auto& array = found->value.GetArray();
    for (rapidjson::SizeType i = 0; i < array.Size(); ++i) {
      // Identity records are checked by the loader once all files are read, not here.
      if (kind != detail::RecordKind::kDocument &&
          !checker.check(kind, array[i], "/" + std::string(member) + "/" + std::to_string(i), sink)) {
        continue;
      }
      lines.push_back(one_line(array[i]));
    }
  };
  records("sources", detail::RecordKind::kSource, out.sources);
  records("entities", detail::RecordKind::kEntity, out.entities);
  records("relations", detail::RecordKind::kRelation, out.relations);
  if (doc.HasMember("identity")) {
    out.identity.emplace();
    records("identity", detail::RecordKind::kDocument, *out.identity);
  }
  if (diagnostics.size() != errors_before) {
    detail::resolve_positions(sink.file(), text, diagnostics);
    return false;
  }
  for (const auto& source : doc["sources"].GetArray()) {
    out.source_ids.emplace_back(source["id"].GetString(), source["id"].GetStringLength());
  }
  out.format = one_line(doc["format"]);
  if (doc.HasMember("title")) out.title = one_line(doc["title"]);
  if (doc.HasMember("description")) out.description = one_line(doc["description"]);
  if (doc.HasMember("schema")) out.schema = indented(doc["schema"]);
  return true;
}

std::string render_canonical_dataset(const CanonicalDataset& dataset) {
  std::ostringstream out;
  CanonicalWriter writer(out, dataset);
  writer.array("sources", dataset.sources);
  writer.array("entities", dataset.entities);
  writer.array("relations", dataset.relations);
  if (dataset.identity) writer.array("identity", *dataset.identity);
  writer.finish();
  return out.str();
}

CanonicalWriter::CanonicalWriter(std::ostream& out, const CanonicalDataset& head) : out_(out) {
  out_ << "{\n  \"format\": " << head.format << ",\n";
  if (!head.title.empty()) out_ << "  \"title\": " << head.title << ",\n";
  if (!head.description.empty()) out_ << "  \"description\": " << head.description << ",\n";
  if (!head.schema.empty()) out_ << "  \"schema\": " << head.schema << ",\n";
}

void CanonicalWriter::close_array(bool last) {
  if (!in_array_) return;
  out_ << (array_empty_ ? "]" : "\n  ]") << (last ? "\n" : ",\n");
  in_array_ = false;
}

void CanonicalWriter::array(std::string_view name) {
  close_array(false);
  out_ << "  \"" << name << "\": [";
  in_array_ = true;
  array_empty_ = true;
}

void CanonicalWriter::record(std::string_view line) {
  out_ << (array_empty_ ? "\n    " : ",\n    ") << line;
  array_empty_ = false;
}

void CanonicalWriter::array(std::string_view name, const std::vector<std::string>& records) {
  array(name);
  for (const std::string& line : records) record(line);
}

void CanonicalWriter::finish() {
  close_array(true);
  out_ << "}\n";
}

std::optional<std::string> canonical_record(std::string_view record) {
  rapidjson::Document doc;
  if (detail::parse_json_strict(record, doc)) return std::nullopt;
  return one_line(doc);
}

}  // namespace parley

namespace parley {

std::string canonical_schema(std::string_view json) {
  rapidjson::Document doc;
  if (detail::parse_json_strict(json, doc)) return std::string(json);
  return indented(doc);
}

}  // namespace parley
