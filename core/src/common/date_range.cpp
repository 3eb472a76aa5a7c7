#include "parley/common/date_range.h"

#include <cstdint>

namespace parley {

DateMatch DateRange::match(const std::optional<FuzzyDate>& date) const {
  return date ? match(DateSpan{date->first_day(), date->last_day()}) : match(std::optional<DateSpan>());
}

DateMatch DateRange::match(const std::optional<DateSpan>& span) const {
  if (!bounded()) return DateMatch::kInside;
  if (!span) return DateMatch::kPossibly;
  const std::int32_t low = from ? from->first_day() : INT32_MIN;
  const std::int32_t high = to ? to->last_day() : INT32_MAX;
  if (span->last < low || span->first > high) return DateMatch::kOutside;
  if (span->first >= low && span->last <= high) return DateMatch::kInside;
  return DateMatch::kPossibly;
}

}  // namespace parley
