#include "parley/store/write.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <set>
#include <type_traits>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "parley/common/embedded.h"
#include "parley/export/dataset_json.h"
#include "parley/graph/database.h"
#include "parley/graph/names.h"
#include "parley/store/open.h"
#include "store/write_check.h"

namespace parley {
namespace {

constexpr const char* kWriteFile = "<write>";

// Which write and option a place in the write document came from.
struct Origin {
  std::string pointer;  // a prefix of JSON pointers into the write document
  std::string label;
  std::string option;   // "--at"; empty for the write as a whole
};

// One record of the write document, written field by field.
class RecordJson {
 public:
  RecordJson() : w_(buffer_) { w_.StartObject(); }
  RecordJson& text(std::string_view key, std::string_view value) {
    name(key);
    w_.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
    return *this;
  }
  // An integer when the schema says so and the text is one; the loader says what is wrong otherwise.
  RecordJson& value(std::string_view key, std::string_view value, bool integer) {
    std::int64_t number = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (integer && error == std::errc() && end == value.data() + value.size()) {
      name(key);
      w_.Int64(number);
      return *this;
    }
    return text(key, value);
  }
  RecordJson& citation(const Provenance& p) {
    name("sources");
    w_.StartArray();
    w_.StartObject();
    text("source", p.source);
    text("quote", p.quote);
    w_.EndObject();
    w_.EndArray();
    return *this;
  }
  rapidjson::Writer<rapidjson::StringBuffer>& writer() { return w_; }
  void name(std::string_view key) { w_.Key(key.data(), static_cast<rapidjson::SizeType>(key.size())); }
  std::string done() {
    w_.EndObject();
    return std::string(buffer_.GetString(), buffer_.GetSize());
  }

