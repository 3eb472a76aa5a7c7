#include "store/citation_record.h"

#include <array>
#include <utility>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace parley::store {
namespace {

// The fields in the order they are written, with where each lives in a CodedRecord.
constexpr std::array<std::pair<const char*, std::string CodedRecord::*>, 7> kFields = {{
    {"event_id", &CodedRecord::event_id},
    {"story_id", &CodedRecord::story_id},
    {"sentence", &CodedRecord::sentence},
    {"publisher", &CodedRecord::publisher},
    {"cameo", &CodedRecord::cameo},
    {"event_text", &CodedRecord::event_text},
    {"url", &CodedRecord::url},
}};

}  // namespace

std::string record_json(const CodedRecord& record) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  for (const auto& [name, field] : kFields) {
    const std::string& value = record.*field;
    if (value.empty() && field != &CodedRecord::event_id) continue;
    w.Key(name);
    w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  }
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::optional<CodedRecord> parse_record_json(std::string_view text) {
  rapidjson::Document doc;
  doc.Parse(text.data(), text.size());
  if (doc.HasParseError() || !doc.IsObject()) return std::nullopt;
  CodedRecord record;
  for (const auto& [name, field] : kFields) {
    const auto member = doc.FindMember(name);
    if (member == doc.MemberEnd()) continue;
    if (!member->value.IsString()) return std::nullopt;
    (record.*field).assign(member->value.GetString(), member->value.GetStringLength());
  }
  if (record.event_id.empty()) return std::nullopt;
  return record;
}

}  // namespace parley::store
