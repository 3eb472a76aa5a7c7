// An event file held whole in memory for the length of an import: mapped when it is a regular
// file (the page cache is the buffer: no copy, and a kept row's fields stay views into it), read
// into memory otherwise (a pipe). Lines are handed out without their line breaks.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace parley::import {

class InputFile {
 public:
  InputFile() = default;
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  ~InputFile();

  // Opens and maps (or reads) `path`; on failure returns false with errno set.
  bool open(const std::string& path);

  // The next line without its "\n" or "\r\n"; false at the end. A last line without a line
  // break is a line.
  bool next_line(std::string_view& line);
  // Bytes handed out so far, and the file's size.
  std::uint64_t offset() const { return offset_; }
  std::uint64_t size() const { return text_.size(); }

 private:
  std::string_view text_;
  std::string read_;  // the text when it could not be mapped
  void* mapping_ = nullptr;
  std::size_t offset_ = 0;
};

}  // namespace parley::import
