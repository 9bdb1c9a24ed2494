#include "extract/readers/ical.h"

#include <libical/ical.h>
#include <re2/re2.h>

#include <cassert>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>

#include "common/strings.h"
#include "extract/core/batch_writer.h"
#include "extract/grammar/description_speakers.h"
#include "extract/grammar/local_time.h"
#include "extract/grammar/sched_summary.h"
#include "extract/markup/html_text.h"
#include "extract/readers/schedule_exports.h"
#include "extract/readers/schedule_text.h"

namespace cnkg {
namespace {

struct ComponentDeleter {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using ComponentPtr = std::unique_ptr<icalcomponent, ComponentDeleter>;

// Where a VEVENT is written: its BEGIN line and the first line of each property.
struct EventLines {
  int begin = 0;
  int end = 0;
  std::map<std::string, int> properties;  // "SUMMARY" -> line
};

std::string PropertyName(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && line[n] != ':' && line[n] != ';') ++n;
  std::string name(line.substr(0, n));
  for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name;
}

// The VEVENT blocks of the text, in order. Sets `problem` (line, message) for a truncated
// calendar.
std::vector<EventLines> ScanEvents(const Document& doc, std::pair<int, std::string>& problem) {
  std::vector<EventLines> events;
  bool in_event = false;
  int last_content = 0;
  bool closed = false;
  for (std::size_t i = 0; i < doc.lines.size(); ++i) {
    const std::string_view line = doc.lines[i];
    const int line_no = static_cast<int>(i + 1);
    if (line.empty() || line[0] == ' ' || line[0] == '\t') continue;  // folded continuation
    std::string_view t = Trim(line);
    if (t.empty()) continue;
    last_content = line_no;
    closed = EqualsIgnoreCase(t, "END:VCALENDAR");
    if (EqualsIgnoreCase(t, "BEGIN:VEVENT")) {
      if (in_event && problem.first == 0)
        problem = {line_no, "a VEVENT begins inside the VEVENT of line " +
                                std::to_string(events.back().begin) + " (END:VEVENT missing)"};
      events.push_back({line_no, 0, {}});
      in_event = true;
    } else if (EqualsIgnoreCase(t, "END:VEVENT")) {
      if (in_event) events.back().end = line_no;
      in_event = false;
    } else if (in_event) {
      events.back().properties.emplace(PropertyName(t), line_no);
    }
  }
  if (problem.first == 0 && in_event) {
    problem = {last_content, "the calendar ends inside the VEVENT of line " +
                                 std::to_string(events.back().begin) +
                                 " (truncated? expected END:VEVENT and END:VCALENDAR)"};
  } else if (problem.first == 0 && !closed) {
    problem = {last_content, "the calendar does not end with END:VCALENDAR (truncated?)"};
  }
  return events;
}

// A string libical gives back. Its TEXT unescaper works on bytes: a backslash before a
// non-ASCII character ("\\é") loses the character's first byte, which leaves bytes that are not
// UTF-8; those become U+FFFD, so the graph holds text only.
std::string Text(const char* s) { return s ? SafeUtf8(s) : std::string(); }

// The event a calendar names: X-WR-CALNAME when it is a name with spaces, else the PRODID owner of
// a tool that names the event after itself ("-//Sched.com Event Name 2026//EN").
std::string CalendarEventName(icalcomponent* calendar) {
  std::string calname;
  for (icalproperty* p = icalcomponent_get_first_property(calendar, ICAL_X_PROPERTY); p;
       p = icalcomponent_get_next_property(calendar, ICAL_X_PROPERTY)) {
    if (EqualsIgnoreCase(Text(icalproperty_get_x_name(p)), "X-WR-CALNAME"))
      calname = CollapseSpaces(Text(icalproperty_get_x(p)));
  }
  if (calname.find(' ') != std::string::npos) return calname;
  icalproperty* prodid = icalcomponent_get_first_property(calendar, ICAL_PRODID_PROPERTY);
  if (prodid == nullptr) return "";
  static const RE2 re(R"(^-//([A-Za-z0-9-]+\.[a-z]{2,})\s+([^/]+)//[A-Za-z-]*$)");
  assert(re.ok());
  std::string tool, name;
  if (RE2::FullMatch(Text(icalproperty_get_prodid(prodid)), re, &tool, &name))
    return CollapseSpaces(name);
  return "";
}

struct EventTime {
  std::string iso;      // ISO 8601; with offset when known
  std::string date;     // "2026-05-12" for an all-day event (VALUE=DATE)
  std::string warning;  // why the time is not placed
};

EventTime ReadTime(icaltimetype t, const char* tzid, const std::string& fallback_zone) {
  EventTime out;
  if (icaltime_is_null_time(t) || !icaltime_is_valid_time(t)) return out;
  char buf[16];
  if (t.is_date) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
    out.date = buf;
    return out;
  }
  const LocalDateTime local{{t.year, t.month, t.day}, t.hour, t.minute, t.second};
  std::optional<int> offset;
  if (icaltime_is_utc(t)) {
    offset = 0;
  } else if (t.zone != nullptr) {
    int is_daylight = 0;
    offset = icaltimezone_get_utc_offset(const_cast<icaltimezone*>(t.zone), &t, &is_daylight);
  } else if (tzid != nullptr) {
    offset = ZoneOffsetSeconds(tzid, local);
    if (!offset)
      out.warning = "unknown time zone '" + std::string(tzid) + "'; times kept as local times";
  } else if (!fallback_zone.empty()) {
    offset = ZoneOffsetSeconds(fallback_zone, local);
  }
  out.iso = FormatIsoDateTime(local, offset);
  return out;
}

const char* TzidOf(icalproperty* p) {
  if (p == nullptr) return nullptr;
  icalparameter* param = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
  return param ? icalparameter_get_tzid(param) : nullptr;
}

// The first value of the first CATEGORIES property: sched writes one category; others write a
// comma-separated list.
std::string FirstCategory(icalcomponent* event) {
  icalproperty* p = icalcomponent_get_first_property(event, ICAL_CATEGORIES_PROPERTY);
  if (p == nullptr) return "";
  return CollapseSpaces(Text(icalproperty_get_categories(p)));
}

// One VEVENT as the reader keeps it before writing.
struct Session {
  TalkRecord talk;
  int line = 0;
  int description_line = 0;
  std::string uid;
  std::string description;
};

}  // namespace

