#include "extract/grammar/sched_summary.h"

#include "common/strings.h"

namespace cnkg {

SchedSummary SplitSchedSummary(std::string_view summary) {
  SchedSummary out;
  const std::string text = CollapseSpaces(summary);
  const std::size_t dash = text.rfind(" - ");
  if (dash != std::string::npos && dash > 0) {
    if (auto speakers = ParseHeadingSpeakers(std::string_view(text).substr(dash + 3))) {
      out.title = std::string(Trim(std::string_view(text).substr(0, dash)));
      out.speakers = std::move(*speakers);
      return out;
    }
  }
  out.title = text;
  return out;
}

}  // namespace cnkg
