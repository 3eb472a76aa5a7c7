// What dataset files say about themselves beside their records: a title, a description, and
// the schema extension they bring. A store keeps them (its meta table) and `export --format
// json` writes them back, so that a dataset survives build and export whole.
#pragma once

#include <string>
#include <vector>

namespace parley {

struct DatasetInfo {
  std::string title;
  std::string description;
  std::string schema;  // the schema extension as JSON text (an object); empty when there is none
};

// Schema extensions (JSON objects as text) merged in order into one object, as the load merges
// them: they may only add, so the union is the same schema. A text that does not parse
// contributes nothing (the loader has reported it already). Empty when `texts` is.
std::string merge_schema_extensions(const std::vector<std::string>& texts);

}  // namespace parley
