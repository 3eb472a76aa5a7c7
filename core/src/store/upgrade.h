// Upgrading a store of format 2 to format 3 in place, inside the caller's write transaction:
// each row's hash, the name keys and the indexes a scoped read needs. Private to core/src/store.
#pragma once

#include "store/sqlite.h"

namespace parley::store {

// Within a transaction holding the write lock; the caller commits or rolls back.
bool upgrade_to_format_3(Connection& db, SqliteError& error);

}  // namespace parley::store
