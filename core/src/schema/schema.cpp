#include "parley/schema/schema.h"

#include <algorithm>
#include <utility>

#include "parley/common/terminal_text.h"
#include "load/diagnostic_sink.h"
#include "load/json_reader.h"

namespace parley {
namespace {

using detail::DiagnosticSink;
using detail::pointer_join;
using rapidjson::Value;

std::optional<ValueType> parse_value_type(std::string_view name) {
  if (name == "text") return ValueType::kText;
  if (name == "integer") return ValueType::kInteger;
  if (name == "date") return ValueType::kDate;
  if (name == "duration") return ValueType::kDuration;
  if (name == "enum") return ValueType::kEnum;
  if (name == "entity") return ValueType::kEntity;
  if (name == "number") return ValueType::kNumber;
  return std::nullopt;
}

std::string string_member(const Value& object, const char* name) {
  const auto it = object.FindMember(name);
  return it != object.MemberEnd() && it->value.IsString()
             ? std::string(it->value.GetString(), it->value.GetStringLength())
             : std::string();
}

bool bool_member(const Value& object, const char* name) {
  const auto it = object.FindMember(name);
  return it != object.MemberEnd() && it->value.IsBool() && it->value.GetBool();
}

// Reads {"type": ..., "values": [...], "description": ...} shared by attributes and properties.
bool read_value_spec(const Value& spec, const std::string& pointer, ValueSpec& out,
                     std::string& description, DiagnosticSink& sink) {
  if (!spec.IsObject()) {
    sink.add(ErrorCode::kInvalidSchema, "expected an object with a \"type\"", pointer);
    return false;
  }
  const auto type = parse_value_type(string_member(spec, "type"));
  if (!type) {
    sink.add(ErrorCode::kInvalidSchema,
             "\"type\" must be one of text, integer, number, date, duration, enum, entity",
             pointer_join(pointer, "type"));
    return false;
  }
  out.type = *type;
  description = string_member(spec, "description");
  for (const auto& [name, bound] : {std::pair{"minimum", &out.minimum}, std::pair{"maximum", &out.maximum}}) {
    const auto member = spec.FindMember(name);
    if (member == spec.MemberEnd()) continue;
    if (*type != ValueType::kNumber || !member->value.IsNumber()) {
      sink.add(ErrorCode::kInvalidSchema, std::string("\"") + name + "\" is a number, and only for a value of type number",
               pointer_join(pointer, name));
      return false;
    }
    *bound = member->value.GetDouble();
  }
  const auto values = spec.FindMember("values");
  if (*type == ValueType::kEnum) {
    if (values == spec.MemberEnd() || !values->value.IsArray() || values->value.Empty()) {
      sink.add(ErrorCode::kInvalidSchema, "an enum needs a non-empty \"values\" array", pointer);
      return false;
    }
    for (const auto& v : values->value.GetArray()) {
      if (v.IsString()) out.allowed.emplace_back(v.GetString(), v.GetStringLength());
    }
  }
  return true;
}

}  // namespace

std::optional<RelationSchema> RelationSchema::parse(std::string_view json, const std::string& file,
                                                    Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.size();
  DiagnosticSink sink(file, diagnostics);
  rapidjson::Document doc;
  if (const auto error = detail::parse_json_strict(json, doc)) {
    sink.add_at_offset(ErrorCode::kJsonSyntax, error->message, json, error->offset);
    return std::nullopt;
  }
  RelationSchema schema;
  const auto section = [&](const char* name) -> const Value* {
    if (!doc.IsObject()) return nullptr;
    if (!doc.HasMember(name) || !doc[name].IsObject()) {
      sink.add(ErrorCode::kInvalidSchema, std::string("missing object \"") + name + "\"", "");
      return nullptr;
    }
    return &doc[name];
  };
  const Value* kinds = section("kinds");
  const Value* properties = section("properties");
  const Value* relations = section("relations");
  if (!kinds || !properties || !relations) {
    detail::resolve_positions(file, json, diagnostics);
    return std::nullopt;
  }
  // Properties any relation may carry (attribution, modality...): said once, not on every type.
  std::vector<PropertyId> on_every_relation;

  // Kinds: names first, so is_a may refer forwards.
  for (const auto& member : kinds->GetObject()) {
    const std::string name(member.name.GetString(), member.name.GetStringLength());
    schema.kind_index_.emplace(name, static_cast<KindId>(schema.kinds_.size()));
    schema.kinds_.push_back(KindSpec{name, std::nullopt, false, false, std::nullopt, {}, {}});
  }
  for (const auto& member : kinds->GetObject()) {
    const std::string name(member.name.GetString(), member.name.GetStringLength());
    const std::string pointer = pointer_join("/kinds", name);
    KindSpec& kind = schema.kinds_[schema.kind_index_.at(name)];
    if (!member.value.IsObject()) {
      sink.add(ErrorCode::kInvalidSchema, "a kind must be an object", pointer);
      continue;
    }
    kind.is_abstract = bool_member(member.value, "abstract");
    kind.is_gathering = bool_member(member.value, "gathering");
    if (const std::string role = string_member(member.value, "who_met"); !role.empty()) {
      if (role == "counted") kind.meeting_role = MeetingRole::kCounted;
      else if (role == "listed") kind.meeting_role = MeetingRole::kListed;
      else if (role == "when_asked") kind.meeting_role = MeetingRole::kWhenAsked;
      else sink.add(ErrorCode::kInvalidSchema, "who_met must be \"counted\", \"listed\" or \"when_asked\", not \"" + role + "\"",
                    pointer_join(pointer, "who_met"));
    }
    kind.description = string_member(member.value, "description");
    if (const std::string parent = string_member(member.value, "is_a"); !parent.empty()) {
      if (const auto id = schema.find_kind(parent)) {
        kind.parent = *id;
      } else {
        sink.add(ErrorCode::kInvalidSchema, "is_a names unknown kind \"" + parent + "\"",
                 pointer_join(pointer, "is_a"));
      }
    }
    const auto attributes = member.value.FindMember("attributes");
    if (attributes != member.value.MemberEnd() && attributes->value.IsObject()) {
      for (const auto& attribute : attributes->value.GetObject()) {
        AttributeSpec spec;
        spec.name.assign(attribute.name.GetString(), attribute.name.GetStringLength());
        const std::string at = pointer_join(pointer_join(pointer, "attributes"), spec.name);
        if (read_value_spec(attribute.value, at, spec.value, spec.description, sink)) {
          if (spec.value.type == ValueType::kEntity) {
            sink.add(ErrorCode::kInvalidSchema, "attributes cannot refer to entities: use a relation", at);
          }
          kind.attributes.push_back(std::move(spec));
        }
      }
    }
  }
  // A cycle in is_a would make every hierarchy walk loop forever.
  for (KindId id = 0; id < schema.kinds_.size(); ++id) {
    std::size_t steps = 0;
    for (auto at = schema.kinds_[id].parent; at; at = schema.kinds_[*at].parent) {
      if (++steps > schema.kinds_.size()) {
        sink.add(ErrorCode::kInvalidSchema, "is_a forms a cycle",
                 pointer_join(pointer_join("/kinds", schema.kinds_[id].name), "is_a"));
        schema.kinds_[id].parent.reset();
        break;
      }
    }
  }

  for (const auto& member : properties->GetObject()) {
    PropertySpec spec;
    spec.name.assign(member.name.GetString(), member.name.GetStringLength());
    if (read_value_spec(member.value, pointer_join("/properties", spec.name), spec.value,
                        spec.description, sink)) {
      schema.property_index_.emplace(spec.name, static_cast<PropertyId>(schema.properties_.size()));
      schema.properties_.push_back(std::move(spec));
    }
  }
  if (const auto every = doc.FindMember("every_relation_properties"); every != doc.MemberEnd()) {
    if (!every->value.IsArray()) {
      sink.add(ErrorCode::kInvalidSchema, "\"every_relation_properties\" must be an array of property names",
               "/every_relation_properties");
    } else {
      for (rapidjson::SizeType i = 0; i < every->value.Size(); ++i) {
        const auto& v = every->value[i];
        if (const auto id = schema.find_property(v.IsString() ? v.GetString() : "")) {
          on_every_relation.push_back(*id);
        } else {
          sink.add(ErrorCode::kInvalidSchema, "unknown property in \"every_relation_properties\"",
                   pointer_join("/every_relation_properties", std::to_string(i)));
        }
      }
    }
  }

  for (const auto& member : relations->GetObject()) {
    RelationTypeSpec spec;
    spec.name.assign(member.name.GetString(), member.name.GetStringLength());
    const std::string pointer = pointer_join("/relations", spec.name);
    if (!member.value.IsObject()) {
      sink.add(ErrorCode::kInvalidSchema, "a relation type must be an object", pointer);
      continue;
    }
    const auto read_kinds = [&](const char* field, std::vector<KindId>& out) {
      const auto it = member.value.FindMember(field);
      if (it == member.value.MemberEnd() || !it->value.IsArray() || it->value.Empty()) {
        sink.add(ErrorCode::kInvalidSchema, std::string("\"") + field + "\" must list at least one kind",
                 pointer_join(pointer, field));
        return;
      }
      for (rapidjson::SizeType i = 0; i < it->value.Size(); ++i) {
        const auto& v = it->value[i];
        const std::string name = v.IsString() ? v.GetString() : "";
        if (const auto id = schema.find_kind(name)) {
          out.push_back(*id);
        } else {
          sink.add(ErrorCode::kInvalidSchema, "unknown kind \"" + name + "\"",
                   pointer_join(pointer_join(pointer, field), i));
        }
      }
    };
    const auto read_properties = [&](const char* field, std::vector<PropertyId>& out) {
      const auto it = member.value.FindMember(field);
      if (it == member.value.MemberEnd() || !it->value.IsArray()) return;
      for (rapidjson::SizeType i = 0; i < it->value.Size(); ++i) {
        const auto& v = it->value[i];
        const std::string name = v.IsString() ? v.GetString() : "";
        if (const auto id = schema.find_property(name)) {
          out.push_back(*id);
        } else {
          sink.add(ErrorCode::kInvalidSchema, "unknown property \"" + name + "\"",
                   pointer_join(pointer_join(pointer, field), i));
        }
      }
    };
    read_kinds("domain", spec.domain);
    read_kinds("range", spec.range);
    read_properties("properties", spec.allowed);
    for (const PropertyId id : on_every_relation) {
      if (std::find(spec.allowed.begin(), spec.allowed.end(), id) == spec.allowed.end()) spec.allowed.push_back(id);
    }
    read_properties("required", spec.required);
    for (const PropertyId id : spec.required) {
      if (std::find(spec.allowed.begin(), spec.allowed.end(), id) == spec.allowed.end()) {
        sink.add(ErrorCode::kInvalidSchema,
                 "required property \"" + schema.properties_[id].name + "\" is not in \"properties\"",
                 pointer_join(pointer, "required"));
      }
    }
    spec.symmetric = bool_member(member.value, "symmetric");
    spec.forward = string_member(member.value, "forward");
    spec.backward = spec.symmetric ? spec.forward : string_member(member.value, "backward");
    spec.description = string_member(member.value, "description");
    if (spec.forward.empty() || spec.backward.empty()) {
      sink.add(ErrorCode::kInvalidSchema, "a relation type needs a \"forward\" and a \"backward\" reading",
               pointer);
    }
    schema.relation_type_index_.emplace(spec.name, static_cast<RelationTypeId>(schema.relation_types_.size()));
    schema.relation_types_.push_back(std::move(spec));
  }

  // Titles and honorifics people write before a name; name lookups may drop them.
  if (doc.HasMember("name_titles")) {
    const Value& titles = doc["name_titles"];
    if (!titles.IsArray()) {
      sink.add(ErrorCode::kInvalidSchema, "\"name_titles\" must be an array of strings", "/name_titles");
    } else {
      for (rapidjson::SizeType i = 0; i < titles.Size(); ++i) {
        if (!titles[i].IsString() || titles[i].GetStringLength() == 0) {
          sink.add(ErrorCode::kInvalidSchema, "a name title must be a non-empty string", pointer_join("/name_titles", std::to_string(i)));
          continue;
        }
        schema.name_titles_.emplace_back(titles[i].GetString(), titles[i].GetStringLength());
      }
    }
  }

  if (diagnostics.size() != errors_before) {
    detail::resolve_positions(file, json, diagnostics);
    return std::nullopt;
  }
  // Every kind's role, inherited through is_a, worked out once: who-met asks it of every kind
  // and every gathering it reads.
  for (KindId k = 0; k < schema.kinds_.size(); ++k) {
    schema.meeting_roles_.push_back(schema.meeting_role(k));
    if (schema.meeting_roles_.back() == MeetingRole::kCounted) schema.counted_kinds_.push_back(k);
  }
  schema.core_names_ = CoreNames{schema.find_kind("event"),           schema.find_kind("state"),
                                 schema.find_relation_type("participant_in"), schema.find_relation_type("held_in"),
                                 schema.find_relation_type("part_of"), schema.find_property("role"),
                                 schema.find_property("status")};
  return schema;
}

std::optional<KindId> RelationSchema::find_kind(std::string_view name) const {
  const auto it = kind_index_.find(name);
  return it == kind_index_.end() ? std::nullopt : std::optional<KindId>(it->second);
}

std::optional<RelationTypeId> RelationSchema::find_relation_type(std::string_view name) const {
  const auto it = relation_type_index_.find(name);
  return it == relation_type_index_.end() ? std::nullopt : std::optional<RelationTypeId>(it->second);
}

std::optional<PropertyId> RelationSchema::find_property(std::string_view name) const {
  const auto it = property_index_.find(name);
  return it == property_index_.end() ? std::nullopt : std::optional<PropertyId>(it->second);
}

bool RelationSchema::is_a(KindId kind, KindId ancestor) const {
  for (std::optional<KindId> at = kind; at; at = kinds_[*at].parent) {
    if (*at == ancestor) return true;
  }
  return false;
}

bool RelationSchema::is_gathering(KindId kind) const {
  if (kind < meeting_roles_.size()) return meeting_roles_[kind] != MeetingRole::kNone;
  for (std::optional<KindId> at = kind; at; at = kinds_[*at].parent) {
    if (kinds_[*at].is_gathering) return true;
  }
  return false;
}

MeetingRole RelationSchema::meeting_role(KindId kind) const {
  if (kind < meeting_roles_.size()) return meeting_roles_[kind];
  if (!is_gathering(kind)) return MeetingRole::kNone;
  for (std::optional<KindId> at = kind; at; at = kinds_[*at].parent) {
    if (kinds_[*at].meeting_role) return *kinds_[*at].meeting_role;
  }
  return MeetingRole::kCounted;
}

const AttributeSpec* RelationSchema::find_attribute(KindId kind, std::string_view name) const {
  for (std::optional<KindId> at = kind; at; at = kinds_[*at].parent) {
    for (const auto& attribute : kinds_[*at].attributes) {
      if (attribute.name == name) return &attribute;
    }
  }
  return nullptr;
}

std::vector<const AttributeSpec*> RelationSchema::attributes_of(KindId kind) const {
  std::vector<const AttributeSpec*> out;
  for (std::optional<KindId> at = kind; at; at = kinds_[*at].parent) {
    for (const auto& attribute : kinds_[*at].attributes) {
      const bool shadowed = std::any_of(out.begin(), out.end(),
                                        [&](const AttributeSpec* a) { return a->name == attribute.name; });
      if (!shadowed) out.push_back(&attribute);
    }
  }
  return out;
}

bool RelationSchema::allows_from(RelationTypeId type, KindId kind) const {
  const auto& domain = relation_types_[type].domain;
  return std::any_of(domain.begin(), domain.end(), [&](KindId allowed) { return is_a(kind, allowed); });
}

bool RelationSchema::allows_to(RelationTypeId type, KindId kind) const {
  const auto& range = relation_types_[type].range;
  return std::any_of(range.begin(), range.end(), [&](KindId allowed) { return is_a(kind, allowed); });
}

std::string RelationSchema::reading(RelationTypeId type, bool forward, std::string_view role) const {
  const std::string& pattern = forward ? relation_types_[type].forward : relation_types_[type].backward;
  const auto at = pattern.find("{role}");
  if (at == std::string::npos) return pattern;
  // A reading is one line of an answer, whatever the role holds.
  if (!role.empty()) return pattern.substr(0, at) + single_line(role) + pattern.substr(at + 6);
  // No role: drop the placeholder and the space that joins it.
  std::string out = pattern.substr(0, at) + pattern.substr(at + 6);
  while (out.find("  ") != std::string::npos) out.erase(out.find("  "), 1);
  while (!out.empty() && out.front() == ' ') out.erase(0, 1);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace parley
