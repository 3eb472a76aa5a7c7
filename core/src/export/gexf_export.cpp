#include "parley/export/gexf_export.h"

#include <algorithm>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "export/chunked_writes.h"
#include "parley/export/graph_rows.h"
#include "parley/export/graphml_export.h"

namespace parley {
namespace {

struct Attribute {
  std::string_view title;
  std::string_view type;  // GEXF's: string, integer, double, boolean
};

// Node attributes, in the order each node's <attvalues> lists them; ids are their positions.
constexpr Attribute kNodeAttributes[] = {
    {"entity_id", "string"}, {"kind", "string"},     {"kinds", "string"},     {"date", "string"},
    {"first_day", "string"}, {"last_day", "string"}, {"precision", "string"}, {"status", "string"},
    {"latitude", "double"},  {"longitude", "double"}, {"sources", "string"},  {"citations", "integer"},
    {"evidence", "string"}};

void write_value(std::ostream& out, std::size_t id, std::string_view value) {
  if (value.empty()) return;
  out << "          <attvalue for=\"" << id << "\" value=\"" << xml_escape(value) << "\"/>\n";
}

void write_declarations(std::ostream& out, const GraphRows& rows) {
  out << "    <attributes class=\"node\" mode=\"static\">\n";
  for (std::size_t i = 0; i < std::size(kNodeAttributes); ++i) {
    out << "      <attribute id=\"" << i << "\" title=\"" << kNodeAttributes[i].title << "\" type=\""
        << kNodeAttributes[i].type << "\"/>\n";
  }
  out << "    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n";
  std::vector<Attribute> edge = {{"type", "string"}, {"reading", "string"}, {"backward_reading", "string"}};
  for (const std::string_view property : rows.property_names()) edge.push_back({property, "string"});
  for (const Attribute& a : {Attribute{"counts", "boolean"}, Attribute{"sources", "string"},
                             Attribute{"citations", "integer"}, Attribute{"evidence", "string"}}) {
    edge.push_back(a);
  }
  for (std::size_t i = 0; i < edge.size(); ++i) {
    out << "      <attribute id=\"" << i << "\" title=\"" << edge[i].title << "\" type=\"" << edge[i].type << "\"/>\n";
  }
  out << "    </attributes>\n";
}

void write_node(std::ostream& out, const NodeRow& row) {
  out << "      <node id=\"e" << row.index << "\" label=\"" << xml_escape(row.name) << "\">\n";
  out << "        <attvalues>\n";
  const std::string values[] = {std::string(row.id), std::string(row.kind), joined(row.kinds, ','),
                                row.date, row.first_day, row.last_day, row.precision, row.status,
                                std::string(row.latitude), std::string(row.longitude), joined(row.sources, ','),
                                std::to_string(row.citations), std::string(row.evidence)};
  for (std::size_t i = 0; i < std::size(values); ++i) write_value(out, i, values[i]);
  out << "        </attvalues>\n";
  // Only events play on the timeline: an agreement's date is when it was made, not a time it
  // lasts, and an actor is there throughout.
  const bool is_event = std::find(row.kinds.begin(), row.kinds.end(), "event") != row.kinds.end();
  if (is_event && !row.first_day.empty()) {
    out << "        <spells>\n          <spell start=\"" << row.first_day << "\" end=\"" << row.last_day
        << "\"/>\n        </spells>\n";
  }
  out << "      </node>\n";
}

void write_edge(std::ostream& out, const EdgeRow& row) {
  out << "      <edge id=\"r" << row.index << "\" source=\"e" << row.from << "\" target=\"e" << row.to
      << "\" label=\"" << xml_escape(row.reading) << "\">\n        <attvalues>\n";
  std::size_t id = 0;
  write_value(out, id++, row.type);
  write_value(out, id++, row.reading);
  write_value(out, id++, row.backward_reading);
  for (const std::string_view value : row.properties) write_value(out, id++, value);
  write_value(out, id++, row.counts ? (*row.counts ? "true" : "false") : "");
  write_value(out, id++, joined(row.sources, ','));
  write_value(out, id++, std::to_string(row.citations));
  write_value(out, id++, row.evidence);
  out << "        </attvalues>\n      </edge>\n";
}

}  // namespace

void write_gexf(std::ostream& raw_out, const Database& db, const Subgraph& subgraph) {
  detail::ChunkedWrites out(raw_out);  // chunked_writes.h: a dozen insertions per row
  const GraphRows rows(db);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
         "  <meta>\n    <creator>parley</creator>\n  </meta>\n"
         "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n";
  write_declarations(out, rows);
  out << "    <nodes>\n";
  for (const EntityIndex e : subgraph.entities) write_node(out, rows.node(e));
  out << "    </nodes>\n    <edges>\n";
  for (const RelationIndex r : subgraph.relations) write_edge(out, rows.edge(r));
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace parley
