// Files compiled into the binary, so that parley needs nothing beside it to answer questions
// about the default dataset. Generated at build time by cmake/embed.cmake.
#pragma once

#include <string_view>

namespace parley::embedded {

extern const std::string_view relation_schema;   // schemas/relations.json
extern const std::string_view dataset_schema;    // schemas/dataset.schema.json
extern const std::string_view default_dataset;   // data/japan-russia.json

}  // namespace parley::embedded
