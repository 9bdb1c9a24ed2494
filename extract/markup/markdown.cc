#include "extract/markup/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <re2/re2.h>

#include <algorithm>
#include <cassert>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/strings.h"
#include "extract/markup/front_matter.h"
#include "extract/markup/plain_text.h"

namespace cnkg {
namespace {

// cmark-gfm keeps the table of special inline characters in globals: attaching an extension to a
// parser adds its characters ('@', ':', 'w' for autolinks) and freeing the parser removes them,
// so a parser freed on one thread breaks another's autolinks. Every parser's life, from
// creation to cmark_parser_free, holds this mutex (Parse below). (ThreadSanitizer cannot see it:
// the library is not instrumented; the parallel-build test found it.)
std::mutex& CmarkMutex() {
  static std::mutex m;
  return m;
}

// The GFM extension `name`, or null. cmark-gfm's extension registry is global and unsynchronised,
// so it is filled and read once, by the first caller (documents are parsed on several threads).
cmark_syntax_extension* Extension(std::string_view name) {
  static const auto* const kExtensions = [] {
    cmark_gfm_core_extensions_ensure_registered();
    auto* found = new std::vector<std::pair<std::string, cmark_syntax_extension*>>();
    for (const char* n : {"table", "autolink", "strikethrough", "tasklist"})
      found->emplace_back(n, cmark_find_syntax_extension(n));
    return found;
  }();
  for (const auto& [n, ext] : *kExtensions)
    if (n == name) return ext;
  return nullptr;
}

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

// Parses `source` with cmark-gfm `options` and the GFM `extensions` named; the tree's nodes hold
// no reference to the parser, which is gone when this returns.
std::unique_ptr<cmark_node, NodeDeleter> Parse(std::string_view source, int options,
                                               std::initializer_list<const char*> extensions) {
  std::lock_guard<std::mutex> lock(CmarkMutex());
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(options));
  for (const char* name : extensions)
    if (cmark_syntax_extension* ext = Extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  cmark_parser_feed(parser.get(), source.data(), source.size());
  return std::unique_ptr<cmark_node, NodeDeleter>(cmark_parser_finish(parser.get()));
}

bool IsType(cmark_node* n, const char* type) {
  const char* t = cmark_node_get_type_string(n);
  return t != nullptr && std::strcmp(t, type) == 0;
}

std::string Literal(cmark_node* n) {
  const char* l = cmark_node_get_literal(n);
  return l ? l : "";
}

// Appends the UTF-8 encoding of `cp` (a valid code point) to `out`.
void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes the common named entities and numeric character references.
std::string DecodeEntities(std::string_view s) {
  static const std::pair<std::string_view, std::string_view> kNamed[] = {
      {"amp", "&"},
      {"lt", "<"},
      {"gt", ">"},
      {"quot", "\""},
      {"apos", "'"},
      {"nbsp", " "},
      {"ndash", "\xE2\x80\x93"},
      {"mdash", "\xE2\x80\x94"},
      {"rsquo", "\xE2\x80\x99"},
      {"lsquo", "\xE2\x80\x98"},
      {"rdquo", "\xE2\x80\x9D"},
      {"ldquo", "\xE2\x80\x9C"},
      {"hellip", "\xE2\x80\xA6"}};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    std::size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back('&');
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    bool done = false;
    if (name.size() > 1 && name[0] == '#') {
      char32_t cp = 0;
      bool hex = name[1] == 'x' || name[1] == 'X';
      std::string_view digits = name.substr(hex ? 2 : 1);
      bool valid = !digits.empty();
      for (char c : digits) {
        int v = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                : hex && std::isxdigit(static_cast<unsigned char>(c))
                    ? (std::tolower(static_cast<unsigned char>(c)) - 'a' + 10)
                    : -1;
        if (v < 0 || cp > 0x10FFFF) {
          valid = false;
          break;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
      }
      if (valid && cp > 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF)) {
        AppendUtf8(out, cp);
        done = true;
      }
    } else {
      for (const auto& [n, v] : kNamed) {
        if (name == n) {
          out += v;
          done = true;
          break;
        }
      }
    }
    if (done) {
      i = semi;
    } else {
      out.push_back('&');
    }
  }
  return out;
}

// The values of the attributes of one tag that say what is shown: title, alt, caption.
std::string TagCaptions(std::string_view tag) {
  static const RE2 attr(R"re((?i)\b(?:title|alt|caption)\s*=\s*(?:"([^"]*)"|'([^']*)'))re");
  assert(attr.ok());
  std::string out;
  re2::StringPiece input(tag.data(), tag.size());
  std::string a, b;
  while (RE2::FindAndConsume(&input, attr, &a, &b)) {
    std::string v = CollapseSpaces(DecodeEntities(a.empty() ? b : a));
    if (!v.empty()) out += " " + v + " ";
    a.clear();
    b.clear();
  }
  return out;
}

bool IsBreakTag(std::string_view tag) {
  static const RE2 br(R"((?i)^<\s*br\s*/?\s*>$)");
  assert(br.ok());
  return tag.size() < 20 && RE2::FullMatch(tag, br);
}

// Builds blocks from the cmark tree.
class Builder {
 public:
  explicit Builder(TextDoc& out) : out_(out) {}

  void Walk(cmark_node* node, int depth) {
    if (depth > 200) return;  // cmark limits nesting too; this only bounds our recursion
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_ITEM:
        Item(node, depth);
        return;
      case CMARK_NODE_BLOCK_QUOTE:
        ++quote_;
        Children(node, depth);
        --quote_;
        return;
      case CMARK_NODE_PARAGRAPH:
        Inline(node, BlockKind::kParagraph, 0);
        return;
      case CMARK_NODE_HEADING:
        Inline(node, BlockKind::kHeading, cmark_node_get_heading_level(node));
        return;
      case CMARK_NODE_CODE_BLOCK:
        Raw(node, BlockKind::kCode, Literal(node));
        return;
      case CMARK_NODE_HTML_BLOCK:
        Raw(node, BlockKind::kHtml, HtmlText(Literal(node)));
        return;
      case CMARK_NODE_THEMATIC_BREAK:
        Raw(node, BlockKind::kRule, "");
        return;
      default:
        break;
    }
    if (IsType(node, "table")) {
      Table(node);
      return;
    }
    Children(node, depth);
  }

 private:
  void Children(cmark_node* node, int depth) {
    for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c))
      Walk(c, depth + 1);
  }

  void Item(cmark_node* node, int depth) {
    ListItem item;
    item.parent = item_;
    item.depth = item_ < 0 ? 1 : out_.items[static_cast<std::size_t>(item_)].depth + 1;
    cmark_node* list = cmark_node_parent(node);
    item.ordered = list && cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
    item.first_line = cmark_node_get_start_line(node);
    item.last_line = std::max(item.first_line, cmark_node_get_end_line(node));
    item.first_block = out_.blocks.size();
    const int index = static_cast<int>(out_.items.size());
    out_.items.push_back(item);
    const int saved = item_;
    item_ = index;
    head_pending_ = true;
    Children(node, depth);
    head_pending_ = false;
    item_ = saved;
    ListItem& done = out_.items[static_cast<std::size_t>(index)];
    done.end_block = out_.blocks.size();
    if (done.end_block > done.first_block)
      done.last_line = std::max(done.last_line, out_.blocks[done.end_block - 1].last_line());
  }

  Block NewBlock(BlockKind kind, int line) {
    Block b;
    b.kind = kind;
    b.item = item_;
    b.item_head = head_pending_ && item_ >= 0;
    head_pending_ = false;
    b.quote = quote_ > 0;
    b.line_numbers.push_back(std::max(1, line));
    return b;
  }

  void Raw(cmark_node* node, BlockKind kind, std::string text) {
    int first = cmark_node_get_start_line(node);
    int last = std::max(first, cmark_node_get_end_line(node));
    Block b = NewBlock(kind, first);
    // Fenced code starts after its fence line.
    if (kind == BlockKind::kCode) {
      int length = 0, offset = 0;
      char ch = 0;
      if (cmark_node_get_fenced(node, &length, &offset, &ch)) ++b.line_numbers[0];
    }
    while (!text.empty() && text.back() == '\n') text.pop_back();
    int line = b.line_numbers[0];
    for (char c : text) {
      if (c == '\n') {
        line = std::min(line + 1, std::max(last, line + 1));
        b.line_numbers.push_back(line);
        b.soft_breaks.push_back(false);
      }
    }
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') b.breaks.push_back(i);
    b.text = std::move(text);
    out_.blocks.push_back(std::move(b));
  }

  // Appends a break to the block being built: a visual line that starts on `line`.
  void Break(Block& b, int line, bool soft) {
    b.breaks.push_back(b.text.size());
    b.text.push_back('\n');
    b.line_numbers.push_back(line);
    b.soft_breaks.push_back(soft);
  }

  void InlineInto(cmark_node* node, Block& b, int depth) {
    if (depth > 100) return;
    for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
      int start = cmark_node_get_start_line(c);
      if (start > line_) {
        line_ = start;
        // A visual line that begins here (after a <br>) begins on this source line.
        if (!b.text.empty() && b.text.back() == '\n') b.line_numbers.back() = line_;
      }
      switch (cmark_node_get_type(c)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE: {
          std::string literal = Literal(c);
          // The "}}" that closes a Hugo shortcode ("{{<figure ...>}}").
          if (after_shortcode_ && literal.compare(0, 2, "}}") == 0) literal.erase(0, 2);
          after_shortcode_ = false;
          b.text += literal;
          break;
        }
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK: {
          ++line_;
          // After a <br> the source line break adds no visual line.
          if (!b.text.empty() && b.text.back() == '\n' && after_br_) {
            b.line_numbers.back() = line_;
          } else {
            Break(b, line_, cmark_node_get_type(c) == CMARK_NODE_SOFTBREAK);
          }
          after_br_ = false;
          continue;
        }
        case CMARK_NODE_HTML_INLINE: {
          std::string tag = Literal(c);
          if (IsBreakTag(Trim(tag))) {
            if (!(b.text.empty() || b.text.back() == '\n')) Break(b, line_, false);
            after_br_ = true;
            continue;
          }
          // A Hugo shortcode ("{{<figure title=...>}}"): its braces are markup too.
          if (b.text.size() >= 2 && b.text.compare(b.text.size() - 2, 2, "{{") == 0) {
            b.text.resize(b.text.size() - 2);
            std::string caption(Trim(TagCaptions(tag)));
            if (!caption.empty()) {
              if (!b.text.empty() && b.text.back() != ' ' && b.text.back() != '\n')
                b.text.push_back(' ');
              b.text += caption;
            }
            after_shortcode_ = true;
            continue;
          }
          b.text += TagCaptions(tag);
          break;
        }
        case CMARK_NODE_EMPH:
        case CMARK_NODE_STRONG: {
          TextSpan span;
          span.begin = b.text.size();
          span.strong = cmark_node_get_type(c) == CMARK_NODE_STRONG;
          InlineInto(c, b, depth + 1);
          span.end = b.text.size();
          if (span.end > span.begin) b.spans.push_back(span);
          break;
        }
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE: {
          TextLink link;
          link.begin = b.text.size();
          link.image = cmark_node_get_type(c) == CMARK_NODE_IMAGE;
          const char* url = cmark_node_get_url(c);
          link.url = url ? url : "";
          InlineInto(c, b, depth + 1);
          link.end = b.text.size();
          std::string_view text = std::string_view(b.text).substr(link.begin);
          link.autolink = text == link.url || ("mailto:" + std::string(text)) == link.url ||
                          ("http://" + std::string(text)) == link.url;
          b.links.push_back(std::move(link));
          break;
        }
        case CMARK_NODE_FOOTNOTE_REFERENCE:
          break;
        default:
          InlineInto(c, b, depth + 1);  // strikethrough and other extension inlines
          break;
      }
      after_br_ = false;
    }
  }

  // Drops the breaks that end a block (a trailing <br>); links and spans that began after
  // them (an empty "[](url)") end where the text now ends.
  static void TrimTrailingBreaks(Block& b) {
    while (!b.text.empty() && b.text.back() == '\n') {
      b.text.pop_back();
      b.line_numbers.pop_back();
      b.soft_breaks.pop_back();
      b.breaks.pop_back();
    }
    const std::size_t n = b.text.size();
    for (TextLink& l : b.links) {
      l.begin = std::min(l.begin, n);
      l.end = std::min(l.end, n);
    }
    for (TextSpan& sp : b.spans) {
      sp.begin = std::min(sp.begin, n);
      sp.end = std::min(sp.end, n);
    }
  }

  void Inline(cmark_node* node, BlockKind kind, int level) {
    line_ = cmark_node_get_start_line(node);
    after_br_ = false;
    Block b = NewBlock(kind, line_);
    b.level = level;
    InlineInto(node, b, 0);
    TrimTrailingBreaks(b);
    out_.blocks.push_back(std::move(b));
  }

  void Table(cmark_node* table) {
    const int index = tables_++;
    for (cmark_node* row = cmark_node_first_child(table); row; row = cmark_node_next(row)) {
      line_ = cmark_node_get_start_line(row);
      after_br_ = false;
      Block b = NewBlock(BlockKind::kTableRow, line_);
      b.table = index;
      b.header_row = IsType(row, "table_header");
      for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
        Block c = NewBlock(BlockKind::kParagraph, line_);
        InlineInto(cell, c, 0);
        TrimTrailingBreaks(c);
        std::string text = c.text;
        if (!b.cells.empty()) b.text += " | ";
        std::size_t begin = b.text.size();
        b.cell_begin.push_back(begin);
        // The row is one visual line: breaks inside a cell separate list entries.
        std::string flat = text;
        std::replace(flat.begin(), flat.end(), '\n', ';');
        b.text += flat;
        for (TextLink l : c.links) {
          l.begin += begin;
          l.end += begin;
          b.links.push_back(std::move(l));
        }
        for (TextSpan s : c.spans) {
          s.begin += begin;
          s.end += begin;
          b.spans.push_back(s);
        }
        b.cells.push_back(std::move(text));
      }
      out_.blocks.push_back(std::move(b));
    }
  }

  TextDoc& out_;
  int item_ = -1;
  bool head_pending_ = false;
  int quote_ = 0;
  int line_ = 0;
  bool after_br_ = false;
  bool after_shortcode_ = false;
  int tables_ = 0;
};

}  // namespace

