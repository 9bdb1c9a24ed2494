#include "extract/readers/sched_json.h"

#include "extract/readers/schedule_exports.h"

namespace cnkg {

int RecogniseSchedJson(const Document& doc) {
  return DetectScheduleExport(doc) == ScheduleExport::kSchedJson ? 95 : 0;
}

Result<ExtractionBatch> ExtractSchedJson(const Document& doc, const Gazetteer&) {
  if (DetectScheduleExport(doc) != ScheduleExport::kSchedJson)
    return NotThisExport(doc, ScheduleExport::kSchedJson);
  return Status::ParseError(doc.path + ": " + std::string(ScheduleExportName(ScheduleExport::kSchedJson)) +
                            ", which this cnkg does not read yet");
}

}  // namespace cnkg
