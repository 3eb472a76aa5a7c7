// Reading a dataset file one record at a time. A whole-document DOM is about twice the file's
// size and was held beside everything built from it; streamed, each source, entity and
// relation becomes its own small DOM, is handed over, and is dropped. The file's top level,
// with those three arrays left empty, is kept as a skeleton for its structure check.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include <rapidjson/document.h>

namespace parley::detail {

// Called with each element of the top-level arrays "sources", "entities" and "relations", in
// file order; returning false stops the reading.
using RecordVisitor =
    std::function<bool(std::string_view array, std::uint32_t index, const rapidjson::Value& record)>;

// Reads `text` with the same strict checks as parse_json_strict(), visiting each record, and
// builds the skeleton. Returns false if the text is not valid JSON or the visitor stopped; the
// caller then reads the file as a whole document to report why.
bool stream_records(std::string_view text, const RecordVisitor& visit, rapidjson::Document& skeleton);

}  // namespace parley::detail
