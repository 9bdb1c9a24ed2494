#ifndef CNKG_EXTRACT_MARKUP_MARKDOWN_H_
#define CNKG_EXTRACT_MARKUP_MARKDOWN_H_

#include <string>
#include <string_view>

#include "extract/core/document.h"
#include "extract/markup/text_doc.h"

namespace cnkg {

// Reads the structure of an article: front matter first (front_matter.h), then the body as
// Markdown through cmark-gfm (CommonMark with GitHub's tables, autolinks, strikethrough and task
// lists, source positions kept) when the document uses Markdown block markup, or else as plain
// text, one block per line (list markers and inline links still read). Never fails; problems are
// warnings in TextDoc::diagnostics. Runs in time linear in the size of the document.
TextDoc ReadTextDoc(const Document& doc);

// True when `doc` uses Markdown block markup: front matter, a '#' heading, a fenced code block,
// a table, a Markdown link, or a file name ending in .md, .markdown or .mdx.
bool UsesMarkdown(const Document& doc);

// One line of inline Markdown (links, emphasis, code spans, escapes, entities, inline HTML) read
// as a paragraph block whose line is `line`: what plain text's lines are made of. Block markers
// at the start ("# ", "> ", "1. ") are taken literally.
Block InlineBlock(std::string_view text, int line);

// The text content of an HTML fragment: tags removed, the values of title, alt and caption
// attributes kept (a figure's caption says what is on it), entities decoded, "<br>" as '\n'.
std::string HtmlText(std::string_view html);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_MARKUP_MARKDOWN_H_
