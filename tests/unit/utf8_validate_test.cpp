#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include <rapidjson/encodings.h>
#include <rapidjson/stringbuffer.h>

#include "load/json_reader.h"
#include "common/utf8_validate.h"

using parley::detail::is_valid_utf8;

namespace {

// The reference: RapidJSON's own check, applied sequence after sequence as it is to the bytes
// of a string. It may read up to three bytes past a truncated sequence, so the copy is padded.
bool rapidjson_accepts(const std::string& bytes) {
  const std::string padded = bytes + std::string(4, '\0');
  rapidjson::StringStream in(padded.c_str());
  rapidjson::StringBuffer out;
  while (in.Tell() < bytes.size()) {
    if (!rapidjson::UTF8<>::Validate(in, out)) return false;
  }
  return in.Tell() == bytes.size();  // a truncated sequence ran into the padding
}

// Every byte value that starts or ends a range RapidJSON's table tells apart.
const std::vector<unsigned char> kBoundaries = {0x00, 0x22, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0,
                                                0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED,
                                                0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};

void check_agrees(const std::string& bytes) {
  if (is_valid_utf8(bytes) != rapidjson_accepts(bytes)) {
    std::string hex;
    for (const unsigned char b : bytes) hex += std::to_string(b) + " ";
    FAIL("verdicts differ on bytes " << hex);
  }
}

}  // namespace

TEST_CASE("UTF-8 validation agrees with RapidJSON on every one- and two-byte sequence", "[utf8]") {
  for (unsigned a = 0; a < 256; ++a) {
    check_agrees(std::string(1, static_cast<char>(a)));
    for (unsigned b = 0; b < 256; ++b) check_agrees({static_cast<char>(a), static_cast<char>(b)});
  }
}

TEST_CASE("UTF-8 validation agrees with RapidJSON on three- and four-byte sequences", "[utf8]") {
  for (unsigned a = 0; a < 256; ++a) {
    for (const unsigned char b : kBoundaries) {
      for (const unsigned char c : kBoundaries) {
        check_agrees({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)});
        for (const unsigned char d : kBoundaries) {
          check_agrees({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c), static_cast<char>(d)});
        }
      }
    }
  }
}

TEST_CASE("UTF-8 validation names the classic invalid forms", "[utf8]") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("plain ASCII, longer than one eight-byte word"));
  CHECK(is_valid_utf8("\xC3\xA9 \xE3\x81\x82 \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF"));  // é あ 😀 U+10FFFF
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));              // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));          // overlong, three bytes
  CHECK_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));      // overlong, four bytes
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));          // U+D800, a surrogate
  CHECK_FALSE(is_valid_utf8("\xED\xBF\xBF"));          // U+DFFF
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));      // U+110000
  CHECK_FALSE(is_valid_utf8("abcdefgh\xE3\x81"));      // truncated at the end
  CHECK_FALSE(is_valid_utf8("\x80"));                  // a lone continuation byte
  CHECK_FALSE(is_valid_utf8("\xFF"));
}

TEST_CASE("UTF-8 validation agrees with RapidJSON on random bytes among ASCII runs", "[utf8]") {
  std::mt19937 random(20261126);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> length(0, 24);
  for (int round = 0; round < 200000; ++round) {
    // ASCII runs of any length put the other bytes at every alignment of the word-wide skip.
    std::string bytes(static_cast<std::size_t>(length(random)), 'a');
    const int tail = length(random) % 6;
    for (int i = 0; i < tail; ++i) {
      // Mostly bytes from the table's boundaries, where mistakes would be.
      bytes += static_cast<char>(round % 3 ? kBoundaries[static_cast<std::size_t>(byte(random)) % kBoundaries.size()]
                                           : byte(random));
    }
    bytes += std::string(static_cast<std::size_t>(length(random)), 'z');
    check_agrees(bytes);
  }
}

TEST_CASE("strict parsing reports invalid UTF-8 exactly as RapidJSON's own check does", "[utf8][json]") {
  using parley::detail::parse_json_strict;
  rapidjson::Document doc;
  // In a string: RapidJSON names the sequence's first byte.
  auto error = parse_json_strict("{\"key\": \"ok \xC3\x28 after\"}", doc);
  REQUIRE(error);
  CHECK(error->message == "Invalid encoding in string.");
  CHECK(error->offset == 12);
  // Outside a string RapidJSON never checks encoding, so the error is a syntax error.
  error = parse_json_strict("{\"key\": 1 \xFF}", doc);
  REQUIRE(error);
  CHECK(error->message == "Missing a comma or '}' after an object member.");
  CHECK(error->offset == 10);
  // Valid text parses to the same bytes.
  REQUIRE_FALSE(parse_json_strict("{\"\xC3\xA9\": \"\xF0\x9F\x98\x80\"}", doc));
  CHECK(std::string(doc["\xC3\xA9"].GetString()) == "\xF0\x9F\x98\x80");
}
