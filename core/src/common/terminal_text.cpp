#include "parley/common/terminal_text.h"

#include <cstdint>
#include <cstring>

#include "parley/common/utf8.h"

namespace parley {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_byte_escape(std::string& out, unsigned char byte) {
  out += "\\x";
  out += kHex[byte >> 4];
  out += kHex[byte & 0xF];
}

void append_code_point_escape(std::string& out, char32_t c) {
  if (c == '\t') {
    out += "\\t";
  } else if (c == '\r') {
    out += "\\r";
  } else if (c < 0x80) {
    append_byte_escape(out, static_cast<unsigned char>(c));
  } else {
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(c >> shift) & 0xF];
  }
}

// How many bytes the UTF-8 sequence that `lead` starts has (1 for ASCII and stray bytes).
std::size_t sequence_length(unsigned char lead) {
  return lead < 0xC2 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 1;
}

// True when all eight bytes at `bytes` are printable ASCII (0x20 to 0x7E). Text answers are
// mostly that, and checking them a byte at a time was a sixth of a batch of text answers.
bool all_printable_ascii(const char* bytes) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  std::uint64_t word;
  std::memcpy(&word, bytes, 8);
  // A byte below 0x20 borrows into its high bit (when no byte has it set already); a byte of
  // 0x7F carries into it. Either, or a byte of 0x80 and above, fails the whole word.
  const std::uint64_t below_space = (word - kOnes * 0x20) & ~word;
  const std::uint64_t delete_or_above = word + kOnes;
  return ((word | below_space | delete_or_above) & kHigh) == 0;
}

// Escapes `text` into `out`. With `complete` false, an unfinished sequence at the end is left
// alone and its start returned; otherwise returns text.size().
std::size_t escape_into(std::string_view text, std::string& out, bool complete) {
  std::size_t at = 0;
  while (at < text.size()) {
    // Runs of plain printable ASCII, the bulk of any answer, are copied as they are.
    std::size_t plain = at;
    while (plain < text.size()) {
      while (plain + 8 <= text.size() && all_printable_ascii(text.data() + plain)) plain += 8;
      if (plain == text.size()) break;
      const auto byte = static_cast<unsigned char>(text[plain]);
      if ((byte < 0x20 && byte != '\n') || byte >= 0x7F) break;
      ++plain;
    }
    out.append(text.substr(at, plain - at));
    at = plain;
    if (at == text.size()) break;
    const auto lead = static_cast<unsigned char>(text[at]);
    const std::size_t length = sequence_length(lead);
    if (!complete && at + length > text.size()) {
      bool continuation = true;  // only continuation bytes so far: the rest may come later
      for (std::size_t i = at + 1; i < text.size(); ++i) continuation &= (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
      if (continuation) return at;
    }
    const utf8::CodePoint c = utf8::decode(text, at);
    if (!c.valid) {
      append_byte_escape(out, lead);
    } else if (is_terminal_control(c.value)) {
      append_code_point_escape(out, c.value);
    } else {
      out.append(text.substr(at, c.length));
    }
    at += c.length;
  }
  return text.size();
}

}  // namespace

bool is_terminal_control(char32_t c) {
  return (c < 0x20 && c != '\n') || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool needs_terminal_escaping(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte >= 0x20 && byte < 0x7F) {
      ++at;
      continue;
    }
    const utf8::CodePoint c = utf8::decode(text, at);
    if (!c.valid || is_terminal_control(c.value)) return true;
    at += c.length;
  }
  return false;
}

std::string escape_for_terminal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  escape_into(text, out, true);
  return out;
}

void TerminalEscaper::feed(std::string_view piece, std::string& out) {
  if (pending_.empty()) {
    const std::size_t kept = escape_into(piece, out, false);
    pending_.assign(piece.substr(kept));
    return;
  }
  // Rare: a sequence split across pieces. Join what is kept with the piece's first bytes.
  std::string joined = pending_;
  joined.append(piece);
  pending_.clear();
  const std::size_t kept = escape_into(joined, out, false);
  pending_.assign(std::string_view(joined).substr(kept));
}

void TerminalEscaper::finish(std::string& out) {
  escape_into(pending_, out, true);
  pending_.clear();
}

std::string single_line(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (const char c : value) {
    if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string shorten_for_message(std::string_view value, std::size_t max_characters) {
  std::size_t at = 0;
  std::size_t count = 0;
  while (at < value.size() && count < max_characters) {
    at += utf8::decode(value, at).length;
    ++count;
  }
  if (at >= value.size()) return single_line(value);
  return single_line(value.substr(0, at)) + "... (" + std::to_string(value.size()) + " bytes)";
}

}  // namespace parley
