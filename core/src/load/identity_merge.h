// Folding entities declared the same (same_as) into one, after checking every declaration of
// the merged files together: both ids exist, the two are of one kind, no entity is folded into
// two others or into one that is itself folded away (a chain), and nothing is declared both the
// same and distinct.
#pragma once

#include "parley/common/status.h"
#include "parley/load/dataset.h"
#include "parley/schema/schema.h"

namespace parley::detail {

// Applies `dataset.identities`. On success every same_as entity has become part of the one it
// names: its name is an alias there, its aliases, citations and attributes are added, its
// relations now end there, its id finds it, and it is listed in `dataset.merged`. Returns
// false, with diagnostics located by JSON pointer, when a declaration is wrong; the dataset is
// then left as it was.
bool merge_identities(Dataset& dataset, const RelationSchema& schema, Diagnostics& diagnostics);

}  // namespace parley::detail
