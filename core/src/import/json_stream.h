// A JSON writer for the import's output, which is most of an import's work: it writes what
// RapidJSON's Writer writes, byte for byte (the same escapes, commas and colons, no spaces), but
// copies each string's runs of plain bytes at once into a 1 MB buffer instead of putting them
// through a stream a character at a time.
#pragma once

#include <cstdint>
#include <algorithm>
#include <cstring>
#include <string>
#include <ostream>
#include <string_view>
#include <vector>

namespace parley::import {

class JsonStream {
 public:
  explicit JsonStream(std::ostream& out) : out_(out) { buffer_.resize(kBlock + kSlack); }
  ~JsonStream() { flush(); }
  JsonStream(const JsonStream&) = delete;
  JsonStream& operator=(const JsonStream&) = delete;

  void start_object() { open('{', false); }
  void end_object() { close('}'); }
  void start_array() { open('[', true); }
  void end_array() { close(']'); }
  void key(std::string_view k) { string(k); }
  void string(std::string_view s) {
    prefix();
    quoted(s);
  }
  // Bytes between values that JSON ignores (a line break between records).
  void whitespace(char c) { put(c); }

  // A whole value written by the caller as text: begin_value() puts what goes before it (a
  // comma), then raw() writes JSON text as it is and quoted() a string, quoted and escaped.
  // For records whose shape is fixed, so that their names need not be escaped again each time.
  void begin_value() { prefix(); }
  void raw(std::string_view text) { append(text.data(), text.size()); }
  void quoted(std::string_view s) {
    put('"');
    const std::size_t n = s.size();
    std::size_t run = 0;  // the start of the bytes not yet written
    for (std::size_t i = 0; i < n;) {
      // Skip eight plain bytes at a time; look at the bytes of a word that has something to
      // escape (or of the string's tail) one by one.
      while (i + 8 <= n && !needs_escape(s.data() + i)) i += 8;
      for (const std::size_t stop = std::min(n, i + 8); i < stop; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        const char e = escape_of(c);
        if (e == 0) continue;
        append(s.data() + run, i - run);
        run = i + 1;
        char sequence[6];
        const std::string_view escaped = escape(c, e, sequence);
        append(escaped.data(), escaped.size());
      }
    }
    append(s.data() + run, n - run);
    put('"');
  }
  // A string known to need no escape (see plain()), quoted without looking at its bytes.
  void quoted_plain(std::string_view s) {
    put('"');
    append(s.data(), s.size());
    put('"');
  }
  // Whether a string has nothing to escape: no control character, quote or backslash.
  static bool plain(std::string_view s) {
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      if (needs_escape(s.data() + i)) break;
    }
    for (; i < s.size(); ++i) {
      if (escape_of(static_cast<unsigned char>(s[i])) != 0) return false;
    }
    return true;
  }

  // The same as text, for a string written many times (an id), to be written with raw().
  static std::string quote(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      const char e = escape_of(c);
      if (e == 0) continue;
      out.append(s.data() + run, i - run);
      run = i + 1;
      char sequence[6];
      out += escape(c, e, sequence);
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
    return out;
  }

  void flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(used_));
    used_ = 0;
  }

 private:
  static constexpr std::size_t kBlock = 1 << 20;
  static constexpr std::size_t kSlack = 64;  // room for a few bytes past the block
  static constexpr int kMaxDepth = 16;

  struct Level {
    bool in_array = false;
    std::uint32_t values = 0;
  };

  // RapidJSON's Writer::Prefix: a comma between an array's values and an object's members, a
  // colon between a member's name and its value.
  void prefix() {
    if (depth_ == 0) return;
    Level& level = levels_[depth_ - 1];
    if (level.values > 0) put(level.in_array ? ',' : (level.values % 2 == 0 ? ',' : ':'));
    ++level.values;
  }
  void open(char c, bool array) {
    prefix();
    put(c);
    levels_[depth_++] = Level{array, 0};
  }
  void close(char c) {
    --depth_;
    put(c);
  }

  void put(char c) {
    if (used_ >= kBlock) flush();
    buffer_[used_++] = c;
  }
  void append(const char* data, std::size_t n) {
    if (used_ + n > kBlock) {
      flush();
      if (n > kBlock) {
        out_.write(data, static_cast<std::streamsize>(n));
        return;
      }
    }
    std::memcpy(buffer_.data() + used_, data, n);
    used_ += n;
  }

  // Whether any of the eight bytes at `p` may be below 0x20, a quote or a backslash: never
  // false when one is; seldom true when none is, and then the bytes are looked at one by one.
  static bool needs_escape(const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
    const auto zero_byte = [&](std::uint64_t v) { return (v - kOnes) & ~v & kHigh; };
    const std::uint64_t below_space = (w - kOnes * 0x20) & ~w & kHigh;
    return (below_space | zero_byte(w ^ (kOnes * '"')) | zero_byte(w ^ (kOnes * '\\'))) != 0;
  }

  // What RapidJSON escapes: the control characters, the quote and the backslash; every other
  // byte, UTF-8 included, is written as it is.
  static char escape_of(unsigned char c) {
    switch (c) {
      case '\b': return 'b';
      case '\t': return 't';
      case '\n': return 'n';
      case '\f': return 'f';
      case '\r': return 'r';
      case '"': return '"';
      case '\\': return '\\';
      default: return c < 0x20 ? 'u' : 0;
    }
  }
  // The escape of byte `c`, whose escape_of() is `e`: backslash and `e`, and for a control
  // character with no short form, its code in four hex digits; written into `sequence`.
  static std::string_view escape(unsigned char c, char e, char (&sequence)[6]) {
    sequence[0] = '\\';
    sequence[1] = e;
    if (e != 'u') return {sequence, 2};
    static constexpr char kHex[] = "0123456789ABCDEF";
    sequence[2] = '0';
    sequence[3] = '0';
    sequence[4] = kHex[c >> 4];
    sequence[5] = kHex[c & 15];
    return {sequence, 6};
  }

  std::ostream& out_;
  std::vector<char> buffer_;
  std::size_t used_ = 0;
  Level levels_[kMaxDepth];
  int depth_ = 0;
};

}  // namespace parley::import
