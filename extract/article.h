#ifndef CNKG_EXTRACT_ARTICLE_H_
#define CNKG_EXTRACT_ARTICLE_H_

#include "common/status.h"
#include "extract/document.h"
#include "graph/batch.h"

namespace cnkg {

class Gazetteer;

// True when the document reads as prose (a recap post, a talk list), plain text or Markdown.
bool LooksLikeArticle(const Document& doc);

// Extracts an article. See article.cc for the rules. Fails with kParseError naming the file when
// nothing usable is found.
Result<ExtractionBatch> ExtractArticle(const Document& doc, const Gazetteer& gazetteer);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_ARTICLE_H_
