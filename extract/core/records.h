#ifndef CNKG_EXTRACT_CORE_RECORDS_H_
#define CNKG_EXTRACT_CORE_RECORDS_H_

#include <string>
#include <string_view>

#include "extract/core/document.h"
#include "graph/batch.h"

namespace cnkg {

// The Event entity for an event named `name` in a document. A recognised KubeCon edition gets
// its canonical name ("KubeCon + CloudNativeCon Europe 2025"), with the document's spelling and
// the usual variants as aliases, so that every document naming it reaches the same node.
// `year_hint` (0 if unknown) resolves names without a year, such as "KubeCon London".
EntityRecord EventRecord(std::string_view name, const Evidence& evidence, int year_hint = 0);

// The Document entity of `doc` read by the reader called `format`: named and keyed by the
// document's identity (Document::name), with the properties "path" (where it was read from) and
// "format". Its evidence names the document at line 0, so that removing the document from a
// graph removes its node. Readers add further properties, such as a title, themselves.
EntityRecord DocumentRecord(const Document& doc, std::string_view format);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_CORE_RECORDS_H_
