// Inserting records as rows of one transaction, with the checksum's running sum (row_hash.h).
// Private to core/src/store.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/load/dataset.h"
#include "parley/schema/schema.h"
#include "store/citation_record.h"
#include "store/layout.h"
#include "store/name_keys.h"
#include "store/row_hash.h"
#include "store/sqlite.h"

namespace parley::store {

class RowWriter {
 public:
  RowWriter(Connection& db, std::int64_t transaction, SqliteError& error) : db_(db), tx_(transaction) {
    // Rows are numbered here, as SQLite would (the largest so far plus one; the write lock is
    // held), so that each row's hash, which covers its number, is inserted with it.
    auto last = db.prepare("SELECT (SELECT max(row) FROM sources), (SELECT max(row) FROM entities), (SELECT max(row) FROM aliases),"
                           " (SELECT max(row) FROM attributes), (SELECT max(row) FROM relations)", error);
    if (!last || last->step() != SQLITE_ROW) return;
    for (int t = 0; t < 5; ++t) next_row_[static_cast<std::size_t>(t)] = last->integer(t) + 1;
    source_ = db.prepare("INSERT INTO sources(id, publisher, title, published, file, url, note, evidence, added, row, hash, byline, authors) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", error);
    entity_ = db.prepare("INSERT INTO entities(id, kind, name, added, row, hash) VALUES(?1, ?2, ?3, ?4, ?5, ?6)", error);
    alias_ = db.prepare("INSERT INTO aliases(entity, name, note, added, row, hash) VALUES(?1, ?2, ?3, ?4, ?5, ?6)", error);
    attribute_ = db.prepare("INSERT INTO attributes(entity, name, value, qualifier, added, row, hash, attribution) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
    relation_ = db.prepare("INSERT INTO relations(type, from_entity, to_entity, added, row, hash, id) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
    property_ = db.prepare("INSERT INTO properties(relation, position, name, value, hash) VALUES(?1, ?2, ?3, ?4, ?5)", error);
    citation_ = db.prepare("INSERT INTO citations(owner_table, owner, position, source, quote, record, hash) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
    name_key_ = db.prepare("INSERT OR IGNORE INTO name_keys(key, entity) VALUES(?1, ?2)", error);
    ok_ = source_ && entity_ && alias_ && attribute_ && relation_ && property_ && citation_ && name_key_;
  }
  bool ok() const { return ok_; }
  std::uint64_t checksum_delta() const { return delta_; }
  int failure() const { return failure_; }

  // Each returns the new row, or 0 on failure (failure() says why).
  std::int64_t source(const Source& s) {
    const std::string authors = joined_authors(s.authors);
    return insert_with_later(kSources, *source_, {s.byline, authors}, s.id, s.publisher, s.title, s.published, s.file,
                             s.url, s.note, s.evidence);
  }

  template <typename SourceRow>
  std::int64_t entity(const Entity& e, std::string_view kind, const Dataset& dataset, const SourceRow& source_row) {
    const std::int64_t row = insert(kEntities, *entity_, e.id, kind, e.name);
    if (!row) return 0;
    if (!name_keys(e.name, row)) return 0;
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
    const std::int64_t row = insert(kAliases, *alias_, entity_row, a.name, a.note);
    if (!row) return 0;
    if (!name_keys(a.name, entity_row)) return 0;
    return citations(kAliasOwner, row, a.citations, dataset, source_row) ? row : 0;
  }

  template <typename SourceRow>
  std::int64_t attribute(std::int64_t entity_row, const Attribute& a, const Dataset& dataset, const SourceRow& source_row) {
    const std::int64_t row = insert_with_later(kAttributes, *attribute_, {a.attribution}, entity_row, a.name, a.value, a.qualifier);
    if (!row) return 0;
    return citations(kAttributeOwner, row, a.citations, dataset, source_row) ? row : 0;
  }

  template <typename SourceRow>
  std::int64_t relation(const Relation& r, const RelationSchema& schema, std::int64_t from_row, std::int64_t to_row,
                        const Dataset& dataset, const SourceRow& source_row) {
    const std::string_view type = schema.relation_type(r.type).name;
    const std::int64_t row = insert_with_later(kRelations, *relation_, {r.id}, type, from_row, to_row);
    if (!row) return 0;
    for (std::size_t i = 0; i < r.properties.size(); ++i) {
      if (!insert_part(kProperties, *property_, row, static_cast<std::int64_t>(i),
                       schema.property(r.properties[i].property).name, r.properties[i].value)) {
        return 0;
      }
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

  // Inserts a record's row: its number, content fields and transaction hashed (row, fields...,
  // added: the order a reader selects them in), bound as `statement`'s parameters fields...,
  // added, row, hash. The new row, or 0.
  template <typename... Fields>
  std::int64_t insert(Table table, Statement& statement, const Fields&... fields) {
    return insert_with_later(table, statement, {}, fields...);
  }

  // The same, with the row's later columns (row_hash.h: hashed after `added` when one is set)
  // bound after the hash.
  template <typename... Fields>
  std::int64_t insert_with_later(Table table, Statement& statement, std::initializer_list<std::string_view> later,
                                 const Fields&... fields) {
    const std::int64_t row = next_row_[table];
    RowHash h(table);
    h.add(row);
    (h.add(fields), ...);
    h.add(tx_);
    add_later_columns(h, later);
    int parameter = 0;
    (statement.bind(++parameter, fields), ...);
    statement.bind(++parameter, tx_);
    statement.bind(++parameter, row);
    statement.bind(++parameter, as_column(h.value()));
    for (const std::string_view text : later) statement.bind(++parameter, text);
    if (!run(statement)) return 0;
    ++next_row_[table];
    delta_ += h.value();
    return row;
  }

  // Inserts a row that belongs to a record's (a property, a citation): its fields, which
  // include its owner and position, hashed and bound in order, then the hash.
  template <typename... Fields>
  bool insert_part(Table table, Statement& statement, const Fields&... fields) {
    RowHash h(table);
    (h.add(fields), ...);
    int parameter = 0;
    (statement.bind(++parameter, fields), ...);
    statement.bind(++parameter, as_column(h.value()));
    if (!run(statement)) return false;
    delta_ += h.value();
    return true;
  }

  template <typename SourceRow>
  bool citations(Owner owner, std::int64_t row, const CitationList& list, const Dataset& dataset,
                 const SourceRow& source_row) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string record = list[i].is_coded() ? record_json(dataset.records[list[i].record]) : std::string();
      if (!insert_part(kCitations, *citation_, std::int64_t{owner}, row, static_cast<std::int64_t>(i),
                       source_row(dataset.sources[list[i].source].id), list[i].quote, record)) {
        return false;
      }
    }
    return true;
  }

  // The keys a name is found by (names.h): the whole normalised name and each of its words.
  bool name_keys(std::string_view name, std::int64_t entity_row) {
    for (const std::string& key : lookup_keys(name)) {
      name_key_->bind(1, key);
      name_key_->bind(2, entity_row);
      if (!run(*name_key_)) return false;
    }
    return true;
  }

  Connection& db_;
  std::int64_t tx_;
  std::optional<Statement> source_, entity_, alias_, attribute_, relation_, property_, citation_, name_key_;
  std::array<std::int64_t, 5> next_row_ = {1, 1, 1, 1, 1};  // by Table
  bool ok_ = false;
  int failure_ = SQLITE_OK;
  std::uint64_t delta_ = 0;
};

}  // namespace parley::store
