// A Database is what a session of parley works on: the relation schema, the checked dataset
// (one or more files merged), the graph built from it and the name index. It is immutable once
// open, so any number of queries may read it at once.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "parley/load/dataset.h"
#include "parley/graph/attendance.h"
#include "parley/graph/event_table.h"
#include "parley/graph/graph.h"
#include "parley/graph/names.h"
#include "parley/schema/schema.h"
#include "parley/common/status.h"

namespace parley {
namespace detail {
struct DatasetText;
}

// The name `--db` takes for the dataset embedded in the binary.
inline constexpr std::string_view kEmbeddedDatasetName = "@default";

// The largest dataset file read unless asked otherwise: 4 GiB, seven times the largest
// benchmark dataset (549 MB), and about what RapidJSON's 32-bit offsets can address.
inline constexpr std::uint64_t kDefaultMaxFileBytes = std::uint64_t{4} << 30;

class Database {
 public:
  // Opens the datasets at `paths`, merged in order; "@default" names the embedded dataset.
  // An empty list opens the embedded dataset. `schema_paths` are schema extensions
  // (schema_extension.h) added, with any dataset's own "schema" member, to the embedded
  // relation schema. Returns nullptr and fills `diagnostics` (with file, line and column) when
  // any file cannot be read or is invalid. On success `diagnostics` may hold warnings (entities
  // of two files that look like one: lookalikes.h).
  // A file larger than `max_file_bytes` is not read (an io-error says so): `--db /dev/zero`
  // must not fill the memory.
  static std::unique_ptr<Database> open(const std::vector<std::string>& paths, Diagnostics& diagnostics,
                                        std::uint64_t max_file_bytes = kDefaultMaxFileBytes,
                                        const std::vector<std::string>& schema_paths = {});

  // Opens datasets given as text, e.g. by tests; names are used in diagnostics.
  struct Text {
    std::string name;
    std::string json;
  };
  static std::unique_ptr<Database> open_texts(std::vector<Text> texts, Diagnostics& diagnostics,
                                              std::vector<Text> schema_texts = {});

  // A database over a dataset already checked (as a store's is when written): builds the graph
  // and the name index. Returns nullptr, with ambiguous-name diagnostics, if names clash.
  // `schema` is the relation schema the dataset was read with, when it is not the embedded one;
  // databases over parts of one dataset share it.
  static std::unique_ptr<Database> from_dataset(Dataset dataset, Diagnostics& diagnostics,
                                                std::shared_ptr<const RelationSchema> schema = nullptr);

  // A database over `dataset`, a restriction of this one's (dataset_known_by), with the same
  // schema. Returns nullptr, with diagnostics, if its names clash (they cannot, being a subset).
  std::unique_ptr<Database> with_dataset(Dataset dataset, Diagnostics& diagnostics) const {
    return from_dataset(std::move(dataset), diagnostics, own_schema_);
  }

  const RelationSchema& schema() const { return *schema_; }
  const Dataset& dataset() const { return dataset_; }
  const Graph& graph() const { return graph_; }
  // Who attended which held gathering, for `met` searches; built on first use (most sessions
  // never need it).
  const Attendance& attendance() const;
  // Every event's dates, status, participants and venues in flat arrays, built on first use.
  const EventTable& events() const;
  const NameIndex& names() const { return names_; }

  // Entities matching an id, name or alias (see NameIndex::find).
  std::vector<EntityIndex> find(std::string_view query) const { return names_.find(dataset_, query); }

 private:
  Database() = default;
  // Loads the texts, which the caller keeps alive until this returns.
  static std::unique_ptr<Database> open_inputs(const std::vector<detail::DatasetText>& inputs, Diagnostics& diagnostics,
                                               const std::vector<Text>& schema_texts);
  // Builds the name index and, when `loaded` (the records had no problem), the graph. False
  // when anything was reported.
  bool index(Diagnostics& diagnostics, bool loaded);

  const RelationSchema* schema_ = nullptr;  // the embedded schema (shared, lives for the process) or own_schema_
  std::shared_ptr<const RelationSchema> own_schema_;  // the embedded schema with extensions, when any
  Dataset dataset_;
  Graph graph_;
  NameIndex names_;
  mutable std::once_flag attendance_built_;
  mutable std::unique_ptr<Attendance> attendance_;
  mutable std::once_flag events_built_;
  mutable std::unique_ptr<EventTable> events_;
};

// The embedded relation schema. Aborts if it does not parse, which the tests rule out.
const RelationSchema& embedded_schema();

}  // namespace parley
