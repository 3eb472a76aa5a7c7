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
  explicit TerminalEscapingBuffer(std::ostream& target) : target_(target) {}
  ~TerminalEscapingBuffer() override { finish(); }
  TerminalEscapingBuffer(const TerminalEscapingBuffer&) = delete;
  TerminalEscapingBuffer& operator=(const TerminalEscapingBuffer&) = delete;

  // Writes out an unfinished UTF-8 sequence, escaped; call when nothing more will follow.
  void finish();

 protected:
  int overflow(int c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  std::ostream& target_;
  TerminalEscaper escaper_;
  std::string escaped_;  // reused between writes
};

// A stream writing through a TerminalEscapingBuffer to `target`.
class TerminalStream : public std::ostream {
 public:
  explicit TerminalStream(std::ostream& target) : std::ostream(nullptr), buffer_(target) { rdbuf(&buffer_); }
  void finish() {
    flush();
    buffer_.finish();
  }

 private:
  TerminalEscapingBuffer buffer_;
};

}  // namespace parley::cli
