#include "extract/grammar/day_time.h"

#include <re2/re2.h>

#include <cassert>

#include "common/strings.h"
#include "extract/grammar/cjk.h"

namespace cnkg {
namespace {

int MonthNumber(std::string_view name) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string n = AsciiLower(name);
  if (n.size() < 3) return 0;
  for (int i = 0; i < 12; ++i)
    if (n.compare(0, 3, kMonths[i]) == 0) return i + 1;
  return 0;
}

}  // namespace

std::optional<DayHeading> ParseDayHeading(std::string_view text, int year_hint) {
  if (text.size() > 240) return std::nullopt;
  std::string t = CollapseSpaces(NormalizeCjkDateTime(text));
  // "第一天 (June 10)", "1日目": days written in Chinese or Japanese.
  static const RE2 cjk_day(R"((?:第\s*[一二三四五六七八九十\d]+\s*天|\d+\s*日目))");
  assert(cjk_day.ok());
  const bool cjk_day_n = RE2::PartialMatch(t, cjk_day);
  // Trailing and surrounding brackets: "第一天 (June 10)".
  while (!t.empty() && (t.back() == ')' || t.back() == ' ')) t.pop_back();
  if (t.empty() || t.size() > 120) return std::nullopt;
  char last = t.back();
  if (last == '.' || last == ',' || last == ';' || last == '?' || last == '!') return std::nullopt;
  if (Split(t, " ").size() > 10) return std::nullopt;
  static const RE2 weekday(
      R"((?i)\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?)");
  static const RE2 day_n(R"((?i)\bday[\s-]*(?:\d+|zero|one|two|three|four|five)\b)");
  static const RE2 operations(R"((?i)\bday[\s-]*(?:\d+|zero|one|two)[\s-]+(?:operations|ops)\b)");
  static const RE2 month_day(
      R"((?i)\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+((?:19|20)\d\d)\b)?)");
  static const RE2 day_month(
      R"((?i)\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?(?:,?\s+((?:19|20)\d\d)\b)?)");
  static const RE2 iso(R"(\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b)");
  // Words that say the line is about something else than a day ("Wednesday's keynote was...").
  static const RE2 prose(R"((?i)\b(?:was|were|is|are|has|had)\b)");
  assert(weekday.ok() && day_n.ok() && operations.ok() && month_day.ok() && day_month.ok() &&
         iso.ok() && prose.ok());
  if (RE2::PartialMatch(t, operations) || RE2::PartialMatch(t, prose)) return std::nullopt;
  std::string weekday_word;
  static const RE2 weekday_capture(
      R"((?i)\b(mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b)");
  assert(weekday_capture.ok());
  bool has_weekday = RE2::PartialMatch(t, weekday);
  int weekday_index = -1;
  if (has_weekday && RE2::PartialMatch(t, weekday_capture, &weekday_word)) {
    static constexpr std::string_view kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    std::string w = AsciiLower(weekday_word).substr(0, 3);
    for (int i = 0; i < 7; ++i)
      if (w == kDays[i]) weekday_index = i;
  }
  bool has_day_n = RE2::PartialMatch(t, day_n) || cjk_day_n;
  std::string month, year, day_s;
  int day = 0, y = 0, m = 0;
  if (RE2::PartialMatch(t, month_day, &month, &day, &year)) {
    m = MonthNumber(month);
  } else if (RE2::PartialMatch(t, day_month, &day, &month, &year)) {
    m = MonthNumber(month);
  } else if (std::string ys, ms, ds; RE2::PartialMatch(t, iso, &ys, &ms, &ds)) {
    year = ys;
    m = std::stoi(ms);
    day = std::stoi(ds);
  }
  bool has_date = m >= 1 && m <= 12 && day >= 1 && day <= 31;
  if (!has_weekday && !has_day_n && !has_date) return std::nullopt;
  // A day heading says little besides the day: what is left once the day, date and weekday are
  // taken out is a few words ("Day 2 — Keynotes"), never a clock time or a field
  // ("Start Time: Wed, 02 Apr 2025 10:36:18").
  static const RE2 clock(R"(\d{1,2}:\d{2})");
  static const RE2 field(R"(^[\p{L}\s]{1,30}:\s)");
  assert(clock.ok() && field.ok());
  if (RE2::PartialMatch(t, clock) || RE2::PartialMatch(t, field)) return std::nullopt;
  std::string rest = t;
  RE2::GlobalReplace(&rest, weekday, " ");
  RE2::GlobalReplace(&rest, day_n, " ");
  RE2::GlobalReplace(&rest, month_day, " ");
  RE2::GlobalReplace(&rest, day_month, " ");
  RE2::GlobalReplace(&rest, iso, " ");
  RE2::GlobalReplace(&rest, cjk_day, " ");
  int other_words = 0;
  for (const std::string& w : Split(CollapseSpaces(rest), " ")) {
    bool letters = false;
    for (unsigned char c : w)
      if (std::isalpha(c) || c >= 0x80) letters = true;
    if (letters) ++other_words;
  }
  if (other_words > 4) return std::nullopt;
  DayHeading out;
  out.weekday = weekday_index;
  if (has_date) {
    y = year.empty() ? year_hint : std::stoi(year);
    if (y > 0) out.date = CivilDate{y, m, day};
  }
  return out;
}

