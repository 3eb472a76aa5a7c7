// A parley store: a checked dataset kept in one SQLite file with its history. Every row of a
// source, entity, alias, attribute or relation records the transaction that added it and the one
// that retracted it (none while current); a transaction records when, who and why. Reading the
// store at a transaction gives the dataset as it was then; writes are all or nothing, durable
// once acknowledged, and serialised between processes. The layout is in docs/design.md.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/common/status.h"
#include "parley/load/dataset.h"
#include "parley/load/dataset_info.h"
#include "parley/schema/schema.h"

namespace parley {

namespace store {
class Connection;
}

// The store's format version (SQLite's user_version); a file of another version is refused.
// Format 2 (coded records as evidence) is still read, whole, and upgraded in place by the first
// write. 3: row hashes, name keys and indexes, so that a query reads only what it needs; and the
// dataset's title, description and schema extension in meta (a parley of version 2 would read an
// extended store's kinds as unknown, or drop them). 4: relation ids, attributes' attribution,
// sources' bylines and authors (a parley of format 3 would drop them); a store of format 3 is
// read whole and upgraded by its first write, as one of format 2 is.
inline constexpr int kStoreFormatVersion = 4;

struct TransactionInfo {
  std::int64_t id = 0;  // 1 for the build; assigned on commit
  std::string time;     // UTC, "2026-11-30T14:02:11.123Z"; assigned on commit
  std::string author;
  std::string message;
};

// One transaction as `log` lists it: what it added and retracted, counted by table.
struct TransactionSummary {
  TransactionInfo info;
  std::vector<std::pair<std::string, std::int64_t>> added;      // ("entities", 3), ...
  std::vector<std::pair<std::string, std::int64_t>> retracted;
};

// Which state of the store to read: the latest, or as of a transaction or an instant.
struct AsOf {
  std::optional<std::int64_t> transaction;
  std::optional<std::string> time;  // "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS[.mmm]]", optionally ending in Z; UTC
};

// Where each record of a dataset read from the store lives: row ids, parallel to the dataset's
// vectors (aliases and attributes per entity). Writes use them to retract.
struct StoreRows {
  std::vector<std::int64_t> sources;
  std::vector<std::int64_t> entities;
  std::vector<std::int64_t> relations;
  std::vector<std::vector<std::int64_t>> aliases;
  std::vector<std::vector<std::int64_t>> attributes;
};

// What one transaction changes, in rows: records of `dataset` (a checked dataset holding the
// store's records and the new ones) to insert, and rows to retract.
struct StoreChanges {
  const Dataset* dataset = nullptr;
  std::vector<SourceIndex> new_sources;
  std::vector<EntityIndex> new_entities;  // with their aliases and attributes
  struct Part {
    EntityIndex entity;     // in `dataset`
    std::int64_t entity_row;  // the existing entity's row
    std::size_t position;   // index into its aliases or attributes
  };
  std::vector<Part> new_aliases;
  std::vector<Part> new_attributes;
  std::vector<RelationIndex> new_relations;
  // Rows of records already in the store, by id, resolved for the inserts above.
  std::function<std::optional<std::int64_t>(std::string_view)> existing_source_row;
  std::function<std::optional<std::int64_t>(std::string_view)> existing_entity_row;
  std::vector<std::int64_t> retract_sources, retract_entities, retract_aliases, retract_attributes,
      retract_relations;
};

// What a query will ask about, so that a store can read only what the answer needs: the
// entities it names (by id, name or alias, as on its command line) and how far around them it
// looks. docs/design.md ("Scoped reads") lists what is read.
struct ReadScope {
  std::vector<std::string> names;  // whose surroundings the query reads (who-met A B, show A, ...)
  std::vector<std::string> places; // named only to be compared with (who-met --at PLACE)
  std::size_t depth = 1;           // relations followed from `names` (neighbours --depth N)
  bool among = false;              // also every relation among the entities reached (neighbours)
  bool needs_link = false;         // why A B: A and B must be linked directly or by a shared event
  // who-met answers a state by everyone who acts for it, wherever they met: a named state is
  // read whole, not around itself.
  bool whole_for_states = false;
  // Each event reached brings its participants, venues and what it is part of (queries show
  // them); a write, which checks each record against its own ends, reads without.
  bool events_whole = true;

