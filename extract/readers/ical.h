#ifndef CNKG_EXTRACT_READERS_ICAL_H_
#define CNKG_EXTRACT_READERS_ICAL_H_

#include "common/status.h"
#include "extract/core/document.h"
#include "graph/batch.h"

namespace cnkg {

class Gazetteer;

// Reader for an iCalendar (RFC 5545) export such as sched's all.ics.

// 95 when `doc` is this export (schedule_exports.h), 0 otherwise. Never fails.
int RecogniseICalendar(const Document& doc);

// Extracts the sessions of the export. `gazetteer` finds project mentions; it must outlive the
// call.
Result<ExtractionBatch> ExtractICalendar(const Document& doc, const Gazetteer& gazetteer);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_READERS_ICAL_H_
