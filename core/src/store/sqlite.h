// A thin RAII layer over SQLite's C API for the store: a connection, prepared statements with
// typed binding and reading, and errors as messages. Private to core/src/store.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace parley::store {

// A failed SQLite call: the result code and SQLite's own words for it.
struct SqliteError {
  int code = SQLITE_OK;
  std::string message;
};

class Statement;

class Connection {
 public:
  // Opens `path` with SQLite's flags (SQLITE_OPEN_READONLY, ..._READWRITE | ..._CREATE).
  static std::optional<Connection> open(const std::string& path, int flags, SqliteError& error);
  Connection(Connection&&) = default;
  Connection& operator=(Connection&&) = default;

  // Runs one or more statements that return no rows; false (and `error`) on failure.
  bool exec(std::string_view sql, SqliteError& error);
  // Prepares one statement; an empty optional (and `error`) on failure.
  std::optional<Statement> prepare(std::string_view sql, SqliteError& error);
  SqliteError last_error(int code) const;
  // Runs `statement`, which returns no rows, and resets it; false (and `error`) on failure.
  bool run(Statement& statement, SqliteError& error);
  std::int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_.get()); }
  int changes() const { return sqlite3_changes(db_.get()); }
  sqlite3* handle() const { return db_.get(); }

 private:
  struct Close {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };
  explicit Connection(sqlite3* db) : db_(db) {}
  std::unique_ptr<sqlite3, Close> db_;
};

class Statement {
 public:
  // Binds the parameter at 1-based `index`.
  void bind(int index, std::int64_t value) { sqlite3_bind_int64(stmt_.get(), index, value); }
  // Text, never NULL: an empty view may have no data pointer, which SQLite would bind as NULL.
  void bind(int index, std::string_view text) {
    sqlite3_bind_text(stmt_.get(), index, text.empty() ? "" : text.data(), static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
  }
  void bind_null(int index) { sqlite3_bind_null(stmt_.get(), index); }
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int step() { return sqlite3_step(stmt_.get()); }
  void reset() {
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
  }
  // Runs a statement that returns no rows and resets it; the result code.
  int run() {
    const int rc = step();
    reset();
    return rc == SQLITE_ROW ? SQLITE_DONE : rc;
  }
  std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_.get(), column); }
  bool is_null(int column) const { return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL; }
  bool is_integer(int column) const { return sqlite3_column_type(stmt_.get(), column) == SQLITE_INTEGER; }
  std::string_view text(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_.get(), column));
    return data ? std::string_view(data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), column)))
                : std::string_view();
  }

 private:
  friend class Connection;
  struct Finalize {
    void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
  };
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  std::unique_ptr<sqlite3_stmt, Finalize> stmt_;
};

inline bool Connection::run(Statement& statement, SqliteError& error) {
  const int rc = statement.run();
  if (rc == SQLITE_DONE) return true;
  error = last_error(rc);
  return false;
}

}  // namespace parley::store
