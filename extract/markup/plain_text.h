#ifndef CNKG_EXTRACT_MARKUP_PLAIN_TEXT_H_
#define CNKG_EXTRACT_MARKUP_PLAIN_TEXT_H_

#include "extract/core/document.h"
#include "extract/markup/text_doc.h"

namespace cnkg {

// Reads the body of a plain-text document (one whose Markdown block markup was lost, or never
// there) into `out`: one paragraph block per non-blank line, lines of the front matter skipped.
// A line that starts with a list marker ("- ", "* ", "• ", "1. ") is a list item holding that
// line and the more indented lines under it; its block's text is the line without the marker.
// Inline Markdown that survives in plain text (links, bare URLs, emphasis) is read as in
// Markdown (markdown.h: InlineBlock). Never fails; linear in the size of the document.
void ReadPlainText(const Document& doc, TextDoc& out);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_MARKUP_PLAIN_TEXT_H_
