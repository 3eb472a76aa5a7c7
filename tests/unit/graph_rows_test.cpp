// The rows every graph export writes (graph_rows.h) and the CSV they are written in (csv.h):
// RFC 4180 quoting, and an event's dates, status and participations read as who-met reads them.
#include <catch2/catch.hpp>

#include <sstream>

#include "parley/export/csv.h"
#include "parley/export/graph_rows.h"
#include "parley/export/table_export.h"
#include "parley/graph/database.h"

using namespace parley;

namespace {

std::unique_ptr<Database> meeting_database() {
  Diagnostics diagnostics;
  auto db = Database::open({std::string(PARLEY_SOURCE_DIR) + "/tests/fixtures/export/meeting.json"}, diagnostics);
  for (const auto& d : diagnostics.items()) UNSCOPED_INFO(d.to_string());
  REQUIRE(db);
  return db;
}

EdgeRow edge_between(const GraphRows& rows, std::string_view from, std::string_view to) {
  const Dataset& data = rows.database().dataset();
  for (RelationIndex r = 0; r < data.relations.size(); ++r) {
    const EdgeRow row = rows.edge(r);
    if (row.from_id == from && row.to_id == to) return row;
  }
  FAIL("no relation " << from << " -> " << to);
  return {};
}

}  // namespace

TEST_CASE("csv_field quotes what RFC 4180 requires and nothing else", "[export][csv]") {
  CHECK(csv_field("plain text") == "plain text");
  CHECK(csv_field("") == "");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("cr\r") == "\"cr\r\"");
  CHECK(csv_field("Кон;о") == "Кон;о");  // ';' is a list delimiter inside a field, not CSV's
}

TEST_CASE("CsvWriter separates fields with commas and ends records with CRLF", "[export][csv]") {
  std::ostringstream out;
  CsvWriter csv(out);
  csv.field("a").field("b,c").end_row();
  csv.field("").field("").end_row();
  CHECK(out.str() == "a,\"b,c\"\r\n,\r\n");
}

TEST_CASE("node rows carry kinds, the narrowest date as days, and the most recent status", "[export]") {
  const auto db = meeting_database();
  const GraphRows rows(*db);
  const NodeRow talks = rows.node(*db->dataset().find_entity("helsinki-talks"));
  CHECK(talks.kind == "meeting");
  CHECK(talks.kinds == std::vector<std::string_view>{"meeting", "gathering", "event", "entity"});
  CHECK(talks.meeting_role == "counted");
  CHECK(talks.date == "2019-03-01");
  CHECK(talks.first_day == "2019-03-01");
  CHECK(talks.last_day == "2019-03-01");
  CHECK(talks.precision == "day");
  CHECK(talks.status == "held");  // s1 (2 March 2019) is more recent than s2's "planned" (10 February)
  CHECK(talks.sources == std::vector<std::string_view>{"s1", "s2"});
  CHECK(talks.citations == 4);
  CHECK(talks.evidence == "quote");

  const NodeRow round = rows.node(*db->dataset().find_entity("spring-round"));
  CHECK(round.date == "mid 2019-04");
  CHECK(round.first_day == "2019-04-11");
  CHECK(round.last_day == "2019-04-20");
  CHECK(round.precision == "month");

  const NodeRow helsinki = rows.node(*db->dataset().find_entity("helsinki"));
  CHECK(helsinki.latitude == "60.1699");
  CHECK(helsinki.date.empty());
  CHECK(helsinki.meeting_role.empty());
}

TEST_CASE("edge rows carry readings, properties and whether a participation counts", "[export]") {
  const auto db = meeting_database();
  const GraphRows rows(*db);
  const auto& names = rows.property_names();
  const auto index_of = [&](std::string_view name) {
    return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
  };
  const EdgeRow mori = edge_between(rows, "mori", "helsinki-talks");
  CHECK(mori.type == "participant_in");
  CHECK(mori.reading == "participant in");
  CHECK(mori.backward_reading == "has participant");
  CHECK(mori.properties[index_of("role")] == "present");
  CHECK(mori.properties[index_of("status")] == "planned");
  REQUIRE(mori.counts);
  CHECK_FALSE(*mori.counts);  // only planned, at a meeting that was held
  const EdgeRow kono = edge_between(rows, "kono", "helsinki-talks");
  REQUIRE(kono.counts);
  CHECK(*kono.counts);
  // At a planned gathering, a planned participation is the norm and counts.
  const EdgeRow mori_spring = edge_between(rows, "mori", "spring-round");
  REQUIRE(mori_spring.counts);
  CHECK(*mori_spring.counts);
  CHECK_FALSE(edge_between(rows, "helsinki-talks", "helsinki").counts);
}

TEST_CASE("each table format lists its files, and every file has a row per record", "[export]") {
  const auto db = meeting_database();
  const Subgraph whole = Subgraph::whole(db->dataset());
  const auto names = [&](TableFormat format) {
    std::vector<std::string> out;
    for (const auto& file : table_export_files(*db, whole, format)) out.push_back(file.name);
    return out;
  };
  CHECK(names(TableFormat::kCsv) == std::vector<std::string>{"nodes.csv", "edges.csv"});
  CHECK(names(TableFormat::kNeo4j) == std::vector<std::string>{"nodes.csv", "relationships.csv", "load_csv.cypher"});
  CHECK(names(TableFormat::kKuzu) == std::vector<std::string>{"schema.cypher", "copy.cypher", "nodes.csv", "edges.csv"});
  for (const auto& file : table_export_files(*db, whole, TableFormat::kCsv)) {
    std::ostringstream out;
    file.write(out);
    std::size_t records = 0;
    for (std::size_t at = out.str().find("\r\n"); at != std::string::npos; at = out.str().find("\r\n", at + 2)) ++records;
    CHECK(records == 1 + (file.name == "nodes.csv" ? db->dataset().entities.size() : db->dataset().relations.size()));
  }
}
