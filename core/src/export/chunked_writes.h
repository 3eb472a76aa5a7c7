// An output stream that hands its text on in writes of 64 KB, for the DOT, GraphML and GEXF
// writers. A whole-graph export is tens of megabytes and is never held whole; and the GraphML
// and GEXF writers make a dozen small insertions per node and edge, each of which, made
// straight into standard output, was a call into the C library's stdio (std::cout stays in step
// with it): a fifth of a whole-graph export's time.
#pragma once

#include <ostream>
#include <streambuf>
#include <vector>

namespace parley::detail {

class ChunkedWriteBuffer : public std::streambuf {
 public:
  explicit ChunkedWriteBuffer(std::ostream& out) : out_(out), buffer_(kWriteBytes) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }

 protected:
  int overflow(int c) override {
    if (sync() != 0) return traits_type::eof();
    if (c != traits_type::eof()) {
      *pptr() = static_cast<char>(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override {
    out_.write(pbase(), pptr() - pbase());
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return out_ ? 0 : -1;
  }

 private:
  static constexpr std::size_t kWriteBytes = 64 * 1024;
  std::ostream& out_;
  std::vector<char> buffer_;
};

// `out` written through a ChunkedWriteBuffer; what is left is handed on by flush() (or when
// it goes out of scope).
class ChunkedWrites : public std::ostream {
 public:
  explicit ChunkedWrites(std::ostream& out) : std::ostream(nullptr), buffer_(out) { rdbuf(&buffer_); }
  ~ChunkedWrites() override { flush(); }

 private:
  ChunkedWriteBuffer buffer_;
};

}  // namespace parley::detail
