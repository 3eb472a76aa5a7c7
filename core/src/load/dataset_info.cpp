#include "parley/load/dataset_info.h"

#include <rapidjson/document.h>
#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace parley {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

// Takes the top-level "title" and "description" strings and copies the "schema" object, and
// ignores everything else: the records of a large file are read past, never built.
class TopLevel : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, TopLevel> {
 public:
  std::string title, description;
  rapidjson::StringBuffer schema;
  bool has_schema = false;

  bool Key(const char* s, rapidjson::SizeType n, bool copy) {
    if (copying()) return writer_.Key(s, n, copy);
    if (depth_ == 1) key_.assign(s, n);
    return true;
  }
  bool String(const char* s, rapidjson::SizeType n, bool copy) {
    if (copying()) return writer_.String(s, n, copy);
    if (depth_ == 1 && key_ == "title") title.assign(s, n);
    if (depth_ == 1 && key_ == "description") description.assign(s, n);
    return true;
  }
  bool StartObject() {
    if (depth_ == 1 && key_ == "schema" && !has_schema) {
      has_schema = true;
      schema_depth_ = depth_ + 1;
    }
    ++depth_;
    return copying() ? writer_.StartObject() : true;
  }
  bool EndObject(rapidjson::SizeType n) {
    const bool copy = copying();
    --depth_;
    if (copy && depth_ < schema_depth_) schema_depth_ = 0;  // the end of "schema": copy nothing more
    return copy ? writer_.EndObject(n) : true;
  }
  bool StartArray() {
    ++depth_;
    return copying() ? writer_.StartArray() : true;
  }
  bool EndArray(rapidjson::SizeType n) {
    --depth_;
    return copying() ? writer_.EndArray(n) : true;
  }
  bool Default() { return true; }
  bool Null() { return copying() ? writer_.Null() : true; }
  bool Bool(bool b) { return copying() ? writer_.Bool(b) : true; }
  bool Int(int i) { return copying() ? writer_.Int(i) : true; }
  bool Uint(unsigned i) { return copying() ? writer_.Uint(i) : true; }
  bool Int64(std::int64_t i) { return copying() ? writer_.Int64(i) : true; }
  bool Uint64(std::uint64_t i) { return copying() ? writer_.Uint64(i) : true; }
  bool Double(double d) { return copying() ? writer_.Double(d) : true; }

 private:
  bool copying() const { return schema_depth_ && depth_ >= schema_depth_; }
  int depth_ = 0;
  int schema_depth_ = 0;
  std::string key_;
  Writer writer_{schema};
};

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

DatasetInfo dataset_info(const std::vector<std::string>& texts, const std::vector<std::string>& schema_texts) {
  DatasetInfo info;
  std::vector<std::string> extensions = schema_texts;
  for (const auto& text : texts) {
    TopLevel handler;
    rapidjson::Reader reader;
    rapidjson::StringStream stream(text.c_str());
    reader.Parse<rapidjson::kParseIterativeFlag>(stream, handler);
    if (reader.HasParseError()) continue;
    if (info.title.empty()) info.title = handler.title;
    if (info.description.empty()) info.description = handler.description;
    if (handler.has_schema) extensions.emplace_back(handler.schema.GetString(), handler.schema.GetSize());
  }
  if (extensions.size() == 1) {
    info.schema = extensions.front();
  } else if (extensions.size() > 1) {
    rapidjson::Document merged;
    merged.SetObject();
    for (const auto& text : extensions) {
      rapidjson::Document one;
      one.Parse(text.data(), text.size());
      if (!one.HasParseError() && one.IsObject()) merge_extension(merged, one, merged.GetAllocator());
    }
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    merged.Accept(w);
    info.schema.assign(buffer.GetString(), buffer.GetSize());
  }
  return info;
}

}  // namespace parley
