#include "json_reader.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <unordered_map>

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

namespace parley::detail {
namespace {

// Numbers reach the handler as text and are converted here: RapidJSON 1.1.0's own conversion
// reads out of bounds for some long mantissas with large exponents (found by fuzz_loader; the
// input is kept in tests/fuzz/corpus/loader/).
constexpr unsigned kStrictFlags = rapidjson::kParseIterativeFlag |
                                  rapidjson::kParseValidateEncodingFlag |
                                  rapidjson::kParseNumbersAsStringsFlag;

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

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
  // Write-side members the Stream concept declares; never called for reading.
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  std::size_t PutEnd(Ch*) { return 0; }

 private:
  std::string_view text_;
  std::size_t pos_;
};

// Forwards SAX events to a Document while rejecting duplicate keys within one object.
class CheckedBuilder {
 public:
  CheckedBuilder(rapidjson::Document& doc, const TextStream& stream) : doc_(doc), stream_(stream) {}

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
    frames_.push_back(keys_.size());
    return doc_.StartObject();
  }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) {
    const std::string_view key(s, n);
    // Objects in datasets have a handful of members: a linear scan beats hashing.
    for (std::size_t i = frames_.back(); i < keys_.size(); ++i) {
      if (keys_[i] == key) {
        duplicate_ = std::string(key);
        error_offset_ = stream_.Tell();
        return false;
      }
    }
    keys_.emplace_back(key);
    return no_lone_surrogate(s, n) && doc_.Key(s, n, copy);
  }
  bool EndObject(rapidjson::SizeType members) {
    keys_.resize(frames_.back());
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
  // The input itself is validated, so such bytes can only come from an escape.
  bool no_lone_surrogate(const char* s, rapidjson::SizeType n) {
    for (rapidjson::SizeType i = 0; i + 1 < n; ++i) {
      if (static_cast<unsigned char>(s[i]) == 0xED && static_cast<unsigned char>(s[i + 1]) >= 0xA0) {
        lone_surrogate_ = true;
        error_offset_ = lone_low_surrogate_escape(stream_.Tell());
        return false;
      }
    }
    return true;
  }
  std::size_t lone_low_surrogate_escape(std::size_t string_end) const;

  rapidjson::Document& doc_;
  const TextStream& stream_;
  std::vector<std::string> keys_;
  std::vector<std::size_t> frames_;
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

// Whether text[at] starts a \u escape (an odd run of backslashes) of a code unit in [low, high].
bool is_escape_in(std::string_view text, std::size_t at, unsigned low, unsigned high) {
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
std::size_t CheckedBuilder::lone_low_surrogate_escape(std::size_t string_end) const {
  const std::string_view text = stream_.text();
  for (std::size_t at = std::min(string_end, text.size()); at-- > 0;) {
    if (is_escape_in(text, at, 0xDC00, 0xDFFF) && !(at >= 6 && is_escape_in(text, at - 6, 0xD800, 0xDBFF))) {
      return at;
    }
  }
  return string_end;
}

std::size_t skip_separators(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    const char c = text[pos];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' && c != ':') break;
    ++pos;
  }
  return pos;
}

// Tracks the JSON pointer of the current value during a SAX pass and records where each
// wanted pointer's value begins.
class PointerLocator : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, PointerLocator> {
 public:
  PointerLocator(std::string_view text, const TextStream& stream,
                 const std::unordered_map<std::string, std::size_t>& wanted,
                 std::vector<std::optional<std::size_t>>& found)
      : text_(text), stream_(stream), wanted_(wanted), found_(found) {}

  bool Default() { return value(); }
  bool String(const char*, rapidjson::SizeType, bool) { return value(); }
  bool StartObject() {
    begin_value();
    frames_.push_back(Frame{pointer_.size(), false, 0});
    mark_end();
    return true;
  }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    pointer_.resize(frames_.back().base);
    append_pointer_token(pointer_, std::string_view(s, n));
    end_ = stream_.Tell();
    return true;
  }
  bool EndObject(rapidjson::SizeType) { return end_container(); }
  bool StartArray() {
    begin_value();
    frames_.push_back(Frame{pointer_.size(), true, 0});
    mark_end();
    return true;
  }
  bool EndArray(rapidjson::SizeType) { return end_container(); }

 private:
  struct Frame {
    std::size_t base;  // pointer length of the container itself
    bool is_array;
    std::size_t next_index;
  };

  // Called at the start of every value: fixes up the pointer for array elements and records the
  // value's start offset if it is wanted.
  void begin_value() {
    if (!frames_.empty() && frames_.back().is_array) {
      pointer_.resize(frames_.back().base);
      pointer_ += '/' + std::to_string(frames_.back().next_index++);
    }
    const auto it = wanted_.find(pointer_);
    if (it != wanted_.end() && !found_[it->second]) found_[it->second] = skip_separators(text_, end_);
  }
  bool value() {
    begin_value();
    end_ = stream_.Tell();
    return true;
  }
  bool end_container() {
    pointer_.resize(frames_.back().base);
    frames_.pop_back();
    mark_end();
    return true;
  }
  // RapidJSON's iterative parser reports a bracket before consuming it; step past it.
  void mark_end() {
    end_ = stream_.Tell();
    if (end_ < text_.size() && std::string_view("{}[]").find(text_[end_]) != std::string_view::npos) ++end_;
  }

  std::string_view text_;
  const TextStream& stream_;
  const std::unordered_map<std::string, std::size_t>& wanted_;
  std::vector<std::optional<std::size_t>>& found_;
  std::string pointer_;
  std::vector<Frame> frames_;
  std::size_t end_ = 0;  // offset just past the previous token
};

