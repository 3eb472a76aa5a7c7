// Query answers as CSV (--format csv): a header row, then one row per item of the answer, as
// RFC 4180 writes it (parley/export/csv.h), each row written as it is made. Lists inside a field
// (places, participants, sources) are ids joined with ';'. The columns are in docs/export.md.
#pragma once

#include <ostream>
#include <string_view>

#include "parley/export/csv.h"
#include "parley/query/event_facts.h"
#include "parley/query/neighbours.h"
#include "parley/query/path.h"

namespace parley::cli {

// who-met and timeline: an event per row. `leading` names columns written before the event's
// own (who-met's "row" and "within"); write_event_csv writes only the event's own.
void write_event_csv_header(CsvWriter& csv, std::initializer_list<std::string_view> leading = {});
void write_event_csv(CsvWriter& csv, const Database& db, const EventFacts& facts);

void write_neighbours_csv(std::ostream& out, const Database& db, const NeighboursResult& result);
void write_paths_csv(std::ostream& out, const Database& db, const PathResult& result);

}  // namespace parley::cli
