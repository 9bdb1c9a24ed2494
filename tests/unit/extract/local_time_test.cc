// ISO date-times and IANA zones (grammar/local_time.h).

#include "extract/grammar/local_time.h"

#include <catch2/catch.hpp>

using namespace cnkg;

TEST_CASE("ISO date-times are read with and without an offset") {
  auto t = ParseIsoDateTime("2025-11-13T09:05:30");
  REQUIRE(t);
  CHECK(FormatIsoDateTime(t->local) == "2025-11-13T09:05:30");
  CHECK_FALSE(t->offset_seconds);
  t = ParseIsoDateTime("2025-11-13 09:05");
  REQUIRE(t);
  CHECK(FormatIsoDateTime(t->local, t->offset_seconds) == "2025-11-13T09:05:00");
  t = ParseIsoDateTime("2025-11-13T14:00:00Z");
  REQUIRE(t);
  CHECK(FormatIsoDateTime(t->local, t->offset_seconds) == "2025-11-13T14:00:00+00:00");
  t = ParseIsoDateTime("2025-11-13T09:00:00.000-05:00");
  REQUIRE(t);
  CHECK(*t->offset_seconds == -5 * 3600);
  t = ParseIsoDateTime("2025-11-13T09:00:00+0530");
  REQUIRE(t);
  CHECK(FormatIsoDateTime(t->local, t->offset_seconds) == "2025-11-13T09:00:00+05:30");
  for (const char* bad : {"2025-02-30T09:00", "2025-11-13", "13/11/2025 09:00", "2025-11-13T25:00",
                          "2025-11-13T09:00+25:00", ""})
    CHECK_FALSE(ParseIsoDateTime(bad));
}

TEST_CASE("IANA zones give the offset of a wall-clock time, daylight saving included") {
  const LocalDateTime summer{{2022, 10, 3}, 9, 10, 0}, winter{{2025, 11, 13}, 9, 0, 0};
  CHECK(ZoneOffsetSeconds("Europe/London", summer) == 3600);
  CHECK(ZoneOffsetSeconds("Europe/London", winter) == 0);
  CHECK(ZoneOffsetSeconds("America/New_York", winter) == -5 * 3600);
  CHECK(ZoneOffsetSeconds("Asia/Kolkata", winter) == 5 * 3600 + 1800);
  CHECK(ZoneOffsetSeconds("UTC", winter) == 0);
  CHECK_FALSE(ZoneOffsetSeconds("Mars/Olympus_Mons", winter));
  CHECK_FALSE(ZoneOffsetSeconds("", winter));
  CHECK(IsKnownTimeZone("Europe/Berlin"));
  CHECK_FALSE(IsKnownTimeZone("CEST"));
}

TEST_CASE("Minutes are added across days, months and years") {
  const LocalDateTime t{{2025, 12, 31}, 23, 50, 0};
  CHECK(FormatIsoDateTime(AddMinutes(t, 20)) == "2026-01-01T00:10:00");
  CHECK(FormatIsoDateTime(AddMinutes(t, -24 * 60)) == "2025-12-30T23:50:00");
}
