#include "store/upgrade.h"

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "parley/store/store.h"
#include "store/layout.h"
#include "store/name_keys.h"
#include "store/row_hash.h"

namespace parley::store {
namespace {

// Sets every row's hash from its content columns, as RowWriter computes it when inserting.
// Read first, then written: SQLite leaves undefined a table changed while a query over it runs.
bool fill_hashes(Connection& db, Table table, const std::string& select, const std::string& update, int content,
                 int keys, SqliteError& error) {
  struct Row {
    std::array<std::int64_t, 3> key;
    std::uint64_t hash;
  };
  std::vector<Row> found;
  {
    auto rows = db.prepare(select, error);
    if (!rows) return false;
    int rc;
    while ((rc = rows->step()) == SQLITE_ROW) {
      Row row{{0, 0, 0}, row_hash(table, *rows, content)};
      for (int k = 0; k < keys; ++k) row.key[static_cast<std::size_t>(k)] = rows->integer(k);
      found.push_back(row);
    }
    if (rc != SQLITE_DONE) {
      error = db.last_error(rc);
      return false;
    }
  }
  auto set = db.prepare(update, error);
  if (!set) return false;
  for (const Row& row : found) {
    set->bind(1, as_column(row.hash));
    for (int k = 0; k < keys; ++k) set->bind(k + 2, row.key[static_cast<std::size_t>(k)]);
    if (!db.run(*set, error)) return false;
  }
  return true;
}

bool fill_name_keys(Connection& db, const char* select, SqliteError& error) {
  std::vector<std::pair<std::int64_t, std::string>> names;
  {
    auto rows = db.prepare(select, error);
    if (!rows) return false;
    int rc;
    while ((rc = rows->step()) == SQLITE_ROW) names.emplace_back(rows->integer(0), std::string(rows->text(1)));
    if (rc != SQLITE_DONE) {
      error = db.last_error(rc);
      return false;
    }
  }
  auto insert = db.prepare("INSERT OR IGNORE INTO name_keys(key, entity) VALUES(?1, ?2)", error);
  if (!insert) return false;
  for (const auto& [entity, name] : names) {
    for (const std::string& key : lookup_keys(name)) {
      insert->bind(1, key);
      insert->bind(2, entity);
      if (!db.run(*insert, error)) return false;
    }
  }
  return true;
}

}  // namespace

namespace {

bool upgrade_to_format_3(Connection& db, SqliteError& error) {
  // The content columns, in the order row_hash covers them (the reader's and writer's order).
  return db.exec(kAddHashColumns, error) && db.exec(kCreateIndexes, error) &&
         fill_hashes(db, kSources, "SELECT row, id, publisher, title, published, file, url, note, evidence, added FROM sources",
                     "UPDATE sources SET hash = ?1 WHERE row = ?2", 10, 1, error) &&
         fill_hashes(db, kEntities, "SELECT row, id, kind, name, added FROM entities",
                     "UPDATE entities SET hash = ?1 WHERE row = ?2", 5, 1, error) &&
         fill_hashes(db, kAliases, "SELECT row, entity, name, note, added FROM aliases",
                     "UPDATE aliases SET hash = ?1 WHERE row = ?2", 5, 1, error) &&
         fill_hashes(db, kAttributes, "SELECT row, entity, name, value, qualifier, added FROM attributes",
                     "UPDATE attributes SET hash = ?1 WHERE row = ?2", 6, 1, error) &&
         fill_hashes(db, kRelations, "SELECT row, type, from_entity, to_entity, added FROM relations",
                     "UPDATE relations SET hash = ?1 WHERE row = ?2", 5, 1, error) &&
         fill_hashes(db, kProperties, "SELECT relation, position, name, value FROM properties",
                     "UPDATE properties SET hash = ?1 WHERE relation = ?2 AND position = ?3", 4, 2, error) &&
         fill_hashes(db, kCitations, "SELECT owner_table, owner, position, source, quote, record FROM citations",
                     "UPDATE citations SET hash = ?1 WHERE owner_table = ?2 AND owner = ?3 AND position = ?4", 6, 3,
                     error) &&
         fill_name_keys(db, "SELECT row, name FROM entities", error) &&
         fill_name_keys(db, "SELECT entity, name FROM aliases", error) &&
         db.exec(std::string("INSERT OR REPLACE INTO meta(key, value) VALUES('") + kNameWordKeys + "', '1')", error);
}

}  // namespace

bool upgrade_store(Connection& db, int format, SqliteError& error) {
  // Format 4's columns are empty in every older row, which keeps its hash: nothing to fill.
  return (format >= 3 || upgrade_to_format_3(db, error)) && (format >= 4 || db.exec(kAddFormat4Columns, error)) &&
         db.exec("PRAGMA user_version=" + std::to_string(kStoreFormatVersion), error);
}

}  // namespace parley::store
