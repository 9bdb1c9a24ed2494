#ifndef CNKG_EXTRACT_READERS_SCHED_JSON_H_
#define CNKG_EXTRACT_READERS_SCHED_JSON_H_

#include "common/status.h"
#include "extract/core/document.h"
#include "graph/batch.h"

namespace cnkg {

class Gazetteer;

// Reader for sched's JSON export of sessions (/api/session/export).

// 95 when `doc` is this export (schedule_exports.h), 0 otherwise. Never fails.
int RecogniseSchedJson(const Document& doc);

// Extracts the sessions of the export. `gazetteer` finds project mentions; it must outlive the
// call.
Result<ExtractionBatch> ExtractSchedJson(const Document& doc, const Gazetteer& gazetteer);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_READERS_SCHED_JSON_H_
