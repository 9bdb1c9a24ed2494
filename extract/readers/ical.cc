#include "extract/readers/ical.h"

#include "extract/readers/schedule_exports.h"

namespace cnkg {

int RecogniseICalendar(const Document& doc) {
  return DetectScheduleExport(doc) == ScheduleExport::kICalendar ? 95 : 0;
}

Result<ExtractionBatch> ExtractICalendar(const Document& doc, const Gazetteer&) {
  if (DetectScheduleExport(doc) != ScheduleExport::kICalendar)
    return NotThisExport(doc, ScheduleExport::kICalendar);
  return Status::ParseError(doc.path + ": " + std::string(ScheduleExportName(ScheduleExport::kICalendar)) +
                            ", which this cnkg does not read yet");
}

}  // namespace cnkg
