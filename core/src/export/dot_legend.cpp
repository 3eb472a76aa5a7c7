#include "export/dot_legend.h"

#include <iterator>

#include "export/dot_styles.h"
#include "export/dot_text.h"

namespace parley::dot {
namespace {

constexpr std::size_t kMaxLegendText = 60;

// A line drawn with box-drawing characters in the relation's colour and style: a table cell
// cannot hold an edge.
std::string_view line_sample(std::string_view line) {
  if (line == "dashed") return "\xE2\x95\x8C\xE2\x95\x8C\xE2\x95\x8C";  // ╌╌╌
  if (line == "dotted") return "\xE2\x94\x88\xE2\x94\x88\xE2\x94\x88";  // ┈┈┈
  if (line == "bold") return "\xE2\x94\x81\xE2\x94\x81\xE2\x94\x81";    // ━━━
  return "\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80";                        // ───
}

// A small box standing for a node: its fill, and its border's line.
std::string swatch(std::string_view fill, std::string_view border_style) {
  std::string out = R"(<TD BORDER="1" COLOR="#404040" BGCOLOR=")" + std::string(fill) + "\"";
  if (border_style != "solid") out += " STYLE=\"" + std::string(border_style) + "\"";
  return out + R"( WIDTH="22"><FONT POINT-SIZE="8"> </FONT></TD>)";
}

std::string text_cell(const std::string& escaped, std::string_view ink = "#000000") {
  return R"(<TD ALIGN="LEFT"><FONT POINT-SIZE="10" COLOR=")" + std::string(ink) + "\">" + escaped + "</FONT></TD>";
}

}  // namespace

LegendEntries full_legend(const RelationSchema& schema) {
  LegendEntries entries;
  entries.per_row = 6;
  entries.kinds.resize(schema.kind_count());
  for (KindId k = 0; k < schema.kind_count(); ++k) {
    entries.kinds[k] = !schema.kind(k).is_abstract && has_own_style(schema.kind(k).name);
  }
  entries.statuses.assign(std::size(kEventStatuses), true);
  entries.relation_types.assign(schema.relation_type_count(), true);
  return entries;
}

std::string legend_table(const RelationSchema& schema, const LegendEntries& entries) {
  std::vector<std::string> cells;  // a swatch and its text, one entry each
  for (KindId k = 0; k < entries.kinds.size(); ++k) {
    if (!entries.kinds[k]) continue;
    cells.push_back(swatch(kind_style(schema, k).fill, "solid") +
                    text_cell(escape_html_text(legend_kind_name(schema, k), kMaxLegendText)));
  }
  for (std::size_t s = 0; s < entries.statuses.size(); ++s) {
    if (!entries.statuses[s]) continue;
    const StatusStyle style = status_style(kEventStatuses[s]);
    const std::string name(kEventStatuses[s]);
    cells.push_back(style.called_off ? swatch(kCalledOffFill, style.line) + text_cell("<S>" + name + "</S>", kCalledOffInk)
                                     : swatch("#ffffff", style.line) + text_cell(name));
  }
  for (RelationTypeId t = 0; t < entries.relation_types.size(); ++t) {
    if (!entries.relation_types[t]) continue;
    const RelationStyle style = relation_style(schema, t);
    cells.push_back(R"(<TD><FONT POINT-SIZE="10" COLOR=")" + std::string(style.color) + "\">" +
                    std::string(line_sample(style.line)) + "</FONT></TD>" +
                    text_cell(escape_html_text(legend_reading(schema, t), kMaxLegendText)));
  }
  if (cells.empty()) return "";
  // Each row a table of its own, so that a long reading widens its own row and not a column of
  // every row.
  std::string out = R"(<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">)";
  for (std::size_t i = 0; i < cells.size(); i += entries.per_row) {
    out += R"(<TR><TD><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="1"><TR>)";
    for (std::size_t j = i; j < cells.size() && j < i + entries.per_row; ++j) out += cells[j];
    out += "</TR></TABLE></TD></TR>";
  }
  return out + "</TABLE>";
}

}  // namespace parley::dot
