#include "schema/compiled_schema.h"

#include <algorithm>
#include <stdexcept>

#include <rapidjson/pointer.h>

namespace parley::detail {
namespace {

using rapidjson::Value;

[[noreturn]] void unsupported(std::string_view what) {
  throw std::runtime_error("the dataset JSON Schema uses " + std::string(what) +
                           ", which parley's compiled checks do not implement");
}

std::uint32_t count_of(const Value& v, const char* keyword) {
  if (!v.IsUint()) unsupported(std::string("a non-integer \"") + keyword + "\"");
  return v.GetUint();
}

// Code points, as JSON Schema counts a string's length; the text is valid UTF-8 by now.
std::uint32_t code_points(const Value& s) {
  std::uint32_t n = 0;
  const char* text = s.GetString();
  for (rapidjson::SizeType i = 0; i < s.GetStringLength(); ++i) {
    n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  }
  return n;
}

// Whether a string of `bytes` bytes has between `min` and `max` code points whatever its
// bytes are: it has at most one per byte and at least one per four. Most strings pass on
// their byte count alone, and are not read.
bool length_surely_within(std::uint64_t bytes, std::uint64_t min, std::uint64_t max) {
  return bytes <= max && (bytes + 3) / 4 >= min;
}

}  // namespace

CompiledSchema::CompiledSchema(const Value& schema, const Value& root) { compile(schema, root); }

void CompiledSchema::compile_pattern(Node& node, std::string_view pattern) {
  const bool literal = pattern.size() >= 2 && pattern.front() == '^' && pattern.back() == '$' &&
                       pattern.substr(1, pattern.size() - 2).find_first_of("^$.[]()*+?{}|\\") == std::string_view::npos;
  if (literal) {
    node.has_literal = true;
    node.literal = std::string(pattern.substr(1, pattern.size() - 2));
  } else {
    node.pattern.emplace(std::string(pattern), std::regex::ECMAScript | std::regex::optimize);
  }
}

std::int32_t CompiledSchema::compile(const Value& schema, const Value& root) {
  if (!schema.IsObject()) unsupported("a schema that is not an object");
  if (const auto ref = schema.FindMember("$ref"); ref != schema.MemberEnd()) {
    if (schema.MemberCount() != 1 || !ref->value.IsString() || ref->value.GetString()[0] != '#') {
      unsupported("a \"$ref\" with other keywords or outside this document");
    }
    const Value* target = rapidjson::Pointer(ref->value.GetString() + 1).Get(const_cast<Value&>(root));
    if (!target) unsupported(std::string("the unresolvable reference ") + ref->value.GetString());
    if (const auto done = compiled_refs_.find(target); done != compiled_refs_.end()) return done->second;
    const std::int32_t index = compile(*target, root);
    compiled_refs_.emplace(target, index);
    return index;
  }

  const auto index = static_cast<std::int32_t>(nodes_.size());
  nodes_.emplace_back();
  Node node;
  std::vector<std::string> required;
  for (const auto& member : schema.GetObject()) {
    const std::string_view keyword(member.name.GetString(), member.name.GetStringLength());
    const Value& v = member.value;
    if (keyword == "$schema" || keyword == "title" || keyword == "description" || keyword == "definitions") {
      continue;  // annotations, and definitions reached through "$ref"
    } else if (keyword == "type") {
      node.types = 0;
      const auto add = [&](const Value& name) {
        const std::string_view t(name.GetString(), name.GetStringLength());
        if (t == "null") node.types |= kNull;
        else if (t == "boolean") node.types |= kBoolean;
        else if (t == "object") node.types |= kObject;
        else if (t == "array") node.types |= kArray;
        else if (t == "string") node.types |= kString;
        else if (t == "number") node.types |= kNumber | kInteger;  // an integer is a number
        else if (t == "integer") node.types |= kInteger;
        else unsupported("the type \"" + std::string(t) + "\"");
      };
      if (v.IsString()) add(v);
      else for (const auto& t : v.GetArray()) add(t);
    } else if (keyword == "required") {
      for (const auto& name : v.GetArray()) required.emplace_back(name.GetString(), name.GetStringLength());
    } else if (keyword == "properties") {
      for (const auto& p : v.GetObject()) {
        node.properties.push_back({std::string(p.name.GetString(), p.name.GetStringLength()), compile(p.value, root)});
      }
    } else if (keyword == "additionalProperties") {
      if (v.IsBool()) node.additional_allowed = v.GetBool();
      else node.additional = compile(v, root);
    } else if (keyword == "items") {
      if (!v.IsObject()) unsupported("\"items\" as a list of schemas");
      node.items = compile(v, root);
    } else if (keyword == "minItems") {
      node.min_items = count_of(v, "minItems");
    } else if (keyword == "minLength") {
      node.min_length = count_of(v, "minLength");
    } else if (keyword == "maxLength") {
      node.max_length = count_of(v, "maxLength");
    } else if (keyword == "pattern") {
      compile_pattern(node, std::string_view(v.GetString(), v.GetStringLength()));
    } else if (keyword == "oneOf") {
      for (const auto& alternative : v.GetArray()) node.one_of.push_back(compile(alternative, root));
    } else {
      unsupported("the keyword \"" + std::string(keyword) + "\"");
    }
  }
  compile_required(node, required);  // after the loop: "properties" may come after "required"
  nodes_[static_cast<std::size_t>(index)] = std::move(node);
  return index;
}

void CompiledSchema::compile_required(Node& node, const std::vector<std::string>& required) {
  for (const auto& name : required) {
    const auto known = std::find_if(node.properties.begin(), node.properties.end(),
                                    [&](const Property& p) { return p.name == name; });
    const auto position = known - node.properties.begin();
    if (known != node.properties.end() && position < 64) {
      node.required_properties |= std::uint64_t{1} << position;
    } else {
      node.required_others.push_back(name);
    }
  }
}

bool CompiledSchema::accepts(std::int32_t index, const Value& value) const {
  const Node& node = nodes_[static_cast<std::size_t>(index)];
  // RapidJSON's validator sees a number as an integer unless it is stored as a double.
  const std::uint8_t type = value.IsNull() ? kNull
                            : value.IsBool() ? kBoolean
                            : value.IsObject() ? kObject
                            : value.IsArray() ? kArray
                            : value.IsString() ? kString
                            : value.IsDouble() ? kNumber
                                               : kInteger;
  if (!(node.types & type)) return false;
  if (!node.one_of.empty()) {
    const auto matches = std::count_if(node.one_of.begin(), node.one_of.end(),
                                       [&](std::int32_t alternative) { return accepts(alternative, value); });
    if (matches != 1) return false;
  }
  switch (type) {
    case kObject:
      return accepts_object(node, value);
    case kArray: {
      if (value.Size() < node.min_items) return false;
      if (node.items == kNone) return true;
      return std::all_of(value.Begin(), value.End(), [&](const Value& item) { return accepts(node.items, item); });
    }
    case kString: {
      if (!length_surely_within(value.GetStringLength(), node.min_length, node.max_length)) {
        const std::uint32_t length = code_points(value);
        if (length < node.min_length || length > node.max_length) return false;
      }
      if (node.has_literal) {
        return std::string_view(value.GetString(), value.GetStringLength()) == node.literal;
      }
      if (node.pattern) {
        return std::regex_search(value.GetString(), value.GetString() + value.GetStringLength(), *node.pattern);
      }
      return true;
    }
    default:
      return true;
  }
}

bool CompiledSchema::accepts_object(const Node& node, const Value& value) const {
  for (const auto& name : node.required_others) {
    if (!value.HasMember(rapidjson::StringRef(name.data(), name.size()))) return false;
  }
  std::uint64_t present = 0;  // which of the first 64 properties the object has
  for (const auto& member : value.GetObject()) {
    const std::string_view name(member.name.GetString(), member.name.GetStringLength());
    const auto known = std::find_if(node.properties.begin(), node.properties.end(),
                                    [&](const Property& p) { return p.name == name; });
    if (known != node.properties.end()) {
      if (const auto position = known - node.properties.begin(); position < 64) present |= std::uint64_t{1} << position;
      if (!accepts(known->node, member.value)) return false;
    } else if (node.additional != kNone) {
      if (!accepts(node.additional, member.value)) return false;
    } else if (!node.additional_allowed) {
      return false;
    }
  }
  return (present & node.required_properties) == node.required_properties;
}

}  // namespace parley::detail
