// The import's fast paths give exactly what the plain code they replace gives: the JSON writer
// what RapidJSON's Writer writes, the word-at-a-time tab split what a byte-by-byte split gives,
// coordinates checked on their digits what strtod decides, the CAMEO table what the codebook
// says, and the mapped input file the lines a line reader hands out.
#include <catch2/catch.hpp>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "import/input_file.h"
#include "import/json_stream.h"
#include "import/line_fields.h"
#include "parley/common/utf8.h"
#include "parley/import/cameo.h"

using namespace parley::import;

namespace {

std::string random_text(std::mt19937& random, std::size_t length, bool any_byte) {
  static const std::string kSome = "ab \t\"\\/\x01\x1f\x7f\xc3\xa9.-0";
  std::string out;
  for (std::size_t i = 0; i < length; ++i) {
    out += any_byte ? static_cast<char>(random() & 0xFF) : kSome[random() % kSome.size()];
  }
  return out;
}

}  // namespace

TEST_CASE("the import's JSON writer writes what RapidJSON's Writer writes", "[import]") {
  std::mt19937 random(11);
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> strings;
    for (int i = 0; i < 13; ++i) strings.push_back(random_text(random, random() % 40, round % 2 == 0));
    rapidjson::StringBuffer expected;
    rapidjson::Writer<rapidjson::StringBuffer> reference(expected);
    std::ostringstream actual;
    {
      JsonStream stream(actual);
      reference.StartObject();
      stream.start_object();
      reference.Key(strings[0].data(), static_cast<rapidjson::SizeType>(strings[0].size()));
      stream.key(strings[0]);
      reference.StartArray();
      stream.start_array();
      for (std::size_t i = 1; i + 1 < strings.size(); i += 2) {
        reference.StartObject();
        stream.start_object();
        reference.Key("k");
        stream.key("k");
        reference.String(strings[i].data(), static_cast<rapidjson::SizeType>(strings[i].size()));
        stream.string(strings[i]);
        reference.EndObject();
        stream.end_object();
        reference.String(strings[i + 1].data(), static_cast<rapidjson::SizeType>(strings[i + 1].size()));
        stream.begin_value();  // the same string written as text
        stream.quoted(strings[i + 1]);
      }
      reference.EndArray();
      stream.end_array();
      reference.EndObject();
      stream.end_object();
    }
    REQUIRE(actual.str() == std::string(expected.GetString(), expected.GetSize()));
    for (const auto& s : strings) {
      rapidjson::StringBuffer one;
      rapidjson::Writer<rapidjson::StringBuffer> writer(one);
      writer.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
      CHECK(JsonStream::quote(s) == std::string(one.GetString(), one.GetSize()));
      CHECK(JsonStream::plain(s) == (JsonStream::quote(s).size() == s.size() + 2));
    }
  }
}

TEST_CASE("tabs found eight bytes at a time split a line as a byte-by-byte split does", "[import]") {
  std::mt19937 random(5);
  std::vector<std::string_view> fields;
  for (int round = 0; round < 2000; ++round) {
    const std::string line = random_text(random, random() % 70, round % 3 == 0);
    std::vector<std::string_view> expected;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i) {
      if (i == line.size() || line[i] == '\t') {
        expected.push_back(std::string_view(line).substr(start, i - start));
        start = i + 1;
      }
    }
    detail::split_tabs(line, fields);
    REQUIRE(fields == expected);
  }
}

TEST_CASE("coordinates checked on their digits are judged as strtod judges them", "[import]") {
  const auto reference = [](const std::string& text, double limit) {
    if (text.empty() || text.find_first_not_of("0123456789+-.eE") != std::string::npos) return false;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size() && std::isfinite(value) && value >= -limit && value <= limit;
  };
  const std::vector<std::string> values = {"0", "-0", "0.0", "89.9999", "90", "90.0", "90.000", "90.0001", "-90",
                                           "-90.00001", "91", "179.5", "180", "-180.0", "180.1", "999", "1000", "5.",
                                           ".5", "-.5", "+5", "1e1", "9e1", "9.1e1", "--5", "-", "1.2.3", "0090",
                                           "-0180.0", "12a", "nan"};
  for (const auto& lat : values) {
    std::string which;
    const bool ok = detail::check_coordinates(lat, "0", which).empty();
    INFO("latitude " << lat);
    CHECK(ok == reference(lat, 90));
    const bool lon_ok = detail::check_coordinates("0", lat, which).empty();
    INFO("longitude " << lat);
    CHECK(lon_ok == reference(lat, 180));
  }
}

TEST_CASE("CAMEO codes are looked up by their digits and length", "[import]") {
  CHECK(cameo_name("042") == std::optional<std::string_view>("Make a visit"));
  CHECK(cameo_name("1951").has_value());
  CHECK(cameo_name("2042") == std::optional<std::string_view>("Detonate nuclear weapons"));
  for (const char* wrong : {"42", "0420", "x42", "", "04", "99999", "0x2", " 042", "04 2"}) {
    INFO(wrong);
    CHECK_FALSE(cameo_name(wrong).has_value());
  }
}

TEST_CASE("UTF-8 checked eight ASCII bytes at a time finds the first bad byte wherever it is", "[import]") {
  for (std::size_t at = 0; at < 40; ++at) {
    std::string text(40, 'a');
    text[at] = static_cast<char>(0xFF);
    CHECK(parley::utf8::first_invalid(text) == at);
    text[at] = static_cast<char>(0xC3);  // a character cut short, or followed by ASCII
    CHECK(parley::utf8::first_invalid(text) == at);
  }
  CHECK(parley::utf8::first_invalid("plain ascii text, long enough for words") == std::string_view::npos);
  CHECK(parley::utf8::first_invalid("caf\xc3\xa9 and m\xc3\xa1s, then more ASCII") == std::string_view::npos);
}

TEST_CASE("an input file, mapped or read from a pipe, gives its lines without line breaks", "[import]") {
  const std::string text = "first\r\nsecond\n\nlast without a break";
  const std::vector<std::string> expected = {"first", "second", "", "last without a break"};
  const auto lines_of = [](InputFile& in) {
    std::vector<std::string> lines;
    std::string_view line;
    while (in.next_line(line)) lines.emplace_back(line);
    return lines;
  };
  const auto dir = std::filesystem::temp_directory_path() / ("parley-input-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "events.tsv").string();
  std::ofstream(path, std::ios::binary) << text;
  {
    InputFile in;
    REQUIRE(in.open(path));
    CHECK(in.size() == text.size());
    CHECK(lines_of(in) == expected);
    CHECK(in.offset() == text.size());
  }
  std::ofstream(path, std::ios::binary | std::ios::trunc);  // empty
  {
    InputFile in;
    REQUIRE(in.open(path));
    CHECK(lines_of(in).empty());
  }
  const std::string fifo = (dir / "pipe").string();
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << text; });
  {
    InputFile in;
    REQUIRE(in.open(fifo));
    CHECK(lines_of(in) == expected);
  }
  writer.join();
  CHECK_FALSE(InputFile().open((dir / "missing").string()));
  std::filesystem::remove_all(dir);
}
