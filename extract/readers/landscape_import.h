#ifndef CNKG_EXTRACT_READERS_LANDSCAPE_IMPORT_H_
#define CNKG_EXTRACT_READERS_LANDSCAPE_IMPORT_H_

#include "common/status.h"
#include "extract/core/document.h"
#include "graph/batch.h"

namespace cnkg {

class Gazetteer;

// 100 when the document is a CNCF landscape data file (a top-level `landscape:` list of
// `- category:` entries), 0 otherwise (see Reader::recognise in reader.h).
int RecogniseLandscape(const Document& doc);

// Imports the landscape into the graph's vocabulary:
//  - each category and subcategory is a Category node (a subcategory is keyed under its
//    category, so "Runtime" in two categories is two nodes) with IN_CATEGORY subcategory ->
//    category;
//  - each open-source or CNCF item is a Project (maturity, cncf, homepage, repo, accepted,
//    category and subcategory of its first listing) with IN_CATEGORY to every subcategory it is
//    listed in; an item listed twice is one node; its name and aliases follow the gazetteer so
//    that projects mentioned in talks are the same nodes;
//  - members ("(member)", "(supporter)"), certified service providers ("(KCSP)") and training
//    partners ("(KCNTP)") are Organizations with their membership tier or certification;
//  - the crunchbase organisation behind an item is an Organization, with BACKED_BY item -> it.
// Entries without a name are skipped with a warning naming their line. Fails with kParseError
// (line and column) for invalid YAML or a file without the landscape list.
Result<ExtractionBatch> ExtractLandscape(const Document& doc, const Gazetteer& gazetteer);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_READERS_LANDSCAPE_IMPORT_H_
