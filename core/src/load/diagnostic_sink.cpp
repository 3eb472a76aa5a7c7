#include "load/diagnostic_sink.h"

#include <algorithm>
#include <vector>

#include "load/json_reader.h"

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
  // Offsets to line:column in one pass over the text, in offset order: computing each from the
  // start of the file made a file of many errors quadratic (100,000 errors never finished).
  std::vector<std::pair<std::size_t, Diagnostic*>> wanted;
  wanted.reserve(owners.size());
  for (std::size_t i = 0; i < owners.size(); ++i) {
    if (offsets[i]) wanted.emplace_back(*offsets[i], owners[i]);
  }
  std::sort(wanted.begin(), wanted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  LineColumnCursor cursor(text);
  for (const auto& [offset, owner] : wanted) {
    const LineColumn at = cursor.advance_to(offset);
    owner->where.line = at.line;
    owner->where.column = at.column;
  }
}

}  // namespace parley::detail
