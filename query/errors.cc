#include "query/errors.h"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <vector>

namespace cnkg::query {
namespace {

// One code point of `s` at `i`: its byte length (at least 1) and display width (0..2). Invalid
// bytes count as one narrow character.
struct CodePoint {
  std::size_t bytes = 1;
  int width = 1;
  bool valid = true;
  bool tab = false;
};

CodePoint ReadCodePoint(std::string_view s, std::size_t i) {
  CodePoint cp;
  utf8proc_int32_t c = 0;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                            static_cast<utf8proc_ssize_t>(s.size() - i), &c);
  if (n <= 0) {
    cp.valid = false;
    return cp;
  }
  cp.bytes = static_cast<std::size_t>(n);
  cp.tab = c == '\t';
  cp.width = c < 0x20 ? 1 : std::max(0, utf8proc_charwidth(c));
  return cp;
}

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::size_t BoundaryAtOrBefore(std::string_view s, std::size_t i) {
  while (i > 0 && i < s.size() && IsContinuation(s[i])) --i;
  return i;
}

}  // namespace

LineColumn LocateOffset(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  LineColumn lc;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++lc.line;
      line_start = i + 1;
    }
  }
  int col = 1;
  for (std::size_t i = line_start; i < offset; ++i)
    if (!IsContinuation(text[i])) ++col;
  lc.column = col;
  return lc;
}

std::string RenderAt(std::string_view text, SourceSpan span, std::string_view message) {
  std::size_t begin = std::min(span.begin, text.size());
  if (begin == text.size()) {
    // The end of the query: point just after its last visible character.
    while (begin > 0 && std::isspace(static_cast<unsigned char>(text[begin - 1]))) --begin;
  }
  std::size_t end = std::max(begin, std::min(span.end, text.size()));
  const LineColumn lc = LocateOffset(text, begin);

  const std::size_t last_newline = text.substr(0, begin).rfind('\n');
  const std::size_t line_start = last_newline == std::string_view::npos ? 0 : last_newline + 1;
  std::size_t line_end = text.find('\n', begin);
  if (line_end == std::string_view::npos) line_end = text.size();
  if (!text.empty() && line_end > line_start && text[line_end - 1] == '\r') --line_end;
  end = std::min(end, line_end);

  // Long lines: show about 60 bytes before and 80 after the spot.
  std::size_t show_from = line_start, show_to = line_end;
  bool cut_left = false, cut_right = false;
  if (line_end - line_start > 160) {
    if (begin > line_start + 60) {
      show_from = BoundaryAtOrBefore(text, begin - 60);
      cut_left = true;
    }
    if (line_end > begin + 80) {
      show_to = BoundaryAtOrBefore(text, begin + 80);
      cut_right = true;
    }
  }

  std::string shown = cut_left ? "..." : "";
  std::string marks = cut_left ? "   " : "";
  for (std::size_t i = show_from; i < show_to;) {
    CodePoint cp = ReadCodePoint(text, i);
    const char* bytes = text.data() + i;
    if (!cp.valid) {
      shown += '?';
    } else {
      shown.append(bytes, cp.bytes);
    }
    if (i < begin) {
      if (cp.tab) {
        marks += '\t';
      } else {
        marks.append(static_cast<std::size_t>(cp.width), ' ');
      }
    } else if (i == begin) {
      marks += '^';
      if (cp.width > 1) marks.append(static_cast<std::size_t>(cp.width - 1), '~');
    } else if (i < end) {
      marks.append(static_cast<std::size_t>(std::max(cp.width, 1)), '~');
    }
    i += cp.bytes;
  }
  if (begin >= show_to) marks += '^';
  if (cut_right) shown += "...";

  std::string out = "line " + std::to_string(lc.line) + ", column " + std::to_string(lc.column) +
                    ": " + std::string(message) + "\n" + shown + "\n" + marks;
  return out;
}

std::size_t EditDistance(std::string_view a, std::string_view b) {
  // Optimal string alignment: insertions, deletions, substitutions and adjacent transpositions
  // ("Tlak" is one edit from "Talk").
  auto lower = [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  };
  const std::size_t n = a.size(), m = b.size();
  if (n > 64 || m > 64) return std::max(n, m);  // nothing that long is a typo of a name
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const bool same = lower(a[i - 1]) == lower(b[j - 1]);
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (same ? 0 : 1)});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
          lower(a[i - 2]) == lower(b[j - 1]))
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[n][m];
}

}  // namespace cnkg::query
