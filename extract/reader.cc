#include "extract/reader.h"

#include "extract/readers/article.h"
#include "extract/readers/ical.h"
#include "extract/readers/landscape_import.h"
#include "extract/readers/pretalx.h"
#include "extract/readers/sched_json.h"
#include "extract/readers/sessionize.h"
#include "extract/readers/schedule_text.h"
#include "extract/readers/talk_list.h"

namespace cnkg {
namespace {

// The table. Claims: a landscape file (100), an iCalendar, Sessionize, pretalx or sched JSON
// export (95) and
// a schedule text (90) are unmistakable; a YAML or JSON list of talk records claims 80 (60 when
// it is not valid YAML and is read line by line); any readable text is an article, so the
// article reader claims least (10).
constexpr Reader kReaders[] = {
    {"schedule", "sched-style schedule text ('Title#' lines with 'Time:', 'Speakers:', 'Venue:')",
     RecogniseScheduleText, ExtractScheduleText},
    {"article", "an article in plain text or Markdown (recap post, talk list, report, page)",
     RecogniseArticle, ExtractArticle},
    {"talk-list", "a YAML or JSON list of talk records (title, speakers, event, date, url)",
     RecogniseTalkList, ExtractTalkList},
    {"landscape", "the CNCF landscape data file (landscape.yml)", RecogniseLandscape,
     ExtractLandscape},
    {"ical", "an iCalendar (.ics) export, such as sched's all.ics", RecogniseICalendar,
     ExtractICalendar},
    {"sessionize", "a Sessionize JSON export (All, Sessions, Speakers or GridSmart view)",
     RecogniseSessionize, ExtractSessionize},
    {"pretalx", "a pretalx/frab schedule, JSON (schedule.json) or XML (schedule.xml)",
     RecognisePretalx, ExtractPretalx},
    {"sched-json", "sched's JSON export of sessions", RecogniseSchedJson, ExtractSchedJson},
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
    return Status::ParseError(doc.path + ": not a document cnkg reads (formats: " + ReaderNames() +
                              "; see cnkg build --help); use --format to force one");
  }
  return reader->extract(doc, gazetteer);
}

}  // namespace cnkg
