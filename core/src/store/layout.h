// The store's layout: its tables, the codes its rows use for them, and how SQLite's errors are
// told to people. Private to core/src/store; docs/design.md ("The store") explains the layout.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parley/common/status.h"
#include "store/sqlite.h"

namespace parley::store {

// 'PRLY': SQLite's application_id marks the file as a parley store for any tool that reads it.
constexpr std::int32_t kApplicationId = 0x50524C59;

// Owners of citations, as stored in citations.owner_table.
enum Owner : std::int64_t { kEntityOwner = 0, kAliasOwner = 1, kAttributeOwner = 2, kRelationOwner = 3 };

// The layout (docs/design.md): one table per record type, each row with the transaction that
// added it and the one that retracted it, and the hash of its content (row_hash.h) so that a
// read of some rows can check each row it reads; properties and citations belong to their row.
// `name_keys` maps every normalised name and alias, and each word of one, to its entity's row:
// with the indexes below, a query finds its entities and their relations without reading the
// whole file (docs/design.md, "Scoped reads").
constexpr const char* kCreateTables = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE transactions(id INTEGER PRIMARY KEY, time TEXT NOT NULL, author TEXT NOT NULL, message TEXT NOT NULL);
CREATE TABLE sources(row INTEGER PRIMARY KEY, id TEXT NOT NULL, publisher TEXT NOT NULL, title TEXT NOT NULL,
  published TEXT NOT NULL, file TEXT NOT NULL, url TEXT NOT NULL, note TEXT NOT NULL, evidence TEXT NOT NULL,
  added INTEGER NOT NULL, retracted INTEGER, hash INTEGER NOT NULL DEFAULT 0,
  byline TEXT NOT NULL DEFAULT '', authors TEXT NOT NULL DEFAULT '');
CREATE TABLE entities(row INTEGER PRIMARY KEY, id TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL,
  added INTEGER NOT NULL, retracted INTEGER, hash INTEGER NOT NULL DEFAULT 0);
CREATE TABLE aliases(row INTEGER PRIMARY KEY, entity INTEGER NOT NULL, name TEXT NOT NULL, note TEXT NOT NULL,
  added INTEGER NOT NULL, retracted INTEGER, hash INTEGER NOT NULL DEFAULT 0);
CREATE TABLE attributes(row INTEGER PRIMARY KEY, entity INTEGER NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL,
  qualifier TEXT NOT NULL, added INTEGER NOT NULL, retracted INTEGER, hash INTEGER NOT NULL DEFAULT 0,
  attribution TEXT NOT NULL DEFAULT '');
CREATE TABLE relations(row INTEGER PRIMARY KEY, type TEXT NOT NULL, from_entity INTEGER NOT NULL,
  to_entity INTEGER NOT NULL, added INTEGER NOT NULL, retracted INTEGER, hash INTEGER NOT NULL DEFAULT 0,
  id TEXT NOT NULL DEFAULT '');
CREATE TABLE properties(relation INTEGER NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL,
  value TEXT NOT NULL, hash INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(relation, position)) WITHOUT ROWID;
CREATE TABLE citations(owner_table INTEGER NOT NULL, owner INTEGER NOT NULL, position INTEGER NOT NULL,
  source INTEGER NOT NULL, quote TEXT NOT NULL, record TEXT NOT NULL, hash INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(owner_table, owner, position)) WITHOUT ROWID;
CREATE TABLE name_keys(key TEXT NOT NULL, entity INTEGER NOT NULL, PRIMARY KEY(key, entity)) WITHOUT ROWID;
)sql";

// What format 3 adds to format 2: the lookup tables and indexes a scoped read uses (created
// after a build's rows are in, which is faster than keeping them up to date row by row).
// relations_by_from holds the type too: the containment chain (part_of, located_in,
// capital_of) from an entity is a seek, not a scan of, say, a leader's 17,000 participations.
constexpr const char* kCreateIndexes = R"sql(
CREATE TABLE IF NOT EXISTS name_keys(key TEXT NOT NULL, entity INTEGER NOT NULL, PRIMARY KEY(key, entity)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entities_by_id ON entities(id);
CREATE INDEX IF NOT EXISTS aliases_by_entity ON aliases(entity);
CREATE INDEX IF NOT EXISTS attributes_by_entity ON attributes(entity);
CREATE INDEX IF NOT EXISTS relations_by_from ON relations(from_entity, type);
CREATE INDEX IF NOT EXISTS relations_by_to ON relations(to_entity);
)sql";

