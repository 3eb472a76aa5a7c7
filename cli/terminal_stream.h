// An output stream that escapes, on its way to another stream, whatever a terminal would obey
// (parley/common/terminal_text.h). The runner puts one in front of every text answer and every
// message, so no command has to remember to escape a name.
#pragma once

#include <ostream>
#include <streambuf>
#include <string>

#include "parley/common/terminal_text.h"

namespace parley::cli {

class TerminalEscapingBuffer : public std::streambuf {
 public:
  // With `kept`, what passes through is also appended there as it was written, unescaped.
  explicit TerminalEscapingBuffer(std::ostream& target, std::string* kept = nullptr) : target_(&target), kept_(kept) {}
  ~TerminalEscapingBuffer() override { finish(); }
  TerminalEscapingBuffer(const TerminalEscapingBuffer&) = delete;
  TerminalEscapingBuffer& operator=(const TerminalEscapingBuffer&) = delete;

  // Writes out an unfinished UTF-8 sequence, escaped; call when nothing more will follow.
  void finish();
  // Writes to `target` (and `kept`) from now on. Call finish() first: what it would still write
  // belongs to the old target.
  void retarget(std::ostream& target, std::string* kept) {
    target_ = &target;
    kept_ = kept;
  }

 protected:
  int overflow(int c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  std::ostream* target_;
  std::string* kept_;
  // Written to since the target was last flushed: a line that says nothing (most lines of a
  // batch) does not flush its target at each sync.
  bool unflushed_ = false;
  TerminalEscaper escaper_;
  std::string escaped_;  // reused between writes
};

// A stream writing through a TerminalEscapingBuffer to `target` (and, unescaped, to `kept`).
class TerminalStream : public std::ostream {
 public:
  explicit TerminalStream(std::ostream& target, std::string* kept = nullptr) : std::ostream(nullptr), buffer_(target, kept) {
    rdbuf(&buffer_);
  }
  void finish() {
    flush();
    buffer_.finish();
  }
  // Writes to `target` (and `kept`) from now on, as a stream just made would: its state and
  // formatting reset. Making a std::ostream sets up its locale, which for a small answer of a
  // batch cost a twentieth of the line; the runner keeps its message streams (runner.cpp).
  // Call finish() first, while the old target is there.
  void retarget(std::ostream& target, std::string* kept) {
    buffer_.retarget(target, kept);
    exceptions(std::ios_base::goodbit);
    clear();
    flags(std::ios_base::skipws | std::ios_base::dec);
    width(0);
    precision(6);
    fill(' ');
  }

 private:
  TerminalEscapingBuffer buffer_;
};

}  // namespace parley::cli
