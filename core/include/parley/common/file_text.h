// Reading a file whole, as the loader reads a dataset file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "parley/common/status.h"

namespace parley {

// The text of `path`, at most `max_bytes` of it (a pipe or device is read until the limit or a
// NUL byte). nullopt, with an io-error naming the file, when it cannot be read or is too large.
std::optional<std::string> read_file_text(const std::string& path, std::uint64_t max_bytes, Diagnostics& diagnostics);

}  // namespace parley
