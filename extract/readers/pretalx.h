#ifndef CNKG_EXTRACT_READERS_PRETALX_H_
#define CNKG_EXTRACT_READERS_PRETALX_H_

#include "common/status.h"
#include "extract/core/document.h"
#include "graph/batch.h"

namespace cnkg {

class Gazetteer;

// Reader for a pretalx/frab schedule: schedule.json (c3voc schema) or schedule.xml.

// 95 when `doc` is this export (schedule_exports.h), 0 otherwise. Never fails.
int RecognisePretalx(const Document& doc);

// Extracts the sessions of the export. `gazetteer` finds project mentions; it must outlive the
// call.
Result<ExtractionBatch> ExtractPretalx(const Document& doc, const Gazetteer& gazetteer);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_READERS_PRETALX_H_
