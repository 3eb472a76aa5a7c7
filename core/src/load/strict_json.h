// The strict reading every dataset file goes through, whether into one document
// (json_reader.h) or record by record (record_stream.h): iterative, UTF-8 validated, numbers
// converted by parley, and duplicate keys, excessive depth and lone surrogates rejected. The
// checks sit in a SAX handler in front of whatever builds the values.
#pragma once

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include "load/json_reader.h"
#include "common/utf8_validate.h"

namespace parley::detail {

// Numbers reach the handler as text and are converted here: RapidJSON 1.1.0's own conversion
// reads out of bounds for some long mantissas with large exponents (found by fuzz_loader; the
// input is kept in tests/fuzz/corpus/loader/).
inline constexpr unsigned kStrictFlags = rapidjson::kParseIterativeFlag |
                                  rapidjson::kParseValidateEncodingFlag |
                                  rapidjson::kParseNumbersAsStringsFlag;

// The same reading without RapidJSON's byte-by-byte check of each string's encoding, for a
// text already known to be valid UTF-8 as a whole (its strings then are too).
inline constexpr unsigned kStrictPrevalidatedFlags = kStrictFlags & ~rapidjson::kParseValidateEncodingFlag;

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Reads bytes through a MemoryStream but remembers the base offset of a skipped BOM, so Tell()
// stays an offset into the caller's text.
struct TextStream {
  using Ch = char;
  explicit TextStream(std::string_view text, std::size_t start)
      : text_(text), pos_(start) {}
  Ch Peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  Ch Take() { return pos_ < text_.size() ? text_[pos_++] : '\0'; }
  std::size_t Tell() const { return pos_; }
  std::string_view text() const { return text_; }
  // What is left to read, and a step past part of it (for the string copy below).
  std::string_view rest() const { return text_.substr(pos_); }
  void Skip(std::size_t n) { pos_ += n; }
  // Write-side members the Stream concept declares; never called for reading.
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  std::size_t PutEnd(Ch*) { return 0; }

 private:
  std::string_view text_;
  std::size_t pos_;
};

}  // namespace parley::detail

// RapidJSON reads a string one Take() and one Put() per byte, but first offers each stream
// type a hook, ScanCopyUnescapedString, to copy a run of plain bytes at once (its own
// StringStream has one). This is TextStream's. The hook is only called when RapidJSON is not
// validating the encoding, which parse_strict() allows only for a text already validated
// whole; copying the run's bytes as they are is then what RapidJSON would have done.
template <>
template <>
inline void rapidjson::Reader::ScanCopyUnescapedString<parley::detail::TextStream, rapidjson::Reader::StackStream<char>>(
    parley::detail::TextStream& is, rapidjson::Reader::StackStream<char>& os) {
  const std::string_view rest = is.rest();
  std::size_t n = 0;
  // The run ends where RapidJSON has something to do: a quote, an escape, a control character.
  while (n < rest.size() && rest[n] != '"' && rest[n] != '\\' && static_cast<unsigned char>(rest[n]) >= 0x20) ++n;
  if (n == 0) return;
  std::memcpy(os.Push(static_cast<rapidjson::SizeType>(n)), rest.data(), n);
  is.Skip(n);
}

namespace parley::detail {

// Where the JSON starts: past a UTF-8 byte-order mark, as some editors write.
inline std::size_t content_start(std::string_view text) {
  return text.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
}

// What can be said before parsing: RapidJSON treats a NUL byte as the end of input, so it is
// named instead of reported as a confusing error further on (an escaped \u0000 inside a
// string is valid JSON), and an empty file is named as such.
inline std::optional<JsonError> check_before_parsing(std::string_view text) {
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    return JsonError{nul, "NUL byte in the file (JSON text cannot contain one unescaped)"};
  }
  if (text.find_first_not_of(" \t\r\n", content_start(text)) == std::string_view::npos) {
    return JsonError{text.size(), "the file is empty: expected a JSON object"};
  }
  return std::nullopt;
}

// Whether text[at] starts a \u escape (an odd run of backslashes) of a code unit in [low, high].
inline bool is_escape_in(std::string_view text, std::size_t at, unsigned low, unsigned high) {
  if (at + 6 > text.size() || text[at] != '\\' || text[at + 1] != 'u') return false;
  std::size_t backslashes = 0;
  while (backslashes <= at && text[at - backslashes] == '\\') ++backslashes;
  if (backslashes % 2 == 0) return false;
  unsigned unit = 0;
  if (std::from_chars(text.data() + at + 2, text.data() + at + 6, unit, 16).ptr != text.data() + at + 6) return false;
  return unit >= low && unit <= high;
}

// The offset of the lone low surrogate escape in the string that ends at `string_end`: the
// last \uDC00-\uDFFF escape before it that no high surrogate escape precedes. The string is
// known to hold one, so the search ends inside it.
inline std::size_t lone_low_surrogate_escape(std::string_view text, std::size_t string_end) {
  for (std::size_t at = std::min(string_end, text.size()); at-- > 0;) {
    if (is_escape_in(text, at, 0xDC00, 0xDFFF) && !(at >= 6 && is_escape_in(text, at - 6, 0xD800, 0xDBFF))) {
      return at;
    }
  }
  return string_end;
}

// Forwards SAX events to `Target` (a Document, or anything with the same handler methods)
// while rejecting what JSON allows but a dataset must not contain.
template <typename Target>
class CheckedBuilder {
 public:
  CheckedBuilder(Target& doc, const TextStream& stream) : doc_(doc), stream_(stream) {}

