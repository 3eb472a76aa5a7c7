#include "parley/export/dot_export.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <ostream>
#include <sstream>
#include <vector>

#include "export/chunked_writes.h"
#include "export/dot_legend.h"
#include "export/dot_styles.h"
#include "export/dot_text.h"
#include "parley/query/event_facts.h"

namespace parley {
namespace {

using dot::escape_dot_text;
using dot::escape_html_text;

// Display limits, in code points: a node or edge label longer than this would stretch the
// drawing; the whole text stays readable in the tooltip.
constexpr std::size_t kMaxNodeLabel = 80;
constexpr std::size_t kMaxEdgeLabel = 60;
// Tooltips and the title. Graphviz 2.43 rejects a quoted string of 16,384 bytes or more (a
// syntax error, not a warning), so the limit is set by the worst case of five bytes a code
// point ("&amp;"), not by what a reader wants; dot_quote's default is the same.
constexpr std::size_t kMaxLongText = 2000;
// The title inside the HTML-like label it shares with the legend, whose full form is some
// 9 KB: together they stay under the same 16 KiB.
constexpr std::size_t kMaxTitleBesideLegend = 200;

constexpr std::string_view kDash = " \xE2\x80\x94 ";   // " — "
constexpr std::string_view kMiddleDot = " \xC2\xB7 ";  // " · "
constexpr std::string_view kAxisInk = "#808080";

std::string quoted(std::string_view escaped_body) { return "\"" + std::string(escaped_body) + "\""; }

std::string node_id(EntityIndex entity) { return "e" + std::to_string(entity); }

// Notes an event's status among those the legend can show.
void mark_status(std::string_view status, std::vector<bool>& statuses_drawn) {
  const auto known = std::find(std::begin(dot::kEventStatuses), std::end(dot::kEventStatuses), status);
  if (known != std::end(dot::kEventStatuses)) statuses_drawn[static_cast<std::size_t>(known - std::begin(dot::kEventStatuses))] = true;
}

// Only what changes the drawing: a font colour where there is a label to colour, and a line
// style other than DOT's default, solid. A whole graph has a quarter of a million edges, most
// of them unlabelled and solid, and these two were an eighth of its bytes.
std::string relation_attributes(const RelationSchema& schema, RelationTypeId type, bool labelled) {
  const dot::RelationStyle style = dot::relation_style(schema, type);
  std::string out = "color=\"" + std::string(style.color) + "\"";
  if (labelled) out += ", fontcolor=\"" + std::string(style.color) + "\"";
  if (style.line != "solid") out += ", style=" + std::string(style.line);
  // A symmetric relation reads the same both ways: an arrowhead would claim a direction.
  if (schema.relation_type(type).symmetric) out += ", dir=none";
  return out;
}

// ---------------------------------------------------------------------------------------------
// Nodes

// An event's date and status, as its label's second line: "14 November 2018 · held".
std::string event_caption(const EventFacts& facts) {
  std::string date = "date not stated";
  if (facts.date) {
    date = facts.date->describe();
    if (facts.end_date && !(*facts.end_date == *facts.date)) date += " \xE2\x80\x93 " + facts.end_date->describe();
  }
  return facts.status.empty() ? date : date + std::string(kMiddleDot) + std::string(facts.status);
}

// The shape says the kind, so a label is the name alone; an event's adds its date and status
// on a smaller second line, and an event called off has its name struck through.
std::string event_statement(const Database& db, EntityIndex index, bool focused) {
  const Entity& entity = db.dataset().entities[index];
  const EventFacts facts = read_event(db, index);
  const dot::StatusStyle status = dot::status_style(facts.status);

  std::string name = escape_html_text(entity.name, kMaxNodeLabel);
  if (status.called_off) name = "<S>" + name + "</S>";
  const std::string caption = event_caption(facts);
  const dot::KindStyle kind = dot::kind_style(db.schema(), entity.kind);
  std::string out = "  " + node_id(index) + " [label=<" + name + "<BR/><FONT POINT-SIZE=\"9\">" +
                    escape_html_text(caption, kMaxNodeLabel) + "</FONT>>, tooltip=" +
                    dot_quote(entity.name + ", " + caption, kMaxLongText) + ", shape=" + std::string(kind.shape);
  if (status.called_off) {
    out += ", fillcolor=\"" + std::string(dot::kCalledOffFill) + "\", fontcolor=\"" + std::string(dot::kCalledOffInk) +
           "\", color=\"" + std::string(dot::kCalledOffInk) + "\"";
  } else {
    out += ", fillcolor=\"" + std::string(kind.fill) + "\"";
  }
  if (status.line != "solid") out += ", style=\"filled," + std::string(status.line) + "\"";
  if (focused) out += ", penwidth=3";
  return out + "];\n";
}

std::string entity_statement(const Database& db, EntityIndex index, bool focused) {
  const Entity& entity = db.dataset().entities[index];
  const dot::KindStyle kind = dot::kind_style(db.schema(), entity.kind);
  std::string out = "  " + node_id(index) + " [label=" + quoted(escape_dot_text(entity.name, kMaxNodeLabel)) +
                    ", tooltip=" + dot_quote(entity.name, kMaxLongText) + ", shape=" + std::string(kind.shape) +
                    ", fillcolor=\"" + std::string(kind.fill) + "\"";
  if (focused) out += ", penwidth=3";
  return out + "];\n";
}

// ---------------------------------------------------------------------------------------------
// Edges

// The relations that need no words: who took part in an event as one of its parties, and
// where it was held. The line's colour says which (the legend names it), the tooltip reads it.
struct QuietRelations {
  std::optional<RelationTypeId> participant_in;
  std::optional<RelationTypeId> held_in;
  std::optional<PropertyId> role;

