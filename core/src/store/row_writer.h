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
    source_ = db.prepare("INSERT INTO sources(id, publisher, title, published, file, url, note, evidence, added, row, hash) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
    entity_ = db.prepare("INSERT INTO entities(id, kind, name, added, row, hash) VALUES(?1, ?2, ?3, ?4, ?5, ?6)", error);
    alias_ = db.prepare("INSERT INTO aliases(entity, name, note, added, row, hash) VALUES(?1, ?2, ?3, ?4, ?5, ?6)", error);
    attribute_ = db.prepare("INSERT INTO attributes(entity, name, value, qualifier, added, row, hash) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
    relation_ = db.prepare("INSERT INTO relations(type, from_entity, to_entity, added, row, hash) VALUES(?1, ?2, ?3, ?4, ?5, ?6)", error);
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
    const std::array<std::string_view, 8> fields = {s.id, s.publisher, s.title, s.published, s.file, s.url, s.note, s.evidence};
    const std::int64_t row = next_row_[kSources];
    RowHash h(kSources);
    h.add(row);
    for (const auto f : fields) h.add(f);
    h.add(tx_);
    for (int i = 0; i < 8; ++i) source_->bind(i + 1, fields[static_cast<std::size_t>(i)]);
    source_->bind(9, tx_);
    source_->bind(10, row);
    source_->bind(11, as_column(h.value()));
    if (!run(*source_)) return 0;
    ++next_row_[kSources];
    delta_ += h.value();
    return row;
  }

  template <typename SourceRow>
  std::int64_t entity(const Entity& e, std::string_view kind, const Dataset& dataset, const SourceRow& source_row) {
    const std::int64_t row = next_row_[kEntities];
    RowHash h(kEntities);
    h.add(row);
    h.add(e.id);
    h.add(kind);
    h.add(e.name);
    h.add(tx_);
    entity_->bind(1, e.id);
    entity_->bind(2, kind);
    entity_->bind(3, e.name);
    entity_->bind(4, tx_);
    entity_->bind(5, row);
    entity_->bind(6, as_column(h.value()));
    if (!run(*entity_)) return 0;
    ++next_row_[kEntities];
    delta_ += h.value();
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
    const std::int64_t row = next_row_[kAliases];
    RowHash h(kAliases);
    h.add(row);
    h.add(entity_row);
    h.add(a.name);
    h.add(a.note);
    h.add(tx_);
    alias_->bind(1, entity_row);
    alias_->bind(2, a.name);
    alias_->bind(3, a.note);
    alias_->bind(4, tx_);
    alias_->bind(5, row);
    alias_->bind(6, as_column(h.value()));
    if (!run(*alias_)) return 0;
    ++next_row_[kAliases];
    delta_ += h.value();
    if (!name_keys(a.name, entity_row)) return 0;
    return citations(kAliasOwner, row, a.citations, dataset, source_row) ? row : 0;
  }

  template <typename SourceRow>
  std::int64_t attribute(std::int64_t entity_row, const Attribute& a, const Dataset& dataset, const SourceRow& source_row) {
    const std::int64_t row = next_row_[kAttributes];
    RowHash h(kAttributes);
    h.add(row);
    h.add(entity_row);
    h.add(a.name);
    h.add(a.value);
    h.add(a.qualifier);
    h.add(tx_);
    attribute_->bind(1, entity_row);
    attribute_->bind(2, a.name);
    attribute_->bind(3, a.value);
    attribute_->bind(4, a.qualifier);
    attribute_->bind(5, tx_);
    attribute_->bind(6, row);
    attribute_->bind(7, as_column(h.value()));
    if (!run(*attribute_)) return 0;
    ++next_row_[kAttributes];
    delta_ += h.value();
    return citations(kAttributeOwner, row, a.citations, dataset, source_row) ? row : 0;
  }

  template <typename SourceRow>
  std::int64_t relation(const Relation& r, const RelationSchema& schema, std::int64_t from_row, std::int64_t to_row,
                        const Dataset& dataset, const SourceRow& source_row) {
    const std::string_view type = schema.relation_type(r.type).name;
    const std::int64_t row = next_row_[kRelations];
    RowHash h(kRelations);
    h.add(row);
    h.add(type);
    h.add(from_row);
    h.add(to_row);
    h.add(tx_);
    relation_->bind(1, type);
    relation_->bind(2, from_row);
    relation_->bind(3, to_row);
    relation_->bind(4, tx_);
    relation_->bind(5, row);
    relation_->bind(6, as_column(h.value()));
    if (!run(*relation_)) return 0;
    ++next_row_[kRelations];
    delta_ += h.value();
    for (std::size_t i = 0; i < r.properties.size(); ++i) {
      const std::string_view name = schema.property(r.properties[i].property).name;
      RowHash p(kProperties);
      p.add(row);
      p.add(static_cast<std::int64_t>(i));
      p.add(name);
      p.add(r.properties[i].value);
      property_->bind(1, row);
      property_->bind(2, static_cast<std::int64_t>(i));
      property_->bind(3, name);
      property_->bind(4, r.properties[i].value);
      property_->bind(5, as_column(p.value()));
      if (!run(*property_)) return 0;
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
      const std::string record = list[i].is_coded() ? record_json(dataset.records[list[i].record]) : std::string();
      citation_->bind(6, record);
      RowHash h(kCitations);
      h.add(std::int64_t{owner});
      h.add(row);
      h.add(static_cast<std::int64_t>(i));
      h.add(source);
      h.add(list[i].quote);
      h.add(record);
      citation_->bind(7, as_column(h.value()));
      if (!run(*citation_)) return false;
      delta_ += h.value();
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
