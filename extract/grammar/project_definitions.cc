#include "extract/grammar/project_definitions.h"

#include <re2/re2.h>

#include <algorithm>
#include <cassert>

#include "common/strings.h"
#include "extract/grammar/article_speakers.h"
#include "extract/grammar/speaker_text.h"

namespace cnkg {
namespace {

// A software name: one token of letters, digits and . + - _, with a letter, at least three
// characters ("kube-rs", "inference-perf", "Kubert", "CASPIAN", "llm-d").
#define CNKG_SOFTWARE R"(([A-Za-z][\w.+-]*[\w+]))"
// The kinds of software a definition names.
#define CNKG_KIND \
  R"((?:tool|project|library|framework|operator|controller|crate|plugin|cli|scheduler|proxy|engine|runtime|dashboard|sdk|agent|exporter|utility|toolkit|database|gateway|add-on|addon|extension|module|package))"

bool Plausible(const std::string& name) {
  if (name.size() < 3 || name.size() > 40) return false;
  bool letter = false;
  for (char c : name)
    if (std::isalpha(static_cast<unsigned char>(c))) letter = true;
  if (!letter) return false;
  // A common word is a name only when written like one: "MERIDIAN", "KubeRay", "kube-rs".
  bool upper_inside = false, marks = false;
  for (std::size_t i = 1; i < name.size(); ++i)
    if (std::isupper(static_cast<unsigned char>(name[i]))) upper_inside = true;
  for (char c : name)
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_')
      marks = true;
  if (!upper_inside && !marks && speaker_text::IsCommonWord(name)) return false;
  static const RE2 stop(
      R"((?i)^(?:it|this|that|these|those|which|what|one|ones|we|they|you|our|their|its|a|an|the|some|many|new|our|here|there|kubernetes)$)");
  assert(stop.ok());
  return !RE2::FullMatch(name, stop);
}

}  // namespace

std::vector<std::string> FindDefinedProjects(std::string_view text) {
  if (text.size() > 20000) text = text.substr(0, 20000);
  static const RE2 called(R"((?i:)" CNKG_KIND
                          R"(s?)\s+(?i:called|named|dubbed)\s+\[?)" CNKG_SOFTWARE);
  static const RE2 appositive(CNKG_SOFTWARE R"(,\s+(?i:an?)\s+((?:[\w-]+\s+){0,4}?)(?i:)" CNKG_KIND
                                            R"()\b)");
  static const RE2 built(
      CNKG_SOFTWARE R"(\s+(?:is|was)\s+(?:built|written|implemented|based)\s+(?:on|in|with)\b)");
  static const RE2 titled(R"(^\s*)" CNKG_SOFTWARE R"(:\s+An?\s+(?:[\w-]+\s+){0,6}?(?i:)" CNKG_KIND
                          R"()\b)");
  assert(called.ok() && appositive.ok() && built.ok() && titled.ok());
  std::vector<std::pair<std::size_t, std::string>> found;  // (position, name)
  static const RE2 preposition(R"((?i)\b(?:of|for|in|at|to|from|by|with|on|and|or)\b)");
  assert(preposition.ok());
  for (const RE2* re : {&called, &appositive, &built, &titled}) {
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece name;
    std::string filler;
    while (re == &appositive ? RE2::FindAndConsume(&input, *re, &name, &filler)
                             : RE2::FindAndConsume(&input, *re, &name)) {
      std::string n(name.data(), name.size());
      // "Ana Silva, a maintainer of the operator": the words between must describe the kind.
      if (re == &appositive) {
        if (RE2::PartialMatch(filler, preposition)) continue;
        // The name must not end a person's name ("Ana Silva, a ..."): the word before it is not
        // capitalised.
        std::string_view before =
            Trim(text.substr(0, static_cast<std::size_t>(name.data() - text.data())));
        std::size_t word = before.find_last_of(' ');
        std::string_view previous =
            word == std::string_view::npos ? before : before.substr(word + 1);
        if (!previous.empty() && std::isupper(static_cast<unsigned char>(previous[0]))) continue;
      }
      while (!n.empty() && (n.back() == '.' || n.back() == '-')) n.pop_back();
      if (Plausible(n) && !LooksLikeArticlePersonName(n))
        found.emplace_back(static_cast<std::size_t>(name.data() - text.data()), n);
      if (re == &titled) break;
    }
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> out;
  for (auto& [pos, n] : found)
    if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
  return out;
}

std::string ProjectNamedByRepoLink(std::string_view link_text, std::string_view url) {
  static const RE2 repo(
      R"((?i)^(?:https?://)?(?:www\.)?(?:github|gitlab)\.com/[\w.-]+/([\w.-]+?)(?:\.git)?(?:[/?#].*)?$)");
  assert(repo.ok());
  std::string name;
  if (!RE2::FullMatch(url, repo, &name)) return "";
  std::string text(Trim(link_text));
  while (!text.empty() && text.front() == '`') text.erase(text.begin());
  while (!text.empty() && text.back() == '`') text.pop_back();
  auto fold = [](std::string_view s) {
    std::string out;
    for (char c : s) {
      if (c == '-' || c == '_' || c == ' ') continue;
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
  };
  if (text.empty() || fold(text) != fold(name)) return "";
  if (!Plausible(text) || LooksLikeArticlePersonName(text)) return "";
  // Material rather than software: "kafka-demo", "strimzi-examples", "cnpg-workshop".
  static const RE2 material(
      R"((?i)(?:^|[-_.])(?:examples?|samples?|demos?|workshops?|slides|talks?|labs?|tutorials?|dotfiles|notes|blog|website|docs)$)");
  assert(material.ok());
  if (RE2::PartialMatch(name, material)) return "";
  return text;
}

}  // namespace cnkg
