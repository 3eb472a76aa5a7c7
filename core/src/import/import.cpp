#include "parley/import/import.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <variant>

#include "import/dataset_writer.h"
#include "import/event_model.h"
#include "import/event_row.h"
#include "import/input_file.h"

namespace parley::import {
namespace {

// Bad rows reported one by one before the rest are only counted.
constexpr std::size_t kShownErrors = 20;

// A source id, which prefixes every entity id: no control characters, no space at either end,
// short enough to leave room for the rest of an id (256 characters in all).
bool is_valid_source_id(std::string_view id) {
  if (id.empty() || id.size() > 100 || id.front() == ' ' || id.back() == ' ') return false;
  for (const char c : id) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;
  }
  return true;
}

// The file's name up to its first dot, made a valid source id.
std::string base_name(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  const std::size_t dot = name.find('.');
  if (dot != std::string::npos && dot > 0) name.resize(dot);
  for (char& c : name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F || c == ' ') c = '-';
  }
  if (name.size() > 100) name.resize(100);
  while (!name.empty() && (static_cast<unsigned char>(name.back()) & 0xC0) == 0x80) name.pop_back();  // no cut character
  if (!name.empty() && static_cast<unsigned char>(name.back()) >= 0xC0) name.pop_back();
  return name.empty() ? "import" : name;
}

Diagnostic row_diagnostic(const std::string& file, std::uint64_t line, const RowError& error) {
  Location where;
  where.file = file;
  where.line = static_cast<std::uint32_t>(line);
  where.column = error.position;
  if (!error.column.empty()) where.field = "column " + error.column;  // none for a wrong count
  return Diagnostic{error.code, error.message, where};
}

std::string io_error(const std::string& what, const std::string& path) {
  return "cannot " + what + " " + path + ": " + std::strerror(errno);
}

// Writes through a temporary file beside `path`, renamed over it only when all went well.
bool write_atomically(const std::string& path, const EventModel& model, EventFormat format, const DatasetHeader& header,
                      std::string& error) {
  const std::string::size_type slash = path.rfind('/');
  std::string temporary = (slash == std::string::npos ? std::string() : path.substr(0, slash + 1)) + ".parley-XXXXXX";
  const int fd = mkstemp(temporary.data());
  if (fd < 0) {
    error = io_error("write", path);
    return false;
  }
  close(fd);
  const auto fail = [&](const std::string& message) {
    error = message;
    unlink(temporary.c_str());
    return false;
  };
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out || !write_dataset(model, format, header, out)) return fail(io_error("write", path));
    out.close();
    if (!out) return fail(io_error("write", path));
  }
  const int sync_fd = open(temporary.c_str(), O_RDONLY);
  if (sync_fd < 0 || fsync(sync_fd) != 0 || close(sync_fd) != 0) return fail(io_error("write", path));
  if (chmod(temporary.c_str(), 0644) != 0) return fail(io_error("write", path));
  if (std::rename(temporary.c_str(), path.c_str()) != 0) return fail(io_error("write", path));
  return true;
}

}  // namespace

