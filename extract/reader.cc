#include "extract/reader.h"

#include "extract/readers/article.h"
#include "extract/readers/landscape_import.h"
#include "extract/readers/schedule_text.h"

namespace cnkg {
namespace {

// The table. Claims: a landscape file and a schedule export are unmistakable; any readable text
// is an article, so the article reader claims least.
constexpr Reader kReaders[] = {
    {"schedule", "sched-style schedule text ('Title#' lines with 'Time:', 'Speakers:', 'Venue:')",
     RecogniseScheduleText, ExtractScheduleText},
    {"article", "an article in plain text or Markdown (recap post, talk list, report, page)",
     RecogniseArticle, ExtractArticle},
    {"landscape", "the CNCF landscape data file (landscape.yml)", RecogniseLandscape,
     ExtractLandscape},
};

}  // namespace

std::span<const Reader> Readers() { return kReaders; }

const Reader* FindReader(std::string_view name) {
  for (const Reader& r : kReaders)
    if (r.name == name) return &r;
  return nullptr;
}

std::string ReaderNames() {
  std::string out;
  for (const Reader& r : kReaders) {
    if (!out.empty()) out += ", ";
    out += r.name;
  }
  return out;
}

const Reader* DetectReader(const Document& doc) {
  const Reader* best = nullptr;
  int best_claim = 0;
  for (const Reader& r : kReaders) {
    int claim = r.recognise(doc);
    if (claim > best_claim) {
      best = &r;
      best_claim = claim;
    }
  }
  return best;
}

Result<ExtractionBatch> ExtractDocument(const Document& doc, const Reader* reader,
                                        const Gazetteer& gazetteer) {
  if (!reader) reader = DetectReader(doc);
  if (!reader) {
    std::string known;
    for (const Reader& r : kReaders) known += "; " + std::string(r.summary);
    return Status::ParseError(doc.path + ": not a document cnkg reads (expected " +
                              known.substr(2) + "); use --format to force one");
  }
  return reader->extract(doc, gazetteer);
}

}  // namespace cnkg
