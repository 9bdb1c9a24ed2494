#include "extract/readers/pretalx.h"

#include "extract/readers/schedule_exports.h"

namespace cnkg {

int RecognisePretalx(const Document& doc) {
  return DetectScheduleExport(doc) == ScheduleExport::kPretalx ? 95 : 0;
}

Result<ExtractionBatch> ExtractPretalx(const Document& doc, const Gazetteer&) {
  if (DetectScheduleExport(doc) != ScheduleExport::kPretalx)
    return NotThisExport(doc, ScheduleExport::kPretalx);
  return Status::ParseError(doc.path + ": " + std::string(ScheduleExportName(ScheduleExport::kPretalx)) +
                            ", which this cnkg does not read yet");
}

}  // namespace cnkg
