// GraphViz DOT export of a subgraph: one style (shape, colour) per kind of entity and per
// relation type, a legend, and labels escaped so that any name the loader accepts yields DOT
// that `dot` accepts without a warning. Output is deterministic: the same subgraph gives the
// same bytes.
#pragma once

#include <string>
#include <string_view>

#include "parley/graph/database.h"
#include "parley/query/subgraph.h"

namespace parley {

struct DotOptions {
  std::string title;    // drawn as the graph's label; empty for none
  bool legend = true;   // a legend cluster with the kinds and relation types drawn
};

std::string to_dot(const Database& db, const Subgraph& subgraph, const DotOptions& options = {});

// `text` as a DOT double-quoted string, quotes included: backslashes and quotes escaped,
// line breaks as \n, other control characters replaced, '&' written as "&amp;" (Graphviz decodes
// HTML entities in labels), and cut to `max_characters` code points with an ellipsis. Graphviz
// rejects a quoted string of 16 KiB or more; the default keeps even a worst case (every
// character escaped to five bytes) well below that.
std::string dot_quote(std::string_view text, std::size_t max_characters = 2000);

}  // namespace parley
