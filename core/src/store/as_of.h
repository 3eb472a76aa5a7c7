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

}  // namespace parley::store