std::string HtmlText(std::string_view html) {
  std::string out;
  std::size_t i = 0;
  while (i < html.size()) {
    std::size_t lt = html.find('<', i);
    std::string_view text = html.substr(i, lt == std::string_view::npos ? lt : lt - i);
    out += DecodeEntities(text);
    if (lt == std::string_view::npos) break;
    std::size_t gt = html.find('>', lt);
    if (gt == std::string_view::npos) {
      out += DecodeEntities(html.substr(lt));
      break;
    }
    std::string_view tag = html.substr(lt, gt - lt + 1);
    if (IsBreakTag(tag)) {
      out.push_back('\n');
    } else {
      out += TagCaptions(tag);
    }
    i = gt + 1;
  }
  return out;
}

Block InlineBlock(std::string_view text, int line) {
  // Escape a leading punctuation character so that the line is one paragraph.
  std::string source(Trim(text));
  if (!source.empty() && std::ispunct(static_cast<unsigned char>(source[0])) && source[0] != '[' &&
      source[0] != '*' && source[0] != '_' && source[0] != '`' && source[0] != '<' &&
      source[0] != '\\' && source[0] != '!')
    source.insert(source.begin(), '\\');
  if (source.size() > 1 && std::isdigit(static_cast<unsigned char>(source[0]))) {
    // "1. x" and "1) x" would open an ordered list.
    std::size_t d = 0;
    while (d < source.size() && std::isdigit(static_cast<unsigned char>(source[d]))) ++d;
    if (d < source.size() && (source[d] == '.' || source[d] == ')'))
      source.insert(source.begin() + static_cast<long>(d), '\\');
  }
  TextDoc tmp;
  std::unique_ptr<cmark_node, NodeDeleter> root =
      Parse(source, CMARK_OPT_UNSAFE, {"autolink", "strikethrough"});
  Block out;
  out.kind = BlockKind::kParagraph;
  if (root) {
    Builder builder(tmp);
    builder.Walk(root.get(), 0);
  }
  // Whatever block structure cmark still saw, keep the text of the line as one block.
  for (Block& b : tmp.blocks) {
    std::size_t base = out.text.size() + (out.text.empty() ? 0 : 1);
    if (!out.text.empty()) out.text.push_back(' ');
    for (char& c : b.text)
      if (c == '\n') c = ' ';
    out.text += b.text;
    for (TextLink l : b.links) {
      l.begin += base;
      l.end += base;
      out.links.push_back(std::move(l));
    }
    for (TextSpan sp : b.spans) {
      sp.begin += base;
      sp.end += base;
      out.spans.push_back(sp);
    }
  }
  out.line_numbers = {line};
  return out;
}

