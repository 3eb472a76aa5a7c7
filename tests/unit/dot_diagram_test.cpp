// What a diagram tells a reader, read from the DOT of the default dataset: each event's date
// and status in its label and its status in its border, words on the edges only where the line
// does not say it, events in date order, and a legend of what is drawn.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "parley/export/dot_export.h"
#include "parley/graph/database.h"

using namespace parley;

namespace {

std::unique_ptr<Database> default_database() {
  Diagnostics diagnostics;
  auto db = Database::open({}, diagnostics);
  REQUIRE(db);
  return db;
}

EntityIndex entity(const Database& db, std::string_view id) {
  const auto e = db.dataset().find_entity(id);
  REQUIRE(e);
  return *e;
}

// Every relation touching one of `ids`, with both its ends.
Subgraph around(const Database& db, const std::vector<std::string_view>& ids) {
  Subgraph subgraph;
  for (const auto id : ids) subgraph.add_entity(entity(db, id));
  const auto& relations = db.dataset().relations;
  for (RelationIndex r = 0; r < relations.size(); ++r) {
    for (const auto id : ids) {
      const EntityIndex e = entity(db, id);
      if (relations[r].from == e || relations[r].to == e) subgraph.add_relation(db.dataset(), r);
    }
  }
  subgraph.normalize();
  return subgraph;
}

std::string statement_of(const std::string& dot, const std::string& ids) {
  const auto at = dot.find("\n  " + ids + " [");
  REQUIRE(at != std::string::npos);
  return dot.substr(at + 1, dot.find('\n', at + 1) - at - 1);
}

std::string node(const Database& db, std::string_view id) { return "e" + std::to_string(entity(db, id)); }

std::string graph_line(const std::string& dot) { return dot.substr(0, dot.find('\n', dot.find("graph ["))); }

const std::vector<std::string_view> kEvents = {"kono-lavrov-moscow-2019-01-14", "abe-putin-moscow-2019-01-22",
                                               "kono-lavrov-germany-2019-02", "trump-putin-talks",
                                               "abe-putin-vladivostok-2018-09"};

}  // namespace

TEST_CASE("an event's label carries its date and status, and its border the status", "[export][diagram]") {
  const auto db = default_database();
  const std::string dot = to_dot(*db, around(*db, kEvents));

  const std::string held = statement_of(dot, node(*db, "kono-lavrov-moscow-2019-01-14"));
  CHECK(held.find("14 January 2019 \xC2\xB7 held</FONT>>") != std::string::npos);
  CHECK(held.find("style=") == std::string::npos);  // the node default: filled, solid

  const std::string planned = statement_of(dot, node(*db, "abe-putin-moscow-2019-01-22"));
  CHECK(planned.find("22 January 2019 \xC2\xB7 planned") != std::string::npos);
  CHECK(planned.find("style=\"filled,dashed\"") != std::string::npos);

  const std::string possible = statement_of(dot, node(*db, "kono-lavrov-germany-2019-02"));
  CHECK(possible.find("mid-February 2019 \xC2\xB7 possible") != std::string::npos);
  CHECK(possible.find("style=\"filled,dotted\"") != std::string::npos);

  const std::string cancelled = statement_of(dot, node(*db, "trump-putin-talks"));
  CHECK(cancelled.find("label=<<S>") != std::string::npos);
  CHECK(cancelled.find("date not stated \xC2\xB7 cancelled") != std::string::npos);
  CHECK(cancelled.find("fillcolor=\"#e0e0e0\"") != std::string::npos);

  // A person's label is the name alone: the shape says the kind.
  CHECK(statement_of(dot, node(*db, "shinzo-abe")).find("label=\"Shinzo Abe\",") != std::string::npos);

  // The legend shows each status drawn in the style drawn, and no other.
  const std::string legend = graph_line(dot);
  CHECK(legend.find("STYLE=\"dashed\"") != std::string::npos);
  CHECK(legend.find("STYLE=\"dotted\"") != std::string::npos);
  CHECK(legend.find("<S>cancelled</S>") != std::string::npos);
  CHECK(legend.find(">abandoned<") == std::string::npos);
}

