#include "extract/grammar/local_time.h"

#include <libical/ical.h>
#include <re2/re2.h>

#include <cassert>
#include <cstdio>
#include <mutex>

#include "extract/grammar/day_time.h"

namespace cnkg {

std::recursive_mutex& LibicalMutex() {
  static std::recursive_mutex m;
  return m;
}

namespace {

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
  return kDays[month - 1];
}

bool Valid(const LocalDateTime& t) {
  const CivilDate& d = t.date;
  return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= DaysInMonth(d.year, d.month) && t.hour >= 0 && t.hour <= 23 && t.minute >= 0 &&
         t.minute <= 59 && t.second >= 0 && t.second <= 60;
}

icaltimezone* FindZone(std::string_view zone) {
  if (zone.empty() || zone.size() > 64) return nullptr;
  const std::string name(zone);
  if (name == "UTC" || name == "Etc/UTC" || name == "GMT") return icaltimezone_get_utc_timezone();
  return icaltimezone_get_builtin_timezone(name.c_str());
}

}  // namespace

std::optional<WrittenDateTime> ParseIsoDateTime(std::string_view text) {
  static const RE2 re(
      R"(^\s*(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*)"
      R"((Z|[+-]\d{2}(?::?\d{2})?)?\s*$)");
  assert(re.ok());
  int y, mo, d, h, mi;
  std::string s, z;
  if (!RE2::FullMatch(text, re, &y, &mo, &d, &h, &mi, &s, &z)) return std::nullopt;
  WrittenDateTime w;
  w.local = {{y, mo, d}, h, mi, s.empty() ? 0 : std::stoi(s)};
  if (!Valid(w.local)) return std::nullopt;
  if (z == "Z") {
    w.offset_seconds = 0;
  } else if (!z.empty()) {
    const int sign = z[0] == '-' ? -1 : 1;
    const int oh = std::stoi(z.substr(1, 2));
    std::string rest = z.substr(3);
    if (!rest.empty() && rest[0] == ':') rest.erase(0, 1);
    const int om = rest.empty() ? 0 : std::stoi(rest);
    if (oh > 18 || om > 59) return std::nullopt;
    w.offset_seconds = sign * (oh * 3600 + om * 60);
  }
  return w;
}

std::optional<int> ZoneOffsetSeconds(std::string_view zone, const LocalDateTime& local) {
  std::lock_guard<std::recursive_mutex> lock(LibicalMutex());
  icaltimezone* tz = FindZone(zone);
  if (tz == nullptr) return std::nullopt;
  icaltimetype t = icaltime_null_time();
  t.year = local.date.year;
  t.month = local.date.month;
  t.day = local.date.day;
  t.hour = local.hour;
  t.minute = local.minute;
  t.second = local.second;
  int is_daylight = 0;
  return icaltimezone_get_utc_offset(tz, &t, &is_daylight);
}

bool IsKnownTimeZone(std::string_view zone) {
  std::lock_guard<std::recursive_mutex> lock(LibicalMutex());
  return FindZone(zone) != nullptr;
}

std::string FormatIsoDateTime(const LocalDateTime& t, std::optional<int> offset_seconds) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", t.date.year, t.date.month,
                t.date.day, t.hour, t.minute, t.second);
  std::string out = buf;
  if (offset_seconds) {
    const int off = *offset_seconds;
    const int a = off < 0 ? -off : off;
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", off < 0 ? '-' : '+', a / 3600, (a / 60) % 60);
    out += buf;
  }
  return out;
}

LocalDateTime AddMinutes(const LocalDateTime& t, long minutes) {
  const long total = DaysFromCivil(t.date) * 1440 + t.hour * 60 + t.minute + minutes;
  const long days = total >= 0 ? total / 1440 : (total - 1439) / 1440;
  const int rest = static_cast<int>(total - days * 1440);
  return {CivilFromDays(days), rest / 60, rest % 60, t.second};
}

}  // namespace cnkg
