#include "load/json_reader.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include <rapidjson/reader.h>

#include "load/strict_json.h"

namespace parley::detail {
namespace {

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


}  // namespace

std::optional<JsonError> parse_json_strict(std::string_view text, rapidjson::Document& doc) {
  if (auto error = check_before_parsing(text)) return error;
  TextStream stream(text, content_start(text));
  CheckedBuilder builder(doc, stream);
  rapidjson::ParseResult result;
  auto generate = [&](rapidjson::Document&) {
    result = parse_strict(stream, builder);
    return !result.IsError();
  };
  doc.Populate(generate);
  if (result.IsError()) return strict_parse_error(builder, result);
  return std::nullopt;
}

LineColumn line_column(std::string_view text, std::size_t offset) {
  return LineColumnCursor(text).advance_to(offset);
}

LineColumnCursor::LineColumnCursor(std::string_view text) : text_(text) {
  // A byte-order mark takes no column.
  if (text.starts_with(kUtf8Bom)) at_ = kUtf8Bom.size();
}

LineColumn LineColumnCursor::advance_to(std::size_t offset) {
  offset = std::min(offset, text_.size());
  for (; at_ < offset; ++at_) {
    const auto byte = static_cast<unsigned char>(text_[at_]);
    if (byte == '\n') {
      ++position_.line;
      position_.column = 1;
    } else if ((byte & 0xC0) != 0x80) {
      ++position_.column;  // every byte that is not a UTF-8 continuation byte starts a code point
    }
  }
  return position_;
}

std::vector<std::optional<std::size_t>> locate(std::string_view text,
                                               const std::vector<std::string>& pointers) {
  std::vector<std::optional<std::size_t>> found(pointers.size());
  std::unordered_map<std::string, std::size_t> wanted;
  for (std::size_t i = 0; i < pointers.size(); ++i) wanted.emplace(pointers[i], i);
  TextStream stream(text, content_start(text));
  PointerLocator locator(text, stream, wanted, found);
  parse_strict(stream, locator);  // a malformed tail still leaves earlier finds
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
