// The date texts written without snprintf (date_text.h) against the snprintf formatting they
// replaced, on every day of a wide range and on every form a FuzzyDate takes.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <string_view>

#include "parley/common/date.h"
#include "parley/common/date_text.h"

using parley::FuzzyDate;

namespace {

// printf's "%04d-%02d-%02d" of the civil date `text` names, after checking that it is the date
// `days` counts to by days_from_civil (date.h's direction, not the inverse under test).
std::string printf_iso_date(std::string_view text, std::int32_t days) {
  int year = 0, month = 0, day = 0;
  if (std::sscanf(std::string(text).c_str(), "%d-%d-%d", &year, &month, &day) != 3) return "(unreadable)";
  if (parley::days_from_civil(year, month, day) != days) return "(another day)";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

std::string printf_canonical(const FuzzyDate& date) {
  static const char* const kPrefix[] = {"", "early ", "mid ", "late "};
  char buffer[32];
  switch (date.precision()) {
    case parley::DatePrecision::kYear: std::snprintf(buffer, sizeof buffer, "%04d", date.year()); break;
    case parley::DatePrecision::kMonth: std::snprintf(buffer, sizeof buffer, "%04d-%02d", date.year(), date.month()); break;
    case parley::DatePrecision::kDay:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year(), date.month(), date.day());
      break;
  }
  return kPrefix[static_cast<int>(date.part())] + std::string(buffer);
}

std::string described(const FuzzyDate& date) {
  static const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                        "July",    "August",   "September", "October", "November", "December"};
  static const char* const kPrefix[] = {"", "early ", "mid-", "late "};
  const std::string year = std::to_string(date.year());
  switch (date.precision()) {
    case parley::DatePrecision::kYear: return kPrefix[static_cast<int>(date.part())] + year;
    case parley::DatePrecision::kMonth:
      return kPrefix[static_cast<int>(date.part())] + std::string(kMonths[date.month() - 1]) + " " + year;
    case parley::DatePrecision::kDay: return std::to_string(date.day()) + " " + kMonths[date.month() - 1] + " " + year;
  }
  return "";
}

}  // namespace

TEST_CASE("a day count is written as printf wrote it, years before 1000 and before year 1 too", "[date]") {
  // Year 1 is day -719162; year 10000 is day 2932897. Beyond them, negative and five-digit years.
  for (std::int32_t days = -1'200'000; days <= 3'100'000; days += 7) {
    const std::string text(parley::iso_date_text(days).view());
    REQUIRE(text == printf_iso_date(text, days));
  }
  for (const std::int32_t days : {0, -1, 1, -719162, -719163, 2932896, 2932897, -1'000'000'000, 1'000'000'000}) {
    INFO(days);
    const std::string text(parley::iso_date_text(days).view());
    CHECK(text == printf_iso_date(text, days));
    CHECK(parley::iso_date(days) == text);
  }
}

TEST_CASE("every form of a stated date is written as before: canonical and for people", "[date]") {
  std::size_t checked = 0;
  for (const char* prefix : {"", "early ", "mid ", "late "}) {
    for (int year : {1, 9, 10, 99, 100, 999, 1000, 1956, 2018, 2019, 9999}) {
      char text[40];
      std::snprintf(text, sizeof text, "%s%04d", prefix, year);
      const auto as_year = FuzzyDate::parse(text);
      REQUIRE(as_year);
      CHECK(parley::canonical_text(*as_year).view() == printf_canonical(*as_year));
      CHECK(parley::described_text(*as_year).view() == described(*as_year));
      for (int month = 1; month <= 12; ++month) {
        std::snprintf(text, sizeof text, "%s%04d-%02d", prefix, year, month);
        const auto as_month = FuzzyDate::parse(text);
        REQUIRE(as_month);
        CHECK(parley::canonical_text(*as_month).view() == text);
        CHECK(parley::described_text(*as_month).view() == described(*as_month));
        CHECK(as_month->describe() == described(*as_month));
        for (int day = 1; *prefix == '\0' && day <= 31; ++day) {
          std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
          const auto as_day = FuzzyDate::parse(text);
          if (!as_day) continue;  // 31 April
          CHECK(parley::canonical_text(*as_day).view() == text);
          CHECK(as_day->to_string() == text);
          CHECK(parley::described_text(*as_day).view() == described(*as_day));
          ++checked;
        }
      }
    }
  }
  CHECK(checked == 11 * 365 + 1);  // 1956 is the one leap year among them (1000 and 100 are not)
}
