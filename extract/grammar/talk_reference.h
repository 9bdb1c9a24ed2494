#ifndef CNKG_EXTRACT_GRAMMAR_TALK_REFERENCE_H_
#define CNKG_EXTRACT_GRAMMAR_TALK_REFERENCE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/grammar/article_speakers.h"
#include "extract/grammar/cjk.h"

namespace cnkg {

// The one grammar of talk references: how a text unit (a heading, a list item, a link's text, a
// line next to a link, a table cell, a bold or quoted span) names a talk and the people who
// present it, whatever the layout around it. Readers find the units; this module reads them.
// All rules are general: none names a particular talk, person or organisation. Every function
// takes valid UTF-8, never fails, and runs in time linear in its input (units longer than a few
// hundred bytes are never talk references).

// A talk named by a text unit.
struct TalkReference {
  std::string title;      // the title as displayed: labels, quotes, enumerations removed
  std::string raw_title;  // the title part as written
  std::vector<HeadingSpeaker> speakers;  // possibly empty
  // An event written with the title ("KubeCon EU 2025: Title", "Title - KubeCon Europe 2024"),
  // as written; empty when none.
  std::string event;
  // A session label written after the title ("Title | Project Lightning Talk"), as written.
  std::string session_label;
  // The unit says the talk is the writer's own: "My talk at KCD Zurich 2025: Title".
  bool first_person = false;
};

// Reads a speaker list: ParseHeadingSpeakers (article_speakers.h), then a list of people joined
// by ",", ";", "and", "&" or "、" (each a name, "Name (Org)", "Name from Org" or "Name, Org"
// when every piece says so). Returns nullopt unless every piece names a plausible person.
std::optional<std::vector<HeadingSpeaker>> ParseSpeakerList(std::string_view text);

// ParseSpeakerList for the text after a speakers label ("Speakers: Ana Silva, Bo Li"), where a
// comma between two names separates two people rather than a person and an organisation.
std::optional<std::vector<HeadingSpeaker>> ParseLabelledSpeakerList(std::string_view text);

// True when the list says more than bare names: an organisation or job title for someone, or
// several people.
bool Affiliated(const std::vector<HeadingSpeaker>& speakers);

// Reads a unit as a talk title, with or without speakers: removes an enumeration ("3. "), a
// label ("Talk: "), quotes and trailing link notes ("(slides)"), splits off an event written
// before or after it and a session label after " | ", then splits "Title - Speakers" (separators
// " - ", " – ", " — ", " -- ", " | ", and ": " when the speakers are affiliated) at the first
// separator whose remainder is a speaker list, or "Title (Speakers)". `allow_bare_names` lets a
// remainder of bare names without affiliation count (a sched link's text, a heading); otherwise
// only an affiliated list splits the unit. With `split_speakers` false the unit is not split:
// all of it is the title (for a unit whose speakers are known to be given elsewhere). Returns a
// reference with an empty title when nothing is left.
TalkReference ReadTalkReference(std::string_view text, bool allow_bare_names,
                                bool split_speakers = true);

// True when some speaker of `a` has the name of some speaker of `b` (case and spacing aside).
bool SharesSpeaker(const std::vector<HeadingSpeaker>& a, const std::vector<HeadingSpeaker>& b);

// Reads "Title by Speaker[, Org]" ("Zero Trust at Scale by Ana Silva, Initech"). nullopt when
// the unit is not of that shape or the part after "by" is no speaker list.
std::optional<TalkReference> ReadTitleBySpeakers(std::string_view text);

// Reads a line that gives only the speakers of the talk named next to it: "Speakers: A and B",
// "**Speakers**: A (Org) & B (Org)", "Presenters: ...", "Presented by A", "by A", "with A", a
// CJK label ("讲者：", "登壇者："), or a bare list "A, Org & B, Org" when `bare_list` (a line of
// its own right under a title). nullopt otherwise.
std::optional<std::vector<HeadingSpeaker>> ReadSpeakersLine(std::string_view line, bool bare_list);

// The speakers that prose writes right after a talk's title (the text that follows the closing
// quote or link): " by Odin from Quillmark.", ", by Ana Silva and Bo Li (Initech)", " - Name, Org",
// " (Name, Org)", " presented by Name". A one-word name counts only with its organisation
// ("by Odin from Quillmark"). nullopt when the text does not start that way.
std::optional<std::vector<HeadingSpeaker>> SpeakersAfterTitle(std::string_view after);

// The speaker that prose names right before a talk's title: "Mara Voss's excellent talk",
// "Ravi did his talk", "the keynote by Ana Silva:", "Mr. Bo Li's session on". The name may be one
// word ("Ravi"). nullopt when the text does not end that way.
std::optional<HeadingSpeaker> SpeakerBeforeTitle(std::string_view before);

// The speakers that a sentence of prose names as the subject of a presenting verb, around a
// talk's title (given as the text before it and the text after it, up to the paragraph's end):
//   "Ana Silva and Bo Li, both of Initech, gave [Title]"            (before the title)
//   "in [Title], Ana Silva from Initech showed how ..."              (after it, same sentence)
//   "[Title], where Ana Silva, Staff Engineer at Initech, walked through ..."
//   "[Title]. Independent consultant Ana Silva presented it together with Bo Li of Globex."
// Every name must parse as a speaker list (ParseSpeakerList), so pronouns and project names
// never qualify. nullopt when no such sentence is there.
std::optional<std::vector<HeadingSpeaker>> SpeakersInProse(std::string_view before,
                                                           std::string_view after);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_GRAMMAR_TALK_REFERENCE_H_
