// Reading a batch script or piped shell input one line at a time, with a cap on a line's
// length: `batch /dev/zero` or a binary file given by mistake must end with a message, not
// fill the memory looking for a line feed that never comes.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>

namespace parley::cli {

// No line of the language needs more: a name has at most 65,536 characters (256 KiB of UTF-8),
// and a line names at most two entities.
inline constexpr std::size_t kMaxLineBytes = std::size_t{1} << 20;

enum class LineRead {
  kLine,     // `line` holds the next line, without its line feed (and without a CR before it)
  kEnd,      // no more input
  kTooLong,  // the line is longer than the cap; it was not read to its end
};

LineRead read_line(std::istream& in, std::string& line, std::size_t max_bytes = kMaxLineBytes);

}  // namespace parley::cli
