// What dataset files say about themselves beside their records: a title, a description, and
// the schema extension they bring. A store keeps them (its meta table) and `export --format
// json` writes them back, so that a dataset survives build and export whole.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "parley/common/status.h"

namespace parley {

struct DatasetInfo {
  std::string title;
  std::string description;
  std::string schema;  // the schema extension as JSON text (an object); empty when there is none
};

// The info of files merged in order: the first title and the first description any file gives,
// and every extension (`schema_texts`, the --schema files, first; then each file's "schema")
// merged into one object, as the load merges them (they may only add, so the union is the same
// schema). Reads each text with a SAX pass, building nothing of its records. The texts were
// checked by the loader already: a text that does not parse contributes nothing.
DatasetInfo dataset_info(const std::vector<std::string>& texts, const std::vector<std::string>& schema_texts = {});

}  // namespace parley
