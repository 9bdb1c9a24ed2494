#ifndef CNKG_EXTRACT_EXTRACT_H_
#define CNKG_EXTRACT_EXTRACT_H_

#include "common/status.h"
#include "extract/core/document.h"
#include "graph/batch.h"

namespace cnkg {

class Gazetteer;

// Extracts one document with the reader for `format`, or for the format detected from its
// content when `format` is kUnknown. Fails with kParseError, naming the file, when no reader
// recognises the document or the reader finds nothing usable in it.
Result<ExtractionBatch> ExtractDocument(const Document& doc, DocumentFormat format,
                                        const Gazetteer& gazetteer);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_EXTRACT_H_
