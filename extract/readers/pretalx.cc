#include "extract/readers/pretalx.h"

#include <re2/re2.h>

#include <cassert>
#include <map>
#include <optional>

#include "common/strings.h"
#include "extract/core/batch_writer.h"
#include "extract/grammar/local_time.h"
#include "extract/readers/pretalx_schedule.h"
#include "extract/readers/schedule_exports.h"

namespace cnkg {
namespace pretalx {
namespace {

// "10:00", "9:30", "10:00:00" -> hours and minutes since midnight.
std::optional<int> ClockMinutes(std::string_view text) {
  static const RE2 re(R"(^\s*(\d{1,2}):(\d{2})(?::\d{2})?\s*$)");
  assert(re.ok());
  int h = 0, m = 0;
  if (!RE2::FullMatch(text, re, &h, &m) || h > 23 || m > 59) return std::nullopt;
  return h * 60 + m;
}

// "00:30", "0:30", "01:30:00", "1:00" -> minutes; nullopt when it is no duration.
std::optional<long> DurationMinutes(std::string_view text) {
  static const RE2 re(R"(^\s*(?:(\d+):)?(\d{1,3}):(\d{2})(?::(\d{2}))?\s*$)");
  assert(re.ok());
  std::string days, seconds;
  long h = 0, m = 0;
  if (!RE2::FullMatch(text, re, &days, &h, &m, &seconds) || m > 59) return std::nullopt;
  // "d:hh:mm" (frab writes durations of a day or more so) or "hh:mm:ss".
  if (!days.empty() && !seconds.empty()) return std::nullopt;
  if (!seconds.empty()) return h * 60 + m;
  if (!days.empty()) return std::stol(days) * 1440 + h * 60 + m;
  return h * 60 + m;
}

// The start of `e` as a wall-clock time and, when the data gives one, its offset. Warns through
// `warn` about a `date` that cannot be read.
struct Start {
  LocalDateTime local;
  std::optional<int> offset;
};
std::optional<Start> EventStart(const Event& e, const std::function<void(std::string)>& warn) {
  if (!e.date.empty()) {
    if (auto w = ParseIsoDateTime(e.date)) return Start{w->local, w->offset_seconds};
    warn("'date' of '" + e.title + "' is not a date-time ('" + e.date +
         "', expected 2024-03-23T10:00:00+01:00); read from the day and 'start' instead");
  }
  if (e.day_date.empty() || e.start.empty()) return std::nullopt;
  auto day = ParseIsoDateTime(e.day_date + "T00:00");
  auto minutes = ClockMinutes(e.start);
  if (!day || !minutes) {
    warn("'start' of '" + e.title + "' is not a time of day ('" + e.start +
         "', expected hh:mm); its time is left out");
    return std::nullopt;
  }
  LocalDateTime local = AddMinutes(day->local, *minutes);
  // A day that begins in the morning lists its after-midnight events under the same date.
  if (auto begins = ParseIsoDateTime(e.day_start)) {
    const int begin_minutes = begins->local.hour * 60 + begins->local.minute;
    if (begins->local.date.day == day->local.date.day && *minutes < begin_minutes)
      local = AddMinutes(local, 1440);
  }
  return Start{local, std::nullopt};
}

std::string JoinDescription(const Event& e) {
  if (e.abstract.empty()) return e.description;
  if (e.description.empty() || e.description == e.abstract) return e.abstract;
  return e.abstract + "\n\n" + e.description;
}

}  // namespace

Result<ExtractionBatch> WriteSchedule(const Document& doc, const Gazetteer& gazetteer,
                                      Schedule schedule) {
  BatchWriter out(doc, "pretalx", gazetteer);
  std::optional<Diagnostic> first_warning;
  if (!schedule.warnings.empty()) first_warning = schedule.warnings.front();
  for (Diagnostic& d : schedule.warnings) out.AddDiagnostic(std::move(d));

  // The zone of times written without an offset: the schedule's own, else --timezone.
  std::string zone;
  if (!schedule.time_zone.empty()) {
    if (IsKnownTimeZone(schedule.time_zone)) {
      zone = schedule.time_zone;
    } else {
      out.Warn(schedule.time_zone_line,
               "unknown time zone '" + schedule.time_zone + "' in 'time_zone_name'; ignored");
    }
  }
  if (zone.empty() && IsKnownTimeZone(doc.time_zone)) zone = doc.time_zone;

  struct Prepared {
    const Event* e;
    TalkRecord talk;
  };
  std::vector<Prepared> prepared;
  bool unplaced = false;
  int year_hint = 0;
  for (const Event& e : schedule.events) {
    auto warn = [&](std::string msg) { out.Warn(e.line, std::move(msg)); };
    TalkRecord t;
    t.title = e.title;
    t.evidence = {"", e.line, e.line_text};
    if (auto start = EventStart(e, warn)) {
      std::optional<int> offset = start->offset;
      if (!offset && !zone.empty()) offset = ZoneOffsetSeconds(zone, start->local);
      if (!offset) unplaced = true;
      t.start = FormatIsoDateTime(start->local, offset);
      if (year_hint == 0) year_hint = start->local.date.year;
      if (!e.duration.empty()) {
        if (auto minutes = DurationMinutes(e.duration)) {
          const LocalDateTime end = AddMinutes(start->local, *minutes);
          std::optional<int> end_offset = offset;
          if (!start->offset && offset) end_offset = ZoneOffsetSeconds(zone, end);
          t.end = FormatIsoDateTime(end, end_offset);
        } else {
          warn("'duration' of '" + e.title + "' is not a duration ('" + e.duration +
               "', expected hh:mm); its end is left out");
        }
      }
    } else if (!e.date.empty() || !e.start.empty()) {
      t.time_text = !e.date.empty() ? e.date : e.start;
    }
    for (const Person& p : e.persons) {
      t.speakers.push_back({p.name, "", p.organization, {}});
      if (t.speakers_evidence.line == 0 && p.line > 0 &&
          p.line <= static_cast<int>(doc.lines.size()))
        t.speakers_evidence = {"", p.line, doc.lines[p.line - 1]};
    }
    t.description = JoinDescription(e);
    t.url = e.url;
    if (!e.room.empty()) {
      t.room = RoomRecord{e.room, "", "", "", ""};
      t.room_evidence = t.evidence;
    }
    if (!e.track.empty()) {
      t.track = e.track;
      t.track_evidence = t.evidence;
    }
    if (!e.type.empty()) t.properties["type"] = e.type;
    if (!e.id.empty()) t.properties["pretalx_id"] = e.id;
    if (!e.language.empty()) t.properties["language"] = e.language;
    prepared.push_back({&e, std::move(t)});
  }
  if (prepared.empty()) {
    if (first_warning) {
      const Diagnostic& w = *first_warning;
      return Status::ParseError(doc.path + (w.line > 0 ? ":" + std::to_string(w.line) : "") +
                                ": no event could be read; the first problem: " + w.message);
    }
    return Status::ParseError(doc.path + ": no events found (" + std::string(kWhat) +
                              " lists them under schedule.conference.days[].rooms)");
  }
  if (unplaced)
    out.Warn(0,
             "times have no offset and the schedule no known 'time_zone_name'; kept as "
             "local times (give --timezone ZONE to place them)");
  if (year_hint == 0 && schedule.conference_start.size() >= 4)
    year_hint = std::atoi(schedule.conference_start.substr(0, 4).c_str());
  if (!schedule.title.empty())
    out.SetDocumentEvent(
        out.AddEvent(schedule.title, schedule.title_line, schedule.title_text, year_hint));

  // A title that repeats (breaks, lunch) is one talk per time slot.
  SlotKeys slots;
  for (const Prepared& p : prepared) slots.Count(p.talk);
  for (Prepared& p : prepared) {
    p.talk.key_suffix = slots.SuffixFor(p.talk, std::to_string(p.e->line));
    const std::string key = out.AddTalk(p.talk);
    out.AddMentions(p.talk.title, key, p.e->line, p.talk.description);
    const Event& e = *p.e;
    auto mention = [&](const std::string& text, int line, const LineAt& line_at) {
      if (text.empty()) return;
      if (line_at)
        out.AddMentions(text, key, line_at);
      else
        out.AddMentions(text, key, line > 0 ? line : e.line);
    };
    mention(e.abstract, e.abstract_line, e.abstract_line_at);
    if (e.description != e.abstract)
      mention(e.description, e.description_line, e.description_line_at);
  }
  return out.Finish();
}

}  // namespace pretalx

int RecognisePretalx(const Document& doc) {
  return DetectScheduleExport(doc) == ScheduleExport::kPretalx ? 95 : 0;
}

Result<ExtractionBatch> ExtractPretalx(const Document& doc, const Gazetteer& gazetteer) {
  if (DetectScheduleExport(doc) != ScheduleExport::kPretalx)
    return NotThisExport(doc, ScheduleExport::kPretalx);
  Result<pretalx::Schedule> schedule = LooksLikePretalxXml(doc.text)
                                           ? pretalx::ReadXmlSchedule(doc)
                                           : pretalx::ReadJsonSchedule(doc);
  if (!schedule.ok()) return schedule.status();
  return pretalx::WriteSchedule(doc, gazetteer, std::move(*schedule));
}

}  // namespace cnkg
