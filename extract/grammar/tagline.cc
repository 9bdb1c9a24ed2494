#include "extract/grammar/tagline.h"

#include <re2/re2.h>

#include <cassert>

#include "common/strings.h"
#include "extract/grammar/article_speakers.h"
#include "extract/grammar/speaker_text.h"

namespace cnkg {
namespace {

// Regions and other words that follow a dash after a job title but are no employer.
bool IsRegion(std::string_view s) {
  static const RE2 re(
      R"((?i)^(emea|apac|apj|amer|americas|latam|na|north america|eu|europe|uk|dach|nordics|benelux|global|worldwide|remote|us|usa|india|asia)$)");
  assert(re.ok());
  return RE2::FullMatch(s, re);
}

// A certification or community title written where a company could be: "CKA", "CNCF
// Ambassador", "AWS Certified Solutions Architect", "Microsoft MVP".
bool IsCredential(std::string_view s) {
  static const RE2 re(
      R"((?i)^(?:ck[as]|ckad|kcna|kcsa|pca|ica|cca|cgoa|ccn[ap]|ccie|pmp|cissp|oscp|rhc[ea]|gde|mvp|)"
      R"(.*\b(?:ambassador|champion|hero|certified|mvp|gde|expert)s?\b.*)$)");
  assert(re.ok());
  return RE2::FullMatch(s, re);
}

// A company name: one to six words, the first capitalised or a lower-case domain-like word
// ("solo.io"), no sentence punctuation, not a job title.
bool IsCompany(std::string_view s) {
  if (s.empty() || s.size() > 60 || LooksLikeArticleJobTitle(s) || IsRegion(s) || IsCredential(s))
    return false;
  static const RE2 sentence(R"([.!?]\s|[:;]|\b(is|are|was|am|and I|I|my|we|our)\b)");
  assert(sentence.ok());
  if (RE2::PartialMatch(s, sentence)) return false;
  std::vector<std::string> words = speaker_text::Words(s);
  if (words.empty() || words.size() > 6) return false;
  static const RE2 domain(R"([a-z0-9-]+\.[a-z]{2,})");
  assert(domain.ok());
  return speaker_text::StartsUpper(words[0]) || RE2::FullMatch(words[0], domain);
}

// A bare company: capitalised words only (small joiners allowed), so that "Keep improving" is
// not one.
bool IsBareCompany(std::string_view s) {
  if (!IsCompany(s) || s.find(',') != std::string_view::npos) return false;
  for (const std::string& w : speaker_text::Words(s)) {
    if (w == "&" || w == "and" || w == "of" || w == "by" || w == "de") continue;
    if (!speaker_text::StartsUpper(w) && !std::isdigit(static_cast<unsigned char>(w[0])))
      return false;
  }
  return true;
}

// A job title, also where it has a comma part after it ("Senior Engineer, Self-Hosted").
bool IsJob(std::string_view s) {
  if (LooksLikeArticleJobTitle(s)) return true;
  const std::size_t comma = s.find(", ");
  return comma != std::string_view::npos && LooksLikeArticleJobTitle(s.substr(0, comma));
}

// A role that the job-title grammar does not know, named by an agent noun at its end ("Core
// Developper", "Platform Wrangler"): a weaker sign, used only when no side is a known job title.
bool EndsInAgentNoun(std::string_view s) {
  static const RE2 re(R"((?i)^(?:\S+\s+){0,3}\p{L}{3,}(?:er|or|ist)$)");
  assert(re.ok());
  return RE2::FullMatch(s, re);
}

}  // namespace

Tagline ParseTagline(std::string_view text, std::string_view own_name) {
  Tagline out;
  std::string t = CollapseSpaces(text);
  if (!own_name.empty() && StartsWithIgnoreCase(t, std::string(own_name) + ",")) {
    t = std::string(Trim(std::string_view(t).substr(own_name.size() + 1)));
  }
  if (t.empty() || t.size() > 160) return out;
  // Prose ("Ana leads the platform team. She ...") is neither.
  static const RE2 prose(R"([.!?]\s+\S+(\s+\S+){3})");
  assert(prose.ok());
  if (RE2::PartialMatch(t, prose)) return out;
  // "Role at Company", "Role @ Company", "Role @company": the last such marker.
  static const RE2 at(R"((?i)^(.+?)\s+(?:at|@)\s*(\S.*)$)");
  static const RE2 at_tight(R"(^(.+?)\s*@\s*(\S.*)$)");
  assert(at.ok() && at_tight.ok());
  std::string left, right;
  if ((RE2::FullMatch(t, at_tight, &left, &right) || RE2::FullMatch(t, at, &left, &right))) {
    // The last " at " or "@" wins: "Head of Platform at Initech at Home" is rare; keep it simple.
    // After an explicit '@' or "at", a lower-case single word is a company too ("@initech").
    const bool one_word = speaker_text::Words(right).size() == 1 &&
                          speaker_text::IsNameWordShape(right) && !LooksLikeArticleJobTitle(right);
    if ((IsCompany(right) || one_word) && !speaker_text::Words(left).empty()) {
      out.job_title = std::string(Trim(left));
      out.organization = std::string(Trim(right));
      return out;
    }
  }
  // "Role - Company", "Company - Role", then "Role, Company", "Company, Role": exactly one side a
  // job title and the other a company.
  for (std::string_view sep : {" - ", " – ", " | ", ", "}) {
    const std::size_t p = t.rfind(sep);
    if (p == std::string::npos) continue;
    const std::string a(Trim(std::string_view(t).substr(0, p)));
    const std::string b(Trim(std::string_view(t).substr(p + sep.size())));
    const bool a_job = IsJob(a), b_job = IsJob(b);
    if (a_job && !b_job && IsCompany(b)) return {a, b};
    if (b_job && !a_job && IsCompany(a)) return {b, a};
    if (!a_job && !b_job && sep != ", ") {
      const bool a_agent = EndsInAgentNoun(a), b_agent = EndsInAgentNoun(b);
      if (a_agent && !b_agent && IsBareCompany(b)) return {a, b};
      if (b_agent && !a_agent && IsBareCompany(a)) return {b, a};
    }
    // The first separator decides: "Senior Engineer, Self-Hosted - Initech" splits at the dash.
    if (a_job && IsRegion(b)) return {t, ""};
  }
  if (LooksLikeArticleJobTitle(t)) return {t, ""};
  if (IsBareCompany(t)) return {"", t};
  return out;
}

}  // namespace cnkg
