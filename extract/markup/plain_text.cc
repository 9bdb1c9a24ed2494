#include "extract/markup/plain_text.h"

#include <re2/re2.h>

#include <algorithm>
#include <cassert>

#include "common/strings.h"
#include "extract/markup/markdown.h"

namespace cnkg {
namespace {

// Columns of leading whitespace; a tab counts four.
int Indent(std::string_view line) {
  int n = 0;
  for (char c : line) {
    if (c == ' ') {
      ++n;
    } else if (c == '\t') {
      n += 4;
    } else {
      break;
    }
  }
  return n;
}

// Appends `line` (one line's block) to `to` after a soft wrap, shifting its offsets.
void AppendWrappedLine(Block& to, Block line) {
  const std::size_t shift = to.text.size() + 1;
  to.breaks.push_back(to.text.size());
  to.soft_breaks.push_back(true);
  to.text += '\n';
  to.text += line.text;
  for (std::size_t k = 0; k < line.breaks.size(); ++k) {
    to.breaks.push_back(line.breaks[k] + shift);
    to.soft_breaks.push_back(k < line.soft_breaks.size() && line.soft_breaks[k]);
  }
  to.line_numbers.insert(to.line_numbers.end(), line.line_numbers.begin(), line.line_numbers.end());
  for (TextLink& l : line.links) {
    l.begin += shift;
    l.end += shift;
    to.links.push_back(std::move(l));
  }
  for (TextSpan& sp : line.spans) {
    sp.begin += shift;
    sp.end += shift;
    to.spans.push_back(sp);
  }
}

}  // namespace

void ReadPlainText(const Document& doc, TextDoc& out) {
  static const RE2 marker(R"(^\s*(?:[-*+]|\x{2022}|\d{1,3}[.)])\s+(\S.*)$)");
  assert(marker.ok());
  const int skip = out.front_matter.present ? out.front_matter.last_line : 0;
  // Open list items, innermost last, with the indentation of their marker.
  std::vector<std::pair<int, int>> open;  // (item index, indent)
  auto close_until = [&](int indent, std::size_t end_block) {
    while (!open.empty() && open.back().second >= indent) {
      out.items[static_cast<std::size_t>(open.back().first)].end_block = end_block;
      open.pop_back();
    }
  };
  for (std::size_t i = static_cast<std::size_t>(skip); i < doc.lines.size(); ++i) {
    const std::string_view raw = doc.lines[i];
    if (Trim(raw).empty()) continue;
    const int line = static_cast<int>(i + 1);
    // "Title\n=====" or "Title\n-----": the line above is a heading, as in Markdown, when it
    // is a short line of its own rather than a sentence.
    static const RE2 underline(R"(^\s{0,3}(?:=+|-+)\s*$)");
    assert(underline.ok());
    if (i > static_cast<std::size_t>(skip) && !out.blocks.empty() &&
        out.blocks.back().first_line() == line - 1 && out.blocks.back().item < 0 &&
        out.blocks.back().kind == BlockKind::kParagraph && Trim(raw).size() >= 3 &&
        RE2::FullMatch(raw, underline)) {
      Block& above = out.blocks.back();
      std::string_view text = Trim(above.text);
      if (!text.empty() && text.size() <= 120 && text.back() != '.' &&
          std::count(text.begin(), text.end(), ' ') < 14) {
        above.kind = BlockKind::kHeading;
        above.level = Trim(raw)[0] == '=' ? 1 : 2;
        continue;
      }
    }
    const int indent = Indent(raw);
    std::string content;
    bool item = raw.size() < 8000 && RE2::FullMatch(raw, marker, &content);
    // A line less indented than an open item's text ends that item, unless the item's last line
    // stopped mid-phrase (a lazy continuation, as in Markdown): "* \"Title\" by A & B,\nboth
    // from Org.".
    bool lazy = false;
    if (!item && !open.empty() && i > 0 && indent <= open.back().second &&
        out.items[static_cast<std::size_t>(open.back().first)].last_line == line - 1) {
      static const RE2 unfinished(R"((?i)(?:[,&]|\band|\bby|\bwith|\bof|\bfrom|\bthe)$)");
      assert(unfinished.ok());
      lazy = RE2::PartialMatch(Trim(doc.lines[i - 1]), unfinished);
    }
    if (lazy && !out.blocks.empty() && out.blocks.back().last_line() == line - 1) {
      // The line joins the item's last block after a soft wrap.
      AppendWrappedLine(out.blocks.back(), InlineBlock(raw, line));
      for (auto& [index, unused] : open)
        out.items[static_cast<std::size_t>(index)].last_line = line;
      continue;
    }
    if (!item) {
      while (!open.empty() && indent <= open.back().second)
        close_until(open.back().second, out.blocks.size());
    } else {
      close_until(indent, out.blocks.size());
    }
    Block b = InlineBlock(item ? std::string_view(content) : std::string_view(raw), line);
    b.item = open.empty() ? -1 : open.back().first;
    if (item) {
      ListItem li;
      li.parent = open.empty() ? -1 : open.back().first;
      li.depth = static_cast<int>(open.size()) + 1;
      li.ordered = std::isdigit(static_cast<unsigned char>(Trim(raw)[0]));
      li.first_line = li.last_line = line;
      li.first_block = out.blocks.size();
      li.end_block = out.blocks.size() + 1;
      out.items.push_back(li);
      open.emplace_back(static_cast<int>(out.items.size() - 1), indent);
      b.item = open.back().first;
      b.item_head = true;
    }
    for (auto& [index, unused] : open) {
      ListItem& li = out.items[static_cast<std::size_t>(index)];
      li.last_line = line;
      li.end_block = out.blocks.size() + 1;
    }
    out.blocks.push_back(std::move(b));
  }
  close_until(-1, out.blocks.size());
}

}  // namespace cnkg
