// A scoped read: only the records a query about a few entities needs, found through the store's
// indexes and name keys, into a small Dataset on which the unchanged query code runs. What is
// read, and why each part, is in docs/design.md ("Scoped reads"); a unit test compares every
// answer with the whole store's.
#include <algorithm>
#include <array>
#include <optional>
#include <iterator>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "parley/graph/names.h"
#include "parley/store/store.h"
#include "store/as_of.h"
#include "store/citation_record.h"
#include "store/layout.h"
#include "store/name_keys.h"
#include "store/row_hash.h"
#include "store/sqlite.h"

namespace parley {

using namespace store;  // this layer's private helpers (core/src/store/*.h)

namespace {

struct EntityRow {
  bool visible = false;
  std::string id, kind, name;
  KindId kind_id = 0;
  bool event = false;  // an event or gathering: its participants and venues are read with it
};

struct RelationRow {
  std::string type;
  std::int64_t from = 0, to = 0;
  std::string id;
};

// The statements and caches of one scoped read, inside the caller's read transaction.
class ScopedReader {
 public:
  ScopedReader(Connection& db, const std::string& path, std::int64_t tx, const RelationSchema& schema,
               Diagnostics& diagnostics)
      : db_(db), path_(path), tx_(tx), schema_(schema), diagnostics_(diagnostics) {}

  bool prepare() {
    SqliteError error;
    by_id_ = db_.prepare("SELECT row FROM entities WHERE id = ?1", error);
    by_key_ = db_.prepare("SELECT entity FROM name_keys WHERE key = ?1", error);
    entity_ = db_.prepare("SELECT row, id, kind, name, added, retracted, hash FROM entities WHERE row = ?1", error);
    from_ = db_.prepare("SELECT row, type, from_entity, to_entity, added, retracted, hash, id FROM relations WHERE from_entity = ?1", error);
    to_ = db_.prepare("SELECT row, type, from_entity, to_entity, added, retracted, hash, id FROM relations WHERE to_entity = ?1", error);
    up_ = db_.prepare("SELECT row, type, from_entity, to_entity, added, retracted, hash, id FROM relations WHERE from_entity = ?1 AND type IN ('part_of', 'located_in', 'capital_of')", error);
    aliases_ = db_.prepare("SELECT row, entity, name, note, added, retracted, hash FROM aliases WHERE entity = ?1 ORDER BY row", error);
    attributes_ = db_.prepare("SELECT row, entity, name, value, qualifier, added, retracted, hash, attribution FROM attributes WHERE entity = ?1 ORDER BY row", error);
    properties_ = db_.prepare("SELECT relation, position, name, value, hash FROM properties WHERE relation = ?1 ORDER BY position", error);
    citations_ = db_.prepare("SELECT owner_table, owner, position, source, quote, record, hash FROM citations WHERE owner_table = ?1 AND owner = ?2 ORDER BY position", error);
    source_ = db_.prepare("SELECT row, id, publisher, title, published, file, url, note, evidence, added, retracted, hash, byline, authors FROM sources WHERE row = ?1", error);
    source_by_id_ = db_.prepare("SELECT row, added, retracted FROM sources WHERE id = ?1", error);
    if (!(by_id_ && by_key_ && entity_ && from_ && to_ && up_ && aliases_ && attributes_ && properties_ && citations_ && source_ &&
          source_by_id_)) {
      return sqlite_failure(error);
    }
    event_kind_ = schema_.core_names().event;
    auto marker = db_.prepare(std::string("SELECT 1 FROM meta WHERE key = '") + kNameWordKeys + "'", error);
    if (!marker) return sqlite_failure(error);
    word_keys_ = marker->step() == SQLITE_ROW;
    for (const auto& title : schema_.name_titles()) {
      const std::string folded = normalize_name(title);
      for (const auto word : name_words(folded)) title_words_.emplace(word);
    }
    return true;
  }

  bool failed() const { return failed_; }

