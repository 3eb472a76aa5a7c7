#include "record_stream.h"

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "strict_json.h"

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

// Sends the events of each record to a record builder and everything else to the skeleton.
// `depth_` counts open containers: the top-level object is 1, a records array 2.
class RecordSplitter {
 public:
  RecordSplitter(const RecordVisitor& visit, Allocator& skeleton_allocator)
      : visit_(visit), skeleton_(skeleton_allocator), record_pool_(pool_buffer_.data(), pool_buffer_.size()),
        record_(record_pool_) {}

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
    if (depth_ == 2 && is_records_array(top_level_key_)) {
      records_array_ = top_level_key_;
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
    if (depth_ == 2 && !records_array_.empty()) records_array_.clear();  // the skeleton keeps it empty
    --depth_;
    return skeleton_.EndArray(0);
  }

  Value take_skeleton() { return skeleton_.take(); }

 private:
  static bool is_records_array(std::string_view key) {
    return key == "sources" || key == "entities" || key == "relations";
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
    const Value record = record_.take();
    const bool go_on = visit_(records_array_, next_index_++, record);
    record_pool_.Clear();  // keeps the first block, so most records allocate nothing
    return go_on;
  }

  const RecordVisitor& visit_;
  ValueBuilder skeleton_;
  std::array<char, 64 * 1024> pool_buffer_;
  Allocator record_pool_;
  ValueBuilder record_;
  std::size_t depth_ = 0;
  std::string top_level_key_;
  std::string records_array_;  // the array being read, or empty
  std::uint32_t next_index_ = 0;
};

}  // namespace

bool stream_records(std::string_view text, const RecordVisitor& visit, rapidjson::Document& skeleton) {
  if (check_before_parsing(text)) return false;
  TextStream stream(text, content_start(text));
  auto splitter = std::make_unique<RecordSplitter>(visit, skeleton.GetAllocator());
  CheckedBuilder builder(*splitter, stream);
  if (parse_strict(stream, builder).IsError()) return false;
  Value root = splitter->take_skeleton();
  static_cast<Value&>(skeleton) = root;  // moves
  return true;
}

}  // namespace parley::detail
