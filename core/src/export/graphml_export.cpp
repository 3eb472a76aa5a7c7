#include "parley/export/graphml_export.h"

#include "parley/common/utf8.h"

#include <algorithm>
#include <optional>
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

struct Key {
  std::string_view id;
  std::string_view domain;  // "node" or "edge"
  std::string_view name;
};

// The entity's id is an attribute named "entity_id", not "id": igraph keeps GraphML node ids in
// a vertex attribute "id" and drops them, with a warning, when the file declares one too.
constexpr Key kEntityId = {"entity_id", "node", "entity_id"};
constexpr Key kName = {"name", "node", "name"};
constexpr Key kKind = {"kind", "node", "kind"};
constexpr Key kType = {"type", "edge", "type"};
constexpr Key kReading = {"reading", "edge", "reading"};
constexpr Key kRole = {"role", "edge", "role"};
constexpr Key kSources = {"sources", "edge", "sources"};
// Declared only for data with coded event data: "coded record", or "quote, coded record" when a
// relation rests on both; an edge without it rests on quotes.
constexpr Key kEvidence = {"evidence", "edge", "evidence"};

std::string key_declaration(const Key& key) {
  return "  <key id=\"" + std::string(key.id) + "\" for=\"" + std::string(key.domain) + "\" attr.name=\"" +
         std::string(key.name) + "\" attr.type=\"string\"/>\n";
}

std::string data_element(const Key& key, std::string_view value) {
  return "      <data key=\"" + std::string(key.id) + "\">" + xml_escape(value) + "</data>\n";
}

std::string node_id(EntityIndex entity) { return "e" + std::to_string(entity); }

std::string node_element(const Database& db, EntityIndex index) {
  const Entity& entity = db.dataset().entities[index];
  return "    <node id=\"" + node_id(index) + "\">\n" + data_element(kEntityId, entity.id) +
         data_element(kName, entity.name) + data_element(kKind, db.schema().kind(entity.kind).name) +
         "    </node>\n";
}

// The ids of the sources a relation cites, each once, in the order first cited.
std::string source_list(const Dataset& data, const Relation& relation) {
  std::vector<SourceIndex> cited;
  for (const Citation& citation : relation.citations) {
    if (std::find(cited.begin(), cited.end(), citation.source) == cited.end()) cited.push_back(citation.source);
  }
  std::string out;
  for (const SourceIndex s : cited) {
    if (!out.empty()) out += ',';
    out += data.sources[s].id;
  }
  return out;
}

// "coded record" or "quote, coded record" for a relation resting on coded event data; empty
// for one resting on quotes only, as every relation of a curated dataset does.
std::string evidence_kinds(const Relation& relation) {
  const bool coded = std::any_of(relation.citations.begin(), relation.citations.end(),
                                 [](const Citation& c) { return c.is_coded(); });
  if (!coded) return "";
  const bool quoted = std::any_of(relation.citations.begin(), relation.citations.end(),
                                  [](const Citation& c) { return !c.is_coded(); });
  return quoted ? "quote, coded record" : "coded record";
}

std::string edge_element(const Database& db, RelationIndex index, std::optional<PropertyId> role_property) {
  const Relation& relation = db.dataset().relations[index];
  const RelationSchema& schema = db.schema();
  const std::string_view role = role_property ? relation.property(*role_property) : std::string_view();
  std::string out = "    <edge id=\"r" + std::to_string(index) + "\" source=\"" + node_id(relation.from) +
                    "\" target=\"" + node_id(relation.to) + "\">\n";
  out += data_element(kType, schema.relation_type(relation.type).name);
  out += data_element(kReading, schema.reading(relation.type, true, role));
  if (!role.empty()) out += data_element(kRole, role);
  out += data_element(kSources, source_list(db.dataset(), relation));
  if (const std::string evidence = evidence_kinds(relation); !evidence.empty()) out += data_element(kEvidence, evidence);
  return out + "    </edge>\n";
}

std::string document_header(bool with_role, bool with_evidence) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const Key* key : {&kEntityId, &kName, &kKind, &kType, &kReading}) out += key_declaration(*key);
  if (with_role) out += key_declaration(kRole);
  out += key_declaration(kSources);
  if (with_evidence) out += key_declaration(kEvidence);
  return out + "  <graph id=\"parley\" edgedefault=\"directed\">\n";
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

std::string to_graphml(const Database& db, const Subgraph& subgraph) {
  const std::optional<PropertyId> role_property = db.schema().find_property("role");
  const auto& sources = db.dataset().sources;
  const bool coded = std::any_of(sources.begin(), sources.end(), [](const Source& s) { return s.is_coded(); });
  std::string out = document_header(role_property.has_value(), coded);
  for (const EntityIndex e : subgraph.entities) out += node_element(db, e);
  for (const RelationIndex r : subgraph.relations) out += edge_element(db, r, role_property);
  return out + "  </graph>\n</graphml>\n";
}

}  // namespace parley
