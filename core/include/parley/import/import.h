// Importing coded event data (ICEWS, GDELT) as a parley dataset: gatherings from CAMEO codes,
// deduplicated by pair of actors, day and place, every row kept as a coded record, actors and
// places with their states. The rules are documented in docs/import.md.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parley/common/status.h"

namespace parley::import {

enum class EventFormat { kIcews, kGdelt };

struct ImportOptions {
  EventFormat format = EventFormat::kIcews;
  // CAMEO codes imported beside the gatherings' (040–046 and 036): code prefixes such as "05"
  // (every code under 05) or "0841"; `all_codes` takes every code.
  std::vector<std::string> extra_codes;
  bool all_codes = false;
  // Skip rows that are wrong instead of refusing the file; the summary counts them by cause.
  bool skip_bad = false;
  // The id of the dataset's one source, and the prefix of every entity id; from the input file's
  // name when empty.
  std::string source_id;
  // Called now and then while reading, with the bytes read and the file's size.
  std::function<void(std::uint64_t, std::uint64_t)> progress;
};

struct ImportSummary {
  std::uint64_t raw_rows = 0;         // data rows in the file (the header not counted)
  std::uint64_t kept_rows = 0;        // rows that became evidence of a gathering or event
  std::uint64_t gatherings = 0;       // gatherings and events written, after deduplication
  std::uint64_t skipped_rows = 0;     // bad rows skipped under --skip-bad
  std::map<std::string, std::uint64_t> skipped_by_cause;  // error code name → rows
  std::map<std::string, std::uint64_t> not_imported;      // why other rows were left out → rows
  std::map<std::string, std::uint64_t> gatherings_by_kind;  // kind → gatherings
  std::uint64_t rows_57 = 0, rows_58 = 0, rows_61 = 0;     // GDELT rows of each layout
  std::uint64_t actors = 0, places = 0, states = 0;
};

// Reads `input` and writes the dataset to `output` ("-" for `out`, else a temporary file beside
// it renamed into place only on success). On any error returns nullopt with diagnostics
// ("file:line:column: error[code]: column NAME: message"), and writes nothing.
std::optional<ImportSummary> import_events(const std::string& input, const std::string& output, std::ostream& out,
                                           const ImportOptions& options, Diagnostics& diagnostics);

}  // namespace parley::import