  bool labelled(const Relation& relation) const {
    if (relation.type == held_in) return false;
    if (relation.type != participant_in) return true;
    const std::string_view r = role ? relation.property(*role) : std::string_view();
    return !r.empty() && r != "principal";
  }
};

// `between_events`: both ends stand in the date-ordered column, where only the order of dates
// may place them (a "part of" pointing back in time would otherwise undo it).
std::string relation_statement(const Database& db, RelationIndex index, const QuietRelations& quiet,
                               bool between_events) {
  const Relation& relation = db.dataset().relations[index];
  const RelationSchema& schema = db.schema();
  const std::string_view role = quiet.role ? relation.property(*quiet.role) : std::string_view();
  const std::string reading = schema.reading(relation.type, true, role);
  // A relation resting on coded event data says so where a reader hovers; quotes are the norm.
  const bool coded = std::any_of(relation.citations.begin(), relation.citations.end(),
                                 [](const Citation& c) { return c.is_coded(); });
  // A participation's role is the part worth reading ("present"); the reading has no place for it.
  const bool role_only = relation.type == quiet.participant_in && !role.empty();
  const std::string shown = role_only ? std::string(role) : reading;
  const std::string read = role_only ? reading + " (" + std::string(role) + ")" : reading;
  const std::string tooltip = db.dataset().entities[relation.from].name + std::string(kDash) + read +
                              std::string(kDash) + db.dataset().entities[relation.to].name +
                              (coded ? " [coded event data]" : "");
  std::string out = "  " + node_id(relation.from) + " -> " + node_id(relation.to) + " [";
  if (between_events) out += "constraint=false, ";
  // dot routes a labelled edge within a rank through a label node of its own, and with
  // constraint=false it can lose the edge ("Pshortestpath failed"): such an edge gets an
  // external label instead.
  const bool labelled = quiet.labelled(relation);
  if (labelled) out += (between_events ? "xlabel=" : "label=") + dot_quote(shown, kMaxEdgeLabel) + ", ";
  return out + "tooltip=" + dot_quote(tooltip, kMaxLongText) + ", " + relation_attributes(schema, relation.type, labelled) + "];\n";
}

// ---------------------------------------------------------------------------------------------
// Date order

// The events, in date order, in one rank (a column, left to right being the graph's
// direction), each tied to the next by an edge that keeps the order. With a time axis the
// edges are drawn, with a mark for each year between them; otherwise they are invisible. The
// edges carry `class="date-order"`: they are not relations.
void write_date_order(std::ostream& sink, const Database& db, const std::vector<EntityIndex>& entities, bool axis) {
  const EventTable& events = db.events();
  std::vector<EventTable::Slot> slots;
  for (const EntityIndex e : entities) {
    if (events.slot(e) != EventTable::kNoSlot) slots.push_back(events.slot(e));
  }
  if (slots.size() < (axis ? 1u : 2u)) return;
  events.sort_distinct(slots);

  // The chain of node ids in order: an event's, or a year mark's ("axis_N", N its place in the
  // chain). Every mark is declared before the first edge, so the chain is walked twice.
  struct Link {
    bool mark;
    std::uint32_t id;  // the entity, or the mark's place in the chain
  };
  std::vector<Link> chain;
  chain.reserve(slots.size());
  sink << "  subgraph date_order {\n    rank=same;\n";
  std::string last_mark;
  for (const EventTable::Slot s : slots) {
    if (axis) {
      const auto span = events.span(s);
      const std::string mark = span ? iso_date(span->first).substr(0, 4) : "date not stated";
      if (mark != last_mark) {
        const auto place = static_cast<std::uint32_t>(chain.size());
        sink << ("    axis_" + std::to_string(place) + " [label=" + dot_quote(mark) +
                 ", shape=plaintext, style=\"\", fontsize=14, fontcolor=\"" + std::string(kAxisInk) + "\"];\n");
        chain.push_back(Link{true, place});
        last_mark = mark;
      }
    }
    chain.push_back(Link{false, events.entity(s)});
  }
  const auto id = [](const Link& link) { return link.mark ? "axis_" + std::to_string(link.id) : node_id(link.id); };
  const std::string edge = axis ? "color=\"" + std::string(kAxisInk) + "\", penwidth=2, arrowhead=none"
                                : std::string("style=invis");
  for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
    const bool last = i + 2 == chain.size();
    sink << ("    " + id(chain[i]) + " -> " + id(chain[i + 1]) + " [class=\"date-order\", " +
             (axis && last ? "color=\"" + std::string(kAxisInk) + "\", penwidth=2" : edge) + "];\n");
  }
  sink << "  }\n";
}

// ---------------------------------------------------------------------------------------------
// The graph

std::string graph_label(const DotOptions& options, const std::string& legend) {
  if (legend.empty()) {
    return options.title.empty() ? "" : ", label=" + dot_quote(options.title, kMaxLongText) + ", labelloc=t, fontsize=16";
  }
  std::string out = ", label=<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">";
  if (!options.title.empty()) {
    out += "<TR><TD><FONT POINT-SIZE=\"16\">" + escape_html_text(options.title, kMaxTitleBesideLegend) + "</FONT></TD></TR>";
  }
  return out + "<TR><TD>" + legend + "</TD></TR></TABLE>>, labelloc=t";
}

std::string graph_header(const DotOptions& options, const std::string& legend) {
  const std::string font = "fontname=" + quoted(dot::kFont);
  std::string out = "digraph parley {\n";
  out += "  graph [rankdir=LR, " + font + ", nodesep=0.25, ranksep=0.5" + graph_label(options, legend);
  // The force-directed engines ignore ranks; without overlap=false they pile nodes up.
  if (options.layout != "dot") out += ", layout=" + options.layout + ", overlap=false";
  out += "];\n";
  out += "  node [" + font + ", fontsize=11, style=filled, color=\"#404040\", penwidth=1];\n";
  out += "  edge [" + font + ", fontsize=9, arrowsize=0.7];\n";
  return out;
}

}  // namespace

