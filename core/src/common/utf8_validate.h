// Whether a whole text is valid UTF-8, checked fast enough to run before every parse. A
// dataset is mostly ASCII, so runs of it are skipped eight bytes at a time; anything else is
// held to exactly the rules RapidJSON's UTF8::Validate applies to a string (RFC 3629: no
// overlong forms, no surrogates D800-DFFF, nothing past U+10FFFF, no truncated sequence).
#pragma once

#include <string_view>

namespace parley::detail {

bool is_valid_utf8(std::string_view text);

}  // namespace parley::detail
