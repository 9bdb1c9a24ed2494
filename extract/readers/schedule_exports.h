#ifndef CNKG_EXTRACT_READERS_SCHEDULE_EXPORTS_H_
#define CNKG_EXTRACT_READERS_SCHEDULE_EXPORTS_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "common/status.h"
#include "extract/core/document.h"
#include "graph/batch.h"

namespace cnkg {

class Gazetteer;

// Recognisers of the calendar and conference-tool exports that organisers publish: iCalendar
// (.ics, ical.h), Sessionize JSON (sessionize.h), pretalx/frab schedules in JSON or XML
// (pretalx.h) and sched's JSON export (sched_json.h). Detection is by content, never by file
// name. The recognisers are separate functions so that the readers, and other readers that must
// not claim these files (the talk-list reader would half-read a Sessionize list of sessions),
// can use them.

// True when `text` is an iCalendar stream: its first non-blank line is "BEGIN:VCALENDAR"
// (case-insensitive). Never fails.
bool LooksLikeICalendar(std::string_view text);

// True when `value` has the shape of a Sessionize API export: the "all data" view (an object with
// "sessions" and "speakers" and "rooms" or "categories"), a file combining views (an object with
// "agenda" and "speakers"), the GridSmart view (a list of days, each with "date" and "rooms" or
// "timeSlots"), the Sessions view (a list of groups with "groupId"/"groupName" and "sessions") or
// the Speakers view (a list of people with "fullName" and "tagLine", "sessions" or
// "profilePicture"). Looks at the top level and the first few list elements only. Never fails.
bool LooksLikeSessionizeJson(const nlohmann::json& value);

// True when `value` is a pretalx or frab JSON schedule: an object whose "schedule" member is an
// object with a "conference" member. Never fails.
bool LooksLikePretalxJson(const nlohmann::json& value);

// True when `text` is a frab/pretalx XML schedule: its root element (after an XML declaration,
// comments and a doctype) is <schedule>, and a <conference> element follows within the first
// 64 KiB. Never fails.
bool LooksLikePretalxXml(std::string_view text);

// True when `value` is sched's JSON export of sessions: a list whose first elements are objects
// with "event_key" or "event_start", and "name". Never fails.
bool LooksLikeSchedJson(const nlohmann::json& value);

// The exports above, as one answer for a document.
enum class ScheduleExport { kNone, kICalendar, kSessionize, kPretalx, kSchedJson };

// Which export `doc` is. JSON is parsed only when the text starts with '[' or '{' (after
// whitespace); use the overload below when the caller has parsed it already. A JSON text that
// does not parse (a truncated download) is still a pretalx/frab schedule when it starts as one
// ({"schedule": {... "conference"), and sched's export when its first element starts as one
// ([{"event_key" or [{"event_start" and "name"), so that that reader reports the syntax error
// and its line. Never fails.
ScheduleExport DetectScheduleExport(const Document& doc);
// The same for a document whose JSON the caller has parsed (`json` is discarded when the text is
// not JSON).
ScheduleExport DetectScheduleExport(std::string_view text, const nlohmann::json& json);

// "an iCalendar (.ics) export", "a Sessionize JSON export", "a pretalx/frab schedule", "a sched
// JSON export"; "" for kNone.
std::string_view ScheduleExportName(ScheduleExport kind);

// The error of a reader forced (--format) onto a document that is not its export: kParseError
// "PATH: not <name>".
Status NotThisExport(const Document& doc, ScheduleExport kind);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_READERS_SCHEDULE_EXPORTS_H_
