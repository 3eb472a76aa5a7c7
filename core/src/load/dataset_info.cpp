#include "parley/load/dataset_info.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace parley {
namespace {

// Adds the members of `from` to `into`, one level down for "attributes" (kind → attributes).
void merge_extension(rapidjson::Value& into, rapidjson::Value& from, rapidjson::Document::AllocatorType& a) {
  for (auto& member : from.GetObject()) {
    const auto existing = into.FindMember(member.name);
    if (existing == into.MemberEnd()) {
      into.AddMember(rapidjson::Value(member.name, a), rapidjson::Value(member.value, a), a);
    } else if (existing->value.IsObject() && member.value.IsObject() && member.name != "description") {
      merge_extension(existing->value, member.value, a);
    }
  }
}

}  // namespace

std::string merge_schema_extensions(const std::vector<std::string>& texts) {
  if (texts.size() <= 1) return texts.empty() ? std::string() : texts.front();
  rapidjson::Document merged;
  merged.SetObject();
  for (const auto& text : texts) {
    rapidjson::Document one;
    one.Parse(text.data(), text.size());
    if (!one.HasParseError() && one.IsObject()) merge_extension(merged, one, merged.GetAllocator());
  }
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  merged.Accept(w);
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace parley
