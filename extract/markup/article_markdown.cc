#include "extract/markup/article_markdown.h"

#include <re2/re2.h>

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <unordered_set>
#include <utility>

#include "common/strings.h"

namespace cnkg {
namespace {

using Kind = ArticleLineKind;

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
// A byte that belongs to a word: ASCII letters and digits, and every byte of a multi-byte UTF-8
// character (letters of other scripts).
bool IsWordByte(char c) { return IsAsciiAlnum(c) || (static_cast<unsigned char>(c) & 0x80); }
bool IsSpace(char c) { return c == ' ' || c == '\t'; }

int IndentOf(std::string_view s) {
  int cols = 0;
  for (char c : s) {
    if (c == ' ') {
      ++cols;
    } else if (c == '\t') {
      cols += 4;
    } else {
      break;
    }
  }
  return cols;
}

// HTML tag names that articles use for layout; other "<word>" text ("<none>" in command output) is
// kept as written.
bool IsHtmlTagName(std::string_view name) {
  static const std::unordered_set<std::string> kTags = {
      "a",       "abbr",  "b",     "br",      "center",  "code",       "dd",         "del",
      "details", "div",   "dl",    "dt",      "em",      "figcaption", "figure",     "font",
      "h1",      "h2",    "h3",    "h4",      "h5",      "h6",         "hr",         "i",
      "iframe",  "img",   "ins",   "kbd",     "li",      "mark",       "ol",         "p",
      "picture", "pre",   "s",     "small",   "source",  "span",       "strong",     "sub",
      "summary", "sup",   "table", "tbody",   "td",      "th",         "thead",      "tr",
      "u",       "ul",    "video", "section", "article", "aside",      "blockquote", "cite",
      "q",       "time",  "nav",   "header",  "footer",  "main",       "svg",        "path",
      "button",  "input", "label", "form",    "script",  "style",      "noscript",   "link",
      "meta",    "title"};
  return kTags.count(AsciiLower(name)) > 0;
}

// Offsets of the next occurrence of `c` at or after `from`, memoised so that repeated searches
// from increasing positions scan the text once.
class NextFinder {
 public:
  NextFinder(std::string_view s, char c) : s_(s), c_(c) {}
  std::size_t From(std::size_t from) {
    if (found_ != std::string_view::npos && found_ >= from && searched_from_ <= from) return found_;
    if (exhausted_ && searched_from_ <= from) return std::string_view::npos;
    searched_from_ = from;
    found_ = s_.find(c_, from);
    if (found_ == std::string_view::npos) exhausted_ = true;
    return found_;
  }