  // Entity rows an id, name or alias may mean (names.h): a superset, since the key table keeps
  // the keys of retracted aliases; the query's own name lookup then decides among them.
  std::vector<std::int64_t> candidates(std::string_view name) {
    std::vector<std::int64_t> rows;
    by_id_->bind(1, name);
    collect(*by_id_, rows);
    const std::string key = normalize_name(name);
    by_key_->bind(1, key);
    collect(*by_key_, rows);
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    std::erase_if(rows, [&](std::int64_t row) { return !entity(row).visible; });
    // When no entity is called that now (only a retracted alias had the key), the lookup goes on
    // to words in another order, as NameIndex::find does: every entity those may mean is read,
    // or a subset holding one of them by chance would find it alone where the store has two.
    if (word_keys_ && std::none_of(rows.begin(), rows.end(), [&](std::int64_t row) { return called(row, name, key); })) {
      std::vector<std::int64_t> by_word = by_words(key);
      std::vector<std::int64_t> both;
      std::set_union(rows.begin(), rows.end(), by_word.begin(), by_word.end(), std::back_inserter(both));
      rows = std::move(both);
    }
    return rows;
  }

  // Whether the entity at `row` is called `name` now: by its id, its name or a current alias.
  bool called(std::int64_t row, std::string_view name, const std::string& key) {
    const EntityRow& e = entity(row);
    if (e.id == name || normalize_name(e.name) == key) return true;
    Statement& s = *aliases_;
    s.bind(1, row);
    bool found = false;
    while (!found && s.step() == SQLITE_ROW) found = visible_at(tx_, s, 4) && normalize_name(s.text(2)) == key;
    s.reset();
    return found;
  }

  // Reads the source `id` with the records, if the store holds it now, cited or not.
  void want_source(std::string_view id) {
    Statement& s = *source_by_id_;
    s.bind(1, id);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
      if (!visible_at(tx_, s, 1)) continue;
      if (source_index_.try_emplace(s.integer(0), static_cast<SourceIndex>(source_rows_.size())).second) {
        source_rows_.push_back(s.integer(0));
      }
    }
    if (rc != SQLITE_DONE) sqlite_failure(db_.last_error(rc));
    s.reset();
  }

  // The entity at `row`, read once and checked against its hash.
  const EntityRow& entity(std::int64_t row) {
    const auto found = entities_.find(row);
    if (found != entities_.end()) return found->second;
    EntityRow& e = entities_[row];
    entity_->bind(1, row);
    const int rc = entity_->step();
    // A kind this parley's schema lacks is reported as such, as a whole read reports it, before
    // the hash: a store written by another build is not damaged.
    if (rc == SQLITE_ROW && !schema_.find_kind(entity_->text(2))) {
      other_schema("entity \"" + std::string(entity_->text(1)) + "\" has kind \"" + std::string(entity_->text(2)) + "\"");
    } else if (rc == SQLITE_ROW && verified(kEntities, *entity_, 5, 6) && visible_at(tx_, *entity_, 4)) {
      e.visible = true;
      e.id = std::string(entity_->text(1));
      e.kind = std::string(entity_->text(2));
      e.name = std::string(entity_->text(3));
      e.kind_id = *schema_.find_kind(e.kind);
      e.event = schema_.is_gathering(e.kind_id) || (event_kind_ && schema_.is_a(e.kind_id, *event_kind_));
    } else if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
      sqlite_failure(db_.last_error(rc));
    }
    entity_->reset();
    return e;
  }

