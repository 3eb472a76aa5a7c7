#include "load/record_stream.h"

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <vector>

#include <exception>
#include <system_error>
#include <thread>

#include "load/record_batches.h"
#include "load/strict_json.h"

namespace parley::detail {
namespace {

using rapidjson::SizeType;
using rapidjson::Value;
using Allocator = rapidjson::Document::AllocatorType;

// Builds one JSON value from SAX events, as a Document does, but can be reused value after
// value and hands each one over when it is complete.
class ValueBuilder {
 public:
  explicit ValueBuilder(Allocator& allocator) : allocator_(&allocator) {}

  bool Null() { return push(Value()); }
  bool Bool(bool b) { return push(Value(b)); }
  bool Int(int i) { return push(Value(i)); }
  bool Uint(unsigned u) { return push(Value(u)); }
  bool Int64(std::int64_t i) { return push(Value(i)); }
  bool Uint64(std::uint64_t u) { return push(Value(u)); }
  bool Double(double d) { return push(Value(d)); }
  bool String(const char* s, SizeType n, bool) { return push(Value(s, n, *allocator_)); }
  bool Key(const char* s, SizeType n, bool copy) { return String(s, n, copy); }
  bool StartObject() { return open(); }
  bool StartArray() { return open(); }
  bool EndObject(SizeType) {
    Value object(rapidjson::kObjectType);
    const std::size_t first = close();
    for (std::size_t i = first; i + 1 < stack_.size(); i += 2) object.AddMember(stack_[i], stack_[i + 1], *allocator_);
    stack_.resize(first);
    return push(std::move(object));
  }
  bool EndArray(SizeType) {
    Value array(rapidjson::kArrayType);
    const std::size_t first = close();
    array.Reserve(static_cast<SizeType>(stack_.size() - first), *allocator_);
    for (std::size_t i = first; i < stack_.size(); ++i) array.PushBack(stack_[i], *allocator_);
    stack_.resize(first);
    return push(std::move(array));
  }

  // Where the next values are allocated; only between values.
  void use(Allocator& allocator) { allocator_ = &allocator; }

  // The value just completed; the builder is empty again.
  Value take() {
    Value v(std::move(stack_.back()));
    stack_.pop_back();
    return v;
  }

 private:
  bool push(Value&& v) {
    stack_.push_back(std::move(v));
    return true;
  }
  bool open() {
    frames_.push_back(stack_.size());
    return true;
  }
  std::size_t close() {
    const std::size_t first = frames_.back();
    frames_.pop_back();
    return first;
  }

  Allocator* allocator_;
  std::vector<Value> stack_;          // values and keys of the containers still open
  std::vector<std::size_t> frames_;   // where each open container's entries begin
};

// Where each completed record goes: straight to the visitor on this thread, or into a batch
// for the loading thread (record_batches.h). Either way the record is built in the pool
// `allocator()` names at the time.
class RecordDelivery {
 public:
  virtual ~RecordDelivery() = default;
  virtual Allocator& allocator() = 0;
  // False stops the reading.
  virtual bool deliver(std::string_view array, std::uint32_t index, Value&& record) = 0;
};

class VisitNow final : public RecordDelivery {
 public:
  VisitNow(const RecordVisitor& visit, const RecordCheck& check)
      : visit_(visit), check_(check), pool_(buffer_.data(), buffer_.size()) {}
  Allocator& allocator() override { return pool_; }
  bool deliver(std::string_view array, std::uint32_t index, Value&& record) override {
    const bool go_on = (!check_ || check_(array, record)) && visit_(array, index, record);
    pool_.Clear();  // keeps the first block, so most records allocate nothing
    return go_on;
  }

 private:
  const RecordVisitor& visit_;
  const RecordCheck& check_;
  std::array<char, 64 * 1024> buffer_;
  Allocator pool_;
};

// Starts with a free batch: one always is, since the loading side stops only after it has
// received a batch, and this is made before the first is sent.
class SendInBatches final : public RecordDelivery {
 public:
  SendInBatches(BatchQueue& queue, const RecordCheck& check, std::size_t records_per_batch)
      : queue_(queue), check_(check), records_per_batch_(records_per_batch), batch_(queue.empty_batch()) {}
  Allocator& allocator() override { return batch_->pool; }
  bool deliver(std::string_view array, std::uint32_t index, Value&& record) override {
    if (check_ && !check_(array, record)) return false;
    batch_->records.push_back(RecordBatch::Record{array, index, std::move(record)});
    if (batch_->records.size() < records_per_batch_) return true;
    if (!queue_.send(std::move(batch_))) return false;
    batch_ = queue_.empty_batch();
    return batch_ != nullptr;
  }
  // Sends the last, partly filled batch (none if the loading side stopped).
  bool flush() { return batch_ && (batch_->records.empty() || queue_.send(std::move(batch_))); }

