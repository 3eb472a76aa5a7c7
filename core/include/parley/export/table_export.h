// The graph as tables for the tools that load tables: plain CSV (nodes and edges), Neo4j's bulk
// import (`neo4j-admin database import` headers, and a Cypher script that builds the same graph
// with LOAD CSV), and Kuzu (node and relationship table DDL and COPY FROM statements). Each
// format is a few files; each file is written to a stream row by row (graph_rows.h). The columns
// are listed in docs/export.md.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "parley/graph/database.h"
#include "parley/query/subgraph.h"

namespace parley {

enum class TableFormat { kCsv, kNeo4j, kKuzu };

struct ExportFile {
  std::string name;                         // "nodes.csv": a file name, no folder
  std::function<void(std::ostream&)> write;  // writes the whole file
};

// The files of one format, in the order they are best written and read. The functions refer to
// `db` and `subgraph`, which must outlive them.
std::vector<ExportFile> table_export_files(const Database& db, const Subgraph& subgraph, TableFormat format);

// Lists inside one field (kinds, aliases, sources) are joined with this, Neo4j's default array
// delimiter.
inline constexpr char kListDelimiter = ';';

}  // namespace parley