TEST_CASE("edges carry words only where the line does not say it", "[export][diagram]") {
  const auto db = default_database();
  const std::string dot = to_dot(*db, around(*db, kEvents));
  // Abe as a principal of the planned summit, and where it was to be held: no words.
  const std::string principal =
      statement_of(dot, node(*db, "shinzo-abe") + " -> " + node(*db, "abe-putin-moscow-2019-01-22"));
  CHECK(principal.find("label=") == std::string::npos);
  CHECK(principal.find("tooltip=\"Shinzo Abe \xE2\x80\x94 participant in (principal) \xE2\x80\x94 Abe") != std::string::npos);
  const std::string venue = statement_of(dot, node(*db, "abe-putin-moscow-2019-01-22") + " -> " + node(*db, "moscow"));
  CHECK(venue.find("label=") == std::string::npos);
  // Someone merely present says so.
  const std::string present =
      statement_of(dot, node(*db, "takeo-mori") + " -> " + node(*db, "kono-lavrov-moscow-2019-01-14"));
  CHECK(present.find("label=\"present\"") != std::string::npos);
  // The legend names both lines by their readings.
  CHECK(graph_line(dot).find(">participant in<") != std::string::npos);
  CHECK(graph_line(dot).find(">held in<") != std::string::npos);
}

TEST_CASE("events stand in date order, on an axis of years for a timeline", "[export][diagram]") {
  const auto db = default_database();
  const Subgraph subgraph = around(*db, kEvents);
  const std::string dot = to_dot(*db, subgraph);
  const std::string order = dot.substr(dot.find("  subgraph date_order {"));
  CHECK(order.find("rank=same;") != std::string::npos);
  const auto at = [&](std::string_view id) { return order.find(node(*db, id) + " -> "); };
  CHECK(at("abe-putin-vladivostok-2018-09") < at("kono-lavrov-moscow-2019-01-14"));
  CHECK(at("kono-lavrov-moscow-2019-01-14") < at("abe-putin-moscow-2019-01-22"));
  CHECK(at("abe-putin-moscow-2019-01-22") < at("kono-lavrov-germany-2019-02"));
  CHECK(order.find("style=invis") != std::string::npos);
  CHECK(order.find("axis_") == std::string::npos);
  // A relation between two events leaves their order to their dates: the summit is part of a
  // visit listed after it.
  const Subgraph visit = around(*db, {"abe-putin-moscow-2019-01-22"});
  const std::string part_of = to_dot(*db, visit);
  CHECK(part_of.find("constraint=false, xlabel=\"part of\"") != std::string::npos);

  DotOptions options;
  options.time_axis = true;
  const std::string timeline = to_dot(*db, subgraph, options);
  const std::string axis = timeline.substr(timeline.find("  subgraph date_order {"));
  CHECK(axis.find("style=invis") == std::string::npos);
  const auto mark = [&](const std::string& label) { return axis.find("[label=\"" + label + "\", shape=plaintext"); };
  CHECK(mark("2018") != std::string::npos);
  CHECK(mark("2018") < mark("2019"));
  CHECK(mark("2019") < mark("date not stated"));

  options.layout = "sfdp";
  const std::string force = to_dot(*db, subgraph, options);
  CHECK(force.find("layout=sfdp, overlap=false") != std::string::npos);
  CHECK(force.find("date_order") == std::string::npos);
}

TEST_CASE("the legend shows nothing, what is drawn, or every style", "[export][diagram]") {
  const auto db = default_database();
  const Subgraph two = around(*db, {"abe-putin-vladivostok-2018-09"});
  DotOptions options;
  options.title = "A & B";
  const std::string compact = graph_line(to_dot(*db, two, options));
  CHECK(compact.find("<FONT POINT-SIZE=\"16\">A &amp; B</FONT>") != std::string::npos);
  CHECK(compact.find(">meeting<") != std::string::npos);
  CHECK(compact.find(">news conference<") == std::string::npos);
  CHECK(compact.find("cancelled") == std::string::npos);
  CHECK(compact.find("position_on") == std::string::npos);

  options.legend = DotLegend::kFull;
  const std::string full = graph_line(to_dot(*db, two, options));
  CHECK(full.find(">news conference<") != std::string::npos);
  CHECK(full.find("<S>cancelled</S>") != std::string::npos);
  CHECK(full.find(">position on<") != std::string::npos);
  CHECK(full.find("position_on") == std::string::npos);

  options.legend = DotLegend::kNone;
  const std::string none = graph_line(to_dot(*db, two, options));
  CHECK(none.find("<TABLE") == std::string::npos);
  CHECK(none.find("label=\"A &amp; B\"") != std::string::npos);
}
