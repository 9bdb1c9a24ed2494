#include "extract/grammar/schedule_time.h"

#include <re2/re2.h>

#include <cassert>
#include <cstdio>

#include "common/strings.h"

namespace cnkg {
namespace {

int MonthFromName(std::string_view name) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string n = AsciiLower(name);
  if (n.size() < 3) return 0;
  for (int i = 0; i < 12; ++i)
    if (n.compare(0, 3, kMonths[i]) == 0) return i + 1;
  return 0;
}

bool ValidDate(const CivilDate& d) {
  return d.year >= 1970 && d.year <= 2200 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= 31;
}

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

CivilDate NextDay(CivilDate d) {
  if (++d.day > DaysInMonth(d.year, d.month)) {
    d.day = 1;
    if (++d.month > 12) {
      d.month = 1;
      ++d.year;
    }
  }
  return d;
}

struct ClockTime {
  int hour = -1;
  int minute = 0;
  std::string meridiem;  // "am", "pm" or ""
  std::string zone;
};

std::optional<ClockTime> ParseClock(std::string_view s) {
  static const RE2 re(
      R"((?i)^\s*(\d{1,2})(?:[:.h](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?\s*((?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[A-Za-z]{2,5})?\s*$)");
  assert(re.ok());
  std::string h, m, mer, zone;
  if (!RE2::FullMatch(s, re, &h, &m, &mer, &zone)) return std::nullopt;
  ClockTime t;
  t.hour = std::stoi(h);
  t.minute = m.empty() ? 0 : std::stoi(m);
  if (!mer.empty()) t.meridiem = AsciiLower(mer).substr(0, 1) == "a" ? "am" : "pm";
  t.zone = zone;
  if (t.minute > 59 || t.hour > 23 || (!t.meridiem.empty() && (t.hour < 1 || t.hour > 12)))
    return std::nullopt;
  return t;
}

int To24(int hour, const std::string& meridiem) {
  if (meridiem == "am") return hour == 12 ? 0 : hour;
  if (meridiem == "pm") return hour == 12 ? 12 : hour + 12;
  return hour;
}

std::string FormatOffset(int minutes) {
  char buf[16];
  int a = minutes < 0 ? -minutes : minutes;
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", minutes < 0 ? '-' : '+', a / 60, a % 60);
  return buf;
}

std::string FormatIso(const CivilDate& d, int minutes_of_day, std::optional<int> offset) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:00", d.year, d.month, d.day,
                minutes_of_day / 60, minutes_of_day % 60);
  std::string out = buf;
  if (offset) out += FormatOffset(*offset);
  return out;
}

}  // namespace

std::optional<CivilDate> ParseDayLine(std::string_view line) {
  std::string s(Trim(line));
  while (!s.empty() && (s.back() == '#' || s.back() == ' ')) s.pop_back();
  static const RE2 named(
      R"((?i)^(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$)");
  static const RE2 day_first(
      R"((?i)^(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})$)");
  static const RE2 iso(R"(^(?:[A-Za-z]+,?\s+)?(\d{4})-(\d{2})-(\d{2})$)");
  assert(named.ok() && day_first.ok() && iso.ok());
  CivilDate d;
  std::string month;
  if (RE2::FullMatch(s, named, &month, &d.day, &d.year)) {
    d.month = MonthFromName(month);
  } else if (RE2::FullMatch(s, day_first, &d.day, &month, &d.year)) {
    d.month = MonthFromName(month);
  } else if (!RE2::FullMatch(s, iso, &d.year, &d.month, &d.day)) {
    return std::nullopt;
  }
  if (!ValidDate(d) || d.day > DaysInMonth(d.year, d.month)) return std::nullopt;
  return d;
}

