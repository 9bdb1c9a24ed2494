// Line wraps inside project names. See wrapped_names.h.

#include "extract/gazetteer/wrapped_names.h"

#include <algorithm>
#include <string>

#include "extract/gazetteer/gazetteer.h"

namespace cnkg {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace

std::vector<std::size_t> MoveWrapsOffNames(const Gazetteer& gazetteer, std::string_view text,
                                           const std::vector<std::size_t>& wraps,
                                           std::string_view context) {
  std::vector<std::size_t> out(wraps.begin(), wraps.end());
  for (std::size_t& wrap : out) {
    if (wrap >= text.size() || text[wrap] != '\n') continue;
    // The end of the line before: at most kWrapWindow bytes, from a word start.
    std::size_t tail = wrap > kWrapWindow ? wrap - kWrapWindow : 0;
    const std::size_t line_start = text.rfind('\n', wrap == 0 ? 0 : wrap - 1);
    if (line_start != std::string_view::npos && line_start < wrap && line_start + 1 > tail)
      tail = line_start + 1;
    if (tail > 0 && !IsSpace(text[tail - 1])) {
      while (tail < wrap && !IsSpace(text[tail])) ++tail;
    }
    // The start of the next line: at most kWrapWindow bytes, up to a word end.
    const std::size_t next = text.find('\n', wrap + 1);
    const std::size_t line_end = next == std::string_view::npos ? text.size() : next;
    std::size_t head = std::min(line_end, wrap + 1 + kWrapWindow);
    if (head < line_end) {
      while (head > wrap + 1 && !IsSpace(text[head])) --head;
    }
    if (head <= wrap + 1 || tail >= wrap) continue;
    // The two read as one line: offsets in `window` are offsets in `text` minus `tail`.
    std::string window(text.substr(tail, head - tail));
    window[wrap - tail] = ' ';
    const std::vector<ProjectMention> joined = gazetteer.FindMentions(window, context);
    std::size_t end = wrap;
    for (const ProjectMention& m : joined) {
      if (tail + m.begin < wrap && tail + m.end > wrap + 1) end = std::max(end, tail + m.end);
    }
    // A name that starts the next line but is not a name once the line before is read with it
    // was part of a longer one (a skipped name such as "Hong Kong").
    std::size_t first = wrap + 1;
    while (first < head && IsSpace(text[first])) ++first;
    // (Names a skipped name hides are capitalised: a lower-case first word is not looked up.)
    if (end == wrap && first < head && IsUpper(text[first])) {
      for (const ProjectMention& m : gazetteer.FindMentions(text.substr(first, head - first))) {
        if (m.begin != 0) break;
        const bool kept = std::any_of(joined.begin(), joined.end(), [&](const ProjectMention& j) {
          return tail + j.begin == first && tail + j.end == first + m.end;
        });
        if (!kept) end = first + m.end;
        break;
      }
    }
    // A name that ends the line before but is not a name once the next line is read with it
    // ("Linux" before "Foundation"): the next line's first word belongs to the line before.
    std::size_t last = wrap;
    while (last > tail && IsSpace(text[last - 1])) --last;
    std::size_t last_word = last;
    while (last_word > tail && !IsSpace(text[last_word - 1])) --last_word;
    if (end == wrap && last_word < last && IsUpper(text[last_word])) {
      const std::vector<ProjectMention> before =
          gazetteer.FindMentions(text.substr(tail, last - tail));
      if (!before.empty() && tail + before.back().end == last) {
        const ProjectMention& m = before.back();
        const bool kept = std::any_of(joined.begin(), joined.end(), [&](const ProjectMention& j) {
          return j.begin == m.begin && j.end == m.end;
        });
        if (!kept && first < head) {
          std::size_t word_end = first;
          while (word_end < head && !IsSpace(text[word_end])) ++word_end;
          end = word_end;
        }
      }
    }
    wrap = end;
  }
  return out;
}

}  // namespace cnkg