int RecogniseICalendar(const Document& doc) { return LooksLikeICalendar(doc.text) ? 95 : 0; }

Result<ExtractionBatch> ExtractICalendar(const Document& doc, const Gazetteer& gazetteer) {
  if (!LooksLikeICalendar(doc.text)) return NotThisExport(doc, ScheduleExport::kICalendar);
  std::pair<int, std::string> problem;
  const std::vector<EventLines> blocks = ScanEvents(doc, problem);
  if (problem.first != 0)
    return Status::ParseError(doc.path + ":" + std::to_string(problem.first) + ": " +
                              problem.second);
  if (blocks.empty())
    return Status::ParseError(doc.path + ": a calendar without any VEVENT (no sessions to read)");

  BatchWriter out(doc, "ical", gazetteer);
  std::vector<Session> sessions;
  std::string calendar_name;
  {
    // libical's globals need the lock; it is released before the sessions are written, so that
    // calendars are written on several threads at once.
    std::lock_guard<std::recursive_mutex> lock(LibicalMutex());
    ComponentPtr root(icalparser_parse_string(doc.text.c_str()));
    if (root == nullptr)
      return Status::ParseError(doc.path + ":1: not a calendar libical can read (" +
                                std::string(icalerror_strerror(icalerrno)) + ")");
    icalcomponent* calendar = root.get();
    if (icalcomponent_isa(calendar) == ICAL_XROOT_COMPONENT)
      calendar = icalcomponent_get_first_component(calendar, ICAL_VCALENDAR_COMPONENT);
    if (calendar == nullptr || icalcomponent_isa(calendar) != ICAL_VCALENDAR_COMPONENT)
      return Status::ParseError(doc.path + ":1: expected BEGIN:VCALENDAR at the top level");

    std::size_t index = 0;
    std::set<std::string> zone_warnings;
    bool floating_warned = false;
    for (icalcomponent* ev = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); ev;
         ev = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT), ++index) {
      const EventLines lines = index < blocks.size() ? blocks[index] : EventLines{};
      auto line_of = [&](const char* property) {
        auto it = lines.properties.find(property);
        return it == lines.properties.end() ? lines.begin : it->second;
      };
      Session s;
      s.line = line_of("SUMMARY");
      const std::string summary = CollapseSpaces(Text(icalcomponent_get_summary(ev)));
      if (summary.empty()) {
        out.Warn(lines.begin, "VEVENT without a SUMMARY; skipped");
        continue;
      }
      SchedSummary split = SplitSchedSummary(summary);
      TalkRecord& t = s.talk;
      t.title = split.title;
      if (!split.label.empty()) t.properties["event_label"] = split.label;
      t.evidence = {"", s.line, "SUMMARY:" + summary};
      for (HeadingSpeaker& h : split.speakers)
        t.speakers.push_back({std::move(h.name), std::move(h.job_title), std::move(h.organization),
                              std::move(h.organization_aliases)});

      icalproperty* start_prop = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
      // libical drops a DTSTART it cannot read (an X-LIC-ERROR takes its place).
      if (start_prop == nullptr && lines.properties.count("DTSTART"))
        out.Warn(line_of("DTSTART"),
                 "DTSTART of '" + t.title + "' is not a date-time; time skipped");
      if (start_prop != nullptr) {
        EventTime start =
            ReadTime(icalcomponent_get_dtstart(ev), TzidOf(start_prop), doc.time_zone);
        EventTime end = ReadTime(icalcomponent_get_dtend(ev),
                                 TzidOf(icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY)),
                                 doc.time_zone);
        if (!start.warning.empty() && zone_warnings.insert(start.warning).second)
          out.Warn(line_of("DTSTART"), start.warning);
        if (!start.date.empty()) t.properties["date"] = start.date;
        if (start.iso.empty() && start.date.empty()) {
          out.Warn(line_of("DTSTART"),
                   "DTSTART of '" + t.title + "' is not a date-time; time skipped");
        }
        t.start = start.iso;
        if (!t.start.empty()) t.end = end.iso;
        if (!t.start.empty() && TzidOf(start_prop) == nullptr &&
            !icaltime_is_utc(icalcomponent_get_dtstart(ev)) && doc.time_zone.empty() &&
            !floating_warned) {
          floating_warned = true;
          out.Warn(line_of("DTSTART"),
                   "times without a zone (floating); kept as local times (give --timezone ZONE to "
                   "place them)");
        }
      }
      if (const std::string location = Text(icalcomponent_get_location(ev)); !location.empty()) {
        Venue v = ParseVenue(CollapseSpaces(location));
        if (!v.room.empty()) {
          t.room = RoomRecord{v.room, v.building, v.level, v.area, v.city};
          t.room_evidence = {"", line_of("LOCATION"), "LOCATION:" + CollapseSpaces(location)};
        }
      }
      if (std::string track = FirstCategory(ev); !track.empty()) {
        t.track = track;
        t.track_evidence = {"", line_of("CATEGORIES"), "CATEGORIES:" + track};
      }
      if (icalproperty* url = icalcomponent_get_first_property(ev, ICAL_URL_PROPERTY))
        t.url = Trim(Text(icalproperty_get_url(url)));
      s.uid = Trim(Text(icalcomponent_get_uid(ev)));
      if (!s.uid.empty()) t.properties["uid"] = s.uid;
      s.description = HtmlToText(Text(icalcomponent_get_description(ev)));
      s.description_line = line_of("DESCRIPTION");
      if (!s.description.empty()) t.description = s.description;
      // Calendars that keep speakers out of the title name them in the description.
      if (t.speakers.empty() && !s.description.empty()) {
        for (HeadingSpeaker& h : SpeakersInDescription(s.description))
          t.speakers.push_back({std::move(h.name), std::move(h.job_title),
                                std::move(h.organization), std::move(h.organization_aliases)});
        if (!t.speakers.empty())
          t.speakers_evidence = {"", s.description_line, "DESCRIPTION:" + s.description};
      }
      sessions.push_back(std::move(s));
    }
    calendar_name = CalendarEventName(calendar);
  }
  if (sessions.empty())
    return Status::ParseError(doc.path + ": no VEVENT with a SUMMARY (no sessions to read)");

  if (!calendar_name.empty()) {
    int year_hint = 0;
    for (const Session& s : sessions)
      if (s.talk.start.size() >= 4) {
        year_hint = std::stoi(s.talk.start.substr(0, 4));
        break;
      }
    out.SetDocumentEvent(out.AddEvent(calendar_name, 1, calendar_name, year_hint));
  }

  // Software a session defines ("kfoo, an open source tool for ...") is a project everywhere.
  for (const Session& s : sessions)
    out.AddLocalProjects(out.UnknownDefinedProjects(s.talk.title + ".\n" + s.description));
  // Sessions that share a title stay apart by their start, then by their UID.
  SlotKeys slots;
  for (const Session& s : sessions) slots.Count(s.talk);
  for (Session& s : sessions) {
    s.talk.key_suffix = slots.SuffixFor(s.talk, s.uid.empty() ? std::to_string(s.line) : s.uid);
    const std::string key = out.AddTalk(s.talk);
    out.AddMentions(s.talk.title, key, s.line, s.description);
    if (!s.description.empty()) out.AddMentions(s.description, key, s.description_line);
  }
  return out.Finish();
}

}  // namespace cnkg
