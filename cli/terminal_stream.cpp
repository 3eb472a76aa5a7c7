#include "terminal_stream.h"

namespace parley::cli {

void TerminalEscapingBuffer::finish() {
  escaped_.clear();
  escaper_.finish(escaped_);
  if (!escaped_.empty()) target_->write(escaped_.data(), static_cast<std::streamsize>(escaped_.size()));
}

int TerminalEscapingBuffer::overflow(int c) {
  if (c == traits_type::eof()) return traits_type::not_eof(c);
  const char byte = static_cast<char>(c);
  xsputn(&byte, 1);
  return c;
}

std::streamsize TerminalEscapingBuffer::xsputn(const char* s, std::streamsize n) {
  unflushed_ = true;
  if (kept_) kept_->append(s, static_cast<std::size_t>(n));
  escaped_.clear();
  escaper_.feed(std::string_view(s, static_cast<std::size_t>(n)), escaped_);
  if (!escaped_.empty()) target_->write(escaped_.data(), static_cast<std::streamsize>(escaped_.size()));
  return n;
}

int TerminalEscapingBuffer::sync() {
  if (unflushed_) target_->flush();
  unflushed_ = false;
  return 0;
}

}  // namespace parley::cli
