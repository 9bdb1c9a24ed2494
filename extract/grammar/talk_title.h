#ifndef CNKG_EXTRACT_GRAMMAR_TALK_TITLE_H_
#define CNKG_EXTRACT_GRAMMAR_TALK_TITLE_H_

#include <string>
#include <string_view>
#include <vector>

namespace cnkg {

// Other names a talk title goes by, for matching the same talk across documents: the title
// without leading symbols and emoji ("🚨 Contribfest: X" -> "Contribfest: X"), and without a
// session-kind prefix such as "Keynote:", "Sponsored Keynote:", "Lightning Talk:", "Panel:",
// "Workshop:" ("Keynote: X" -> "X"). Never contains `title` itself; may be empty.
std::vector<std::string> TalkTitleAliases(std::string_view title);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_GRAMMAR_TALK_TITLE_H_
