// The records of a dataset once loaded and checked: sources, entities with their names,
// aliases and attributes, and relations between entities. Every stated fact keeps its
// citations. Indices into these vectors are the identities the graph and queries use.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/common/text_pool.h"
#include "parley/graph/id_index.h"
#include "parley/load/citation.h"
#include "parley/load/dataset_info.h"
#include "parley/load/identity.h"
#include "parley/schema/schema.h"

namespace parley {

using EntityIndex = std::uint32_t;
using RelationIndex = std::uint32_t;

// A source document, listed once and cited by index.
struct Source {
  std::string id;
  std::string publisher;
  std::string title;
  std::string published;  // a FuzzyDate in text form, or empty
  std::string file;
  std::string url;
  std::string note;
  // "coded_records" for coded event data (an import of ICEWS or GDELT), whose citations name a
  // record instead of quoting; empty for a document, whose citations quote it.
  std::string evidence;
  // Who wrote it, as its byline states: the byline's own words (verbatim, as a quote is) and
  // the authors it names. Both empty where the document has no byline (docs/schema.md).
  std::string byline;
  std::vector<std::string> authors;

  bool is_coded() const { return !evidence.empty(); }
};

// A row of coded event data, the evidence of a fact that has no verbatim quote: which event of
// the source it is (event_id, unique in its source) and what the coders said of it. ICEWS gives
// the story, sentence, publisher, CAMEO code and event text; GDELT the URL and CAMEO code. A
// field the file did not give is empty.
struct CodedRecord {
  std::string event_id;
  std::string story_id;
  std::string sentence;
  std::string publisher;
  std::string cameo;
  std::string event_text;
  std::string url;
};

struct Alias {
  std::string name;
  std::string note;
  CitationList citations;  // empty for a plain short form such as "Abe"
};

// A stated attribute of an entity. An attribute may occur several times with different values
// from different sources (a meeting "planned" in one article and "held" in a later one).
struct Attribute {
  std::string name;
  std::string value;       // integers are kept in their decimal text form
  std::string qualifier;   // what the value is of, e.g. "meeting between the two leaders"
  CitationList citations;
  std::string attribution;  // who, in the source, says so ("Putin was quoted by Tass"), or empty
};

// Where a record was declared, for diagnostics that come after loading. Two numbers rather
// than the pointer's text: a large dataset has millions of records and few diagnostics.
struct Origin {
  std::uint32_t file = 0;    // index into Dataset::files
  std::uint32_t record = 0;  // position in that file's "entities" or "relations" array
};

struct Entity {
  std::string id;
  KindId kind = 0;
  std::string name;
  std::vector<Alias> aliases;
  CitationList citations;
  std::vector<Attribute> attributes;
  Origin origin;

  // The JSON pointer of the entity's record in its file, such as "/entities/12".
  std::string pointer() const { return "/entities/" + std::to_string(origin.record); }
};

struct PropertyValue {
  PropertyId property = 0;
  std::string value;
};

struct Relation {
  std::string id;  // a stable name for the relation, or empty: ids are optional (docs/schema.md)
  RelationTypeId type = 0;
  EntityIndex from = 0;
  EntityIndex to = 0;
  std::vector<PropertyValue> properties;
  CitationList citations;
  Origin origin;

  // The value of a property, or empty when the relation does not carry it.
  std::string_view property(PropertyId id) const;
};

struct Dataset {
  std::vector<std::string> files;  // names of the files merged into this dataset, in order
  std::vector<Source> sources;
  std::vector<Entity> entities;
  std::vector<Relation> relations;
  // The coded records cited, each once: a record cited by several facts is stored once.
  std::vector<CodedRecord> records;
  std::vector<IdentityDeclaration> identities;  // every file's "identity" records, in order
  std::vector<MergedEntity> merged;             // entities folded into another by same_as
  // What the files say about themselves: the first title and description any gives, and their
  // schema extensions merged (--schema files first). A store keeps it; the JSON export writes it.
  DatasetInfo about;

  // The bytes of the citations' quotes. Shared, not copied, by a dataset made from this one's
  // records (dataset_known_by), whose citations view the same bytes.
  std::shared_ptr<TextPool> quote_text = std::make_shared<TextPool>();

  IdIndex source_by_id;
  IdIndex entity_by_id;

  std::optional<EntityIndex> find_entity(std::string_view id) const;
  // Values of one attribute of an entity, in the order they were given.
  std::vector<const Attribute*> attribute_values(EntityIndex entity, std::string_view name) const;
};

}  // namespace parley
