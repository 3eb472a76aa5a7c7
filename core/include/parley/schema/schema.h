// The relation schema: which kinds of entity exist (a hierarchy through is_a), which attributes
// each kind may carry, which properties relations may carry, and which relation types may link
// which kinds, with a reading for each direction. Loaded from JSON (schemas/relations.json is
// the curated one, embedded in the binary); immutable once loaded.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parley/common/name_hash.h"
#include "parley/common/status.h"

namespace parley {

using KindId = std::uint16_t;
using RelationTypeId = std::uint16_t;
using PropertyId = std::uint16_t;

enum class ValueType : std::uint8_t { kText, kInteger, kDate, kDuration, kEnum, kEntity, kNumber };

// What values an attribute or property accepts.
struct ValueSpec {
  ValueType type = ValueType::kText;
  std::vector<std::string> allowed;  // for kEnum
  // For kNumber: a decimal number (text such as "21.0245", or an integer) within these bounds.
  double minimum = -1e308;
  double maximum = 1e308;
};

struct AttributeSpec {
  std::string name;
  ValueSpec value;
  std::string description;
};

// How who-met treats a gathering kind. Only meetings are counted by default; a news conference or
// a conference attended is shown beside the count, never added to it, and a call (no one met
// anyone) only when a query asks for its kind.
enum class MeetingRole : std::uint8_t {
  kNone,       // not a gathering
  kCounted,    // a meeting: counted ("3 meetings")
  kListed,     // shown apart ("also 1 news conference")
  kWhenAsked,  // shown only when `--kinds` names it
};

struct KindSpec {
  std::string name;
  std::optional<KindId> parent;
  bool is_abstract = false;   // groups other kinds; no entity may have it
  bool is_gathering = false;  // participants meet in person (inherited)
  std::optional<MeetingRole> meeting_role;  // as declared here ("who_met"); subkinds inherit it
  std::string description;
  std::vector<AttributeSpec> attributes;  // declared here; subkinds inherit them
};

struct PropertySpec {
  std::string name;
  ValueSpec value;
  std::string description;
};

struct RelationTypeSpec {
  std::string name;
  std::vector<KindId> domain;  // kinds allowed at the `from` end, with their subkinds
  std::vector<KindId> range;   // kinds allowed at the `to` end, with their subkinds
  std::vector<PropertyId> allowed;
  std::vector<PropertyId> required;
  bool symmetric = false;      // a—b means b—a; readings are the same both ways
  std::string forward;         // reading from→to; "{role}" is replaced by the role property
  std::string backward;        // reading to→from
  std::string description;
};

// The kinds, relation types and properties parley's own queries work with, found once when the
// schema is read: a query that named them looked each up by name every time it ran, a tenth of
// a small who-met answer. Each is nullopt where a schema lacks it.
struct CoreNames {
  std::optional<KindId> event, state;
  std::optional<RelationTypeId> participant_in, held_in, part_of;
  std::optional<PropertyId> role, status;
};

class RelationSchema {
 public:
  // Parses a relation schema. On failure returns nullopt and adds located diagnostics.
  static std::optional<RelationSchema> parse(std::string_view json, const std::string& file,
                                             Diagnostics& diagnostics);

  std::size_t kind_count() const { return kinds_.size(); }
  std::size_t relation_type_count() const { return relation_types_.size(); }
  std::size_t property_count() const { return properties_.size(); }

  const KindSpec& kind(KindId id) const { return kinds_[id]; }
  const RelationTypeSpec& relation_type(RelationTypeId id) const { return relation_types_[id]; }
  const PropertySpec& property(PropertyId id) const { return properties_[id]; }

  const CoreNames& core_names() const { return core_names_; }

  std::optional<KindId> find_kind(std::string_view name) const;
  std::optional<RelationTypeId> find_relation_type(std::string_view name) const;
  std::optional<PropertyId> find_property(std::string_view name) const;

  // True when `kind` is `ancestor` or lies below it.
  bool is_a(KindId kind, KindId ancestor) const;
  bool is_gathering(KindId kind) const;
  // The nearest declared who-met role of a gathering kind; kCounted for a gathering kind that
  // declares none, kNone for every other kind.
  MeetingRole meeting_role(KindId kind) const;
  // The kinds whose meeting role is "counted", in id order: what who-met counts when not told
  // which kinds to count, and what every answer of it lists as counted.
  const std::vector<KindId>& counted_kinds() const { return counted_kinds_; }
  // The attribute `name` as declared on `kind` or the nearest kind above it.
  const AttributeSpec* find_attribute(KindId kind, std::string_view name) const;
  // Every attribute name a kind may carry, nearest declaration first.
  std::vector<const AttributeSpec*> attributes_of(KindId kind) const;

  bool allows_from(RelationTypeId type, KindId kind) const;
  bool allows_to(RelationTypeId type, KindId kind) const;

  // Titles and honorifics written before a name ("prime minister", "mr"), which name lookups
  // may drop ("Prime Minister Abe" finds Abe): the schema's "name_titles" and any extension's.
  const std::vector<std::string>& name_titles() const { return name_titles_; }

  // The reading of a relation in one direction, with {role} filled in (or dropped with the
  // word that joins it when the role is empty).
  std::string reading(RelationTypeId type, bool forward, std::string_view role) const;

 private:
  std::vector<KindSpec> kinds_;
  std::vector<RelationTypeSpec> relation_types_;
  std::vector<PropertySpec> properties_;
  std::vector<std::string> name_titles_;
  CoreNames core_names_;
  std::vector<KindId> counted_kinds_;  // filled as parse() ends, with meeting_roles_
  std::vector<MeetingRole> meeting_roles_;  // by kind, filled as parse() ends; a kind not yet in it is worked out
  // Looked up by string_view with no copy: a load looks up a type and a property or two per
  // relation, millions at scale.
  template <typename Id>
  using NameMap = std::unordered_map<std::string, Id, NameHash, std::equal_to<>>;
  NameMap<KindId> kind_index_;
  NameMap<RelationTypeId> relation_type_index_;
  NameMap<PropertyId> property_index_;
};

}  // namespace parley
