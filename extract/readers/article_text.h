#ifndef CNKG_EXTRACT_READERS_ARTICLE_TEXT_H_
#define CNKG_EXTRACT_READERS_ARTICLE_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

// The shape of text units, as the article reader judges them: case, prose, code, and the names
// of sections that are or are not about talks. Internal to the article reader (article*.cc).

namespace cnkg::article {

// The words of `s` (split at spaces and tabs), looking at the first `limit` bytes only.
std::vector<std::string_view> WordsOf(std::string_view s, std::size_t limit = 4000);

// Title Case: the first word and every significant word capitalised; `lenient` allows about one
// lower-case word in four (a sentence-case title with a proper noun or two fails).
bool TitleCase(std::string_view text, bool lenient);

// True when the first word with letters is capitalised (or a digit or symbol).
bool FirstCapitalised(std::string_view text);

// Command lines, command output, code.
bool CodeLike(std::string_view t);

// Prose: a sentence of at least five words, mostly plain words, some in lower case.
bool IsProse(std::string_view t);

// True when every word with letters is written in capitals and there are at least two.
bool AllCaps(std::string_view t);

// True when the text ends in '.', ',', ';' or ':'.
bool EndsSentence(std::string_view t);

// The text without leading symbols and emoji ("🚩 Title" -> "Title").
std::string WithoutLeadingSymbols(std::string_view t);

// The lower-cased heading text without symbols and a trailing colon, for the name lists below.
std::string HeadingKey(std::string_view t);

// A day header: "Day 1 - KubeCon", "Wednesday, March 12", "KubeCon Day 2: Keynotes", a section
// named after a day. "Day 2 Operations" is a topic, not a day.
bool DayLike(std::string_view t);

// Only a day: "Day 1", "Wednesday", "Day Two:" (a talk's title is never just that).
bool BareDay(std::string_view t);

// Article sections after which the talks are over: "Conclusion", "TL;DR", "Recordings".
bool EndSection(std::string_view t);

// Headings that open a list of talks: "Keynotes", "Talks I attended".
bool TalkSectionName(std::string_view t);

// Headings of parts of a talk's write-up, or of an article, that are never talks.
bool GenericSection(std::string_view t);

// "Time: 10:00", "Venue: Hall B": a field of a session, never a heading.
bool FieldLine(std::string_view t);

// Breaks, meals and social events: sessions no one presents.
bool NonTalkSession(std::string_view t);

// "Keynote: X", "Lightning Talk: X", "Workshop: X".
bool HasSessionPrefix(std::string_view t);

// Link texts that name a link, not a talk: "Slides", "Talk on sched.com", "Watch on YouTube".
bool LinkWordsOnly(std::string_view text);

}  // namespace cnkg::article

#endif  // CNKG_EXTRACT_READERS_ARTICLE_TEXT_H_