 private:
  BatchQueue& queue_;
  const RecordCheck& check_;
  std::size_t records_per_batch_;
  std::unique_ptr<RecordBatch> batch_;
};

// Sends the events of each record to a record builder and everything else to the skeleton.
// `depth_` counts open containers: the top-level object is 1, a records array 2.
class RecordSplitter {
 public:
  RecordSplitter(RecordDelivery& delivery, Allocator& skeleton_allocator)
      : delivery_(delivery), skeleton_(skeleton_allocator), record_(delivery.allocator()) {}

  bool Null() { return scalar([](ValueBuilder& b) { return b.Null(); }); }
  bool Bool(bool v) { return scalar([v](ValueBuilder& b) { return b.Bool(v); }); }
  bool Int(int v) { return scalar([v](ValueBuilder& b) { return b.Int(v); }); }
  bool Uint(unsigned v) { return scalar([v](ValueBuilder& b) { return b.Uint(v); }); }
  bool Int64(std::int64_t v) { return scalar([v](ValueBuilder& b) { return b.Int64(v); }); }
  bool Uint64(std::uint64_t v) { return scalar([v](ValueBuilder& b) { return b.Uint64(v); }); }
  bool Double(double v) { return scalar([v](ValueBuilder& b) { return b.Double(v); }); }
  bool String(const char* s, SizeType n, bool copy) {
    return scalar([&](ValueBuilder& b) { return b.String(s, n, copy); });
  }
  bool Key(const char* s, SizeType n, bool copy) {
    if (in_record()) return record_.Key(s, n, copy);
    if (depth_ == 1) top_level_key_.assign(s, n);
    return skeleton_.Key(s, n, copy);
  }
  bool StartObject() {
    ++depth_;
    return in_record() ? record_.StartObject() : skeleton_.StartObject();
  }
  bool StartArray() {
    ++depth_;
    if (in_record()) return record_.StartArray();
    if (depth_ == 2) {
      records_array_ = records_array(top_level_key_);
      next_index_ = 0;
    }
    return skeleton_.StartArray();
  }
  bool EndObject(SizeType members) {
    if (!in_record()) return --depth_, skeleton_.EndObject(members);
    const bool ok = record_.EndObject(members);
    return --depth_ == 2 ? ok && hand_over() : ok;
  }
  bool EndArray(SizeType elements) {
    if (in_record()) {
      const bool ok = record_.EndArray(elements);
      return --depth_ == 2 ? ok && hand_over() : ok;
    }
    if (depth_ == 2 && !records_array_.empty()) records_array_ = {};  // the skeleton keeps it empty
    --depth_;
    return skeleton_.EndArray(0);
  }

  Value take_skeleton() { return skeleton_.take(); }

  // Tells `read_up_to` (if any), every kReadUpToStep bytes of `stream`, how far the records
  // handed over reach: they are copies, so the text before is not needed again.
  void report_progress(const TextStream& stream, const std::function<void(std::size_t)>& read_up_to) {
    stream_ = &stream;
    read_up_to_ = read_up_to ? &read_up_to : nullptr;
  }

 private:
  // The name of a records array, in static storage so that a batch can carry it; empty for
  // any other key.
  static std::string_view records_array(std::string_view key) {
    for (const std::string_view name : {std::string_view("sources"), std::string_view("entities"), std::string_view("relations")}) {
      if (key == name) return name;
    }
    return {};
  }
  // Inside a record, or starting one: any value directly in a records array is a record.
  bool in_record() const { return !records_array_.empty() && depth_ > 2; }

  template <typename Build>
  bool scalar(const Build& build) {
    if (in_record()) return build(record_);
    if (!records_array_.empty() && depth_ == 2) return build(record_) && hand_over();  // a record that is not an object
    return build(skeleton_);
  }

