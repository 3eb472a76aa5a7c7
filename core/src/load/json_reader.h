// Strict JSON reading with positions. parley's files come from other people's editors and
// scripts, so parsing is iterative (deep nesting cannot overflow the stack), UTF-8 is validated,
// NUL bytes and duplicate keys are rejected, and a leading UTF-8 byte-order mark is skipped.
// Positions are recovered lazily: a DOM carries none, so locate() re-reads the text with a SAX
// pass only when there is an error to report.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

namespace parley::detail {

struct JsonError {
  std::size_t offset = 0;  // byte offset into the text
  std::string message;
};

// Arrays and objects nested deeper than this are rejected.
inline constexpr std::size_t kMaxJsonDepth = 1000;

// Parses `text` into `doc`. Returns the error on failure, nullopt on success.
std::optional<JsonError> parse_json_strict(std::string_view text, rapidjson::Document& doc);

struct LineColumn {
  std::uint32_t line = 1;    // 1-based
  std::uint32_t column = 1;  // 1-based, in Unicode code points
};

// The line and column of a byte offset.
LineColumn line_column(std::string_view text, std::size_t offset);

// Lines and columns of increasing offsets in one pass: each call scans only the bytes since the
// previous one, so N positions in a text of length L cost O(L + N), not O(N·L).
class LineColumnCursor {
 public:
  explicit LineColumnCursor(std::string_view text);
  // An offset before the previous call's gives the previous position.
  LineColumn advance_to(std::size_t offset);

 private:
  std::string_view text_;
  std::size_t at_ = 0;   // the bytes before this have been counted
  LineColumn position_;  // of `at_`
};

// Byte offsets where the values named by `pointers` (RFC 6901) begin in `text`; nullopt for
// a pointer that names no value. One SAX pass, whatever the number of pointers.
std::vector<std::optional<std::size_t>> locate(std::string_view text,
                                               const std::vector<std::string>& pointers);

// Appends one reference token to a JSON pointer, escaping '~' and '/'.
void append_pointer_token(std::string& pointer, std::string_view token);
std::string pointer_join(std::string_view base, std::string_view token);
std::string pointer_join(std::string_view base, std::size_t index);

}  // namespace parley::detail
