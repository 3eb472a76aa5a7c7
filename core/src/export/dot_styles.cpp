#include "export/dot_styles.h"

#include <array>

namespace parley::dot {
namespace {

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

struct NamedRelationStyle {
  std::string_view type;
  RelationStyle style;
};

// Families share a hue: offices and hierarchy blue, places green, event structure brown,
// territory red, agreements gold, assets teal. Stated positions are numerous and the least
// structural, so they are drawn lighter (dotted). Participation is drawn solid: a dashed or
// dotted border is an event's status, and its lines should not echo it.
constexpr std::array kRelationStyles = {
    NamedRelationStyle{"holds_office", {"#1f4e79", "solid"}},
    NamedRelationStyle{"represents", {"#2e75b6", "solid"}},
    NamedRelationStyle{"appointed", {"#5b9bd5", "solid"}},
    NamedRelationStyle{"reports_to", {"#203864", "dashed"}},
    NamedRelationStyle{"leads", {"#0070c0", "bold"}},
    NamedRelationStyle{"member_of", {"#7030a0", "solid"}},
    NamedRelationStyle{"based_in", {"#548235", "solid"}},
    NamedRelationStyle{"participant_in", {"#c55a11", "solid"}},
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
    NamedRelationStyle{"prevents", {"#c00000", "solid"}},
    NamedRelationStyle{"causes", {"#bf9000", "solid"}},
    NamedRelationStyle{"near", {"#70ad47", "dashed"}},
    NamedRelationStyle{"counterpart_of", {"#2e75b6", "dashed"}},
    NamedRelationStyle{"affiliated_with", {"#7030a0", "dashed"}},
    NamedRelationStyle{"called_off", {"#7f7f7f", "bold"}},
};
constexpr RelationStyle kUnknownRelationStyle = {"#000000", "solid"};

}  // namespace

KindStyle kind_style(const RelationSchema& schema, KindId kind) {
  for (std::optional<KindId> at = kind; at; at = schema.kind(*at).parent) {
    if (const auto style = own_style(schema.kind(*at).name)) return *style;
  }
  return kUnknownKindStyle;
}

RelationStyle relation_style(const RelationSchema& schema, RelationTypeId type) {
  const std::string_view name = schema.relation_type(type).name;
  for (const auto& named : kRelationStyles) {
    if (named.type == name) return named.style;
  }
  return kUnknownRelationStyle;
}

bool has_own_style(std::string_view kind_name) { return own_style(kind_name).has_value(); }

StatusStyle status_style(std::string_view status) {
  if (status == "planned") return {"dashed", false};
  // Suggested or likely, not yet scheduled: the faintest line.
  if (status == "possible" || status == "proposed") return {"dotted", false};
  if (status == "cancelled" || status == "abandoned") return {"solid", true};
  return {"solid", false};
}

std::string legend_reading(const RelationSchema& schema, RelationTypeId type) {
  const RelationTypeSpec& spec = schema.relation_type(type);
  if (spec.forward.find("{role}") == std::string::npos) return spec.forward;
  std::string name = spec.name;
  for (char& c : name) c = c == '_' ? ' ' : c;
  return name;
}

std::string legend_kind_name(const RelationSchema& schema, KindId kind) {
  std::string name = schema.kind(kind).name;
  for (char& c : name) c = c == '_' ? ' ' : c;
  return name;
}

}  // namespace parley::dot
