#include "extract/grammar/schedule_time.h"

#include <catch2/catch.hpp>

using namespace cnkg;

TEST_CASE("Day lines in several layouts") {
  auto d = ParseDayLine("Thursday, November 13, 2025#");
  REQUIRE(d);
  CHECK(d->year == 2025);
  CHECK(d->month == 11);
  CHECK(d->day == 13);
  CHECK(ParseDayLine("Tue Mar 24 2026"));
  CHECK(ParseDayLine("24 March 2026")->month == 3);
  CHECK(ParseDayLine("Wednesday 2nd April 2025")->day == 2);
  CHECK(ParseDayLine("2026-03-24")->day == 24);
  CHECK_FALSE(ParseDayLine("KubeCon + CloudNativeCon 2025#"));
  CHECK_FALSE(ParseDayLine("February 30, 2026"));
  CHECK_FALSE(ParseDayLine("Coffee Break#"));
}

TEST_CASE("Zone abbreviations become offsets") {
  CHECK(ZoneOffsetMinutes("EST", false) == -300);
  CHECK(ZoneOffsetMinutes("edt", false) == -240);
  CHECK(ZoneOffsetMinutes("CST", false) == -360);
  CHECK(ZoneOffsetMinutes("CST", true) == 480);
  CHECK(ZoneOffsetMinutes("CEST", false) == 120);
  CHECK(ZoneOffsetMinutes("IST", false) == 330);
  CHECK(ZoneOffsetMinutes("JST", false) == 540);
  CHECK(ZoneOffsetMinutes("BST", false) == 60);
  CHECK(ZoneOffsetMinutes("UTC+8", false) == 480);
  CHECK(ZoneOffsetMinutes("GMT-03:30", false) == -210);
  CHECK_FALSE(ZoneOffsetMinutes("XYZ", false));
}

TEST_CASE("Time ranges become ISO 8601 with the offset") {
  CivilDate day{2025, 11, 13};
  auto t = ParseSessionTime("8:00am EST - 4:00pm EST", day, false);
  REQUIRE(t.ok());
  CHECK(t->start == "2025-11-13T08:00:00-05:00");
  CHECK(t->end == "2025-11-13T16:00:00-05:00");
  CHECK(t->warning.empty());

  auto noon = ParseSessionTime("12:15pm CET - 1:30pm CET", day, false);
  CHECK(noon->start == "2025-11-13T12:15:00+01:00");
  CHECK(noon->end == "2025-11-13T13:30:00+01:00");

  auto h24 = ParseSessionTime("13:00 - 14:30 CEST", day, false);
  CHECK(h24->start == "2025-11-13T13:00:00+02:00");

  auto shared = ParseSessionTime("11:30 - 1:00pm PDT", day, false);
  CHECK(shared->start == "2025-11-13T11:30:00-07:00");
  CHECK(shared->end == "2025-11-13T13:00:00-07:00");

  auto china = ParseSessionTime("9:00am CST - 9:30am CST", day, true);
  CHECK(china->start == "2025-11-13T09:00:00+08:00");

  auto midnight = ParseSessionTime("11:00pm JST - 1:00am JST", CivilDate{2025, 12, 31}, false);
  CHECK(midnight->end == "2026-01-01T01:00:00+09:00");
}

TEST_CASE("A time with no zone takes the event's local offset when one is known") {
  CivilDate day{2025, 4, 2};
  auto t = ParseSessionTime("15:15 - 15:45", day, false, 60);
  REQUIRE(t.ok());
  CHECK(t->start == "2025-04-02T15:15:00+01:00");
  CHECK(t->end == "2025-04-02T15:45:00+01:00");
  CHECK(t->warning.empty());
  auto single = ParseSessionTime("11:00", day, false, -300);
  CHECK(single->start == "2025-04-02T11:00:00-05:00");
  // A zone written in the text wins.
  CHECK(ParseSessionTime("15:15 - 15:45 CEST", day, false, 60)->start ==
        "2025-04-02T15:15:00+02:00");
  auto none = ParseSessionTime("15:15 - 15:45", day, false);
  CHECK(none->start == "2025-04-02T15:15:00");
  CHECK(none->warning == "no time zone given; times kept without a UTC offset");
}

TEST_CASE("An unknown zone is a warning and the time keeps no offset") {
  auto t = ParseSessionTime("9:00am XYZ - 9:30am XYZ", CivilDate{2026, 3, 24}, false);
  REQUIRE(t.ok());
  CHECK(t->start == "2026-03-24T09:00:00");
  CHECK(t->warning == "unknown time zone 'XYZ'; times kept without a UTC offset");
}

TEST_CASE("An unreadable time is an error value") {
  auto t = ParseSessionTime("after lunch", CivilDate{2026, 3, 24}, false);
  REQUIRE_FALSE(t.ok());
  CHECK(t.status().message() ==
        "cannot read the time range 'after lunch' (expected e.g. '9:00am EST - 9:30am EST')");
  CHECK_FALSE(ParseSessionTime("25:00 - 26:00 UTC", CivilDate{2026, 3, 24}, false).ok());
}
