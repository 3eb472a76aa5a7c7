// GEXF 1.3 export of a subgraph, for Gephi: the attributes of the GraphML export (graph_rows.h)
// declared with GEXF's types, and a spell on every dated event (its first to its last day), so
// that Gephi's timeline shows meetings in date order. Actors, places and undated events have no
// spell and stay on screen throughout. See docs/export.md.
#pragma once

#include <iosfwd>

#include "parley/graph/database.h"
#include "parley/query/subgraph.h"

namespace parley {

// Writes the document node by node and edge by edge.
void write_gexf(std::ostream& out, const Database& db, const Subgraph& subgraph);

}  // namespace parley
