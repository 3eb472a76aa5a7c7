// Diagnostics that point into a JSON text. A DOM carries no positions, so records are
// reported by JSON pointer, and resolve_positions() turns the pointers of one file into
// line:column in a single pass afterwards — positions cost nothing unless there is an error.
#pragma once

#include <string>
#include <string_view>

#include "parley/common/status.h"

namespace parley::detail {

class DiagnosticSink {
 public:
  DiagnosticSink(std::string file, Diagnostics& out) : file_(std::move(file)), out_(out) {}

  const std::string& file() const { return file_; }
  void add(ErrorCode code, std::string message, std::string pointer, std::string record = {},
           std::string field = {});
  // A diagnostic whose byte offset in `text` is already known (JSON syntax errors).
  void add_at_offset(ErrorCode code, std::string message, std::string_view text, std::size_t offset);

 private:
  std::string file_;
  Diagnostics& out_;
};

// Sets line and column on every diagnostic about `file` that has a JSON pointer but no line.
void resolve_positions(std::string_view file, std::string_view text, Diagnostics& diagnostics);

}  // namespace parley::detail
