// Splitting a tab-separated line and checking the values shared by both event formats.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "import/event_row.h"

namespace parley::import::detail {

// Splits on tabs into `fields` (reused from line to line).
void split_tabs(std::string_view line, std::vector<std::string_view>& fields);

// The 1-based code point where field `index` starts in `line`.
std::uint32_t field_position(std::string_view line, const std::vector<std::string_view>& fields, std::size_t index);

// A check of one column, or its error, with the column's position filled in by the caller.
std::optional<RowError> check_utf8(std::string_view line, const std::vector<std::string_view>& fields,
                                   const std::vector<std::string_view>& names);
// What a dataset cannot hold, found before a row is used: a NUL byte, or a value longer than
// kMaxField bytes (names of up to 65,536 characters are allowed, and a gathering's name joins
// two). Returns the error, its column named.
inline constexpr std::size_t kMaxField = 16384;
std::optional<RowError> check_values(std::string_view line, const std::vector<std::string_view>& fields,
                                     const std::vector<std::string_view>& names);
// An event id becomes part of entity ids: 1–64 printable ASCII characters, no spaces.
bool is_valid_event_id(std::string_view id);

// "YYYY-MM-DD" (ICEWS) or "YYYYMMDD" (GDELT) to days since 1970-01-01; nullopt if not a real day.
std::optional<std::int32_t> parse_day(std::string_view text, bool dashed);
// An error message when the pair is not a latitude and a longitude in range; empty when both
// are valid or both absent. `which` says which of the two is wrong ("latitude"/"longitude").
std::string check_coordinates(std::string_view latitude, std::string_view longitude, std::string& which);
// ICEWS writes "NA" for a value it does not have.
inline std::string_view not_na(std::string_view value) { return value == "NA" ? std::string_view() : value; }

}  // namespace parley::import::detail
