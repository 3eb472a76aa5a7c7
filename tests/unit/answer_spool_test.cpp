// A batch's JSON-lines record carries each answer from a spool (cli/answer_spool.h): the same
// bytes that parsing the answer and writing it again with RapidJSON's Writer gave, without the
// parse, and without holding a large answer in memory.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "answer_spool.h"
#include "runner.h"

using parley::cli::AnswerSpool;

namespace {

// What the record held before: the answer parsed, then written on one line.
std::string parsed_and_written(const std::string& answer) {
  rapidjson::Document document;
  REQUIRE_FALSE(document.Parse(answer.c_str(), answer.size()).HasParseError());
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  document.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string string_written(const std::string& bytes) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.String(bytes.c_str(), static_cast<rapidjson::SizeType>(bytes.size()));
  return std::string(buffer.GetString(), buffer.GetSize());
}

// Fills a spool with `text` in pieces, as a command writes.
void fill(AnswerSpool& spool, const std::string& text) {
  std::ostream out(&spool);
  for (std::size_t at = 0; at < text.size(); at += 1000) out << text.substr(at, 1000);
  out.flush();
}

std::string as_object(AnswerSpool& spool) {
  std::ostringstream out;
  spool.write_json_object(out);
  return out.str();
}

}  // namespace

TEST_CASE("a JSON answer goes into its record as the parse-and-write did, for every kind of answer",
          "[answer-spool]") {
  const std::vector<std::vector<std::string>> queries = {{"who-met", "Abe", "Putin"},
                                                         {"who-met", "Lavrov", "--status", "any"},
                                                         {"who-met", "--all"},
                                                         {"path", "Morgulov", "Shikotan"},
                                                         {"neighbours", "Shikotan", "--depth", "2"},
                                                         {"show", "Sergey Lavrov"},
                                                         {"timeline", "Abe"},
                                                         {"sources"},
                                                         {"stats"},
                                                         {"why", "Kono", "Lavrov"},
                                                         {"check"},
                                                         {"export"},
                                                         {"show", "Shikotan"},
                                                         {"who-met", "Abe", "--rows", "compact"}};
  for (const auto& query : queries) {
    std::vector<std::string> args = query;
    args.insert(args.end(), {"--format", "json"});
    std::ostringstream answer, messages;
    REQUIRE(parley::cli::run_command_line(args, {}, answer, messages).exit_code == 0);
    INFO(query.front() << ": " << answer.str().substr(0, 200));
    AnswerSpool spool;
    fill(spool, answer.str());
    REQUIRE(spool.holds_json_object());
    CHECK(as_object(spool) == parsed_and_written(answer.str()));
  }
}

TEST_CASE("white space inside strings, escapes and nesting survive; only what is between tokens goes",
          "[answer-spool]") {
  const std::string answer =
      "{\n  \"format\": \"parley-answer/1\",\n  \"a b\": \"x \\\" y\\\\\",\n  \"list\": [\n    1,\n    "
      "-2.5,\n"
      "    true,\n    null,\n    {}\n  ],\n  \"empty\": [],\n  \"tab\\t\": \"\\u0001 \xE5\xAE\x89 \"\n}\n";
  AnswerSpool spool;
  fill(spool, answer);
  CHECK(as_object(spool) == parsed_and_written(answer));
}

TEST_CASE("an answer past a megabyte waits in a file and comes back whole", "[answer-spool]") {
  std::string answer = "{\n  \"format\": \"parley-answer/1\",\n  \"rows\": [\n";
  for (int i = 0; answer.size() < 3 * AnswerSpool::kHeldBytes; ++i) {
    answer += "    {\n      \"name\": \"row " + std::to_string(i) +
              " \\\"quoted\\\" \",\n      \"n\": " + std::to_string(i) + "\n    },\n";
  }
  answer += "    {}\n  ]\n}\n";
  AnswerSpool spool;
  fill(spool, answer);
  CHECK(spool.spilled());
  REQUIRE(spool.holds_json_object());
  CHECK(as_object(spool) == parsed_and_written(answer));

  AnswerSpool text;
  fill(text, answer);
  std::ostringstream out;
  text.write_json_string(out);
  CHECK(out.str() == string_written(answer));

  // A batch keeps one spool for every line: once cleared, it holds the next answer alone.
  spool.clear();
  CHECK_FALSE(spool.spilled());
  const std::string next = "{\"format\": \"parley-answer/1\", \"n\": 2}\n";
  fill(spool, next);
  CHECK_FALSE(spool.spilled());
  REQUIRE(spool.holds_json_object());
  CHECK(as_object(spool) == parsed_and_written(next));
}

TEST_CASE("any other answer goes in as a JSON string escaped as RapidJSON escapes it", "[answer-spool]") {
  std::string every_byte;
  for (int c = 0; c < 256; ++c) every_byte += static_cast<char>(c);
  for (const std::string& text : {std::string("usage: parley who-met A [B]\n"), std::string(), every_byte}) {
    AnswerSpool spool;
    fill(spool, text);
    CHECK_FALSE(spool.holds_json_object());
    std::ostringstream out;
    spool.write_json_string(out);
    CHECK(out.str() == string_written(text));
  }
}
