#ifndef CNKG_EXTRACT_GRAMMAR_SCHED_SUMMARY_H_
#define CNKG_EXTRACT_GRAMMAR_SCHED_SUMMARY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/grammar/article_speakers.h"

namespace cnkg {

// The session names sched writes in its exports (the iCal SUMMARY, the JSON "name"): the title,
// then " - " and the speakers when the session has any:
//
//   Title - Ana Silva, Initech; Bo Li & Cy Do, Globex        (";" separates company groups)
//   Title - Ana Silva, Initech & Bo Li, Globex               (two people, two companies)
//   Keynote: Title - Ana Silva, Staff Engineer, Initech      (job title, then company)
//   Project Lightning Talk: Title - Ana Silva, Maintainer    (a project role, no company)
//   Part One - Part Two - Ana Silva, Initech                 (titles keep their own dashes)
//   Workshop Hosted by Initech - Full Day Event | PASS REQUIRED   (an event label: no speakers)
//   Coffee Break                                             (no speakers)

// A session name split into its title and speakers.
struct SchedSummary {
  std::string title;                     // never empty for a non-empty name
  std::vector<HeadingSpeaker> speakers;  // empty when the name has none
  // A label written after the speakers ("Title - Ana Silva, Initech - Sold Out"); empty for
  // none. A label with no speakers before it stays in the title ("Workshop - Sold Out").
  std::string label;
};

// Reads sched's speaker list: ';' separates groups; in a group, names joined by ", " and " & "
// share the last field as their company ("A, B & C, Initech"); otherwise each name is followed
// by its own fields ("A, Job title, Initech & B, Globex"), of which the last is the company and
// the others the job title. A field that names a role ("Maintainer", "GitOps Advocate",
// "Technical Steering Committee") is a job title, not a company. Returns nullopt unless every
// person is a plausible name (the first of a group may be a single word: "Flynn, Buoyant"), so
// that an event label ("Sold Out", "AM SESSION") or a subtitle is not taken for people.
std::optional<std::vector<HeadingSpeaker>> ParseSchedSpeakers(std::string_view text);

// Splits `summary` at the last " - " after which the rest reads as sched's speaker list (or, when
// a label follows the speakers, at the dash before them); a name with no such dash is all title.
// Never fails.
SchedSummary SplitSchedSummary(std::string_view summary);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_GRAMMAR_SCHED_SUMMARY_H_