bool UsesMarkdown(const Document& doc) {
  static const RE2 heading(R"(^ {0,3}#{1,6}\s+\S.*)");
  static const RE2 fence(R"(^ {0,3}(?:`{3,}|~{3,}).*)");
  static const RE2 table_rule(R"(^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$)");
  static const RE2 link(R"(\]\((?:https?://|/|#|\.))");
  assert(heading.ok() && fence.ok() && table_rule.ok() && link.ok());
  for (std::string_view ext : {".md", ".markdown", ".mdx", ".MD"}) {
    if (doc.path.size() > ext.size() &&
        doc.path.compare(doc.path.size() - ext.size(), ext.size(), ext) == 0)
      return true;
  }
  const std::size_t limit = std::min<std::size_t>(doc.lines.size(), 3000);
  if (limit > 1 && (Trim(doc.lines[0]) == "---" || Trim(doc.lines[0]) == "+++")) return true;
  for (std::size_t i = 0; i < limit; ++i) {
    std::string_view l = doc.lines[i];
    if (l.size() > 4000) l = l.substr(0, 4000);
    if (RE2::FullMatch(l, heading) || RE2::FullMatch(l, fence) || RE2::FullMatch(l, table_rule) ||
        RE2::PartialMatch(l, link))
      return true;
  }
  return false;
}

