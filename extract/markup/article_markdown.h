#ifndef CNKG_EXTRACT_MARKUP_ARTICLE_MARKDOWN_H_
#define CNKG_EXTRACT_MARKUP_ARTICLE_MARKDOWN_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "extract/core/document.h"
#include "graph/batch.h"

namespace cnkg {

// The line structure of an article, plain text or Markdown, as the article reader (article.h)
// needs it: which lines are front matter, code, headings, list items, table rows or prose, and
// each line's text with inline markup removed and its links kept. This is not a full CommonMark
// parser: it reads the block forms recap posts use, line by line, in time linear in the size of
// the document.

// A link on a line: Markdown "[text](url)", a reference link resolved through its definition, an
// autolink "<https://...>" or a bare URL (then `text` is the URL).
struct ArticleLink {
  std::string text;
  std::string url;
};

enum class ArticleLineKind {
  kBlank,
  kFrontMatter,     // inside the front matter block, its fences included
  kCode,            // inside a fenced or indented code block, its fences included
  kHeading,         // "# Title" or a setext heading (the underline is a kRule)
  kListItem,        // "- item", "* item", "1. item"
  kTableRow,        // "| a | b |" (header or body row)
  kTableRule,       // "|---|---|"
  kLinkDefinition,  // "[ref]: https://..."
  kRule,            // "---", "***", or a setext underline
  kQuote,           // "> quoted text"
  kText,            // anything else: prose, or plain-text lines whose markup was lost
};

struct ArticleLine {
  int number = 0;  // 1-based line number in the document
  ArticleLineKind kind = ArticleLineKind::kBlank;
  int level = 0;      // heading level 1..6 (kHeading only)
  int indent = 0;     // columns of leading whitespace (a tab counts 4)
  bool bold = false;  // the whole content is one strong span ("**Title**")
  // The content with markers removed (heading '#', list marker, quote '>'), inline markup
  // removed (emphasis, code-span backticks, HTML tags), links replaced by their text and bare
  // URLs kept; whitespace collapsed. Empty for kBlank, kRule, kTableRule and code fences.
  std::string text;
  std::vector<ArticleLink> links;
  // kTableRow only: the cells, cleaned as `text` is, and the links of each cell.
  std::vector<std::string> cells;
  std::vector<std::vector<ArticleLink>> cell_links;
};

// The front matter block ("---" ... "---" on the first lines), read as "key: value" lines.
struct FrontMatter {
  bool present = false;
  int first_line = 0, last_line = 0;  // 1-based, the fence lines
  // Keys lower-cased; values unquoted; a YAML flow or block list is joined with ", ".
  std::map<std::string, std::string> fields;
  std::map<std::string, int> field_lines;  // key -> 1-based line of the key
};

struct ArticleText {
  std::vector<ArticleLine> lines;  // lines[i] is document line i + 1
  FrontMatter front_matter;
  // True when the text uses Markdown block markup: front matter, a '#' heading, a fenced code
  // block or a table. Plain-text posts whose markup was lost are false.
  bool markdown = false;
  // Problems found (with their lines): an unterminated front matter or code fence. The rest of
  // the document is still read, as text.
  std::vector<Diagnostic> diagnostics;
};

// Reads the line structure of `doc`. Never fails. An unterminated front matter block ("---" on
// line 1 with no closing fence) gives a warning naming line 1 and is read as text; an
// unterminated code fence gives a warning naming its line and only the fence line is skipped.
ArticleText ReadArticleText(const Document& doc);

// Removes inline Markdown from one line of text: links and images become their text (and are
// appended to *links, resolving "[text][ref]" through `refs`, keyed by lower-cased label), code
// spans lose their backticks, emphasis markers and HTML tags go, bare URLs stay and are appended
// to *links. Whitespace is collapsed. `links` may be null.
std::string CleanInline(std::string_view raw, const std::map<std::string, std::string>& refs,
                        std::vector<ArticleLink>* links);


}  // namespace cnkg

#endif  // CNKG_EXTRACT_MARKUP_ARTICLE_MARKDOWN_H_
