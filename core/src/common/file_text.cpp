#include "parley/common/file_text.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace parley {
namespace {

std::string size_text(std::uint64_t bytes) {
  if (bytes % (std::uint64_t{1} << 30) == 0) return std::to_string(bytes >> 30) + " GiB";
  if (bytes % (std::uint64_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

// Closes a descriptor on every way out.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

class Reporter {
 public:
  Reporter(const std::string& path, Diagnostics& diagnostics) : diagnostics_(diagnostics) { where_.file = path; }
  void error(const std::string& message) { diagnostics_.add(ErrorCode::kIoError, message, where_); }
  void error_from_errno(const char* what, int cause) {
    error(std::string(what) + (cause ? std::strerror(cause) : "unknown reason"));
  }
  void too_large(std::uint64_t max_bytes) {
    error("cannot read: the file is larger than the limit of " + size_text(max_bytes) + " for a dataset file");
  }

 private:
  Diagnostics& diagnostics_;
  Location where_;
};

// Reads what a descriptor gives until its end, the limit, or (for what is not a regular file)
// a NUL byte, which no JSON text holds: what was read up to it is parsed, and the parser says
// where the NUL is. `--db /dev/zero` must not fill the memory.
std::optional<std::string> read_all(int fd, bool regular, std::uint64_t max_bytes, Reporter& report) {
  std::string text;
  char chunk[1 << 16];
  for (;;) {
    const ssize_t got = ::read(fd, chunk, sizeof chunk);
    if (got < 0) {
      if (errno == EINTR) continue;
      report.error_from_errno("read failed: ", errno);
      return std::nullopt;
    }
    if (got == 0) break;
    text.append(chunk, static_cast<std::size_t>(got));
    if (text.size() > max_bytes) {
      report.too_large(max_bytes);
      return std::nullopt;
    }
    if (!regular && std::memchr(chunk, '\0', static_cast<std::size_t>(got))) break;
  }
  return text;
}

}  // namespace

std::optional<FileText> FileText::read(const std::string& path, std::uint64_t max_bytes, Diagnostics& diagnostics) {
  Reporter report(path, diagnostics);
  const Descriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (file.get() < 0) {
    report.error_from_errno("cannot open: ", errno);
    return std::nullopt;
  }
  struct stat status {};
  if (::fstat(file.get(), &status) != 0) {
    report.error_from_errno("cannot read: ", errno);
    return std::nullopt;
  }
  if (S_ISDIR(status.st_mode)) {
    report.error("cannot read: it is a directory");
    return std::nullopt;
  }
  const bool regular = S_ISREG(status.st_mode);
  if (regular && static_cast<std::uint64_t>(status.st_size) > max_bytes) {
    report.too_large(max_bytes);
    return std::nullopt;
  }
  if (regular && status.st_size > 0) {
    const auto size = static_cast<std::size_t>(status.st_size);
    void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, file.get(), 0);
    if (mapped != MAP_FAILED) {
      // Read front to back once: the kernel reads ahead and may drop pages behind.
      ::madvise(mapped, size, MADV_SEQUENTIAL);
      FileText text;
      text.mapped_ = static_cast<const char*>(mapped);
      text.mapped_size_ = size;
      return text;
    }
    // A file system that cannot map (some network ones) is read instead.
  }
  auto text = read_all(file.get(), regular, max_bytes, report);
  if (!text) return std::nullopt;
  return FileText(std::move(*text));
}

FileText::FileText(FileText&& other) noexcept
    : mapped_(std::exchange(other.mapped_, nullptr)),
      mapped_size_(std::exchange(other.mapped_size_, 0)),
      released_(std::exchange(other.released_, 0)),
      owned_(std::move(other.owned_)) {}

FileText& FileText::operator=(FileText&& other) noexcept {
  if (this != &other) {
    unmap();
    mapped_ = std::exchange(other.mapped_, nullptr);
    mapped_size_ = std::exchange(other.mapped_size_, 0);
    released_ = std::exchange(other.released_, 0);
    owned_ = std::move(other.owned_);
  }
  return *this;
}

FileText::~FileText() { unmap(); }

void FileText::release_before(std::size_t offset) {
  if (!mapped_) return;
  static const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::size_t end = std::min(offset, mapped_size_) / page * page;
  if (end <= released_) return;
  ::madvise(const_cast<char*>(mapped_) + released_, end - released_, MADV_DONTNEED);
  released_ = end;
}

void FileText::unmap() {
  if (mapped_) ::munmap(const_cast<char*>(mapped_), mapped_size_);
  mapped_ = nullptr;
  mapped_size_ = 0;
  released_ = 0;
}

std::optional<std::string> read_file_text(const std::string& path, std::uint64_t max_bytes, Diagnostics& diagnostics) {
  auto text = FileText::read(path, max_bytes, diagnostics);
  if (!text) return std::nullopt;
  return std::string(text->view());
}

}  // namespace parley