  bool hand_over() {
    const bool go_on = delivery_.deliver(records_array_, next_index_++, record_.take());
    if (go_on) record_.use(delivery_.allocator());
    if (read_up_to_ && stream_->Tell() >= reported_ + kReadUpToStep) {
      reported_ = stream_->Tell();
      (*read_up_to_)(reported_);
    }
    return go_on;
  }

  RecordDelivery& delivery_;
  ValueBuilder skeleton_;
  ValueBuilder record_;
  std::size_t depth_ = 0;
  std::string top_level_key_;
  std::string_view records_array_;  // the array being read, or empty
  std::uint32_t next_index_ = 0;
  const TextStream* stream_ = nullptr;
  const std::function<void(std::size_t)>* read_up_to_ = nullptr;
  std::size_t reported_ = 0;
};

// Reads the text on this thread, visiting each record as it completes.
bool read_and_visit(std::string_view text, const RecordVisitor& visit, const StreamOptions& options,
                    rapidjson::Document& skeleton) {
  auto delivery = std::make_unique<VisitNow>(visit, options.check);  // its first pool block is 64 KB: not on the stack
  auto splitter = std::make_unique<RecordSplitter>(*delivery, skeleton.GetAllocator());
  TextStream stream(text, content_start(text));
  splitter->report_progress(stream, options.read_up_to);
  CheckedBuilder builder(*splitter, stream);
  if (parse_strict(stream, builder).IsError()) return false;
  static_cast<Value&>(skeleton) = splitter->take_skeleton();  // moves
  return true;
}

// Reads the text on a second thread while this one visits the records, batch by batch, in the
// same order: the visitor sees exactly what read_and_visit would show it.
bool read_in_background(std::string_view text, const RecordVisitor& visit, const StreamOptions& options,
                        rapidjson::Document& skeleton) {
  BatchQueue queue(/*batches=*/4, /*pool_bytes=*/512 * 1024);
  bool read = false;
  std::exception_ptr reading_failed;
  Value skeleton_read;
  std::thread reader;
  try {
    reader = std::thread([&] {
      try {
        SendInBatches delivery(queue, options.check, std::max<std::size_t>(options.records_per_batch, 1));
        auto splitter = std::make_unique<RecordSplitter>(delivery, skeleton.GetAllocator());
        TextStream stream(text, content_start(text));
        splitter->report_progress(stream, options.read_up_to);
        CheckedBuilder builder(*splitter, stream);
        // The last batch goes even after a syntax error, so that the visitor sees every record
        // before it, as it does when one thread reads.
        const bool parsed = !parse_strict(stream, builder).IsError();
        read = delivery.flush() && parsed;
        if (read) skeleton_read = splitter->take_skeleton();
      } catch (...) {
        reading_failed = std::current_exception();
      }
      queue.close();
    });
  } catch (const std::system_error&) {
    // No thread to be had (a process limit, say): read on this one instead.
    return read_and_visit(text, visit, options, skeleton);
  }
  bool visited = true;
  try {
    while (auto batch = queue.receive()) {
      if (options.look_ahead && visited) {
        for (const RecordBatch::Record& record : batch->records) options.look_ahead(record.array, record.value);
      }
      for (const RecordBatch::Record& record : batch->records) {
        if (!visited) break;
        if (!visit(record.array, record.index, record.value)) {
          visited = false;
          queue.stop();
        }
      }
      queue.give_back(std::move(batch));
    }
  } catch (...) {
    queue.stop();
    reader.join();
    throw;
  }
  reader.join();
  if (reading_failed) std::rethrow_exception(reading_failed);
  if (!read || !visited) return false;
  static_cast<Value&>(skeleton) = skeleton_read;  // moves
  return true;
}

}  // namespace

bool stream_records(std::string_view text, const RecordVisitor& visit, rapidjson::Document& skeleton,
                    const StreamOptions& options) {
  if (check_before_parsing(text)) return false;
  const bool background = options.reading == Reading::kBackground ||
                          (options.reading == Reading::kBySize && text.size() >= kBackgroundReadingBytes);
  return background ? read_in_background(text, visit, options, skeleton) : read_and_visit(text, visit, options, skeleton);
}

}  // namespace parley::detail
