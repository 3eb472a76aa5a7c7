// GraphML export of a subgraph, readable by NetworkX, igraph, Gephi and yEd, with typed
// attributes (graph_rows.h): kinds, dates as first and last day with their precision, status,
// readings, properties, sources and the kind of evidence. Characters that XML 1.0 cannot carry
// (most C0 controls) are replaced by U+FFFD; see docs/export.md.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "parley/graph/database.h"
#include "parley/query/subgraph.h"

namespace parley {

// Writes the document node by node and edge by edge.
void write_graphml(std::ostream& out, const Database& db, const Subgraph& subgraph);
std::string to_graphml(const Database& db, const Subgraph& subgraph);

// `text` escaped for XML 1.0 character data and attribute values.
std::string xml_escape(std::string_view text);

}  // namespace parley
