#include <catch2/catch.hpp>

#include "tokenizer.h"

using parley::cli::tokenize;

TEST_CASE("batch and shell lines split like a shell's plain words", "[tokenizer]") {
  struct Case {
    const char* line;
    std::vector<std::string> words;
  };
  const Case cases[] = {
      {"who-met Abe Putin", {"who-met", "Abe", "Putin"}},
      {"  path   \"Igor Morgulov\"\tShikotan  ", {"path", "Igor Morgulov", "Shikotan"}},
      {"show 'it''s'", {"show", "its"}},
      {"show 'a \"b\" c'", {"show", "a \"b\" c"}},
      {"show \"a \\\"b\\\" \\\\ c\"", {"show", "a \"b\" \\ c"}},
      {"show Sergei\\ Lavrov", {"show", "Sergei Lavrov"}},
      {"show \"\"", {"show", ""}},
      {"# a comment", {}},
      {"", {}},
      {"who-met Abe # trailing comment", {"who-met", "Abe"}},
      {"show a#b", {"show", "a#b"}},
      {"show \"#not a comment\"", {"show", "#not a comment"}},
      {"show Лавров 安倍晋三", {"show", "Лавров", "安倍晋三"}},
  };
  for (const auto& c : cases) {
    INFO(c.line);
    const auto result = tokenize(c.line);
    REQUIRE_FALSE(result.error);
    CHECK(result.words == c.words);
  }
}

TEST_CASE("malformed lines are rejected with a column", "[tokenizer]") {
  struct Case {
    std::string line;
    std::size_t column;
    const char* message;
  };
  const Case cases[] = {
      {"path \"unbalanced", 6, "unbalanced double quote"},
      {"path 'unbalanced", 6, "unbalanced single quote"},
      {"show trailing\\", 14, "a backslash at the end of the line escapes nothing"},
      {"show a\x01", 7, "control character (byte 1) in the line"},
      {"show \xff\xfe", 6, "invalid UTF-8 in the line"},
      {"show \xc0\xaf", 6, "invalid UTF-8 in the line"},        // overlong
      {"show \xed\xa0\x80", 6, "invalid UTF-8 in the line"},    // a surrogate
      {std::string("show a\0b", 8), 7, "control character (byte 0) in the line"},
  };
  for (const auto& c : cases) {
    INFO(c.line);
    const auto result = tokenize(c.line);
    REQUIRE(result.error);
    CHECK(result.error->column == c.column);
    CHECK(result.error->message == c.message);
  }
}

TEST_CASE("words survive quoting and escaping back", "[tokenizer]") {
  for (const std::string word : {"Abe", "Sergey Lavrov", "a\"b", "back\\slash", "it's", "#x", ""}) {
    INFO(word);
    CHECK(tokenize("show " + parley::cli::quote_word(word)).words.back() == word);
    if (!word.empty()) CHECK(tokenize("show " + parley::cli::escape_word(word)).words.back() == word);
  }
  CHECK(parley::cli::valid_utf8("a\xff" "b") == "a\xEF\xBF\xBD" "b");
}
