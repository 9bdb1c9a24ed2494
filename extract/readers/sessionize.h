#ifndef CNKG_EXTRACT_READERS_SESSIONIZE_H_
#define CNKG_EXTRACT_READERS_SESSIONIZE_H_

#include "common/status.h"
#include "extract/core/document.h"
#include "graph/batch.h"

namespace cnkg {

class Gazetteer;

// Reader for Sessionize API JSON (All, Sessions, Speakers, GridSmart views, or files combining them).

// 95 when `doc` is this export (schedule_exports.h), 0 otherwise. Never fails.
int RecogniseSessionize(const Document& doc);

// Extracts the sessions of the export. `gazetteer` finds project mentions; it must outlive the
// call.
Result<ExtractionBatch> ExtractSessionize(const Document& doc, const Gazetteer& gazetteer);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_READERS_SESSIONIZE_H_
