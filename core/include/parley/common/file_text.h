// Reading a file whole, as the loader reads a dataset file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "parley/common/status.h"

namespace parley {

// The text of a file, held for as long as it is read. A regular file is mapped into memory
// read-only: the parser reads the page cache in place, where reading it into a string first
// zero-filled and copied every byte (a seventh of a large load's time) and held a second copy.
// Anything else (a pipe, a device) is read into memory. parley replaces a file it writes by
// renaming a new one over it, which leaves a mapping of the old one intact.
class FileText {
 public:
  // The text of `path`, at most `max_bytes` of it (a pipe or device is read until the limit or
  // a NUL byte). nullopt, with an io-error naming the file, when it cannot be read or is too
  // large.
  static std::optional<FileText> read(const std::string& path, std::uint64_t max_bytes, Diagnostics& diagnostics);
  // Text already in memory, held as it is.
  explicit FileText(std::string text) : owned_(std::move(text)) {}

  FileText(FileText&& other) noexcept;
  FileText& operator=(FileText&& other) noexcept;
  FileText(const FileText&) = delete;
  FileText& operator=(const FileText&) = delete;
  ~FileText();

  std::string_view view() const { return mapped_ ? std::string_view(mapped_, mapped_size_) : std::string_view(owned_); }

  // The text before `offset` is read and will seldom be again: a mapped file's pages there
  // are let go, so that a large load does not hold the whole file beside what it builds from
  // it. Reading them again (the rare second reading of a file with a problem) maps them back
  // from the page cache. Text read into memory is kept.
  void release_before(std::size_t offset);

 private:
  FileText() = default;
  void unmap();

  const char* mapped_ = nullptr;
  std::size_t mapped_size_ = 0;
  std::size_t released_ = 0;  // the pages before this offset are let go
  std::string owned_;
};

// The text of `path` as a string, with the same limits and messages as FileText::read.
std::optional<std::string> read_file_text(const std::string& path, std::uint64_t max_bytes, Diagnostics& diagnostics);

}  // namespace parley
