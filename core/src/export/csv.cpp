#include "parley/export/csv.h"

namespace parley {

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

CsvWriter& CsvWriter::field(std::string_view text) {
  if (row_started_) out_ << ',';
  row_started_ = true;
  out_ << csv_field(text);
  return *this;
}

void CsvWriter::end_row() {
  out_ << "\r\n";
  row_started_ = false;
}

}  // namespace parley
