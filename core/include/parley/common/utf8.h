// UTF-8, one code point at a time, for the places that must keep text valid whatever they are
// given: the exporters and the batch/shell line tokenizer. (The loader validates with RapidJSON.)
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace parley::utf8 {

inline constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

struct CodePoint {
  char32_t value = 0;
  std::size_t length = 1;  // bytes
  bool valid = true;
};

// The code point at byte `at`. A malformed, truncated or overlong sequence, a surrogate or a
// value past U+10FFFF decodes as {U+FFFD, 1 byte, invalid}, so a caller always advances.
CodePoint decode(std::string_view text, std::size_t at);

// The byte offset of the first invalid sequence, or npos when the text is valid UTF-8.
std::size_t first_invalid(std::string_view text);

// `text` with every invalid sequence replaced by U+FFFD.
std::string sanitize(std::string_view text);

}  // namespace parley::utf8
