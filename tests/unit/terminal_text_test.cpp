// What parley prints for people is escaped (parley/common/terminal_text.h): these cases pin
// which characters are written as escapes, and how.
#include <catch2/catch.hpp>

#include <iomanip>
#include <sstream>

#include "parley/common/terminal_text.h"
#include "terminal_stream.h"

using parley::escape_for_terminal;
using parley::needs_terminal_escaping;
using parley::shorten_for_message;

TEST_CASE("controls a terminal would obey are written as escapes", "[terminal-text]") {
  struct Case {
    std::string text;
    std::string shown;
  };
  const Case cases[] = {
      {"Shinzo Abe", "Shinzo Abe"},
      {"Сергей Лавров 安倍晋三 مرحبا", "Сергей Лавров 安倍晋三 مرحبا"},
      {"line one\nline two", "line one\nline two"},  // line feeds end an answer's lines
      {"Abe\x1b]0;pwn\x07", "Abe\\x1b]0;pwn\\x07"},  // issue 16's window title
      {"\x1b[2J\x1b[H", "\\x1b[2J\\x1b[H"},
      {"tab\there", "tab\\there"},
      {"over\rwrite", "over\\rwrite"},
      {std::string("nul\0byte", 8), "nul\\x00byte"},
      {"del\x7f", "del\\x7f"},
      {"c1 \xC2\x9B" "31m \xC2\x85", "c1 \\u009b31m \\u0085"},
      {"\xE2\x80\xAE" "evil\xE2\x80\xAC", "\\u202eevil\\u202c"},
      {"\xE2\x81\xA6iso\xE2\x81\xA9 \xE2\x80\x8F \xD8\x9C", "\\u2066iso\\u2069 \\u200f \\u061c"},
      {"bad \xFF\xFE utf-8 \xE2\x80", "bad \\xff\\xfe utf-8 \\xe2\\x80"},
      {"zero\xE2\x80\x8Bwidth \xC2\xA0nbsp", "zero\xE2\x80\x8Bwidth \xC2\xA0nbsp"},  // invisible, not obeyed
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(escape_for_terminal(c.text) == c.shown);
    CHECK(needs_terminal_escaping(c.text) == (c.text != c.shown && c.text.find('\n') == std::string::npos));
    CHECK(escape_for_terminal(c.shown) == c.shown);  // escaping twice changes nothing more
  }
}

TEST_CASE("every single byte is escaped or kept alike wherever it falls in a run of plain text", "[terminal-text]") {
  // Plain ASCII is checked eight bytes at a time: a byte that needs a look must be found in any
  // of the eight places of a word, and at the ragged end past the last whole word.
  const auto expected = [](unsigned char byte) -> std::string {
    if (byte == '\n' || (byte >= 0x20 && byte < 0x7F)) return std::string(1, static_cast<char>(byte));
    if (byte == '\t') return "\\t";
    if (byte == '\r') return "\\r";
    constexpr char kHex[] = "0123456789abcdef";
    return std::string("\\x") + kHex[byte >> 4] + kHex[byte & 0xF];  // controls, and a lone byte of 0x80 and above
  };
  for (int value = 0; value < 256; ++value) {
    const auto byte = static_cast<unsigned char>(value);
    for (std::size_t at = 0; at < 21; ++at) {
      std::string text(21, 'a');
      text[at] = static_cast<char>(byte);
      INFO("byte " << value << " at " << at);
      CHECK(escape_for_terminal(text) == std::string(at, 'a') + expected(byte) + std::string(20 - at, 'a'));
    }
  }
}

TEST_CASE("a stream escapes text split anywhere, even inside a character", "[terminal-text]") {
  const std::string text = "a\xE2\x80\xAE" "b\xC2\x9B" "c\x1b" "d Лавров \xF0\x9F\x98\x80 \xE2\x80";
  for (std::size_t split = 0; split <= text.size(); ++split) {
    std::ostringstream target;
    {
      parley::cli::TerminalStream stream(target);
      stream << text.substr(0, split);
      stream << text.substr(split);
      stream.finish();
    }
    INFO("split at byte " << split);
    CHECK(target.str() == escape_for_terminal(text));
  }
}

TEST_CASE("a stream that keeps its text keeps it as written, whole, while the terminal gets it escaped", "[terminal-text]") {
  const std::string text = "no entity is called \"Lav\x1b[31mrov\"\n";
  std::ostringstream target;
  std::string kept;
  {
    parley::cli::TerminalStream stream(target, &kept);
    stream << text.substr(0, 25);
    stream.put(text[25]);
    stream << text.substr(26);
    stream.finish();
  }
  CHECK(kept == text);
  CHECK(target.str() == escape_for_terminal(text));
  CHECK(target.str() != text);
}

TEST_CASE("a value is shown on one line, its line feeds written as \\n", "[terminal-text]") {
  CHECK(parley::single_line("one\ntwo\n") == "one\\ntwo\\n");
  CHECK(parley::single_line("plain") == "plain");
  // Messages quote what people typed on one line too, whole or shortened.
  CHECK(shorten_for_message("a\nb") == "a\\nb");
  CHECK(shorten_for_message(std::string(100, '\n'), 2) == "\\n\\n... (100 bytes)");
}

TEST_CASE("long values are quoted shortened", "[terminal-text]") {
  CHECK(shorten_for_message("short") == "short");
  const std::string huge(10 * 1024 * 1024, 'k');
  const std::string shown = shorten_for_message(huge);
  CHECK(shown == std::string(80, 'k') + "... (10485760 bytes)");
  // Cut between characters, never inside one.
  CHECK(shorten_for_message("ЖЖЖЖ", 2) == "ЖЖ... (8 bytes)");
}

TEST_CASE("a stream given a new target writes as a stream just made would", "[terminal-text]") {
  std::ostringstream first, second, fresh;
  std::string kept_first, kept_second;
  parley::cli::TerminalStream stream(first, &kept_first);
  // The first target's line leaves formatting, a failed state and half a character behind.
  stream << std::hex << std::left << std::setfill('*') << std::setw(6) << 255 << std::setprecision(2) << 3.14159 << "\xE2\x80";
  stream.setstate(std::ios_base::failbit);
  stream.finish();
  stream.retarget(second, &kept_second);
  const auto line = [](std::ostream& out) { out << std::setw(4) << 42 << ' ' << 3.14159 << " Лавров\n"; };
  line(stream);
  stream.finish();
  parley::cli::TerminalStream made(fresh);
  line(made);
  made.finish();
  CHECK(second.str() == fresh.str());
  CHECK(kept_second == fresh.str());
  CHECK(kept_first.find("Лавров") == std::string::npos);
  CHECK(first.str().find("42") == std::string::npos);
}
