#ifndef CNKG_EXTRACT_RECORDS_H_
#define CNKG_EXTRACT_RECORDS_H_

#include <string>
#include <string_view>

#include "graph/batch.h"

namespace cnkg {

// The Event entity for an event named `name` in a document. A recognised KubeCon edition gets
// its canonical name ("KubeCon + CloudNativeCon Europe 2025"), with the document's spelling and
// the usual variants as aliases, so that every document naming it reaches the same node.
// `year_hint` (0 if unknown) resolves names without a year, such as "KubeCon London".
EntityRecord EventRecord(std::string_view name, const Evidence& evidence, int year_hint = 0);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_RECORDS_H_
