#include "line_reader.h"

#include <istream>

namespace parley::cli {

LineRead read_line(std::istream& in, std::string& line, std::size_t max_bytes) {
  line.clear();
  std::streambuf* buffer = in.rdbuf();
  if (!buffer || !in.good()) return LineRead::kEnd;
  for (;;) {
    const int c = buffer->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      in.setstate(std::ios::eofbit);
      if (line.empty()) return LineRead::kEnd;
      break;  // a last line without a line feed
    }
    if (c == '\n') break;
    if (line.size() >= max_bytes) return LineRead::kTooLong;
    line.push_back(static_cast<char>(c));
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return LineRead::kLine;
}

}  // namespace parley::cli
