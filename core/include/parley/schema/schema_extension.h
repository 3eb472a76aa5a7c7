// Extending the relation schema without a rebuild. A dataset's top-level "schema" member, or a
// file given with --schema, may add kinds, attributes (to new or existing kinds), properties
// and relation types to the embedded relation schema. It may add, never redefine: a name the
// schema (or an earlier extension) already defines is an error that names both definitions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/common/status.h"
#include "parley/schema/schema.h"

namespace parley {

// One extension and where it is: a whole --schema file (pointer ""), or the "schema" member of
// a dataset file (pointer "/schema"). Messages name `file` with line and column in `text`.
struct SchemaExtensionText {
  std::string file;
  std::string_view text;
  std::string pointer;
};

// The schema `base_json` (called `base_file` in messages) with every extension added, in
// order. Returns nullopt and adds located diagnostics when an extension is not valid JSON
// (json-syntax), is malformed or names what does not exist (invalid-schema), or redefines a
// kind, attribute, property or relation type (schema-redefinition).
std::optional<RelationSchema> extend_schema(std::string_view base_json, const std::string& base_file,
                                            const std::vector<SchemaExtensionText>& extensions,
                                            Diagnostics& diagnostics);

// Whether a dataset's text may carry a top-level "schema" member. A text search first, so a
// dataset without the word (nearly every one) costs a scan of its bytes and no parse.
bool has_schema_member(std::string_view dataset_text);

}  // namespace parley