  enum class Direction { kFrom, kTo, kUp };
  // The visible relations from (or to) an entity, read once each; kUp: only those from it that
  // place it within another (part_of, located_in, capital_of).
  const std::vector<std::int64_t>& relations(std::int64_t entity, Direction direction) {
    auto& cache = direction == Direction::kFrom ? from_cache_ : direction == Direction::kTo ? to_cache_ : up_cache_;
    const auto found = cache.find(entity);
    if (found != cache.end()) return found->second;
    std::vector<std::int64_t>& rows = cache[entity];
    Statement& s = direction == Direction::kFrom ? *from_ : direction == Direction::kTo ? *to_ : *up_;
    s.bind(1, entity);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
      if (!schema_.find_relation_type(s.text(1))) {
        other_schema("relation type \"" + std::string(s.text(1)) + "\"");
        break;
      }
      if (!verified(kRelations, s, 5, 6, {7, 1})) break;
      if (!visible_at(tx_, s, 4)) continue;
      rows.push_back(s.integer(0));
      relations_.try_emplace(s.integer(0), RelationRow{std::string(s.text(1)), s.integer(2), s.integer(3), std::string(s.text(7))});
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) sqlite_failure(db_.last_error(rc));
    s.reset();
    return rows;
  }

  const std::vector<std::int64_t>& relations(std::int64_t entity, bool outgoing) {
    return relations(entity, outgoing ? Direction::kFrom : Direction::kTo);
  }
  const RelationRow& relation(std::int64_t row) const { return relations_.at(row); }
  std::size_t relations_read() const { return relations_.size(); }

  // Reads the entities and relations chosen into `dataset`, in row order (the order a whole
  // read gives them), with their aliases, attributes, properties, citations and sources; and,
  // if asked, where each record lives.
  bool load(const std::vector<std::int64_t>& entity_rows, const std::vector<std::int64_t>& relation_rows, Dataset& dataset,
            StoreRows* rows) {
    dataset = Dataset{};
    rows_ = rows;
    if (rows_) {
      *rows_ = StoreRows{};
      rows_->entities = entity_rows;
      rows_->relations = relation_rows;
    }
    dataset.files.push_back(path_);
    dataset.entities.reserve(entity_rows.size());
    std::unordered_map<std::int64_t, EntityIndex> entity_at;
    for (const std::int64_t row : entity_rows) {
      const EntityRow& e = entity(row);
      if (failed_) return false;
      if (!e.visible) return corrupt("entity row " + std::to_string(row) + " is named by a current relation but is not current");
      Entity out;
      out.id = e.id;
      out.kind = e.kind_id;
      out.name = e.name;
      const auto index = static_cast<EntityIndex>(dataset.entities.size());
      out.origin = Origin{0, index};
      entity_at.emplace(row, index);
      dataset.entities.push_back(std::move(out));
      Entity& entity = dataset.entities.back();
      if (!citations(kEntityOwner, row, entity.citations, dataset)) return false;
      const auto alias = [](const Statement& s) { return Alias{std::string(s.text(2)), std::string(s.text(3)), {}}; };
      const auto attribute = [](const Statement& s) {
        return Attribute{std::string(s.text(2)), std::string(s.text(3)), std::string(s.text(4)), {}, std::string(s.text(8))};
      };
      if (!parts(kAliases, kAliasOwner, 4, row, entity.aliases, dataset, alias) ||
          !parts(kAttributes, kAttributeOwner, 5, row, entity.attributes, dataset, attribute)) {
        return false;
      }
    }
    dataset.relations.reserve(relation_rows.size());
    for (const std::int64_t row : relation_rows) {
      const RelationRow& r = relations_.at(row);
      Relation out;
      out.id = r.id;
      const auto type = schema_.find_relation_type(r.type);
      if (!type) return other_schema("relation type \"" + r.type + "\"");
      out.type = *type;
      const auto from = entity_at.find(r.from);
      const auto to = entity_at.find(r.to);
      if (from == entity_at.end() || to == entity_at.end()) return corrupt("relation row " + std::to_string(row) + " names an entity that is not current");
      out.from = from->second;
      out.to = to->second;
      out.origin = Origin{0, static_cast<std::uint32_t>(dataset.relations.size())};
      dataset.relations.push_back(std::move(out));
      if (!properties(row, dataset.relations.back()) || !citations(kRelationOwner, row, dataset.relations.back().citations, dataset)) return false;
    }
    return finish_sources(dataset);
  }

  bool corrupt(const std::string& what) {
    report_corrupt(diagnostics_, path_, what);
    failed_ = true;
    return false;
  }

 private:
  static void collect(Statement& s, std::vector<std::int64_t>& rows) {
    while (s.step() == SQLITE_ROW) rows.push_back(s.integer(0));
    s.reset();
  }

  // The row's content against the hash stored beside it: a byte changed in a value a query reads
  // is found by the query that reads it, without summing over the whole store.
  bool verified(Table table, const Statement& s, int content, int hash_column, LaterColumns later = {}) {
    if (failed_) return false;
    if (as_column(row_hash(table, s, content, later)) == s.integer(hash_column)) return true;
    std::string what;
    switch (table) {
      case kSources: what = "source \"" + std::string(s.text(1)) + "\""; break;
      case kEntities: what = "entity \"" + std::string(s.text(1)) + "\""; break;
      case kAliases: what = "alias \"" + std::string(s.text(2)) + "\" of " + owner(kEntities, s.integer(1)); break;
      case kAttributes: what = "attribute \"" + std::string(s.text(2)) + "\" of " + owner(kEntities, s.integer(1)); break;
      case kRelations:
        what = "relation row " + std::to_string(s.integer(0)) + " (" + std::string(s.text(1)) + " from " +
               owner(kEntities, s.integer(2)) + " to " + owner(kEntities, s.integer(3)) + ")";
        break;
      case kProperties: what = "property \"" + std::string(s.text(2)) + "\" of " + owner(kRelations, s.integer(0)); break;
      case kCitations:
        what = "citation " + std::to_string(s.integer(2) + 1) + " of " + owner(citation_table(s.integer(0)), s.integer(1));
        break;
    }
    return corrupt(what + " does not match its hash");
  }

  // How a message names the record at `row` of `table`: by id where it has one.
  std::string owner(Table table, std::int64_t row) const {
    if (table == kEntities) {
      const auto e = entities_.find(row);
      if (e != entities_.end() && e->second.visible) return "entity \"" + e->second.id + "\"";
      return "entity row " + std::to_string(row);
    }
    if (table == kRelations) {
      const auto r = relations_.find(row);
      std::string text = "relation row " + std::to_string(row);
      if (r != relations_.end()) {
        text += " (" + r->second.type + " from " + owner(kEntities, r->second.from) + " to " + owner(kEntities, r->second.to) + ")";
      }
      return text;
    }
    return std::string(kRecordTables[table]) + " row " + std::to_string(row);
  }

  static Table citation_table(std::int64_t owner) {
    switch (owner) {
      case kAliasOwner: return kAliases;
      case kAttributeOwner: return kAttributes;
      case kRelationOwner: return kRelations;
      default: return kEntities;
    }
  }

  bool sqlite_failure(const SqliteError& error) {
    report(diagnostics_, path_, error);
    failed_ = true;
    return false;
  }

  bool other_schema(const std::string& what) {
    report_other_schema(diagnostics_, path_, what);
    failed_ = true;
    return false;
  }

  // An entity's aliases or attributes (`table`, whose `added` column is `added`): the rows
  // visible, in row order, each made into a record by `make`, then their citations.
  template <typename Part, typename Make>
  bool parts(Table table, Owner owner, int added, std::int64_t entity_row, std::vector<Part>& out, Dataset& dataset,
             const Make& make) {
    Statement& s = table == kAliases ? *aliases_ : *attributes_;
    s.bind(1, entity_row);
    std::vector<std::int64_t> rows;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
      if (!verified(table, s, added + 1, added + 2, table == kAttributes ? LaterColumns{8, 1} : LaterColumns{})) break;
      if (!visible_at(tx_, s, added)) continue;
      out.push_back(make(s));
      rows.push_back(s.integer(0));
    }
    s.reset();
    if (rows_) (table == kAliases ? rows_->aliases : rows_->attributes).push_back(rows);
    if (failed_) return false;
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return sqlite_failure(db_.last_error(rc));
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (!citations(owner, rows[i], out[i].citations, dataset)) return false;
    }
    return true;
  }

  bool properties(std::int64_t relation_row, Relation& relation) {
    Statement& s = *properties_;
    s.bind(1, relation_row);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
      const auto property = schema_.find_property(s.text(2));
      if (!property) {
        other_schema("property \"" + std::string(s.text(2)) + "\"");
        break;
      }
      if (!verified(kProperties, s, 4, 4)) break;
      relation.properties.push_back(PropertyValue{*property, std::string(s.text(3))});
    }
    s.reset();
    if (failed_) return false;
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return sqlite_failure(db_.last_error(rc));
    return true;
  }

  // Citations name sources by a provisional index, in the order first cited; finish_sources()
  // puts the sources in row order, as a whole read has them, and renumbers the citations.
  bool citations(Owner owner, std::int64_t row, CitationList& list, Dataset& dataset) {
    Statement& s = *citations_;
    s.bind(1, std::int64_t{owner});
    s.bind(2, row);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
      if (!verified(kCitations, s, 6, 6)) break;
      const std::int64_t source_row = s.integer(3);
      auto [at, added] = source_index_.try_emplace(source_row, static_cast<SourceIndex>(source_rows_.size()));
      if (added) source_rows_.push_back(source_row);
      Citation citation{at->second, kNoRecord, dataset.quote_text->keep(s.text(4))};
      if (const std::string_view text = s.text(5); !text.empty()) {
        auto record = parse_record_json(text);
        if (!record) {
          corrupt("a citation holds a coded record that does not read");
          break;
        }
        const auto [interned, fresh] = record_index_.emplace(std::pair(citation.source, record->event_id),
                                                             static_cast<std::uint32_t>(dataset.records.size()));
        if (fresh) dataset.records.push_back(std::move(*record));
        citation.record = interned->second;
      }
      list.push_back(std::move(citation));
    }
    s.reset();
    if (failed_) return false;
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return sqlite_failure(db_.last_error(rc));
    return true;
  }

  bool finish_sources(Dataset& dataset) {
    std::vector<std::int64_t> sorted = source_rows_;
    std::sort(sorted.begin(), sorted.end());
    std::vector<SourceIndex> renumber(source_rows_.size());
    dataset.sources.reserve(sorted.size());
    for (const std::int64_t row : sorted) {
      Statement& s = *source_;
      s.bind(1, row);
      const int rc = s.step();
      if (rc == SQLITE_ROW && verified(kSources, s, 10, 11, {12, 2})) {
        if (!visible_at(tx_, s, 9)) {
          s.reset();
          return corrupt("a citation names a source that is not current");
        }
        const auto index = static_cast<SourceIndex>(dataset.sources.size());
        dataset.sources.push_back(Source{std::string(s.text(1)), std::string(s.text(2)), std::string(s.text(3)),
                                         std::string(s.text(4)), std::string(s.text(5)), std::string(s.text(6)),
                                         std::string(s.text(7)), std::string(s.text(8)), std::string(s.text(12)),
                                         split_authors(s.text(13))});
        dataset.source_by_id.insert(dataset.sources.back().id, index);
        renumber[source_index_.at(row)] = index;
        if (rows_) rows_->sources.push_back(row);
      } else if (!failed_) {
        s.reset();
        return rc == SQLITE_DONE ? corrupt("a citation names a source that is not in the store")
                                 : sqlite_failure(db_.last_error(rc));
      }
      s.reset();
      if (failed_) return false;
    }
    const auto fix = [&](CitationList& list) {
      for (Citation& c : list) c.source = renumber[c.source];
    };
    for (Entity& e : dataset.entities) {
      fix(e.citations);
      for (Alias& a : e.aliases) fix(a.citations);
      for (Attribute& a : e.attributes) fix(a.citations);
    }
    for (Relation& r : dataset.relations) fix(r.citations);
    dataset.entity_by_id.reserve(dataset.entities.size());
    for (EntityIndex i = 0; i < dataset.entities.size(); ++i) {
      if (!dataset.entity_by_id.insert(dataset.entities[i].id, i)) return corrupt("entity \"" + dataset.entities[i].id + "\" is current twice");
    }
    return true;
  }

  // A name written as people write it ("Putin, Vladimir", "President Putin"): NameIndex::find
  // matches an entity with the same words, leading titles dropped. Such an entity has every
  // word of the query that is no title's word among its keys, so the rows that hold them all are
  // a superset of what it matches. Empty when every word may be a title.
  std::vector<std::int64_t> by_words(const std::string& key) {
    std::vector<std::int64_t> common;
    bool first = true;
    for (const auto word : name_words(key)) {
      if (title_words_.count(std::string(word))) continue;
      std::vector<std::int64_t> rows;
      by_key_->bind(1, word);
      collect(*by_key_, rows);
      std::sort(rows.begin(), rows.end());
      if (first) {
        common = std::move(rows);
        first = false;
      } else {
        std::vector<std::int64_t> both;
        std::set_intersection(common.begin(), common.end(), rows.begin(), rows.end(), std::back_inserter(both));
        common = std::move(both);
      }
      if (common.empty()) break;
    }
    common.erase(std::unique(common.begin(), common.end()), common.end());
    std::erase_if(common, [&](std::int64_t row) { return !entity(row).visible; });
    return common;
  }

  Connection& db_;
  const std::string& path_;
  std::int64_t tx_;
  const RelationSchema& schema_;
  Diagnostics& diagnostics_;
  bool failed_ = false;
  std::optional<KindId> event_kind_;
  std::optional<Statement> by_id_, by_key_, entity_, from_, to_, up_, aliases_, attributes_, properties_, citations_, source_,
      source_by_id_;
  StoreRows* rows_ = nullptr;
  bool word_keys_ = false;                     // the store's name keys hold name_words() (name_keys.h)
  std::set<std::string, std::less<>> title_words_;  // every word of the schema's name titles
  std::unordered_map<std::int64_t, EntityRow> entities_;
  std::unordered_map<std::int64_t, std::vector<std::int64_t>> from_cache_, to_cache_, up_cache_;
  std::unordered_map<std::int64_t, RelationRow> relations_;
  std::unordered_map<std::int64_t, SourceIndex> source_index_;
  std::vector<std::int64_t> source_rows_;
  std::map<std::pair<SourceIndex, std::string>, std::uint32_t> record_index_;
};

