#include "load/diagnostic_sink.h"

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
  for (std::size_t i = 0; i < owners.size(); ++i) {
    if (!offsets[i]) continue;
    const LineColumn at = line_column(text, *offsets[i]);
    owners[i]->where.line = at.line;
    owners[i]->where.column = at.column;
  }
}

}  // namespace parley::detail
