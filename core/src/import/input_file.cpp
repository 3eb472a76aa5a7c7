#include "import/input_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace parley::import {

InputFile::~InputFile() {
  if (mapping_) munmap(mapping_, text_.size());
}

bool InputFile::open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat info {};
  if (fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
    const auto size = static_cast<std::size_t>(info.st_size);
    void* mapping = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (mapping != MAP_FAILED) {
      madvise(mapping, size, MADV_SEQUENTIAL);  // read once, front to back: read ahead, drop behind
      mapping_ = mapping;
      text_ = std::string_view(static_cast<const char*>(mapping), size);
      close(fd);
      return true;
    }
  }
  // Not a regular file, or it cannot be mapped: read it whole.
  char block[1 << 16];
  while (true) {
    const ssize_t n = read(fd, block, sizeof block);
    if (n > 0) {
      read_.append(block, static_cast<std::size_t>(n));
    } else if (n == 0) {
      break;
    } else if (errno != EINTR) {
      const int saved = errno;
      close(fd);
      errno = saved;
      return false;
    }
  }
  close(fd);
  text_ = read_;
  return true;
}

bool InputFile::next_line(std::string_view& line) {
  if (offset_ >= text_.size()) return false;
  const char* start = text_.data() + offset_;
  const std::size_t rest = text_.size() - offset_;
  const auto* end = static_cast<const char*>(std::memchr(start, '\n', rest));
  const std::size_t length = end ? static_cast<std::size_t>(end - start) : rest;
  line = std::string_view(start, length);
  offset_ += end ? length + 1 : length;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return true;
}

}  // namespace parley::import
