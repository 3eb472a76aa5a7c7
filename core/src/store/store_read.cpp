// Reading a store: every row of every table in one read transaction, kept when visible at the
// wanted transaction, into the Dataset a JSON load would build.
#include <map>
#include <limits>

#include "parley/store/store.h"
#include "store/as_of.h"
#include "store/citation_record.h"
#include "store/layout.h"
#include "store/row_hash.h"
#include "store/sqlite.h"

namespace parley {

using namespace store;  // this layer's private helpers (core/src/store/*.h)


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
  const auto other_schema = [&](const std::string& what) {
    report_other_schema(diagnostics, path_, what);
    if (!in_transaction_) db.exec("ROLLBACK", error);
    return false;
  };
  const auto corrupt = [&](const std::string& what) {
    report_corrupt(diagnostics, path_, what);
    if (!in_transaction_) db.exec("ROLLBACK", error);
    return false;
  };
  // One read transaction for every table: a write committing meanwhile is seen whole or not at all.
  if (!in_transaction_ && !db.exec("BEGIN", error)) return fail(error);

  std::int64_t tx = 0;
  std::uint64_t expected = 0;
  if (!transaction_as_of(db, path_, as_of, tx, expected, diagnostics)) {
    if (!in_transaction_) db.exec("ROLLBACK", error);
    return false;
  }

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

  // Format 4's columns (layout.h), which an older store lacks: there they are empty.
  const bool format_4 = format_ >= 4;
  const auto later = [&](const char* columns, const char* empty) { return std::string(format_4 ? columns : empty); };
  {
    auto s = db.prepare("SELECT row, id, publisher, title, published, file, url, note, evidence, added, retracted, " +
                            later("byline, authors", "'', ''") + " FROM sources ORDER BY row",
                        error);
    if (!s) return fail(error);
    int rc;
    while ((rc = s->step()) == SQLITE_ROW) {
      checksum.add_row(kSources, *s, 11, true, {11, 2});
      if (!visible_at(tx, *s, 9)) continue;
      Source source{std::string(s->text(1)), std::string(s->text(2)), std::string(s->text(3)), std::string(s->text(4)),
                    std::string(s->text(5)), std::string(s->text(6)), std::string(s->text(7)), std::string(s->text(8)),
                    std::string(s->text(11)), split_authors(s->text(12))};
      const auto index = static_cast<SourceIndex>(dataset.sources.size());
      if (!dataset.source_by_id.insert(source.id, index)) return corrupt("source \"" + source.id + "\" is current twice");
      if (static_cast<std::size_t>(s->integer(0)) >= source_at.size()) source_at.resize(static_cast<std::size_t>(s->integer(0)) + 1, kNone);
      source_at[static_cast<std::size_t>(s->integer(0))] = index;
      rows.sources.push_back(s->integer(0));
      dataset.sources.push_back(std::move(source));
    }
    if (rc != SQLITE_DONE) return fail(db.last_error(rc));
  }
  {
    auto s = db.prepare("SELECT row, id, kind, name, added, retracted FROM entities ORDER BY row", error);
    if (!s) return fail(error);
    int rc;
    while ((rc = s->step()) == SQLITE_ROW) {
      checksum.add_row(kEntities, *s, 6, true);
      if (!visible_at(tx, *s, 4)) continue;
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
    if (rc != SQLITE_DONE) return fail(db.last_error(rc));
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
      if (!visible_at(tx, *s, 4)) continue;
      const std::uint32_t owner = entity_of(s->integer(1));
      if (owner == kNone) return corrupt("alias row " + std::to_string(s->integer(0)) + " belongs to no current entity");
      auto& aliases = dataset.entities[owner].aliases;
      if (!place(alias_at, s->integer(0), std::pair<std::uint32_t, std::uint32_t>{owner, static_cast<std::uint32_t>(aliases.size())})) return corrupt("bad alias row");
      aliases.push_back(Alias{std::string(s->text(2)), std::string(s->text(3)), {}});
      rows.aliases[owner].push_back(s->integer(0));
    }
    if (rc != SQLITE_DONE) return fail(db.last_error(rc));
  }
  {
    auto s = db.prepare("SELECT row, entity, name, value, qualifier, added, retracted, " + later("attribution", "''") +
                            " FROM attributes ORDER BY row",
                        error);
    if (!s) return fail(error);
    int rc;
    while ((rc = s->step()) == SQLITE_ROW) {
      checksum.add_row(kAttributes, *s, 7, true, {7, 1});
      if (!visible_at(tx, *s, 5)) continue;
      const std::uint32_t owner = entity_of(s->integer(1));
      if (owner == kNone) return corrupt("attribute row " + std::to_string(s->integer(0)) + " belongs to no current entity");
      auto& attributes = dataset.entities[owner].attributes;
      if (!place(attribute_at, s->integer(0), std::pair<std::uint32_t, std::uint32_t>{owner, static_cast<std::uint32_t>(attributes.size())})) return corrupt("bad attribute row");
      attributes.push_back(Attribute{std::string(s->text(2)), std::string(s->text(3)), std::string(s->text(4)), {},
                                     std::string(s->text(7))});
      rows.attributes[owner].push_back(s->integer(0));
    }
    if (rc != SQLITE_DONE) return fail(db.last_error(rc));
  }
  {
    auto s = db.prepare("SELECT row, type, from_entity, to_entity, added, retracted, " + later("id", "''") +
                            " FROM relations ORDER BY row",
                        error);
    if (!s) return fail(error);
    int rc;
    while ((rc = s->step()) == SQLITE_ROW) {
      checksum.add_row(kRelations, *s, 6, true, {6, 1});
      if (!visible_at(tx, *s, 4)) continue;
      Relation relation;
      relation.id = std::string(s->text(6));
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
    if (rc != SQLITE_DONE) return fail(db.last_error(rc));
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
    if (rc != SQLITE_DONE) return fail(db.last_error(rc));
  }
  {
    auto s = db.prepare("SELECT owner_table, owner, position, source, quote, record FROM citations ORDER BY owner_table, owner, position", error);
    if (!s) return fail(error);
    // A coded record cited by several facts is held once, as a load holds it.
    std::map<std::pair<SourceIndex, std::string>, std::uint32_t> record_index;
    int rc;
    while ((rc = s->step()) == SQLITE_ROW) {
      checksum.add_row(kCitations, *s, 6, false);
      const std::int64_t row = s->integer(1);
      CitationList* list = nullptr;
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
      Citation citation{source, kNoRecord, dataset.quote_text->keep(s->text(4))};
      if (const std::string_view text = s->text(5); !text.empty()) {
        auto record = parse_record_json(text);
        if (!record) return corrupt("a citation holds a coded record that does not read");
        const auto [at, added] = record_index.emplace(std::pair(source, record->event_id), static_cast<std::uint32_t>(dataset.records.size()));
        if (added) dataset.records.push_back(std::move(*record));
        citation.record = at->second;
      }
      list->push_back(std::move(citation));
    }
    if (rc != SQLITE_DONE) return fail(db.last_error(rc));
  }
  if (!in_transaction_) db.exec("COMMIT", error);
  if (checksum.value() != expected) {
    report_corrupt(diagnostics, path_, "its contents do not match their checksum");
    return false;
  }
  if (rows_out) *rows_out = std::move(rows);
  return true;
}

}  // namespace parley
