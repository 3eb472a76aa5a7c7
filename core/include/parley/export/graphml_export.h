// GraphML export of a subgraph, readable by NetworkX, igraph, Gephi and yEd. Characters that
// XML 1.0 cannot carry (most C0 controls) are replaced by U+FFFD; see docs/queries.md.
#pragma once

#include <string>
#include <string_view>

#include "parley/graph/database.h"
#include "parley/query/subgraph.h"

namespace parley {

std::string to_graphml(const Database& db, const Subgraph& subgraph);

// `text` escaped for XML 1.0 character data and attribute values.
std::string xml_escape(std::string_view text);

}  // namespace parley
