#include "tokenizer.h"

#include <cstdint>

namespace parley::cli {

namespace {

// The byte offset of the first invalid UTF-8 sequence, or npos. Lines become names and JSON
// strings: invalid UTF-8 must stop here.
std::size_t invalid_utf8_at(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) return i;
    std::uint32_t code = length == 1 ? byte : byte & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return i;
      code = (code << 6) | (next & 0x3F);
    }
    const bool overlong = (length == 2 && code < 0x80) || (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
    if (overlong || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return i;
    i += length;
  }
  return std::string_view::npos;
}

}  // namespace

std::string valid_utf8(std::string_view text) {
  std::string out;
  while (!text.empty()) {
    const std::size_t bad = invalid_utf8_at(text);
    if (bad == std::string_view::npos) {
      out.append(text);
      break;
    }
    out.append(text.substr(0, bad));
    out.append("\xEF\xBF\xBD");
    text.remove_prefix(bad + 1);
  }
  return out;
}

Tokenized tokenize(std::string_view line) {
  Tokenized result;
  if (const std::size_t bad = invalid_utf8_at(line); bad != std::string_view::npos) {
    result.error = TokenizeError{bad + 1, "invalid UTF-8 in the line"};
    return result;
  }
  std::string word;
  bool in_word = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      if (in_word) result.words.push_back(std::move(word));
      word.clear();
      in_word = false;
    } else if (c == '#' && !in_word) {
      break;
    } else if (c == '\'') {
      const std::size_t close = line.find('\'', i + 1);
      if (close == std::string_view::npos) {
        result.error = TokenizeError{i + 1, "unbalanced single quote"};
        return result;
      }
      word.append(line.substr(i + 1, close - i - 1));
      in_word = true;
      i = close;
    } else if (c == '"') {
      std::size_t j = i + 1;
      for (; j < line.size() && line[j] != '"'; ++j) {
        if (line[j] == '\\' && j + 1 < line.size() && (line[j + 1] == '"' || line[j + 1] == '\\')) ++j;
        word += line[j];
      }
      if (j >= line.size()) {
        result.error = TokenizeError{i + 1, "unbalanced double quote"};
        return result;
      }
      in_word = true;
      i = j;
    } else if (c == '\\') {
      if (i + 1 >= line.size()) {
        result.error = TokenizeError{i + 1, "a backslash at the end of the line escapes nothing"};
        return result;
      }
      word += line[++i];
      in_word = true;
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      result.error = TokenizeError{i + 1, "control character (byte " + std::to_string(static_cast<unsigned char>(c)) + ") in the line"};
      return result;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) result.words.push_back(std::move(word));
  return result;
}

std::string quote_word(std::string_view word) {
  const bool plain = !word.empty() && word.find_first_of(" \t\"'\\#") == std::string_view::npos;
  if (plain) return std::string(word);
  std::string out = "\"";
  for (const char c : word) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

std::string escape_word(std::string_view word) {
  std::string out;
  for (const char c : word) {
    if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '\\' || c == '#') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace parley::cli
