// Writes an import's model as a parley dataset, record by record, with RapidJSON's Writer into
// a buffered stream: no document is ever built, so a year of events costs what the model holds.
#pragma once

#include <ostream>
#include <string>

#include "import/event_model.h"

namespace parley::import {

struct DatasetHeader {
  std::string source_id;  // the one source, and the prefix of every entity id
  std::string title;      // the source's title
  std::string publisher;  // "ICEWS" or "GDELT"
  std::string file;       // the input file as given
  std::string note;       // how it was imported (counts, options)
};

// Writes the whole dataset to `out`; returns false if the stream failed.
bool write_dataset(const EventModel& model, EventFormat format, const DatasetHeader& header, std::ostream& out);

}  // namespace parley::import
