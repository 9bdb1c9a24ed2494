#ifndef CNKG_EXTRACT_GRAMMAR_EVENT_NAMES_H_
#define CNKG_EXTRACT_GRAMMAR_EVENT_NAMES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cnkg {

// Names of conferences as texts write them: "KubeCon + CloudNativeCon Europe 2025", "KubeCon EU",
// "KCD Zurich 2025", "Open Source Summit North America". Canonical names for KubeCon editions are
// graph/resolve.h's job; this module finds the names and tells what else a text unit says.

struct EventMention {
  std::string name;    // as found, spacing normalised: "KubeCon + CloudNativeCon Europe 2025"
  std::string family;  // the series, folded: "kubecon" for KubeCon and CloudNativeCon, "kcd"...
  std::string region;  // "Europe", "EU", "London"; empty if none
  std::string year;    // "2025"; empty if none
  int score = 0;       // how much the name says: words + 2 for a region + 2 for a year
  std::size_t begin = 0, end = 0;  // byte offsets in the text
};

// Every event name in `text` (at most the first 20,000 bytes are read), left to right.
std::vector<EventMention> FindEventNames(std::string_view text);

// The event a whole text unit names and nothing else ("KubeCon EU", "KubeCon NA 2024 talks:",
// "Talks at KubeCon + CloudNativeCon Europe 2025", "KCD Zurich (June 2025)"): the event's name,
// or "" when the unit says more than that.
std::string EventLabel(std::string_view text);

// A talk reference with an event written before or after its title: "[KubeCon EU 2025] - Title",
// "KubeCon NA 2025: Title", "Title - KubeCon Europe 2024", "Title (KubeCon EU 2024)", "Title |
// KubeCon EU". `title` is the reference without the event; `event` is the event's name, or ""
// (then `title` is the input, trimmed).
struct EventAffix {
  std::string title;
  std::string event;
};
EventAffix SplitEventAffix(std::string_view text);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_GRAMMAR_EVENT_NAMES_H_
