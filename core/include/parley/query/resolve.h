// From what a user types to the entity they mean: an id, a name or an alias, compared case-
// and accent-insensitively through the name index (never by scanning every entity).
#pragma once

#include <optional>
#include <string_view>

#include "parley/graph/database.h"
#include "parley/common/status.h"

namespace parley {

// The one entity `text` names. Otherwise returns nullopt and adds name-not-found, with the
// nearest names as suggestions, or name-ambiguous, listing every candidate with its kind and id.
std::optional<EntityIndex> resolve_entity(const Database& db, std::string_view text, Diagnostics& diagnostics);

// "Sergey Lavrov (person, sergey-lavrov)": how an entity is named in messages.
std::string describe_entity(const Database& db, EntityIndex entity);

}  // namespace parley
