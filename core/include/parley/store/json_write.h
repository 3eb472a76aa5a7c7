// Writes to a JSON dataset file: the same `add` and `retract` writes a store takes, planned and
// checked by the very code that checks a store's (write_check.h), with the other `--db` files
// read beside the file written. The file must be in canonical layout (canonical_json.h); it is
// given back in canonical layout with only the lines of the change changed: a retracted record's
// line removed, a changed entity's line replaced, new records appended to their arrays. A JSON
// dataset keeps no history: git, or whatever keeps the file, is its history.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parley/common/status.h"
#include "parley/graph/database.h"
#include "parley/store/write.h"

namespace parley {

struct JsonWrite {
  std::string path;               // the file to replace
  std::string text;               // its new text
  std::vector<std::string> done;  // one line per write, as for a store
};

// Which of `paths` (the --db files) a write goes to: the only one that is not "@default", which
// is never written. A usage error, and nullopt, when there is none or more than one.
std::optional<std::size_t> json_write_target(const std::vector<std::string>& paths, Diagnostics& diagnostics);

// Plans `writes` to paths[target], the other files loaded with it as `--db` loads them (and
// `schema_paths` extending the schema), and fills `out` with the file's new text. False, with
// diagnostics, when a file cannot be read or is invalid, when the target is not in canonical
// layout (usage: "run parley fmt FILE first"), when a write breaks a rule (the store's messages),
// or when it would change a record of another file.
bool plan_json_writes(const std::vector<std::string>& paths, std::size_t target,
                      const std::vector<std::string>& schema_paths, std::uint64_t max_file_bytes,
                      const std::vector<Write>& writes, JsonWrite& out, Diagnostics& diagnostics);

}  // namespace parley
