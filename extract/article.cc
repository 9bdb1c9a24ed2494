#include "extract/article.h"

namespace cnkg {

// Placeholder until the article reader lands.
bool LooksLikeArticle(const Document&) { return false; }

Result<ExtractionBatch> ExtractArticle(const Document& doc, const Gazetteer&) {
  return Status::ParseError(doc.path + ": articles are not supported yet");
}

}  // namespace cnkg