  bool Null() { return doc_.Null(); }
  bool Bool(bool b) { return doc_.Bool(b); }
  bool Int(int i) { return doc_.Int(i); }
  bool Uint(unsigned u) { return doc_.Uint(u); }
  bool Int64(std::int64_t i) { return doc_.Int64(i); }
  bool Uint64(std::uint64_t u) { return doc_.Uint64(u); }
  bool Double(double d) { return doc_.Double(d); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) {
    const std::string_view text(s, n);
    if (text.find_first_of(".eE") == std::string_view::npos) {
      std::int64_t signed_value = 0;
      if (const auto [end, error] = std::from_chars(s, s + n, signed_value); error == std::errc() && end == s + n) {
        return doc_.Int64(signed_value);
      }
      std::uint64_t unsigned_value = 0;
      if (const auto [end, error] = std::from_chars(s, s + n, unsigned_value); error == std::errc() && end == s + n) {
        return doc_.Uint64(unsigned_value);
      }
    }
    const double value = std::strtod(std::string(text).c_str(), nullptr);
    if (!std::isfinite(value)) {
      number_too_big_ = true;
      error_offset_ = stream_.Tell() - n;
      return false;
    }
    return doc_.Double(value);
  }
  bool String(const char* s, rapidjson::SizeType n, bool copy) {
    return no_lone_surrogate(s, n) && doc_.String(s, n, copy);
  }
  bool StartObject() {
    if (!enter()) return false;
    frames_.push_back(key_count_);
    return doc_.StartObject();
  }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) {
    const std::string_view key(s, n);
    // Objects in datasets have a handful of members: a linear scan beats hashing.
    for (std::size_t i = frames_.back(); i < key_count_; ++i) {
      if (keys_[i] == key) {
        duplicate_ = std::string(key);
        error_offset_ = stream_.Tell();
        return false;
      }
    }
    remember_key(key);
    return no_lone_surrogate(s, n) && doc_.Key(s, n, copy);
  }
  bool EndObject(rapidjson::SizeType members) {
    key_count_ = frames_.back();
    frames_.pop_back();
    --depth_;
    return doc_.EndObject(members);
  }
  bool StartArray() { return enter() && doc_.StartArray(); }
  bool EndArray(rapidjson::SizeType elements) {
    --depth_;
    return doc_.EndArray(elements);
  }

  const std::optional<std::string>& duplicate() const { return duplicate_; }
  std::size_t error_offset() const { return error_offset_; }
  bool too_deep() const { return too_deep_; }
  bool number_too_big() const { return number_too_big_; }
  bool lone_surrogate() const { return lone_surrogate_; }

 private:
  // RapidJSON 1.1.0 rejects a high surrogate escape without its low half, but decodes a lone
  // low one (\uDC00-\uDFFF) into bytes that are not UTF-8 (found by fuzz_schema_verdicts).
  // The input itself is validated (by parse_strict, up front or string by string), so such
  // bytes can only come from an escape.
  bool no_lone_surrogate(const char* s, rapidjson::SizeType n) {
    for (rapidjson::SizeType i = 0; i + 1 < n; ++i) {
      if (static_cast<unsigned char>(s[i]) == 0xED && static_cast<unsigned char>(s[i + 1]) >= 0xA0) {
        lone_surrogate_ = true;
        error_offset_ = lone_low_surrogate_escape(stream_.text(), stream_.Tell());
        return false;
      }
    }
    return true;
  }

  // Keys stay in `keys_` past their object, to be overwritten by later ones: a file has
  // millions of keys, and an assignment into a string of the same length allocates nothing.
  void remember_key(std::string_view key) {
    if (key_count_ == keys_.size()) keys_.emplace_back();
    keys_[key_count_++].assign(key);
  }

  Target& doc_;
  const TextStream& stream_;
  std::vector<std::string> keys_;   // the keys of the objects open, in `key_count_` entries
  std::size_t key_count_ = 0;
  std::vector<std::size_t> frames_;  // where each open object's keys begin
  // Parsing is iterative, but later walks of the DOM (schema validation, destruction) recurse;
  // no dataset needs more than a few levels, so depth is capped where the text is read.
  bool enter() {
    if (++depth_ <= kMaxJsonDepth) return true;
    too_deep_ = true;
    error_offset_ = stream_.Tell();
    return false;
  }

  std::optional<std::string> duplicate_;
  std::size_t error_offset_ = 0;
  std::size_t depth_ = 0;
  bool too_deep_ = false;
  bool number_too_big_ = false;
  bool lone_surrogate_ = false;
};

// Reads the stream's text with the strict flags. A text that is valid UTF-8 throughout, as
// nearly every dataset is, is checked once up front, a word at a time; any other is read with
// RapidJSON validating each string, so that its error and offset are exactly as before.
template <typename Handler>
rapidjson::ParseResult parse_strict(TextStream& stream, Handler& handler) {
  rapidjson::Reader reader;
  if (is_valid_utf8(stream.text())) return reader.Parse<kStrictPrevalidatedFlags>(stream, handler);
  return reader.Parse<kStrictFlags>(stream, handler);
}

// The error a failed strict parse ends in, from the builder's own findings first.
template <typename Target>
JsonError strict_parse_error(const CheckedBuilder<Target>& builder, const rapidjson::ParseResult& result) {
  if (builder.number_too_big()) return JsonError{builder.error_offset(), "Number too big to be stored in double."};
  if (builder.too_deep()) {
    return JsonError{builder.error_offset(),
                     "nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels (a dataset needs a handful)"};
  }
  if (builder.lone_surrogate()) return JsonError{builder.error_offset(), "The surrogate pair in string is invalid."};
  if (builder.duplicate()) {
    return JsonError{builder.error_offset(), "duplicate key \"" + *builder.duplicate() + "\" in one object"};
  }
  return JsonError{result.Offset(), rapidjson::GetParseError_En(result.Code())};
}

}  // namespace parley::detail
