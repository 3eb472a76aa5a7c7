// Which transaction a read sees: the latest, or the one `--as-of-tx` or `--as-of` names.
// Private to core/src/store.
#pragma once

#include <cstdint>
#include <string>

#include "parley/common/status.h"
#include "parley/store/store.h"
#include "store/sqlite.h"

namespace parley::store {

// Inside a read transaction: sets `transaction` to the one `as_of` means and `checksum` to the
// store's recorded checksum. False, with a diagnostic naming `path`, when there is no such
// transaction or the store cannot be read.
bool transaction_as_of(Connection& db, const std::string& path, const AsOf& as_of, std::int64_t& transaction,
                       std::uint64_t& checksum, Diagnostics& diagnostics);

// Whether the row `statement` is on is visible at `transaction`: added at or before it and not
// retracted by then. Every read selects a record's `retracted` column right after `added`.
inline bool visible_at(std::int64_t transaction, const Statement& statement, int added) {
  return statement.integer(added) <= transaction &&
         (statement.is_null(added + 1) || statement.integer(added + 1) > transaction);
}

}  // namespace parley::store