std::optional<int> ZoneOffsetMinutes(std::string_view zone, bool china) {
  std::string z = CollapseSpaces(zone);
  for (char& c : z)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  static const RE2 numeric(R"(^(?:UTC|GMT)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$)");
  assert(numeric.ok());
  std::string sign, h, m;
  if (RE2::FullMatch(z, numeric, &sign, &h, &m)) {
    int minutes = std::stoi(h) * 60 + (m.empty() ? 0 : std::stoi(m));
    if (minutes > 14 * 60) return std::nullopt;
    return sign == "-" ? -minutes : minutes;
  }
  if (z == "CST" && china) return 8 * 60;
  struct Zone {
    std::string_view name;
    int minutes;
  };
  static constexpr Zone kZones[] = {
      {"UTC", 0},     {"GMT", 0},     {"Z", 0},      {"WET", 0},    {"WEST", 60},  {"BST", 60},
      {"IST", 330},   {"CET", 60},    {"CEST", 120}, {"MET", 60},   {"MEST", 120}, {"EET", 120},
      {"EEST", 180},  {"MSK", 180},   {"GST", 240},  {"PKT", 300},  {"SGT", 480},  {"HKT", 480},
      {"PHT", 480},   {"AWST", 480},  {"JST", 540},  {"KST", 540},  {"ACST", 570}, {"ACDT", 630},
      {"AEST", 600},  {"AEDT", 660},  {"NZST", 720}, {"NZDT", 780}, {"EST", -300}, {"EDT", -240},
      {"CST", -360},  {"CDT", -300},  {"MST", -420}, {"MDT", -360}, {"PST", -480}, {"PDT", -420},
      {"AKST", -540}, {"AKDT", -480}, {"HST", -600}, {"AST", -240}, {"ADT", -180}, {"NST", -210},
      {"NDT", -150},  {"BRT", -180},  {"ART", -180}, {"CLT", -240}, {"COT", -300}, {"PET", -300},
  };
  for (const Zone& e : kZones)
    if (e.name == z) return e.minutes;
  return std::nullopt;
}

Result<SessionTime> ParseSessionTime(std::string_view value, const CivilDate& date, bool china,
                                     std::optional<int> local_offset) {
  std::string v = CollapseSpaces(value);
  // Split the range on a dash (ASCII, en or em dash) or " to ".
  static const RE2 range(R"(^(.*?\S)\s*(?:-|–|—|\bto\b)\s*(\S.*)$)");
  assert(range.ok());
  std::string a, b;
  if (!RE2::FullMatch(v, range, &a, &b)) {
    // A start time alone ("11:00 CEST"): the session's end is not known.
    auto start = ParseClock(v);
    if (!start || (start->minute == 0 && start->meridiem.empty() &&
                   v.find_first_of(":.h") == std::string::npos)) {
      return Status::ParseError("cannot read the time range '" + v +
                                "' (expected e.g. '9:00am EST - 9:30am EST')");
    }
    SessionTime out;
    std::optional<int> offset;
    if (!start->zone.empty()) {
      offset = ZoneOffsetMinutes(start->zone, china);
      if (!offset)
        out.warning = "unknown time zone '" + start->zone + "'; times kept without a UTC offset";
    } else if (local_offset) {
      offset = local_offset;
    } else {
      out.warning = "no time zone given; times kept without a UTC offset";
    }
    out.start = FormatIso(date, To24(start->hour, start->meridiem) * 60 + start->minute, offset);
    return out;
  }
  auto start = ParseClock(a);
  auto end = ParseClock(b);
  if (!start || !end) {
    return Status::ParseError("cannot read the time range '" + v +
                              "' (expected e.g. '9:00am EST - 9:30am EST')");
  }
  if (start->meridiem.empty() && !end->meridiem.empty() && start->hour <= 12) {
    start->meridiem = end->meridiem;
    if (To24(start->hour, start->meridiem) > To24(end->hour, end->meridiem) &&
        end->meridiem == "pm")
      start->meridiem = "am";
  }
  std::string zone = !start->zone.empty() ? start->zone : end->zone;
  SessionTime out;
  std::optional<int> offset;
  if (!zone.empty()) {
    offset = ZoneOffsetMinutes(zone, china);
    if (!offset) out.warning = "unknown time zone '" + zone + "'; times kept without a UTC offset";
  } else if (local_offset) {
    offset = local_offset;
  } else {
    out.warning = "no time zone given; times kept without a UTC offset";
  }
  int s = To24(start->hour, start->meridiem) * 60 + start->minute;
  int e = To24(end->hour, end->meridiem) * 60 + end->minute;
  out.start = FormatIso(date, s, offset);
  out.end = FormatIso(e < s ? NextDay(date) : date, e, offset);
  return out;
}

}  // namespace cnkg
