// Dates and times as articles write them (extract/grammar/day_time.h), on invented values.

#include "extract/grammar/day_time.h"

#include <catch2/catch.hpp>

using namespace cnkg;

TEST_CASE("A When value with an ISO date before the time range", "[day_time]") {
  auto w = ParseWhen("2025-05-14 10:00–10:30", 2025);
  REQUIRE(w);
  REQUIRE(w->date);
  CHECK(w->date->month == 5);
  CHECK(w->date->day == 14);
  CHECK(w->range == "10:00 - 10:30");
  // A date alone is no range.
  auto d = ParseWhen("2025-06-12", 2025);
  REQUIRE(d);
  CHECK(d->range.empty());
}

TEST_CASE("Words around a time are not a time line", "[day_time]") {
  auto w = ParseWhen("Wed 6 Aug 2025, 11:25-11:55 IST, Hall 2", 2025);
  REQUIRE(w);
  CHECK(w->range == "11:25 - 11:55 IST");
  CHECK(w->venue == "Hall 2");
}

TEST_CASE("Ranges written with a tilde, dates written in Korean", "[day_time]") {
  auto w = ParseWhen("10:20 ~ 11:00", 2025);
  REQUIRE(w);
  CHECK(w->range == "10:20 - 11:00");
  auto k = ParseWhen("2025년 5월 24일 14:00~14:40", 2025);
  REQUIRE(k);
  REQUIRE(k->date);
  CHECK(k->date->month == 5);
  CHECK(k->date->day == 24);
  CHECK(k->range == "14:00 - 14:40");
}

TEST_CASE("Days from a civil date and back, across leap days and years", "[day_time]") {
  CHECK(DaysFromCivil(CivilDate{1970, 1, 1}) == 0);
  CHECK(DaysFromCivil(CivilDate{2024, 3, 1}) - DaysFromCivil(CivilDate{2024, 2, 28}) == 2);
  for (long d : {-1L, 0L, 59L, 19782L, 20453L}) {
    CivilDate c = CivilFromDays(d);
    CHECK(DaysFromCivil(c) == d);
  }
  CivilDate next = NextWeekday(CivilDate{2025, 12, 30}, 3);  // Tuesday -> Thursday
  CHECK(next.year == 2026);
  CHECK(next.month == 1);
  CHECK(next.day == 1);
}