  // For writes (write.cpp). A name no key finds is passed over rather than sending the read
  // whole: a write names the ids and names it adds, to find any clash with the store's.
  bool missing_ok = false;
  std::vector<std::string> sources;  // sources read by id, with or without a record citing them
  // Relations from the first entity to the second, read whole (a relation to retract).
  std::vector<std::pair<std::string, std::string>> links;
};

class Store {
 public:
  ~Store();
  Store(Store&&) noexcept;

  // True when `path` names a store rather than a JSON dataset: it ends in ".parley" or begins
  // with SQLite's header.
  static bool looks_like_store(const std::string& path);

  // Writes `dataset` as a new store at `path`, as transaction 1, atomically: a temporary file
  // beside it, synced, then renamed, and the directory synced. Refuses to replace an existing
  // file (its history would be lost). False and io-error diagnostics on failure.
  // `about` (title, description, schema extension) is kept beside the records; `schema` is the
  // embedded schema extended by about.schema.
  static bool create(const std::string& path, const Dataset& dataset, const RelationSchema& schema,
                     const DatasetInfo& about, TransactionInfo info, Diagnostics& diagnostics);

  // Opens an existing store. A file that is not a parley store, of another format version,
  // truncated or corrupt gives a diagnostic naming the file and what is wrong.
  static std::unique_ptr<Store> open(const std::string& path, Diagnostics& diagnostics);

  const std::string& path() const { return path_; }
  // The file's format version: kStoreFormatVersion, or an older one this parley still reads.
  int format() const { return format_; }

  // What the dataset said about itself when built: its title, description and schema extension.
  bool about(DatasetInfo& out, Diagnostics& diagnostics);

  // Reads the dataset as of `as_of` (the latest by default) in one read transaction: a write
  // committing meanwhile is seen entirely or not at all. Every row's content is checked
  // against the store's checksum. `rows` (optional) receives where each record lives.
  bool read(const RelationSchema& schema, const AsOf& as_of, Dataset& dataset, Diagnostics& diagnostics,
            StoreRows* rows = nullptr);

  // Reads only the records a query about `scope`'s entities needs (scoped_read.h), as of
  // `as_of`, in one read transaction; every row read is checked against its own hash. Returns
  // kWhole when the query needs the whole store after all (a name no key finds, an older format,
  // or a `why` with no link between its two entities).
  enum class ScopedResult { kRead, kWhole, kFailed };
  ScopedResult read_scoped(const RelationSchema& schema, const AsOf& as_of, const ReadScope& scope, Dataset& dataset,
                           Diagnostics& diagnostics, StoreRows* rows = nullptr);

  // Whether a current entity holds `id` (inside a write, for the ids it makes up). A failed read
  // answers yes, so that the id is not taken twice.
  bool holds_entity(std::string_view id);

  // Every transaction, oldest first, with what it added and retracted.
  bool log(std::vector<TransactionSummary>& out, Diagnostics& diagnostics);

  // Writing: begin() takes the store's write lock (waiting as `wait` says), so that what is
  // read after it is what the write applies to; commit() makes the changes one durable
  // transaction; rollback() (or destruction) drops them.
  struct Wait {
    int timeout_ms = 10000;
    std::function<void()> on_wait;  // called once if another writer holds the lock
  };
  bool begin(const Wait& wait, Diagnostics& diagnostics);
  bool commit(const StoreChanges& changes, TransactionInfo& info, const RelationSchema& schema,
              Diagnostics& diagnostics);
  void rollback();

 private:
  Store(std::string path, std::unique_ptr<store::Connection> connection);
  std::string path_;
  std::unique_ptr<store::Connection> connection_;
  int format_ = kStoreFormatVersion;
  bool in_transaction_ = false;
  std::uint64_t checksum_at_begin_ = 0;
};

}  // namespace parley