 private:
  std::string_view s_;
  char c_;
  std::size_t searched_from_ = 0;
  std::size_t found_ = std::string_view::npos;
  bool exhausted_ = false;
};

std::size_t UrlEnd(std::string_view s, std::size_t begin) {
  std::size_t end = begin;
  while (end < s.size() && !IsSpace(s[end]) && s[end] != '<' && s[end] != '>' && s[end] != '"' &&
         s[end] != '`')
    ++end;
  // Trailing punctuation belongs to the sentence, and an unbalanced ')' to the text around.
  while (end > begin) {
    char c = s[end - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
        c == '*' || c == '_') {
      --end;
      continue;
    }
    if (c == ')' || c == ']') {
      std::string_view u = s.substr(begin, end - begin);
      char open = c == ')' ? '(' : '[';
      if (std::count(u.begin(), u.end(), open) < std::count(u.begin(), u.end(), c)) {
        --end;
        continue;
      }
    }
    break;
  }
  return end;
}

bool StartsUrl(std::string_view s, std::size_t i) {
  if (i > 0 && IsWordByte(s[i - 1])) return false;
  return s.compare(i, 7, "http://") == 0 || s.compare(i, 8, "https://") == 0;
}

std::string StripFrontMatterValue(std::string_view v) {
  std::string s(Trim(v));
  if (s.size() >= 2 &&
      ((s.front() == '"' && s.back() == '"') || (s.front() == '\'' && s.back() == '\'')))
    s = s.substr(1, s.size() - 2);
  if (s.size() >= 2 && s.front() == '[' && s.back() == ']') {
    std::vector<std::string> items;
    for (std::string& item : Split(std::string_view(s).substr(1, s.size() - 2), ",")) {
      items.push_back(StripFrontMatterValue(item));
    }
    s = Join(items, ", ");
  }
  return CollapseSpaces(s);
}

// Reads "key: value" lines (and "- item" lists under a key) of a front matter block.
void ParseFrontMatter(const std::vector<std::string>& lines, int first, int last, FrontMatter* fm) {
  static const RE2 kv(R"(^([A-Za-z_][\w.-]*)\s*[:=]\s*(.*)$)");
  static const RE2 item(R"(^\s+-\s+(.*)$|^-\s+(.*)$)");
  assert(kv.ok() && item.ok());
  std::string key;
  for (int i = first + 1; i < last; ++i) {
    const std::string& line = lines[static_cast<std::size_t>(i)];
    std::string k, v, a, b;
    if (RE2::FullMatch(line, kv, &k, &v)) {
      key = AsciiLower(k);
      fm->fields[key] = StripFrontMatterValue(v);
      fm->field_lines[key] = i + 1;
    } else if (!key.empty() && RE2::FullMatch(line, item, &a, &b)) {
      std::string value = StripFrontMatterValue(a.empty() ? b : a);
      std::string& f = fm->fields[key];
      f = f.empty() ? value : f + ", " + value;
    }
  }
}

}  // namespace

std::string CleanInline(std::string_view raw, const std::map<std::string, std::string>& refs,
                        std::vector<ArticleLink>* links) {
  std::string out;
  out.reserve(raw.size());
  NextFinder close_bracket(raw, ']'), close_paren(raw, ')'), backtick(raw, '`'), gt(raw, '>');
  auto add_link = [&](std::string text, std::string url) {
    if (links) links->push_back({std::move(text), std::move(url)});
  };
  std::size_t i = 0;
  const std::size_t n = raw.size();
  while (i < n) {
    char c = raw[i];
    if (c == '\\' && i + 1 < n && std::ispunct(static_cast<unsigned char>(raw[i + 1]))) {
      out.push_back(raw[i + 1]);
      i += 2;
      continue;
    }
    if (c == '[' || (c == '!' && i + 1 < n && raw[i + 1] == '[')) {
      std::size_t open = c == '!' ? i + 1 : i;
      std::size_t close = close_bracket.From(open + 1);
      if (close != std::string_view::npos) {
        std::string_view label = raw.substr(open + 1, close - open - 1);
        std::string text = CleanInline(label, refs, links);
        if (close + 1 < n && raw[close + 1] == '(') {
          std::size_t end = close_paren.From(close + 2);
          if (end != std::string_view::npos) {
            std::string_view target = Trim(raw.substr(close + 2, end - close - 2));
            std::size_t sp = target.find_first_of(" \t");
            std::string url(sp == std::string_view::npos ? target : target.substr(0, sp));
            if (url.size() >= 2 && url.front() == '<' && url.back() == '>')
              url = url.substr(1, url.size() - 2);
            add_link(text, url);
            out += text;
            i = end + 1;
            continue;
          }
        }
        std::string ref;
        std::size_t after = close + 1;
        if (after < n && raw[after] == '[') {
          std::size_t end = close_bracket.From(after + 1);
          if (end != std::string_view::npos) {
            ref = AsciiLower(Trim(raw.substr(after + 1, end - after - 1)));
            if (ref.empty()) ref = AsciiLower(Trim(label));
            after = end + 1;
          }
        } else {
          ref = AsciiLower(Trim(label));
        }
        auto it = refs.find(ref);
        if (it != refs.end()) {
          add_link(text, it->second);
          out += text;
          i = after;
          continue;
        }
      }
      out.push_back(c);
      ++i;
      continue;
    }
    if (c == '`') {
      std::size_t run = 1;
      while (i + run < n && raw[i + run] == '`') ++run;
      if (run == 1) {
        std::size_t end = backtick.From(i + 1);
        if (end != std::string_view::npos) {
          out.append(raw.substr(i + 1, end - i - 1));
          i = end + 1;
          continue;
        }
      }
      i += run;  // longer runs and unmatched backticks are dropped
      continue;
    }
    if (c == '<') {
      std::size_t end = gt.From(i + 1);
      if (end != std::string_view::npos) {
        std::string_view inner = raw.substr(i + 1, end - i - 1);
        if (inner.substr(0, 7) == "http://" || inner.substr(0, 8) == "https://") {
          add_link(std::string(inner), std::string(inner));
          out.append(inner);
          i = end + 1;
          continue;
        }
        std::string_view name = inner;
        if (!name.empty() && name.front() == '/') name.remove_prefix(1);
        std::size_t name_end = 0;
        while (name_end < name.size() && IsAsciiAlnum(name[name_end])) ++name_end;
        if (name_end > 0 && IsHtmlTagName(name.substr(0, name_end)) &&
            (name_end == name.size() || IsSpace(name[name_end]) || name[name_end] == '/')) {
          out.push_back(' ');
          i = end + 1;
          continue;
        }
        if (inner.substr(0, 3) == "!--") {  // an HTML comment on one line
          i = end + 1;
          continue;
        }
      }
      out.push_back(c);
      ++i;
      continue;
    }
    if (c == '*' || c == '_' || c == '~') {
      std::size_t run = 1;
      while (i + run < n && raw[i + run] == c) ++run;
      bool before_word = i + run < n && !IsSpace(raw[i + run]);
      bool after_word = i > 0 && !IsSpace(raw[i - 1]);
      bool boundary_before = i == 0 || !IsWordByte(raw[i - 1]);
      bool boundary_after = i + run >= n || !IsWordByte(raw[i + run]);
      bool markup = c == '~'   ? run == 2
                    : c == '_' ? (before_word && boundary_before) || (after_word && boundary_after)
                               : before_word || after_word;
      if (markup) {
        i += run;
        continue;
      }
      out.append(raw.substr(i, run));
      i += run;
      continue;
    }
    if ((c == 'h') && StartsUrl(raw, i)) {
      std::size_t end = UrlEnd(raw, i);
      std::string url(raw.substr(i, end - i));
      add_link(url, url);
      out += url;
      i = end;
      continue;
    }
    out.push_back(c);
    ++i;
  }
  return CollapseSpaces(out);
}

ArticleText ReadArticleText(const Document& doc) {
  static const RE2 fence(R"(^ {0,3}(`{3,}|~{3,})(.*)$)");
  static const RE2 atx(R"(^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$)");
  static const RE2 closing_hashes(R"(^(.*?)(?:\s+#+)?\s*(?:\{#[^}]*\})?\s*$)");
  static const RE2 rule(R"(^ {0,3}([-*_])(?:[ \t]*([-*_]))(?:[ \t]*[-*_])+[ \t]*$)");
  static const RE2 list(R"(^([ \t]*)([-*+\x{2022}]|\d{1,3}[.)])[ \t]+(\S.*)$)");
  static const RE2 task(R"(^\[[ xX]\]\s+(.*)$)");
  static const RE2 table_rule(
      R"(^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$|^\s*\|\s*:?-+:?\s*\|\s*$)");
  static const RE2 link_def(R"(^ {0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+.*)?$)");
  static const RE2 quote(R"(^ {0,3}>\s?(.*)$)");
  static const RE2 bold_only(R"(^(?:\*\*|__)([^*_].*?)(?:\*\*|__)\s*[:.]?$)");
  static const RE2 setext1(R"(^ {0,3}=+\s*$)");
  static const RE2 setext2(R"(^ {0,3}-+\s*$)");
  static const RE2 fm_key(R"(^[A-Za-z_][\w.-]*\s*[:=].*$)");
  static const RE2 md_link(R"(\]\((?:https?://|/|#))");
  assert(fence.ok() && atx.ok() && closing_hashes.ok() && rule.ok() && list.ok() && task.ok() &&
         table_rule.ok() && link_def.ok() && quote.ok() && bold_only.ok() && setext1.ok() &&
         setext2.ok() && fm_key.ok() && md_link.ok());

  ArticleText out;
  const std::vector<std::string>& src = doc.lines;
  const std::size_t n = src.size();
  out.lines.resize(n);
  std::vector<std::string> content(n);  // the line without its block marker
  for (std::size_t i = 0; i < n; ++i) out.lines[i].number = static_cast<int>(i + 1);
  auto warn = [&](int line, std::string msg) {
    out.diagnostics.push_back({Diagnostic::Severity::kWarning, doc.path, line, std::move(msg)});
  };

  // Front matter: "---" (or "+++") on line 1, "key: value" lines, a closing fence.
  std::size_t start = 0;
  if (n > 1) {
    std::string_view first = Trim(src[0]);
    if ((first == "---" || first == "+++") && RE2::FullMatch(src[1], fm_key)) {
      std::size_t close = 0;
      for (std::size_t j = 1; j < n && j < 1000; ++j) {
        std::string_view t = Trim(src[j]);
        if (t == first || (first == "---" && t == "...")) {
          close = j;
          break;
        }
      }
      if (close == 0) {
        warn(1, "front matter opened with '" + std::string(first) +
                    "' on line 1 is never closed; the document is read as text");
      } else {
        out.front_matter.present = true;
        out.front_matter.first_line = 1;
        out.front_matter.last_line = static_cast<int>(close + 1);
        ParseFrontMatter(src, 0, static_cast<int>(close), &out.front_matter);
        for (std::size_t j = 0; j <= close; ++j) out.lines[j].kind = Kind::kFrontMatter;
        start = close + 1;
      }
    }
  }

  // Pass 1: block kinds that do not depend on whether the text is Markdown.
  std::map<std::string, std::string> refs;
  int atx_headings = 0, fenced_blocks = 0, tables = 0, md_links = 0;
  // For each fence character, the shortest fence length known to have no closing fence later.
  std::size_t unclosed_backtick = std::string::npos, unclosed_tilde = std::string::npos;
  for (std::size_t i = start; i < n; ++i) {
    ArticleLine& l = out.lines[i];
    const std::string& s = src[i];
    l.indent = IndentOf(s);
    std::string marker, rest;
    if (Trim(s).empty()) {
      l.kind = Kind::kBlank;
      continue;
    }
    if (RE2::FullMatch(s, fence, &marker, &rest)) {
      char fc = marker[0];
      std::size_t& unclosed = fc == '`' ? unclosed_backtick : unclosed_tilde;
      std::size_t close = 0;
      if (marker.size() < unclosed) {
        for (std::size_t j = i + 1; j < n; ++j) {
          std::string m2, r2;
          if (RE2::FullMatch(src[j], fence, &m2, &r2) && m2[0] == fc &&
              m2.size() >= marker.size() && Trim(r2).empty()) {
            close = j;
            break;
          }
        }
      }
      if (close == 0) {
        unclosed = std::min(unclosed, marker.size());
        warn(static_cast<int>(i + 1),
             "code block opened on this line is never closed; the rest is read as text");
        l.kind = Kind::kCode;
        continue;
      }
      for (std::size_t j = i; j <= close; ++j) out.lines[j].kind = Kind::kCode;
      ++fenced_blocks;
      i = close;
      continue;
    }
    std::string hashes, text;
    if (RE2::FullMatch(s, atx, &hashes, &text)) {
      std::string body;
      RE2::FullMatch(text, closing_hashes, &body);
      if (Trim(body).empty()) {
        l.kind = Kind::kRule;  // "#" alone: an empty heading
        continue;
      }
      l.kind = Kind::kHeading;
      l.level = static_cast<int>(hashes.size());
      content[i] = body;
      ++atx_headings;
      continue;
    }
    if (RE2::FullMatch(s, rule)) {
      l.kind = Kind::kRule;
      continue;
    }
    std::string label, url;
    if (RE2::FullMatch(s, link_def, &label, &url)) {
      l.kind = Kind::kLinkDefinition;
      refs[AsciiLower(Trim(label))] = url;
      continue;
    }
    if (s.find('|') != std::string::npos) {
      bool rule_next = i + 1 < n && RE2::FullMatch(src[i + 1], table_rule);
      bool in_table = i > start && (out.lines[i - 1].kind == Kind::kTableRow ||
                                    out.lines[i - 1].kind == Kind::kTableRule);
      if (RE2::FullMatch(s, table_rule) && in_table) {
        l.kind = Kind::kTableRule;
        continue;
      }
      if (rule_next || in_table) {
        l.kind = Kind::kTableRow;
        if (rule_next) ++tables;
        continue;
      }
    }
    std::string indent, bullet, item;
    if (RE2::FullMatch(s, list, &indent, &bullet, &item)) {
      l.kind = Kind::kListItem;
      std::string t;
      if (RE2::FullMatch(item, task, &t)) item = t;
      content[i] = item;
      continue;
    }
    std::string quoted;
    if (RE2::FullMatch(s, quote, &quoted)) {
      l.kind = Kind::kQuote;
      content[i] = quoted;
      continue;
    }
    l.kind = Kind::kText;
    content[i] = std::string(Trim(s));
    if (s.size() < 100000 && RE2::PartialMatch(s, md_link)) ++md_links;
  }
  out.markdown = out.front_matter.present || atx_headings > 0 || fenced_blocks > 0 || tables > 0 ||
                 md_links > 0;

  // Pass 2 (Markdown only): setext headings and indented code blocks.
  if (out.markdown) {
    for (std::size_t i = start; i < n; ++i) {
      ArticleLine& l = out.lines[i];
      if (l.kind != Kind::kText) continue;
      bool after_blank = i == start || out.lines[i - 1].kind == Kind::kBlank ||
                         out.lines[i - 1].kind == Kind::kHeading ||
                         out.lines[i - 1].kind == Kind::kRule ||
                         out.lines[i - 1].kind == Kind::kLinkDefinition ||
                         out.lines[i - 1].kind == Kind::kFrontMatter;
      if (after_blank && i + 1 < n && l.indent < 4) {
        bool h1 = RE2::FullMatch(src[i + 1], setext1);
        bool h2 = !h1 && RE2::FullMatch(src[i + 1], setext2);
        if (h1 || h2) {
          l.kind = Kind::kHeading;
          l.level = h1 ? 1 : 2;
          out.lines[i + 1].kind = Kind::kRule;
          ++i;
          continue;
        }
      }
      if (l.indent >= 4) {
        // An indented code block starts after a blank line that does not follow a list.
        std::size_t p = i;
        while (p > start && out.lines[p - 1].kind == Kind::kBlank) --p;
        bool blank_before = p < i;
        bool after_list =
            p > start && (out.lines[p - 1].kind == Kind::kListItem ||
                          (out.lines[p - 1].kind == Kind::kText && out.lines[p - 1].indent >= 2));
        bool continues_code =
            p > start && out.lines[p - 1].kind == Kind::kCode && IndentOf(src[p - 1]) >= 4;
        if ((blank_before && !after_list) || continues_code) l.kind = Kind::kCode;
      }
    }
  }

  // Pass 3: inline text.
  for (std::size_t i = start; i < n; ++i) {
    ArticleLine& l = out.lines[i];
    switch (l.kind) {
      case Kind::kHeading:
      case Kind::kListItem:
      case Kind::kQuote:
      case Kind::kText: {
        // Setext headings keep their whole line; the others their content after the marker.
        std::string c = content[i].empty() ? std::string(Trim(src[i])) : content[i];
        std::string inner;
        if (c.size() < 2000 && RE2::FullMatch(c, bold_only, &inner)) {
          l.bold = true;
        }
        l.text = CleanInline(c, refs, &l.links);
        break;
      }
      case Kind::kTableRow: {
        std::string_view row = Trim(src[i]);
        if (!row.empty() && row.front() == '|') row.remove_prefix(1);
        if (!row.empty() && row.back() == '|') row.remove_suffix(1);
        // Split on '|' outside code spans and not escaped.
        std::vector<std::string> raw_cells;
        std::string cell;
        bool in_code = false;
        for (std::size_t k = 0; k < row.size(); ++k) {
          char ch = row[k];
          if (ch == '\\' && k + 1 < row.size() && row[k + 1] == '|') {
            cell.push_back('|');
            ++k;
            continue;
          }
          if (ch == '`') in_code = !in_code;
          if (ch == '|' && !in_code) {
            raw_cells.push_back(cell);
            cell.clear();
            continue;
          }
          cell.push_back(ch);
        }
        raw_cells.push_back(cell);
        std::vector<std::string> texts;
        for (const std::string& rc : raw_cells) {
          std::vector<ArticleLink> cl;
          l.cells.push_back(CleanInline(rc, refs, &cl));
          texts.push_back(l.cells.back());
          for (const ArticleLink& link : cl) l.links.push_back(link);
          l.cell_links.push_back(std::move(cl));
        }
        l.text = Join(texts, " | ");
        break;
      }
      case Kind::kCode: {
        // Code keeps its text (project names in commands are mentions) but is never a heading.
        std::string_view t = Trim(src[i]);
        std::string m, r;
        if (!RE2::FullMatch(src[i], fence, &m, &r)) l.text = CollapseSpaces(t);
        break;
      }
      default:
        break;
    }
  }
  return out;
}

}  // namespace cnkg
