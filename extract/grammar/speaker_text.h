#ifndef CNKG_EXTRACT_GRAMMAR_SPEAKER_TEXT_H_
#define CNKG_EXTRACT_GRAMMAR_SPEAKER_TEXT_H_

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

// The layer that the two speaker grammars share: the schedule's "Speakers:" line (speakers.h)
// and the article's "Title - Speakers" line (article_speakers.h). It holds their word lists, the
// tests for the shape of a person's name and of a job title, and parenthesis-aware splitting.
// The grammars use different vocabularies, so each has its own NameLexicon; the words both use
// are written once. Nothing here allocates state that outlives a call, and nothing fails: every
// function answers for any input, which must be valid UTF-8 where text is concerned.

namespace cnkg::speaker_text {

// A list of lower-case words, in two parts: the words both grammars use and the words one
// grammar adds. The list does not own its words; both spans must refer to arrays that live as
// long as the list (static arrays of string literals, in practice).
class WordList {
 public:
  constexpr WordList(std::span<const std::string_view> shared,
                     std::span<const std::string_view> own)
      : shared_(shared), own_(own) {}

  // True if `word`, lower-cased (ASCII) and without trailing periods and commas, is in either
  // part: "CEO," and "Dr." match the entries "ceo" and "dr". An entry that itself ends in a
  // period can therefore never match.
  bool Contains(std::string_view word) const;

 private:
  std::span<const std::string_view> shared_;
  std::span<const std::string_view> own_;
};

// The vocabulary one grammar uses to tell people's names from job titles, organisations and the
// words of talk titles, and the tests built on it. Holds references only (see WordList).
class NameLexicon {
 public:
  // `title_heads`: last words of a job title ("Engineer", "CEO"). `title_words`: further words of
  // job titles, departments and organisations that are no names ("Senior", "Cloud").
  // `non_name_words`: capitalised words that start or make up title text ("The", "How").
  // `particles`: lower-case name particles ("de", "van").
  // `common_words`: a name must not be made only of common English words (IsCommonWord).
  constexpr NameLexicon(WordList title_heads, WordList title_words, WordList non_name_words,
                        WordList particles, bool common_words = false)
      : title_heads_(title_heads),
        title_words_(title_words),
        non_name_words_(non_name_words),
        particles_(particles),
        common_words_(common_words) {}

  // A word that can end a job title.
  bool IsTitleHead(std::string_view word) const;

  // A word of a job title, department or organisation: a title head, a title word or a legal
  // suffix (graph/resolve.h).
  bool IsTitleWord(std::string_view word) const;

  // A person's name: `min_words`..`max_words` words, at least two of them capitalised (the first
  // and the last among them), the others particles; every word of name shape (IsNameWordShape);
  // no title word and no non-name word.
  bool LooksLikePersonName(std::string_view s, std::size_t min_words, std::size_t max_words) const;

  // A job title on its own: its last word is a title head ("Staff Engineer", "Founder & CEO"),
  // or it has three words or more and starts with a title head followed by "of", "for", "to" or
  // "at" ("Head of Platform").
  bool LooksLikeJobTitle(std::string_view s) const;

 private:
  WordList title_heads_;
  WordList title_words_;
  WordList non_name_words_;
  WordList particles_;
  bool common_words_ = false;
};

// The vocabulary of the schedule grammar (speakers.cc). Constant-initialised, so it may be used
// at any time, including during static initialisation.
extern const NameLexicon kScheduleLexicon;

// The vocabulary of the article grammar (article_speakers.cc). It shares most words with the
// schedule's; only the schedule has honorifics such as "Mr" and "Dr" as title heads, and only the
// article has the many words of recap posts and talk titles ("Takeaways", "Journey") as non-name
// words. Constant-initialised.
extern const NameLexicon kArticleLexicon;

// Separators a tool puts between a cut title and the speakers, and a writer between a title and
// its speakers: " - " and spaced en and em dashes. The article grammar accepts more (see there).
inline constexpr std::string_view kTitleDashes[] = {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "};

// True if `word`, lower-cased, is an English word that dictionaries list only in lower case
// ("months", "harmful"; not "young" or "rose", which are also names): data/lexicon/
// common_words.txt, embedded. A person's name is rarely made of such words.
bool IsCommonWord(std::string_view word);

// `s` with whitespace runs collapsed, split at single spaces; empty for blank text.
std::vector<std::string> Words(std::string_view s);

// True if the first character of `w` is an upper-case or title-case letter.
bool StartsUpper(std::string_view w);

// True if `w` has at least one letter and every character can occur in a name word: letters,
// combining marks, apostrophes (straight, curly, modifier), hyphens and the period of an initial.
bool IsNameWordShape(std::string_view w);

// True if no prefix of `s` closes more parentheses than it opens and all groups are closed.
bool IsBalanced(std::string_view s);

// Byte offsets of the occurrences of `sep` (non-empty) outside parentheses, left to right and
// not overlapping; of every occurrence when the parentheses of `s` do not balance.
std::vector<std::size_t> FindTopLevel(std::string_view s, std::string_view sep);

// Splits `s` at each FindTopLevel offset of `sep`; pieces are trimmed, inner whitespace
// collapsed, and empty pieces dropped.
std::vector<std::string> SplitTopLevel(std::string_view s, std::string_view sep);

// True if `part` is a legal suffix alone ("Inc.") or one followed by a dash and more ("Inc -
// USA"): the tail of an organisation that a comma split off.
bool StartsWithLegalSuffix(std::string_view part);

// A person's name without an honorific: "Dr. Ruth Abernathy" -> "Ruth Abernathy", "Prof Bo Li"
// -> "Bo Li", "佐藤 花子さん" -> "佐藤 花子". A name that is nothing but the honorific is kept.
// Spaces are collapsed.
std::string WithoutHonorific(std::string_view name);

// `org` without a note whose ')' was cut off with the text after it: "Globex (Ana runs the
// platform" -> "Globex". Other text is returned with its spaces collapsed.
std::string WithoutOpenNote(std::string_view org);

}  // namespace cnkg::speaker_text

#endif  // CNKG_EXTRACT_GRAMMAR_SPEAKER_TEXT_H_
