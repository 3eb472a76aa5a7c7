#include "load/diagnostic_sink.h"

#include <algorithm>
#include <vector>

#include "load/json_reader.h"
#include "load/strict_json.h"

namespace parley::detail {

void DiagnosticSink::add(ErrorCode code, std::string message, std::string pointer,
                         std::string record, std::string field) {
  Location where;
  where.file = file_;
  where.json_pointer = std::move(pointer);
  where.record = std::move(record);
  where.field = std::move(field);
  out_.add(code, std::move(message), std::move(where));
}

void DiagnosticSink::add_at_offset(ErrorCode code, std::string message, std::string_view text,
                                   std::size_t offset) {
  Location where;
  where.file = file_;
  const LineColumn at = line_column(text, offset);
  where.line = at.line;
  where.column = at.column;
  out_.add(code, std::move(message), std::move(where));
}

void resolve_positions(std::string_view file, std::string_view text, Diagnostics& diagnostics) {
  std::vector<std::string> pointers;
  std::vector<Diagnostic*> owners;
  for (auto& diagnostic : diagnostics.items()) {
    if (diagnostic.where.file == file && diagnostic.where.line == 0 &&
        (!diagnostic.where.json_pointer.empty() || diagnostic.where.record.empty())) {
      pointers.push_back(diagnostic.where.json_pointer);
      owners.push_back(&diagnostic);
    }
  }
  if (pointers.empty()) return;
  const auto offsets = locate(text, pointers);
  // One walk through the text for every position, in offset order: line_column() for each
  // would scan from the start every time, and a file can have thousands of diagnostics (a
  // large import's look-alike warnings) on one long line.
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < owners.size(); ++i) {
    if (offsets[i]) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return *offsets[a] < *offsets[b]; });
  const std::size_t bom = text.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;  // not counted as a column
  LineColumn at;
  std::size_t walked = 0;  // `at` is the position of text[walked]
  for (const std::size_t i : order) {
    const std::size_t offset = std::min(*offsets[i], text.size());
    for (; walked < offset; ++walked) {
      const auto c = static_cast<unsigned char>(text[walked]);
      if (c == '\n') {
        ++at.line;
        at.column = 1;
      } else if ((c & 0xC0) != 0x80 && walked >= bom) {
        ++at.column;  // a code point starts here
      }
    }
    owners[i]->where.line = at.line;
    owners[i]->where.column = at.column;
  }
}

}  // namespace parley::detail