// The records a query needs, as rows: chosen by ScopedReader's lookups.
struct Scope {
  std::set<std::int64_t> entities;
  std::set<std::int64_t> relations;
  std::unordered_set<std::int64_t> expanded;  // entities all of whose relations are in `relations`

  // Adds every relation of `e` and the entities at their other ends; those new are appended to `reached`.
  void expand(ScopedReader& reader, std::int64_t e, std::vector<std::int64_t>* reached) {
    if (!expanded.insert(e).second) return;
    for (const bool outgoing : {true, false}) {
      for (const std::int64_t r : reader.relations(e, outgoing)) {
        relations.insert(r);
        const RelationRow& relation = reader.relation(r);
        const std::int64_t other = outgoing ? relation.to : relation.from;
        if (entities.insert(other).second && reached) reached->push_back(other);
      }
    }
  }
};

// Two entities are linked as `why` shows without a path search: a relation between them, or
// an event both take part in.
bool linked(ScopedReader& reader, std::int64_t a, std::int64_t b) {
  std::set<std::int64_t> around_a;
  for (const bool outgoing : {true, false}) {
    for (const std::int64_t r : reader.relations(a, outgoing)) {
      const RelationRow& relation = reader.relation(r);
      around_a.insert(outgoing ? relation.to : relation.from);
    }
  }
  if (around_a.count(b)) return true;
  for (const bool outgoing : {true, false}) {
    for (const std::int64_t r : reader.relations(b, outgoing)) {
      const RelationRow& relation = reader.relation(r);
      const std::int64_t other = outgoing ? relation.to : relation.from;
      if (other != a && other != b && around_a.count(other) && reader.entity(other).event) return true;
    }
  }
  return false;
}

}  // namespace

