#ifndef CNKG_EXTRACT_GRAMMAR_LOCAL_TIME_H_
#define CNKG_EXTRACT_GRAMMAR_LOCAL_TIME_H_

#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "extract/grammar/schedule_time.h"

namespace cnkg {

// libical keeps its parser state and its built-in time-zone table in unsynchronised globals:
// every call into libical, from any file, holds this mutex (it is recursive, so code that holds
// it may call the functions below).
std::recursive_mutex& LibicalMutex();

// Date-times as schedule exports write them ("2025-11-13T09:00:00", "2025-11-13 09:00",
// "2025-11-13T14:00:00Z", "2025-11-13T09:00:00-05:00") and the IANA time zones ("Europe/Berlin")
// that place a local time. Zone rules come from the tz database libical carries (the system's
// zoneinfo on Debian).

// A wall-clock time without a zone.
struct LocalDateTime {
  CivilDate date;
  int hour = 0, minute = 0, second = 0;
};

// A date-time as written: its wall-clock time and, when the text gives one, its UTC offset.
struct WrittenDateTime {
  LocalDateTime local;
  std::optional<int> offset_seconds;  // "Z" is 0; none when the text has no offset
};

// Reads an ISO 8601 date-time: a date, 'T' or a space, hours and minutes, optional seconds and
// fraction (dropped), then an optional "Z", "+01:00", "+0100" or "+01". Returns nullopt for
// anything else, including impossible dates and times.
std::optional<WrittenDateTime> ParseIsoDateTime(std::string_view text);

// The UTC offset in seconds of wall-clock time `local` in the IANA zone `zone`, daylight saving
// included; nullopt when the zone is not known. Never fails otherwise.
std::optional<int> ZoneOffsetSeconds(std::string_view zone, const LocalDateTime& local);

// True when `zone` names an IANA time zone ("Europe/Berlin", "UTC").
bool IsKnownTimeZone(std::string_view zone);

// "2025-11-13T09:00:00-05:00" (or without the offset when `offset_seconds` is nullopt). An
// offset of zero is written "+00:00".
std::string FormatIsoDateTime(const LocalDateTime& local,
                              std::optional<int> offset_seconds = std::nullopt);

// `local` moved by `minutes` (negative allowed), across days, months and years.
LocalDateTime AddMinutes(const LocalDateTime& local, long minutes);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_GRAMMAR_LOCAL_TIME_H_
