// Date filters that respect precision. An event known only to the month is "possibly" inside a
// range that cuts that month: answers say so rather than pretending it happened on the 1st.
#pragma once

#include <cstdint>
#include <optional>

#include "parley/common/date.h"

namespace parley {

enum class DateMatch { kInside, kPossibly, kOutside };

// Days since 1970-01-01, inclusive at both ends.
struct DateSpan {
  std::int32_t first = 0;
  std::int32_t last = 0;
};

struct DateRange {
  std::optional<FuzzyDate> from;  // inclusive: from the first day `from` may denote
  std::optional<FuzzyDate> to;    // inclusive: to the last day `to` may denote

  bool bounded() const { return from || to; }
  // Where a date falls. An unknown date is possibly inside a bounded range.
  DateMatch match(const std::optional<FuzzyDate>& date) const;
  // The same for a span of days (an event with an end date).
  DateMatch match(const std::optional<DateSpan>& span) const;
};

}  // namespace parley