Store::ScopedResult Store::read_scoped(const RelationSchema& schema, const AsOf& as_of, const ReadScope& request,
                                       Dataset& dataset, Diagnostics& diagnostics, StoreRows* rows) {
  if (format_ < kStoreFormatVersion) return ScopedResult::kWhole;
  Connection& db = *connection_;
  SqliteError error;
  // A few hundred scattered pages are read through SQLite's own cache rather than a mapping of
  // the file: a mapping's page faults each map a run of neighbouring pages, which at scale 10
  // more than doubled the resident memory of a small query. A whole read maps the file again.
  if (!in_transaction_ && (!db.exec("PRAGMA mmap_size=0", error) || !db.exec("BEGIN", error))) {
    report(diagnostics, path_, error);
    return ScopedResult::kFailed;
  }
  const auto finish = [&](ScopedResult result) {
    if (!in_transaction_) {
      db.exec("ROLLBACK", error);
      if (result == ScopedResult::kWhole) db.exec("PRAGMA mmap_size=" + std::to_string(kWholeReadMmapBytes), error);
    }
    return result;
  };
  std::int64_t tx = 0;
  std::uint64_t checksum = 0;
  if (!transaction_as_of(db, path_, as_of, tx, checksum, diagnostics)) return finish(ScopedResult::kFailed);
  ScopedReader reader(db, path_, tx, schema, diagnostics);
  if (!reader.prepare()) return finish(ScopedResult::kFailed);

  // Past an eighth of the store, reading row by row through the indexes costs more than one
  // read of every row in order (a leader's 17,880 meetings at scale 1 took 4.0 s of CPU this way,
  // against 2.3 s for the whole store: docs/benchmarks.md); the whole store is read instead.
  // Below a few thousand rows either read takes milliseconds, and the scoped one is kept.
  std::int64_t entity_rows_in_store = 0, relation_rows_in_store = 0;
  {
    auto sizes = db.prepare("SELECT (SELECT max(row) FROM entities), (SELECT max(row) FROM relations)", error);
    if (!sizes || sizes->step() != SQLITE_ROW) {
      report(diagnostics, path_, error);
      return finish(ScopedResult::kFailed);
    }
    entity_rows_in_store = sizes->integer(0);
    relation_rows_in_store = sizes->integer(1);
  }
  constexpr std::int64_t kWholeFraction = 8;
  constexpr std::int64_t kAlwaysScoped = 4096;
  Scope scope;
  const auto too_large = [&] {
    const auto entities = static_cast<std::int64_t>(scope.entities.size());
    const auto relations = static_cast<std::int64_t>(reader.relations_read());
    return (entities > kAlwaysScoped && entities * kWholeFraction > entity_rows_in_store) ||
           (relations > kAlwaysScoped && relations * kWholeFraction > relation_rows_in_store);
  };
  std::vector<std::int64_t> frontier;
  std::vector<std::vector<std::int64_t>> named;
  const auto state = schema.core_names().state;
  for (const auto& name : request.names) {
    named.push_back(reader.candidates(name));
    if (reader.failed()) return finish(ScopedResult::kFailed);
    // A name no key finds: the whole store gives the suggestions it has always given (a write's
    // new name is simply not there yet).
    if (named.back().empty() && !request.missing_ok) return finish(ScopedResult::kWhole);
    for (const std::int64_t e : named.back()) {
      if (request.whole_for_states && state && schema.is_a(reader.entity(e).kind_id, *state)) {
        return finish(ScopedResult::kWhole);
      }
      if (scope.entities.insert(e).second) frontier.push_back(e);
    }
  }
  for (const auto& name : request.places) {
    const auto rows = reader.candidates(name);
    if (reader.failed()) return finish(ScopedResult::kFailed);
    if (rows.empty()) return finish(ScopedResult::kWhole);
    scope.entities.insert(rows.begin(), rows.end());
  }
  if (request.needs_link && named.size() == 2) {
    for (const std::int64_t a : named[0]) {
      for (const std::int64_t b : named[1]) {
        if (a != b && !linked(reader, a, b)) return finish(reader.failed() ? ScopedResult::kFailed : ScopedResult::kWhole);
      }
    }
  }
  // The relations between two named entities (a relation to retract: every one that matches).
  for (const auto& [from_name, to_name] : request.links) {
    const auto to_rows = reader.candidates(to_name);
    for (const std::int64_t from : reader.candidates(from_name)) {
      for (const std::int64_t r : reader.relations(from, /*outgoing=*/true)) {
        const RelationRow& relation = reader.relation(r);
        if (std::binary_search(to_rows.begin(), to_rows.end(), relation.to)) scope.relations.insert(r);
      }
    }
  }
  for (const auto& id : request.sources) reader.want_source(id);
  if (reader.failed()) return finish(ScopedResult::kFailed);
  if (too_large()) return finish(ScopedResult::kWhole);  // a large batch of writes
  // Everything within `depth` relations of the named entities.
  for (std::size_t d = 0; d < request.depth && !frontier.empty(); ++d) {
    std::vector<std::int64_t> next;
    for (const std::int64_t e : frontier) {
      scope.expand(reader, e, &next);
      if (too_large()) return finish(reader.failed() ? ScopedResult::kFailed : ScopedResult::kWhole);
    }
    frontier = std::move(next);
  }
  // Every event reached, whole: its participants, venues and the events it is part of.
  for (const std::int64_t e : std::vector<std::int64_t>(scope.entities.begin(), scope.entities.end())) {
    if (request.events_whole && reader.entity(e).event) scope.expand(reader, e, nullptr);
    if (too_large()) return finish(reader.failed() ? ScopedResult::kFailed : ScopedResult::kWhole);
  }
  // What each entity reached lies within (part_of, located_in, capital_of), up to the top.
  std::vector<std::int64_t> pending(scope.entities.begin(), scope.entities.end());
  while (!pending.empty()) {
    const std::int64_t e = pending.back();
    pending.pop_back();
    for (const std::int64_t r : reader.relations(e, ScopedReader::Direction::kUp)) {
      const RelationRow& relation = reader.relation(r);
      scope.relations.insert(r);
      if (scope.entities.insert(relation.to).second) pending.push_back(relation.to);
    }
  }
  // Every relation among the entities reached (neighbours draws and lists them).
  if (request.among) {
    for (const std::int64_t e : scope.entities) {
      if (scope.expanded.count(e)) continue;
      for (const bool outgoing : {true, false}) {
        for (const std::int64_t r : reader.relations(e, outgoing)) {
          const RelationRow& relation = reader.relation(r);
          if (scope.entities.count(outgoing ? relation.to : relation.from)) scope.relations.insert(r);
        }
      }
    }
  }
  if (reader.failed()) return finish(ScopedResult::kFailed);
  // Named rows not current at this transaction (a retracted entity's keys remain) are dropped.
  std::vector<std::int64_t> entity_rows;
  for (const std::int64_t e : scope.entities) {
    if (reader.entity(e).visible) entity_rows.push_back(e);
    if (reader.failed()) return finish(ScopedResult::kFailed);
  }
  if (!reader.load(entity_rows, std::vector<std::int64_t>(scope.relations.begin(), scope.relations.end()), dataset, rows)) {
    return finish(ScopedResult::kFailed);
  }
  return finish(ScopedResult::kRead);
}

}  // namespace parley
