// Text that is safe to show on a terminal. Names, roles, quotes and the words a user typed can
// hold anything: an ESC (ESC ] 0 ; ... BEL retitles a window, other sequences rewrite the screen
// or the clipboard), a C1 control (U+009B is a CSI by itself on some terminals), or a bidi
// override that makes a line read backwards. Everything parley prints for people goes through
// this escaping, so that such text is shown, never obeyed. Machine formats (JSON, DOT, GraphML)
// keep names exact: JSON escapes controls itself, DOT and GraphML replace them.
#pragma once

#include <string>
#include <string_view>

namespace parley {

// True for a code point that escape_for_terminal() writes as an escape: C0 controls except line
// feed, DEL, C1 controls, and the bidi formatting characters (U+061C, U+200E, U+200F,
// U+202A–U+202E, U+2066–U+2069).
bool is_terminal_control(char32_t c);

// True when `text` holds such a code point or invalid UTF-8, i.e. when escaping would change it.
bool needs_terminal_escaping(std::string_view text);

// `text` with each of those written as a visible escape: "\t", "\r", "\x1b" for C0 and DEL,
// "\u009b" for C1 and "\u202e" for bidi controls; each byte of invalid UTF-8 as "\xff". Line
// feeds are kept: they end the lines of an answer. The result is printable ASCII and valid
// UTF-8 apart from the line feeds, so escaping twice changes nothing more than once. (A "\u"
// escape inside a JSON string means the same character, so JSON that passes through still
// reads the same.)
std::string escape_for_terminal(std::string_view text);

// The same escaping for text that arrives in pieces (an output stream's buffer), where a
// UTF-8 sequence may be split between two pieces.
class TerminalEscaper {
 public:
  // Appends the escaped form of `piece` to `out`; keeps an unfinished sequence for later.
  void feed(std::string_view piece, std::string& out);
  // Appends whatever is kept (an unfinished sequence, escaped as invalid bytes).
  void finish(std::string& out);

 private:
  std::string pending_;  // at most three bytes of an unfinished UTF-8 sequence
};

// `value` with each line feed written as "\n", so that a value spans exactly one line of an
// answer whatever it holds (escape_for_terminal keeps line feeds, which end an answer's lines).
std::string single_line(std::string_view value);

// `value` for a message, on one line (single_line): whole when it has at most `max_characters` code points, otherwise its
// first ones followed by "..." and how long it was ("... (10485760 bytes)"), so that a 10 MB
// value is named, not echoed. Cuts between code points.
std::string shorten_for_message(std::string_view value, std::size_t max_characters = 80);

}  // namespace parley
