// A date's text forms written into a small buffer of their own: no allocation and no snprintf.
// A hub's who-met answer writes five date texts for each of its thousands of meetings, and
// formatting them through snprintf and temporary strings was a tenth of the answer's time.
// FuzzyDate::to_string, FuzzyDate::describe and iso_date give the same text as strings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parley/common/date.h"

namespace parley {

// The text of one date, held by value; view() stays valid while the DateText lives.
class DateText {
 public:
  std::string_view view() const { return {bytes_, size_}; }

  void append(std::string_view text);
  // `value` in decimal, zero-padded to `width` digits, with a '-' first when negative (as
  // printf's "%0Nd" writes it: the sign counts in the width).
  void append_number(std::int64_t value, int width);

 private:
  static constexpr std::size_t kCapacity = 40;  // "early September -2147483648" and then some
  char bytes_[kCapacity];
  std::size_t size_ = 0;
};

// "January" ... "December" for 1 ... 12.
std::string_view month_name(int month);

// "2018-12-01": the civil date of a day count since 1970-01-01 (as iso_date).
DateText iso_date_text(std::int32_t days);
// "2018-12", "mid 2019", "2018-12-01": the canonical form parse() reads (as FuzzyDate::to_string).
DateText canonical_text(const FuzzyDate& date);
// "1 December 2018", "mid-February 2019", "2014": the form for people (as FuzzyDate::describe).
DateText described_text(const FuzzyDate& date);

}  // namespace parley
