// A JSON dataset file locked against other parley writers (`add`, `retract`, a batch of writes,
// `fmt`) for as long as the lock lives: the file is read, checked and replaced under it, so
// that two writers never both start from the same old text and one's change is lost.
#pragma once

#include <memory>
#include <string>

#include "parley/common/status.h"
#include "parley/store/store.h"

namespace parley {

class DatasetFileLock {
 public:
  // Takes an exclusive lock (flock) on `path`, waiting as `wait` says (calling wait.on_wait once
  // if another writer holds it). A writer replaces the file by a rename, so the lock is taken
  // again on the new file when the path no longer names the one locked. nullptr, with an
  // io-error naming the file, when it cannot be opened or the wait times out.
  static std::unique_ptr<DatasetFileLock> acquire(const std::string& path, const Store::Wait& wait,
                                                  Diagnostics& diagnostics);
  ~DatasetFileLock();
  DatasetFileLock(const DatasetFileLock&) = delete;
  DatasetFileLock& operator=(const DatasetFileLock&) = delete;

 private:
  explicit DatasetFileLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace parley
