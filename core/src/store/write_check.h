// The check every write goes through, whatever it is written to (a store, a JSON dataset file):
// the writes planned against the current records and checked by the loader, so that the rules
// cannot drift between the two.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/graph/database.h"
#include "parley/store/write.h"

namespace parley::detail {

// What a checked list of writes changes. `dataset` holds the current records, less those
// changed or retracted, then the new and changed ones; `changes` names them (rows are those
// given to check_writes). `changed` are records of the current dataset the writes change (an
// alias or attribute added or retracted), as changed: their citations index the current
// dataset's sources.
struct CheckedWrites {
  const Dataset& dataset;
  const RelationSchema& schema;
  StoreChanges changes;
  std::vector<std::pair<EntityIndex, const Entity*>> changed;
  const std::vector<std::string>& done;
};
using CheckedWritesSink = std::function<bool(const CheckedWrites&)>;

// Whether an entity of the data written to holds `id`, for the ids a write makes up (a meeting's).
using EntityIdTaken = std::function<bool(std::string_view)>;

// Plans `writes` against `current` (its records at `rows`, each row non-zero), checks the result
// with the loader under `schema` (the embedded one extended by `schema_texts`), and calls `apply`
// when all is well, returning what it returns. On any problem `diagnostics` name the write and
// option, or `name` for a problem elsewhere in the data, and `apply` is not called.
// `current` may be a part of the data (the records the writes touch); `id_taken` then says
// whether an id is in use anywhere in it (by default: in `current`).
bool check_writes(const Dataset& current, const StoreRows& rows, const RelationSchema& schema,
                  std::vector<Database::Text> schema_texts, const std::string& name, const std::vector<Write>& writes,
                  Diagnostics& diagnostics, const CheckedWritesSink& apply, const EntityIdTaken& id_taken = {});

}  // namespace parley::detail
