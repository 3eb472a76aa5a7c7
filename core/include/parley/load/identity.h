// Identity across merged files. A dataset's top-level "identity" list says of two entities
// that they are one (same_as), that they are two (distinct_from), or that a person has yet to
// decide (candidate, as `parley match` writes them). Entities declared the same are folded
// into one at load, so that every query answers with one entity; the other's id still finds it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace parley {

enum class IdentityClaim : std::uint8_t { kSameAs, kDistinctFrom, kCandidate };

// The member of an identity record that names the other entity: "same_as", "distinct_from"
// or "candidate".
std::string_view identity_member(IdentityClaim claim);

// One record of an "identity" list: `entity` is (or is not, or may be) `other`.
struct IdentityDeclaration {
  std::string entity;
  std::string other;
  IdentityClaim claim = IdentityClaim::kCandidate;
  std::uint32_t file = 0;    // index into Dataset::files
  std::uint32_t record = 0;  // position in that file's "identity" list

  // The JSON pointer of the record, such as "/identity/2".
  std::string pointer() const { return "/identity/" + std::to_string(record); }
};

// An entity folded into another by a same_as declaration.
struct MergedEntity {
  std::string id;
  std::string name;
  std::uint32_t into = 0;         // the entity it became part of (an EntityIndex)
  std::uint32_t file = 0;         // where it was declared: index into Dataset::files
  std::uint32_t record = 0;       // and position in that file's "entities"
  std::uint32_t declaration = 0;  // the same_as record: index into Dataset::identities
};

}  // namespace parley
