// A dataset written back as a parley-dataset/1 file: every source, entity (aliases, attributes,
// citations) and relation (properties, citations), in dataset order, one record per line, so
// that the loader reads it back to the same records and a diff of two exports shows only what
// changed. This is the lossless JSON export, and how a store's contents are checked by the loader.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "parley/load/dataset.h"
#include "parley/load/dataset_info.h"
#include "parley/query/subgraph.h"
#include "parley/schema/schema.h"

namespace parley {

// Records to leave out of the document (each vector empty, or one flag per record).
struct DatasetJsonFilter {
  std::vector<bool> skip_source;
  std::vector<bool> skip_entity;
  std::vector<bool> skip_relation;
};

// The filter that keeps a subgraph as a dataset of its own, one `check` accepts: its entities
// and relations, the entities its relations name in entity-valued properties (according_to,
// recipient), and the sources all of those cite.
DatasetJsonFilter subgraph_filter(const Dataset& dataset, const RelationSchema& schema, const Subgraph& subgraph);

// The dataset as a parley-dataset/1 document. Integer attributes and properties are written as
// JSON integers (the schema says which), an alias with neither note nor citations as a plain
// string, and empty optional members are left out: the loader reads each back to the same value.
std::string to_dataset_json(const Dataset& dataset, const RelationSchema& schema, const DatasetInfo& info = {},
                            const DatasetJsonFilter& filter = {});
// The same document written record by record, never held whole (the export command's form).
void write_dataset_json(std::ostream& out, const Dataset& dataset, const RelationSchema& schema,
                        const DatasetInfo& info = {}, const DatasetJsonFilter& filter = {});

// One record in the same form, for documents assembled record by record.
std::string source_json(const Source& source);
std::string entity_json(const Entity& entity, const Dataset& dataset, const RelationSchema& schema);
std::string relation_json(const Relation& relation, const Dataset& dataset, const RelationSchema& schema);

// A document from records already written by the functions above, in canonical layout
// (canonical_json.h): `info`'s title, description and schema extension, then the records.
std::string dataset_document(const DatasetInfo& info, const std::vector<std::string>& sources,
                             const std::vector<std::string>& entities, const std::vector<std::string>& relations);

}  // namespace parley
