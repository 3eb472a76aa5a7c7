// Records read on one thread and loaded on another. The reading thread parses a large file
// and fills a batch with records, each a small DOM in the batch's own pool; the loading thread
// checks and loads the batch's records in file order and hands the batch back to be refilled.
// A fixed number of batches circulate, so memory stays bounded and pools are reused. Parsing
// and loading each take about half of a large load, so on two cores they overlap.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

namespace parley::detail {

struct RecordBatch {
  struct Record {
    std::string_view array;  // "sources", "entities" or "relations" (static storage)
    std::uint32_t index;     // the record's position in that array
    rapidjson::Value value;  // allocated from `pool`
  };

  explicit RecordBatch(std::size_t pool_bytes)
      : buffer(new char[pool_bytes]), pool(buffer.get(), pool_bytes) {}
  // Drops the records; the pool keeps its first block for the next ones.
  void clear() {
    records.clear();
    pool.Clear();
  }

  std::unique_ptr<char[]> buffer;
  rapidjson::MemoryPoolAllocator<> pool;
  std::vector<Record> records;
};

class BatchQueue {
 public:
  BatchQueue(std::size_t batches, std::size_t pool_bytes) {
    for (std::size_t i = 0; i < batches; ++i) empty_.push_back(std::make_unique<RecordBatch>(pool_bytes));
  }

  // Reading side: a batch to fill, once one is free; nullptr once the loading side stopped.
  std::unique_ptr<RecordBatch> empty_batch() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return stopped_ || !empty_.empty(); });
    if (stopped_) return nullptr;
    auto batch = std::move(empty_.front());
    empty_.pop_front();
    return batch;
  }
  // Reading side: passes a filled batch on; false once the loading side stopped.
  bool send(std::unique_ptr<RecordBatch> batch) {
    const std::lock_guard lock(mutex_);
    if (stopped_) return false;
    full_.push_back(std::move(batch));
    changed_.notify_all();
    return true;
  }
  // Reading side: no more batches will come.
  void close() {
    const std::lock_guard lock(mutex_);
    closed_ = true;
    changed_.notify_all();
  }

  // Loading side: the next filled batch, in order; nullptr once closed and drained.
  std::unique_ptr<RecordBatch> receive() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return closed_ || !full_.empty(); });
    if (full_.empty()) return nullptr;
    auto batch = std::move(full_.front());
    full_.pop_front();
    return batch;
  }
  // Loading side: a visited batch, to be refilled.
  void give_back(std::unique_ptr<RecordBatch> batch) {
    batch->clear();
    const std::lock_guard lock(mutex_);
    empty_.push_back(std::move(batch));
    changed_.notify_all();
  }
  // Loading side: wants no more records; the reading side stops at its next batch.
  void stop() {
    const std::lock_guard lock(mutex_);
    stopped_ = true;
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::unique_ptr<RecordBatch>> empty_, full_;
  bool closed_ = false;
  bool stopped_ = false;
};

}  // namespace parley::detail
