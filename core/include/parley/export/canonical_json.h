// parley's canonical layout of a dataset file: the form `parley fmt` writes, `export --format
// json` produces, and writes to a JSON dataset keep, so that a diff of two versions in git shows
// only the records that changed. The layout (docs/writes.md#the-canonical-layout):
//   - the top-level members in the order format, title, description, schema, sources,
//     entities, relations, identity; members the file lacks stay absent;
//   - `schema` indented by two spaces a level, its members in the author's order;
//   - each record of sources, entities, relations and identity on one line of its own, indented
//     by four spaces, with no spaces inside it and its members in a fixed order (id, type, kind,
//     name, from, to, ... as docs/writes.md lists), nested members ordered the same way except
//     a relation's `properties`, which keep the author's order;
//   - records in the order the author gave them; every member and value kept as it is.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/common/status.h"

namespace parley {

// A dataset file taken apart along the lines of its canonical layout: each record already
// rendered as its one line, so that a write can remove, replace and append lines.
struct CanonicalDataset {
  std::string format;       // the rendered value of "format"
  std::string title;        // rendered values, empty when the member is absent
  std::string description;
  std::string schema;       // the rendered (indented) value of "schema", empty when absent
  std::vector<std::string> sources, entities, relations;
  std::optional<std::vector<std::string>> identity;  // absent, or the records (maybe none)
  std::vector<std::string> source_ids;               // the "id" of each source, for writes
};

// Reads a dataset file as the loader does first: strict JSON (syntax, UTF-8, duplicate keys)
// and the dataset's JSON Schema structure, every problem reported with `name`, line and column.
// References, kinds and values are not checked: the layout does not depend on them, and a file
// may cite what another file holds (`parley check` checks those). False on any problem.
bool read_canonical_dataset(std::string_view name, std::string_view text, CanonicalDataset& out,
                            Diagnostics& diagnostics);

// The file's text in canonical layout.
std::string render_canonical_dataset(const CanonicalDataset& dataset);

// The canonical layout written as it is made, for a document never held whole (the lossless
// export): the members before the records, then each array of records, one line per record.
// render_canonical_dataset writes through it, so both give the same bytes.
class CanonicalWriter {
 public:
  // Writes the opening brace and `head`'s format, title, description and schema (its records
  // are not written).
  CanonicalWriter(std::ostream& out, const CanonicalDataset& head);
  // Starts the array `name`, closing the one before.
  void array(std::string_view name);
  // One record of the current array: a line canonical_record or the record writers made.
  void record(std::string_view line);
  // A whole array of records.
  void array(std::string_view name, const std::vector<std::string>& records);
  // Closes the last array and the document.
  void finish();

 private:
  std::ostream& out_;
  bool in_array_ = false;
  bool array_empty_ = true;
  void close_array(bool last);
};

// A schema extension (JSON text of an object) as the "schema" member is laid out.
std::string canonical_schema(std::string_view json);

// One record (a JSON object given as text) on one line in canonical member order; nullopt if
// `record` is not JSON.
std::optional<std::string> canonical_record(std::string_view record);

}  // namespace parley