namespace {

std::unique_ptr<cmark_node, NodeDeleter> ParseBody(const std::string& body) {
  return Parse(body, CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES,
               {"table", "autolink", "strikethrough", "tasklist"});
}

}  // namespace

TextDoc ReadTextDoc(const Document& doc) {
  TextDoc out;
  out.front_matter = ReadFrontMatter(doc, out.diagnostics);
  out.markdown = UsesMarkdown(doc);
  if (!out.markdown) {
    ReadPlainText(doc, out);
    return out;
  }
  // The body, with the front matter's lines left blank so that line numbers stay the document's.
  // cmark-gfm 0.29's inline parser is quadratic on some long paragraphs (many links and
  // emphasis), so a run of text longer than kChunk bytes without a blank line is cut by an
  // inserted blank line (at a line break, or at a space inside a longer line). `inserted` holds
  // the body lines that were added, to map line numbers back.
  constexpr std::size_t kChunk = 16 * 1024;
  std::string body;
  body.reserve(doc.text.size() + doc.text.size() / kChunk * 2 + 16);
  std::vector<int> inserted;
  int body_line = 1;
  std::size_t run = 0;  // bytes since the last blank line
  // Ends the current body line and adds a blank one. Within a source line (`within`), the
  // continuation is the same source line, so its body line counts as inserted too.
  auto cut = [&](bool within) {
    body += "\n\n";
    inserted.push_back(body_line + 1);
    if (within) inserted.push_back(body_line + 2);
    body_line += 2;
    run = 0;
  };
  const int skip = out.front_matter.present ? out.front_matter.last_line : 0;
  for (std::size_t i = 0; i < doc.lines.size(); ++i) {
    std::string_view line = static_cast<int>(i) >= skip ? std::string_view(doc.lines[i]) : "";
    if (Trim(line).empty()) {
      run = 0;
    } else if (run > 0 && run + line.size() > kChunk) {
      // End the current line where it is and cut before this one.
      body.pop_back();
      --body_line;
      cut(false);
    }
    while (line.size() > kChunk) {
      std::size_t at = line.rfind(' ', kChunk);
      if (at == std::string_view::npos || at == 0) at = kChunk;
      body.append(line.substr(0, at));
      cut(true);
      line.remove_prefix(std::min(line.size(), at + 1));
    }
    body.append(line);
    body.push_back('\n');
    ++body_line;
    run += line.size() + 1;
  }
  std::unique_ptr<cmark_node, NodeDeleter> root = ParseBody(body);
  if (!root) return out;
  // A code fence that is never closed runs to the end of the document; in a post that is a typo,
  // so the fence line is dropped and the rest read as text.
  if (cmark_node* last = cmark_node_last_child(root.get());
      last && cmark_node_get_type(last) == CMARK_NODE_CODE_BLOCK) {
    int length = 0, offset = 0;
    char fence = 0;
    if (cmark_node_get_fenced(last, &length, &offset, &fence) && length > 0) {
      // Closed when the block's last line is a fence of the same kind, at least as long.
      int end_line = cmark_node_get_end_line(last);
      int first_line = cmark_node_get_start_line(last);
      std::size_t line_start = 0;
      for (int l = 1; l < end_line && line_start != std::string::npos; ++l)
        line_start = body.find('\n', line_start) == std::string::npos
                         ? std::string::npos
                         : body.find('\n', line_start) + 1;
      std::string_view last_text;
      if (line_start != std::string::npos && line_start < body.size()) {
        std::size_t e = body.find('\n', line_start);
        last_text = Trim(std::string_view(body).substr(
            line_start, e == std::string::npos ? std::string::npos : e - line_start));
      }
      std::size_t run = 0;
      while (run < last_text.size() && last_text[run] == fence) ++run;
      bool closed = end_line > first_line && run >= static_cast<std::size_t>(length) &&
                    Trim(last_text.substr(run)).empty();
      if (!closed) {
        std::size_t open = 0;
        for (int l = 1; l < first_line && open != std::string::npos; ++l) {
          std::size_t nl = body.find('\n', open);
          open = nl == std::string::npos ? std::string::npos : nl + 1;
        }
        if (open != std::string::npos) {
          std::size_t e = body.find('\n', open);
          body.replace(open, (e == std::string::npos ? body.size() : e) - open, "");
          int original = first_line;
          for (int x : inserted)
            if (x <= first_line) --original;
          out.diagnostics.push_back(
              {Diagnostic::Severity::kWarning, doc.path, original,
               "code block opened on this line is never closed; the rest is read as text"});
          root = ParseBody(body);
          if (!root) return out;
        }
      }
    }
  }
  Builder builder(out);
  builder.Walk(root.get(), 0);
  if (!inserted.empty()) {
    auto original = [&](int line) {
      return line - static_cast<int>(std::upper_bound(inserted.begin(), inserted.end(), line) -
                                     inserted.begin());
    };
    for (Block& b : out.blocks)
      for (int& l : b.line_numbers) l = original(l);
    for (ListItem& item : out.items) {
      item.first_line = original(item.first_line);
      item.last_line = original(item.last_line);
    }
  }
  return out;
}

}  // namespace cnkg
