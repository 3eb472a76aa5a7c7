#include "parley/export/dataset_json.h"

#include <charconv>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "parley/export/canonical_json.h"

namespace parley {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void string(Writer& w, std::string_view text) { w.String(text.data(), static_cast<rapidjson::SizeType>(text.size())); }
void key(Writer& w, std::string_view name) { w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size())); }
void optional_member(Writer& w, std::string_view name, const std::string& value) {
  if (value.empty()) return;
  key(w, name);
  string(w, value);
}

// Integers are kept as decimal text once loaded; the schema says which values were integers.
void value(Writer& w, const std::string& text, ValueType type) {
  std::int64_t number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (type == ValueType::kInteger && error == std::errc() && end == text.data() + text.size()) {
    w.Int64(number);
  } else {
    string(w, text);
  }
}

void citations(Writer& w, const std::vector<Citation>& list, const Dataset& dataset) {
  w.StartArray();
  for (const auto& c : list) {
    w.StartObject();
    key(w, "source");
    string(w, dataset.sources[c.source].id);
    if (c.is_coded()) {
      const CodedRecord& r = dataset.records[c.record];
      key(w, "record");
      w.StartObject();
      for (const auto& [name, value] : {std::pair("event_id", &r.event_id), std::pair("story_id", &r.story_id),
                                        std::pair("sentence", &r.sentence), std::pair("publisher", &r.publisher),
                                        std::pair("cameo", &r.cameo), std::pair("event_text", &r.event_text),
                                        std::pair("url", &r.url)}) {
        if (value->empty() && std::string_view(name) != "event_id") continue;
        key(w, name);
        string(w, *value);
      }
      w.EndObject();
    } else {
      key(w, "quote");
      string(w, c.quote);
    }
    w.EndObject();
  }
  w.EndArray();
}

std::string take(rapidjson::StringBuffer& buffer) { return std::string(buffer.GetString(), buffer.GetSize()); }

}  // namespace

std::string source_json(const Source& source) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  key(w, "id");
  string(w, source.id);
  key(w, "publisher");
  string(w, source.publisher);
  key(w, "title");
  string(w, source.title);
  optional_member(w, "published", source.published);
  optional_member(w, "file", source.file);
  optional_member(w, "url", source.url);
  optional_member(w, "note", source.note);
  optional_member(w, "evidence", source.evidence);
  w.EndObject();
  return take(buffer);
}

std::string entity_json(const Entity& entity, const Dataset& dataset, const RelationSchema& schema) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  key(w, "id");
  string(w, entity.id);
  key(w, "kind");
  string(w, schema.kind(entity.kind).name);
  key(w, "name");
  string(w, entity.name);
  if (!entity.aliases.empty()) {
    key(w, "aliases");
    w.StartArray();
    for (const auto& alias : entity.aliases) {
      if (alias.note.empty() && alias.citations.empty()) {
        string(w, alias.name);
        continue;
      }
      w.StartObject();
      key(w, "name");
      string(w, alias.name);
      optional_member(w, "note", alias.note);
      if (!alias.citations.empty()) {
        key(w, "sources");
        citations(w, alias.citations, dataset);
      }
      w.EndObject();
    }
    w.EndArray();
  }
  key(w, "sources");
  citations(w, entity.citations, dataset);
  if (!entity.attributes.empty()) {
    key(w, "attributes");
    w.StartArray();
    for (const auto& attribute : entity.attributes) {
      const AttributeSpec* spec = schema.find_attribute(entity.kind, attribute.name);
      w.StartObject();
      key(w, "name");
      string(w, attribute.name);
      key(w, "value");
      value(w, attribute.value, spec ? spec->value.type : ValueType::kText);
      optional_member(w, "qualifier", attribute.qualifier);
      key(w, "sources");
      citations(w, attribute.citations, dataset);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  return take(buffer);
}

std::string relation_json(const Relation& relation, const Dataset& dataset, const RelationSchema& schema) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  key(w, "type");
  string(w, schema.relation_type(relation.type).name);
  key(w, "from");
  string(w, dataset.entities[relation.from].id);
  key(w, "to");
  string(w, dataset.entities[relation.to].id);
  if (!relation.properties.empty()) {
    key(w, "properties");
    w.StartObject();
    for (const auto& p : relation.properties) {
      const PropertySpec& spec = schema.property(p.property);
      key(w, spec.name);
      value(w, p.value, spec.value.type);
    }
    w.EndObject();
  }
  key(w, "sources");
  citations(w, relation.citations, dataset);
  w.EndObject();
  return take(buffer);
}

std::string dataset_document(const DatasetInfo& info, const std::vector<std::string>& sources,
                             const std::vector<std::string>& entities, const std::vector<std::string>& relations) {
  const auto text = [](const std::string& s) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    string(w, s);
    return take(buffer);
  };
  CanonicalDataset document;
  document.format = text("parley-dataset/1");
  if (!info.title.empty()) document.title = text(info.title);
  if (!info.description.empty()) document.description = text(info.description);
  if (!info.schema.empty()) document.schema = canonical_schema(info.schema);
  document.sources = sources;
  document.entities = entities;
  document.relations = relations;
  return render_canonical_dataset(document);
}

std::string to_dataset_json(const Dataset& dataset, const RelationSchema& schema, const DatasetInfo& info,
                            const DatasetJsonFilter& filter) {
  const auto skipped = [](const std::vector<bool>& flags, std::size_t i) { return i < flags.size() && flags[i]; };
  std::vector<std::string> sources, entities, relations;
  sources.reserve(dataset.sources.size());
  entities.reserve(dataset.entities.size());
  relations.reserve(dataset.relations.size());
  for (std::size_t i = 0; i < dataset.sources.size(); ++i) {
    if (!skipped(filter.skip_source, i)) sources.push_back(source_json(dataset.sources[i]));
  }
  for (std::size_t i = 0; i < dataset.entities.size(); ++i) {
    if (!skipped(filter.skip_entity, i)) entities.push_back(entity_json(dataset.entities[i], dataset, schema));
  }
  for (std::size_t i = 0; i < dataset.relations.size(); ++i) {
    if (!skipped(filter.skip_relation, i)) relations.push_back(relation_json(dataset.relations[i], dataset, schema));
  }
  return dataset_document(info, sources, entities, relations);
}

}  // namespace parley
