#include "parley/schema/schema_extension.h"

#include <string.h>  // memmem

#include <algorithm>
#include <set>
#include <utility>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "load/diagnostic_sink.h"
#include "load/json_reader.h"
#include "parley/common/suggest.h"

namespace parley {
namespace {

using detail::pointer_join;
using rapidjson::Document;
using rapidjson::Value;

// Where something was defined, for a message that names both definitions of a name.
struct Definition {
  std::string file;
  std::string_view text;
  std::string pointer;
};

std::string place_of(const Definition& definition) {
  const auto offsets = detail::locate(definition.text, {definition.pointer});
  if (!offsets.front()) return definition.file + " " + definition.pointer;
  const auto at = detail::line_column(definition.text, *offsets.front());
  return definition.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

std::string name_of(const Value& key) { return std::string(key.GetString(), key.GetStringLength()); }

std::string list_of(const std::set<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

// The members each part of a schema may have: those the base schema itself uses, so that a
// flag the embedded schema gains is accepted in extensions with no change here, plus the
// ones the schema reader knows even when the base happens not to use them.
std::set<std::string> members_used(const Value* section, std::set<std::string> known) {
  if (section && section->IsObject()) {
    for (const auto& entry : section->GetObject()) {
      if (!entry.value.IsObject()) continue;
      for (const auto& member : entry.value.GetObject()) known.insert(name_of(member.name));
    }
  }
  return known;
}

const Value* object_member(const Value& object, const char* name) {
  const auto it = object.FindMember(name);
  return it != object.MemberEnd() && it->value.IsObject() ? &it->value : nullptr;
}

class Extender {
 public:
  Extender(std::string_view base_json, const std::string& base_file, Diagnostics& diagnostics)
      : base_json_(base_json), base_file_(base_file), diagnostics_(diagnostics) {
    if (detail::parse_json_strict(base_json, combined_) || !combined_.IsObject()) {
      combined_.SetObject();
    }
    for (const char* section : {"kinds", "properties", "relations"}) {
      if (!object_member(combined_, section)) {
        combined_.RemoveMember(section);
        combined_.AddMember(Value(section, combined_.GetAllocator()), Value(rapidjson::kObjectType),
                            combined_.GetAllocator());
      }
    }
    kind_members_ = members_used(object_member(combined_, "kinds"),
                                 {"is_a", "abstract", "gathering", "description", "attributes"});
    relation_members_ = members_used(object_member(combined_, "relations"),
                                     {"domain", "range", "properties", "required", "symmetric", "forward",
                                      "backward", "description"});
    value_members_ = members_used(object_member(combined_, "properties"), {"type", "values", "description"});
    for (const auto& kind : combined_["kinds"].GetObject()) {
      if (const Value* attributes = kind.value.IsObject() ? object_member(kind.value, "attributes") : nullptr) {
        value_members_ = members_used(attributes, value_members_);
      }
    }
  }

  void add(const SchemaExtensionText& extension) {
    Document doc;
    if (!read(extension, doc)) return;
    current_ = &extension;
    const std::string& at = extension.pointer;
    if (!doc.IsObject()) {
      error(ErrorCode::kInvalidSchema, "a schema extension must be a JSON object with \"kinds\", \"attributes\", "
                                       "\"properties\" or \"relations\"", at);
      return;
    }
    for (const auto& member : doc.GetObject()) {
      const std::string name = name_of(member.name);
      if (!kSections.count(name)) {
        error(ErrorCode::kInvalidSchema,
              "unknown member \"" + name + "\" (an extension may have: " + list_of(kSections) + ")",
              pointer_join(at, name));
      } else if (name == "name_titles") {
        if (!member.value.IsArray()) error(ErrorCode::kInvalidSchema, "\"name_titles\" must be an array of strings", pointer_join(at, name));
      } else if (name != "description" && !member.value.IsObject()) {
        error(ErrorCode::kInvalidSchema, "\"" + name + "\" must be an object", pointer_join(at, name));
      }
    }
    // Properties and kinds before the relation types and attributes that may name them.
    if (const Value* properties = object_member(doc, "properties")) add_properties(*properties, pointer_join(at, "properties"));
    std::vector<std::string> new_kinds;
    if (const Value* kinds = object_member(doc, "kinds")) new_kinds = add_kinds(*kinds, pointer_join(at, "kinds"));
    check_inherited_attributes(new_kinds);
    if (const Value* attributes = object_member(doc, "attributes")) add_attributes(*attributes, pointer_join(at, "attributes"));
    if (const Value* relations = object_member(doc, "relations")) add_relation_types(*relations, pointer_join(at, "relations"));
    if (const auto titles = doc.FindMember("name_titles"); titles != doc.MemberEnd() && titles->value.IsArray()) {
      add_name_titles(titles->value, pointer_join(at, "name_titles"));
    }
  }

  std::optional<RelationSchema> finish() {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    combined_.Accept(writer);
    Diagnostics found;
    auto schema = RelationSchema::parse(std::string_view(buffer.GetString(), buffer.GetSize()), base_file_, found);
    // The reader's messages point into the combined schema: send each back to the extension
    // (or base) that wrote the part it is about.
    for (auto& d : found.items()) {
      const Definition origin = origin_of(d.where.json_pointer);
      d.where.file = origin.file;
      d.where.json_pointer = origin.pointer;
      d.where.line = d.where.column = 0;
      diagnostics_.add(std::move(d));
    }
    return failed_ || !schema ? std::nullopt : std::move(schema);
  }

  // Line and column for every diagnostic about an extension's file.
  void resolve(const std::vector<SchemaExtensionText>& extensions) {
    std::set<std::string> done;
    for (const auto& e : extensions) {
      if (done.insert(e.file).second) detail::resolve_positions(e.file, e.text, diagnostics_);
    }
    detail::resolve_positions(base_file_, base_json_, diagnostics_);
  }

 private:
  inline static const std::set<std::string> kSections = {"description", "kinds", "attributes", "properties",
                                                         "relations", "name_titles"};

  // Titles add to the list; one the schema has already is no redefinition, just no news.
  void add_name_titles(const Value& titles, const std::string& at) {
    auto& allocator = combined_.GetAllocator();
    if (!combined_.HasMember("name_titles") || !combined_["name_titles"].IsArray()) {
      combined_.RemoveMember("name_titles");
      combined_.AddMember("name_titles", Value(rapidjson::kArrayType), allocator);
    }
    Value& combined = combined_["name_titles"];
    for (rapidjson::SizeType i = 0; i < titles.Size(); ++i) {
      const std::string pointer = pointer_join(at, std::to_string(i));
      if (!titles[i].IsString() || titles[i].GetStringLength() == 0) {
        error(ErrorCode::kInvalidSchema, "a name title must be a non-empty string", pointer);
        continue;
      }
      came_from(pointer_join("/name_titles", std::to_string(combined.Size())), pointer);
      combined.PushBack(Value(titles[i], allocator), allocator);
    }
  }

  // The extension's object: the whole file, or the dataset's "schema" member read on its own
  // (the rest of a dataset, maybe large, is the loader's to read).
  bool read(const SchemaExtensionText& extension, Document& doc) {
    if (extension.pointer.empty()) {
      if (const auto syntax = detail::parse_json_strict(extension.text, doc)) {
        Location where;
        where.file = extension.file;
        const auto at = detail::line_column(extension.text, syntax->offset);
        where.line = at.line;
        where.column = at.column;
        diagnostics_.add(ErrorCode::kJsonSyntax, syntax->message, std::move(where));
        failed_ = true;
        return false;
      }
      return true;
    }
    const auto offset = detail::locate(extension.text, {extension.pointer}).front();
    if (!offset) return false;  // the word "schema" was in a string; there is no member
    doc.Parse<rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseIterativeFlag |
              rapidjson::kParseValidateEncodingFlag>(extension.text.data() + *offset, extension.text.size() - *offset);
    // A syntax error here is the dataset's, which the loader reports in full.
    return !doc.HasParseError();
  }

  void error(ErrorCode code, std::string message, std::string pointer) {
    Location where;
    where.file = current_->file;
    where.json_pointer = std::move(pointer);
    diagnostics_.add(code, std::move(message), std::move(where));
    failed_ = true;
  }

  Definition origin_of(const std::string& combined_pointer) const {
    const std::pair<std::string, Definition>* best = nullptr;
    for (const auto& entry : origins_) {
      const std::string& prefix = entry.first;
      const bool covers = combined_pointer.compare(0, prefix.size(), prefix) == 0 &&
                          (combined_pointer.size() == prefix.size() || combined_pointer[prefix.size()] == '/');
      if (covers && (!best || prefix.size() > best->first.size())) best = &entry;
    }
    if (!best) return Definition{base_file_, base_json_, combined_pointer};
    Definition d = best->second;
    d.pointer += combined_pointer.substr(best->first.size());
    return d;
  }

  // Records that the part of the combined schema at `combined` came from the current extension.
  void came_from(const std::string& combined, const std::string& pointer) {
    origins_.emplace_back(combined, Definition{current_->file, current_->text, pointer});
  }

  void redefinition(const std::string& what, const std::string& existing_pointer, const std::string& pointer) {
    error(ErrorCode::kSchemaRedefinition,
          what + " is already defined at " + place_of(origin_of(existing_pointer)) + "; an extension may add, not redefine",
          pointer);
  }

  // Every member of `spec` must be one the schema reader knows.
  bool known_members(const Value& spec, const std::set<std::string>& allowed, const std::string& pointer) {
    bool ok = true;
    for (const auto& member : spec.GetObject()) {
      const std::string name = name_of(member.name);
      if (allowed.count(name)) continue;
      std::vector<std::string_view> names(allowed.begin(), allowed.end());
      error(ErrorCode::kInvalidSchema,
            "unknown member \"" + name + "\"" + did_you_mean(name, names) + " (allowed: " + list_of(allowed) + ")",
            pointer_join(pointer, name));
      ok = false;
    }
    return ok;
  }

  // Unknown members of an attribute or property; the schema reader checks the rest once the
  // definition is added (added anyway, so that what names it is not reported too).
  void check_value_spec(const Value& spec, const std::string& pointer) {
    if (spec.IsObject()) known_members(spec, value_members_, pointer);
  }

  void add_member(Value& object, const std::string& name, const Value& value) {
    auto& allocator = combined_.GetAllocator();
    object.AddMember(Value(name.c_str(), static_cast<rapidjson::SizeType>(name.size()), allocator),
                     Value(value, allocator), allocator);
  }

  void add_properties(const Value& properties, const std::string& at) {
    Value& combined = combined_["properties"];
    for (const auto& member : properties.GetObject()) {
      const std::string name = name_of(member.name);
      const std::string pointer = pointer_join(at, name);
      if (combined.HasMember(name.c_str())) {
        redefinition("property \"" + name + "\"", pointer_join("/properties", name), pointer);
      } else {
        check_value_spec(member.value, pointer);
        add_member(combined, name, member.value);
        came_from(pointer_join("/properties", name), pointer);
      }
    }
  }

  std::vector<std::string> add_kinds(const Value& kinds, const std::string& at) {
    std::vector<std::string> added;
    Value& combined = combined_["kinds"];
    for (const auto& member : kinds.GetObject()) {
      const std::string name = name_of(member.name);
      const std::string pointer = pointer_join(at, name);
      if (combined.HasMember(name.c_str())) {
        redefinition("kind \"" + name + "\"", pointer_join("/kinds", name), pointer);
        continue;
      }
      if (!member.value.IsObject()) {
        error(ErrorCode::kInvalidSchema, "a kind must be an object", pointer);
        continue;
      }
      // A kind with an unknown member is reported and still added, so that what names it is
      // not reported as well.
      known_members(member.value, kind_members_, pointer);
      if (const Value* attributes = object_member(member.value, "attributes")) {
        for (const auto& a : attributes->GetObject()) {
          check_value_spec(a.value, pointer_join(pointer_join(pointer, "attributes"), name_of(a.name)));
        }
      }
      add_member(combined, name, member.value);
      came_from(pointer_join("/kinds", name), pointer);
      added.push_back(name);
    }
    return added;
  }

  // The kinds from `kind` up through is_a, nearest first (a cycle is the schema reader's to
  // report; the walk stops after as many steps as there are kinds).
  std::vector<std::string> lineage(const std::string& kind) const {
    std::vector<std::string> out;
    const Value& kinds = combined_["kinds"];
    std::string at = kind;
    for (std::size_t steps = 0; steps <= kinds.MemberCount(); ++steps) {
      const auto it = kinds.FindMember(at.c_str());
      if (it == kinds.MemberEnd() || !it->value.IsObject()) break;
      out.push_back(at);
      const auto parent = it->value.FindMember("is_a");
      if (parent == it->value.MemberEnd() || !parent->value.IsString()) break;
      at = name_of(parent->value);
    }
    return out;
  }

  bool declares(const std::string& kind, const std::string& attribute) const {
    const Value& spec = combined_["kinds"][kind.c_str()];
    const Value* attributes = object_member(spec, "attributes");
    return attributes && attributes->HasMember(attribute.c_str());
  }

  // A new kind may not declare again an attribute that a kind above it declares.
  void check_inherited_attributes(const std::vector<std::string>& kinds) {
    for (const auto& kind : kinds) {
      Value& spec = combined_["kinds"][kind.c_str()];
      Value* attributes = spec.HasMember("attributes") && spec["attributes"].IsObject() ? &spec["attributes"] : nullptr;
      if (!attributes) continue;
      const auto above = lineage(kind);
      for (auto it = attributes->MemberBegin(); it != attributes->MemberEnd();) {
        const std::string name = name_of(it->name);
        const auto owner = std::find_if(above.begin() + 1, above.end(), [&](const std::string& k) { return declares(k, name); });
        if (owner == above.end()) {
          ++it;
          continue;
        }
        const Definition own = origin_of(pointer_join(pointer_join(pointer_join("/kinds", kind), "attributes"), name));
        redefinition("attribute \"" + name + "\" (inherited from kind \"" + *owner + "\")",
                     pointer_join(pointer_join(pointer_join("/kinds", *owner), "attributes"), name), own.pointer);
        it = attributes->EraseMember(it);
      }
    }
  }

  void add_attributes(const Value& by_kind, const std::string& at) {
    Value& kinds = combined_["kinds"];
    std::vector<std::string_view> kind_names;
    for (const auto& k : kinds.GetObject()) kind_names.emplace_back(k.name.GetString(), k.name.GetStringLength());
    for (const auto& member : by_kind.GetObject()) {
      const std::string kind = name_of(member.name);
      const std::string pointer = pointer_join(at, kind);
      if (!kinds.HasMember(kind.c_str()) || !kinds[kind.c_str()].IsObject()) {
        error(ErrorCode::kInvalidSchema,
              "kind \"" + kind + "\" is not defined, so it cannot take attributes" + did_you_mean(kind, kind_names),
              pointer);
        continue;
      }
      if (!member.value.IsObject()) {
        error(ErrorCode::kInvalidSchema, "expected an object of attributes", pointer);
        continue;
      }
      for (const auto& attribute : member.value.GetObject()) {
        const std::string name = name_of(attribute.name);
        const std::string attribute_pointer = pointer_join(pointer, name);
        if (const auto owner = declared_around(kind, name)) {
          redefinition("attribute \"" + name + "\" (of kind \"" + *owner + "\")",
                       pointer_join(pointer_join(pointer_join("/kinds", *owner), "attributes"), name), attribute_pointer);
          continue;
        }
        check_value_spec(attribute.value, attribute_pointer);
        Value& spec = kinds[kind.c_str()];
        if (!spec.HasMember("attributes") || !spec["attributes"].IsObject()) {
          spec.RemoveMember("attributes");
          spec.AddMember("attributes", Value(rapidjson::kObjectType), combined_.GetAllocator());
        }
        add_member(spec["attributes"], name, attribute.value);
        came_from(pointer_join(pointer_join(pointer_join("/kinds", kind), "attributes"), name), attribute_pointer);
      }
    }
  }

  // The kind that already gives `kind` an attribute `name`: itself, a kind above it, or a kind
  // below it (which the new attribute would then shadow).
  std::optional<std::string> declared_around(const std::string& kind, const std::string& name) const {
    for (const auto& k : lineage(kind)) {
      if (declares(k, name)) return k;
    }
    for (const auto& k : combined_["kinds"].GetObject()) {
      const std::string below = name_of(k.name);
      const auto up = lineage(below);
      if (std::find(up.begin(), up.end(), kind) != up.end() && declares(below, name)) return below;
    }
    return std::nullopt;
  }

  void add_relation_types(const Value& relations, const std::string& at) {
    Value& combined = combined_["relations"];
    for (const auto& member : relations.GetObject()) {
      const std::string name = name_of(member.name);
      const std::string pointer = pointer_join(at, name);
      if (combined.HasMember(name.c_str())) {
        redefinition("relation type \"" + name + "\"", pointer_join("/relations", name), pointer);
        continue;
      }
      if (!member.value.IsObject()) {
        error(ErrorCode::kInvalidSchema, "a relation type must be an object", pointer);
        continue;
      }
      known_members(member.value, relation_members_, pointer);
      add_member(combined, name, member.value);
      came_from(pointer_join("/relations", name), pointer);
    }
  }

  std::string_view base_json_;
  std::string base_file_;
  Diagnostics& diagnostics_;
  Document combined_;
  std::set<std::string> kind_members_;
  std::set<std::string> relation_members_;
  std::set<std::string> value_members_;
  std::vector<std::pair<std::string, Definition>> origins_;  // combined pointer -> where it came from
  const SchemaExtensionText* current_ = nullptr;
  bool failed_ = false;
};

}  // namespace

bool has_schema_member(std::string_view dataset_text) {
  // memmem, not string_view::find: find stops at each '"' to compare the rest, and JSON has a
  // '"' every few bytes, which made this search of the whole file 5% of a large load.
  static constexpr std::string_view kKey = "\"schema\"";
  return memmem(dataset_text.data(), dataset_text.size(), kKey.data(), kKey.size()) != nullptr;
}

std::optional<RelationSchema> extend_schema(std::string_view base_json, const std::string& base_file,
                                            const std::vector<SchemaExtensionText>& extensions,
                                            Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.error_count();
  Extender extender(base_json, base_file, diagnostics);
  for (const auto& extension : extensions) extender.add(extension);
  auto schema = extender.finish();
  if (diagnostics.error_count() != errors_before) {
    extender.resolve(extensions);
    return std::nullopt;
  }
  return schema;
}

}  // namespace parley
