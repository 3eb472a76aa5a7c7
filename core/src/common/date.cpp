#include "parley/common/date.h"

#include <array>
#include <charconv>

#include "parley/common/date_text.h"

namespace parley {
namespace {

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

// Reads exactly `width` digits at text[pos].
std::optional<int> read_digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::optional<FuzzyDate> fail(std::string* error, std::string message) {
  if (error) *error = std::move(message);
  return std::nullopt;
}

}  // namespace

std::string_view precision_name(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::kDay: return "day";
    case DatePrecision::kMonth: return "month";
    case DatePrecision::kYear: break;
  }
  return "year";
}

std::int32_t days_from_civil(int year, int month, int day) {
  // Howard Hinnant's algorithm: exact for the proleptic Gregorian calendar.
  year -= month <= 2;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

std::string iso_date(std::int32_t days) { return std::string(iso_date_text(days).view()); }

std::optional<FuzzyDate> FuzzyDate::parse(std::string_view text, std::string* error) {
  FuzzyDate date;
  static constexpr std::array<std::pair<std::string_view, DatePart>, 3> kParts = {
      {{"early ", DatePart::kEarly}, {"mid ", DatePart::kMid}, {"late ", DatePart::kLate}}};
  std::string_view rest = text;
  for (const auto& [prefix, part] : kParts) {
    if (rest.starts_with(prefix)) {
      date.part_ = part;
      rest.remove_prefix(prefix.size());
      break;
    }
  }
  const auto year = read_digits(rest, 0, 4);
  if (!year) return fail(error, "expected a date as YYYY, YYYY-MM or YYYY-MM-DD");
  // ISO 8601's year 0000 is 1 BC, which a source would not write so; in a dataset it is a
  // placeholder or a typing slip, and would sort before every real date.
  if (*year == 0) return fail(error, "year 0000 is not a date a source gives; years start at 0001");
  date.year_ = static_cast<std::int16_t>(*year);
  if (rest.size() == 4) return date;

  if (rest.size() != 7 && rest.size() != 10) {
    return fail(error, "expected a date as YYYY, YYYY-MM or YYYY-MM-DD");
  }
  const auto month = rest[4] == '-' ? read_digits(rest, 5, 2) : std::nullopt;
  if (!month) return fail(error, "expected a date as YYYY, YYYY-MM or YYYY-MM-DD");
  if (*month < 1 || *month > 12) return fail(error, "month must be between 01 and 12");
  date.month_ = static_cast<std::uint8_t>(*month);
  date.precision_ = DatePrecision::kMonth;
  if (rest.size() == 7) return date;

  const auto day = rest[7] == '-' ? read_digits(rest, 8, 2) : std::nullopt;
  if (!day) return fail(error, "expected a date as YYYY, YYYY-MM or YYYY-MM-DD");
  if (*day < 1 || *day > days_in_month(date.year_, date.month_)) {
    return fail(error, "day " + std::to_string(*day) + " does not exist in " +
                           std::string(month_name(date.month_)) + " " +
                           std::to_string(date.year_));
  }
  if (date.part_ != DatePart::kWhole) {
    return fail(error, "early/mid/late narrows a month or a year, not a day");
  }
  date.day_ = static_cast<std::uint8_t>(*day);
  date.precision_ = DatePrecision::kDay;
  return date;
}

std::int32_t FuzzyDate::first_day() const {
  switch (precision_) {
    case DatePrecision::kDay: return days_from_civil(year_, month_, day_);
    case DatePrecision::kMonth: {
      static constexpr std::array<int, 4> kFirst = {1, 1, 11, 21};
      return days_from_civil(year_, month_, kFirst[static_cast<int>(part_)]);
    }
    case DatePrecision::kYear: {
      static constexpr std::array<int, 4> kFirstMonth = {1, 1, 5, 9};
      return days_from_civil(year_, kFirstMonth[static_cast<int>(part_)], 1);
    }
  }
  return 0;
}

std::int32_t FuzzyDate::last_day() const {
  switch (precision_) {
    case DatePrecision::kDay: return days_from_civil(year_, month_, day_);
    case DatePrecision::kMonth: {
      const int end = days_in_month(year_, month_);
      const std::array<int, 4> last = {end, 10, 20, end};
      return days_from_civil(year_, month_, last[static_cast<int>(part_)]);
    }
    case DatePrecision::kYear: {
      static constexpr std::array<int, 4> kLastMonth = {12, 4, 8, 12};
      const int month = kLastMonth[static_cast<int>(part_)];
      return days_from_civil(year_, month, days_in_month(year_, month));
    }
  }
  return 0;
}

std::string FuzzyDate::to_string() const { return std::string(canonical_text(*this).view()); }

std::string FuzzyDate::describe() const { return std::string(described_text(*this).view()); }

bool is_valid_duration(std::string_view text) {
  if (text.starts_with('~')) text.remove_prefix(1);
  if (!text.starts_with('P')) return false;
  text.remove_prefix(1);
  bool in_time = false;
  bool any = false;
  std::string_view units = "D";
  while (!text.empty()) {
    if (text.front() == 'T') {
      if (in_time) return false;
      in_time = true;
      units = "HMS";
      text.remove_prefix(1);
      if (text.empty()) return false;
      continue;
    }
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    if (digits == 0 || digits == text.size()) return false;
    const std::size_t unit = units.find(text[digits]);
    if (unit == std::string_view::npos) return false;
    units.remove_prefix(unit + 1);  // units must appear in order, each at most once
    text.remove_prefix(digits + 1);
    any = true;
  }
  return any;
}

}  // namespace parley
