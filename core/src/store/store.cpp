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
#include <limits>
#include <thread>

#include "parley/version.h"
#include "store/row_hash.h"
#include "store/sqlite.h"

namespace parley {
namespace {

using store::Connection;
using store::RowHash;
using store::SqliteError;
using store::Statement;

// 'PRLY': SQLite's application_id marks the file as a parley store for any tool that reads it.
constexpr std::int32_t kApplicationId = 0x50524C59;

// Owners of citations, as stored in citations.owner_table.
enum Owner : std::int64_t { kEntityOwner = 0, kAliasOwner = 1, kAttributeOwner = 2, kRelationOwner = 3 };

// The layout (docs/design.md): one table per record type, each row with the transaction that
// added it and the one that retracted it; properties and citations belong to their row.
constexpr const char* kCreateTables = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE transactions(id INTEGER PRIMARY KEY, time TEXT NOT NULL, author TEXT NOT NULL, message TEXT NOT NULL);
CREATE TABLE sources(row INTEGER PRIMARY KEY, id TEXT NOT NULL, publisher TEXT NOT NULL, title TEXT NOT NULL,
  published TEXT NOT NULL, file TEXT NOT NULL, url TEXT NOT NULL, note TEXT NOT NULL,
  added INTEGER NOT NULL, retracted INTEGER);
CREATE TABLE entities(row INTEGER PRIMARY KEY, id TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL,
  added INTEGER NOT NULL, retracted INTEGER);
CREATE TABLE aliases(row INTEGER PRIMARY KEY, entity INTEGER NOT NULL, name TEXT NOT NULL, note TEXT NOT NULL,
  added INTEGER NOT NULL, retracted INTEGER);
CREATE TABLE attributes(row INTEGER PRIMARY KEY, entity INTEGER NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL,
  qualifier TEXT NOT NULL, added INTEGER NOT NULL, retracted INTEGER);
CREATE TABLE relations(row INTEGER PRIMARY KEY, type TEXT NOT NULL, from_entity INTEGER NOT NULL,
  to_entity INTEGER NOT NULL, added INTEGER NOT NULL, retracted INTEGER);
CREATE TABLE properties(relation INTEGER NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL,
  value TEXT NOT NULL, PRIMARY KEY(relation, position)) WITHOUT ROWID;
CREATE TABLE citations(owner_table INTEGER NOT NULL, owner INTEGER NOT NULL, position INTEGER NOT NULL,
  source INTEGER NOT NULL, quote TEXT NOT NULL, PRIMARY KEY(owner_table, owner, position)) WITHOUT ROWID;
)sql";

constexpr std::array<const char*, 5> kRecordTables = {"sources", "entities", "aliases", "attributes", "relations"};
enum Table : std::uint64_t { kSources, kEntities, kAliases, kAttributes, kRelations, kProperties, kCitations };

Location at_file(const std::string& path) {
  Location where;
  where.file = path;
  return where;
}

// A message for a failed SQLite call, in words a user can act on.
std::string explain(const SqliteError& error) {
  switch (error.code & 0xff) {
    case SQLITE_NOTADB:
      return "not a parley store (" + error.message + ")";
    case SQLITE_CORRUPT:
      return "the store is corrupt (" + error.message + "); restore it from a backup or rebuild it from a JSON export";
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

void report(Diagnostics& diagnostics, const std::string& path, const SqliteError& error) {
  diagnostics.add(ErrorCode::kIoError, explain(error), at_file(path));
}

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

// The latest instant a partial time stands for ("2019-06-01" → the last millisecond of that day),
// so that "as of" a day includes what was written that day; nullopt if it is not a time.
std::optional<std::string> time_upper_bound(std::string text) {
  if (!text.empty() && (text.back() == 'Z' || text.back() == 'z')) text.pop_back();
  if (text.size() > 10 && text[10] == ' ') text[10] = 'T';
  const std::string full = "0000-00-00T00:00:00.000";
  const std::string last = "9999-99-99T23:59:59.999";
  if (text.size() != 10 && text.size() != 16 && text.size() != 19 && text.size() != 23) return std::nullopt;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool digit = full[i] == '0';
    if (digit ? !std::isdigit(static_cast<unsigned char>(text[i])) : text[i] != full[i]) return std::nullopt;
  }
  return text + last.substr(text.size()) + "Z";
}

bool check_version(Connection& db, const std::string& path, Diagnostics& diagnostics) {
  SqliteError error;
  auto id = db.prepare("PRAGMA application_id", error);
  auto version = db.prepare("PRAGMA user_version", error);
  int rc = SQLITE_ROW;
  if (!id || !version || (rc = id->step()) != SQLITE_ROW || (rc = version->step()) != SQLITE_ROW) {
    report(diagnostics, path, error.code ? error : db.last_error(rc));
    return false;
  }
  if (id->integer(0) != kApplicationId) {
    diagnostics.add(ErrorCode::kIoError, "not a parley store (an SQLite database of some other program)",
                    at_file(path));
    return false;
  }
  if (version->integer(0) != kStoreFormatVersion) {
    diagnostics.add(ErrorCode::kIoError,
                    "a parley store of format version " + std::to_string(version->integer(0)) +
                        ", which this parley (format version " + std::to_string(kStoreFormatVersion) +
                        ") cannot read",
                    at_file(path));
    return false;
  }
  return true;
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

// --- reading -----------------------------------------------------------------------------------

bool Store::read(const RelationSchema& schema, const AsOf& as_of, Dataset& dataset, Diagnostics& diagnostics,
                 StoreRows* rows_out) {
  Connection& db = *connection_;
  SqliteError error;
  const auto fail = [&](const SqliteError& e) {
    report(diagnostics, path_, e);
    if (!in_transaction_) db.exec("ROLLBACK", error);
    return false;
  };
  // A name the running relation schema lacks: the store was written by a parley built with
  // another schema. Its data is not guessed at.
  const auto other_schema = [&](const std::string& what) {
    diagnostics.add(ErrorCode::kIoError,
                    "written with a relation schema this parley does not have: " + what +
                        "; open it with the parley that wrote it and export it as JSON",
                    at_file(path_));
    if (!in_transaction_) db.exec("ROLLBACK", error);
    return false;
  };
  const auto corrupt = [&](const std::string& what) {
    diagnostics.add(ErrorCode::kIoError,
                    "the store is corrupt (" + what + "); restore it from a backup or rebuild it from a JSON export",
                    at_file(path_));
    if (!in_transaction_) db.exec("ROLLBACK", error);
    return false;
  };
  // One read transaction for every table: a write committing meanwhile is seen whole or not at all.
  if (!in_transaction_ && !db.exec("BEGIN", error)) return fail(error);

  std::int64_t last = 0;
  std::uint64_t expected = 0;
  {
    auto meta = db.prepare("SELECT (SELECT max(id) FROM transactions), (SELECT value FROM meta WHERE key = 'checksum')", error);
    if (!meta) return fail(error);
    const int rc = meta->step();
    if (rc != SQLITE_ROW) return fail(db.last_error(rc));
    last = meta->integer(0);
    expected = std::strtoull(std::string(meta->text(1)).c_str(), nullptr, 16);
    if (last <= 0) return corrupt("it records no transaction");
  }
  std::int64_t tx = last;
  if (as_of.transaction) {
    if (*as_of.transaction < 1 || *as_of.transaction > last) {
      diagnostics.add(ErrorCode::kNameNotFound,
                      "no transaction " + std::to_string(*as_of.transaction) + ": the store has transactions 1 to " +
                          std::to_string(last),
                      at_file(path_));
      if (!in_transaction_) db.exec("ROLLBACK", error);
      return false;
    }
    tx = *as_of.transaction;
  } else if (as_of.time) {
    const auto bound = time_upper_bound(*as_of.time);
    if (!bound) {
      diagnostics.add(ErrorCode::kUsage,
                      "--as-of takes a UTC time as YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS, not \"" +
                          *as_of.time + "\"",
                      at_file(path_));
      if (!in_transaction_) db.exec("ROLLBACK", error);
      return false;
    }
    auto find = db.prepare("SELECT max(id), (SELECT min(time) FROM transactions) FROM transactions WHERE time <= ?1", error);
    if (!find) return fail(error);
    find->bind(1, *bound);
    if (const int rc = find->step(); rc != SQLITE_ROW) return fail(db.last_error(rc));
    if (find->is_null(0)) {
      diagnostics.add(ErrorCode::kNameNotFound,
                      "the store did not exist yet at " + *as_of.time + ": its first transaction is at " +
                          std::string(find->text(1)),
                      at_file(path_));
      if (!in_transaction_) db.exec("ROLLBACK", error);
      return false;
    }
    tx = find->integer(0);
  }
  const auto visible = [tx](const Statement& s, int added, int retracted) {
    return s.integer(added) <= tx && (s.is_null(retracted) || s.integer(retracted) > tx);
  };

  dataset = Dataset{};
  dataset.files.push_back(path_);
  {
    // Row ids bound the counts: reserving avoids moving every record as the vectors grow.
    auto sizes = db.prepare("SELECT (SELECT max(row) FROM sources), (SELECT max(row) FROM entities), (SELECT max(row) FROM relations)", error);
    if (!sizes) return fail(error);
    if (const int rc = sizes->step(); rc != SQLITE_ROW) return fail(db.last_error(rc));
    dataset.sources.reserve(static_cast<std::size_t>(std::max<std::int64_t>(0, sizes->integer(0))));
    dataset.entities.reserve(static_cast<std::size_t>(std::max<std::int64_t>(0, sizes->integer(1))));
    dataset.entity_by_id.reserve(dataset.entities.capacity());
    dataset.relations.reserve(static_cast<std::size_t>(std::max<std::int64_t>(0, sizes->integer(2))));
  }
  StoreRows rows;
  store::RowChecksum checksum;
  constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  // Row id → position in the dataset, for each record table; kNone for rows not visible.
  std::vector<std::uint32_t> source_at, entity_at, relation_at;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> alias_at, attribute_at;  // (entity, position)
  const auto place = [&](auto& index, std::int64_t row, auto value) {
    if (row < 0 || row > std::int64_t{1} << 40) return false;
    if (static_cast<std::size_t>(row) >= index.size()) index.resize(static_cast<std::size_t>(row) + 1, decltype(value){kNone, kNone});
    index[static_cast<std::size_t>(row)] = value;
    return true;
  };
  const auto step_error = [&](int rc) { return rc == SQLITE_DONE ? false : true; };

  {
    auto s = db.prepare("SELECT row, id, publisher, title, published, file, url, note, added, retracted FROM sources ORDER BY row", error);
    if (!s) return fail(error);
    int rc;
    while ((rc = s->step()) == SQLITE_ROW) {
      checksum.add_row(kSources, *s, 10, true);
      if (!visible(*s, 8, 9)) continue;
      Source source{std::string(s->text(1)), std::string(s->text(2)), std::string(s->text(3)), std::string(s->text(4)),
                    std::string(s->text(5)), std::string(s->text(6)), std::string(s->text(7))};
      const auto index = static_cast<SourceIndex>(dataset.sources.size());
      if (!dataset.source_by_id.insert(source.id, index)) return corrupt("source \"" + source.id + "\" is current twice");
      if (static_cast<std::size_t>(s->integer(0)) >= source_at.size()) source_at.resize(static_cast<std::size_t>(s->integer(0)) + 1, kNone);
      source_at[static_cast<std::size_t>(s->integer(0))] = index;
      rows.sources.push_back(s->integer(0));
      dataset.sources.push_back(std::move(source));
    }
    if (step_error(rc)) return fail(db.last_error(rc));
  }
  {
    auto s = db.prepare("SELECT row, id, kind, name, added, retracted FROM entities ORDER BY row", error);
    if (!s) return fail(error);
    int rc;
    while ((rc = s->step()) == SQLITE_ROW) {
      checksum.add_row(kEntities, *s, 6, true);
      if (!visible(*s, 4, 5)) continue;
      Entity entity;
      entity.id = std::string(s->text(1));
      const auto kind = schema.find_kind(s->text(2));
      if (!kind) return other_schema("entity \"" + entity.id + "\" has kind \"" + std::string(s->text(2)) + "\"");
      entity.kind = *kind;
      entity.name = std::string(s->text(3));
      const auto index = static_cast<EntityIndex>(dataset.entities.size());
      entity.origin = Origin{0, index};
      if (!dataset.entity_by_id.insert(entity.id, index)) return corrupt("entity \"" + entity.id + "\" is current twice");
      if (static_cast<std::size_t>(s->integer(0)) >= entity_at.size()) entity_at.resize(static_cast<std::size_t>(s->integer(0)) + 1, kNone);
      entity_at[static_cast<std::size_t>(s->integer(0))] = index;
      rows.entities.push_back(s->integer(0));
      dataset.entities.push_back(std::move(entity));
    }
    if (step_error(rc)) return fail(db.last_error(rc));
  }
  rows.aliases.resize(dataset.entities.size());
  rows.attributes.resize(dataset.entities.size());
  const auto entity_of = [&](std::int64_t row) -> std::uint32_t {
    return row >= 0 && static_cast<std::size_t>(row) < entity_at.size() ? entity_at[static_cast<std::size_t>(row)] : kNone;
  };
  {
    auto s = db.prepare("SELECT row, entity, name, note, added, retracted FROM aliases ORDER BY row", error);
    if (!s) return fail(error);
    int rc;
    while ((rc = s->step()) == SQLITE_ROW) {
      checksum.add_row(kAliases, *s, 6, true);
      if (!visible(*s, 4, 5)) continue;
      const std::uint32_t owner = entity_of(s->integer(1));
      if (owner == kNone) return corrupt("alias row " + std::to_string(s->integer(0)) + " belongs to no current entity");
      auto& aliases = dataset.entities[owner].aliases;
      if (!place(alias_at, s->integer(0), std::pair<std::uint32_t, std::uint32_t>{owner, static_cast<std::uint32_t>(aliases.size())})) return corrupt("bad alias row");
      aliases.push_back(Alias{std::string(s->text(2)), std::string(s->text(3)), {}});
      rows.aliases[owner].push_back(s->integer(0));
    }
    if (step_error(rc)) return fail(db.last_error(rc));
  }
  {
    auto s = db.prepare("SELECT row, entity, name, value, qualifier, added, retracted FROM attributes ORDER BY row", error);
    if (!s) return fail(error);
    int rc;
    while ((rc = s->step()) == SQLITE_ROW) {
      checksum.add_row(kAttributes, *s, 7, true);
      if (!visible(*s, 5, 6)) continue;
      const std::uint32_t owner = entity_of(s->integer(1));
      if (owner == kNone) return corrupt("attribute row " + std::to_string(s->integer(0)) + " belongs to no current entity");
      auto& attributes = dataset.entities[owner].attributes;
      if (!place(attribute_at, s->integer(0), std::pair<std::uint32_t, std::uint32_t>{owner, static_cast<std::uint32_t>(attributes.size())})) return corrupt("bad attribute row");
      attributes.push_back(Attribute{std::string(s->text(2)), std::string(s->text(3)), std::string(s->text(4)), {}});
      rows.attributes[owner].push_back(s->integer(0));
    }
    if (step_error(rc)) return fail(db.last_error(rc));
  }
  {
    auto s = db.prepare("SELECT row, type, from_entity, to_entity, added, retracted FROM relations ORDER BY row", error);
    if (!s) return fail(error);
    int rc;
    while ((rc = s->step()) == SQLITE_ROW) {
      checksum.add_row(kRelations, *s, 6, true);
      if (!visible(*s, 4, 5)) continue;
      Relation relation;
      const auto type = schema.find_relation_type(s->text(1));
      if (!type) return other_schema("relation type \"" + std::string(s->text(1)) + "\"");
      relation.type = *type;
      relation.from = entity_of(s->integer(2));
      relation.to = entity_of(s->integer(3));
      if (relation.from == kNone || relation.to == kNone) return corrupt("relation row " + std::to_string(s->integer(0)) + " names an entity that is not current");
      const auto index = static_cast<RelationIndex>(dataset.relations.size());
      relation.origin = Origin{0, index};
      if (static_cast<std::size_t>(s->integer(0)) >= relation_at.size()) relation_at.resize(static_cast<std::size_t>(s->integer(0)) + 1, kNone);
      relation_at[static_cast<std::size_t>(s->integer(0))] = index;
      rows.relations.push_back(s->integer(0));
      dataset.relations.push_back(std::move(relation));
    }
    if (step_error(rc)) return fail(db.last_error(rc));
  }
  const auto relation_of = [&](std::int64_t row) -> std::uint32_t {
    return row >= 0 && static_cast<std::size_t>(row) < relation_at.size() ? relation_at[static_cast<std::size_t>(row)] : kNone;
  };
  {
    auto s = db.prepare("SELECT relation, position, name, value FROM properties ORDER BY relation, position", error);
    if (!s) return fail(error);
    int rc;
    while ((rc = s->step()) == SQLITE_ROW) {
      checksum.add_row(kProperties, *s, 4, false);
      const std::uint32_t owner = relation_of(s->integer(0));
      if (owner == kNone) continue;  // a property of a relation not visible now
      const auto property = schema.find_property(s->text(2));
      if (!property) return other_schema("property \"" + std::string(s->text(2)) + "\"");
      dataset.relations[owner].properties.push_back(PropertyValue{*property, std::string(s->text(3))});
    }
    if (step_error(rc)) return fail(db.last_error(rc));
  }
  {
    auto s = db.prepare("SELECT owner_table, owner, position, source, quote FROM citations ORDER BY owner_table, owner, position", error);
    if (!s) return fail(error);
    int rc;
    while ((rc = s->step()) == SQLITE_ROW) {
      checksum.add_row(kCitations, *s, 5, false);
      const std::int64_t row = s->integer(1);
      std::vector<Citation>* list = nullptr;
      switch (s->integer(0)) {
        case kEntityOwner:
          if (const auto e = entity_of(row); e != kNone) list = &dataset.entities[e].citations;
          break;
        case kAliasOwner:
          if (row >= 0 && static_cast<std::size_t>(row) < alias_at.size() && alias_at[static_cast<std::size_t>(row)].first != kNone) {
            const auto [e, a] = alias_at[static_cast<std::size_t>(row)];
            list = &dataset.entities[e].aliases[a].citations;
          }
          break;
        case kAttributeOwner:
          if (row >= 0 && static_cast<std::size_t>(row) < attribute_at.size() && attribute_at[static_cast<std::size_t>(row)].first != kNone) {
            const auto [e, a] = attribute_at[static_cast<std::size_t>(row)];
            list = &dataset.entities[e].attributes[a].citations;
          }
          break;
        case kRelationOwner:
          if (const auto r = relation_of(row); r != kNone) list = &dataset.relations[r].citations;
          break;
        default:
          return corrupt("a citation of an unknown kind of record");
      }
      if (!list) continue;  // the citation of a record not visible now
      const std::int64_t source_row = s->integer(3);
      const std::uint32_t source = source_row >= 0 && static_cast<std::size_t>(source_row) < source_at.size()
                                       ? source_at[static_cast<std::size_t>(source_row)]
                                       : kNone;
      if (source == kNone) return corrupt("a citation names a source that is not current");
      list->push_back(Citation{source, std::string(s->text(4))});
    }
    if (step_error(rc)) return fail(db.last_error(rc));
  }
  if (!in_transaction_) db.exec("COMMIT", error);
  if (checksum.value() != expected) {
    diagnostics.add(ErrorCode::kIoError,
                    "the store is corrupt (its contents do not match their checksum); restore it from a backup or "
                    "rebuild it from a JSON export",
                    at_file(path_));
    return false;
  }
  if (rows_out) *rows_out = std::move(rows);
  return true;
}

// --- writing -----------------------------------------------------------------------------------

namespace {

// Inserts records as rows of one transaction, keeping the checksum's running sum.
class RowWriter {
 public:
  RowWriter(Connection& db, std::int64_t transaction, SqliteError& error) : db_(db), tx_(transaction) {
    source_ = db.prepare("INSERT INTO sources(id, publisher, title, published, file, url, note, added) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
    entity_ = db.prepare("INSERT INTO entities(id, kind, name, added) VALUES(?1, ?2, ?3, ?4)", error);
    alias_ = db.prepare("INSERT INTO aliases(entity, name, note, added) VALUES(?1, ?2, ?3, ?4)", error);
    attribute_ = db.prepare("INSERT INTO attributes(entity, name, value, qualifier, added) VALUES(?1, ?2, ?3, ?4, ?5)", error);
    relation_ = db.prepare("INSERT INTO relations(type, from_entity, to_entity, added) VALUES(?1, ?2, ?3, ?4)", error);
    property_ = db.prepare("INSERT INTO properties(relation, position, name, value) VALUES(?1, ?2, ?3, ?4)", error);
    citation_ = db.prepare("INSERT INTO citations(owner_table, owner, position, source, quote) VALUES(?1, ?2, ?3, ?4, ?5)", error);
    ok_ = source_ && entity_ && alias_ && attribute_ && relation_ && property_ && citation_;
  }
  bool ok() const { return ok_; }
  std::uint64_t checksum_delta() const { return delta_; }
  int failure() const { return failure_; }

  // Each returns the new row, or 0 on failure (failure() says why).
  std::int64_t source(const Source& s) {
    const std::array<std::string_view, 7> fields = {s.id, s.publisher, s.title, s.published, s.file, s.url, s.note};
    for (int i = 0; i < 7; ++i) source_->bind(i + 1, fields[static_cast<std::size_t>(i)]);
    source_->bind(8, tx_);
    if (!run(*source_)) return 0;
    const std::int64_t row = db_.last_insert_rowid();
    RowHash h(kSources);
    h.add(row);
    for (const auto f : fields) h.add(f);
    h.add(tx_);
    delta_ += h.value();
    return row;
  }

  template <typename SourceRow>
  std::int64_t entity(const Entity& e, std::string_view kind, const Dataset& dataset, const SourceRow& source_row) {
    entity_->bind(1, e.id);
    entity_->bind(2, kind);
    entity_->bind(3, e.name);
    entity_->bind(4, tx_);
    if (!run(*entity_)) return 0;
    const std::int64_t row = db_.last_insert_rowid();
    RowHash h(kEntities);
    h.add(row);
    h.add(e.id);
    h.add(kind);
    h.add(e.name);
    h.add(tx_);
    delta_ += h.value();
    if (!citations(kEntityOwner, row, e.citations, dataset, source_row)) return 0;
    for (const auto& a : e.aliases) {
      if (!alias(row, a, dataset, source_row)) return 0;
    }
    for (const auto& a : e.attributes) {
      if (!attribute(row, a, dataset, source_row)) return 0;
    }
    return row;
  }

  template <typename SourceRow>
  std::int64_t alias(std::int64_t entity_row, const Alias& a, const Dataset& dataset, const SourceRow& source_row) {
    alias_->bind(1, entity_row);
    alias_->bind(2, a.name);
    alias_->bind(3, a.note);
    alias_->bind(4, tx_);
    if (!run(*alias_)) return 0;
    const std::int64_t row = db_.last_insert_rowid();
    RowHash h(kAliases);
    h.add(row);
    h.add(entity_row);
    h.add(a.name);
    h.add(a.note);
    h.add(tx_);
    delta_ += h.value();
    return citations(kAliasOwner, row, a.citations, dataset, source_row) ? row : 0;
  }

  template <typename SourceRow>
  std::int64_t attribute(std::int64_t entity_row, const Attribute& a, const Dataset& dataset, const SourceRow& source_row) {
    attribute_->bind(1, entity_row);
    attribute_->bind(2, a.name);
    attribute_->bind(3, a.value);
    attribute_->bind(4, a.qualifier);
    attribute_->bind(5, tx_);
    if (!run(*attribute_)) return 0;
    const std::int64_t row = db_.last_insert_rowid();
    RowHash h(kAttributes);
    h.add(row);
    h.add(entity_row);
    h.add(a.name);
    h.add(a.value);
    h.add(a.qualifier);
    h.add(tx_);
    delta_ += h.value();
    return citations(kAttributeOwner, row, a.citations, dataset, source_row) ? row : 0;
  }

  template <typename SourceRow>
  std::int64_t relation(const Relation& r, const RelationSchema& schema, std::int64_t from_row, std::int64_t to_row,
                        const Dataset& dataset, const SourceRow& source_row) {
    const std::string_view type = schema.relation_type(r.type).name;
    relation_->bind(1, type);
    relation_->bind(2, from_row);
    relation_->bind(3, to_row);
    relation_->bind(4, tx_);
    if (!run(*relation_)) return 0;
    const std::int64_t row = db_.last_insert_rowid();
    RowHash h(kRelations);
    h.add(row);
    h.add(type);
    h.add(from_row);
    h.add(to_row);
    h.add(tx_);
    delta_ += h.value();
    for (std::size_t i = 0; i < r.properties.size(); ++i) {
      const std::string_view name = schema.property(r.properties[i].property).name;
      property_->bind(1, row);
      property_->bind(2, static_cast<std::int64_t>(i));
      property_->bind(3, name);
      property_->bind(4, r.properties[i].value);
      if (!run(*property_)) return 0;
      RowHash p(kProperties);
      p.add(row);
      p.add(static_cast<std::int64_t>(i));
      p.add(name);
      p.add(r.properties[i].value);
      delta_ += p.value();
    }
    return citations(kRelationOwner, row, r.citations, dataset, source_row) ? row : 0;
  }

 private:
  bool run(Statement& statement) {
    const int rc = statement.run();
    if (rc == SQLITE_DONE) return true;
    failure_ = rc;
    return false;
  }

  template <typename SourceRow>
  bool citations(Owner owner, std::int64_t row, const std::vector<Citation>& list, const Dataset& dataset,
                 const SourceRow& source_row) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::int64_t source = source_row(dataset.sources[list[i].source].id);
      citation_->bind(1, std::int64_t{owner});
      citation_->bind(2, row);
      citation_->bind(3, static_cast<std::int64_t>(i));
      citation_->bind(4, source);
      citation_->bind(5, list[i].quote);
      if (!run(*citation_)) return false;
      RowHash h(kCitations);
      h.add(std::int64_t{owner});
      h.add(row);
      h.add(static_cast<std::int64_t>(i));
      h.add(source);
      h.add(list[i].quote);
      delta_ += h.value();
    }
    return true;
  }

  Connection& db_;
  std::int64_t tx_;
  std::optional<Statement> source_, entity_, alias_, attribute_, relation_, property_, citation_;
  bool ok_ = false;
  int failure_ = SQLITE_OK;
  std::uint64_t delta_ = 0;
};

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
                 " PRAGMA mmap_size=4294967296;", error);
}

bool insert_transaction(Connection& db, TransactionInfo& info, SqliteError& error) {
  auto insert = db.prepare("INSERT INTO transactions(time, author, message) VALUES(?1, ?2, ?3)", error);
  if (!insert) return false;
  info.time = now_utc();
  insert->bind(1, info.time);
  insert->bind(2, info.author);
  insert->bind(3, info.message);
  if (const int rc = insert->run(); rc != SQLITE_DONE) {
    error = db.last_error(rc);
    return false;
  }
  info.id = db.last_insert_rowid();
  return true;
}

bool set_meta(Connection& db, std::string_view key, std::string_view value, SqliteError& error) {
  auto set = db.prepare("INSERT INTO meta(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2", error);
  if (!set) return false;
  set->bind(1, key);
  set->bind(2, value);
  if (const int rc = set->run(); rc != SQLITE_DONE) {
    error = db.last_error(rc);
    return false;
  }
  return true;
}

}  // namespace

bool Store::create(const std::string& path, const Dataset& dataset, const RelationSchema& schema, TransactionInfo info,
                   Diagnostics& diagnostics) {
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
    if (!set_meta(*db, "checksum", hex(writer.checksum_delta()), error) ||
        !set_meta(*db, "written_by", std::string("parley ") + kVersion, error) || !db->exec("COMMIT", error)) {
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
  if (!check_version(*db, path, diagnostics)) return nullptr;
  if (!configure(*db, error)) {
    report(diagnostics, path, error);
    return nullptr;
  }
  return std::unique_ptr<Store>(new Store(path, std::make_unique<Connection>(std::move(*db))));
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
  auto meta = db.prepare("SELECT value FROM meta WHERE key = 'checksum'", error);
  if (!meta || meta->step() != SQLITE_ROW) {
    report(diagnostics, path_, error.code ? error : db.last_error(SQLITE_CORRUPT));
    rollback();
    return false;
  }
  checksum_at_begin_ = std::strtoull(std::string(meta->text(0)).c_str(), nullptr, 16);
  return true;
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
  return true;
}

}  // namespace parley
