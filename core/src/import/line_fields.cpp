#include "import/line_fields.h"

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "parley/common/date.h"
#include "parley/common/utf8.h"

namespace parley::import::detail {

void split_tabs(std::string_view line, std::vector<std::string_view>& fields) {
  fields.clear();
  const char* data = line.data();
  const std::size_t n = line.size();
  std::size_t start = 0, at = 0;
  // Eight bytes at a time: the tabs of a word are the zero bytes of the word XOR tabs, found
  // exactly (no carries between bytes), then taken lowest first.
  constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL, kTabs = 0x0909090909090909ULL;
  for (; std::endian::native == std::endian::little && at + 8 <= n; at += 8) {
    std::uint64_t word;
    std::memcpy(&word, data + at, 8);
    const std::uint64_t x = word ^ kTabs;
    std::uint64_t tabs = ~(((x & kLow7) + kLow7) | x | kLow7);
    while (tabs != 0) {
      const std::size_t tab = at + static_cast<std::size_t>(std::countr_zero(tabs)) / 8;
      fields.push_back(line.substr(start, tab - start));
      start = tab + 1;
      tabs &= tabs - 1;
    }
  }
  for (; at < n; ++at) {
    if (data[at] != '\t') continue;
    fields.push_back(line.substr(start, at - start));
    start = at + 1;
  }
  fields.push_back(line.substr(start));
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
  // Almost every line: no NUL anywhere and too short for any field to be too long.
  if (line.size() <= kMaxField && std::memchr(line.data(), '\0', line.size()) == nullptr) return std::nullopt;
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
  char copy[33];
  std::memcpy(copy, text.data(), text.size());
  copy[text.size()] = '\0';
  char* end = nullptr;
  const double value = std::strtod(copy, &end);
  if (end != copy + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

// Whether a coordinate written the usual way ("-12.3456": a sign, up to three digits, a point
// and digits) is within -limit..limit, decided exactly on its digits without converting it;
// nullopt for any other spelling, which parse_decimal then reads.
std::optional<bool> plain_within(std::string_view text, int limit) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  const std::size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction = point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  if (whole.empty() || whole.size() > 3 || (point != std::string_view::npos && fraction.empty())) return std::nullopt;
  int value = 0;
  for (const char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  bool zero_fraction = true;
  for (const char c : fraction) {
    if (c < '0' || c > '9') return std::nullopt;
    zero_fraction = zero_fraction && c == '0';
  }
  return value < limit || (value == limit && zero_fraction);
}

bool within(std::string_view text, int limit) {
  if (const auto plain = plain_within(text, limit)) return *plain;
  const auto value = parse_decimal(text);
  return value && *value >= -limit && *value <= limit;
}

}  // namespace

std::string check_coordinates(std::string_view latitude, std::string_view longitude, std::string& which) {
  if (latitude.empty() && longitude.empty()) return "";
  if (!within(latitude, 90)) {
    which = "latitude";
    return latitude.empty() ? "a longitude without a latitude"
                            : "\"" + std::string(latitude) + "\" is not a latitude (a number from -90 to 90)";
  }
  if (!within(longitude, 180)) {
    which = "longitude";
    return longitude.empty() ? "a latitude without a longitude"
                             : "\"" + std::string(longitude) + "\" is not a longitude (a number from -180 to 180)";
  }
  return "";
}

}  // namespace parley::import::detail
