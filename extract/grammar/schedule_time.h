#ifndef CNKG_EXTRACT_GRAMMAR_SCHEDULE_TIME_H_
#define CNKG_EXTRACT_GRAMMAR_SCHEDULE_TIME_H_

#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace cnkg {

// A calendar date as read from a schedule's day line.
struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
};

// Parses a day line such as "Thursday, November 13, 2025", "Thu Nov 13 2025", "13 November 2025"
// or "2025-11-13" (a trailing '#' is ignored). Returns nullopt when the line is not a date.
std::optional<CivilDate> ParseDayLine(std::string_view line);

// UTC offset in minutes of a time-zone abbreviation (EST, CEST, JST, UTC+8, GMT-03:00 ...).
// `china` selects China Standard Time (+08:00) for the ambiguous "CST" instead of US Central.
// Returns nullopt for an unknown zone.
std::optional<int> ZoneOffsetMinutes(std::string_view zone, bool china);

// The start and end of a session. `start`/`end` are ISO 8601 with the UTC offset
// ("2025-11-13T08:00:00-05:00"), or without an offset when the zone is unknown (then `warning`
// says so). An end earlier than the start is taken to be on the next day.
struct SessionTime {
  std::string start;
  std::string end;
  std::string warning;
};

// Parses a Time: value such as "8:00am EST - 4:00pm EST", "13:00 - 14:30 CET",
// "11:30 - 1:00pm PDT" or "9am-10am" on the given date, or a start time alone ("11:00 CEST",
// then `end` is empty). When the value names no time zone, the times get `local_offset` (minutes
// east of UTC: the event's local time) if given, else no offset and a warning. Fails with
// kParseError (message without file and line, which the caller adds) when no time range can be
// read.
Result<SessionTime> ParseSessionTime(std::string_view value, const CivilDate& date, bool china,
                                     std::optional<int> local_offset = std::nullopt);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_GRAMMAR_SCHEDULE_TIME_H_
