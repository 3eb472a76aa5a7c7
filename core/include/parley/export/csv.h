// CSV as RFC 4180 writes it: fields separated by commas, records ended by CRLF, a field quoted
// when it holds a comma, a double quote, a CR or an LF, and a quote inside doubled. A writer
// sends each record to the stream as it is completed, so a table of any size is never held.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

namespace parley {

// `text` as one CSV field: unchanged, or quoted with inner quotes doubled.
std::string csv_field(std::string_view text);

class CsvWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}

  CsvWriter& field(std::string_view text);
  // Ends the current record.
  void end_row();

 private:
  std::ostream& out_;
  bool row_started_ = false;
};

}  // namespace parley
