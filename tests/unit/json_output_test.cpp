// cli/json_output.h: an answer flushed to its stream as it is written is the same text as one
// built whole, and memory holds only what has not been handed on.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "json_output.h"

using parley::cli::JsonOutput;

namespace {

// A large answer: rows of nested objects and arrays, as neighbours and who-met write them.
void write_rows(JsonOutput& json, std::ostream* flush_to) {
  auto& w = json.writer();
  w.StartObject();
  json.key("rows");
  w.StartArray();
  for (std::uint64_t i = 0; i < 5000; ++i) {
    w.StartObject();
    json.field("id", "row-" + std::to_string(i));
    json.field("n", i);
    json.key("sources");
    w.StartArray();
    json.string("a quote with \"quotes\" and é");
    w.EndArray();
    w.EndObject();
    if (flush_to) json.flush(*flush_to);
  }
  w.EndArray();
  json.field("done", true);
  w.EndObject();
}

}  // namespace

TEST_CASE("a flushed JSON answer is byte for byte the answer built whole", "[json-output]") {
  std::ostringstream whole, streamed;
  JsonOutput built;
  write_rows(built, nullptr);
  built.print(whole);
  JsonOutput flushed;
  write_rows(flushed, &streamed);
  // Most of the text left before the end: the rows were handed on as they were made.
  CHECK(streamed.str().size() > whole.str().size() / 2);
  flushed.print(streamed);
  CHECK(whole.str().size() > 200 * 1024);
  CHECK(streamed.str() == whole.str());
}

TEST_CASE("a small JSON answer is written only at the end", "[json-output]") {
  std::ostringstream out;
  JsonOutput json;
  json.writer().StartObject();
  json.field("id", std::string_view("x"));
  json.flush(out);
  CHECK(out.str().empty());
  json.writer().EndObject();
  json.print(out);
  CHECK(out.str() == "{\n  \"format\": \"parley-answer/1\",\n  \"id\": \"x\"\n}\n");
}
