#include "parley/store/dataset_file_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

namespace parley {

std::unique_ptr<DatasetFileLock> DatasetFileLock::acquire(const std::string& path, const Store::Wait& wait,
                                                          Diagnostics& diagnostics) {
  Location where;
  where.file = path;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait.timeout_ms);
  bool told = false;
  while (true) {
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      diagnostics.add(ErrorCode::kIoError, std::string("cannot open: ") + std::strerror(errno), where);
      return nullptr;
    }
    while (flock(fd, LOCK_EX | LOCK_NB) != 0) {
      if (errno != EWOULDBLOCK && errno != EINTR) {
        diagnostics.add(ErrorCode::kIoError, std::string("cannot lock: ") + std::strerror(errno), where);
        close(fd);
        return nullptr;
      }
      if (!told && wait.on_wait) wait.on_wait();
      told = true;
      if (std::chrono::steady_clock::now() >= deadline) {
        diagnostics.add(ErrorCode::kIoError,
                        "another process is still writing it after " + std::to_string(wait.timeout_ms / 1000) +
                            " s; nothing was written (try again, or set PARLEY_WAIT_SECONDS)",
                        where);
        close(fd);
        return nullptr;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    // The writer we waited for replaced the file: what we locked is its old version.
    struct stat locked {}, now {};
    if (fstat(fd, &locked) == 0 && stat(path.c_str(), &now) == 0 && locked.st_ino == now.st_ino &&
        locked.st_dev == now.st_dev) {
      return std::unique_ptr<DatasetFileLock>(new DatasetFileLock(fd));
    }
    close(fd);
  }
}

DatasetFileLock::~DatasetFileLock() {
  if (fd_ >= 0) close(fd_);  // releases the lock
}

}  // namespace parley
