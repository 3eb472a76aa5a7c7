#include "common/utf8_validate.h"

#include <cstdint>
#include <cstring>

namespace parley::detail {
namespace {

using Byte = unsigned char;

bool is_continuation(Byte b, Byte low = 0x80, Byte high = 0xBF) { return b >= low && b <= high; }

// The length of the multi-byte sequence starting at `p` (whose lead byte is not ASCII), or 0
// when it is not valid UTF-8. The second byte's range depends on the lead: that is what rules
// out overlong forms (E0, F0), surrogates (ED) and code points past U+10FFFF (F4).
std::size_t sequence_length(const Byte* p, const Byte* end) {
  const Byte lead = p[0];
  const auto left = end - p;
  if (lead >= 0xC2 && lead <= 0xDF) return left >= 2 && is_continuation(p[1]) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    const Byte low = lead == 0xE0 ? 0xA0 : 0x80;
    const Byte high = lead == 0xED ? 0x9F : 0xBF;
    return left >= 3 && is_continuation(p[1], low, high) && is_continuation(p[2]) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    const Byte low = lead == 0xF0 ? 0x90 : 0x80;
    const Byte high = lead == 0xF4 ? 0x8F : 0xBF;
    return left >= 4 && is_continuation(p[1], low, high) && is_continuation(p[2]) && is_continuation(p[3]) ? 4 : 0;
  }
  return 0;  // a continuation byte, C0, C1 (always overlong) or F5-FF
}

// The first byte at or after `p` that is not ASCII, or `end`.
const Byte* skip_ascii(const Byte* p, const Byte* end) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080u;
  for (; end - p >= 8; p += 8) {
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    if (word & kHighBits) break;
  }
  while (p < end && *p < 0x80) ++p;
  return p;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  const auto* p = reinterpret_cast<const Byte*>(text.data());
  const auto* const end = p + text.size();
  while ((p = skip_ascii(p, end)) < end) {
    const std::size_t length = sequence_length(p, end);
    if (length == 0) return false;
    p += length;
  }
  return true;
}

}  // namespace parley::detail
