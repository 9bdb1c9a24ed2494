#include "extract/readers/article.h"

#include <re2/re2.h>

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "common/strings.h"
#include "extract/markup/article_markdown.h"
#include "extract/grammar/article_speakers.h"
#include "extract/gazetteer/gazetteer.h"
#include "extract/core/batch_writer.h"
#include "extract/gazetteer/mentions.h"
#include "extract/core/records.h"
#include "extract/grammar/talk_title.h"
#include "graph/resolve.h"

namespace cnkg {
namespace {

// How the article reader works
// ----------------------------
// 1. article_markdown.h splits the document into lines of known kinds (front matter, code,
//    headings, list items, table rows, text) with inline markup removed.
// 2. Each line that could be a heading gets a role: the document title, a talk, a day header
//    ("Day 1 - KubeCon", which opens a section of talks), a section of talks ("Keynotes"), an
//    article section that ends the talks before it ("Conclusion", "Recordings", "TL;DR"), an
//    ordinary section, or none (body text). Talks are recognised by general cues only:
//      - a talk link on the next line ("- Talk on sched.com", a sched/slides/video URL);
//      - the "Title - Speaker, Org & Speaker, Org" shape with plausible names
//        (article_speakers.h);
//      - a session prefix ("Keynote:", "Lightning Talk:");
//      - in plain text, a short Title Case line without terminal punctuation followed by prose,
//        inside a "Day N" section; in Markdown, a heading at the level of its talk siblings or
//        under a day section.
//    Talks are also read from list items ("- [Title](sched-url) - Name, Org") and from Markdown
//    tables with a title and a speakers column.
// 3. The lines under a talk heading, up to the next talk or section heading, are that talk's
//    text; the projects they name are MENTIONS of the talk. Every project named anywhere is also
//    a MENTION of the Document node.
// 4. The event is read from the front matter, the title and the first paragraphs.

using Kind = ArticleLineKind;

enum class Role {
  kNone,         // body text
  kTitle,        // the document's title
  kTalk,         // a talk heading (or list item, or table row)
  kDay,          // "Day 1 - KubeCon": opens a section of talks
  kTalkSection,  // "Keynotes", "Talks I attended": opens a section of talks
  kEnd,          // "Conclusion", "Recordings": ends the talks before it
  kSection,      // any other heading
  kLinkLine,     // "- Talk on sched.com" under a talk heading
  kUndecided,    // a Markdown heading decided by its siblings
};

struct Talk {
  std::size_t index = 0;  // line index of the heading, item or row
  std::string title;      // display title: leading symbols removed
  std::string raw_title;  // as written
  std::vector<HeadingSpeaker> speakers;
  std::string url;
  std::size_t body_begin = 0, body_end = 0;  // line indexes [begin, end) of the talk's text
  int level = 0;         // Markdown heading level; 0 for plain lines, 7 for bold lines, 8 for items
  std::string evidence;  // the heading line's text
  // Where the speakers are written: the heading itself, or a "Speakers:" line under it.
  std::size_t speakers_index = 0;
  std::string speakers_evidence;
  std::vector<std::string> extra_mention_texts;  // table cells that describe the talk
};

// Lines right under a heading that belong to it rather than to its text: talk links
// ("- Talk on sched.com", "[Slides](...)") and a speakers line ("**Speakers:** Ana Silva,
// Initech").
struct Attachments {
  std::vector<std::size_t> lines;
  std::string url;
  bool link = false;
  std::optional<std::vector<HeadingSpeaker>> speakers;
  std::size_t speakers_index = 0;
};

// ---------------------------------------------------------------------------------------------
// Text shape.

std::vector<std::string_view> WordsOf(std::string_view s, std::size_t limit = 4000) {
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

// A talk's title as displayed: without leading symbols, an enumeration ("3. ", "#3 "), a label
// the article puts before it ("Talk: ", "Session: ") or quotes around it.
std::string DisplayTitle(std::string_view raw) {
  static const RE2 enumeration(R"(^(?:#?\d{1,3}[.):]?\s+|\(\d{1,3}\)\s+)(\S.*)$)");
  static const RE2 label(R"((?i)^(?:talk|session|presentation|title)\s*:\s*(\S.*)$)");
  static const RE2 quoted(R"(^["“'‘](.+)["”'’]$)");
  assert(enumeration.ok() && label.ok() && quoted.ok());
  std::string t = CollapseSpaces(raw);
  if (t.size() > 2000) return t;
  std::string rest;
  if (RE2::FullMatch(t, enumeration, &rest)) t = rest;
  t = WithoutLeadingSymbols(t);
  if (RE2::FullMatch(t, label, &rest)) t = rest;
  if (RE2::FullMatch(t, quoted, &rest)) t = CollapseSpaces(rest);
  return t;
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
      R"((?i)^(?:time|date|venue|location|room|type|track|level|description|abstract|speakers?|presenters?|tags?|categor(?:y|ies)|duration|when|where|audience)\s*:.*)");
  assert(field.ok());
  return t.size() < 2000 && RE2::FullMatch(t, field);
}

// Breaks, meals and social events: sessions no one presents. Without a talk link they are not
// taken for talks.
bool NonTalkSession(std::string_view t) {
  static const RE2 re(
      R"((?i)\b(lunch|break|coffee|breakfast|dinner|registration|reception|party|happy\s+hour|booth|booth\s+crawl|hallway\s+track|networking|expo|social|badge\s+pick-?up|doors\s+open)\b)");
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
bool TalkUrl(std::string_view url) {
  static const RE2 re(
      R"((?i)^https?://(?:[\w-]+\.)*(?:sched\.com|sched\.org|youtube\.com|youtu\.be|vimeo\.com|speakerdeck\.com|slideshare\.net|static\.sched\.com|pretalx\.com|sessionize\.com)(?:[/?#].*)?$|^https?://docs\.google\.com/presentation/.*|^https?://\S+/(?:slides?|talks?|sessions?|events?)/\S*|^https?://\S+\.pdf$)");
  assert(re.ok());
  return url.size() < 2000 && RE2::FullMatch(url, re);
}

// Link texts that name a link, not a talk: "Slides", "Talk on sched.com", "Watch on YouTube".
bool LinkWordsOnly(std::string_view text) {
  static const RE2 re(
      R"((?i)^\W*(?:(?:watch|see|view|read|check out|find)\s+(?:it\s+|the\s+|this\s+)?)?(?:talk|session|slides?|slide\s+deck|deck|video|recording|sched(?:\.com)?|youtube|abstract|link|schedule|here|details|page|event)(?:\s+(?:on|at|via|link|page|here|recording|video|slides|and|&|\||/)\s*\S*)*\W*$)");
  assert(re.ok());
  return text.size() < 120 && RE2::FullMatch(text, re);
}

// A line that only links the talk above it: "- Talk on sched.com", "[Slides](...) | [Video]",
// a bare sched or YouTube URL. Returns the URL (possibly empty) through *url.
bool TalkLinkLine(const ArticleLine& l, std::string* url) {
  if (l.kind != Kind::kText && l.kind != Kind::kListItem) return false;
  if (l.text.size() > 300) return false;
  std::string rest = BlankUrlsAndPaths(l.text);
  std::string bare = CollapseSpaces(rest);
  static const RE2 words(
      R"((?i)\b(sched(\.com)?|youtube|youtu\.be|slides?|slide\s+deck|recording|video|vimeo|speakerdeck)\b)");
  assert(words.ok());
  bool talk_link = false;
  for (const ArticleLink& link : l.links) {
    if (TalkUrl(link.url)) {
      if (url->empty()) *url = link.url;
      talk_link = true;
    }
  }
  if (talk_link && WordsOf(bare).size() <= 10) return true;
  if (bare.empty()) return false;
  if (WordsOf(bare).size() <= 8 && LinkWordsOnly(bare) && RE2::PartialMatch(l.text, words)) {
    if (url->empty() && !l.links.empty()) *url = l.links.front().url;
    return true;
  }
  return false;
}

// Trailing link notes on a talk line: "(slides)", "[video]", "(sched | recording)".
std::string WithoutTrailingLinkNotes(std::string_view t) {
  static const RE2 re(
      R"((?i)^(.*?\S)\s*[\(\[]\s*(?:slides?|video|recording|sched(?:\.com)?|youtube|link|talk|abstract)(?:\s*[,|/&]\s*(?:slides?|video|recording|sched(?:\.com)?|youtube|link|talk|abstract))*\s*[\)\]]\s*$)");
  assert(re.ok());
  std::string head;
  if (t.size() < 600 && RE2::FullMatch(t, re, &head)) return head;
  return std::string(t);
}

// ---------------------------------------------------------------------------------------------
// Event names.

struct EventName {
  std::string name;
  std::string family;  // the series, folded: "kubecon" for KubeCon and CloudNativeCon
  std::string region;  // "Europe", "London"; empty if none
  std::string year;    // "2025"; empty if none
  int score = 0;
  int line = 0;
  std::string evidence;
};

std::vector<EventName> FindEventNames(std::string_view text, int line) {
  static const RE2 re(
      R"(\b((?i:kubecon\s*(?:\+|&|and)\s*cloudnativecon|kubecon|cloudnativecon|open\s+source\s+summit|kubernetes\s+community\s+days?|kcd|cloud\s+native\s+rejekts|rejekts|platformcon|argocon|backstagecon|ciliumcon|istiocon|gitopscon|devopsdays|fosdem|srecon|all\s+things\s+open|cloud\s+native\s+summit|openssf\s+day|wasmcon|observability\s+day|cloud\s+native\s+days?))\b(?:\s+(Europe|North\s+America|Latin\s+America|Hong\s+Kong|EU|NA|China|India|Japan|Asia|Australia|APAC|Korea|EMEA|\p{Lu}\p{Ll}+))?(?:\s+(20\d\d))?)");
  assert(re.ok());
  static const std::set<std::string> kRegions = {
      "europe", "north america", "latin america", "hong kong", "eu",   "na",    "china",
      "india",  "japan",         "asia",          "australia", "apac", "korea", "emea"};
  static const std::set<std::string> kNotPlaces = {
      "the",       "this",     "that",       "day",      "keynote",    "keynotes",     "is",
      "was",       "has",      "had",        "and",      "or",         "but",          "in",
      "on",        "at",       "for",        "with",     "from",       "it",           "we",
      "our",       "my",       "talk",       "talks",    "session",    "sessions",     "recap",
      "takeaways", "notes",    "highlights", "edition",  "conference", "event",        "week",
      "blog",      "summary",  "review",     "was",      "will",       "were",         "are",
      "attendees", "schedule", "program",    "speakers", "venue",      "registration", "tickets",
      "co"};
  std::vector<EventName> out;
  if (text.size() > 20000) text = text.substr(0, 20000);
  re2::StringPiece input(text.data(), text.size());
  std::string series, region, year;
  while (RE2::FindAndConsume(&input, re, &series, &region, &year)) {
    EventName e;
    std::string r = CollapseSpaces(region);
    if (!r.empty() && !kRegions.count(AsciiLower(r)) && kNotPlaces.count(AsciiLower(r))) r.clear();
    e.region = r;
    e.year = year;
    std::string s = CollapseSpaces(series);
    // "KubeCon+CloudNativeCon" and "KubeCon & CloudNativeCon" are written "KubeCon + ...".
    static const RE2 plus(R"((?i)^(kubecon)\s*(?:\+|&|and)\s*(cloudnativecon)$)");
    assert(plus.ok());
    std::string a, b;
    if (RE2::FullMatch(s, plus, &a, &b)) s = a + " + " + b;
    e.name = s;
    std::string folded = Slug(s);
    e.family = folded.find("kubecon") != std::string::npos ||
                       folded.find("cloudnativecon") != std::string::npos
                   ? "kubecon"
                   : folded;
    if (!r.empty()) e.name += " " + r;
    if (!year.empty()) e.name += " " + year;
    e.score = static_cast<int>(WordsOf(s).size()) + (r.empty() ? 0 : 2) + (year.empty() ? 0 : 2);
    e.line = line;
    e.evidence = std::string(text.substr(0, std::min<std::size_t>(text.size(), 500)));
    out.push_back(std::move(e));
    region.clear();
    year.clear();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The reader.

class ArticleReader {
 public:
  ArticleReader(const Document& doc, const Gazetteer& gazetteer)
      : doc_(doc), gazetteer_(gazetteer), text_(ReadArticleText(doc)), lines_(text_.lines) {}

  Result<ExtractionBatch> Read();

 private:
  std::size_t NextNonBlank(std::size_t i) const {
    for (std::size_t j = i + 1; j < lines_.size(); ++j)
      if (lines_[j].kind != Kind::kBlank) return j;
    return lines_.size();
  }
  bool Headingish(const ArticleLine& l) const {
    return l.kind == Kind::kHeading || (l.kind == Kind::kText && (l.bold || !text_.markdown));
  }

  void AssignRoles();
  void ReadListItems();
  void ReadTables();
  void SetBodies();
  void FindEvent();
  void FindTitle();
  Attachments AttachedLines(std::size_t i) const;
  std::optional<Talk> TalkFromLine(std::size_t i, bool explicit_heading);
  ExtractionBatch Build();

  const Document& doc_;
  const Gazetteer& gazetteer_;
  ArticleText text_;
  const std::vector<ArticleLine>& lines_;
  std::vector<Role> roles_;
  std::map<std::size_t, Talk> talks_;  // by line index
  std::set<std::size_t> link_lines_;
  std::string title_;
  std::optional<EntityRecord> event_;  // the Event entity, key and name resolved
};

Attachments ArticleReader::AttachedLines(std::size_t i) const {
  static const RE2 speakers_label(
      R"((?i)^(?:speakers?|presenters?|presented\s+by|speakers?\s*&\s*companies|who|by)\s*:\s*(\S.*)$)");
  static const RE2 by(R"((?i)^(?:by|with|presented\s+by)\s+(\S.*)$)");
  assert(speakers_label.ok() && by.ok());
  Attachments a;
  std::size_t k = i;
  for (int taken = 0; taken < 3; ++taken) {
    k = NextNonBlank(k);
    if (k >= lines_.size()) break;
    const ArticleLine& l = lines_[k];
    if (l.kind != Kind::kText && l.kind != Kind::kListItem) break;
    std::string url;
    if (TalkLinkLine(l, &url)) {
      a.link = true;
      if (a.url.empty()) a.url = url;
      a.lines.push_back(k);
      continue;
    }
    std::string who;
    if (!a.speakers && l.text.size() < 600 &&
        (RE2::FullMatch(l.text, speakers_label, &who) || RE2::FullMatch(l.text, by, &who))) {
      if (auto parsed = ParseHeadingSpeakers(WithoutTrailingLinkNotes(who))) {
        a.speakers = std::move(parsed);
        a.speakers_index = k;
        a.lines.push_back(k);
        for (const ArticleLink& link : l.links)
          if (a.url.empty() && TalkUrl(link.url)) a.url = link.url;
        continue;
      }
    }
    break;
  }
  return a;
}

// Reads a heading-like line as a talk if some cue says it is one; nullopt otherwise.
std::optional<Talk> ArticleReader::TalkFromLine(std::size_t i, bool explicit_heading) {
  const ArticleLine& l = lines_[i];
  std::string text = WithoutTrailingLinkNotes(l.text);
  if (text.empty() || text.size() > 600) return std::nullopt;
  if (FieldLine(text)) return std::nullopt;
  const std::size_t next = NextNonBlank(i);
  Attachments attached = AttachedLines(i);
  std::string url = attached.url;
  bool link_follows = attached.link;
  for (const ArticleLink& link : l.links) {
    if (TalkUrl(link.url)) {
      if (url.empty()) url = link.url;
      link_follows = true;
    }
  }
  std::vector<std::string_view> words = WordsOf(text);
  bool terminal = EndsSentence(text) || text.back() == '.';
  Talk t;
  t.index = i;
  t.url = url;
  t.evidence = l.text;
  t.speakers_index = i;
  t.speakers_evidence = l.text;
  t.level = l.kind == Kind::kHeading ? l.level : (l.bold ? 7 : 0);
  auto with_title = [&](std::string title) {
    t.raw_title = CollapseSpaces(title);
    t.title = DisplayTitle(t.raw_title);
    return !t.title.empty();
  };
  // A "Speakers:" line under the heading.
  if (attached.speakers && !terminal && words.size() <= 30 && !DayLike(text) && !EndSection(text) &&
      CaseOf(text).first_capitalised) {
    if (!with_title(text)) return std::nullopt;
    t.speakers = std::move(*attached.speakers);
    t.speakers_index = attached.speakers_index;
    t.speakers_evidence = lines_[attached.speakers_index].text;
    return t;
  }
  if (auto split = SplitTalkHeading(text)) {
    bool affiliated = split->speakers.size() > 1;
    for (const HeadingSpeaker& s : split->speakers)
      if (!s.organization.empty() || !s.job_title.empty()) affiliated = true;
    bool legal_end = terminal && IsLegalSuffix(words.back());
    bool shaped = !terminal || legal_end;
    if (shaped && (link_follows || explicit_heading ||
                   (affiliated && (TitleCase(split->title, true) || text_.markdown)) ||
                   (TitleCase(split->title, true) && TitleCase(split->speakers[0].name, false)))) {
      if (!with_title(split->title)) return std::nullopt;
      t.speakers = std::move(split->speakers);
      return t;
    }
  }
  // "Title by Ana Silva, Initech" in a heading.
  if (explicit_heading && !terminal) {
    static const RE2 by(R"(^(.+)\s+by\s+(\S.*)$)");
    assert(by.ok());
    std::string title, who;
    if (RE2::FullMatch(text, by, &title, &who) && WordsOf(title).size() >= 3 &&
        TitleCase(title, true)) {
      if (auto speakers = ParseHeadingSpeakers(who)) {
        if (!with_title(title)) return std::nullopt;
        t.speakers = std::move(*speakers);
        return t;
      }
    }
  }
  if (terminal || words.size() > 30) return std::nullopt;
  if (DayLike(text) || EndSection(text) || GenericSection(text)) return std::nullopt;
  if (link_follows && CaseOf(text).first_capitalised) {
    if (!with_title(text)) return std::nullopt;
    return t;
  }
  if (HasSessionPrefix(text)) {
    std::vector<std::string> aliases = TalkTitleAliases(text);
    std::string bare = aliases.empty() ? text : aliases.back();
    bool next_prose = next < lines_.size() && IsProse(lines_[next].text);
    if (TitleCase(bare, true) && (explicit_heading || next_prose)) {
      if (!with_title(text)) return std::nullopt;
      return t;
    }
  }
  return std::nullopt;
}

void ArticleReader::AssignRoles() {
  const std::size_t n = lines_.size();
  roles_.assign(n, Role::kNone);
  bool in_talk_section = false;
  bool seen_content = false;
  for (std::size_t i = 0; i < n; ++i) {
    const ArticleLine& l = lines_[i];
    if (l.kind == Kind::kBlank || l.kind == Kind::kFrontMatter || l.kind == Kind::kCode ||
        l.kind == Kind::kRule || l.kind == Kind::kLinkDefinition)
      continue;
    if (roles_[i] == Role::kLinkLine) continue;
    if (!Headingish(l) || l.text.size() > 600 || CodeLike(l.text) || FieldLine(l.text)) {
      seen_content = true;
      continue;
    }
    const bool explicit_heading = l.kind == Kind::kHeading;
    // The document's title: the first line of a plain-text post, or the first '#' heading when
    // nothing but front matter precedes it.
    if (!seen_content && (explicit_heading ? l.level == 1 : !text_.markdown)) {
      seen_content = true;
      std::string url;
      std::size_t next = NextNonBlank(i);
      bool link_follows = next < n && TalkLinkLine(lines_[next], &url);
      bool speakers = SplitTalkHeading(WithoutTrailingLinkNotes(l.text)).has_value();
      if (!link_follows && !speakers && WordsOf(l.text).size() <= 20 && !EndsSentence(l.text)) {
        roles_[i] = Role::kTitle;
        continue;
      }
    }
    seen_content = true;
    if (auto talk = TalkFromLine(i, explicit_heading)) {
      // "Day 1 - Keynotes" has the shape of "Title - Speaker"; it is a talk only when a talk link
      // or a session prefix says so.
      std::string unused;
      std::size_t next = NextNonBlank(i);
      bool linked = !talk->url.empty() || (next < n && TalkLinkLine(lines_[next], &unused));
      bool day = talk->speakers.empty() ? DayLike(l.text) : BareDay(talk->title);
      if (!day || linked || HasSessionPrefix(l.text)) {
        roles_[i] = Role::kTalk;
        for (std::size_t k : AttachedLines(i).lines) {
          roles_[k] = Role::kLinkLine;
          link_lines_.insert(k);
        }
        talks_[i] = std::move(*talk);
        continue;
      }
    }
    const std::string& text = l.text;
    bool heading_shape = WordsOf(text).size() <= 12 && !EndsSentence(text);
    if (heading_shape && DayLike(text)) {
      roles_[i] = Role::kDay;
      in_talk_section = true;
      continue;
    }
    if (heading_shape && EndSection(text)) {
      roles_[i] = Role::kEnd;
      in_talk_section = false;
      continue;
    }
    if (heading_shape && TalkSectionName(text)) {
      roles_[i] = Role::kTalkSection;
      in_talk_section = true;
      continue;
    }
    if (explicit_heading) {
      roles_[i] = GenericSection(text) ? Role::kSection : Role::kUndecided;
      continue;
    }
    if (l.bold) continue;
    // Plain text: a short Title Case line followed by prose, inside a section of talks.
    std::vector<std::string_view> words = WordsOf(text);
    if (text_.markdown || !in_talk_section || words.size() < 3 || words.size() > 14) continue;
    if (EndsSentence(text) || GenericSection(text) || NonTalkSession(text) ||
        !TitleCase(text, false))
      continue;
    // "Status: Running": a field of command output, not a heading.
    static const RE2 field(R"(^[\w.-]+:\s*\S+$)");
    assert(field.ok());
    if (RE2::FullMatch(text, field)) continue;
    if (AllCaps(text)) continue;  // "NAME STATUS AGE": column headers of command output
    std::size_t next = NextNonBlank(i);
    if (next >= n || lines_[next].kind != Kind::kText || !IsProse(lines_[next].text)) continue;
    const std::string& after = lines_[next].text;
    char last = after.empty() ? ' ' : after.back();
    if (WordsOf(after).size() < 8 && last != '.' && last != '!' && last != '?') continue;
    Talk t;
    t.index = i;
    t.raw_title = CollapseSpaces(text);
    t.title = DisplayTitle(t.raw_title);
    t.evidence = text;
    roles_[i] = Role::kTalk;
    talks_[i] = std::move(t);
  }

  // Markdown headings without a cue of their own are talks when they sit under a day or a talks
  // section, or beside headings of the same level that are talks.
  std::vector<std::size_t> headings;
  for (std::size_t i = 0; i < n; ++i)
    if (lines_[i].kind == Kind::kHeading) headings.push_back(i);
  for (std::size_t h = 0; h < headings.size(); ++h) {
    std::size_t i = headings[h];
    if (roles_[i] != Role::kUndecided) continue;
    const int level = lines_[i].level;
    // The parent heading and the extent of the parent's section.
    std::optional<std::size_t> parent;
    for (std::size_t k = h; k-- > 0;) {
      if (lines_[headings[k]].level < level) {
        parent = k;
        break;
      }
    }
    bool talk_parent = parent && (roles_[headings[*parent]] == Role::kDay ||
                                  roles_[headings[*parent]] == Role::kTalkSection);
    bool talk_sibling = false;
    std::size_t from = parent ? *parent + 1 : 0;
    for (std::size_t k = from; k < headings.size(); ++k) {
      const ArticleLine& s = lines_[headings[k]];
      if (k > h && s.level < level) break;
      if (k < h && s.level < level) continue;
      if (s.level == level && roles_[headings[k]] == Role::kTalk && talks_.count(headings[k]))
        talk_sibling = true;
    }
    const std::string& text = lines_[i].text;
    std::vector<std::string_view> words = WordsOf(text);
    if ((talk_parent || talk_sibling) && words.size() >= 3 && words.size() <= 25 &&
        !EndsSentence(text) && !NonTalkSession(text) && TitleCase(text, true)) {
      Talk t;
      t.index = i;
      t.raw_title = CollapseSpaces(text);
      t.title = DisplayTitle(t.raw_title);
      t.evidence = text;
      t.level = level;
      for (const ArticleLink& link : lines_[i].links)
        if (t.url.empty() && TalkUrl(link.url)) t.url = link.url;
      roles_[i] = Role::kTalk;
      talks_[i] = std::move(t);
    } else {
      roles_[i] = Role::kSection;
    }
  }
}

// "- [Title](sched-url) - Name, Org", "1. **Title** - Name, Org", "- Title - Name, Org".
void ArticleReader::ReadListItems() {
  static const RE2 link_first(R"(^\s*(?:\*\*|__)?\s*\[)");
  static const RE2 bold_first(R"(^\s*(?:\*\*|__)([^*_]+?)(?:\*\*|__)(.*)$)");
  static const RE2 separator(
      R"((?i)^\s*(?:-{1,2}|[\x{2013}\x{2014}:,|]|\bby\b|\bwith\b|\bpresented by\b)?\s*(.*)$)");
  assert(link_first.ok() && bold_first.ok() && separator.ok());
  const std::size_t n = lines_.size();
  for (std::size_t i = 0; i < n; ++i) {
    const ArticleLine& l = lines_[i];
    if (roles_[i] != Role::kNone || l.text.size() > 600) continue;
    // List items, and in Markdown the first line of a paragraph (plain-text lines were judged
    // as headings already).
    const bool paragraph_start =
        l.kind == Kind::kText && text_.markdown &&
        (i == 0 || lines_[i - 1].kind == Kind::kBlank || lines_[i - 1].kind == Kind::kHeading);
    if (l.kind != Kind::kListItem && !paragraph_start) continue;
    const std::string& raw = doc_.lines[i];
    std::string title, rest, url;
    bool delimited = false;
    std::string bold_title, after_bold;
    // Content after the list marker, as written.
    static const RE2 marker(R"(^\s*(?:[-*+\x{2022}]|\d{1,3}[.)])\s+(.*)$)");
    assert(marker.ok());
    std::string content;
    if (l.kind == Kind::kListItem) {
      if (!RE2::FullMatch(raw, marker, &content)) continue;
    } else {
      content = std::string(Trim(raw));
    }
    if (RE2::PartialMatch(content, link_first) && !l.links.empty()) {
      title = l.links.front().text;
      url = l.links.front().url;
      std::size_t pos = l.text.find(title);
      rest = pos == std::string::npos ? "" : l.text.substr(pos + title.size());
      delimited = true;
    } else if (RE2::FullMatch(content, bold_first, &bold_title, &after_bold)) {
      title = CleanInline(bold_title, {}, nullptr);
      rest = CleanInline(after_bold, {}, nullptr);
      delimited = true;
    }
    std::string r;
    Talk t;
    t.index = i;
    t.evidence = l.text;
    t.level = 8;
    if (delimited) {
      title = CollapseSpaces(title);
      while (!title.empty() && (title.back() == ':' || title.back() == ',')) title.pop_back();
      if (title.empty() || LinkWordsOnly(title)) continue;
      RE2::FullMatch(WithoutTrailingLinkNotes(rest), separator, &r);
      r = CollapseSpaces(r);
      if (r.size() > 2 && r.front() == '(' && r.back() == ')') r = r.substr(1, r.size() - 2);
      auto speakers = r.empty() ? std::nullopt : ParseHeadingSpeakers(r);
      bool talk_url = TalkUrl(url);
      if (!talk_url) {
        url.clear();
        for (const ArticleLink& link : l.links)
          if (url.empty() && TalkUrl(link.url)) url = link.url;
        talk_url = !url.empty();
      }
      // A title alone on its item, with "Speakers:" or a talk link on the lines under it.
      if (!speakers && Trim(r).empty()) {
        Attachments attached = AttachedLines(i);
        if (attached.speakers || attached.link) {
          speakers = std::move(attached.speakers);
          if (attached.speakers) {
            t.speakers_index = attached.speakers_index;
            t.speakers_evidence = lines_[attached.speakers_index].text;
          }
          if (!talk_url && attached.link) {
            url = attached.url;
            talk_url = true;
          }
          for (std::size_t k : attached.lines) {
            roles_[k] = Role::kLinkLine;
            link_lines_.insert(k);
          }
        }
      }
      // Without speakers, only a link to a talk page makes an item a talk.
      if (!speakers && !(talk_url && WordsOf(title).size() >= 2)) continue;
      t.raw_title = title;
      if (speakers) t.speakers = std::move(*speakers);
    } else {
      std::string text = WithoutTrailingLinkNotes(l.text);
      auto split = SplitTalkHeading(text);
      if (!split) continue;
      bool talk_url = false;
      for (const ArticleLink& link : l.links)
        if (TalkUrl(link.url)) {
          talk_url = true;
          if (url.empty()) url = link.url;
        }
      bool affiliated = split->speakers.size() > 1;
      for (const HeadingSpeaker& s : split->speakers)
        if (!s.organization.empty()) affiliated = true;
      if (!talk_url && !(affiliated && TitleCase(split->title, true))) continue;
      t.raw_title = split->title;
      t.speakers = std::move(split->speakers);
    }
    t.raw_title = CollapseSpaces(t.raw_title);
    t.title = DisplayTitle(t.raw_title);
    if (t.title.empty()) continue;
    t.url = url;
    roles_[i] = Role::kTalk;
    talks_[i] = std::move(t);
  }
}

// Markdown tables with a title column and a speakers column.
void ArticleReader::ReadTables() {
  static const RE2 title_col(
      R"((?i)^(?:talk|session|title|talk\s+title|session\s+title|name|topic|what|talk\s+name)s?$)");
  static const RE2 speakers_col(
      R"((?i)^(?:speakers?|presenters?|presented\s+by|by|who|speaker\(s\)|speakers?\s*(?:&|and|/)\s*(?:companies|organi[sz]ations|affiliations))$)");
  static const RE2 org_col(
      R"((?i)^(?:compan(?:y|ies)|organi[sz]ations?|affiliations?|orgs?|employers?)$)");
  static const RE2 link_col(R"((?i)^(?:links?|url|sched|slides|video|recording|watch)$)");
  assert(title_col.ok() && speakers_col.ok() && org_col.ok() && link_col.ok());
  const std::size_t n = lines_.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (lines_[i].kind != Kind::kTableRow) continue;
    if (i + 1 >= n || lines_[i + 1].kind != Kind::kTableRule) continue;
    const ArticleLine& header = lines_[i];
    int title = -1, speakers = -1, org = -1, link = -1;
    std::vector<int> other;
    for (std::size_t c = 0; c < header.cells.size(); ++c) {
      std::string h = HeadingKey(header.cells[c]);
      int ci = static_cast<int>(c);
      if (title < 0 && RE2::FullMatch(h, title_col)) {
        title = ci;
      } else if (speakers < 0 && RE2::FullMatch(h, speakers_col)) {
        speakers = ci;
      } else if (org < 0 && RE2::FullMatch(h, org_col)) {
        org = ci;
      } else if (link < 0 && RE2::FullMatch(h, link_col)) {
        link = ci;
      } else {
        other.push_back(ci);
      }
    }
    if (title < 0 && speakers >= 0 && speakers != 0 && org != 0 && link != 0) title = 0;
    std::size_t j = i + 2;
    for (; j < n && lines_[j].kind == Kind::kTableRow; ++j) {
      if (title < 0) continue;
      const ArticleLine& row = lines_[j];
      auto cell = [&](int c) -> std::string {
        return c >= 0 && static_cast<std::size_t>(c) < row.cells.size() ? row.cells[c] : "";
      };
      auto cell_links = [&](int c) -> std::vector<ArticleLink> {
        return c >= 0 && static_cast<std::size_t>(c) < row.cell_links.size()
                   ? row.cell_links[c]
                   : std::vector<ArticleLink>{};
      };
      Talk t;
      t.index = j;
      t.evidence = row.text;
      t.level = 8;
      t.raw_title = CollapseSpaces(WithoutTrailingLinkNotes(cell(title)));
      std::string who = cell(speakers);
      if (speakers < 0) {
        // "Title - Name, Org" in the one cell.
        if (auto split = SplitTalkHeading(t.raw_title)) {
          t.raw_title = split->title;
          t.speakers = std::move(split->speakers);
        }
      }
      t.title = DisplayTitle(t.raw_title);
      if (t.title.empty() || LinkWordsOnly(t.title)) continue;
      for (int c : {title, link}) {
        for (const ArticleLink& l : cell_links(c))
          if (t.url.empty() && (TalkUrl(l.url) || c == link)) t.url = l.url;
      }
      if (!Trim(who).empty()) {
        std::optional<std::vector<HeadingSpeaker>> parsed;
        std::string orgs = cell(org);
        if (org < 0) parsed = ParseHeadingSpeakers(who);
        if (!parsed) {
          // Names only: "Ana Silva, Bo Li & Cy Young".
          static const RE2 seps(R"(\s*(?:;|,|&|\band\b|<br\s*/?>|/)\s*)");
          assert(seps.ok());
          std::string list = who;
          RE2::GlobalReplace(&list, seps, ";");
          std::vector<HeadingSpeaker> names;
          bool all = true;
          for (const std::string& p : Split(list, ";")) {
            if (!LooksLikeArticlePersonName(p)) all = false;
            HeadingSpeaker s;
            s.name = p;
            names.push_back(std::move(s));
          }
          if (all && !names.empty()) parsed = std::move(names);
        }
        if (parsed) {
          if (!Trim(orgs).empty()) {
            std::string list = orgs;
            static const RE2 seps(R"(\s*(?:;|&|<br\s*/?>|/)\s*)");
            assert(seps.ok());
            RE2::GlobalReplace(&list, seps, ";");
            std::vector<std::string> parts = Split(list, ";");
            for (std::size_t k = 0; k < parsed->size(); ++k) {
              HeadingSpeaker& s = (*parsed)[k];
              if (!s.organization.empty()) continue;
              std::string o = parts.size() == parsed->size() ? parts[k]
                              : parts.size() == 1            ? parts[0]
                                                             : "";
              if (!o.empty() && !IsNonOrganization(o)) s.organization = o;
            }
          }
          t.speakers = std::move(*parsed);
        }
      }
      for (int c : other) t.extra_mention_texts.push_back(cell(c));
      roles_[j] = Role::kTalk;
      talks_[j] = std::move(t);
    }
    i = j - 1;
  }
}

void ArticleReader::SetBodies() {
  const std::size_t n = lines_.size();
  for (auto& [index, talk] : talks_) {
    talk.body_begin = index + 1;
    std::size_t end = index + 1;
    if (lines_[index].kind == Kind::kTableRow) {
      talk.body_end = index + 1;
      continue;
    }
    if (lines_[index].kind == Kind::kListItem) {
      // The item and its continuation: indented lines, and lines up to a blank line.
      const int indent = lines_[index].indent;
      while (end < n) {
        const ArticleLine& l = lines_[end];
        if (l.kind == Kind::kBlank) {
          std::size_t next = NextNonBlank(end);
          if (next < n && lines_[next].indent > indent && lines_[next].kind != Kind::kHeading) {
            end = next;
            continue;
          }
          break;
        }
        if (roles_[end] == Role::kTalk || l.kind == Kind::kHeading) break;
        if (l.kind == Kind::kListItem && l.indent <= indent) break;
        ++end;
      }
      talk.body_end = end;
      continue;
    }
    for (; end < n; ++end) {
      const ArticleLine& l = lines_[end];
      Role r = roles_[end];
      if (r == Role::kTalk && l.kind != Kind::kListItem && l.kind != Kind::kTableRow) break;
      if (r == Role::kTalk && talk.level < 7) {
        // A list of talks under a talk heading ends its text.
        break;
      }
      if (r == Role::kDay || r == Role::kEnd || r == Role::kTalkSection || r == Role::kTitle) break;
      if (l.kind == Kind::kHeading && (talk.level == 0 || talk.level >= 7 || l.level <= talk.level))
        break;
    }
    talk.body_end = end;
  }
}

void ArticleReader::FindTitle() {
  const FrontMatter& fm = text_.front_matter;
  if (auto it = fm.fields.find("title"); it != fm.fields.end() && !it->second.empty()) {
    title_ = it->second;
    return;
  }
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    if (roles_[i] == Role::kTitle) {
      title_ = WithoutLeadingSymbols(lines_[i].text);
      return;
    }
  }
}

void ArticleReader::FindEvent() {
  std::vector<EventName> found;
  const FrontMatter& fm = text_.front_matter;
  auto fm_line = [&](const std::string& key) {
    return fm.field_lines.count(key) ? fm.field_lines.at(key) : fm.first_line;
  };
  for (const char* key : {"event", "conference"}) {
    auto it = fm.fields.find(key);
    if (it == fm.fields.end() || it->second.empty()) continue;
    EventName e;
    e.name = it->second;
    for (EventName& x : FindEventNames(it->second, 0)) {
      e.region = x.region;
      e.year = x.year;
      e.family = x.family;
    }
    if (e.family.empty()) e.family = Slug(e.name);
    e.score = 100;  // the author said so
    e.line = fm_line(key);
    e.evidence = it->second;
    found.push_back(std::move(e));
  }
  for (const char* key : {"title", "description", "summary", "subtitle"}) {
    auto it = fm.fields.find(key);
    if (it == fm.fields.end()) continue;
    for (EventName& e : FindEventNames(it->second, fm_line(key))) found.push_back(std::move(e));
  }
  // The title and the first paragraphs, up to the first talk or day header.
  int paragraphs = 0;
  for (std::size_t i = 0; i < lines_.size() && paragraphs < 15; ++i) {
    const ArticleLine& l = lines_[i];
    if (roles_[i] == Role::kTalk || roles_[i] == Role::kDay) break;
    if (l.kind == Kind::kFrontMatter || l.kind == Kind::kCode || l.kind == Kind::kBlank ||
        l.text.empty())
      continue;
    ++paragraphs;
    for (EventName& e : FindEventNames(l.text, l.number)) {
      if (roles_[i] == Role::kTitle) e.score += 1;  // the title names the subject
      found.push_back(std::move(e));
    }
  }
  if (found.empty()) return;
  std::size_t best = 0;
  for (std::size_t k = 1; k < found.size(); ++k)
    if (found[k].score > found[best].score) best = k;
  const EventName& chosen = found[best];
  // Other names of the same event: the same series, and no other year.
  std::vector<const EventName*> variants;
  for (const EventName& e : found) {
    if (e.family != chosen.family) continue;
    if (!chosen.year.empty() && !e.year.empty() && e.year != chosen.year) continue;
    variants.push_back(&e);
  }
  // The year, for names without one ("KubeCon London"): from a variant, else the post's date.
  int year_hint = 0;
  for (const EventName* e : variants)
    if (!year_hint && !e->year.empty()) year_hint = std::stoi(e->year);
  if (auto it = fm.fields.find("date"); !year_hint && it != fm.fields.end()) {
    static const RE2 year(R"(\b((?:19|20)\d\d)\b)");
    assert(year.ok());
    RE2::PartialMatch(it->second, year, &year_hint);
  }
  // The event record: a recognised edition gets its canonical name (graph/resolve.h), from the
  // chosen name or else from a variant that says more ("KubeCon London" beside "KubeCon 2025").
  const EventName* named = &chosen;
  if (!CanonicalEventName(chosen.name, year_hint)) {
    for (const EventName* e : variants) {
      if (CanonicalEventName(e->name, year_hint)) {
        named = e;
        break;
      }
    }
  }
  EntityRecord record = EventRecord(named->name, {doc_.name, named->line, named->evidence}, year_hint);
  for (const EventName* e : variants) {
    if (e->name == record.name) continue;
    if (std::find(record.aliases.begin(), record.aliases.end(), e->name) == record.aliases.end())
      record.aliases.push_back(e->name);
  }
  event_ = std::move(record);
}

ExtractionBatch ArticleReader::Build() {
  BatchWriter out(doc_, "article", gazetteer_);
  for (const Diagnostic& d : text_.diagnostics) out.AddDiagnostic(d);
  const std::string doc_key = out.document_key();
  if (!title_.empty()) out.SetDocumentProperty("title", title_);
  if (event_) out.SetDocumentEvent(out.AddEvent(*event_));

  // Talks.
  std::map<std::size_t, std::string> talk_key_at;  // heading line index -> talk key
  for (auto& [index, talk] : talks_) {
    const ArticleLine& l = lines_[index];
    TalkRecord t;
    t.title = talk.title;
    t.aliases.push_back(talk.raw_title);
    for (const std::string& a : TalkTitleAliases(talk.raw_title)) t.aliases.push_back(a);
    t.url = talk.url;
    t.evidence = {"", l.number, talk.evidence};
    if (!talk.speakers_evidence.empty())
      t.speakers_evidence = {"", lines_[talk.speakers_index].number, talk.speakers_evidence};
    for (const HeadingSpeaker& s : talk.speakers)
      t.speakers.push_back({s.name, s.job_title, s.organization, s.organization_aliases});
    talk_key_at[index] = out.AddTalk(t);
  }

  // Mentions: each line once for the document, and for the talk whose text it is.
  std::vector<const Talk*> owner(lines_.size(), nullptr);
  for (const auto& [index, talk] : talks_)
    for (std::size_t k = talk.body_begin; k < talk.body_end && k < lines_.size(); ++k)
      if (!owner[k] || owner[k]->body_begin < talk.body_begin) owner[k] = &talk;
  const FrontMatter& fm = text_.front_matter;
  for (const char* key : {"title", "description", "summary", "subtitle"}) {
    auto it = fm.fields.find(key);
    if (it == fm.fields.end()) continue;
    int line = fm.field_lines.count(key) ? fm.field_lines.at(key) : fm.first_line;
    out.AddMentions(it->second, doc_key, line);
  }
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    const ArticleLine& l = lines_[i];
    if (l.kind == Kind::kBlank || l.kind == Kind::kFrontMatter || l.kind == Kind::kRule ||
        l.kind == Kind::kTableRule || l.kind == Kind::kLinkDefinition || l.text.empty())
      continue;
    if (link_lines_.count(i)) continue;
    if (auto t = talks_.find(i); t != talks_.end()) {
      const std::string& key = talk_key_at[i];
      std::vector<std::string> texts = {t->second.title};
      for (const std::string& x : t->second.extra_mention_texts) texts.push_back(x);
      for (const std::string& x : texts) {
        out.AddMentions(x, doc_key, l.number);
        out.AddMentions(x, key, l.number);
      }
      continue;
    }
    if (l.kind == Kind::kTableRow && i > 0 && lines_[i - 1].kind != Kind::kTableRow &&
        i + 1 < lines_.size() && lines_[i + 1].kind == Kind::kTableRule)
      continue;  // a table's header row
    out.AddMentions(l.text, doc_key, l.number);
    if (owner[i]) out.AddMentions(l.text, talk_key_at[owner[i]->index], l.number);
  }
  return out.Finish();
}

Result<ExtractionBatch> ArticleReader::Read() {
  AssignRoles();
  ReadTables();
  ReadListItems();
  SetBodies();
  FindTitle();
  FindEvent();
  ExtractionBatch batch = Build();
  bool mentions = false;
  for (const RelationRecord& r : batch.relations)
    if (r.type == RelType::kMentions) mentions = true;
  if (talks_.empty() && !event_ && !mentions) {
    return Status::ParseError(doc_.path +
                              ": no talks, event or project mentions found in the article");
  }
  return batch;
}

}  // namespace

