#include "parley/export/graphml_export.h"

#include "parley/common/utf8.h"
#include "export/chunked_writes.h"
#include "parley/export/graph_rows.h"

#include <ostream>
#include <sstream>
#include <vector>

namespace parley {
namespace {


// The length of the well-formed sequence at `at`, or 0. The loader guarantees valid UTF-8;
// this only keeps a broken promise from producing a file that no XML parser reads.
std::size_t valid_sequence_at(std::string_view text, std::size_t at) {
  const utf8::CodePoint c = utf8::decode(text, at);
  return c.valid ? c.length : 0;
}

// U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML 1.0 characters.
bool is_xml_noncharacter(std::string_view sequence) {
  return sequence == "\xEF\xBF\xBE" || sequence == "\xEF\xBF\xBF";
}

// Escapes an ASCII character, or returns false when it needs none.
bool append_escaped_ascii(std::string& out, char c) {
  switch (c) {
    case '&': out += "&amp;"; return true;
    case '<': out += "&lt;"; return true;
    case '>': out += "&gt;"; return true;
    case '"': out += "&quot;"; return true;
    case '\'': out += "&apos;"; return true;
    // As references, because parsers normalise literal ones: CR to LF anywhere, and tab and
    // line breaks to spaces in attribute values.
    case '\t': out += "&#9;"; return true;
    case '\n': out += "&#10;"; return true;
    case '\r': out += "&#13;"; return true;
    default: break;
  }
  if (static_cast<unsigned char>(c) < 0x20) {
    out += utf8::kReplacement;  // XML 1.0 cannot carry these, not even as references
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Document

enum class Domain { kNode, kEdge };

struct Key {
  std::string id;
  Domain domain;
  std::string name;
  std::string_view type;  // GraphML's attr.type: string, int, double or boolean
};

// Every key a document declares, in order: the same for every answer, so that a reader's
// attribute names do not depend on which rows an answer happens to have. The entity's id is an
// attribute named "entity_id", not "id": igraph keeps GraphML node ids in a vertex attribute "id"
// and drops them, with a warning, when the file declares one too. Key ids are unique across
// nodes and edges (node "status", edge "p_status"); attr.name is what readers show.
std::vector<Key> document_keys(const GraphRows& rows) {
  std::vector<Key> keys = {
      {"entity_id", Domain::kNode, "entity_id", "string"}, {"name", Domain::kNode, "name", "string"},
      {"kind", Domain::kNode, "kind", "string"},           {"kinds", Domain::kNode, "kinds", "string"},
      {"date", Domain::kNode, "date", "string"},           {"first_day", Domain::kNode, "first_day", "string"},
      {"last_day", Domain::kNode, "last_day", "string"},   {"precision", Domain::kNode, "precision", "string"},
      {"status", Domain::kNode, "status", "string"},       {"latitude", Domain::kNode, "latitude", "double"},
      {"longitude", Domain::kNode, "longitude", "double"}, {"node_sources", Domain::kNode, "sources", "string"},
      {"node_citations", Domain::kNode, "citations", "int"},
      {"node_evidence", Domain::kNode, "evidence", "string"},
      {"type", Domain::kEdge, "type", "string"},           {"reading", Domain::kEdge, "reading", "string"},
      {"backward_reading", Domain::kEdge, "backward_reading", "string"}};
  for (const std::string_view property : rows.property_names()) {
    // "role" keeps the key id it has always had.
    keys.push_back({property == "role" ? std::string("role") : "p_" + std::string(property), Domain::kEdge,
                    std::string(property), "string"});
  }
  keys.push_back({"counts", Domain::kEdge, "counts", "boolean"});
  keys.push_back({"sources", Domain::kEdge, "sources", "string"});
  keys.push_back({"citations", Domain::kEdge, "citations", "int"});
  keys.push_back({"evidence", Domain::kEdge, "evidence", "string"});
  return keys;
}

void write_data(std::ostream& out, std::string_view key, std::string_view value) {
  if (value.empty()) return;  // left out: readers see the attribute as missing, not as ""
  out << "      <data key=\"" << key << "\">" << xml_escape(value) << "</data>\n";
}

void write_node(std::ostream& out, const NodeRow& row) {
  out << "    <node id=\"e" << row.index << "\">\n";
  write_data(out, "entity_id", row.id);
  write_data(out, "name", row.name);
  write_data(out, "kind", row.kind);
  write_data(out, "kinds", joined(row.kinds, ','));
  write_data(out, "date", row.date);
  write_data(out, "first_day", row.first_day);
  write_data(out, "last_day", row.last_day);
  write_data(out, "precision", row.precision);
  write_data(out, "status", row.status);
  write_data(out, "latitude", row.latitude);
  write_data(out, "longitude", row.longitude);
  write_data(out, "node_sources", joined(row.sources, ','));
  write_data(out, "node_citations", std::to_string(row.citations));
  write_data(out, "node_evidence", row.evidence);
  out << "    </node>\n";
}

void write_edge(std::ostream& out, const EdgeRow& row, const std::vector<std::string_view>& properties) {
  out << "    <edge id=\"r" << row.index << "\" source=\"e" << row.from << "\" target=\"e" << row.to << "\">\n";
  write_data(out, "type", row.type);
  write_data(out, "reading", row.reading);
  write_data(out, "backward_reading", row.backward_reading);
  for (std::size_t p = 0; p < properties.size(); ++p) {
    write_data(out, properties[p] == "role" ? std::string("role") : "p_" + std::string(properties[p]), row.properties[p]);
  }
  if (row.counts) write_data(out, "counts", *row.counts ? "true" : "false");
  write_data(out, "sources", joined(row.sources, ','));
  write_data(out, "citations", std::to_string(row.citations));
  write_data(out, "evidence", row.evidence);
  out << "    </edge>\n";
}

void write_header(std::ostream& out, const GraphRows& rows) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const Key& key : document_keys(rows)) {
    out << "  <key id=\"" << key.id << "\" for=\"" << (key.domain == Domain::kNode ? "node" : "edge")
        << "\" attr.name=\"" << key.name << "\" attr.type=\"" << key.type << "\"/>\n";
  }
  out << "  <graph id=\"parley\" edgedefault=\"directed\">\n";
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t length = valid_sequence_at(text, at);
    if (length == 0) {
      out += utf8::kReplacement;
      ++at;
      continue;
    }
    const std::string_view sequence = text.substr(at, length);
    if (length > 1) {
      out += is_xml_noncharacter(sequence) ? utf8::kReplacement : sequence;
    } else if (!append_escaped_ascii(out, text[at])) {
      out += text[at];
    }
    at += length;
  }
  return out;
}

void write_graphml(std::ostream& raw_out, const Database& db, const Subgraph& subgraph) {
  detail::ChunkedWrites out(raw_out);  // chunked_writes.h: a dozen insertions per row
  const GraphRows rows(db);
  write_header(out, rows);
  for (const EntityIndex e : subgraph.entities) write_node(out, rows.node(e));
  for (const RelationIndex r : subgraph.relations) write_edge(out, rows.edge(r), rows.property_names());
  out << "  </graph>\n</graphml>\n";
}

std::string to_graphml(const Database& db, const Subgraph& subgraph) {
  std::ostringstream out;
  write_graphml(out, db, subgraph);
  return out.str();
}

}  // namespace parley
