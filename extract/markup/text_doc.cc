#include "extract/markup/text_doc.h"

#include <algorithm>

namespace cnkg {

int Block::LineAt(std::size_t offset) const {
  // The number of breaks before `offset`.
  std::size_t before = static_cast<std::size_t>(
      std::lower_bound(breaks.begin(), breaks.end(), offset) - breaks.begin());
  return line_numbers[std::min(before, line_numbers.size() - 1)];
}

std::size_t Block::NextHardBreak(std::size_t from) const {
  for (auto it = std::lower_bound(breaks.begin(), breaks.end(), from); it != breaks.end(); ++it) {
    const std::size_t k = static_cast<std::size_t>(it - breaks.begin());
    if (k >= soft_breaks.size() || !soft_breaks[k]) return *it;
  }
  return text.size();
}

std::string Block::Joined() const {
  std::string out = text;
  std::size_t k = 0;
  for (char& c : out) {
    if (c != '\n') continue;
    if (k < soft_breaks.size() && soft_breaks[k]) c = ' ';
    ++k;
  }
  return out;
}

}  // namespace cnkg
