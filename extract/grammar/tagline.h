#ifndef CNKG_EXTRACT_GRAMMAR_TAGLINE_H_
#define CNKG_EXTRACT_GRAMMAR_TAGLINE_H_

#include <string>
#include <string_view>

namespace cnkg {

// What a speaker's one-line tagline (Sessionize's "tagLine", a profile headline) says about
// their job and employer, where it says it unambiguously:
//
//   Staff Engineer at Initech        Staff Engineer @ Initech       Engineer @initech
//   Director of Platform, Initech    Initech, Senior Engineer       (one side a job title)
//   Head of SRE - Initech            Initech - Head of SRE
//   Initech Labs                     (a company name alone: capitalised words, no job title)
//
// Anything else (a job title alone, prose, "Developer Advocate for the cloud", "Keep
// improving") gives no organisation; a job title alone, or a tagline that reads as a title with
// no company form, is the job title.
struct Tagline {
  std::string job_title;
  std::string organization;  // as written; empty when the tagline names none unambiguously
};

// Reads `tagline`; `own_name` (the speaker's name, may be empty) is dropped where the tagline
// repeats it first ("Ana Silva, CTO @ Initech"). Never fails.
Tagline ParseTagline(std::string_view tagline, std::string_view own_name = {});

}  // namespace cnkg

#endif  // CNKG_EXTRACT_GRAMMAR_TAGLINE_H_
