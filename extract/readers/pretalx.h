#ifndef CNKG_EXTRACT_READERS_PRETALX_H_
#define CNKG_EXTRACT_READERS_PRETALX_H_

#include "common/status.h"
#include "extract/core/document.h"
#include "graph/batch.h"

namespace cnkg {

class Gazetteer;

// Reader for the schedule that pretalx and frab publish, in either of its two forms:
//
//   schedule.json (the c3voc schema)             schedule.xml
//   {"schedule": {"version": "1.0",              <schedule><version>1.0</version>
//     "conference": {"title": "...",               <conference><title>...</title>
//       "time_zone_name": "Europe/Berlin",           <time_zone_name>Europe/Berlin</time_zone_name>
//       "days": [{"index": 1, "date": "2024-03-23",  </conference>
//         "rooms": {"Room A": [                    <day index="1" date="2024-03-23" start=...>
//           {"guid": "...", "id": 12,                <room name="Room A">
//            "date": "2024-03-23T10:00:00+01:00",      <event guid="..." id="12">
//            "start": "10:00", "duration": "00:30",      <date>...</date><start>10:00</start>
//            "room": "Room A", "title": "...",           <duration>00:30</duration>...
//            "track": "Cloud" or null, "type": "Talk",   <title>...</title><track/>
//            "abstract": "...", "description": "...",    <abstract>...</abstract>
//            "persons": [{"public_name": "Ana Silva",    <persons><person id="3">Ana Silva
//                         "name": "Ana Silva"}]}]}}]}}}  </person></persons></event>...
//
// Each event is one talk: its title (the subtitle is not part of it), start (the event's "date"
// when it has an offset; else the date placed in the conference's time_zone_name, or in
// --timezone; else the day's date and "start"), end (start + duration, hh:mm), room, track,
// "type" property, url, description (abstract, then description) and speakers (persons by their
// public name; pretalx has no company field, so an organisation only when a person names one in a
// "company", "organization" or "affiliation" field). The conference title is the Event. Breaks
// are talks without speakers; sessions sharing a title ("Lunch" on two days) stay apart by their
// start time. The guid (or id) is the "pretalx_id" property.

// 95 when `doc` is this export (schedule_exports.h), 0 otherwise. Never fails.
int RecognisePretalx(const Document& doc);

// Extracts the events of the schedule. A problem that leaves the rest readable (an event that is
// not an object or has no title, a "persons" that is not a list, a duration or date that cannot
// be read, an unknown time zone) is a warning in batch.diagnostics and the event or field is
// skipped. Fails with a one-line kParseError naming the file, and the line when it is known,
// when `doc` is not this export (--format forced onto another document), is not valid JSON or
// well-formed XML, has no list of days, or holds no event that could be read. `gazetteer` finds
// project mentions; it must outlive the call.
Result<ExtractionBatch> ExtractPretalx(const Document& doc, const Gazetteer& gazetteer);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_READERS_PRETALX_H_
