#include "parley/common/date_text.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace parley {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

}  // namespace

void DateText::append(std::string_view text) {
  // A FuzzyDate's texts fit with room to spare; cutting short beats writing past the end.
  const std::size_t n = std::min(text.size(), kCapacity - size_);
  std::memcpy(bytes_ + size_, text.data(), n);
  size_ += n;
}

void DateText::append_number(std::int64_t value, int width) {
  char digits[24];
  std::size_t at = sizeof digits;
  const bool negative = value < 0;
  // The magnitude as unsigned, so that the most negative value has one too.
  std::uint64_t rest = negative ? ~static_cast<std::uint64_t>(value) + 1 : static_cast<std::uint64_t>(value);
  do {
    digits[--at] = static_cast<char>('0' + rest % 10);
    rest /= 10;
  } while (rest != 0);
  if (negative) append("-");
  for (int pad = width - static_cast<int>(sizeof digits - at) - (negative ? 1 : 0); pad > 0; --pad) append("0");
  append({digits + at, sizeof digits - at});
}

std::string_view month_name(int month) {
  return month >= 1 && month <= 12 ? kMonthNames[static_cast<std::size_t>(month - 1)] : std::string_view();
}

DateText iso_date_text(std::int32_t days) {
  // Howard Hinnant's inverse of days_from_civil.
  days += 719468;
  const int era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned day = doy - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  const int year = static_cast<int>(yoe) + era * 400 + (month <= 2);
  DateText text;
  text.append_number(year, 4);
  text.append("-");
  text.append_number(month, 2);
  text.append("-");
  text.append_number(day, 2);
  return text;
}

DateText canonical_text(const FuzzyDate& date) {
  static constexpr std::array<std::string_view, 4> kPrefix = {"", "early ", "mid ", "late "};
  DateText text;
  text.append(kPrefix[static_cast<std::size_t>(date.part())]);
  text.append_number(date.year(), 4);
  if (date.precision() == DatePrecision::kYear) return text;
  text.append("-");
  text.append_number(date.month(), 2);
  if (date.precision() == DatePrecision::kMonth) return text;
  text.append("-");
  text.append_number(date.day(), 2);
  return text;
}

DateText described_text(const FuzzyDate& date) {
  static constexpr std::array<std::string_view, 4> kPrefix = {"", "early ", "mid-", "late "};
  DateText text;
  switch (date.precision()) {
    case DatePrecision::kDay:  // a day is not early or late
      text.append_number(date.day(), 0);
      text.append(" ");
      break;
    case DatePrecision::kMonth:
    case DatePrecision::kYear:
      text.append(kPrefix[static_cast<std::size_t>(date.part())]);
      break;
  }
  if (date.precision() != DatePrecision::kYear) {
    text.append(month_name(date.month()));
    text.append(" ");
  }
  text.append_number(date.year(), 0);
  return text;
}

}  // namespace parley
