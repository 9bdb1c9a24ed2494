#ifndef CNKG_EXTRACT_READERS_SESSIONIZE_H_
#define CNKG_EXTRACT_READERS_SESSIONIZE_H_

#include "common/status.h"
#include "extract/core/document.h"
#include "graph/batch.h"

namespace cnkg {

class Gazetteer;

// Reader for Sessionize API v2 JSON: the views "All" ({sessions, speakers, rooms, categories,
// questions}), "Sessions" (groups of sessions), "Speakers" (people with their sessions) and
// "GridSmart" (days -> rooms -> sessions, or days -> time slots -> rooms -> session), and files
// that combine views under keys of one object ({"agenda": GridSmart, "speakers": Speakers}).
//
// Each session (found once, by id) is a talk: "title" as written (Sessionize keeps speakers out
// of titles), "description", "startsAt"/"endsAt", the room ("room", or "roomId" in the rooms
// list), the track (the category item of a category named like "Track", else like "Format" or
// "Type", never "Level", "Audience" or "Language"; the others are kept as properties), and its
// speakers, by id in the speaker records or by name. Service sessions (breaks) are talks without
// speakers. Sessionize has no company field: a speaker's organisation comes from a question
// answer about their company, else from the tagLine where it says one unambiguously
// (grammar/tagline.h), else none. Times carry no offset: they are placed with Document::time_zone
// (--timezone) when given, else kept as local times with one warning. A file of the Speakers view
// alone gives each person's sessions by name.

// 95 when `doc` is Sessionize JSON (schedule_exports.h), 0 otherwise. Never fails.
int RecogniseSessionize(const Document& doc);

// Extracts the sessions. Fails with kParseError naming the file (and the line, for a syntax
// error) when the JSON does not parse, when a view has the wrong type ("'sessions' is a string,
// expected an array"), or when no session is found; a session or speaker record that is not
// usable is skipped with a warning naming its line. `gazetteer` finds project mentions; it must
// outlive the call.
Result<ExtractionBatch> ExtractSessionize(const Document& doc, const Gazetteer& gazetteer);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_READERS_SESSIONIZE_H_
