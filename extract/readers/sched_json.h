#ifndef CNKG_EXTRACT_READERS_SCHED_JSON_H_
#define CNKG_EXTRACT_READERS_SCHED_JSON_H_

#include "common/status.h"
#include "extract/core/document.h"
#include "graph/batch.h"

namespace cnkg {

class Gazetteer;

// Reader for sched's JSON export of sessions (/api/session/export): a list of sessions,
//
//   [{"event_key": "...", "active": "Y",
//     "name": "Title - Ana Silva, Initech; Bo Li & Cy Do, Globex",   the title and a speaker tail
//     "event_start": "2025-11-13 09:00", "event_end": "2025-11-13 09:30",   local, no zone
//     "event_type": "Observability", "event_subtype": "Intermediate",
//     "venue": "Building B | Level 1 | Room B206", "description": "<p>...</p>", "id": "...",
//     "speakers": [{"name": "Ana Silva", "company": "Initech", "position": "Staff Engineer"}]
//                 (or "Ana Silva, Bo Li"), "moderators": [...], "seats": 0, ...}, ...]
//
// Each active session is one talk: its title (the name without sched's speaker tail: cut before
// the last " - " that a listed speaker follows, else as SplitSchedSummary reads it; a session
// whose "speakers" list is present and empty keeps its whole name), start and end (placed in the
// --timezone zone, else kept as local times with one warning for the document), room (the venue's
// last '|' part, with building and level), track (event_type), "subtype" and "sched_id"
// properties, description (HTML reduced to text) and speakers: speakers[] and moderators[] with
// company (organisation) and position (job title); names without a company take it from the
// name's tail; without a speakers field, the tail's speakers. Sessions sharing a title stay apart
// by their start time. Inactive sessions ("active": "N") are skipped with one warning.

// 95 when `doc` is this export (schedule_exports.h), 0 otherwise. Never fails.
int RecogniseSchedJson(const Document& doc);

// Extracts the sessions of the export. A problem that leaves the rest readable (a session that is
// not an object or has no name, a field of the wrong kind, a time that cannot be read, an unknown
// --timezone) is a warning in batch.diagnostics, and the session or field is skipped. Fails with
// a one-line kParseError naming the file, and the line when it is known, when `doc` is not this
// export (--format forced onto another document), is not valid JSON, or holds no session that
// could be read. `gazetteer` finds project mentions; it must outlive the call.
Result<ExtractionBatch> ExtractSchedJson(const Document& doc, const Gazetteer& gazetteer);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_READERS_SCHED_JSON_H_
