#ifndef CNKG_EXTRACT_GRAMMAR_ARTICLE_SPEAKERS_H_
#define CNKG_EXTRACT_GRAMMAR_ARTICLE_SPEAKERS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cnkg {

// The grammar of a talk as an article writes it on one line: a title, a dash, and the people who
// present it, as in a recap post's heading or a talk-picks list item:
//
//   Title - Ana Silva, Initech & Bo Li, Globex
//   Title - Ana Silva & Bo Li, Initech                      (both at Initech)
//   Title - Ana Silva, Staff Engineer, Initech; Bo Li, VP, Sales, Globex
//   Title - Ana Silva, VP, Research & Development, Initech & Bo Li, Globex
//   Title - Ana Silva (Initech) & Bo Li (Globex)            (the schedule form, speakers.h)
//
// Titles may themselves contain dashes ("Part One - Part Two - Ana Silva, Initech"), job titles
// contain commas and '&', organisations contain dashes or parentheses ("ACME - Acme Bank",
// "Globex (formerly Initrode)"). The split is made at the first dash after which every piece of
// the rest begins with a plausible person's name. All rules are general: none names a particular
// talk, person or organisation.

// One person credited on a talk line. Strings are UTF-8, trimmed, inner whitespace collapsed.
struct HeadingSpeaker {
  std::string name;
  // "Staff Engineer", "VP, Sales", "Founder & CEO"; empty when none is given.
  std::string job_title;
  // The organisation as written, legal suffix kept, without a note such as "(formerly X)";
  // empty when none is given or the text names no organisation ("Independent"). Normalising it is
  // the resolver's job (graph/resolve.h).
  std::string organization;
  // Other names of the organisation read from the line: a former name ("(formerly X)" -> "X"),
  // the long form of an acronym ("ACME - Acme Bank" -> "Acme Bank"). Never contains
  // `organization`.
  std::vector<std::string> organization_aliases;
};

// A line split into a talk title and its speakers.
struct TalkHeading {
  std::string title;
  std::vector<HeadingSpeaker> speakers;  // never empty
};

// Parses the speakers part of a talk line (the text after the dash). Returns nullopt unless every
// piece names a plausible person (two to five capitalised name words, lower-case particles
// allowed, no digits, symbols or words that belong to titles, jobs or organisations), so that a
// title fragment such as "The Good Parts" is not taken for a speaker. Never fails otherwise.
std::optional<std::vector<HeadingSpeaker>> ParseHeadingSpeakers(std::string_view text);

// Splits "Title - Speakers" (the separator is " - ", " – ", " — ", " -- " or " | ") at the first
// separator whose remainder ParseHeadingSpeakers accepts and before which some title text is
// left; failing that, reads "Title (Speakers)" with the speakers in a closing parenthesised group.
// Returns nullopt when nothing qualifies (a title without speakers, or prose). `line`
// should be one line of clean text (Markdown markup removed); lines longer than 600 bytes are
// never split (not a heading).
std::optional<TalkHeading> SplitTalkHeading(std::string_view line);

// A person's name: `min_words`..`max_words` words, the first and the last capitalised, the others
// capitalised or lower-case particles ("de", "van"); letters, apostrophes, hyphens and initials
// only; no job-title, organisation or common title words.
bool LooksLikeArticlePersonName(std::string_view s, std::size_t min_words = 2,
                                std::size_t max_words = 5);

// A job title on its own: "Staff Engineer", "Founder & CEO", "Head of Platform", "Principal".
bool LooksLikeArticleJobTitle(std::string_view s);

// A group of people without the words that say who they are: "with Bo Li, Globex" -> "Bo Li,
// Globex"; "moderator; panelists A, Org; B, Org" -> "A, Org; B, Org". Other text is returned as
// it is.
std::string WithoutPeopleLead(std::string_view text);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_GRAMMAR_ARTICLE_SPEAKERS_H_
