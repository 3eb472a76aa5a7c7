// How the DOT export draws each kind of entity, each relation type and each status of an
// event: the one table of styles that the nodes, the edges and the legend all read, so that the
// legend always shows what the drawing uses.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "parley/schema/schema.h"

namespace parley::dot {

// The one font named in the drawing: DejaVu Sans is what Debian's Graphviz falls back to
// anyway (fonts-dejavu-core, in PACKAGES), so what is asked for is what is drawn, in SVG, PNG
// and PDF alike.
inline constexpr std::string_view kFont = "DejaVu Sans";

struct KindStyle {
  std::string_view shape;
  std::string_view fill;
};

// A kind without a style of its own (one a custom schema adds) is drawn like its nearest
// ancestor that has one.
KindStyle kind_style(const RelationSchema& schema, KindId kind);
// True when the kind, or an ancestor, has a style of its own (the full legend lists those).
bool has_own_style(std::string_view kind_name);

struct RelationStyle {
  std::string_view color;
  std::string_view line;  // Graphviz edge style: solid, dashed, dotted, bold
};

RelationStyle relation_style(const RelationSchema& schema, RelationTypeId type);

// How an event's status is drawn: the border's line, and for an event called off a grey fill
// and a struck-through name. Held, and no stated status, are drawn plainly.
struct StatusStyle {
  std::string_view line;  // "solid", "dashed" or "dotted"
  bool called_off = false;
};

inline constexpr std::string_view kCalledOffFill = "#e0e0e0";
inline constexpr std::string_view kCalledOffInk = "#7f7f7f";

StatusStyle status_style(std::string_view status);
// The statuses the full legend shows, in the schema's order of certainty.
inline constexpr std::string_view kEventStatuses[] = {"held", "planned", "proposed", "possible", "cancelled", "abandoned"};

// A relation type as the legend names it: its forward reading ("participant in"), or its name
// with spaces when the reading is only the role ("{role} of" for holds_office).
std::string legend_reading(const RelationSchema& schema, RelationTypeId type);
// A kind as the legend names it: "news conference" for news_conference.
std::string legend_kind_name(const RelationSchema& schema, KindId kind);

}  // namespace parley::dot
