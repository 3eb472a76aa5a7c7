#include "parley/store/store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

#include "parley/version.h"
#include "store/layout.h"
#include "store/name_keys.h"
#include "store/row_writer.h"
#include "store/sqlite.h"
#include "store/upgrade.h"

namespace parley {

using namespace store;  // this layer's private helpers (core/src/store/*.h)

namespace {

std::string now_utc() {
  const auto now = std::chrono::system_clock::now();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[96];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
  return text;
}


// The file's format version, or 0 (and a diagnostic) when this parley cannot read it.
int check_version(Connection& db, const std::string& path, Diagnostics& diagnostics) {
  SqliteError error;
  auto id = db.prepare("PRAGMA application_id", error);
  auto version = db.prepare("PRAGMA user_version", error);
  int rc = SQLITE_ROW;
  if (!id || !version || (rc = id->step()) != SQLITE_ROW || (rc = version->step()) != SQLITE_ROW) {
    report(diagnostics, path, error.code ? error : db.last_error(rc));
    return 0;
  }
  if (id->integer(0) != kApplicationId) {
    diagnostics.add(ErrorCode::kIoError, "not a parley store (an SQLite database of some other program)",
                    at_file(path));
    return 0;
  }
  const std::int64_t found = version->integer(0);
  if (found < kOldestReadableFormat || found > kStoreFormatVersion) {
    diagnostics.add(ErrorCode::kIoError,
                    "a parley store of format version " + std::to_string(version->integer(0)) +
                        ", which this parley (format version " + std::to_string(kStoreFormatVersion) +
                        ") cannot read",
                    at_file(path));
    return 0;
  }
  return static_cast<int>(found);
}

bool sync_path(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags);
  if (fd < 0) return false;
  const bool ok = fsync(fd) == 0;
  close(fd);
  return ok;
}

std::string directory_of(const std::string& path) {
  const auto parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

std::string hex(std::uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

// Settings every connection needs: WAL (readers see the last commit while a write goes on),
// synchronous=FULL (in WAL mode, each commit's log is fsync'd before it is acknowledged), and
// SQLite's defensive checks.
bool configure(Connection& db, SqliteError& error) {
  // mmap: a store is read whole on opening, through the page cache rather than read() calls.
  return db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=OFF; PRAGMA cell_size_check=ON;"
                 " PRAGMA mmap_size=" + std::to_string(kWholeReadMmapBytes) + ";", error);
}

bool insert_transaction(Connection& db, TransactionInfo& info, SqliteError& error) {
  auto insert = db.prepare("INSERT INTO transactions(time, author, message) VALUES(?1, ?2, ?3)", error);
  if (!insert) return false;
  info.time = now_utc();
  insert->bind(1, info.time);
  insert->bind(2, info.author);
  insert->bind(3, info.message);
  if (!db.run(*insert, error)) return false;
  info.id = db.last_insert_rowid();
  return true;
}

bool set_meta(Connection& db, std::string_view key, std::string_view value, SqliteError& error) {
  auto set = db.prepare("INSERT INTO meta(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2", error);
  if (!set) return false;
  set->bind(1, key);
  set->bind(2, value);
  return db.run(*set, error);
}


}  // namespace

Store::Store(std::string path, std::unique_ptr<Connection> connection)
    : path_(std::move(path)), connection_(std::move(connection)) {}
Store::~Store() { rollback(); }
Store::Store(Store&&) noexcept = default;

bool Store::looks_like_store(const std::string& path) {
  if (path.size() > 7 && path.ends_with(".parley")) return true;
  std::ifstream in(path, std::ios::binary);
  char header[16] = {};
  return in.read(header, sizeof header) && std::memcmp(header, "SQLite format 3", 16) == 0;
}

bool Store::create(const std::string& path, const Dataset& dataset, const RelationSchema& schema,
                   const DatasetInfo& about, TransactionInfo info, Diagnostics& diagnostics) {
  std::error_code exists_error;
  if (std::filesystem::exists(path, exists_error)) {
    diagnostics.add(ErrorCode::kIoError,
                    "already exists; build writes a new store and never replaces one (its history would be lost): "
                    "remove it first or choose another name",
                    at_file(path));
    return false;
  }
  // Written beside the target under a temporary name, then renamed: a failure or a crash never
  // leaves a half-built store under the name asked for.
  std::string temporary = directory_of(path) + "/.parley-build-XXXXXX";
  const int fd = mkstemp(temporary.data());
  if (fd < 0) {
    diagnostics.add(ErrorCode::kIoError, std::string("cannot create a file beside it: ") + std::strerror(errno), at_file(path));
    return false;
  }
  // mkstemp makes the file private; a store is read like any dataset file.
  fchmod(fd, 0644);
  close(fd);
  const auto remove_temporary = [&] {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(temporary + suffix, exists_error);
  };
  SqliteError error;
  const auto fail = [&](const SqliteError& e) {
    report(diagnostics, path, e);
    remove_temporary();
    return false;
  };
  {
    auto db = Connection::open(temporary, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
    if (!db) return fail(error);
    if (!db->exec("PRAGMA application_id=" + std::to_string(kApplicationId) +
                      "; PRAGMA user_version=" + std::to_string(kStoreFormatVersion) + ";",
                  error) ||
        // A new file under a temporary name needs no journal while it is filled: a failure
        // removes it, and it is synced as a whole before it gets its name.
        !db->exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;", error) ||
        !db->exec("BEGIN IMMEDIATE", error) || !db->exec(kCreateTables, error) ||
        !insert_transaction(*db, info, error)) {
      return fail(error);
    }
    RowWriter writer(*db, info.id, error);
    if (!writer.ok()) return fail(error);
    std::vector<std::int64_t> source_rows, entity_rows;
    for (const auto& s : dataset.sources) {
      source_rows.push_back(writer.source(s));
      if (!source_rows.back()) return fail(db->last_error(writer.failure()));
    }
    const auto source_row = [&](std::string_view id) { return source_rows[*dataset.source_by_id.find(id)]; };
    for (const auto& e : dataset.entities) {
      entity_rows.push_back(writer.entity(e, schema.kind(e.kind).name, dataset, source_row));
      if (!entity_rows.back()) return fail(db->last_error(writer.failure()));
    }
    for (const auto& r : dataset.relations) {
      if (!writer.relation(r, schema, entity_rows[r.from], entity_rows[r.to], dataset, source_row)) {
        return fail(db->last_error(writer.failure()));
      }
    }
    for (const auto& [key, value] : {std::pair("title", &about.title), std::pair("description", &about.description),
                                     std::pair("schema", &about.schema)}) {
      if (!value->empty() && !set_meta(*db, key, *value, error)) return fail(error);
    }
    if (!db->exec(kCreateIndexes, error) || !set_meta(*db, "checksum", hex(writer.checksum_delta()), error) ||
        !set_meta(*db, "written_by", std::string("parley ") + kVersion, error) ||
        !set_meta(*db, kNameWordKeys, "1", error) || !db->exec("COMMIT", error)) {
      return fail(error);
    }
    // WAL from now on (the mode is kept in the file), for every later reader and writer.
    if (!db->exec("PRAGMA journal_mode=WAL", error)) return fail(error);
  }
  if (!sync_path(temporary, O_RDONLY)) {
    diagnostics.add(ErrorCode::kIoError, std::string("cannot sync the new store: ") + std::strerror(errno), at_file(path));
    remove_temporary();
    return false;
  }
  // link() rather than rename(): it fails if `path` appeared meanwhile, instead of replacing it.
  if (link(temporary.c_str(), path.c_str()) != 0) {
    diagnostics.add(ErrorCode::kIoError, std::string("cannot create: ") + std::strerror(errno), at_file(path));
    remove_temporary();
    return false;
  }
  remove_temporary();
  if (!sync_path(directory_of(path), O_RDONLY | O_DIRECTORY)) {
    diagnostics.add(ErrorCode::kIoError, std::string("cannot sync its directory: ") + std::strerror(errno), at_file(path));
    return false;
  }
  return true;
}

std::unique_ptr<Store> Store::open(const std::string& path, Diagnostics& diagnostics) {
  std::error_code fs_error;
  if (!std::filesystem::exists(path, fs_error)) {
    diagnostics.add(ErrorCode::kIoError, "cannot open: No such file or directory", at_file(path));
    return nullptr;
  }
  if (std::filesystem::is_directory(path, fs_error)) {
    diagnostics.add(ErrorCode::kIoError, "cannot read: it is a directory", at_file(path));
    return nullptr;
  }
  SqliteError error;
  // Read-write even to read: in WAL mode a reader records its snapshot in the shared-memory file.
  // NOMUTEX: a connection is used by one thread, so SQLite need not lock around every call.
  auto db = Connection::open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, error);
  if (!db) {
    report(diagnostics, path, error);
    return nullptr;
  }
  const int format = check_version(*db, path, diagnostics);
  if (!format) return nullptr;
  if (!configure(*db, error)) {
    report(diagnostics, path, error);
    return nullptr;
  }
  auto store = std::unique_ptr<Store>(new Store(path, std::make_unique<Connection>(std::move(*db))));
  store->format_ = format;
  return store;
}

bool Store::log(std::vector<TransactionSummary>& out, Diagnostics& diagnostics) {
  Connection& db = *connection_;
  SqliteError error;
  if (!in_transaction_ && !db.exec("BEGIN", error)) {
    report(diagnostics, path_, error);
    return false;
  }
  const auto finish = [&](bool ok) {
    if (!in_transaction_) db.exec(ok ? "COMMIT" : "ROLLBACK", error);
    return ok;
  };
  auto list = db.prepare("SELECT id, time, author, message FROM transactions ORDER BY id", error);
  if (!list) {
    report(diagnostics, path_, error);
    return finish(false);
  }
  std::vector<TransactionSummary> summaries;
  int rc;
  while ((rc = list->step()) == SQLITE_ROW) {
    TransactionSummary summary;
    summary.info = TransactionInfo{list->integer(0), std::string(list->text(1)), std::string(list->text(2)),
                                   std::string(list->text(3))};
    summaries.push_back(std::move(summary));
  }
  if (rc != SQLITE_DONE) {
    report(diagnostics, path_, db.last_error(rc));
    return finish(false);
  }
  for (const char* table : kRecordTables) {
    for (const bool added : {true, false}) {
      const std::string column = added ? "added" : "retracted";
      auto count = db.prepare(std::string("SELECT ") + column + ", count(*) FROM " + table + " WHERE " + column +
                                  " IS NOT NULL GROUP BY " + column,
                              error);
      if (!count) {
        report(diagnostics, path_, error);
        return finish(false);
      }
      while ((rc = count->step()) == SQLITE_ROW) {
        const std::int64_t tx = count->integer(0);
        if (tx < 1 || static_cast<std::size_t>(tx) > summaries.size()) continue;
        auto& summary = summaries[static_cast<std::size_t>(tx - 1)];
        (added ? summary.added : summary.retracted).emplace_back(table, count->integer(1));
      }
      if (rc != SQLITE_DONE) {
        report(diagnostics, path_, db.last_error(rc));
        return finish(false);
      }
    }
  }
  out = std::move(summaries);
  return finish(true);
}

namespace {

struct BusyState {
  int timeout_ms;
  const std::function<void()>* on_wait;
};

// SQLite calls this while another connection holds the lock: tell the person once, then keep
// trying every 10 ms until the timeout.
int wait_for_lock(void* state, int attempts) {
  auto* busy = static_cast<BusyState*>(state);
  if (attempts == 0 && busy->on_wait && *busy->on_wait) (*busy->on_wait)();
  if (attempts * 10 >= busy->timeout_ms) return 0;
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  return 1;
}

}  // namespace

bool Store::begin(const Wait& wait, Diagnostics& diagnostics) {
  Connection& db = *connection_;
  BusyState state{wait.timeout_ms, &wait.on_wait};
  sqlite3_busy_handler(db.handle(), wait_for_lock, &state);
  SqliteError error;
  // IMMEDIATE takes the write lock now: what is read next is what this write applies to.
  const bool ok = db.exec("BEGIN IMMEDIATE", error);
  sqlite3_busy_handler(db.handle(), nullptr, nullptr);
  if (!ok) {
    if ((error.code & 0xff) == SQLITE_BUSY) {
      diagnostics.add(ErrorCode::kIoError,
                      "another process kept the store locked for " + std::to_string(wait.timeout_ms / 1000) +
                          " s; gave up, nothing was written",
                      at_file(path_));
    } else {
      report(diagnostics, path_, error);
    }
    return false;
  }
  in_transaction_ = true;
  // A store of an older format is upgraded by its first write, in the write's own transaction:
  // if the write fails, the store stays as it was, of its older format.
  if (format_ < kStoreFormatVersion) {
    if (!upgrade_store(db, format_, error)) {
      report(diagnostics, path_, error);
      rollback();
      return false;
    }
  }
  auto meta = db.prepare("SELECT value FROM meta WHERE key = 'checksum'", error);
  if (!meta || meta->step() != SQLITE_ROW) {
    report(diagnostics, path_, error.code ? error : db.last_error(SQLITE_CORRUPT));
    rollback();
    return false;
  }
  checksum_at_begin_ = std::strtoull(std::string(meta->text(0)).c_str(), nullptr, 16);
  return true;
}

bool Store::about(DatasetInfo& out, Diagnostics& diagnostics) {
  SqliteError error;
  auto meta = connection_->prepare("SELECT key, value FROM meta WHERE key IN ('title', 'description', 'schema')", error);
  if (!meta) {
    report(diagnostics, path_, error);
    return false;
  }
  out = DatasetInfo{};
  int rc = SQLITE_ROW;
  while ((rc = meta->step()) == SQLITE_ROW) {
    const std::string_view key = meta->text(0);
    (key == "title" ? out.title : key == "description" ? out.description : out.schema) = std::string(meta->text(1));
  }
  if (rc != SQLITE_DONE) {
    report(diagnostics, path_, connection_->last_error(rc));
    return false;
  }
  return true;
}

bool Store::holds_entity(std::string_view id) {
  SqliteError error;
  auto held = connection_->prepare("SELECT 1 FROM entities WHERE id = ?1 AND retracted IS NULL", error);
  if (!held) return true;
  held->bind(1, id);
  return held->step() != SQLITE_DONE;
}

void Store::rollback() {
  if (!in_transaction_ || !connection_) return;
  SqliteError error;
  connection_->exec("ROLLBACK", error);
  in_transaction_ = false;
}

bool Store::commit(const StoreChanges& changes, TransactionInfo& info, const RelationSchema& schema,
                   Diagnostics& diagnostics) {
  Connection& db = *connection_;
  SqliteError error;
  const auto fail = [&](const SqliteError& e) {
    report(diagnostics, path_, e);
    rollback();
    return false;
  };
  if (!in_transaction_) {
    diagnostics.add(ErrorCode::kIoError, "internal error: commit without begin", at_file(path_));
    return false;
  }
  if (!insert_transaction(db, info, error)) return fail(error);
  RowWriter writer(db, info.id, error);
  if (!writer.ok()) return fail(error);
  const Dataset& dataset = *changes.dataset;
  std::uint64_t delta = 0;

  // Retractions first: a record retracted and re-added in one transaction gets a new row.
  const std::array<std::pair<Table, const std::vector<std::int64_t>*>, 5> retractions = {{
      {kSources, &changes.retract_sources},
      {kEntities, &changes.retract_entities},
      {kAliases, &changes.retract_aliases},
      {kAttributes, &changes.retract_attributes},
      {kRelations, &changes.retract_relations},
  }};
  for (const auto& [table, rows] : retractions) {
    auto retract = db.prepare(std::string("UPDATE ") + kRecordTables[table] +
                                  " SET retracted = ?1 WHERE row = ?2 AND retracted IS NULL",
                              error);
    if (!retract) return fail(error);
    for (const std::int64_t row : *rows) {
      retract->bind(1, info.id);
      retract->bind(2, row);
      if (const int rc = retract->run(); rc != SQLITE_DONE) return fail(db.last_error(rc));
      if (db.changes() != 1) continue;  // listed twice (an entity's alias, and the entity)
      delta += store::retraction_term(table, row, info.id);
    }
  }

  std::vector<std::int64_t> new_source_rows(dataset.sources.size(), 0);
  for (const SourceIndex s : changes.new_sources) {
    new_source_rows[s] = writer.source(dataset.sources[s]);
    if (!new_source_rows[s]) return fail(db.last_error(writer.failure()));
  }
  const auto source_row = [&](std::string_view id) -> std::int64_t {
    const auto index = dataset.source_by_id.find(id);
    if (index && new_source_rows[*index]) return new_source_rows[*index];
    return changes.existing_source_row(id).value_or(0);
  };
  std::vector<std::int64_t> new_entity_rows(dataset.entities.size(), 0);
  for (const EntityIndex e : changes.new_entities) {
    new_entity_rows[e] = writer.entity(dataset.entities[e], schema.kind(dataset.entities[e].kind).name, dataset, source_row);
    if (!new_entity_rows[e]) return fail(db.last_error(writer.failure()));
  }
  for (const auto& part : changes.new_aliases) {
    if (!writer.alias(part.entity_row, dataset.entities[part.entity].aliases[part.position], dataset, source_row)) {
      return fail(db.last_error(writer.failure()));
    }
  }
  for (const auto& part : changes.new_attributes) {
    if (!writer.attribute(part.entity_row, dataset.entities[part.entity].attributes[part.position], dataset, source_row)) {
      return fail(db.last_error(writer.failure()));
    }
  }
  const auto entity_row = [&](EntityIndex e) -> std::int64_t {
    if (new_entity_rows[e]) return new_entity_rows[e];
    return changes.existing_entity_row(dataset.entities[e].id).value_or(0);
  };
  for (const RelationIndex r : changes.new_relations) {
    const Relation& relation = dataset.relations[r];
    if (!writer.relation(relation, schema, entity_row(relation.from), entity_row(relation.to), dataset, source_row)) {
      return fail(db.last_error(writer.failure()));
    }
  }
  delta += writer.checksum_delta();
  if (!set_meta(db, "checksum", hex(checksum_at_begin_ + delta), error)) return fail(error);
  // With WAL and synchronous=FULL, COMMIT returns once the log holding this transaction is
  // fsync'd: the write is durable when this returns true.
  if (!db.exec("COMMIT", error)) return fail(error);
  in_transaction_ = false;
  format_ = kStoreFormatVersion;  // upgraded by this transaction, if it was older
  return true;
}

}  // namespace parley
