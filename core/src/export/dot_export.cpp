#include "parley/export/dot_export.h"

#include "parley/common/utf8.h"

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

namespace parley {
namespace {

// Display limits, in code points: a node or edge label longer than this would stretch the
// drawing; the whole text stays readable in the tooltip.
constexpr std::size_t kMaxNodeLabel = 80;
constexpr std::size_t kMaxEdgeLabel = 60;
// Tooltips and the title. Graphviz 2.43 rejects a quoted string of 16,384 bytes or more (a
// syntax error, not a warning), so the limit is set by the worst case of five bytes a code
// point ("&amp;"), not by what a reader wants; dot_quote's default is the same.
constexpr std::size_t kMaxLongText = 2000;

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";     // U+2026
constexpr std::string_view kFont = "Helvetica";

// ---------------------------------------------------------------------------------------------
// Escaping

// The loader guarantees valid UTF-8; a malformed byte still decodes (to U+FFFD, one byte long,
// see utf8.h) so that the output stays valid UTF-8, which `dot` insists on.
using utf8::CodePoint;
using utf8::decode;

bool is_control(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

// Noncharacters that would make the SVG that `dot` writes ill-formed XML.
bool is_xml_noncharacter(char32_t c) { return c == 0xFFFE || c == 0xFFFF; }

// Appends one code point's escaped form. A CR before a LF is dropped, so that a CR LF pair
// gives one line break and not two.
void append_escaped(std::string& out, std::string_view bytes, char32_t c, bool line_feed_follows) {
  switch (c) {
    // Graphviz reads \N, \G, \l and the like inside labels: every backslash is doubled, which
    // also keeps a trailing backslash from escaping the closing quote.
    case '\\': out += "\\\\"; return;
    case '"': out += "\\\""; return;
    case '\n': out += "\\n"; return;
    case '\r':
      if (!line_feed_follows) out += "\\n";
      return;
    case '\t': out += ' '; return;
    // Graphviz decodes HTML entities in labels: "&amp;" in a name must not show as "&".
    case '&': out += "&amp;"; return;
    default: break;
  }
  if (is_control(c) || is_xml_noncharacter(c)) {
    out += utf8::kReplacement;
  } else {
    out += bytes;
  }
}

bool longer_than(std::string_view text, std::size_t max_characters) {
  std::size_t count = 0;
  for (std::size_t at = 0; at < text.size(); at += decode(text, at).length) {
    if (++count > max_characters) return true;
  }
  return false;
}

// The body of a DOT string (no quotes), cut to `max_characters` code points, the ellipsis
// included, so that a label never exceeds its display limit.
std::string escape_dot_text(std::string_view text, std::size_t max_characters) {
  const bool cut = longer_than(text, max_characters);
  const std::size_t keep = cut && max_characters > 0 ? max_characters - 1 : max_characters;
  std::string out;
  out.reserve(text.size() + 8);
  std::size_t at = 0;
  for (std::size_t kept = 0; at < text.size() && kept < keep; ++kept) {
    const CodePoint c = decode(text, at);
    const std::size_t after = at + c.length;
    append_escaped(out, text.substr(at, c.length), c.value, after < text.size() && text[after] == '\n');
    at = after;
  }
  if (cut && max_characters > 0) out += kEllipsis;
  return out;
}

std::string quoted(std::string_view escaped_body) { return "\"" + std::string(escaped_body) + "\""; }

// ---------------------------------------------------------------------------------------------
// Styles

struct KindStyle {
  std::string_view shape;
  std::string_view fill;
};

struct NamedKindStyle {
  std::string_view kind;
  KindStyle style;
};

// Actors in blues and purples, locations in greens, agreements and assets in yellow and grey,
// events in oranges; shapes that stretch with a long label (no circles or diamonds).
constexpr std::array kKindStyles = {
    NamedKindStyle{"entity", {"box", "#eeeeee"}},
    NamedKindStyle{"actor", {"ellipse", "#dae8fc"}},
    NamedKindStyle{"person", {"ellipse", "#dae8fc"}},
    NamedKindStyle{"state", {"box", "#b4c7e7"}},
    NamedKindStyle{"organisation", {"hexagon", "#e1d5e7"}},
    NamedKindStyle{"group", {"octagon", "#d9c3e6"}},
    NamedKindStyle{"location", {"house", "#d5e8d4"}},
    NamedKindStyle{"place", {"house", "#d5e8d4"}},
    NamedKindStyle{"island", {"egg", "#b9e0a5"}},
    NamedKindStyle{"island_group", {"folder", "#97d077"}},
    NamedKindStyle{"agreement", {"note", "#fff2cc"}},
    NamedKindStyle{"asset", {"component", "#d0d0d0"}},
    NamedKindStyle{"event", {"parallelogram", "#ffe6cc"}},
    NamedKindStyle{"gathering", {"cds", "#fdd0a2"}},
    NamedKindStyle{"meeting", {"cds", "#fdae6b"}},
    NamedKindStyle{"conference", {"box3d", "#fdd0a2"}},
    NamedKindStyle{"news_conference", {"tab", "#fee6ce"}},
    NamedKindStyle{"visit", {"rarrow", "#f8cbad"}},
    NamedKindStyle{"negotiation", {"pentagon", "#f4b183"}},
};
constexpr KindStyle kUnknownKindStyle = {"box", "#ffffff"};

std::optional<KindStyle> own_style(std::string_view kind_name) {
  for (const auto& named : kKindStyles) {
    if (named.kind == kind_name) return named.style;
  }
  return std::nullopt;
}

// A kind without a style of its own (one a custom schema adds) is drawn like its nearest
// ancestor that has one.
KindStyle kind_style(const RelationSchema& schema, KindId kind) {
  for (std::optional<KindId> at = kind; at; at = schema.kind(*at).parent) {
    if (const auto style = own_style(schema.kind(*at).name)) return *style;
  }
  return kUnknownKindStyle;
}

struct RelationStyle {
  std::string_view color;
  std::string_view line;  // Graphviz edge style: solid, dashed, dotted, bold
};

struct NamedRelationStyle {
  std::string_view type;
  RelationStyle style;
};

// Families share a hue: offices and hierarchy blue, places green, event structure brown,
// territory red, agreements gold, assets teal. Participation and stated positions are the
// most numerous and the least structural, so they are drawn lighter (dashed, dotted).
constexpr std::array kRelationStyles = {
    NamedRelationStyle{"holds_office", {"#1f4e79", "solid"}},
    NamedRelationStyle{"represents", {"#2e75b6", "solid"}},
    NamedRelationStyle{"appointed", {"#5b9bd5", "solid"}},
    NamedRelationStyle{"reports_to", {"#203864", "dashed"}},
    NamedRelationStyle{"leads", {"#0070c0", "bold"}},
    NamedRelationStyle{"member_of", {"#7030a0", "solid"}},
    NamedRelationStyle{"based_in", {"#548235", "solid"}},
    NamedRelationStyle{"participant_in", {"#c55a11", "dashed"}},
    NamedRelationStyle{"held_in", {"#70ad47", "solid"}},
    NamedRelationStyle{"on_sidelines_of", {"#843c0c", "dotted"}},
    NamedRelationStyle{"part_of", {"#843c0c", "solid"}},
    NamedRelationStyle{"precedes", {"#bf9000", "bold"}},
    NamedRelationStyle{"convened_by", {"#a5682a", "solid"}},
    NamedRelationStyle{"located_in", {"#375623", "solid"}},
    NamedRelationStyle{"capital_of", {"#38761d", "bold"}},
    NamedRelationStyle{"connects", {"#6aa84f", "dashed"}},
    NamedRelationStyle{"claims", {"#c00000", "dashed"}},
    NamedRelationStyle{"administers", {"#c00000", "solid"}},
    NamedRelationStyle{"seized", {"#ff0000", "bold"}},
    NamedRelationStyle{"annexed", {"#990000", "bold"}},
    NamedRelationStyle{"sanctioned", {"#7f0055", "solid"}},
    NamedRelationStyle{"position_on", {"#7f7f7f", "dotted"}},
    NamedRelationStyle{"successor_of", {"#404040", "solid"}},
    NamedRelationStyle{"party_to", {"#b8860b", "solid"}},
    NamedRelationStyle{"concerns", {"#a6a6a6", "dashed"}},
    NamedRelationStyle{"based_on", {"#806000", "solid"}},
    NamedRelationStyle{"reached_at", {"#d6b656", "solid"}},
    NamedRelationStyle{"provides_handover", {"#806000", "bold"}},
    NamedRelationStyle{"approved_by", {"#bf9000", "dashed"}},
    NamedRelationStyle{"violates", {"#ff0000", "dashed"}},
    NamedRelationStyle{"deployed_in", {"#1b7f79", "solid"}},
    NamedRelationStyle{"belongs_to", {"#1b7f79", "dashed"}},
};
constexpr RelationStyle kUnknownRelationStyle = {"#000000", "solid"};

RelationStyle relation_style(const RelationSchema& schema, RelationTypeId type) {
  const std::string_view name = schema.relation_type(type).name;
  for (const auto& named : kRelationStyles) {
    if (named.type == name) return named.style;
  }
  return kUnknownRelationStyle;
}

// ---------------------------------------------------------------------------------------------
// Statements

std::string node_id(EntityIndex entity) { return "e" + std::to_string(entity); }

std::string kind_attributes(const KindStyle& style) {
  return "shape=" + std::string(style.shape) + ", fillcolor=\"" + std::string(style.fill) + "\"";
}

std::string relation_attributes(const RelationSchema& schema, RelationTypeId type) {
  const RelationStyle style = relation_style(schema, type);
  std::string out = "color=\"" + std::string(style.color) + "\", fontcolor=\"" + std::string(style.color) +
                    "\", style=" + std::string(style.line);
  // A symmetric relation reads the same both ways: an arrowhead would claim a direction.
  if (schema.relation_type(type).symmetric) out += ", dir=none";
  return out;
}

// The name on the first line, the kind under it.
std::string entity_label(const Entity& entity, const RelationSchema& schema) {
  return quoted(escape_dot_text(entity.name, kMaxNodeLabel) + "\\n" +
                escape_dot_text(schema.kind(entity.kind).name, kMaxNodeLabel));
}

std::string entity_statement(const Database& db, EntityIndex index, bool focused) {
  const Entity& entity = db.dataset().entities[index];
  const RelationSchema& schema = db.schema();
  std::string out = "  " + node_id(index) + " [label=" + entity_label(entity, schema) +
                    ", tooltip=" + dot_quote(entity.name, kMaxLongText) + ", " +
                    kind_attributes(kind_style(schema, entity.kind));
  if (focused) out += ", penwidth=3";
  return out + "];\n";
}

std::string_view role_of(const Relation& relation, std::optional<PropertyId> role_property) {
  return role_property ? relation.property(*role_property) : std::string_view();
}

std::string relation_statement(const Database& db, RelationIndex index, std::optional<PropertyId> role_property) {
  const Relation& relation = db.dataset().relations[index];
  const RelationSchema& schema = db.schema();
  const std::string reading = schema.reading(relation.type, true, role_of(relation, role_property));
  // A relation resting on coded event data says so where a reader hovers; quotes are the norm.
  const bool coded = std::any_of(relation.citations.begin(), relation.citations.end(),
                                 [](const Citation& c) { return c.is_coded(); });
  const std::string tooltip = db.dataset().entities[relation.from].name + " \xE2\x80\x94 " + reading +
                              " \xE2\x80\x94 " + db.dataset().entities[relation.to].name +
                              (coded ? " [coded event data]" : "");
  return "  " + node_id(relation.from) + " -> " + node_id(relation.to) +
         " [label=" + dot_quote(reading, kMaxEdgeLabel) + ", tooltip=" + dot_quote(tooltip, kMaxLongText) + ", " +
         relation_attributes(schema, relation.type) + "];\n";
}

std::string graph_header(const DotOptions& options) {
  const std::string font = "fontname=\"" + std::string(kFont) + "\"";
  std::string out = "digraph parley {\n";
  out += "  graph [rankdir=LR, " + font + ", nodesep=0.3, ranksep=0.6";
  if (!options.title.empty()) out += ", label=" + dot_quote(options.title, kMaxLongText) + ", labelloc=t, fontsize=16";
  out += "];\n";
  out += "  node [" + font + ", fontsize=11, style=filled, color=\"#404040\", penwidth=1];\n";
  out += "  edge [" + font + ", fontsize=9, arrowsize=0.7];\n";
  return out;
}

// One node per kind drawn and one sample edge per relation type drawn, in schema order. Ids
// start with "legend_", which no entity's "e<index>" id can.
std::string legend(const RelationSchema& schema, const std::vector<bool>& kinds_drawn,
                   const std::vector<bool>& types_drawn) {
  std::string out = "  subgraph cluster_legend {\n";
  out += "    label=\"Legend\"; style=rounded; color=\"#a0a0a0\"; fontsize=12;\n";
  for (KindId k = 0; k < kinds_drawn.size(); ++k) {
    if (!kinds_drawn[k]) continue;
    out += "    legend_kind_" + std::to_string(k) + " [label=" + dot_quote(schema.kind(k).name) + ", " +
           kind_attributes(kind_style(schema, k)) + "];\n";
  }
  for (RelationTypeId t = 0; t < types_drawn.size(); ++t) {
    if (!types_drawn[t]) continue;
    const std::string from = "legend_relation_" + std::to_string(t) + "_from";
    const std::string to = "legend_relation_" + std::to_string(t) + "_to";
    out += "    " + from + " [shape=point, width=0.05, label=\"\"];\n";
    out += "    " + to + " [shape=point, width=0.05, label=\"\"];\n";
    out += "    " + from + " -> " + to + " [label=" + dot_quote(schema.relation_type(t).name) + ", " +
           relation_attributes(schema, t) + "];\n";
  }
  return out + "  }\n";
}

}  // namespace

std::string dot_quote(std::string_view text, std::size_t max_characters) {
  return quoted(escape_dot_text(text, max_characters));
}

std::string to_dot(const Database& db, const Subgraph& subgraph, const DotOptions& options) {
  const Dataset& data = db.dataset();
  const RelationSchema& schema = db.schema();
  const std::optional<PropertyId> role_property = schema.find_property("role");

  std::vector<bool> focused(data.entities.size());
  for (const EntityIndex e : subgraph.focus) focused[e] = true;
  std::vector<bool> kinds_drawn(schema.kind_count());
  std::vector<bool> types_drawn(schema.relation_type_count());

  std::string out = graph_header(options);
  for (const EntityIndex e : subgraph.entities) {
    out += entity_statement(db, e, focused[e]);
    kinds_drawn[data.entities[e].kind] = true;
  }
  for (const RelationIndex r : subgraph.relations) {
    out += relation_statement(db, r, role_property);
    types_drawn[data.relations[r].type] = true;
  }
  if (options.legend && !subgraph.entities.empty()) out += legend(schema, kinds_drawn, types_drawn);
  return out + "}\n";
}

}  // namespace parley
