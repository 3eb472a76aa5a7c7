// Date filters that respect precision. An event known only to the month is "possibly" inside a
// range that cuts that month: answers say so rather than pretending it happened on the 1st.
#pragma once

#include <optional>

#include "parley/date.h"

namespace parley {

enum class DateMatch { kInside, kPossibly, kOutside };

struct DateRange {
  std::optional<FuzzyDate> from;  // inclusive: from the first day `from` may denote
  std::optional<FuzzyDate> to;    // inclusive: to the last day `to` may denote

  bool bounded() const { return from || to; }
  // Where a date falls. An unknown date is possibly inside a bounded range.
  DateMatch match(const std::optional<FuzzyDate>& date) const;
};

}  // namespace parley
