// An LD_PRELOAD shim for the store's fault-injection tests: it makes one chosen write or sync
// call on a file whose path contains PARLEY_FAULT_PATH fail, as a failing disk would.
//
//   PARLEY_FAULT_PATH  only calls on files whose path contains this are counted and failed
//   PARLEY_FAULT_OP    "write" (write, pwrite, pwrite64, writev) or "sync" (fsync, fdatasync)
//   PARLEY_FAULT_AT    the 1-based number of the counted call that fails (0: none fails)
//   PARLEY_FAULT_ERRNO the error it fails with (default EIO; 28 is ENOSPC)
//   PARLEY_FAULT_LOG   a file to which the number of counted calls is appended at exit
//
// After the failing call, later calls go through: a disk that failed once and then recovered.
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

namespace {

long counted = 0;

bool watched(int fd) {
  const char* wanted = getenv("PARLEY_FAULT_PATH");
  if (!wanted || !*wanted) return false;
  char link[64];
  char target[4096];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  const ssize_t n = readlink(link, target, sizeof target - 1);
  if (n <= 0) return false;
  target[n] = '\0';
  return strstr(target, wanted) != nullptr;
}

// True when this call is to fail (errno is then set).
bool inject(int fd, const char* op) {
  const char* chosen = getenv("PARLEY_FAULT_OP");
  if (!chosen || strcmp(chosen, op) != 0 || !watched(fd)) return false;
  ++counted;
  const char* at = getenv("PARLEY_FAULT_AT");
  if (!at || atol(at) != counted) return false;
  const char* code = getenv("PARLEY_FAULT_ERRNO");
  errno = code ? atoi(code) : EIO;
  return true;
}

template <typename F>
F real(const char* name) {
  return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}

struct Report {
  ~Report() {
    const char* log = getenv("PARLEY_FAULT_LOG");
    if (!log) return;
    if (FILE* f = fopen(log, "a")) {
      fprintf(f, "%ld\n", counted);
      fclose(f);
    }
  }
} report;

}  // namespace

extern "C" {

ssize_t write(int fd, const void* buffer, size_t size) {
  if (inject(fd, "write")) return -1;
  return real<ssize_t (*)(int, const void*, size_t)>("write")(fd, buffer, size);
}

ssize_t pwrite(int fd, const void* buffer, size_t size, off_t offset) {
  if (inject(fd, "write")) return -1;
  return real<ssize_t (*)(int, const void*, size_t, off_t)>("pwrite")(fd, buffer, size, offset);
}

ssize_t pwrite64(int fd, const void* buffer, size_t size, off64_t offset) {
  if (inject(fd, "write")) return -1;
  return real<ssize_t (*)(int, const void*, size_t, off64_t)>("pwrite64")(fd, buffer, size, offset);
}

ssize_t writev(int fd, const struct iovec* vector, int count) {
  if (inject(fd, "write")) return -1;
  return real<ssize_t (*)(int, const struct iovec*, int)>("writev")(fd, vector, count);
}

int fsync(int fd) {
  if (inject(fd, "sync")) return -1;
  return real<int (*)(int)>("fsync")(fd);
}

int fdatasync(int fd) {
  if (inject(fd, "sync")) return -1;
  return real<int (*)(int)>("fdatasync")(fd);
}

}  // extern "C"