long DaysFromCivil(const CivilDate& d) {
  const long y = d.year - (d.month <= 2);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(long days) {
  const long z = days + 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  CivilDate out;
  out.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  out.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  out.year = static_cast<int>(yoe + era * 400 + (out.month <= 2));
  return out;
}

CivilDate NextWeekday(const CivilDate& from, int weekday) {
  const long today = DaysFromCivil(from);
  const long monday_based = ((today % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday (3)
  const long ahead = ((weekday - monday_based) % 7 + 7) % 7;
  return CivilFromDays(today + ahead);
}

std::optional<TimeLine> ParseTimeLine(std::string_view raw) {
  std::string normal = raw.size() <= 2000 ? NormalizeCjkDateTime(raw) : std::string();
  std::string_view text = normal;
  if (raw.size() > 2000) return std::nullopt;
  static const RE2 re(
      R"((?i)^\s*((?:\d{1,2}[:.h]\d{2}|\d{1,2})\s*(?:[ap]\.?m\.?)?)\s*(?:-|–|—|~|〜|～|to|until)\s*((?:\d{1,2}[:.h]\d{2}|\d{1,2})\s*(?:[ap]\.?m\.?)?)\s*((?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?|(?:UTC|GMT|[ECMP][SD]?T|CES?T|BST|IST|JST|KST|SGT|HKT|AES[DT]|EES?T|WES?T|Z)\b)?(.*)$)");
  assert(re.ok());
  if (text.size() > 2000) return std::nullopt;
  std::string a, b, zone, rest;
  if (!RE2::FullMatch(text, re, &a, &b, &zone, &rest)) return std::nullopt;
  auto has_minutes_or_meridiem = [](const std::string& s) {
    return s.find_first_of(":.h") != std::string::npos ||
           s.find_first_of("aApP") != std::string::npos;
  };
  if (!has_minutes_or_meridiem(a) && !has_minutes_or_meridiem(b)) return std::nullopt;
  TimeLine out;
  out.range = CollapseSpaces(a) + " - " + CollapseSpaces(b) + (zone.empty() ? "" : " " + zone);
  std::string r = CollapseSpaces(rest);
  // A venue: "(Level 0 | Hall | Room J)", "| Room 3", "@ Hall B", "in Room 3".
  static const RE2 paren(R"(^\(([^()]*)\)\s*[:\-–—]?\s*(.*)$)");
  static const RE2 bar(R"(^[|@]\s*([^|:]+?)\s*(?:[:\-–—]\s+(.*))?$)");
  static const RE2 lead(R"(^[:\-–—|,]\s*(.*)$)");
  assert(paren.ok() && bar.ok() && lead.ok());
  std::string venue, tail;
  if (RE2::FullMatch(r, paren, &venue, &tail)) {
    out.venue = CollapseSpaces(venue);
    r = tail;
  } else if (RE2::FullMatch(r, bar, &venue, &tail)) {
    out.venue = CollapseSpaces(venue);
    r = tail;
  } else if (RE2::FullMatch(r, lead, &tail)) {
    r = tail;
  }
  out.rest = CollapseSpaces(r);
  return out;
}

std::optional<WhenField> ParseWhen(std::string_view text, int year_hint) {
  if (text.size() > 300) return std::nullopt;
  std::string normal = NormalizeCjkDateTime(text);
  text = normal;
  static const RE2 range(
      R"((?i)((?:\d{1,2}[:.h]\d{2}|\d{1,2})\s*(?:[ap]\.?m\.?)?\s*(?:-|–|—|~|〜|～|to)\s*(?:\d{1,2}[:.h]\d{2}|\d{1,2})\s*(?:[ap]\.?m\.?)?(?:\s*(?:(?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?|(?:UTC|GMT|[ECMP][SD]?T|CES?T|BST|IST|JST|KST|SGT|HKT|AES[DT]|EES?T|WES?T)\b))?))");
  assert(range.ok());
  std::string t = CollapseSpaces(text);
  WhenField out;
  std::string found;
  std::string before = t, after;
  // The first match that is a time range: a date ("2025-06-12") is none, so the search goes on
  // after it ("2025-05-14 10:00–10:30").
  re2::StringPiece rest(t);
  std::optional<TimeLine> line;
  std::size_t at = std::string::npos;
  for (int tries = 0; tries < 8 && RE2::FindAndConsume(&rest, range, &found); ++tries) {
    const std::size_t match_at = static_cast<std::size_t>(rest.data() - t.data()) - found.size();
    if (match_at > 0 && (std::isdigit(static_cast<unsigned char>(t[match_at - 1])) ||
                         t[match_at - 1] == '-' || t[match_at - 1] == '/'))
      continue;
    if ((line = ParseTimeLine(found))) {
      at = match_at;
      break;
    }
  }
  if (line) {
    {
      out.range = line->range;
      before = t.substr(0, at);
      after = t.substr(at + found.size());
      // "11:00-11:35, HKT, Room 421": a zone after a comma belongs to the range.
      static const RE2 zone(
          R"(^[\s,;]*((?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?|(?:UTC|GMT|[ECMP][SD]?T|CES?T|BST|IST|JST|KST|SGT|HKT|AES[DT]|EES?T|WES?T))\b(.*)$)");
      assert(zone.ok());
      std::string z, tail;
      if (line->range.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos &&
          RE2::FullMatch(after, zone, &z, &tail)) {
        out.range += " " + z;
        after = tail;
      }
    }
  }
  while (!before.empty() && (before.back() == ',' || before.back() == ';' || before.back() == ':' ||
                             before.back() == ' ' || before.back() == '-' || before.back() == '|'))
    before.pop_back();
  // No range: a start time alone ("Room 3, 11:00", "09:15 CEST").
  if (out.range.empty()) {
    static const RE2 single(
        R"((?:^|[\s,;(|/])(\d{1,2}[:.h]\d{2}(?:\s*[aApP]\.?[mM]\.?)?|\d{1,2}\s*[aApP]\.?[mM]\.?)(?:$|[\s,;)|/]))");
    static const RE2 zone_after(
        R"(^\s*((?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?|(?:UTC|GMT|[ECMP][SD]?T|CES?T|BST|IST|JST|KST|SGT|HKT|AES[DT]|EES?T|WES?T))\b)");
    assert(single.ok() && zone_after.ok());
    std::string one;
    if (RE2::PartialMatch(t, single, &one)) {
      std::size_t at = t.find(one);
      std::string zone;
      if (RE2::PartialMatch(std::string_view(t).substr(at + one.size()), zone_after, &zone))
        one = t.substr(at, t.find(zone, at + one.size()) + zone.size() - at);
      out.range = CollapseSpaces(one);
      before = t.substr(0, at);
      after = t.substr(at + one.size());
      while (!before.empty() &&
             (before.back() == ',' || before.back() == ';' || before.back() == ' ' ||
              before.back() == '-' || before.back() == '|' || before.back() == '(' ||
              before.back() == '/'))
        before.pop_back();
      // "·" is two bytes.
      if (before.size() >= 2 && before.compare(before.size() - 2, 2, "\xC2\xB7") == 0)
        before = CollapseSpaces(before.substr(0, before.size() - 2));
    }
  }
  std::optional<DayHeading> day = ParseDayHeading(before.empty() ? t : before, year_hint);
  if (day) out.date = day->date;
  if (!out.date) {
    if (auto d2 = ParseDayLine(before)) out.date = d2;
  }
  static const RE2 lead(R"(^[\s,;:|@·/\-–—]*(?:in\s+|at\s+)?(.*?)[\s,;.)\]]*$)");
  assert(lead.ok());
  std::string venue;
  if (!after.empty() && RE2::FullMatch(after, lead, &venue)) out.venue = CollapseSpaces(venue);
  // "Room 3, 11:00": a venue before the time, when that text is no date.
  if (out.venue.empty() && !before.empty() && !day && RE2::FullMatch(before, lead, &venue) &&
      !venue.empty() && Split(venue, " ").size() <= 6)
    out.venue = CollapseSpaces(venue);
  if (!out.date && out.range.empty()) return std::nullopt;
  return out;
}

}  // namespace cnkg
