#ifndef CNKG_EXTRACT_GAZETTEER_GAZETTEER_CONTEXT_H_
#define CNKG_EXTRACT_GAZETTEER_GAZETTEER_CONTEXT_H_

// Internal to the gazetteer (extract/gazetteer.cc): the tests of the words around a candidate
// mention that the matching rules in extract/gazetteer.h are made of. Each function only reads
// its arguments; positions are byte offsets into the `line` given. Not a public interface.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cnkg::gazetteer_internal {

bool IsAsciiUpper(char c);
bool IsAsciiLower(char c);
bool IsWordChar(char c);  // ASCII letter, digit or '_'

// The lookup key of a spelling or a matched text: ASCII lower case, every run of spaces and
// hyphens one space.
std::string Key(std::string_view s);

// An abbreviation written in capitals ("OPA"; "K8S" is not: it has a lower-case letter).
bool IsAllCaps(std::string_view s);

// True when most words of `line` that Title Case would capitalise are capitalised: a title,
// where capitals say nothing about names.
bool IsTitleCase(std::string_view line);

// True when [0, begin) of `line` ends where a sentence starts: the line start (after a bullet
// or opening quote) or sentence punctuation.
bool IsSentenceStart(std::string_view line, std::size_t begin);

// The lower-case word that starts `rest` after spaces, or "" when `rest` does not start with one.
std::string_view NextLowerWord(std::string_view rest);

// Lower-case words after which a sentence-initial everyday word is read as an ordinary word
// (an imperative verb or a common noun): "Keep your ...", "Scale up ...".
bool IsFillerFollower(std::string_view w);

// A sub-project suffix at the start of the text after a mention.
struct Suffix {
  std::size_t length = 0;  // bytes of the suffix, separator included; 0 when none
  std::string display;     // " Operator", "-operator"
};
Suffix FindSuffix(std::string_view rest);

// True when `before` ends with a word that makes what follows a common noun phrase: "a Backstage
// Plugin" or "your own Foo Operator" is some plug-in or operator, not a named sub-project.
bool StartsGenericNounPhrase(std::string_view before);

// True when `gap` (the text between two mentions) only joins them as items of a list:
// "Kubernetes + Ray", "Helm, Kustomize and Flux", "Flux vs Argo CD".
bool IsJoiner(std::string_view gap);

// True when [begin, end) of `line` lies inside a URL or a host name ("https://x/helm",
// "docker.io/library", "toolkit.fluxcd.io").
bool InUrlOrHostName(std::string_view line, std::size_t begin, std::size_t end);

// True when `rest` (the text after a mention) starts with a word that makes the name a
// company's or a foundation's: "HAProxy Technologies", "Redis Inc.", "Linux Foundation".
bool StartsWithCompanyWord(std::string_view rest);

// True when `rest` (the text after an everyday-word name) starts with a word that marks the name
// as a project's in a title: "Score Spec", "Volcano Project", "Keep Maintainers".
bool StartsWithProjectNoun(std::string_view rest);

// How the words around a company-named product's name read (see "Company-named products" in
// extract/gazetteer.h). `before` and `after` are the line before and after the name.
enum class CompanyUse {
  kProduct,  // "with Datadog", "Datadog dashboards", "Datadog as the metric provider"
  kCompany,  // "at Datadog", "Datadog's CEO", "Datadog engineers"
  kUnknown,  // nothing either way: not a mention unless listed with a project
};
CompanyUse ReadCompanyUse(std::string_view before, std::string_view after);

// "https://www.Cilium.io/use-cases/" -> "cilium.io"; "cilium.io" -> "cilium.io": the host name
// in lower case without "www.", or "" when `url` does not start with one.
std::string UrlHost(std::string_view url);

// True when `rest` (the text right after a name) starts, after spaces or a hyphen, with one of
// `cues` (lower case) as whole words, the last one maybe in the plural: "cilium cni",
// "harbor registries".
bool StartsWithCue(std::string_view rest, const std::vector<std::string>& cues);

// True when `before` (the text right before a name) ends with one of `cues` as whole words,
// maybe as a possessive, then spaces: "Sigstore's cosign", "the ebpf-based cilium".
bool EndsWithCue(std::string_view before, const std::vector<std::string>& cues);

// "https://github.com/Org/Repo.git" -> "github.com/org/repo"; "" for a URL that is not a
// repository on github.com or gitlab.com.
std::string RepoKey(std::string_view url);

// The words of a text, for looking up context cues (see extract/gazetteer.h).
class CueText {
 public:
  CueText() = default;
  // Adds the words of `text`.
  void Add(std::string_view text);
  // True when the cue (lower case; words separated by spaces or hyphens) is in the text: its
  // words in turn, the last one as written or in the plural ("image", "images"), or, when it
  // has six letters or more, at the start of a longer word ("preheat" in "preheating").
  bool Contains(std::string_view cue) const;

 private:
  std::string words_ = " ";  // " word word ... ", lower case
};

}  // namespace cnkg::gazetteer_internal

#endif  // CNKG_EXTRACT_GAZETTEER_GAZETTEER_CONTEXT_H_
