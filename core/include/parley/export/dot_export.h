// GraphViz DOT export of a subgraph: one style (shape, colour) per kind of entity and per
// relation type, each event's date and status in its label and its status in its border,
// events in date order, a legend, and labels escaped so that any name the loader accepts
// yields DOT that `dot` accepts without a warning. Output is deterministic: the same subgraph
// gives the same bytes.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "parley/graph/database.h"
#include "parley/query/subgraph.h"

namespace parley {

// What the legend under the title shows: nothing, what is drawn, or every style parley has
// (one key for several figures).
enum class DotLegend { kNone, kCompact, kFull };

struct DotOptions {
  std::string title;                      // drawn at the top; empty for none
  DotLegend legend = DotLegend::kCompact;
  // Draws the events' date order as an axis with a mark at each year (timeline); otherwise the
  // order is kept by invisible edges.
  bool time_axis = false;
  // Graphviz's layout engine, written as the graph's `layout`: "dot" (ranks, the default),
  // "neato" or "sfdp" (force-directed, for large graphs).
  std::string layout = "dot";
};

// Writes the subgraph's DOT to `out` as it is made, some 64 KB at a time: never held whole.
void write_dot(std::ostream& out, const Database& db, const Subgraph& subgraph, const DotOptions& options = {});
// The same DOT as one string (for a drawing, which Graphviz reads whole, and for tests).
std::string to_dot(const Database& db, const Subgraph& subgraph, const DotOptions& options = {});

// `text` as a DOT double-quoted string, quotes included: backslashes and quotes escaped,
// line breaks as \n, other control characters replaced, '&' written as "&amp;" (Graphviz decodes
// HTML entities in labels), and cut to `max_characters` code points with an ellipsis. Graphviz
// rejects a quoted string of 16 KiB or more; the default keeps even a worst case (every
// character escaped to five bytes) well below that.
std::string dot_quote(std::string_view text, std::size_t max_characters = 2000);

}  // namespace parley
