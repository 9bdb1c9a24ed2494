#include "extract/grammar/description_speakers.h"

#include <re2/re2.h>

#include <cassert>
#include <string>

#include "common/strings.h"
#include "extract/grammar/speakers.h"
#include "extract/grammar/tagline.h"

namespace cnkg {
namespace {

void AddUniqueSpeaker(std::vector<HeadingSpeaker>& out, HeadingSpeaker s) {
  if (s.name.empty()) return;
  for (const HeadingSpeaker& o : out)
    if (FoldName(o.name) == FoldName(s.name)) return;
  out.push_back(std::move(s));
}

// The people of the text after a cue: "Name (Job, Org); Name (Org)", "Name, Org & Name, Org",
// "Name, Job @ Org" or a bare name.
std::vector<HeadingSpeaker> ReadPeople(std::string_view rest) {
  std::vector<HeadingSpeaker> out;
  rest = Trim(rest);
  if (rest.empty() || rest.size() > 300) return out;
  if (rest.find('(') != std::string_view::npos) {
    // "A (X) and B (Y)", "A (X), B (Y)": one person per group, as the schedule grammar reads
    // them when ';' separates them.
    static const RE2 joiner(R"(\)\s*(?:,|and|&)\s+)");
    assert(joiner.ok());
    std::string text(rest);
    RE2::GlobalReplace(&text, joiner, "); ");
    SpeakersLine line = ParseSpeakersLine(text);
    for (SpeakerCredit& c : line.speakers) {
      if (!LooksLikeArticlePersonName(c.name, 1, 5)) return {};
      AddUniqueSpeaker(out, {c.name, c.job_title, c.organization, {}});
    }
    return out;
  }
  if (auto people = ParseHeadingSpeakers(rest)) {
    for (HeadingSpeaker& h : *people) AddUniqueSpeaker(out, std::move(h));
    return out;
  }
  // "Ana Silva, Staff Engineer @ Initech": a name, then a tagline.
  const std::size_t comma = rest.find(", ");
  const std::string_view name = Trim(rest.substr(0, comma));
  if (!LooksLikeArticlePersonName(name, 2, 5)) return out;
  HeadingSpeaker s;
  s.name = std::string(name);
  if (comma != std::string_view::npos) {
    Tagline t = ParseTagline(rest.substr(comma + 2), name);
    s.job_title = t.job_title;
    s.organization = t.organization;
  }
  out.push_back(std::move(s));
  return out;
}

}  // namespace

std::vector<HeadingSpeaker> SpeakersInDescription(std::string_view text) {
  static const RE2 cue(
      R"((?i)^\s*(?:[-*•]\s*)?(?:speakers?|presenters?|presented by|talk by|talks by|hosted by|)"
      R"(host(?:s|ed)?|with|by|featuring|feat\.)\s*[:\-–—]?\s+(.+)$)");
  // "- Ana Silva (Initech): Title", "- Ana Silva - Title": a short talk in a list.
  static const RE2 item(
      R"(^\s*[-*•]\s*([^:()]{3,60}?(?:\s*\([^()]{1,80}\))?)\s*(?::|\s[-–—]\s)\s*\S.*$)");
  assert(cue.ok() && item.ok());
  std::vector<HeadingSpeaker> out;
  for (const std::string& line : Split(text, "\n")) {
    std::string rest;
    bool listed = false;
    if (!RE2::FullMatch(line, cue, &rest)) {
      if (!RE2::FullMatch(line, item, &rest)) continue;
      listed = true;
    }
    {
      // A list item without an organisation names a person only when it is plainly a name.
      if (listed && rest.find('(') == std::string::npos &&
          !LooksLikeArticlePersonName(Trim(rest), 2, 5))
        continue;
      // "Speaker: Ana Silva (Initech). She builds ...": the sentence after the people is prose.
      if (std::size_t stop = rest.find(". "); stop != std::string::npos) rest.resize(stop);
      while (!rest.empty() && (rest.back() == '.' || rest.back() == ' ')) rest.pop_back();
      for (HeadingSpeaker& s : ReadPeople(rest)) AddUniqueSpeaker(out, std::move(s));
    }
  }
  return out;
}

}  // namespace cnkg
