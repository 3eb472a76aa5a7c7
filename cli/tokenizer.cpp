#include "tokenizer.h"

#include "parley/common/utf8.h"

namespace parley::cli {

std::string valid_utf8(std::string_view text) { return utf8::sanitize(text); }

Tokenized tokenize(std::string_view line) {
  Tokenized result;
  // Lines become names and JSON strings: invalid UTF-8 stops here.
  if (const std::size_t bad = utf8::first_invalid(line); bad != std::string_view::npos) {
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
