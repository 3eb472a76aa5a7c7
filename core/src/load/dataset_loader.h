// Loading dataset files into a Dataset: parse, check structure against the JSON Schema, then
// check meaning against the relation schema (ids, kinds, references, domains and ranges,
// properties, attributes, dates). All records of all files are checked and every problem is
// reported; records with problems are left out of the dataset.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "parley/load/dataset.h"
#include "parley/schema/schema.h"
#include "parley/common/status.h"

#include "load/record_stream.h"

namespace parley::detail {

struct DatasetText {
  std::string name;  // as shown in messages: the path given, or "<embedded>/..."
  std::string_view text;  // held by the caller for as long as the load runs
  // Told, while the text is streamed, where the reading has got to (StreamOptions::read_up_to);
  // none for text that stays in memory anyway.
  std::function<void(std::size_t offset)> read_up_to = nullptr;
};

// How the files are read. kAuto streams them record by record and, at the first problem or
// forward reference, reads them again as whole documents; the tests force each path to show
// that both give the same dataset.
enum class LoadPath { kAuto, kStreamedOnly, kWholeDocuments };

// Loads and merges `inputs` into `dataset`. Diagnostics carry file, line and column. With
// kStreamedOnly, returns false (and reports nothing) where kAuto would fall back.
// `reading` says which thread parses a streamed file (record_stream.h); the tests force each.
bool load_datasets(const std::vector<DatasetText>& inputs, const RelationSchema& schema,
                   std::string_view dataset_json_schema, Dataset& dataset, Diagnostics& diagnostics,
                   LoadPath path = LoadPath::kAuto, Reading reading = Reading::kBySize);

// Fills in line and column for diagnostics that name a file among `inputs` and a JSON pointer.
void resolve_positions(const std::vector<DatasetText>& inputs, Diagnostics& diagnostics);

}  // namespace parley::detail
