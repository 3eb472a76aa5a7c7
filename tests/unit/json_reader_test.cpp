#include <catch2/catch.hpp>

#include "load/json_reader.h"

using namespace parley::detail;

namespace {

std::optional<JsonError> parse(std::string_view text) {
  rapidjson::Document doc;
  return parse_json_strict(text, doc);
}

}  // namespace

TEST_CASE("line and column count lines and code points from 1", "[json]") {
  const std::string text = "{\n  \"a\": 1,\n  \"ё\": \"x\"\n}";
  CHECK(line_column(text, 0).line == 1);
  CHECK(line_column(text, 0).column == 1);
  const auto at = line_column(text, text.find("\"x\""));
  CHECK(at.line == 3);
  CHECK(at.column == 8);  // "ё" is two bytes but one column
}

TEST_CASE("a cursor gives every offset's line and column in one pass, as counting from the start does", "[json]") {
  // A byte-order mark, multi-byte code points, empty lines and a last line without a newline.
  const std::string text = "\xEF\xBB\xBF{\n  \"ё\": [\"日本\",\n\n 1]}\n  \"x\"";
  // Reference: count lines and code points from the start, for each offset on its own.
  const auto reference = [&](std::size_t offset) {
    LineColumn at;
    const std::size_t start = std::min<std::size_t>(3, offset);  // the mark takes no column
    for (std::size_t i = start; i < offset; ++i) {
      if (text[i] == '\n') {
        ++at.line;
        at.column = 1;
      } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
        ++at.column;
      }
    }
    return at;
  };
  LineColumnCursor cursor(text);
  for (std::size_t offset = 0; offset <= text.size() + 2; ++offset) {
    INFO(offset);
    const LineColumn expected = reference(std::min(offset, text.size()));
    const LineColumn single = line_column(text, offset);
    const LineColumn walked = cursor.advance_to(offset);
    CHECK(single.line == expected.line);
    CHECK(single.column == expected.column);
    CHECK(walked.line == expected.line);
    CHECK(walked.column == expected.column);
  }
}

TEST_CASE("malformed JSON is rejected with the offset of the problem", "[json]") {
  struct Case {
    std::string text;
    std::string message_part;
  };
  const Case cases[] = {
      {"{\"a\": 1", "Missing a comma or '}'"},
      {"{\"a\": 1} x", "must not be followed by other values"},
      {"{\"a\": \"\\q\"}", "Invalid escape"},
      {"{\"a\": \"\\uD800\"}", "surrogate"},
      {"{\"a\": \"\xC3\x28\"}", "Invalid encoding"},
      {"{\"a\": 1e999}", "Number too big"},
      {"{\"a\": 1, \"a\": 2}", "duplicate key \"a\""},
      {std::string("{\"a\": \"x\0y\"}", 12), "NUL byte"},
      {"", "empty"},
      {"  \n ", "empty"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const auto error = parse(c.text);
    REQUIRE(error);
    CHECK_THAT(error->message, Catch::Contains(c.message_part));
  }
  CHECK(parse(std::string("{\"a\": \"x\0y\"}", 12))->offset == 8);
}

TEST_CASE("a lone low surrogate escape is rejected where it stands; pairs are kept", "[json]") {
  // RapidJSON 1.1.0 decodes a lone \uDC00-\uDFFF into bytes that are not UTF-8 (found by
  // fuzz_schema_verdicts); they must never reach a dataset or its output.
  for (const std::string text : {R"({"a": "ab\uDC77cd"})", R"({"k\udfff": 1})", R"(["\uD83D\uDE00", "\uDC00"])",
                                 R"(["\\\uDC00"])"}) {
    INFO(text);
    const auto error = parse(text);
    REQUIRE(error);
    CHECK_THAT(error->message, Catch::Contains("surrogate"));
    CHECK(text.substr(error->offset, 2) == "\\u");
    CHECK(text.substr(error->offset - 1, 1) != "D");  // not the low half of the valid pair
  }
  rapidjson::Document doc;
  REQUIRE_FALSE(parse_json_strict(R"(["\uD83D\uDE00", "\\uDC00", "\uE000"])", doc));
  CHECK(std::string(doc[0].GetString()) == "\xF0\x9F\x98\x80");
  CHECK(std::string(doc[1].GetString()) == "\\uDC00");  // an escaped backslash, then text
}

TEST_CASE("numbers are converted safely, however long", "[json]") {
  // RapidJSON 1.1.0's own conversion read out of bounds on this shape (found by fuzz_loader).
  const std::string long_mantissa = "[" + std::string(300, '5') + "." + std::string(300, '0') + "1e-555]";
  rapidjson::Document doc;
  REQUIRE_FALSE(parse_json_strict(long_mantissa, doc));
  CHECK(doc[0].IsDouble());
  REQUIRE_FALSE(parse_json_strict("[9223372036854775807, 18446744073709551615, -9223372036854775808, 1.5, -0]", doc));
  CHECK(doc[0].GetInt64() == INT64_MAX);
  CHECK(doc[1].GetUint64() == UINT64_MAX);
  CHECK(doc[2].GetInt64() == INT64_MIN);
  CHECK(doc[3].GetDouble() == 1.5);
  CHECK(doc[4].IsInt64());
  REQUIRE_FALSE(parse_json_strict("[18446744073709551616]", doc));  // beyond 64 bits: a double
  CHECK(doc[0].IsDouble());
}

TEST_CASE("a UTF-8 byte-order mark is skipped and positions still count from the file start", "[json]") {
  const std::string text = "\xEF\xBB\xBF{\"a\": [1, }";
  const auto error = parse(text);
  REQUIRE(error);
  const auto at = line_column(text, error->offset);
  CHECK(at.line == 1);
  CHECK(at.column == 11);
  CHECK_FALSE(parse("\xEF\xBB\xBF{\"a\": 1}"));
}

TEST_CASE("nesting a million deep is rejected at the limit, without overflowing the stack", "[json]") {
  const std::size_t depth = 1000000;
  const std::string deep = std::string(depth, '[') + std::string(depth, ']');
  const auto error = parse(deep);
  REQUIRE(error);
  CHECK_THAT(error->message, Catch::Contains("nesting deeper than 1000 levels"));
  CHECK(error->offset == kMaxJsonDepth);  // at the bracket that went one level too deep

  rapidjson::Document doc;
  const std::string at_limit = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  CHECK_FALSE(parse_json_strict(at_limit, doc));
  CHECK(doc.IsArray());
  CHECK(parse(std::string(depth, '[') + std::string(depth - 1, ']')));
}

TEST_CASE("JSON pointers are located at the start of their value", "[json]") {
  const std::string text = R"({
  "entities": [
    {"id": "a", "kind": "person"},
    {"id": "b/c~d", "kind":   "state"}
  ]
})";
  const auto found = locate(text, {"/entities/1/kind", "/entities/0", "/entities/7", "", "/entities/1/id"});
  REQUIRE(found[0]);
  CHECK(text.substr(*found[0], 7) == "\"state\"");
  REQUIRE(found[1]);
  CHECK(text[*found[1]] == '{');
  CHECK(line_column(text, *found[1]).line == 3);
  CHECK_FALSE(found[2]);
  REQUIRE(found[3]);
  CHECK(*found[3] == 0);
  CHECK(text.substr(*found[4], 7) == "\"b/c~d\"");
  CHECK(pointer_join("/entities/1", "b/c~d") == "/entities/1/b~1c~0d");
}
