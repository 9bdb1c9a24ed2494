#ifndef CNKG_EXTRACT_GRAMMAR_DAY_TIME_H_
#define CNKG_EXTRACT_GRAMMAR_DAY_TIME_H_

#include <optional>
#include <string>
#include <string_view>

#include "extract/grammar/schedule_time.h"

namespace cnkg {

// Days and times as articles write them above the talks they apply to: day headings
// ("### Wednesday 2nd of April", "Day 2 — Thursday", "Tuesday, March 19, 2024") and time lines
// ("15:15 - 15:45 (Level 0 | Hall | Room J)", "14:00–14:30 CET", "9:00am - 9:30am EST").

// A day heading: the text names a day (a weekday, "Day 2", a date) and little else.
struct DayHeading {
  // The date, when the text gives a month and a day and the year is written or `year_hint` is
  // known. A weekday alone ("Wednesday", "Day 2") gives none.
  std::optional<CivilDate> date;
  // The weekday it names, 0 for Monday to 6 for Sunday; -1 when it names none.
  int weekday = -1;
};

// The date of the first `weekday` (0 Monday .. 6 Sunday) on or after `from`.
CivilDate NextWeekday(const CivilDate& from, int weekday);

// Days since 1970-01-01 of a proleptic Gregorian date, and back (Howard Hinnant's civil-date
// algorithms). Exact for any year that fits an int.
long DaysFromCivil(const CivilDate& d);
CivilDate CivilFromDays(long days);

// Reads `text` as a day heading: at most ten words, no sentence punctuation at the end, and a
// weekday, "Day N" or a month with a day number ("19th of March", "March 19", "12 June 2025",
// "2025-06-12"). "Day 2 Operations" is a topic, not a day. `year_hint` (0 if unknown) completes
// dates written without a year. Returns nullopt for anything else.
std::optional<DayHeading> ParseDayHeading(std::string_view text, int year_hint);

// A time range at the start of a text unit.
struct TimeLine {
  // The range as ParseSessionTime (schedule_time.h) reads it: "10:30 - 10:37 CET".
  std::string range;
  // A venue given with it ("(Level 0 | Hall | Room J)", "| Room 3", "@ Hall B"), without the
  // brackets; empty when none.
  std::string venue;
  // What follows the range and venue: a title ("10:30 - 11:00: Opening Keynote" -> "Opening
  // Keynote"), or "" when the unit is a time line on its own.
  std::string rest;
};

// Reads a time range ("10:30 - 10:37 CET", "14:00–14:30", "9am - 9:30am PDT") at the start of
// `text`, then an optional venue and the rest. A range needs a start and an end with minutes or
// am/pm. Returns nullopt when `text` does not start with one.
std::optional<TimeLine> ParseTimeLine(std::string_view text);

// A "When:" value: "Wed 6 Aug 2025, 11:25-11:55 IST, Hall 2", "Thursday 14:00–14:30 CET",
// "June 12, 2025". Any of its parts may be missing.
struct WhenField {
  std::optional<CivilDate> date;  // with `year_hint` when the text gives no year
  std::string range;              // as TimeLine::range; empty when there is no time range
  std::string venue;              // what follows the time ("Hall 2"); may be empty
};

// Reads a "When:"-style value: a time range anywhere in it, a date in the text around it, and a
// venue after it. nullopt when it holds neither a date nor a time range.
std::optional<WhenField> ParseWhen(std::string_view text, int year_hint);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_GRAMMAR_DAY_TIME_H_
