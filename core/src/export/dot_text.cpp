#include "export/dot_text.h"

#include "parley/common/utf8.h"

namespace parley::dot {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";     // U+2026

// The loader guarantees valid UTF-8; a malformed byte still decodes (to U+FFFD, one byte long,
// see utf8.h) so that the output stays valid UTF-8, which `dot` insists on.
using utf8::CodePoint;
using utf8::decode;

bool is_control(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

// Noncharacters that would make the SVG that `dot` writes ill-formed XML.
bool is_xml_noncharacter(char32_t c) { return c == 0xFFFE || c == 0xFFFF; }

// Appends one code point's escaped form. A CR before a LF is dropped, so that a CR LF pair
// gives one line break and not two.
void append_escaped(std::string& out, std::string_view bytes, char32_t c, bool line_feed_follows) {
  switch (c) {
    // Graphviz reads \N, \G, \l and the like inside labels: every backslash is doubled, which
    // also keeps a trailing backslash from escaping the closing quote.
    case '\\': out += "\\\\"; return;
    case '"': out += "\\\""; return;
    case '\n': out += "\\n"; return;
    case '\r':
      if (!line_feed_follows) out += "\\n";
      return;
    case '\t': out += ' '; return;
    // Graphviz decodes HTML entities in labels: "&amp;" in a name must not show as "&".
    case '&': out += "&amp;"; return;
    default: break;
  }
  if (is_control(c) || is_xml_noncharacter(c)) {
    out += utf8::kReplacement;
  } else {
    out += bytes;
  }
}

bool longer_than(std::string_view text, std::size_t max_characters) {
  std::size_t count = 0;
  for (std::size_t at = 0; at < text.size(); at += decode(text, at).length) {
    if (++count > max_characters) return true;
  }
  return false;
}

// Escapes `text` with `append`, cut to `max_characters` code points, the ellipsis included.
template <typename Append>
std::string escape_cut(std::string_view text, std::size_t max_characters, Append append) {
  const bool cut = longer_than(text, max_characters);
  const std::size_t keep = cut && max_characters > 0 ? max_characters - 1 : max_characters;
  std::string out;
  out.reserve(text.size() + 8);
  std::size_t at = 0;
  for (std::size_t kept = 0; at < text.size() && kept < keep; ++kept) {
    const CodePoint c = decode(text, at);
    const std::size_t after = at + c.length;
    append(out, text.substr(at, c.length), c.value, after < text.size() && text[after] == '\n');
    at = after;
  }
  if (cut && max_characters > 0) out += kEllipsis;
  return out;
}

// One code point of an HTML-like label: the markup characters as entities, line breaks as
// <BR/>, and the characters a quoted label refuses replaced the same way.
void append_html_escaped(std::string& out, std::string_view bytes, char32_t c, bool line_feed_follows) {
  switch (c) {
    case '&': out += "&amp;"; return;
    case '<': out += "&lt;"; return;
    case '>': out += "&gt;"; return;
    case '"': out += "&quot;"; return;
    case '\n': out += "<BR/>"; return;
    case '\r':
      if (!line_feed_follows) out += "<BR/>";
      return;
    case '\t': out += ' '; return;
    default: break;
  }
  if (is_control(c) || is_xml_noncharacter(c)) {
    out += utf8::kReplacement;
  } else {
    out += bytes;
  }
}

}  // namespace

std::string escape_dot_text(std::string_view text, std::size_t max_characters) {
  return escape_cut(text, max_characters, append_escaped);
}

std::string escape_html_text(std::string_view text, std::size_t max_characters) {
  return escape_cut(text, max_characters, append_html_escaped);
}

}  // namespace parley::dot
