// Writing JSON output with RapidJSON's PrettyWriter, so that what scripts read is always valid
// UTF-8 JSON with escaping done by the library. A large answer is streamed: flush() hands what
// is written so far to the stream and empties the buffer, so memory holds a row, not the answer.
#pragma once

#include <cstddef>
#include <memory>
#include <ostream>
#include <string_view>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "answer_format.h"
#include "spare_objects.h"

namespace parley::cli {

template <typename Writer>
class BasicJsonOutput {
 public:
  BasicJsonOutput() : parts_(take()) {}
  ~BasicJsonOutput() { give_back(std::move(parts_)); }
  BasicJsonOutput(const BasicJsonOutput&) = delete;
  BasicJsonOutput& operator=(const BasicJsonOutput&) = delete;

  Writer& writer() { return parts_->writer; }
  void key(std::string_view k) { writer().Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }
  void string(std::string_view s) { writer().String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
  void field(std::string_view k, std::string_view v) { key(k); string(v); }
  void field(std::string_view k, std::uint64_t v) { key(k); writer().Uint64(v); }
  void field(std::string_view k, bool v) { key(k); writer().Bool(v); }
  // Writes out the rest of the answer and its final line feed, in one write: the answer's last call.
  void print(std::ostream& out) {
    parts_->buffer.Put('\n');
    out.write(parts_->buffer.GetString(), static_cast<std::streamsize>(parts_->buffer.GetSize()));
  }
  // Writes out the text so far, once it is worth a write; the writer's state (open arrays and
  // objects, indentation) does not live in the buffer, so it carries on where it was.
  void flush(std::ostream& out) {
    if (parts_->buffer.GetSize() < kFlushBytes) return;
    out.write(parts_->buffer.GetString(), static_cast<std::streamsize>(parts_->buffer.GetSize()));
    parts_->buffer.Clear();
  }

 private:
  static constexpr std::size_t kFlushBytes = 64 * 1024;
  // A buffer that grew past this (an answer printed whole) is not kept for the next one.
  static constexpr std::size_t kKeptBytes = 1024 * 1024;

  // The buffer starts large enough for a small answer whole: growing it from RapidJSON's 256
  // bytes cost a few reallocations on every short answer of a batch.
  struct Parts {
    Parts() : buffer(nullptr, 4096), writer(buffer) { writer.SetIndent(' ', 2); }
    rapidjson::StringBuffer buffer;
    Writer writer;
  };

  // The buffer and writer of an answer are kept for the thread's next answer (spare_objects.h):
  // making them was a tenth of a small answer's cost in a batch.
  static std::unique_ptr<Parts> take() {
    std::unique_ptr<Parts> parts = SpareObjects<Parts>::take();
    return parts ? std::move(parts) : std::make_unique<Parts>();
  }
  static void give_back(std::unique_ptr<Parts> parts) {
    if (parts->buffer.stack_.GetCapacity() > kKeptBytes) return;
    parts->buffer.Clear();
    parts->writer.Reset(parts->buffer);
    SpareObjects<Parts>::give_back(std::move(parts));
  }

  std::unique_ptr<Parts> parts_;
};

// An answer: its outermost object begins with "format": "parley-answer/N" (answer_format.h).
using JsonOutput = BasicJsonOutput<PrettyAnswerWriter>;
// A file that is not an answer but a dataset (match's identity list), with a format of its own.
using DatasetJsonOutput = BasicJsonOutput<rapidjson::PrettyWriter<rapidjson::StringBuffer>>;

}  // namespace parley::cli
