#include <algorithm>

#include "import/country_table.h"

namespace parley::import {
namespace {

template <typename Row, typename Key>
const Row* find_sorted(const Row* begin, std::size_t count, std::string_view key, Key key_of) {
  const Row* end = begin + count;
  const Row* it = std::lower_bound(begin, end, key, [&](const Row& row, std::string_view k) { return key_of(row) < k; });
  return it != end && key_of(*it) == key ? it : nullptr;
}

}  // namespace

std::optional<Country> country_by_code(std::string_view code) {
  using detail::CountryName;
  using detail::CountryRow;
  if (const CountryName* cameo = find_sorted(detail::kCameoCodes, detail::kCameoCodeCount, code,
                                             [](const CountryName& row) { return row.name; })) {
    code = cameo->code;
  }
  const CountryRow* row =
      find_sorted(detail::kCountries, detail::kCountryCount, code, [](const CountryRow& r) { return r.code; });
  if (!row) return std::nullopt;
  return Country{row->code, row->name};
}

std::optional<Country> country_by_name(std::string_view name) {
  using detail::CountryName;
  const CountryName* row = find_sorted(detail::kCountryNames, detail::kCountryNameCount, name,
                                       [](const CountryName& r) { return r.name; });
  if (!row) return std::nullopt;
  return country_by_code(row->code);
}

}  // namespace parley::import
