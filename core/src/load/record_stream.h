// Reading a dataset file one record at a time. A whole-document DOM is about twice the file's
// size and was held beside everything built from it; streamed, each source, entity and
// relation becomes its own small DOM, is handed over, and is dropped. The file's top level,
// with those three arrays left empty, is kept as a skeleton for its structure check.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>

#include <rapidjson/document.h>

namespace parley::detail {

// Called with each element of the top-level arrays "sources", "entities" and "relations", in
// file order; returning false stops the reading.
using RecordVisitor =
    std::function<bool(std::string_view array, std::uint32_t index, const rapidjson::Value& record)>;

// A verdict on each record before it is visited, made on the thread that parses (the first
// half of the work, so that the two threads are about equally busy); false stops the reading
// as the visitor's false does.
using RecordCheck = std::function<bool(std::string_view array, const rapidjson::Value& record)>;

// Called on the visiting thread for each record of a batch before any of them is visited, so
// that the visitor can start fetching what it will need (the entities a relation names).
using RecordLookAhead = std::function<void(std::string_view array, const rapidjson::Value& record)>;

// Which thread parses: the caller's, or a second one (record_batches.h) while the caller
// visits, which pays for a large file. kBySize chooses the second from kBackgroundReadingBytes.
enum class Reading { kBySize, kSameThread, kBackground };
inline constexpr std::size_t kBackgroundReadingBytes = 1 << 20;
inline constexpr std::size_t kReadUpToStep = 8 << 20;

struct StreamOptions {
  Reading reading = Reading::kBySize;
  RecordCheck check = nullptr;           // none: every record goes to the visitor
  RecordLookAhead look_ahead = nullptr;  // none: no look ahead
  std::size_t records_per_batch = 512;   // for the second thread; tests make it small
  // Called on the parsing thread now and then (every kReadUpToStep bytes) with an offset
  // before which this reading will not look at the text again: a mapped file lets its pages
  // there go (FileText::release_before). None: nothing is called.
  std::function<void(std::size_t offset)> read_up_to = nullptr;
};

// Reads `text` with the same strict checks as parse_json_strict(), visiting each record on the
// calling thread, in file order, and builds the skeleton. Returns false if the text is not
// valid JSON or the visitor stopped; the caller then reads the file as a whole document to
// report why.
bool stream_records(std::string_view text, const RecordVisitor& visit, rapidjson::Document& skeleton,
                    const StreamOptions& options = {});

}  // namespace parley::detail
