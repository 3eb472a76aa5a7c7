// Entities of different files that look like one: the warning that keeps a merge from
// splitting an actor silently ("Sergey Viktorovich Lavrov" beside "Sergey Lavrov", a user's
// own "Donald Trump" beside the embedded one) when no identity record says either way.
#pragma once

#include <string_view>

#include "parley/common/status.h"
#include "parley/graph/names.h"
#include "parley/load/dataset.h"
#include "parley/schema/schema.h"

namespace parley {

// Whether two normalised names (normalize_name) are a strong match: equal, or the shorter's
// words all appear, in order, in the longer, which begins and ends with the same words as the
// shorter ("sergey lavrov" and "sergey viktorovich lavrov"). A one-word name matches only
// itself.
bool names_look_alike(std::string_view a, std::string_view b);

// Adds a warning (code lookalike) for each entity that has, in an earlier file, an entity of
// the same kind whose name or an alias matches its name or an alias (names_look_alike), unless
// an identity record declares the two distinct. Each entity is reported once, located at its
// own name or alias. Entities are grouped by kind and the first and last words of each name,
// so the cost is a sort, never a comparison of every pair; a single file costs nothing.
void warn_lookalikes(const Dataset& dataset, const RelationSchema& schema, const NameIndex& names,
                     Diagnostics& diagnostics);

}  // namespace parley