std::size_t content_start(std::string_view text) {
  return text.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
}

}  // namespace

std::optional<JsonError> parse_json_strict(std::string_view text, rapidjson::Document& doc) {
  // RapidJSON treats a NUL byte as the end of input; name it instead of reporting a confusing
  // error further on. (An escaped \u0000 inside a string is valid JSON and handled later.)
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    return JsonError{nul, "NUL byte in the file (JSON text cannot contain one unescaped)"};
  }
  if (text.find_first_not_of(" \t\r\n", content_start(text)) == std::string_view::npos) {
    return JsonError{text.size(), "the file is empty: expected a JSON object"};
  }
  TextStream stream(text, content_start(text));
  CheckedBuilder builder(doc, stream);
  rapidjson::ParseResult result;
  auto generate = [&](rapidjson::Document&) {
    rapidjson::Reader reader;
    result = reader.Parse<kStrictFlags>(stream, builder);
    return !result.IsError();
  };
  doc.Populate(generate);
  if (builder.number_too_big()) {
    return JsonError{builder.error_offset(), "Number too big to be stored in double."};
  }
  if (builder.too_deep()) {
    return JsonError{builder.error_offset(),
                     "nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels (a dataset needs a handful)"};
  }
  if (builder.lone_surrogate()) {
    return JsonError{builder.error_offset(), "The surrogate pair in string is invalid."};
  }
  if (builder.duplicate()) {
    return JsonError{builder.error_offset(),
                     "duplicate key \"" + *builder.duplicate() + "\" in one object"};
  }
  if (result.IsError()) {
    return JsonError{result.Offset(), rapidjson::GetParseError_En(result.Code())};
  }
  return std::nullopt;
}

LineColumn line_column(std::string_view text, std::size_t offset) {
  LineColumn at;
  if (offset > text.size()) offset = text.size();
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++at.line;
      line_start = i + 1;
    }
  }
  std::size_t start = line_start;
  if (at.line == 1 && text.starts_with(kUtf8Bom)) start = std::min(offset, kUtf8Bom.size());
  for (std::size_t i = start; i < offset; ++i) {
    // Count code points: every byte that is not a UTF-8 continuation byte starts one.
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++at.column;
  }
  return at;
}

std::vector<std::optional<std::size_t>> locate(std::string_view text,
                                               const std::vector<std::string>& pointers) {
  std::vector<std::optional<std::size_t>> found(pointers.size());
  std::unordered_map<std::string, std::size_t> wanted;
  for (std::size_t i = 0; i < pointers.size(); ++i) wanted.emplace(pointers[i], i);
  TextStream stream(text, content_start(text));
  PointerLocator locator(text, stream, wanted, found);
  rapidjson::Reader reader;
  reader.Parse<kStrictFlags>(stream, locator);  // a malformed tail still leaves earlier finds
  // Pointers that share a value (duplicates in the input list) all get its offset.
  for (std::size_t i = 0; i < pointers.size(); ++i) {
    if (!found[i]) found[i] = found[wanted.at(pointers[i])];
  }
  return found;
}

void append_pointer_token(std::string& pointer, std::string_view token) {
  pointer += '/';
  for (const char c : token) {
    if (c == '~') pointer += "~0";
    else if (c == '/') pointer += "~1";
    else pointer += c;
  }
}

std::string pointer_join(std::string_view base, std::string_view token) {
  std::string pointer(base);
  append_pointer_token(pointer, token);
  return pointer;
}

std::string pointer_join(std::string_view base, std::size_t index) {
  return std::string(base) + '/' + std::to_string(index);
}

}  // namespace parley::detail
