#include "csv_answers.h"

#include <set>
#include <string>

#include "parley/common/date.h"
#include "parley/export/table_export.h"
#include "parley/query/entity_card.h"

namespace parley::cli {
namespace {

std::string ids(const Dataset& data, const std::vector<EntityIndex>& entities) {
  std::string out;
  for (const EntityIndex e : entities) {
    if (!out.empty()) out += kListDelimiter;
    out += data.entities[e].id;
  }
  return out;
}

std::string source_ids(const Dataset& data, const std::set<SourceIndex>& sources) {
  std::string out;
  for (const SourceIndex s : sources) {
    if (!out.empty()) out += kListDelimiter;
    out += data.sources[s].id;
  }
  return out;
}

void add_sources(std::set<SourceIndex>& to, const CitationList& citations) {
  for (const Citation& c : citations) to.insert(c.source);
}

std::string_view relation_type(const Database& db, RelationIndex relation) {
  return db.schema().relation_type(db.dataset().relations[relation].type).name;
}

}  // namespace

void write_event_csv_header(CsvWriter& csv, std::initializer_list<std::string_view> leading) {
  for (const std::string_view name : leading) csv.field(name);
  for (const std::string_view name : {"id", "name", "kind", "date", "first_day", "last_day", "precision", "status",
                                      "places", "participants", "sources"}) {
    csv.field(name);
  }
  csv.end_row();
}

void write_event_csv(CsvWriter& csv, const Database& db, const EventFacts& facts) {
  const Dataset& data = db.dataset();
  const Entity& event = data.entities[facts.event];
  csv.field(event.id).field(event.name).field(db.schema().kind(event.kind).name);
  if (facts.date) {
    const DateSpan span = *facts.span();
    csv.field(facts.date->to_string()).field(iso_date(span.first)).field(iso_date(span.last));
    csv.field(precision_name(facts.date->precision()));
  } else {
    csv.field("").field("").field("").field("");
  }
  csv.field(facts.status);
  // As in JSON: every source cited by the event, its attributes, participants and venues, in dataset order.
  std::set<SourceIndex> sources;
  add_sources(sources, event.citations);
  for (const Attribute& a : event.attributes) add_sources(sources, a.citations);
  std::vector<EntityIndex> places;
  for (const Venue& v : facts.venues) {
    places.push_back(v.place);
    add_sources(sources, data.relations[v.relation].citations);
  }
  std::vector<EntityIndex> participants;
  for (const Participation& p : facts.participants) {
    if (facts.counts(p)) participants.push_back(p.who);  // one only expected at a held gathering is left out, as in text
    add_sources(sources, data.relations[p.relation].citations);
  }
  csv.field(ids(data, places)).field(ids(data, participants)).field(source_ids(data, sources));
  csv.end_row();
}

void write_neighbours_csv(std::ostream& out, const Database& db, const NeighboursResult& result) {
  const Dataset& data = db.dataset();
  CsvWriter csv(out);
  for (const std::string_view name : {"id", "name", "kind", "distance", "reached_from", "type", "direction", "reading"}) {
    csv.field(name);
  }
  csv.end_row();
  for (const Neighbour& n : result.neighbours) {
    const Entity& e = data.entities[n.entity];
    csv.field(e.id).field(e.name).field(db.schema().kind(e.kind).name).field(std::to_string(n.distance));
    csv.field(data.entities[n.parent].id).field(relation_type(db, n.relation)).field(n.forward ? "forward" : "backward");
    csv.field(reading(db, n.relation, n.forward));
    csv.end_row();
  }
}

void write_paths_csv(std::ostream& out, const Database& db, const PathResult& result) {
  const Dataset& data = db.dataset();
  CsvWriter csv(out);
  for (const std::string_view name : {"path", "hop", "from", "to", "type", "direction", "reading", "met_at", "sources"}) {
    csv.field(name);
  }
  csv.end_row();
  for (std::size_t p = 0; p < result.paths.size(); ++p) {
    const Path& path = result.paths[p];
    for (std::size_t h = 0; h < path.hops.size(); ++h) {
      const Hop& hop = path.hops[h];
      std::set<SourceIndex> sources;
      add_sources(sources, data.relations[hop.relation].citations);
      if (hop.second) add_sources(sources, data.relations[*hop.second].citations);
      csv.field(std::to_string(p + 1)).field(std::to_string(h + 1));
      csv.field(data.entities[hop.from].id).field(data.entities[hop.to].id);
      if (hop.met_at) {
        // Both attended one gathering: two participant_in relations, read as "met at".
        csv.field("met").field("").field("met at").field(data.entities[*hop.met_at].id);
      } else {
        csv.field(relation_type(db, hop.relation)).field(hop.forward ? "forward" : "backward");
        csv.field(reading(db, hop.relation, hop.forward)).field("");
      }
      csv.field(source_ids(data, sources));
      csv.end_row();
    }
  }
}

}  // namespace parley::cli
