// libFuzzer target, differential: any bytes read record by record on the calling thread and on
// a second one (record_batches.h). Both readings must show the visitor the same records in the
// same order, end the same way and build the same skeleton, whatever the bytes; a visitor that
// stops at a record the input chooses must stop both at that record. The input's first byte
// sets the batch size (1 to 8 records, so that short inputs span several) and the stop.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "load/record_stream.h"

namespace {

std::string to_json(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return buffer.GetString();
}

struct Seen {
  std::vector<std::string> visits;
  bool read = false;
  std::string skeleton;
  bool operator==(const Seen&) const = default;
};

Seen read(std::string_view text, const parley::detail::StreamOptions& options, std::size_t stop_at) {
  Seen seen;
  const parley::detail::RecordVisitor visit = [&](std::string_view array, std::uint32_t index,
                                                  const rapidjson::Value& record) {
    seen.visits.push_back(std::string(array) + "/" + std::to_string(index) + " " + to_json(record));
    return seen.visits.size() - 1 != stop_at;
  };
  rapidjson::Document skeleton;
  seen.read = parley::detail::stream_records(text, visit, skeleton, options);
  if (seen.read) seen.skeleton = to_json(skeleton);
  return seen;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte: a batch of 1 to 8 records, and in one input of four a visit that stops.
  const std::size_t records_per_batch = 1 + data[0] % 8;
  const std::size_t stop_at = (data[0] >> 3) % 4 == 0 ? data[0] >> 5 : SIZE_MAX;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  using parley::detail::Reading;
  const Seen one = read(text, {.reading = Reading::kSameThread}, stop_at);
  const Seen two = read(text, {.reading = Reading::kBackground, .records_per_batch = records_per_batch}, stop_at);
  if (!(one == two)) __builtin_trap();
  return 0;
}