int RecogniseArticle(const Document& doc) { return LooksLikeArticle(doc) ? 10 : 0; }

bool LooksLikeArticle(const Document& doc) {
  static const RE2 heading(R"(^ {0,3}#{1,6}\s+\S.*)");
  static const RE2 fence(R"(^ {0,3}(?:`{3,}|~{3,}).*)");
  static const RE2 list_item(R"(^\s*(?:[-*+]|\d{1,3}[.)])\s+\S.*)");
  // Lines of source code, scripts and build files: statements, declarations, calls, assignments.
  static const RE2 statement(
      R"(^(?:def|class|import|from\s+\S+\s+import|return|elif|else|try|except|finally|raise|fi|done|then|do|esac|function|const|let|var|public|private|protected|static|package|func|end|endif|endforeach|endfunction|#include|#define|#!|@[\w.]+)\b.*|^[\w.:]+\(.*\)\s*[;{]?$|^[\w.\[\]"']+\s*[-+*/|&]?=\s*\S.*|^(?:if|for|while|with|switch|case)\b.*[:{)]$)");
  static const RE2 log(
      R"(^\s*(?:\[?\d{4}-\d{2}-\d{2}[T ]\d|\d{2}:\d{2}:\d{2}|(?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE)\b).*)");
  assert(heading.ok() && fence.ok() && list_item.ok() && statement.ok() && log.ok());
  int nonblank = 0, prose = 0, code = 0, headings = 0;
  bool in_fence = false;
  std::map<std::pair<int, int>, int> delimiters;  // (commas, tabs) -> lines
  const std::size_t limit = std::min<std::size_t>(doc.lines.size(), 3000);
  // Fence lines; an opening fence that is never closed is read as text.
  std::set<std::size_t> fences;
  for (std::size_t i = 0; i < limit; ++i) {
    std::string_view t = Trim(doc.lines[i]);
    if (t.size() < 1000 && RE2::FullMatch(t, fence)) fences.insert(i);
  }
  if (fences.size() % 2 == 1) fences.erase(std::prev(fences.end()));
  for (std::size_t i = 0; i < limit; ++i) {
    std::string_view raw = doc.lines[i];
    std::string_view t = Trim(raw);
    if (t.empty()) continue;
    std::string_view head = t.substr(0, std::min<std::size_t>(t.size(), 4000));
    std::string_view raw_head = raw.substr(0, std::min<std::size_t>(raw.size(), 4000));
    // Code inside a Markdown fence belongs to the article; it is neither prose nor evidence of a
    // source file.
    if (fences.count(i)) {
      in_fence = !in_fence;
      ++headings;  // a fence is Markdown markup
      continue;
    }
    if (in_fence) continue;
    ++nonblank;
    if (head.size() < 1000 && RE2::FullMatch(head, heading)) {
      ++headings;
      continue;
    }
    if (IsProse(head)) ++prose;
    bool indented = raw.size() > 0 && (raw[0] == '\t' || raw.substr(0, 4) == "    ") &&
                    !RE2::FullMatch(raw_head, list_item);
    if (CodeLike(head) || indented || RE2::FullMatch(head, statement) || RE2::FullMatch(head, log))
      ++code;
    if (nonblank <= 50) {
      int commas = 0, tabs = 0;
      bool quoted = false;
      for (char c : head) {
        if (c == '"') quoted = !quoted;
        if (!quoted && c == ',') ++commas;
        if (c == '\t') ++tabs;
      }
      if (commas + tabs > 0) ++delimiters[{commas, tabs}];
    }
  }
  if (nonblank == 0) return false;
  // A CSV or TSV file: most lines split into the same number of fields.
  int sample = std::min(nonblank, 50);
  for (const auto& [shape, count] : delimiters) {
    if (sample >= 3 && count * 10 >= sample * 8 && shape.first + shape.second >= 1) return false;
  }
  // Source code, scripts, logs: mostly statements, indented blocks or log records.
  if (code * 10 >= nonblank * 4) return false;
  if (prose == 0) return false;
  if (prose >= 2 && prose * 100 >= nonblank * 10) return true;
  return nonblank <= 3 || headings > 0;
}

Result<ExtractionBatch> ExtractArticle(const Document& doc, const Gazetteer& gazetteer) {
  ArticleReader reader(doc, gazetteer);
  return reader.Read();
}

}  // namespace cnkg
