// Dates as the sources give them: to the day, the month or the year, optionally narrowed to the
// early, middle or late part of a month or year ("mid-February 2019"). A date is an interval of
// days, so comparisons can answer "inside", "outside" or "possibly inside" honestly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parley {

enum class DatePrecision : std::uint8_t { kYear, kMonth, kDay };
enum class DatePart : std::uint8_t { kWhole, kEarly, kMid, kLate };

// "day", "month" or "year", as JSON answers and exports name a precision.
std::string_view precision_name(DatePrecision precision);

class FuzzyDate {
 public:
  // Parses "YYYY", "YYYY-MM", "YYYY-MM-DD", each but the last optionally prefixed by
  // "early ", "mid " or "late ". Returns nullopt and sets *error (if given) when the text is
  // malformed or names a day that does not exist.
  static std::optional<FuzzyDate> parse(std::string_view text, std::string* error = nullptr);

  int year() const { return year_; }
  int month() const { return month_; }  // 0 when the precision is the year
  int day() const { return day_; }      // 0 when the precision is coarser than the day
  DatePrecision precision() const { return precision_; }
  DatePart part() const { return part_; }

  // The first and last day the date may denote, as days since 1970-01-01 (inclusive).
  std::int32_t first_day() const;
  std::int32_t last_day() const;

  // The canonical text form, as accepted by parse().
  std::string to_string() const;
  // A form for people: "1 December 2018", "September 2018", "mid-February 2019", "2014".
  std::string describe() const;

  friend bool operator==(const FuzzyDate&, const FuzzyDate&) = default;

 private:
  // Six bytes in all (parse reads four digits of year): the event table holds one per event.
  std::int16_t year_ = 0;
  std::uint8_t month_ = 0;
  std::uint8_t day_ = 0;
  DatePrecision precision_ = DatePrecision::kYear;
  DatePart part_ = DatePart::kWhole;
};

// Days since 1970-01-01 of a proleptic Gregorian civil date.
std::int32_t days_from_civil(int year, int month, int day);
// The civil date of a day count, as "YYYY-MM-DD".
std::string iso_date(std::int32_t days);

// True for ISO 8601 durations of the form "PnDTnHnM" (any non-empty subset), optionally
// preceded by "~" for an approximate figure ("~PT4H": "about four hours").
bool is_valid_duration(std::string_view text);

}  // namespace parley
