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

TEST_CASE("an answer begun after another, or inside one, or after one left unfinished, is written whole", "[json-output]") {
  const auto small = [](std::ostream& out) {
    JsonOutput json;
    json.writer().StartObject();
    json.field("id", std::string_view("x"));
    json.writer().EndObject();
    json.print(out);
  };
  std::ostringstream alone;
  small(alone);
  {
    // Left open, as an answer is when its query fails part way.
    JsonOutput unfinished;
    unfinished.writer().StartObject();
    unfinished.key("rows");
    unfinished.writer().StartArray();
    unfinished.string("row");
  }
  std::ostringstream after, inner, outer;
  small(after);
  CHECK(after.str() == alone.str());
  JsonOutput open;
  open.writer().StartObject();
  small(inner);  // a batch line's answer while the batch's own output is open
  open.field("lines", std::uint64_t{1});
  open.writer().EndObject();
  open.print(outer);
  CHECK(inner.str() == alone.str());
  CHECK(outer.str() == "{\n  \"format\": \"parley-answer/1\",\n  \"lines\": 1\n}\n");
  SECTION("after a large answer printed whole, the next is still right") {
    JsonOutput large;
    write_rows(large, nullptr);
    std::ostringstream ignored;
    large.print(ignored);
  }
  std::ostringstream last;
  small(last);
  CHECK(last.str() == alone.str());
}
