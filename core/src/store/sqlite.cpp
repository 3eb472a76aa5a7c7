#include "store/sqlite.h"

namespace parley::store {

std::optional<Connection> Connection::open(const std::string& path, int flags, SqliteError& error) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    error = SqliteError{rc, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)};
    sqlite3_close_v2(db);
    return std::nullopt;
  }
  // Errors as codes that name the cause (SQLITE_IOERR_FSYNC rather than SQLITE_IOERR).
  sqlite3_extended_result_codes(db, 1);
  return Connection(db);
}

SqliteError Connection::last_error(int code) const { return SqliteError{code, sqlite3_errmsg(db_.get())}; }

bool Connection::exec(std::string_view sql, SqliteError& error) {
  const std::string text(sql);
  char* message = nullptr;
  const int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return true;
  error = SqliteError{rc, message ? message : sqlite3_errstr(rc)};
  sqlite3_free(message);
  return false;
}

std::optional<Statement> Connection::prepare(std::string_view sql, SqliteError& error) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) {
    error = last_error(rc);
    return std::nullopt;
  }
  return Statement(stmt);
}

}  // namespace parley::store
