#include "parley/common/utf8.h"

#include <cstdint>
#include <cstring>

namespace parley::utf8 {

CodePoint decode(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return {lead, 1, true};
  const std::size_t length = lead < 0xC2 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 0;
  const CodePoint invalid{0xFFFD, 1, false};
  if (length == 0 || at + length > text.size()) return invalid;
  char32_t value = lead & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return invalid;
    value = (value << 6) | (byte(at + i) & 0x3F);
  }
  const bool overlong = (length == 3 && value < 0x800) || (length == 4 && value < 0x10000);
  if (overlong || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return invalid;
  return {value, length, true};
}

std::size_t first_invalid(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    // Plain ASCII eight bytes at a time: most text is.
    while (at + 8 <= text.size()) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + at, 8);
      if (word & 0x8080808080808080ULL) break;
      at += 8;
    }
    if (at >= text.size()) break;
    const CodePoint c = decode(text, at);
    if (!c.valid) return at;
    at += c.length;
  }
  return std::string_view::npos;
}

std::string sanitize(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const CodePoint c = decode(text, at);
    if (c.valid) out.append(text.substr(at, c.length));
    else out.append(kReplacement);
    at += c.length;
  }
  return out;
}

}  // namespace parley::utf8