 private:
  rapidjson::StringBuffer buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> w_;
};

// An entity of the store that this transaction changes (an alias or attribute added or
// retracted): its record is left out of the store's document and written, changed, to the
// write document.
struct ChangedEntity {
  Entity entity;
  std::vector<std::int64_t> alias_rows;          // per alias: its row in the store, 0 if new
  std::vector<std::string> alias_added_by;       // per alias: the write that added it, or empty
  std::vector<std::int64_t> attribute_rows;      // per attribute
  std::vector<std::string> attribute_added_by;
};

std::string slug(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string last_word(std::string_view name) {
  const auto space = name.find_last_of(' ');
  return std::string(space == std::string_view::npos ? name : name.substr(space + 1));
}

class WritePlan {
 public:
  WritePlan(const Dataset& current, const StoreRows& rows, const RelationSchema& schema, const NameIndex& names,
            const detail::EntityIdTaken& id_taken, Diagnostics& diagnostics)
      : current_(current), rows_(rows), schema_(schema), names_(names), id_taken_(id_taken), diagnostics_(diagnostics) {
    filter_.skip_source.assign(current.sources.size(), false);
    filter_.skip_entity.assign(current.entities.size(), false);
    filter_.skip_relation.assign(current.relations.size(), false);
  }

  void add(const Write& write) {
    label_ = write.label;
    std::visit([this](const auto& w) { plan(w); }, write.what);
  }

  // The records as two dataset documents: the store's less what changes, and the write's.
  std::string store_document() const { return to_dataset_json(current_, schema_, {}, filter_); }
  std::string write_document() {
    std::vector<std::string> entities = entities_;
    for (auto& [index, changed] : changed_) {
      const std::string at = "/entities/" + std::to_string(entities.size());
      for (std::size_t a = 0; a < changed.alias_added_by.size(); ++a) {
        if (changed.alias_added_by[a].empty()) continue;
        const std::string alias = at + "/aliases/" + std::to_string(a);
        origins_.push_back({alias, changed.alias_added_by[a], "NAME"});
        origins_.push_back({alias + "/note", changed.alias_added_by[a], "--note"});
        origins_.push_back({alias + "/sources", changed.alias_added_by[a], "--source"});
        origins_.push_back({alias + "/sources/0/quote", changed.alias_added_by[a], "--quote"});
      }
      for (std::size_t a = 0; a < changed.attribute_added_by.size(); ++a) {
        if (changed.attribute_added_by[a].empty()) continue;
        const std::string attribute = at + "/attributes/" + std::to_string(a);
        origins_.push_back({attribute, changed.attribute_added_by[a], "NAME"});
        origins_.push_back({attribute + "/value", changed.attribute_added_by[a], "VALUE"});
        origins_.push_back({attribute + "/qualifier", changed.attribute_added_by[a], "--qualifier"});
        origins_.push_back({attribute + "/sources", changed.attribute_added_by[a], "--source"});
        origins_.push_back({attribute + "/sources/0/quote", changed.attribute_added_by[a], "--quote"});
      }
      entities.push_back(entity_json(changed.entity, current_, schema_));
    }
    return dataset_document({}, sources_, entities, relations_);
  }

  // Turns the loader's findings into the write's: which write and option, which record and field.
  void report(const Diagnostics& found, const std::string& store_name) const {
    for (Diagnostic d : found.items()) {
      if (d.where.file == kWriteFile) {
        const Origin* best = nullptr;
        for (const auto& o : origins_) {
          const bool prefix = d.where.json_pointer.starts_with(o.pointer) &&
                              (d.where.json_pointer.size() == o.pointer.size() || d.where.json_pointer[o.pointer.size()] == '/');
          if (prefix && (!best || o.pointer.size() > best->pointer.size())) best = &o;
        }
        d.where.file = best ? best->label + (best->option.empty() ? "" : ", " + best->option) : "write";
      } else {
        d.where.file = store_name + " (as this transaction would leave it)";
        if (d.code == ErrorCode::kDanglingReference) {
          d.message += "; retract what refers to it in the same transaction (an entity's relations: --with-relations)";
        }
      }
      d.where.line = 0;
      d.where.column = 0;
      d.where.json_pointer.clear();
      diagnostics_.add(std::move(d));
    }
  }

  // What to commit, from the dataset the loader built of both documents.
  StoreChanges changes(const Dataset& checked) const {
    StoreChanges c;
    c.dataset = &checked;
    std::size_t store_sources = 0;
    for (std::size_t i = 0; i < filter_.skip_source.size(); ++i) store_sources += !filter_.skip_source[i];
    for (std::size_t s = store_sources; s < checked.sources.size(); ++s) c.new_sources.push_back(static_cast<SourceIndex>(s));
    for (EntityIndex e = 0; e < checked.entities.size(); ++e) {
      if (checked.entities[e].origin.file != 1) continue;
      const auto existing = current_.find_entity(checked.entities[e].id);
      const auto changed = existing ? changed_.find(*existing) : changed_.end();
      if (changed == changed_.end()) {
        c.new_entities.push_back(e);
        continue;
      }
      const std::int64_t row = rows_.entities[*existing];
      for (std::size_t a = 0; a < changed->second.alias_added_by.size(); ++a) {
        if (!changed->second.alias_added_by[a].empty()) c.new_aliases.push_back({e, row, a});
      }
      for (std::size_t a = 0; a < changed->second.attribute_added_by.size(); ++a) {
        if (!changed->second.attribute_added_by[a].empty()) c.new_attributes.push_back({e, row, a});
      }
    }
    for (RelationIndex r = 0; r < checked.relations.size(); ++r) {
      if (checked.relations[r].origin.file == 1) c.new_relations.push_back(r);
    }
    c.existing_source_row = [this](std::string_view id) -> std::optional<std::int64_t> {
      const auto s = current_.source_by_id.find(id);
      if (!s || filter_.skip_source[*s]) return std::nullopt;
      return rows_.sources[*s];
    };
    c.existing_entity_row = [this](std::string_view id) -> std::optional<std::int64_t> {
      const auto e = current_.find_entity(id);
      if (!e) return std::nullopt;
      return rows_.entities[*e];
    };
    c.retract_sources = retract_sources_;
    c.retract_entities = retract_entities_;
    c.retract_aliases = retract_aliases_;
    c.retract_attributes = retract_attributes_;
    c.retract_relations = retract_relations_;
    return c;
  }

  const std::vector<std::string>& done() const { return done_; }

  // Entities of the current dataset this transaction changes, each as changed.
  std::vector<std::pair<EntityIndex, const Entity*>> changed_entities() const {
    std::vector<std::pair<EntityIndex, const Entity*>> out;
    for (const auto& [index, changed] : changed_) out.emplace_back(index, &changed.entity);
    return out;
  }

 private:
  void fail(ErrorCode code, const std::string& option, const std::string& message) {
    Location where;
    where.file = label_ + (option.empty() ? "" : ", " + option);
    diagnostics_.add(code, message, where);
  }

  // The id of the entity `text` names: an id, or a name or alias that fits one entity. A text
  // that names nothing is kept as an id, for the loader to report (or to find among the new).
  std::string entity_id(const std::string& text, const std::string& option) {
    if (current_.find_entity(text) || new_entity_ids_.count(text)) return text;
    const auto found = names_.find(current_, text);
    if (found.size() == 1) return current_.entities[found.front()].id;
    if (found.size() > 1) {
      std::string list;
      for (std::size_t i = 0; i < found.size() && i < 5; ++i) {
        list += (i ? ", " : "") + current_.entities[found[i]].id + " (" + current_.entities[found[i]].name + ")";
      }
      fail(ErrorCode::kNameAmbiguous, option,
           "\"" + text + "\" fits " + std::to_string(found.size()) + " entities: " + list + "; give the id");
    }
    return text;
  }

  // An entity that must exist in the store now (for retractions and changes).
  std::optional<EntityIndex> existing_entity(const std::string& text, const std::string& option) {
    const std::string id = entity_id(text, option);
    if (const auto e = current_.find_entity(id)) {
      if (!retracted_entities_.count(*e)) return e;
    }
    if (names_.find(current_, text).size() <= 1) {
      fail(ErrorCode::kNameNotFound, option, "no entity \"" + text + "\" in the store");
    }
    return std::nullopt;
  }

  void origin(const std::string& pointer, const std::string& option) { origins_.push_back({pointer, label_, option}); }

  void cite_origins(const std::string& at) {
    origin(at + "/sources", "--source");
    origin(at + "/sources/0/quote", "--quote");
  }

  bool integer_attribute(std::string_view kind, std::string_view name) const {
    const auto k = schema_.find_kind(kind);
    const AttributeSpec* spec = k ? schema_.find_attribute(*k, name) : nullptr;
    return spec && spec->value.type == ValueType::kInteger;
  }
  bool integer_property(std::string_view name) const {
    const auto p = schema_.find_property(name);
    return p && schema_.property(*p).value.type == ValueType::kInteger;
  }

  std::string add_relation_record(const std::string& type, const std::string& from, const std::string& to,
                                  const NamedValues& properties, const Provenance& provenance,
                                  const std::string& id = {}) {
    RecordJson r;
    if (!id.empty()) r.text("id", id);
    r.text("type", type).text("from", from).text("to", to);
    if (!properties.empty()) {
      r.name("properties");
      r.writer().StartObject();
      for (const auto& [name, value] : properties) r.value(name, value, integer_property(name));
      r.writer().EndObject();
    }
    r.citation(provenance);
    relations_.push_back(r.done());
    return "/relations/" + std::to_string(relations_.size() - 1);
  }

  void plan(const AddSource& w) {
    RecordJson r;
    r.text("id", w.source.id).text("publisher", w.source.publisher).text("title", w.source.title);
    if (!w.source.published.empty()) r.text("published", w.source.published);
    if (!w.source.file.empty()) r.text("file", w.source.file);
    if (!w.source.url.empty()) r.text("url", w.source.url);
    if (!w.source.note.empty()) r.text("note", w.source.note);
    if (!w.source.byline.empty()) r.text("byline", w.source.byline);
    if (!w.source.authors.empty()) {
      r.name("authors");
      r.writer().StartArray();
      for (const auto& a : w.source.authors) r.writer().String(a.data(), static_cast<rapidjson::SizeType>(a.size()));
      r.writer().EndArray();
    }
    sources_.push_back(r.done());
    const std::string at = "/sources/" + std::to_string(sources_.size() - 1);
    origin(at, "");
    origin(at + "/id", "ID");
    for (const char* f : {"publisher", "title", "published", "file", "url", "note", "byline"}) origin(at + "/" + f, std::string("--") + f);
    origin(at + "/authors", "--written-by");
    done_.push_back("added source " + w.source.id);
  }

  void plan(const AddEntity& w) {
    RecordJson r;
    r.text("id", w.id).text("kind", w.kind).text("name", w.name);
    if (!w.aliases.empty()) {
      r.name("aliases");
      r.writer().StartArray();
      for (const auto& a : w.aliases) r.writer().String(a.data(), static_cast<rapidjson::SizeType>(a.size()));
      r.writer().EndArray();
    }
    r.citation(w.provenance);
    if (!w.attributes.empty()) {
      r.name("attributes");
      r.writer().StartArray();
      for (const auto& [name, value] : w.attributes) {
        r.writer().StartObject();
        r.text("name", name).value("value", value, integer_attribute(w.kind, name)).citation(w.provenance);
        r.writer().EndObject();
      }
      r.writer().EndArray();
    }
    entities_.push_back(r.done());
    new_entity_ids_.insert(w.id);
    const std::string at = "/entities/" + std::to_string(entities_.size() - 1);
    origin(at, "");
    origin(at + "/id", "ID");
    origin(at + "/kind", "--kind");
    origin(at + "/name", "--name");
    origin(at + "/aliases", "--alias");
    origin(at + "/attributes", "--attribute");
    cite_origins(at);
    done_.push_back("added entity " + w.id);
  }

  void plan(const AddRelation& w) {
    const std::string from = entity_id(w.from, "FROM");
    const std::string to = entity_id(w.to, "TO");
    const std::string at = add_relation_record(w.type, from, to, w.properties, w.provenance, w.id);
    origin(at, "");
    origin(at + "/id", "--id");
    origin(at + "/type", "TYPE");
    origin(at + "/from", "FROM");
    origin(at + "/to", "TO");
    origin(at + "/properties", "--property");
    cite_origins(at);
    done_.push_back("added relation " + (w.id.empty() ? w.type + " " + from + " -> " + to : w.id));
  }

  ChangedEntity* change(EntityIndex e) {
    auto it = changed_.find(e);
    if (it == changed_.end()) {
      ChangedEntity c{current_.entities[e], rows_.aliases[e], {}, rows_.attributes[e], {}};
      c.alias_added_by.assign(c.entity.aliases.size(), "");
      c.attribute_added_by.assign(c.entity.attributes.size(), "");
      it = changed_.emplace(e, std::move(c)).first;
      filter_.skip_entity[e] = true;
    }
    return &it->second;
  }

  // Sources cited by a change to an existing entity, as indices of the store's dataset; a
  // source new in this transaction cannot be cited this way, since the entity is written from
  // the store's records. It is reported as the loader would.
  std::optional<Citation> citation_of(const Provenance& p) {
    const auto s = current_.source_by_id.find(p.source);
    if (!s || filter_.skip_source[*s]) {
      fail(ErrorCode::kUnknownSource, "--source",
           "cites source \"" + p.source + "\", which the store does not hold (add the source in an earlier transaction)");
      return std::nullopt;
    }
    // Kept by the store's dataset, which outlives the plan's records that cite it.
    return Citation{*s, kNoRecord, current_.quote_text->keep(p.quote)};
  }

  void plan(const AddAlias& w) {
    const auto e = existing_entity(w.entity, "ENTITY");
    if (!e) return;
    Alias alias{w.name, w.note, {}};
    if (w.provenance) {
      const auto c = citation_of(*w.provenance);
      if (!c) return;
      alias.citations.push_back(*c);
    }
    ChangedEntity* changed = change(*e);
    changed->entity.aliases.push_back(std::move(alias));
    changed->alias_added_by.push_back(label_);
    changed->alias_rows.push_back(0);
    done_.push_back("added alias \"" + w.name + "\" of " + current_.entities[*e].id);
  }

  void plan(const AddAttribute& w) {
    const auto e = existing_entity(w.entity, "ENTITY");
    if (!e) return;
    const auto c = citation_of(w.provenance);
    if (!c) return;
    // Checked like any attribute: the loader reads the value against the kind's declaration.
    ChangedEntity* changed = change(*e);
    changed->entity.attributes.push_back(Attribute{w.name, w.value, w.qualifier, {*c}, w.attribution});
    changed->attribute_added_by.push_back(label_);
    changed->attribute_rows.push_back(0);
    done_.push_back("added attribute " + w.name + " = " + w.value + " of " + current_.entities[*e].id);
  }

  void plan(const AddMeeting& w) {
    if (w.participants.empty()) {
      fail(ErrorCode::kUsage, "--participants", "a meeting needs at least one participant");
      return;
    }
    std::vector<std::string> people;
    for (const auto& p : w.participants) people.push_back(entity_id(p, "--participants"));
    const std::string at = entity_id(w.at, "--at");
    const auto name_of = [this](const std::string& id) {
      const auto e = current_.find_entity(id);
      return e ? current_.entities[*e].name : id;
    };
    std::string id = w.id;
    if (id.empty()) {
      std::string base;
      for (const auto& p : people) base += slug(last_word(name_of(p))) + "-";
      base += slug(at) + (w.date.empty() ? "" : "-" + slug(w.date));
      id = base;
      for (int n = 2; id_taken_(id) || new_entity_ids_.count(id); ++n) id = base + "-" + std::to_string(n);
    }
    std::string name = w.name;
    if (name.empty()) {
      for (std::size_t i = 0; i < people.size(); ++i) name += (i ? "\u2013" : "") + last_word(name_of(people[i]));
      name += " " + (w.kind == "meeting" ? std::string("meeting") : w.kind) + " in " + name_of(at);
    }
    RecordJson r;
    r.text("id", id).text("kind", w.kind).text("name", name).citation(w.provenance);
    NamedValues attributes;
    if (!w.date.empty()) attributes.emplace_back("date", w.date);
    if (!w.status.empty()) attributes.emplace_back("status", w.status);
    if (!attributes.empty()) {
      r.name("attributes");
      r.writer().StartArray();
      for (const auto& [n, v] : attributes) {
        r.writer().StartObject();
        r.text("name", n).text("value", v).citation(w.provenance);
        r.writer().EndObject();
      }
      r.writer().EndArray();
    }
    entities_.push_back(r.done());
    new_entity_ids_.insert(id);
    const std::string entity_at = "/entities/" + std::to_string(entities_.size() - 1);
    origin(entity_at, "");
    origin(entity_at + "/id", "--id");
    origin(entity_at + "/kind", "--kind");
    origin(entity_at + "/name", "--name");
    for (std::size_t i = 0; i < attributes.size(); ++i) {
      origin(entity_at + "/attributes/" + std::to_string(i), "--" + attributes[i].first);
      cite_origins(entity_at + "/attributes/" + std::to_string(i));
    }
    cite_origins(entity_at);
    for (const auto& p : people) {
      const std::string rel = add_relation_record("participant_in", p, id, {{"role", "principal"}}, w.provenance);
      origin(rel, "--participants");
      cite_origins(rel);
    }
    const std::string venue = add_relation_record("held_in", id, at, {}, w.provenance);
    origin(venue, "--at");
    cite_origins(venue);
    done_.push_back("added " + w.kind + " " + id + " (" + name + ")");
  }

  void plan(const Retract& w) {
    using What = Retract::What;
    switch (w.what) {
      case What::kSource: {
        const auto s = current_.source_by_id.find(w.target);
        if (!s || filter_.skip_source[*s]) {
          fail(ErrorCode::kNameNotFound, "ID", "no source \"" + w.target + "\" in the store");
          return;
        }
        filter_.skip_source[*s] = true;
        retract_sources_.push_back(rows_.sources[*s]);
        done_.push_back("retracted source " + w.target);
        return;
      }
      case What::kEntity: {
        const auto e = existing_entity(w.target, "ENTITY");
        if (!e) return;
        filter_.skip_entity[*e] = true;
        retracted_entities_.insert(*e);
        changed_.erase(*e);
        retract_entities_.push_back(rows_.entities[*e]);
        for (const auto row : rows_.aliases[*e]) retract_aliases_.push_back(row);
        for (const auto row : rows_.attributes[*e]) retract_attributes_.push_back(row);
        std::size_t relations = 0;
        if (w.with_relations) {
          for (RelationIndex r = 0; r < current_.relations.size(); ++r) {
            const Relation& rel = current_.relations[r];
            if ((rel.from == *e || rel.to == *e) && !filter_.skip_relation[r]) {
              filter_.skip_relation[r] = true;
              retract_relations_.push_back(rows_.relations[r]);
              ++relations;
            }
          }
        }
        done_.push_back("retracted entity " + current_.entities[*e].id +
                        (w.with_relations ? " and its " + std::to_string(relations) + (relations == 1 ? " relation" : " relations") : ""));
        return;
      }
      case What::kRelation: {
        if (w.from.empty() && w.to.empty()) {  // named by its id
          std::optional<RelationIndex> found;
          for (RelationIndex r = 0; r < current_.relations.size(); ++r) {
            if (current_.relations[r].id == w.target && !filter_.skip_relation[r]) found = r;
          }
          if (!found) {
            fail(ErrorCode::kNameNotFound, "ID", "no relation with id \"" + w.target + "\" in the store");
            return;
          }
          filter_.skip_relation[*found] = true;
          retract_relations_.push_back(rows_.relations[*found]);
          done_.push_back("retracted relation " + w.target);
          return;
        }
        const auto type = schema_.find_relation_type(w.target);
        if (!type) {
          fail(ErrorCode::kUnknownRelationType, "TYPE", "relation type \"" + w.target + "\" is not defined by the relation schema");
          return;
        }
        const auto from = existing_entity(w.from, "FROM");
        const auto to = existing_entity(w.to, "TO");
        if (!from || !to) return;
        std::vector<RelationIndex> matches;
        for (RelationIndex r = 0; r < current_.relations.size(); ++r) {
          const Relation& rel = current_.relations[r];
          if (rel.type != *type || rel.from != *from || rel.to != *to || filter_.skip_relation[r]) continue;
          const bool fits = std::all_of(w.properties.begin(), w.properties.end(), [&](const auto& p) {
            const auto id = schema_.find_property(p.first);
            return id && rel.property(*id) == p.second;
          });
          if (fits) matches.push_back(r);
        }
        const std::string label = w.target + " " + current_.entities[*from].id + " -> " + current_.entities[*to].id;
        if (matches.empty()) {
          fail(ErrorCode::kNameNotFound, "", "no relation " + label + (w.properties.empty() ? "" : " with those properties") + " in the store");
          return;
        }
        if (matches.size() > 1 && !w.all) {
          fail(ErrorCode::kNameAmbiguous, "--property",
               std::to_string(matches.size()) + " relations " + label +
                   " match; choose one with --property name=value, or retract them all with --all");
          return;
        }
        for (const auto r : matches) {
          filter_.skip_relation[r] = true;
          retract_relations_.push_back(rows_.relations[r]);
        }
        done_.push_back("retracted " + std::to_string(matches.size()) + " relation" + (matches.size() == 1 ? " " : "s ") + label);
        return;
      }
      case What::kAlias:
      case What::kAttribute: {
        const auto e = existing_entity(w.target, "ENTITY");
        if (!e) return;
        const bool alias = w.what == What::kAlias;
        ChangedEntity* changed = change(*e);
        auto& rows = alias ? changed->alias_rows : changed->attribute_rows;
        std::vector<std::size_t> matches;
        for (std::size_t i = 0; i < rows.size(); ++i) {
          if (rows[i] == 0) continue;  // added by this transaction
          const bool fits = alias ? changed->entity.aliases[i].name == w.name
                                  : changed->entity.attributes[i].name == w.name &&
                                        (w.value.empty() || changed->entity.attributes[i].value == w.value);
          if (fits) matches.push_back(i);
        }
        const std::string what = std::string(alias ? "alias" : "attribute") + " \"" + w.name + "\"" +
                                 (w.value.empty() ? "" : " = \"" + w.value + "\"") + " of " + current_.entities[*e].id;
        if (matches.empty()) {
          fail(ErrorCode::kNameNotFound, "NAME", "no " + what + " in the store");
          return;
        }
        if (matches.size() > 1 && !w.all) {
          fail(ErrorCode::kNameAmbiguous, alias ? "NAME" : "--value",
               std::to_string(matches.size()) + " values of " + what + "; choose one with --value, or retract them all with --all");
          return;
        }
        for (auto i = matches.rbegin(); i != matches.rend(); ++i) {
          const auto at = static_cast<std::ptrdiff_t>(*i);
          (alias ? retract_aliases_ : retract_attributes_).push_back(rows[*i]);
          rows.erase(rows.begin() + at);
          if (alias) {
            changed->entity.aliases.erase(changed->entity.aliases.begin() + at);
            changed->alias_added_by.erase(changed->alias_added_by.begin() + at);
          } else {
            changed->entity.attributes.erase(changed->entity.attributes.begin() + at);
            changed->attribute_added_by.erase(changed->attribute_added_by.begin() + at);
          }
        }
        done_.push_back("retracted " + what);
        return;
      }
    }
  }

  const Dataset& current_;
  const StoreRows& rows_;
  const RelationSchema& schema_;
  const NameIndex& names_;
  const detail::EntityIdTaken& id_taken_;
  Diagnostics& diagnostics_;
  std::string label_;
  DatasetJsonFilter filter_;
  std::vector<std::string> sources_, entities_, relations_;
  std::map<EntityIndex, ChangedEntity> changed_;
  std::set<std::string, std::less<>> new_entity_ids_;
  std::set<EntityIndex> retracted_entities_;
  std::vector<Origin> origins_;
  std::vector<std::string> done_;
  std::vector<std::int64_t> retract_sources_, retract_entities_, retract_aliases_, retract_attributes_, retract_relations_;
};

}  // namespace

namespace detail {

bool check_writes(const Dataset& current, const StoreRows& rows, const RelationSchema& schema,
                  std::vector<Database::Text> schema_texts, const std::string& name, const std::vector<Write>& writes,
                  Diagnostics& diagnostics, const CheckedWritesSink& apply, const EntityIdTaken& id_taken) {
  Diagnostics name_problems;  // the data was checked when written; names are only for lookups here
  const NameIndex names = NameIndex::build(current, name_problems);

  const std::size_t errors_before = diagnostics.size();
  const EntityIdTaken in_current = [&current](std::string_view id) { return current.find_entity(id).has_value(); };
  WritePlan plan(current, rows, schema, names, id_taken ? id_taken : in_current, diagnostics);
  for (const auto& write : writes) plan.add(write);
  // The loader checks the current records and the write's together, as two files; it runs even
  // when a write named something missing, so that one report holds every problem.
  std::vector<Database::Text> texts;
  texts.push_back({name, plan.store_document()});
  texts.push_back({kWriteFile, plan.write_document()});
  Diagnostics found;
  const auto checked = Database::open_texts(std::move(texts), found, std::move(schema_texts));
  if (!checked || diagnostics.size() != errors_before) {
    plan.report(found, name);
    return false;
  }
  return apply(CheckedWrites{checked->dataset(), checked->schema(), plan.changes(checked->dataset()),
                             plan.changed_entities(), plan.done()});
}

}  // namespace detail

namespace {

// What a list of writes touches in the store, to be checked against those records alone:
// every entity it names (by id, name or alias, as the plan resolves them), with its aliases and
// attributes; the ids, names and aliases it adds, so that a clash with any entity of the store is
// read; entities a value names; the sources it cites or adds; the relations between the ends of a
// relation it retracts; and what each entity read lies within, for a containment cycle. A
// relation is checked against its own two ends, so nothing further is read. nullopt when a write
// needs the whole store: a source or entity retracted, which any record may cite or name.
std::optional<ReadScope> write_scope(const std::vector<Write>& writes, const RelationSchema& schema) {
  ReadScope scope;
  scope.depth = 0;
  scope.events_whole = false;
  scope.missing_ok = true;
  const auto name = [&scope](const std::string& text) {
    if (!text.empty()) scope.names.push_back(text);
  };
  const auto cite = [&scope](const Provenance& p) { scope.sources.push_back(p.source); };
  const auto entity_values = [&](const NamedValues& values, auto spec_of) {
    for (const auto& [n, value] : values) {
      const ValueSpec* spec = spec_of(n);
      if (spec && spec->type == ValueType::kEntity) name(value);
    }
  };
  const auto property_spec = [&schema](const std::string& n) -> const ValueSpec* {
    const auto p = schema.find_property(n);
    return p ? &schema.property(*p).value : nullptr;
  };
  bool whole = false;
  for (const Write& write : writes) {
    std::visit(
        [&](const auto& w) {
          using T = std::decay_t<decltype(w)>;
          if constexpr (std::is_same_v<T, AddSource>) {
            scope.sources.push_back(w.source.id);
          } else if constexpr (std::is_same_v<T, AddEntity>) {
            name(w.id);
            name(w.name);
            for (const auto& alias : w.aliases) name(alias);
            const auto kind = schema.find_kind(w.kind);
            entity_values(w.attributes, [&](const std::string& n) -> const ValueSpec* {
              const AttributeSpec* spec = kind ? schema.find_attribute(*kind, n) : nullptr;
              return spec ? &spec->value : nullptr;
            });
            cite(w.provenance);
          } else if constexpr (std::is_same_v<T, AddRelation>) {
            // A relation id must be unique among every relation of the store: only a whole read
            // has them all.
            if (!w.id.empty()) whole = true;
            name(w.from);
            name(w.to);
            entity_values(w.properties, property_spec);
            cite(w.provenance);
          } else if constexpr (std::is_same_v<T, AddAlias>) {
            name(w.entity);
            name(w.name);
            if (w.provenance) cite(*w.provenance);
          } else if constexpr (std::is_same_v<T, AddAttribute>) {
            name(w.entity);
            // The entity's kind is read with it, so any kind declaring the attribute entity-valued counts.
            for (KindId k = 0; k < schema.kind_count(); ++k) {
              const AttributeSpec* spec = schema.find_attribute(k, w.name);
              if (spec && spec->value.type == ValueType::kEntity) {
                name(w.value);
                break;
              }
            }
            cite(w.provenance);
          } else if constexpr (std::is_same_v<T, AddMeeting>) {
            for (const auto& p : w.participants) name(p);
            name(w.at);
            name(w.id);
            name(w.name);
            cite(w.provenance);
          } else if constexpr (std::is_same_v<T, Retract>) {
            switch (w.what) {
              case Retract::What::kSource:
              case Retract::What::kEntity:
                whole = true;
                break;
              case Retract::What::kRelation:
                // A relation named by its id alone may be anywhere in the store.
                if (w.from.empty() && w.to.empty()) {
                  whole = true;
                  break;
                }
                name(w.from);
                name(w.to);
                scope.links.emplace_back(w.from, w.to);
                break;
              case Retract::What::kAlias:
              case Retract::What::kAttribute:
                name(w.target);
                break;
            }
          }
        },
        write.what);
  }
  if (whole) return std::nullopt;
  return scope;
}

}  // namespace

bool apply_writes(Store& store, const std::vector<Write>& writes, TransactionInfo info, const Store::Wait& wait,
                  WriteResult& result, Diagnostics& diagnostics, WriteCheck check) {
  // A store built from data that extends the schema keeps the extension, and its writes are
  // checked against it.
  DatasetInfo about;
  if (!store.about(about, diagnostics)) return false;
  bool extension_ok = true;
  const auto extended = store_schema(store.path(), about, extension_ok, diagnostics);
  if (!extension_ok) return false;
  const RelationSchema& schema = extended ? *extended : embedded_schema();
  const auto extension = [&] {
    std::vector<Database::Text> texts;
    if (extended) texts.push_back({store.path() + " (its schema extension)", about.schema});
    return texts;
  };
  if (!store.begin(wait, diagnostics)) return false;
  bool commit_failed = false;
  const auto commit = [&](const detail::CheckedWrites& checked) {
    if (!store.commit(checked.changes, info, schema, diagnostics)) {
      commit_failed = true;
      return false;
    }
    result.transaction = info;
    result.done = checked.done;
    return true;
  };

  // Most writes touch a few records: they are checked against those alone, read through the
  // store's indexes, so that a write costs what it touches (docs/design.md, "Writes"). A check
  // that fails is made again against the whole store, whose messages and suggestions see every
  // record; so is a write the part cannot check (a source or entity retracted).
  const auto scope = check == WriteCheck::kWhole ? std::nullopt : write_scope(writes, schema);
  if (scope) {
    Dataset touched;
    StoreRows rows;
    Diagnostics found;
    const auto read = store.read_scoped(schema, {}, *scope, touched, found, &rows);
    if (read == Store::ScopedResult::kFailed) {
      for (const auto& d : found.items()) diagnostics.add(d);
      store.rollback();
      return false;
    }
    if (read == Store::ScopedResult::kRead) {
      const detail::EntityIdTaken taken = [&store](std::string_view id) { return store.holds_entity(id); };
      Diagnostics problems;
      if (detail::check_writes(touched, rows, schema, extension(), store.path(), writes, problems, commit, taken)) {
        return true;
      }
      if (commit_failed) return false;  // the store rolled back and said why
    }
  }
  result.read_whole = true;
  Dataset current;
  StoreRows rows;
  if (!store.read(schema, {}, current, diagnostics, &rows)) {
    store.rollback();
    return false;
  }
  const bool ok = detail::check_writes(current, rows, schema, extension(), store.path(), writes, diagnostics, commit);
  if (!ok) store.rollback();
  return ok;
}

}  // namespace parley
