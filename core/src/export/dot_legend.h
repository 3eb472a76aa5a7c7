// The legend of a diagram: the kinds, the statuses of events and the relation types, each
// with the style the drawing gives it, as an HTML-like table that sits under the title. A
// table takes a strip the width of a few entries, where a cluster of sample nodes and edges
// took a third of the canvas or more.
#pragma once

#include <string>
#include <vector>

#include "parley/schema/schema.h"

namespace parley::dot {

struct LegendEntries {
  std::vector<bool> kinds;            // by KindId
  std::vector<bool> statuses;         // by position in kEventStatuses
  std::vector<bool> relation_types;   // by RelationTypeId
  std::size_t per_row = 4;
};

// Every kind with a style of its own, every status and every relation type of the schema.
LegendEntries full_legend(const RelationSchema& schema);

// The legend as the body of an HTML-like label (a <TABLE>), or empty when there is nothing to
// show.
std::string legend_table(const RelationSchema& schema, const LegendEntries& entries);

}  // namespace parley::dot
