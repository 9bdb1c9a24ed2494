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

// Calendar and conference-tool exports that cnkg recognises but does not read yet: iCalendar
// (.ics), Sessionize JSON and pretalx/frab schedules. Their readers claim such documents strongly
// (95) and fail with a message naming the format, so that a user learns what the file is instead
// of getting a poor reading of it by another reader (a Sessionize export is a JSON list of
// sessions that the talk-list reader would otherwise half-read). The recognisers are separate
// functions so that the readers that replace these placeholders, and other readers that must not
// claim these files, can use them.

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

// The exports above, as one answer for a document.
enum class ScheduleExport { kNone, kICalendar, kSessionize, kPretalx };

// Which export `doc` is. JSON is parsed only when the text starts with '[' or '{' (after
// whitespace); use the overload below when the caller has parsed it already. Never fails.
ScheduleExport DetectScheduleExport(const Document& doc);
// The same for a document whose JSON the caller has parsed (`json` is discarded when the text is
// not JSON).
ScheduleExport DetectScheduleExport(std::string_view text, const nlohmann::json& json);

// "an iCalendar (.ics) export", "a Sessionize JSON export", "a pretalx/frab schedule"; "" for
// kNone.
std::string_view ScheduleExportName(ScheduleExport kind);

// The error for a document that is `kind`: kParseError "PATH: <name>, which this cnkg does not
// read yet". `kind` must not be kNone.
Status NotReadYet(const Document& doc, ScheduleExport kind);

// Reader rows (see Reader in reader.h): each recognises its export with claim 95 (0 otherwise)
// and extracts by failing with NotReadYet. They never return a batch.
int RecogniseICalendar(const Document& doc);
Result<ExtractionBatch> ExtractICalendar(const Document& doc, const Gazetteer& gazetteer);
int RecogniseSessionize(const Document& doc);
Result<ExtractionBatch> ExtractSessionize(const Document& doc, const Gazetteer& gazetteer);
int RecognisePretalx(const Document& doc);
Result<ExtractionBatch> ExtractPretalx(const Document& doc, const Gazetteer& gazetteer);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_READERS_SCHEDULE_EXPORTS_H_
