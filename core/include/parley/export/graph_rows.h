// The graph as two tables, one row per entity and one per relation, with the facts every graph
// export carries: kind and kinds above it, dates as intervals of days, the status as stated by
// the most recent source, relation readings and properties, the sources cited and the kind of
// evidence. GraphML, GEXF, CSV, Neo4j and Kuzu write these rows, one at a time: a row is built,
// written and dropped, so an export never holds its whole output.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/graph/database.h"

namespace parley {

struct NodeRow {
  EntityIndex index = 0;
  std::string_view id;
  std::string_view name;
  std::string_view kind;
  std::vector<std::string_view> kinds;    // the kind, then each kind above it: meeting, gathering, event, entity
  std::string_view meeting_role;          // who-met's reading of a gathering kind: counted, listed, when_asked; else empty
  std::vector<std::string_view> aliases;
  // The narrowest stated date, as written ("2018-11"), and the days the entity may cover, from
  // that date's first day to the last day of it or of its end date; all empty when none is stated.
  std::string date;
  std::string first_day;  // YYYY-MM-DD
  std::string last_day;   // YYYY-MM-DD
  std::string precision;  // day, month or year
  std::string status;     // as stated by the most recent source; empty when none is
  std::string_view latitude;   // as stated, decimal degrees; empty when not stated
  std::string_view longitude;
  std::vector<std::string_view> sources;  // ids of the sources cited by the entity, its aliases and attributes
  std::size_t citations = 0;              // how many citations those are
  std::string_view evidence;              // "quote", "coded record" or "quote, coded record"; empty: none cited
};

struct EdgeRow {
  RelationIndex index = 0;
  EntityIndex from = 0;
  EntityIndex to = 0;
  std::string_view from_id;
  std::string_view to_id;
  std::string_view type;
  std::string reading;           // from → to, with the role filled in
  std::string backward_reading;  // to → from
  std::vector<std::string_view> properties;  // one per schema property (RelationSchema::property), empty when not carried
  // For a participant_in relation: whether who-met counts the participation (one only planned
  // at a gathering that was held does not). Empty for other relations.
  std::optional<bool> counts;
  std::vector<std::string_view> sources;
  std::size_t citations = 0;
  std::string_view evidence;
};

// Builds rows for one database. Holds the few lookups every row needs.
class GraphRows {
 public:
  explicit GraphRows(const Database& db);

  NodeRow node(EntityIndex entity) const;
  EdgeRow edge(RelationIndex relation) const;

  const Database& database() const { return db_; }
  // The schema's relation properties, in the order EdgeRow::properties lists them.
  const std::vector<std::string_view>& property_names() const { return property_names_; }

 private:
  const Database& db_;
  std::vector<std::string_view> property_names_;
  std::optional<RelationTypeId> participant_in_;
  std::optional<PropertyId> role_;
  std::optional<PropertyId> status_;
};

// A list of a row (kinds, aliases, sources) as one field, its items separated by `separator`.
std::string joined(const std::vector<std::string_view>& items, char separator);

}  // namespace parley
