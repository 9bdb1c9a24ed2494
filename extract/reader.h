#ifndef CNKG_EXTRACT_READER_H_
#define CNKG_EXTRACT_READER_H_

#include <span>
#include <string>
#include <string_view>

#include "common/status.h"
#include "extract/core/document.h"
#include "graph/batch.h"

namespace cnkg {

class Gazetteer;

// The readers cnkg has, one row each in one table (reader.cc). The table drives everything that
// depends on the set of formats: detection, `cnkg build --format`, its --help and the error for
// a document no reader recognises. Adding a format is adding a reader file and its row.
struct Reader {
  // The --format name and the Document node's "format" property: "schedule", "article".
  std::string_view name;
  // What the reader reads, for --help and error messages: "sched-style schedule text".
  std::string_view summary;
  // How strongly the reader claims `doc`: 0 when it is not the reader's format; the reader with
  // the highest claim reads a document (the first in the table on a tie). Never fails.
  int (*recognise)(const Document& doc);
  // Reads `doc`. `gazetteer` is only used during the call.
  Result<ExtractionBatch> (*extract)(const Document& doc, const Gazetteer& gazetteer);
};

// Every reader, in table order.
std::span<const Reader> Readers();

// The reader called `name`, or nullptr.
const Reader* FindReader(std::string_view name);

// "schedule, article, talk-list, landscape": the names, for messages.
std::string ReaderNames();

// The reader that claims `doc` most strongly, or nullptr when none does.
const Reader* DetectReader(const Document& doc);

// Extracts `doc` with `reader`, or with the reader DetectReader picks when `reader` is null.
// Fails with kParseError, naming the file, when no reader recognises the document or the reader
// finds nothing usable in it.
Result<ExtractionBatch> ExtractDocument(const Document& doc, const Reader* reader,
                                        const Gazetteer& gazetteer);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_READER_H_
