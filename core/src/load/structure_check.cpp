#include "load/structure_check.h"

#include <array>
#include <stdexcept>

#include <rapidjson/pointer.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include "schema/compiled_schema.h"
#include "load/json_reader.h"
#include "parley/common/terminal_text.h"

namespace parley::detail {
namespace {

using rapidjson::Document;
using rapidjson::SchemaDocument;
using rapidjson::SchemaValidator;
using rapidjson::Value;

std::string pointer_text(const rapidjson::Pointer& pointer) {
  rapidjson::StringBuffer buffer;
  pointer.Stringify(buffer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string type_name(const Value& v) {
  if (v.IsNull()) return "null";
  if (v.IsBool()) return "a boolean";
  if (v.IsInt64() || v.IsUint64()) return "an integer";
  if (v.IsNumber()) return "a number";
  if (v.IsString()) return "a string";
  if (v.IsArray()) return "an array";
  return "an object";
}

std::string expected_types(const Value& schema) {
  const auto it = schema.FindMember("type");
  if (it == schema.MemberEnd()) return "a different value";
  const auto article = [](std::string_view t) {
    return std::string(t == "array" || t == "object" || t == "integer" ? "an " : "a ") + std::string(t);
  };
  if (it->value.IsString()) return article(it->value.GetString());
  std::string out;
  for (rapidjson::SizeType i = 0; i < it->value.Size(); ++i) {
    if (i > 0) out += i + 1 == it->value.Size() ? " or " : ", ";
    out += article(it->value[i].GetString());
  }
  return out;
}

// A schema document for one record kind: the record's definition, with the whole
// "definitions" object beside it so that its $refs still resolve.
Document record_schema(const Document& full, const char* definition) {
  Document out;
  out.CopyFrom(full["definitions"][definition], out.GetAllocator());
  Value definitions;
  definitions.CopyFrom(full["definitions"], out.GetAllocator());
  out.AddMember("definitions", definitions, out.GetAllocator());
  return out;
}

// The top level only: array items are accepted as they are and checked one by one later.
Document top_level_schema(const Document& full) {
  Document out;
  out.CopyFrom(full, out.GetAllocator());
  for (const char* array : {"sources", "entities", "relations"}) {
    out["properties"][array]["items"].SetObject();
  }
  return out;
}

}  // namespace

struct StructureChecker::Compiled {
  Document full;
  std::array<Document, 4> raw;  // kept alive: SchemaDocument refers into them
  std::vector<std::unique_ptr<SchemaDocument>> compiled;  // for the messages
  std::vector<CompiledSchema> fast;                       // for the verdicts
};

StructureChecker::StructureChecker(std::string_view dataset_schema_json)
    : compiled_(std::make_unique<Compiled>()) {
  if (parse_json_strict(dataset_schema_json, compiled_->full)) {
    throw std::runtime_error("the embedded dataset JSON Schema is not valid JSON");
  }
  compiled_->raw[0] = top_level_schema(compiled_->full);
  compiled_->raw[1] = record_schema(compiled_->full, "source");
  compiled_->raw[2] = record_schema(compiled_->full, "entity");
  compiled_->raw[3] = record_schema(compiled_->full, "relation");
  for (const auto& raw : compiled_->raw) {
    compiled_->compiled.push_back(std::make_unique<SchemaDocument>(raw));
    compiled_->fast.emplace_back(raw, raw);
  }
}

StructureChecker::~StructureChecker() = default;

bool StructureChecker::verdicts_agree(RecordKind kind, const Value& record) const {
  const auto index = static_cast<std::size_t>(kind);
  SchemaValidator validator(*compiled_->compiled[index]);
  return compiled_->fast[index].accepts(record) == record.Accept(validator);
}

bool StructureChecker::accepts(RecordKind kind, const Value& record) const {
  return compiled_->fast[static_cast<std::size_t>(kind)].accepts(record);
}

bool StructureChecker::check(RecordKind kind, const Value& record, const std::string& pointer,
                             DiagnosticSink& sink) const {
  const auto index = static_cast<std::size_t>(kind);
  if (compiled_->fast[index].accepts(record)) return true;
  // Rejected: RapidJSON's validator finds the first violation and its place, to report it.
  SchemaValidator validator(*compiled_->compiled[index]);
  if (record.Accept(validator)) return true;  // the validator is the reference; tests keep the two agreeing

  const std::string keyword = validator.GetInvalidSchemaKeyword();
  const std::string schema_at = pointer_text(validator.GetInvalidSchemaPointer());
  const rapidjson::Pointer instance_pointer = validator.GetInvalidDocumentPointer();
  std::string at = pointer + pointer_text(instance_pointer);
  const Value* instance = instance_pointer.Get(record);
  const Value* schema = rapidjson::Pointer(schema_at.c_str()).Get(compiled_->raw[index]);
  if (!instance || !schema) {
    sink.add(ErrorCode::kSchemaViolation, "breaks the dataset schema (" + keyword + ")", at);
    return false;
  }

  std::string message;
  if (keyword == "required") {
    std::vector<std::string> missing;
    for (const auto& name : (*schema)["required"].GetArray()) {
      if (instance->IsObject() && !instance->HasMember(name)) missing.emplace_back(name.GetString());
    }
    for (std::size_t i = 0; i < missing.size(); ++i) {
      message += (i == 0 ? "" : ", ") + ('"' + missing[i] + '"');
    }
    if (!missing.empty()) {
      message = (missing.size() == 1 ? "missing required member " : "missing required members ") + message;
    }
  } else if (keyword == "additionalProperties") {
    // RapidJSON points at the unexpected member itself.
    const auto tokens = instance_pointer.GetTokenCount();
    const std::string name =
        tokens > 0 ? std::string(instance_pointer.GetTokens()[tokens - 1].name, instance_pointer.GetTokens()[tokens - 1].length)
                   : std::string();
    std::string allowed;
    if (const auto known = schema->FindMember("properties"); known != schema->MemberEnd() && known->value.IsObject()) {
      for (const auto& k : known->value.GetObject()) allowed += (allowed.empty() ? "" : ", ") + std::string(k.name.GetString());
    }
    message = "unknown member \"" + shorten_for_message(name) + "\" (allowed: " + allowed + ")";
  } else if (keyword == "type") {
    message = "expected " + expected_types(*schema) + ", found " + type_name(*instance);
  } else if (keyword == "minLength") {
    message = (*schema)["minLength"].GetUint() == 1
                  ? std::string("must not be empty")
                  : "must be at least " + std::to_string((*schema)["minLength"].GetUint()) + " characters long";
  } else if (keyword == "maxLength") {
    message = "is longer than the limit of " + std::to_string((*schema)["maxLength"].GetUint()) + " characters";
  } else if (keyword == "pattern") {
    const std::string pattern = (*schema)["pattern"].GetString();
    if (schema_at.ends_with("/definitions/date")) {
      message = "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, optionally after \"early \", \"mid \" or \"late \"";
    } else if (pattern.starts_with("^") && pattern.ends_with("$") && pattern.find_first_of("[]()*+?|\\") == std::string::npos) {
      message = "must be \"" + pattern.substr(1, pattern.size() - 2) + "\"";  // a pattern that is a fixed string
    } else {
      message = "does not match the pattern " + pattern;
    }
  } else if (keyword == "enum") {
    std::string allowed;
    for (const auto& v : (*schema)["enum"].GetArray()) allowed += (allowed.empty() ? "\"" : ", \"") + std::string(v.GetString()) + "\"";
    message = "must be one of " + allowed;
  } else if (keyword == "minItems") {
    message = "must list at least " + std::to_string((*schema)["minItems"].GetUint()) + " item(s)";
  } else if (keyword == "oneOf") {
    message = "expected a name (string) or an object with a \"name\"";
  } else {
    message = "breaks the dataset schema (keyword \"" + keyword + "\" at " + schema_at + ")";
  }
  if (message.empty()) message = "breaks the dataset schema (" + keyword + ")";
  // Name the record when its id is readable, so the message says which entity it is about.
  std::string record_id;
  if (kind != RecordKind::kDocument && record.IsObject()) {
    const auto text = [&](const char* name) {
      const auto it = record.FindMember(name);
      return it != record.MemberEnd() && it->value.IsString()
                 ? std::string(it->value.GetString(), it->value.GetStringLength())
                 : std::string();
    };
    // A relation is named by its id where it has one, as the loader names it.
    record_id = kind == RecordKind::kRelation && text("id").empty()
                    ? text("type") + " " + text("from") + " -> " + text("to")
                    : text("id");
  }
  // The field is the member the pointer ends in ("published"), past the record's own pointer.
  std::string field;
  if (at.size() > pointer.size()) {
    field = at.substr(pointer.size() + 1);
    field = field.substr(0, field.find('/'));
  }
  sink.add(ErrorCode::kSchemaViolation, message, at, record_id, field);
  return false;
}

}  // namespace parley::detail
