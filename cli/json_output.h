// Writing JSON output with RapidJSON's PrettyWriter, so that what scripts read is always valid
// UTF-8 JSON with escaping done by the library. A large answer is streamed: flush() hands what
// is written so far to the stream and empties the buffer, so memory holds a row, not the answer.
#pragma once

#include <ostream>
#include <string_view>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "answer_format.h"

namespace parley::cli {

template <typename Writer>
class BasicJsonOutput {
 public:
  // The buffer starts large enough for a small answer whole: growing it from RapidJSON's 256
  // bytes cost a few reallocations on every short answer of a batch.
  BasicJsonOutput() : buffer_(nullptr, 4096), writer_(buffer_) { writer_.SetIndent(' ', 2); }
  Writer& writer() { return writer_; }
  void key(std::string_view k) { writer_.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }
  void string(std::string_view s) { writer_.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
  void field(std::string_view k, std::string_view v) { key(k); string(v); }
  void field(std::string_view k, std::uint64_t v) { key(k); writer_.Uint64(v); }
  void field(std::string_view k, bool v) { key(k); writer_.Bool(v); }
  void print(std::ostream& out) { out << buffer_.GetString() << '\n'; }
  // Writes out the text so far, once it is worth a write; the writer's state (open arrays and
  // objects, indentation) does not live in the buffer, so it carries on where it was.
  void flush(std::ostream& out) {
    if (buffer_.GetSize() < kFlushBytes) return;
    out.write(buffer_.GetString(), static_cast<std::streamsize>(buffer_.GetSize()));
    buffer_.Clear();
  }

 private:
  static constexpr std::size_t kFlushBytes = 64 * 1024;

  rapidjson::StringBuffer buffer_;
  Writer writer_;
};

// An answer: its outermost object begins with "format": "parley-answer/N" (answer_format.h).
using JsonOutput = BasicJsonOutput<PrettyAnswerWriter>;
// A file that is not an answer but a dataset (match's identity list), with a format of its own.
using DatasetJsonOutput = BasicJsonOutput<rapidjson::PrettyWriter<rapidjson::StringBuffer>>;

}  // namespace parley::cli
