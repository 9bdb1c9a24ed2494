#ifndef CNKG_EXTRACT_GRAMMAR_SPEAKERS_H_
#define CNKG_EXTRACT_GRAMMAR_SPEAKERS_H_

#include <string>
#include <string_view>
#include <vector>

namespace cnkg {

// The grammar of the "Speakers: ..." line of a sched-style schedule export.
//
// A line lists speakers separated by ';'. Each speaker is written
//   Name (Job Title, Organisation)
// where the parenthesised group is optional and may hold only an organisation, a job title that
// itself contains commas, pronouns, a repeated name or a date. Several people may share one
// group ("A & B (Title, Org)"), or one group may carry the organisations of two people
// ("A (OrgA & B, OrgB)"). When the exporting tool cut a long talk title, the cut-off end of the
// title can land at the front of the line; ParseSpeakersLine recognises that and hands it back
// separately. All rules are general: none names a particular talk, person or organisation.

// One person named on a speakers line. Strings are UTF-8, trimmed, with inner runs of whitespace
// collapsed to one space.
struct SpeakerCredit {
  // The person's name as written.
  std::string name;
  // The job title, e.g. "VP, Engineering" or "Founder & CEO"; empty if the line gives none.
  std::string job_title;
  // The organisation as written, legal suffix kept ("Globex, Inc.", "Initech Inc - USA").
  // Empty if the line gives none or gives something that names no organisation ("Independent",
  // pronouns, the person's own name, a date). Normalising it is the resolver's job
  // (graph/resolve.h).
  std::string organization;
};

// The result of parsing one speakers line.
struct SpeakersLine {
  // The speakers in the order they are written.
  std::vector<SpeakerCredit> speakers;
  // The part of the talk title that the exporting tool cut off and pushed into the speakers
  // line, reconstructed as title text ("The Why, What and How"); empty if there was no spill.
  // Join it to the cut title with JoinSpilledTitle.
  std::string title_continuation;
};

// Parses the text after "Speakers:" (without that label). Never fails: a piece that fits no rule
// becomes a speaker with only a name, and empty or all-whitespace text gives no speakers.
// `text` must be valid UTF-8; the result does not refer to it after the call returns.
SpeakersLine ParseSpeakersLine(std::string_view text);

// Joins a cut talk title with the continuation found by ParseSpeakersLine:
// head + ": " + continuation, or head + " " + continuation when the head already ends in
// sentence punctuation (! ? . : or an ellipsis). Returns the (trimmed) head when the continuation
// is empty, and the continuation when the head is empty.
std::string JoinSpilledTitle(std::string_view head, std::string_view continuation);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_GRAMMAR_SPEAKERS_H_
