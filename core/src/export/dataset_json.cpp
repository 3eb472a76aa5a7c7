#include "parley/export/dataset_json.h"

#include <charconv>
#include <ostream>
#include <sstream>

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

void citations(Writer& w, const CitationList& list, const Dataset& dataset) {
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

// What a document says before its records, rendered as the canonical layout has it.
CanonicalDataset document_head(const DatasetInfo& info) {
  const auto text = [](std::string_view s) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    string(w, s);
    return take(buffer);
  };
  CanonicalDataset head;
  head.format = text("parley-dataset/1");
  if (!info.title.empty()) head.title = text(info.title);
  if (!info.description.empty()) head.description = text(info.description);
  if (!info.schema.empty()) head.schema = canonical_schema(info.schema);
  return head;
}

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
  optional_member(w, "byline", source.byline);
  if (!source.authors.empty()) {
    key(w, "authors");
    w.StartArray();
    for (const auto& author : source.authors) string(w, author);
    w.EndArray();
  }
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
      optional_member(w, "attribution", attribute.attribution);
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
  optional_member(w, "id", relation.id);
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
  std::ostringstream out;
  CanonicalWriter writer(out, document_head(info));
  writer.array("sources", sources);
  writer.array("entities", entities);
  writer.array("relations", relations);
  writer.finish();
  return out.str();
}

DatasetJsonFilter subgraph_filter(const Dataset& dataset, const RelationSchema& schema, const Subgraph& subgraph) {
  DatasetJsonFilter filter;
  filter.skip_source.assign(dataset.sources.size(), true);
  filter.skip_entity.assign(dataset.entities.size(), true);
  filter.skip_relation.assign(dataset.relations.size(), true);
  const auto cite = [&](const CitationList& citations) {
    for (const Citation& c : citations) filter.skip_source[c.source] = false;
  };
  const auto keep_entity = [&](EntityIndex e) {
    if (!filter.skip_entity[e]) return;
    filter.skip_entity[e] = false;
    const Entity& entity = dataset.entities[e];
    cite(entity.citations);
    for (const Alias& alias : entity.aliases) cite(alias.citations);
    for (const Attribute& attribute : entity.attributes) cite(attribute.citations);
  };
  for (const EntityIndex e : subgraph.entities) keep_entity(e);
  for (const RelationIndex r : subgraph.relations) {
    const Relation& relation = dataset.relations[r];
    filter.skip_relation[r] = false;
    keep_entity(relation.from);
    keep_entity(relation.to);
    cite(relation.citations);
    for (const PropertyValue& p : relation.properties) {
      if (schema.property(p.property).value.type != ValueType::kEntity) continue;
      if (const auto named = dataset.find_entity(p.value)) keep_entity(*named);
    }
  }
  return filter;
}

void write_dataset_json(std::ostream& out, const Dataset& dataset, const RelationSchema& schema,
                        const DatasetInfo& info, const DatasetJsonFilter& filter) {
  const auto kept = [](const std::vector<bool>& skip, std::size_t i) { return i >= skip.size() || !skip[i]; };
  CanonicalWriter writer(out, document_head(info));
  writer.array("sources");
  for (std::size_t i = 0; i < dataset.sources.size(); ++i) {
    if (kept(filter.skip_source, i)) writer.record(source_json(dataset.sources[i]));
  }
  writer.array("entities");
  for (std::size_t i = 0; i < dataset.entities.size(); ++i) {
    if (kept(filter.skip_entity, i)) writer.record(entity_json(dataset.entities[i], dataset, schema));
  }
  writer.array("relations");
  for (std::size_t i = 0; i < dataset.relations.size(); ++i) {
    if (kept(filter.skip_relation, i)) writer.record(relation_json(dataset.relations[i], dataset, schema));
  }
  writer.finish();
}

std::string to_dataset_json(const Dataset& dataset, const RelationSchema& schema, const DatasetInfo& info,
                            const DatasetJsonFilter& filter) {
  std::ostringstream out;
  write_dataset_json(out, dataset, schema, info, filter);
  return out.str();
}

}  // namespace parley
