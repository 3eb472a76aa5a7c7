#include <catch2/catch.hpp>

#include "parley/common/date.h"

using parley::DatePrecision;
using parley::days_from_civil;
using parley::FuzzyDate;

TEST_CASE("dates keep the precision the source gives", "[date]") {
  struct Case {
    const char* text;
    DatePrecision precision;
    const char* described;
  };
  const Case cases[] = {
      {"2018-12-01", DatePrecision::kDay, "1 December 2018"},
      {"2018-09", DatePrecision::kMonth, "September 2018"},
      {"2014", DatePrecision::kYear, "2014"},
      {"mid 2019-02", DatePrecision::kMonth, "mid-February 2019"},
      {"early 2019", DatePrecision::kYear, "early 2019"},
      {"late 2018-12", DatePrecision::kMonth, "late December 2018"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const auto date = FuzzyDate::parse(c.text);
    REQUIRE(date);
    CHECK(date->precision() == c.precision);
    CHECK(date->to_string() == c.text);
    CHECK(date->describe() == c.described);
  }
}

TEST_CASE("a date is the interval of days it may denote", "[date]") {
  const auto september = *FuzzyDate::parse("2018-09");
  CHECK(september.first_day() == days_from_civil(2018, 9, 1));
  CHECK(september.last_day() == days_from_civil(2018, 9, 30));

  const auto mid_february = *FuzzyDate::parse("mid 2019-02");
  CHECK(mid_february.first_day() == days_from_civil(2019, 2, 11));
  CHECK(mid_february.last_day() == days_from_civil(2019, 2, 20));

  const auto leap_february = *FuzzyDate::parse("late 2020-02");
  CHECK(leap_february.last_day() == days_from_civil(2020, 2, 29));

  const auto day = *FuzzyDate::parse("2019-01-14");
  CHECK(day.first_day() == day.last_day());
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(parley::iso_date(mid_february.first_day()) == "2019-02-11");
  CHECK(parley::iso_date(leap_february.last_day()) == "2020-02-29");
  CHECK(parley::iso_date(days_from_civil(1945, 8, 15)) == "1945-08-15");
  CHECK(days_from_civil(2019, 1, 15) - days_from_civil(2019, 1, 14) == 1);
}

TEST_CASE("malformed and impossible dates are rejected with a reason", "[date]") {
  const char* rejected[] = {"", "19", "2019-2", "2019-13", "2019-00", "2019-02-30", "2019-02-29",
                            "2019/02/01", "2019-02-01T10:00", "mid 2019-02-14", "Mid 2019", " 2019",
                            "2019-02-1x", "twenty"};
  for (const char* text : rejected) {
    INFO(text);
    std::string error;
    CHECK_FALSE(FuzzyDate::parse(text, &error));
    CHECK_FALSE(error.empty());
  }
  std::string error;
  FuzzyDate::parse("2019-02-30", &error);
  CHECK(error == "day 30 does not exist in February 2019");
  CHECK(FuzzyDate::parse("2020-02-29"));
}

TEST_CASE("durations are ISO 8601, optionally approximate", "[date]") {
  for (const char* ok : {"PT45M", "PT4H", "~PT4H", "P2D", "P1DT2H30M", "PT90S"}) {
    INFO(ok);
    CHECK(parley::is_valid_duration(ok));
  }
  for (const char* bad : {"", "P", "PT", "45M", "PT45", "PTM", "PT4H4H", "PT4M4H", "~", "P4H", "about 4 hours"}) {
    INFO(bad);
    CHECK_FALSE(parley::is_valid_duration(bad));
  }
}
