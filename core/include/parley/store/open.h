// Opening what `--db` names: JSON dataset files (merged in order, "@default" the embedded one),
// or a single store, read as it is now or as of a past transaction.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "parley/common/status.h"
#include "parley/graph/database.h"
#include "parley/store/store.h"

namespace parley {

// True when any of `paths` names a store.
bool names_a_store(const std::vector<std::string>& paths);

// Opens `paths` as Database::open does, or the one store among them. `as_of` needs a store.
// With a `scope` (what the query will ask about), a store of the current format reads only the
// records that query needs (Store::read_scoped); the answer is the same as from the whole store.
// `read_in_part`, when given, says whether the database holds only that scope's records.
// Returns nullptr and fills `diagnostics` (every one naming the file) on failure.
// JSON files larger than `max_file_bytes` are not read, and `schema_paths` extend the relation
// schema, as in Database::open; a store keeps the schema extension it was built with (and takes
// no other).
std::unique_ptr<Database> open_dataset_or_store(const std::vector<std::string>& paths, const AsOf& as_of,
                                        Diagnostics& diagnostics,
                                        std::uint64_t max_file_bytes = kDefaultMaxFileBytes,
                                        const std::vector<std::string>& schema_paths = {},
                                        const ReadScope* scope = nullptr, bool* read_in_part = nullptr);

// The relation schema a store's data was built with: the embedded one extended by `about.schema`.
// nullptr (meaning the embedded schema) when there is none; `ok` false, with diagnostics, when
// the extension does not apply.
std::shared_ptr<const RelationSchema> store_schema(const std::string& store_path, const DatasetInfo& about,
                                                   bool& ok, Diagnostics& diagnostics);

}  // namespace parley
