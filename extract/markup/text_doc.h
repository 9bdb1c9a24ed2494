#ifndef CNKG_EXTRACT_MARKUP_TEXT_DOC_H_
#define CNKG_EXTRACT_MARKUP_TEXT_DOC_H_

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "graph/batch.h"

namespace cnkg {

// The structure of an article as its markup gives it: a flat list of blocks in document order
// (headings, paragraphs, table rows, code, HTML), each with its text, inline links and emphasis,
// and the source line of every visual line, plus the list items that contain them and the front
// matter. The Markdown reader (markdown.h) and the plain-text reader (plain_text.h) both produce
// it; the article reader only reads this model.

// A link inside a block's text. `begin`..`end` are byte offsets of the link's text in
// Block::text. An autolink ("<https://...>" or a bare URL) has the URL as its text.
struct TextLink {
  std::size_t begin = 0, end = 0;
  std::string url;
  bool autolink = false;
  bool image = false;  // an image: its text is the alt text
};

// A strong or emphasised span ("**Title**", "*Title*") of a block's text, as byte offsets.
struct TextSpan {
  std::size_t begin = 0, end = 0;
  bool strong = false;
};

enum class BlockKind {
  kHeading,    // '#' or setext heading; `level` 1..6
  kParagraph,  // prose, or a plain-text line
  kTableRow,   // one row of a table; `cells` hold its cells
  kCode,       // fenced or indented code
  kHtml,       // a raw HTML block: `text` is its text content (tags removed)
  kRule,       // a thematic break
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  int level = 0;  // heading level
  // The text with markup removed (emphasis markers, link brackets and URLs, escapes, entities
  // decoded, tags removed but the values of title/alt/caption attributes kept). Breaks between
  // visual lines (a soft or hard line break, an HTML <br>) are '\n'; nothing else is.
  std::string text;
  // The source line of each visual line of `text` (1-based): line_numbers[k] for the text after
  // the k-th '\n'. Never empty.
  std::vector<int> line_numbers;
  // For each '\n' of `text`, in order: true when it was a soft line break (a wrapped line) rather
  // than a hard break or <br>.
  std::vector<bool> soft_breaks;
  // The byte offset in `text` of each '\n', in order (so that LineAt is a binary search).
  std::vector<std::size_t> breaks;
  std::vector<TextLink> links;
  std::vector<TextSpan> spans;
  // The innermost list item that holds the block (an index into TextDoc::items), or -1.
  int item = -1;
  // True for the first block of that item (the item's own text, before its nested content).
  bool item_head = false;
  bool quote = false;  // inside a block quote
  // kTableRow: the table it belongs to (counting from 0 in the document), the cells, and the
  // offset of each cell's text in `text` (cells are joined with " | ").
  int table = -1;
  bool header_row = false;
  std::vector<std::string> cells;
  std::vector<std::size_t> cell_begin;

  int first_line() const { return line_numbers.front(); }
  int last_line() const { return line_numbers.back(); }
  // The source line of the byte at `offset` of `text`. O(log lines).
  int LineAt(std::size_t offset) const;
  // `text` with soft breaks turned into spaces (hard breaks stay '\n').
  std::string Joined() const;
  // The offset of the first hard break ('\n' that is not a soft wrap) at or after `from`, or
  // text.size() when there is none. O(log lines + soft breaks skipped).
  std::size_t NextHardBreak(std::size_t from) const;
};

// A list item. Items nest: `parent` is the enclosing item or -1.
struct ListItem {
  int parent = -1;
  int depth = 0;  // 1 for a top-level item
  bool ordered = false;
  int first_line = 0, last_line = 0;
  std::size_t first_block = 0, end_block = 0;  // blocks [first_block, end_block) it holds
};

// The front matter block of a post: YAML between "---" lines or TOML between "+++" lines at the
// top of the file.
struct FrontMatter {
  bool present = false;
  int first_line = 0, last_line = 0;  // 1-based, the fence lines
  // Top-level keys, lower-cased, with their values as text: a scalar as written (unquoted), a
  // list joined with ", " (a list of mappings by their "name" or first value). Nested mappings are
  // flattened as "parent.key".
  std::map<std::string, std::string> fields;
  std::map<std::string, int> field_lines;  // key -> 1-based line of the key
};

struct TextDoc {
  std::vector<Block> blocks;
  std::vector<ListItem> items;
  FrontMatter front_matter;
  // True when the text uses Markdown block markup (a '#' heading, a fenced code block, a table,
  // a list of links, front matter), false for plain text whose markup was lost.
  bool markdown = false;
  // Problems found, with their lines (an unterminated front matter block, invalid front matter).
  std::vector<Diagnostic> diagnostics;
};

}  // namespace cnkg

#endif  // CNKG_EXTRACT_MARKUP_TEXT_DOC_H_
