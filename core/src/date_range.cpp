#include "parley/date_range.h"

#include <cstdint>

namespace parley {

DateMatch DateRange::match(const std::optional<FuzzyDate>& date) const {
  if (!bounded()) return DateMatch::kInside;
  if (!date) return DateMatch::kPossibly;
  const std::int32_t low = from ? from->first_day() : INT32_MIN;
  const std::int32_t high = to ? to->last_day() : INT32_MAX;
  if (date->last_day() < low || date->first_day() > high) return DateMatch::kOutside;
  if (date->first_day() >= low && date->last_day() <= high) return DateMatch::kInside;
  return DateMatch::kPossibly;
}

}  // namespace parley
