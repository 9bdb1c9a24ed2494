#ifndef CNKG_EXTRACT_GAZETTEER_WRAPPED_NAMES_H_
#define CNKG_EXTRACT_GAZETTEER_WRAPPED_NAMES_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace cnkg {

class Gazetteer;

// Line wraps that fall inside a project name.
//
// A paragraph hard-wrapped in its source is read line by line, because a line says things about
// itself that the paragraph does not (a Title Cased title line followed by its description). A
// name that the wrap splits ("Envoy" / "Gateway", "Hong" / "Kong") would then be lost or misread.
// MoveWrapsOffNames says, for each wrap, where its line should end instead so that no name is
// split: after a name that spans the wrap, or after a name at the start of the next line that
// only reads as a name without the line before it ("Kong" after "Hong").
//
// `text` is a paragraph; `wraps` are the offsets, in increasing order, of the '\n' bytes in it
// that are soft wraps (another '\n' is a hard break: no name spans it). `context` is passed to
// Gazetteer::FindMentions (the paragraph's link URLs). Returns one offset per wrap: the wrap
// itself when no name spans it, else the end of the name (on the next line, before the next
// '\n'); the bytes between the wrap and that offset belong to the line before. The work is a few
// lookups of at most 2 * kWrapWindow bytes per wrap.
std::vector<std::size_t> MoveWrapsOffNames(const Gazetteer& gazetteer, std::string_view text,
                                           const std::vector<std::size_t>& wraps,
                                           std::string_view context = {});

// How far on each side of a wrap names are looked for, in bytes.
inline constexpr std::size_t kWrapWindow = 64;

}  // namespace cnkg

#endif  // CNKG_EXTRACT_GAZETTEER_WRAPPED_NAMES_H_