// Upgrading a format-2 store in place: the hash column (filled by the upgrade), then the above.
constexpr const char* kAddHashColumns = R"sql(
ALTER TABLE sources ADD COLUMN hash INTEGER NOT NULL DEFAULT 0;
ALTER TABLE entities ADD COLUMN hash INTEGER NOT NULL DEFAULT 0;
ALTER TABLE aliases ADD COLUMN hash INTEGER NOT NULL DEFAULT 0;
ALTER TABLE attributes ADD COLUMN hash INTEGER NOT NULL DEFAULT 0;
ALTER TABLE relations ADD COLUMN hash INTEGER NOT NULL DEFAULT 0;
ALTER TABLE properties ADD COLUMN hash INTEGER NOT NULL DEFAULT 0;
ALTER TABLE citations ADD COLUMN hash INTEGER NOT NULL DEFAULT 0;
)sql";

// What format 4 adds to format 3: a relation's id, an attribute's attribution, a source's byline
// and authors (one name a line: a name holds no line feed). Empty in every older row, whose hash
// therefore stands (row_hash.h, add_later_columns).
constexpr const char* kAddFormat4Columns = R"sql(
ALTER TABLE sources ADD COLUMN byline TEXT NOT NULL DEFAULT '';
ALTER TABLE sources ADD COLUMN authors TEXT NOT NULL DEFAULT '';
ALTER TABLE attributes ADD COLUMN attribution TEXT NOT NULL DEFAULT '';
ALTER TABLE relations ADD COLUMN id TEXT NOT NULL DEFAULT '';
)sql";

// A source's authors as the store keeps them, one a line, and back.
inline std::string joined_authors(const std::vector<std::string>& authors) {
  std::string out;
  for (const auto& author : authors) out.append(out.empty() ? "" : "\n").append(author);
  return out;
}
inline std::vector<std::string> split_authors(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    out.emplace_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

// A whole read maps the file (through the page cache rather than read() calls).
constexpr std::int64_t kWholeReadMmapBytes = std::int64_t{4} << 30;

// The oldest format this parley still reads (whole, as it was read before format 3).
constexpr int kOldestReadableFormat = 2;

constexpr std::array<const char*, 5> kRecordTables = {"sources", "entities", "aliases", "attributes", "relations"};
enum Table : std::uint64_t { kSources, kEntities, kAliases, kAttributes, kRelations, kProperties, kCitations };

inline Location at_file(const std::string& path) {
  Location where;
  where.file = path;
  return where;
}

// What every reader says of damage it finds: `what` is wrong with the store, and what to do.
inline std::string corrupt_message(const std::string& what) {
  return "the store is corrupt (" + what + "); restore it from a backup or rebuild it from a JSON export";
}

// A message for a failed SQLite call, in words a user can act on.
inline std::string explain(const SqliteError& error) {
  switch (error.code & 0xff) {
    case SQLITE_NOTADB:
      return "not a parley store (" + error.message + ")";
    case SQLITE_CORRUPT:
      return corrupt_message(error.message);
    case SQLITE_FULL:
      return "the disk is full (" + error.message + ")";
    case SQLITE_BUSY:
      return "another process is writing the store (" + error.message + ")";
    case SQLITE_READONLY:
      return "the store cannot be written (" + error.message + ")";
    default:
      return error.message;
  }
}

inline void report(Diagnostics& diagnostics, const std::string& path, const SqliteError& error) {
  diagnostics.add(ErrorCode::kIoError, explain(error), at_file(path));
}

inline void report_corrupt(Diagnostics& diagnostics, const std::string& path, const std::string& what) {
  diagnostics.add(ErrorCode::kIoError, corrupt_message(what), at_file(path));
}

// A name the running relation schema lacks (`what`): the store was written by a parley built
// with another schema, and its data is not guessed at.
inline void report_other_schema(Diagnostics& diagnostics, const std::string& path, const std::string& what) {
  diagnostics.add(ErrorCode::kIoError,
                  "written with a relation schema this parley does not have: " + what +
                      "; open it with the parley that wrote it and export it as JSON",
                  at_file(path));
}

}  // namespace parley::store
