// Text inside DOT: the body of a double-quoted string, and the text of an HTML-like label
// (<...>), each cut to a display limit in code points with "…" marking the cut. Any name the
// loader accepts comes out as text that `dot` reads without a warning and shows as it was.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace parley::dot {

// The body of a DOT string (no quotes): backslashes and quotes escaped, line breaks as \n,
// tabs as spaces, '&' as "&amp;" (Graphviz decodes HTML entities in labels), other control
// characters and U+FFFE, U+FFFF as U+FFFD.
std::string escape_dot_text(std::string_view text, std::size_t max_characters);

// Text for an HTML-like label: &, <, > and " as entities, line breaks as <BR/>, and the same
// replacements as above.
std::string escape_html_text(std::string_view text, std::size_t max_characters);

}  // namespace parley::dot
