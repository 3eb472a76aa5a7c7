#include "parley/export/table_export.h"

#include <cctype>
#include <ostream>
#include <set>
#include <string_view>

#include "parley/export/csv.h"
#include "parley/export/graph_rows.h"

namespace parley {
namespace {

// The type of a column, named by each tool.
enum class ColumnType { kString, kStringList, kDate, kDouble, kInteger, kBoolean };

struct Column {
  std::string name;
  ColumnType type = ColumnType::kString;
};

std::string_view neo4j_type(ColumnType type) {
  switch (type) {
    case ColumnType::kStringList: return "string[]";
    case ColumnType::kDate: return "date";
    case ColumnType::kDouble: return "double";
    case ColumnType::kInteger: return "long";
    case ColumnType::kBoolean: return "boolean";
    case ColumnType::kString: break;
  }
  return "string";
}

std::string_view kuzu_type(ColumnType type) {
  switch (type) {
    case ColumnType::kDate: return "DATE";
    case ColumnType::kDouble: return "DOUBLE";
    case ColumnType::kInteger: return "INT64";
    case ColumnType::kBoolean: return "BOOLEAN";
    case ColumnType::kString:
    case ColumnType::kStringList: break;  // a list stays one string, joined with ';' (docs/export.md)
  }
  return "STRING";
}

// The columns after a node's id (and, for Neo4j, its labels).
const std::vector<Column>& node_columns() {
  static const std::vector<Column> columns = {
      {"name", ColumnType::kString},       {"kind", ColumnType::kString},        {"kinds", ColumnType::kStringList},
      {"meeting_role", ColumnType::kString}, {"aliases", ColumnType::kStringList}, {"date", ColumnType::kString},
      {"first_day", ColumnType::kDate},    {"last_day", ColumnType::kDate},      {"precision", ColumnType::kString},
      {"status", ColumnType::kString},     {"latitude", ColumnType::kDouble},    {"longitude", ColumnType::kDouble},
      {"sources", ColumnType::kStringList}, {"citations", ColumnType::kInteger}, {"evidence", ColumnType::kString}};
  return columns;
}

// The columns after an edge's ends and type: readings, one per schema property, then the rest.
std::vector<Column> edge_columns(const GraphRows& rows) {
  std::vector<Column> columns = {{"reading", ColumnType::kString}, {"backward_reading", ColumnType::kString}};
  for (const std::string_view property : rows.property_names()) columns.push_back({std::string(property), ColumnType::kString});
  for (const Column& c : {Column{"counts", ColumnType::kBoolean}, Column{"sources", ColumnType::kStringList},
                          Column{"citations", ColumnType::kInteger}, Column{"evidence", ColumnType::kString}}) {
    columns.push_back(c);
  }
  return columns;
}

// Kuzu names a relationship's ends FROM and TO, so a property called "from" (start of validity)
// or "to" cannot be a column of that name there: it becomes "property_from".
std::string kuzu_column_name(const std::string& name) {
  std::string lower = name;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "from" || lower == "to" ? "property_" + name : name;
}

std::string header_name(const Column& column, TableFormat format) {
  if (format == TableFormat::kNeo4j) return column.name + ":" + std::string(neo4j_type(column.type));
  return column.name;
}

void write_node_values(CsvWriter& csv, const NodeRow& row) {
  csv.field(row.name).field(row.kind).field(joined(row.kinds, kListDelimiter)).field(row.meeting_role);
  csv.field(joined(row.aliases, kListDelimiter));
  csv.field(row.date).field(row.first_day).field(row.last_day).field(row.precision).field(row.status);
  csv.field(row.latitude).field(row.longitude).field(joined(row.sources, kListDelimiter));
  csv.field(std::to_string(row.citations)).field(row.evidence);
}

void write_edge_values(CsvWriter& csv, const EdgeRow& row) {
  csv.field(row.reading).field(row.backward_reading);
  for (const std::string_view value : row.properties) csv.field(value);
  csv.field(row.counts ? (*row.counts ? "true" : "false") : "");
  csv.field(joined(row.sources, kListDelimiter)).field(std::to_string(row.citations)).field(row.evidence);
}

void write_nodes(std::ostream& out, const Database& db, const Subgraph& subgraph, TableFormat format) {
  const GraphRows rows(db);
  CsvWriter csv(out);
  csv.field(format == TableFormat::kNeo4j ? "id:ID" : "id");
  if (format == TableFormat::kNeo4j) csv.field(":LABEL");
  for (const Column& column : node_columns()) csv.field(header_name(column, format));
  csv.end_row();
  for (const EntityIndex e : subgraph.entities) {
    const NodeRow row = rows.node(e);
    csv.field(row.id);
    // Every kind from the entity's own up to "entity", so that (n:gathering) finds meetings.
    if (format == TableFormat::kNeo4j) csv.field(joined(row.kinds, kListDelimiter));
    write_node_values(csv, row);
    csv.end_row();
  }
}

void write_edges(std::ostream& out, const Database& db, const Subgraph& subgraph, TableFormat format) {
  const GraphRows rows(db);
  CsvWriter csv(out);
  if (format == TableFormat::kNeo4j) {
    csv.field(":START_ID").field(":END_ID").field(":TYPE");
  } else {
    csv.field("from_id").field("to_id").field("type");
  }
  for (const Column& column : edge_columns(rows)) {
    csv.field(format == TableFormat::kKuzu ? kuzu_column_name(column.name) : header_name(column, format));
  }
  csv.end_row();
  for (const RelationIndex r : subgraph.relations) {
    const EdgeRow row = rows.edge(r);
    csv.field(row.from_id).field(row.to_id).field(row.type);
    write_edge_values(csv, row);
    csv.end_row();
  }
}

// A name as a Cypher identifier in backquotes, which every name may be (a backquote doubled).
std::string quoted_name(std::string_view name) {
  std::string out = "`";
  for (const char c : name) {
    if (c == '`') out += '`';
    out += c;
  }
  return out + "`";
}

// A Cypher string literal in single quotes.
std::string cypher_string(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

// How LOAD CSV's text (null for an empty field) becomes the column's value.
std::string cypher_value(const Column& column) {
  const std::string field = "row." + quoted_name(header_name(column, TableFormat::kNeo4j));
  switch (column.type) {
    case ColumnType::kStringList: return "split(" + field + ", '" + std::string(1, kListDelimiter) + "')";
    case ColumnType::kDate: return "date(" + field + ")";
    case ColumnType::kDouble: return "toFloat(" + field + ")";
    case ColumnType::kInteger: return "toInteger(" + field + ")";
    case ColumnType::kBoolean: return "toBoolean(" + field + ")";
    case ColumnType::kString: break;
  }
  return field;
}

std::string property_map(const std::vector<Column>& columns) {
  std::string out;
  for (const Column& column : columns) {
    if (!out.empty()) out += ",\n    ";
    out += quoted_name(column.name) + ": " + cypher_value(column);
  }
  return out;
}

// Builds with LOAD CSV the graph that neo4j-admin builds from the same two files: the same
// labels, types and typed properties. One statement per kind and per relation type, because
// plain Cypher cannot take a label or a type from a field.
void write_neo4j_cypher(std::ostream& out, const Database& db, const Subgraph& subgraph) {
  const GraphRows rows(db);
  const RelationSchema& schema = db.schema();
  const Dataset& data = db.dataset();
  out << "// The graph of nodes.csv and relationships.csv, built with LOAD CSV: the same labels, types and\n"
         "// properties as `neo4j-admin database import` gives. For small data; put both files in Neo4j's\n"
         "// import folder and run this with cypher-shell -f. Written by parley export --format neo4j.\n"
         "CREATE CONSTRAINT parley_entity_id IF NOT EXISTS FOR (n:entity) REQUIRE n.id IS UNIQUE;\n\n";
  std::set<KindId> kinds;
  for (const EntityIndex e : subgraph.entities) kinds.insert(data.entities[e].kind);
  for (const KindId kind : kinds) {
    std::string labels;
    for (std::optional<KindId> k = kind; k; k = schema.kind(*k).parent) labels += ":" + quoted_name(schema.kind(*k).name);
    out << "LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row\nWITH row WHERE row.`kind:string` = "
        << cypher_string(schema.kind(kind).name) << "\nCREATE (n" << labels << " {\n    `id`: row.`id:ID`,\n    "
        << property_map(node_columns()) << "});\n\n";
  }
  std::set<RelationTypeId> types;
  for (const RelationIndex r : subgraph.relations) types.insert(data.relations[r].type);
  const std::string edge_properties = property_map(edge_columns(rows));
  for (const RelationTypeId type : types) {
    const std::string& name = schema.relation_type(type).name;
    out << "LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row\nWITH row WHERE row.`:TYPE` = "
        << cypher_string(name)
        << "\nMATCH (a:entity {id: row.`:START_ID`}), (b:entity {id: row.`:END_ID`})\nCREATE (a)-[:" << quoted_name(name)
        << " {\n    " << edge_properties << "}]->(b);\n\n";
  }
}

std::string kuzu_columns(const std::vector<Column>& columns) {
  std::string out;
  for (const Column& column : columns) {
    out += ", " + quoted_name(kuzu_column_name(column.name)) + " " + std::string(kuzu_type(column.type));
  }
  return out;
}

void write_kuzu_schema(std::ostream& out, const Database& db) {
  const GraphRows rows(db);
  out << "// Kuzu tables for nodes.csv and edges.csv; copy.cypher loads them. Lists (kinds, aliases,\n"
         "// sources) are one string joined with ';': string_split(n.kinds, ';') makes a list of it.\n"
         "// Written by parley export --format kuzu.\n"
      << "CREATE NODE TABLE Entity(`id` STRING" << kuzu_columns(node_columns()) << ", PRIMARY KEY (`id`));\n"
      << "CREATE REL TABLE Relation(FROM Entity TO Entity, `type` STRING" << kuzu_columns(edge_columns(rows)) << ");\n";
}

bool has_line_break(std::string_view text) { return text.find_first_of("\r\n") != std::string_view::npos; }

// True when a field of the tables will hold a line break inside its quotes.
bool any_line_break(const Database& db, const Subgraph& subgraph) {
  const Dataset& data = db.dataset();
  for (const EntityIndex e : subgraph.entities) {
    const Entity& entity = data.entities[e];
    if (has_line_break(entity.id) || has_line_break(entity.name)) return true;
    for (const Alias& alias : entity.aliases) {
      if (has_line_break(alias.name)) return true;
    }
    for (const Attribute& attribute : entity.attributes) {
      if (has_line_break(attribute.value)) return true;
    }
  }
  for (const RelationIndex r : subgraph.relations) {
    for (const PropertyValue& p : data.relations[r].properties) {
      if (has_line_break(p.value)) return true;
    }
  }
  for (const Source& source : data.sources) {
    if (has_line_break(source.id)) return true;
  }
  return false;
}

void write_kuzu_copy(std::ostream& out, bool line_breaks) {
  out << "// Run from the folder that holds the CSV files, after schema.cypher.\n";
  // Kuzu's parallel CSV reader rejects a line break inside quotes; its serial one reads it.
  const std::string_view options = line_breaks ? "(HEADER=true, PARALLEL=false)" : "(HEADER=true)";
  if (line_breaks) out << "// Some names hold line breaks, which only Kuzu's serial CSV reader takes.\n";
  out << "COPY Entity FROM 'nodes.csv' " << options << ";\n"
      << "COPY Relation FROM 'edges.csv' " << options << ";\n";
}

}  // namespace

std::vector<ExportFile> table_export_files(const Database& db, const Subgraph& subgraph, TableFormat format) {
  const auto nodes = [&db, &subgraph, format](std::ostream& out) { write_nodes(out, db, subgraph, format); };
  const auto edges = [&db, &subgraph, format](std::ostream& out) { write_edges(out, db, subgraph, format); };
  switch (format) {
    case TableFormat::kNeo4j:
      return {{"nodes.csv", nodes},
              {"relationships.csv", edges},
              {"load_csv.cypher", [&db, &subgraph](std::ostream& out) { write_neo4j_cypher(out, db, subgraph); }}};
    case TableFormat::kKuzu:
      return {{"schema.cypher", [&db](std::ostream& out) { write_kuzu_schema(out, db); }},
              {"copy.cypher",
               [&db, &subgraph](std::ostream& out) { write_kuzu_copy(out, any_line_break(db, subgraph)); }},
              {"nodes.csv", nodes},
              {"edges.csv", edges}};
    case TableFormat::kCsv: break;
  }
  return {{"nodes.csv", nodes}, {"edges.csv", edges}};
}

}  // namespace parley