std::string dot_quote(std::string_view text, std::size_t max_characters) {
  return quoted(escape_dot_text(text, max_characters));
}

void write_dot(std::ostream& out, const Database& db, const Subgraph& subgraph, const DotOptions& options) {
  const Dataset& data = db.dataset();
  const RelationSchema& schema = db.schema();
  const QuietRelations quiet{schema.core_names().participant_in, schema.core_names().held_in,
                             schema.core_names().role};
  const EventTable& events = db.events();

  std::vector<bool> focused(data.entities.size());
  for (const EntityIndex e : subgraph.focus) focused[e] = true;
  // The legend sits in the header and shows only what is drawn: what that is comes first, from
  // the event table's statuses (the ones read_event gives), so that each statement can then be
  // written as it is made.
  dot::LegendEntries drawn;
  drawn.kinds.resize(schema.kind_count());
  drawn.statuses.resize(std::size(dot::kEventStatuses));
  drawn.relation_types.resize(schema.relation_type_count());
  for (const EntityIndex e : subgraph.entities) {
    drawn.kinds[data.entities[e].kind] = true;
    if (const auto slot = events.slot(e); slot != EventTable::kNoSlot) mark_status(events.status_name(events.status(slot)), drawn.statuses);
  }
  for (const RelationIndex r : subgraph.relations) drawn.relation_types[data.relations[r].type] = true;

  std::string legend;
  if (options.legend == DotLegend::kFull) legend = dot::legend_table(schema, dot::full_legend(schema));
  if (options.legend == DotLegend::kCompact && !subgraph.entities.empty()) legend = dot::legend_table(schema, drawn);

  // A diagram of the whole graph is tens of megabytes: written as it is made, never held whole.
  detail::ChunkedWrites sink(out);
  sink << graph_header(options, legend);
  for (const EntityIndex e : subgraph.entities) {
    sink << (events.slot(e) != EventTable::kNoSlot ? event_statement(db, e, focused[e]) : entity_statement(db, e, focused[e]));
  }
  for (const RelationIndex r : subgraph.relations) {
    const Relation& relation = data.relations[r];
    const bool between_events = options.layout == "dot" && events.slot(relation.from) != EventTable::kNoSlot &&
                                events.slot(relation.to) != EventTable::kNoSlot;
    sink << relation_statement(db, r, quiet, between_events);
  }
  if (options.layout == "dot") write_date_order(sink, db, subgraph.entities, options.time_axis);
  sink << "}\n";
  sink.flush();
}

std::string to_dot(const Database& db, const Subgraph& subgraph, const DotOptions& options) {
  std::ostringstream out;
  write_dot(out, db, subgraph, options);
  return std::move(out).str();
}

}  // namespace parley
