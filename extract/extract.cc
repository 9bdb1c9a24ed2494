#include "extract/extract.h"

#include "extract/readers/article.h"
#include "extract/readers/landscape_import.h"
#include "extract/readers/schedule_text.h"

namespace cnkg {

DocumentFormat DetectFormat(const Document& doc) {
  if (LooksLikeLandscape(doc)) return DocumentFormat::kLandscape;
  if (LooksLikeScheduleText(doc)) return DocumentFormat::kScheduleText;
  if (LooksLikeArticle(doc)) return DocumentFormat::kArticle;
  return DocumentFormat::kUnknown;
}

Result<ExtractionBatch> ExtractDocument(const Document& doc, DocumentFormat format,
                                        const Gazetteer& gazetteer) {
  if (format == DocumentFormat::kUnknown) format = DetectFormat(doc);
  switch (format) {
    case DocumentFormat::kScheduleText:
      return ExtractScheduleText(doc, gazetteer);
    case DocumentFormat::kArticle:
      return ExtractArticle(doc, gazetteer);
    case DocumentFormat::kLandscape:
      return ExtractLandscape(doc, gazetteer);
    case DocumentFormat::kUnknown:
      break;
  }
  return Status::ParseError(doc.path +
                            ": unrecognised document format (expected a sched-style schedule: "
                            "'Title#' lines followed by 'Time:', 'Speakers:', 'Venue:' lines, or an "
                            "article in plain text or Markdown); use --format to force one");
}

}  // namespace cnkg
