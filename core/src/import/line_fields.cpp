#include "import/line_fields.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "parley/common/date.h"
#include "parley/common/utf8.h"

namespace parley::import::detail {

void split_tabs(std::string_view line, std::vector<std::string_view>& fields) {
  fields.clear();
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      fields.push_back(line.substr(start));
      return;
    }
    fields.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

std::uint32_t field_position(std::string_view line, const std::vector<std::string_view>& fields, std::size_t index) {
  if (index >= fields.size()) return static_cast<std::uint32_t>(line.size() + 1);
  const auto bytes = static_cast<std::size_t>(fields[index].data() - line.data());
  std::uint32_t position = 1;
  for (std::size_t at = 0; at < bytes;) {
    at += utf8::decode(line, at).length;
    ++position;
  }
  return position;
}

std::optional<RowError> check_utf8(std::string_view line, const std::vector<std::string_view>& fields,
                                   const std::vector<std::string_view>& names) {
  const std::size_t bad = utf8::first_invalid(line);
  if (bad == std::string_view::npos) return std::nullopt;
  std::size_t index = 0;
  while (index + 1 < fields.size() && static_cast<std::size_t>(fields[index + 1].data() - line.data()) <= bad) ++index;
  RowError error;
  error.code = ErrorCode::kInvalidEncoding;
  error.column = index < names.size() ? std::string(names[index]) : "column " + std::to_string(index + 1);
  error.position = field_position(line, fields, index);
  error.message = "invalid UTF-8 (byte " + std::to_string(bad - static_cast<std::size_t>(fields[index].data() - line.data()) + 1) +
                  " of the value)";
  return error;
}

std::optional<RowError> check_values(std::string_view line, const std::vector<std::string_view>& fields,
                                     const std::vector<std::string_view>& names) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const bool nul = fields[i].find('\0') != std::string_view::npos;
    if (!nul && fields[i].size() <= kMaxField) continue;
    RowError error;
    error.code = ErrorCode::kInvalidValue;
    error.column = i < names.size() ? std::string(names[i]) : "column " + std::to_string(i + 1);
    error.position = field_position(line, fields, i);
    error.message = nul ? "a NUL byte, which no name or record may hold"
                        : "a value of " + std::to_string(fields[i].size()) + " bytes, more than the " +
                              std::to_string(kMaxField) + " an import takes";
    return error;
  }
  return std::nullopt;
}

bool is_valid_event_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (const char c : id) {
    if (c <= ' ' || c > '~') return false;
  }
  return true;
}

std::optional<std::int32_t> parse_day(std::string_view text, bool dashed) {
  std::string iso;
  if (dashed) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    iso = std::string(text);
  } else {
    if (text.size() != 8) return std::nullopt;
    iso = std::string(text.substr(0, 4)) + "-" + std::string(text.substr(4, 2)) + "-" + std::string(text.substr(6, 2));
  }
  for (std::size_t i = 0; i < iso.size(); ++i) {
    if (i != 4 && i != 7 && (iso[i] < '0' || iso[i] > '9')) return std::nullopt;
  }
  const auto date = FuzzyDate::parse(iso);
  if (!date || date->precision() != DatePrecision::kDay) return std::nullopt;
  return date->first_day();
}

namespace {

// A decimal number, the whole text; nullopt otherwise (no "nan", no hexadecimal, no spaces).
std::optional<double> parse_decimal(std::string_view text) {
  if (text.empty() || text.size() > 32) return std::nullopt;
  for (const char c : text) {
    if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E')) return std::nullopt;
  }
  const std::string copy(text);
  char* end = nullptr;
  const double value = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace

std::string check_coordinates(std::string_view latitude, std::string_view longitude, std::string& which) {
  if (latitude.empty() && longitude.empty()) return "";
  const auto lat = parse_decimal(latitude);
  if (!lat || *lat < -90 || *lat > 90) {
    which = "latitude";
    return latitude.empty() ? "a longitude without a latitude"
                            : "\"" + std::string(latitude) + "\" is not a latitude (a number from -90 to 90)";
  }
  const auto lon = parse_decimal(longitude);
  if (!lon || *lon < -180 || *lon > 180) {
    which = "longitude";
    return longitude.empty() ? "a latitude without a longitude"
                             : "\"" + std::string(longitude) + "\" is not a longitude (a number from -180 to 180)";
  }
  return "";
}

}  // namespace parley::import::detail