std::optional<ImportSummary> import_events(const std::string& input, const std::string& output, std::ostream& out,
                                           const ImportOptions& options, Diagnostics& diagnostics) {
  const auto fail_io = [&](const std::string& message) {
    Location where;
    where.file = input;
    diagnostics.add(ErrorCode::kIoError, message, where);
    return std::nullopt;
  };
  if (!options.source_id.empty() && !is_valid_source_id(options.source_id)) {
    diagnostics.add(ErrorCode::kUsage,
                    "--source-id must be 1 to 100 characters, with no control character and no space at either end");
    return std::nullopt;
  }
  struct stat info {};
  if (stat(input.c_str(), &info) != 0) return fail_io(io_error("read", input));
  if (S_ISDIR(info.st_mode)) return fail_io("cannot read " + input + ": it is a directory");
  InputFile in;
  if (!in.open(input)) return fail_io(io_error("read", input));

  const auto read_line = options.format == EventFormat::kIcews ? read_icews_line : read_gdelt_line;
  EventModel model(options.format, options);
  // ICEWS lines run to about 200 bytes and GDELT's to 400: room for every row of most files,
  // within a bound (a file of shorter lines grows the vectors as usual).
  model.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(in.size() / 100, 4'000'000)));
  ImportSummary summary;
  std::map<std::string_view, std::uint64_t> not_imported;  // by reason, counted without a string per row
  std::string_view line;
  std::uint64_t line_number = 0;
  std::uint64_t bad_rows = 0;
  bool header_seen = false;
  std::uint64_t next_progress = 0;
  while (in.next_line(line)) {
    ++line_number;
    if (options.progress && in.offset() >= next_progress) {
      options.progress(in.offset(), in.size());
      next_progress = in.offset() + (8u << 20);
    }
    if (line.empty()) continue;  // a blank line holds no row
    LineResult result = read_line(line, line_number);
    if (std::holds_alternative<HeaderLine>(result)) {
      header_seen = true;
      continue;
    }
    ++summary.raw_rows;
    if (const auto* error = std::get_if<RowError>(&result)) {
      ++bad_rows;
      if (options.skip_bad) {
        ++summary.skipped_by_cause[std::string(error_code_name(error->code))];
      } else if (bad_rows <= kShownErrors) {
        diagnostics.add(row_diagnostic(input, line_number, *error));
      }
      continue;
    }
    if (bad_rows > 0 && !options.skip_bad) continue;  // the file is refused: only look for more errors
    const EventRow& row = std::get<EventRow>(result);
    if (options.format == EventFormat::kGdelt) {
      (row.columns == 57 ? summary.rows_57 : row.columns == 58 ? summary.rows_58 : summary.rows_61) += 1;
    }
    const std::string_view why = model.add(row);
    if (why.empty()) {
      ++summary.kept_rows;
    } else {
      ++not_imported[why];
    }
  }
  for (const auto& [why, rows] : not_imported) summary.not_imported[std::string(why)] = rows;
  if (options.progress) options.progress(in.offset(), in.size());

  if (bad_rows > kShownErrors && !options.skip_bad) {
    Location where;
    where.file = input;
    diagnostics.add(ErrorCode::kInvalidValue,
                    std::to_string(bad_rows - kShownErrors) + " more bad rows not shown (" + std::to_string(bad_rows) +
                        " in all); nothing was written",
                    where);
  }
  if (summary.raw_rows == 0) {
    Location where;
    where.file = input;
    where.line = 1;
    where.column = 1;
    diagnostics.add(ErrorCode::kEmptyFile,
                    header_seen ? "the file has a header and no event rows" : "the file has no event rows", where);
  }
  if (!diagnostics.ok()) return std::nullopt;
  summary.skipped_rows = options.skip_bad ? bad_rows : 0;
  summary.gatherings = model.gatherings().size();
  for (const auto& g : model.gatherings()) {
    std::string kind(EventModel::kind_of(g));
    if (const auto status = EventModel::status_of(g); status == "planned" || status == "proposed") {
      kind += " (" + std::string(status) + ")";
    }
    ++summary.gatherings_by_kind[kind];
  }
  summary.actors = model.actors();
  summary.places = model.places();
  summary.states = model.states();

  DatasetHeader header;
  header.source_id = options.source_id.empty() ? base_name(input) : options.source_id;
  header.publisher = options.format == EventFormat::kIcews ? "ICEWS (Integrated Crisis Early Warning System)"
                                                           : "The GDELT Project";
  header.title = (options.format == EventFormat::kIcews ? "ICEWS coded event data: " : "GDELT event records: ") +
                 base_name(input);
  header.file = input;
  header.note = "Imported by parley import: " + std::to_string(summary.raw_rows) + " rows, " +
                std::to_string(summary.kept_rows) + " kept as evidence of " + std::to_string(summary.gatherings) +
                " gatherings and events.";
  if (output == "-") {
    if (!write_dataset(model, options.format, header, out)) return fail_io("cannot write the dataset");
    return summary;
  }
  std::string error;
  if (!write_atomically(output, model, options.format, header, error)) {
    Location where;
    where.file = output;
    diagnostics.add(ErrorCode::kIoError, error, where);
    return std::nullopt;
  }
  return summary;
}

}  // namespace parley::import
