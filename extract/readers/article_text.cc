#include "extract/readers/article_text.h"

#include <re2/re2.h>

#include <algorithm>
#include <cassert>
#include <cctype>
#include <set>

#include "common/strings.h"

namespace cnkg::article {
std::vector<std::string_view> WordsOf(std::string_view s, std::size_t limit) {
  std::vector<std::string_view> out;
  s = s.substr(0, std::min(s.size(), limit));
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    std::size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

namespace {

bool HasLetter(std::string_view w) {
  for (unsigned char c : w)
    if (std::isalpha(c) || c >= 0x80) return true;
  return false;
}

// Strips punctuation around a word: "(Kubernetes)," -> "Kubernetes".
std::string_view BareWord(std::string_view w) {
  auto edge = [](char c) {
    return c == '(' || c == ')' || c == '[' || c == ']' || c == '"' || c == '\'' || c == ',' ||
           c == '.' || c == ':' || c == ';' || c == '!' || c == '?' || c == '*' || c == '_';
  };
  while (!w.empty() && edge(w.front())) w.remove_prefix(1);
  while (!w.empty() && edge(w.back())) w.remove_suffix(1);
  return w;
}

bool IsSmallWord(std::string_view w) {
  static const std::set<std::string> kSmall = {
      "a",   "an",  "the", "and",  "or",   "but", "nor", "of",   "to",   "in",   "on",
      "at",  "by",  "for", "with", "from", "vs",  "via", "into", "over", "as",   "is",
      "are", "per", "up",  "out",  "off",  "v",   "vs.", "than", "onto", "upon", "n",
      "&",   "+",   "-",   "–",    "—",    "/",   "|",   "x",    "its",  "be",   "it",
      "de",  "la",  "le",  "der",  "die",  "das", "en",  "et",   "y"};
  return kSmall.count(AsciiLower(w)) > 0;
}

// True if a word reads as capitalised in a title: an upper-case first letter, a digit, or a
// brand written in mixed case ("eBPF", "gRPC", "kubectl" is not).
bool CapitalisedWord(std::string_view w) {
  if (w.empty()) return true;
  unsigned char c = static_cast<unsigned char>(w[0]);
  if (std::isdigit(c)) return true;
  if (std::isupper(c)) return true;
  if (c >= 0x80) return true;  // non-ASCII first letter: do not judge
  if (std::islower(c)) {
    for (char d : w.substr(1))
      if (std::isupper(static_cast<unsigned char>(d))) return true;
    return false;
  }
  return true;  // symbols
}

struct CaseShape {
  int significant = 0;  // words with letters that are not small words
  int lower = 0;        // of which not capitalised
  bool first_capitalised = false;
};

CaseShape CaseOf(std::string_view text) {
  CaseShape s;
  bool first = true;
  for (std::string_view raw : WordsOf(text, 600)) {
    std::string_view w = BareWord(raw);
    if (w.empty() || !HasLetter(w)) continue;
    if (first) {
      s.first_capitalised = CapitalisedWord(w);
      first = false;
    }
    if (IsSmallWord(w)) continue;
    ++s.significant;
    if (!CapitalisedWord(w)) ++s.lower;
  }
  return s;
}

}  // namespace

// Title Case: the first word and every significant word capitalised; `lenient` allows about one
// lower-case word in four (a sentence-case title with a proper noun or two fails).
bool TitleCase(std::string_view text, bool lenient) {
  CaseShape s = CaseOf(text);
  if (!s.first_capitalised || s.significant == 0) return false;
  int allowed = lenient ? std::max(1, s.significant / 4) : (s.significant >= 4 ? 1 : 0);
  return s.lower <= allowed;
}

// Command lines, command output, code.
bool CodeLike(std::string_view t) {
  static const RE2 marks(
      R"((\$\(|=\$|<[\w-]+>|\{\s*$|^\s*\}|\[\]|==|&&|\|\||;\s*$|^\s*(\$|#|>|PS>|root@|[\w.-]+@[\w.-]+:)\s|^\s*(//|/\*|\*/|<\?|<!--)|^[A-Za-z_][\w-]*=\S|^\s*(kubectl|helm|docker|curl|vault|cat|echo|git|sudo|export|cd|ls|python3?|go|npm|pip|apt|apt-get|make|cargo|terraform|oc|istioctl|flux|argocd)\s+[-\w./:=]+))");
  assert(marks.ok());
  std::string_view head = t.substr(0, std::min<std::size_t>(t.size(), 2000));
  if (RE2::PartialMatch(head, marks)) return true;
  std::size_t letters = 0, other = 0;
  for (unsigned char c : head) {
    if (std::isalpha(c) || c >= 0x80) {
      ++letters;
    } else if (c != ' ' && c != '\'' && c != ',' && c != '.' && !std::isdigit(c)) {
      ++other;
    }
  }
  return letters == 0 || other * 10 > (letters + other) * 3;
}

// Prose: a sentence of at least five words, mostly plain words, some in lower case.
bool IsProse(std::string_view t) {
  if (CodeLike(t)) return false;
  std::vector<std::string_view> words = WordsOf(t, 2000);
  if (words.size() < 5) return false;
  int plain = 0, lower = 0;
  for (std::string_view raw : words) {
    std::string_view w = BareWord(raw);
    bool alpha = !w.empty();
    for (unsigned char c : w)
      if (!(std::isalpha(c) || c >= 0x80 || c == '\'' || c == '-')) alpha = false;
    if (alpha) ++plain;
    if (alpha && std::islower(static_cast<unsigned char>(w[0]))) ++lower;
  }
  return plain * 10 >= static_cast<int>(words.size()) * 6 && lower >= 2;
}

// True when every word with letters is written in capitals and there are at least two.
bool AllCaps(std::string_view t) {
  int words = 0;
  for (std::string_view w : WordsOf(t, 600)) {
    bool letters = false;
    for (unsigned char c : w) {
      if (std::islower(c)) return false;
      if (std::isupper(c)) letters = true;
    }
    if (letters) ++words;
  }
  return words >= 2;
}

bool EndsSentence(std::string_view t) {
  t = Trim(t);
  if (t.empty()) return false;
  char c = t.back();
  return c == '.' || c == ',' || c == ';' || c == ':';
}

// The text without leading symbols and emoji ("🚩 Title" -> "Title").
std::string WithoutLeadingSymbols(std::string_view t) {
  static const RE2 leading(R"(^[^\pL\pN"'“‘(\[]+(.*)$)");
  assert(leading.ok());
  std::string rest;
  if (t.size() < 2000 && RE2::FullMatch(t, leading, &rest)) return CollapseSpaces(rest);
  return CollapseSpaces(t);
}

// The lower-cased heading text without symbols and a trailing colon, for the name lists below.
std::string HeadingKey(std::string_view t) {
  std::string s = AsciiLower(WithoutLeadingSymbols(t));
  while (!s.empty() && (s.back() == ':' || s.back() == '.' || s.back() == '!' || s.back() == ' '))
    s.pop_back();
  return s;
}

// A day header: "Day 1 - KubeCon", "Wednesday, March 12", "KubeCon Day 2: Keynotes", a
// section named after a day. "Day 2 Operations" is a topic, not a day.
bool DayLike(std::string_view t) {
  static const RE2 day_start(
      R"((?i)^\W*(day[\s-]*(\d+|zero|one|two|three|four|five)|(mon|tues|wednes|thurs|fri|satur|sun)day)\b.*)");
  static const RE2 day_inside(R"((?i).*\bday[\s-]*(\d+|zero|one|two|three|four|five)\b.*)");
  static const RE2 operations(
      R"((?i)\bday[\s-]*(\d+|zero|one|two)[\s-]+(operations|ops|operator)\b)");
  assert(day_start.ok() && day_inside.ok() && operations.ok());
  if (t.size() > 200 || EndsSentence(t) || RE2::PartialMatch(t, operations)) return false;
  std::size_t words = WordsOf(t).size();
  return (words <= 10 && RE2::FullMatch(t, day_start)) ||
         (words <= 8 && RE2::FullMatch(t, day_inside));
}

// Only a day: "Day 1", "Wednesday", "Day Two:" (a talk's title is never just that).
bool BareDay(std::string_view t) {
  static const RE2 re(
      R"((?i)^\W*(day[\s-]*(\d+|zero|one|two|three|four|five)|(mon|tues|wednes|thurs|fri|satur|sun)day)\W*$)");
  assert(re.ok());
  return t.size() < 40 && RE2::FullMatch(t, re);
}

// Article sections after which the talks are over.
bool EndSection(std::string_view t) {
  static const std::set<std::string> kEnd = {"tl;dr",
                                             "tldr",
                                             "tl; dr",
                                             "conclusion",
                                             "conclusions",
                                             "in conclusion",
                                             "summary",
                                             "wrap-up",
                                             "wrap up",
                                             "wrapping up",
                                             "final thoughts",
                                             "closing thoughts",
                                             "recordings",
                                             "the recordings",
                                             "references",
                                             "acknowledgements",
                                             "acknowledgments",
                                             "about the author",
                                             "about me",
                                             "about us",
                                             "see you next year",
                                             "thanks for reading",
                                             "thank you",
                                             "further reading",
                                             "related posts",
                                             "the end",
                                             "that's a wrap",
                                             "epilogue",
                                             "outro",
                                             "sources",
                                             "final words",
                                             "closing words",
                                             "overall"};
  return t.size() < 60 && kEnd.count(HeadingKey(t)) > 0;
}

// Headings that open a list of talks.
bool TalkSectionName(std::string_view t) {
  static const RE2 re(
      R"((?i)^(?:the\s+|my\s+|our\s+)?(?:favou?rite\s+|top\s+|best\s+|must-see\s+|recommended\s+)?(?:keynotes?(?:\s+sessions)?|talks|sessions|breakout\s+sessions|lightning\s+talks|co-?located\s+events|talk\s+picks|picks|talks\s+(?:i|we)\s+(?:attended|saw|watched|liked))$)");
  assert(re.ok());
  std::string k = HeadingKey(t);
  return k.size() < 60 && RE2::FullMatch(k, re);
}

// Headings of parts of a talk's write-up, or of an article, that are never talks.
bool GenericSection(std::string_view t) {
  static const std::set<std::string> kGeneric = {"key takeaways",
                                                 "takeaways",
                                                 "my takeaways",
                                                 "our takeaways",
                                                 "highlights",
                                                 "demo",
                                                 "q&a",
                                                 "resources",
                                                 "links",
                                                 "lessons learned",
                                                 "background",
                                                 "overview",
                                                 "introduction",
                                                 "context",
                                                 "results",
                                                 "metrics",
                                                 "notes",
                                                 "agenda",
                                                 "the problem",
                                                 "problem",
                                                 "solution",
                                                 "the solution",
                                                 "why it matters",
                                                 "what's next",
                                                 "next steps",
                                                 "architecture",
                                                 "benchmarks",
                                                 "faq",
                                                 "quotes",
                                                 "thoughts",
                                                 "my thoughts",
                                                 "verdict",
                                                 "pros and cons",
                                                 "slides",
                                                 "video",
                                                 "recording",
                                                 "table of contents",
                                                 "contents",
                                                 "intro"};
  return t.size() < 60 && kGeneric.count(HeadingKey(t)) > 0;
}

// "Time: 10:00", "Venue: Hall B": a field of a session, never a heading.
bool FieldLine(std::string_view t) {
  static const RE2 field(
      R"((?i)^(?:time|date|venue|location|room|type|track|level|description|abstract|speakers?|presenters?|tags?|categor(?:y|ies)|duration|when|where|audience|recording|video|slides?|address|host|rsvp|subject|from|to|cc|reply-to|message-id|sent)\s*:.*)");
  // "Hosted by Initech, Main Street 4": who hosts a meetup, not a talk's speakers.
  static const RE2 hosted(
      R"((?i)^(?:hosted|sponsored|organi[sz]ed|catered|powered|brought\s+to\s+you)\s+by\b.*)");
  assert(field.ok() && hosted.ok());
  return t.size() < 2000 && (RE2::FullMatch(t, field) || RE2::FullMatch(t, hosted));
}

// Breaks, meals and social events: sessions no one presents. Without a talk link they are not
// taken for talks.
bool NonTalkSession(std::string_view t) {
  static const RE2 re(
      R"((?i)\b(lunch|break|coffee|breakfast|dinner|registration|reception|party|happy\s+hour|booth|booth\s+crawl|hallway\s+track|networking|expo|social|badge\s+pick-?up|doors\s+open|pavilion|showcase|exhibit\s+hall|sponsor\s+hall)\b)");
  assert(re.ok());
  return t.size() < 200 && RE2::PartialMatch(t, re);
}

bool HasSessionPrefix(std::string_view t) {
  static const RE2 re(
      R"((?i)^\W*(?:sponsored\s+|opening\s+|closing\s+)?(?:keynote(?:\s+panel)?|lightning\s+talk|panel(?:\s+discussion)?|workshop|tutorial|sponsored\s+demo|sponsored\s+session|birds\s+of\s+a\s+feather|bof|fireside\s+chat|contribfest|project\s+lightning\s+talk|maintainer\s+track|project\s+update|learning\s+lounge|case\s+study|demo)\s*:\s*\S.*)");
  assert(re.ok());
  return t.size() < 600 && RE2::FullMatch(t, re);
}

// A URL of a talk's page, slides or recording.
bool LinkWordsOnly(std::string_view text) {
  static const RE2 re(
      R"((?i)^\W*(?:(?:watch|see|view|read|check out|find)\s+(?:it\s+|the\s+|this\s+)?)?(?:talk|session|slides?|slide\s+deck|deck|video|recording|sched(?:\.com)?|youtube|abstract|link|schedule|here|details|page|event)(?:\s+(?:on|at|via|link|page|here|recording|video|slides|and|&|\||/)\s*\S*)*\W*$)");
  assert(re.ok());
  return text.size() < 120 && RE2::FullMatch(text, re);
}

bool FirstCapitalised(std::string_view text) { return CaseOf(text).first_capitalised; }

}  // namespace cnkg::article
