// Upgrading a store of an older format to the current one in place, inside the caller's write
// transaction: from format 2, each row's hash, the name keys and the indexes a scoped read
// needs (format 3); from format 3, the columns of format 4 (layout.h). Private to core/src/store.
#pragma once

#include "store/sqlite.h"

namespace parley::store {

// Within a transaction holding the write lock; the caller commits or rolls back.
bool upgrade_store(Connection& db, int format, SqliteError& error);

}  // namespace parley::store
