#ifndef CNKG_EXTRACT_READERS_ICAL_H_
#define CNKG_EXTRACT_READERS_ICAL_H_

#include "common/status.h"
#include "extract/core/document.h"
#include "graph/batch.h"

namespace cnkg {

class Gazetteer;

// Reader for iCalendar (RFC 5545) exports of a conference schedule, such as sched's all.ics,
// parsed by libical: CRLF or LF line ends, folded or unfolded lines, TEXT escapes, UTC, TZID
// (with the calendar's VTIMEZONE, else the tz database) and floating times. Each VEVENT is one
// session:
//
//   SUMMARY:Title - Ana Silva\, Initech; Bo Li\, Globex   title and speakers (sched_summary.h)
//   DTSTART / DTEND (or DURATION)                         start and end, ISO 8601 with offset
//   DESCRIPTION                                           description (HTML decoded), mentions
//   LOCATION:Building B | Level 1 | B206\, City\, ST     the room, building and level (ParseVenue)
//   CATEGORIES                                            the track (the first category)
//   URL, UID                                              url; property "uid"
//
// The calendar's event is named by X-WR-CALNAME when that is a name ("KubeCon Europe 2026"), else
// by the PRODID of a tool that names the event after itself ("-//Sched.com KubeCon ...//EN").
// Sessions that share a title ("Coffee Break" every day) stay apart by their start time (and UID
// when the start is shared too).

// 95 when `doc` starts with BEGIN:VCALENDAR, 0 otherwise. Never fails.
int RecogniseICalendar(const Document& doc);

// Extracts the sessions. Fails with kParseError naming the file and line when the calendar is
// truncated (no END:VCALENDAR, or a VEVENT not closed) or holds no VEVENT; a session whose time
// cannot be read, or whose TZID is unknown, is read without it, with a warning naming its line.
// `gazetteer` finds project mentions; it must outlive the call.
Result<ExtractionBatch> ExtractICalendar(const Document& doc, const Gazetteer& gazetteer);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_READERS_ICAL_H_
