// Countries by ISO 3166 alpha-3 code and by every name ICEWS, GDELT and ISO give them, for
// turning a country-level actor or a place's country into one state entity.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace parley::import {

struct Country {
  std::string_view code;  // ISO 3166 alpha-3
  std::string_view name;  // the common English name ("South Korea", "Russia")
};

// A CAMEO country code (ISO alpha-3, or one of CAMEO's own such as "ROM") → the country.
std::optional<Country> country_by_code(std::string_view code);
// ISO's name, common name, official name, or an ICEWS/GDELT spelling → the country.
std::optional<Country> country_by_name(std::string_view name);

namespace detail {
struct CountryRow {
  std::string_view code;
  std::string_view name;
};
struct CountryName {
  std::string_view name;
  std::string_view code;
};
extern const CountryRow kCountries[];
extern const std::size_t kCountryCount;
extern const CountryName kCountryNames[];
extern const std::size_t kCountryNameCount;
extern const CountryName kCameoCodes[];
extern const std::size_t kCameoCodeCount;
}  // namespace detail

}  // namespace parley::import
