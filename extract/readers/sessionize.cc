#include "extract/readers/sessionize.h"

#include "extract/readers/schedule_exports.h"

namespace cnkg {

int RecogniseSessionize(const Document& doc) {
  return DetectScheduleExport(doc) == ScheduleExport::kSessionize ? 95 : 0;
}

Result<ExtractionBatch> ExtractSessionize(const Document& doc, const Gazetteer&) {
  if (DetectScheduleExport(doc) != ScheduleExport::kSessionize)
    return NotThisExport(doc, ScheduleExport::kSessionize);
  return Status::ParseError(doc.path + ": " + std::string(ScheduleExportName(ScheduleExport::kSessionize)) +
                            ", which this cnkg does not read yet");
}

}  // namespace cnkg
