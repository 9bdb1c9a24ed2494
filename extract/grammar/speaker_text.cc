#include "extract/grammar/speaker_text.h"

#include <re2/re2.h>
#include <utf8proc.h>

#include <cassert>
#include <initializer_list>
#include <unordered_set>
#include <utility>

#include "common/embedded.h"
#include "common/strings.h"
#include "graph/resolve.h"

namespace cnkg::speaker_text {
namespace {

// ---------------------------------------------------------------------------------------------
// Word lists. All entries are lower case (see WordList::Contains). Each list comes in three
// parts: the words both grammars use, and the words only the schedule grammar (speakers.cc) or
// only the article grammar (article_speakers.cc) uses. Moving a word between parts changes what
// a grammar accepts: keep the parts as they are unless that is the point of the change.

// Last words of a job title: "Staff Engineer", "Founder & CEO", "Community Lead".
constexpr std::string_view kSharedTitleHeads[] = {"engineer",
                                                  "manager",
                                                  "director",
                                                  "lead",
                                                  "leader",
                                                  "founder",
                                                  "co-founder",
                                                  "cofounder",
                                                  "ceo",
                                                  "cto",
                                                  "cio",
                                                  "coo",
                                                  "cfo",
                                                  "cso",
                                                  "ciso",
                                                  "cpo",
                                                  "cmo",
                                                  "vp",
                                                  "svp",
                                                  "evp",
                                                  "avp",
                                                  "maintainer",
                                                  "architect",
                                                  "advocate",
                                                  "officer",
                                                  "president",
                                                  "head",
                                                  "chair",
                                                  "co-chair",
                                                  "chairperson",
                                                  "developer",
                                                  "consultant",
                                                  "scientist",
                                                  "researcher",
                                                  "analyst",
                                                  "specialist",
                                                  "evangelist",
                                                  "contributor",
                                                  "ambassador",
                                                  "fellow",
                                                  "professor",
                                                  "student",
                                                  "intern",
                                                  "designer",
                                                  "administrator",
                                                  "strategist",
                                                  "trainer",
                                                  "instructor",
                                                  "sre",
                                                  "pm",
                                                  "owner",
                                                  "member",
                                                  "creator",
                                                  "co-creator",
                                                  "coordinator",
                                                  "expert",
                                                  "programmer",
                                                  "editor",
                                                  "author",
                                                  "advisor",
                                                  "adviser",
                                                  "partner",
                                                  "principal",
                                                  "committer",
                                                  "reviewer",
                                                  "approver",
                                                  "organizer",
                                                  "organiser",
                                                  "technologist",
                                                  "mentor",
                                                  "lecturer",
                                                  "postdoc",
                                                  "phd",
                                                  "candidate",
                                                  "emeritus",
                                                  "liaison",
                                                  "representative",
                                                  "executive"};
// Honorifics ("Mr") and spelling variants that the schedule grammar also reads as title heads.
constexpr std::string_view kScheduleTitleHeads[] = {"vice-president",
                                                    "chairman",
                                                    "chairwoman",
                                                    "tl",
                                                    "co-organizer",
                                                    "co-organiser",
                                                    "mr",
                                                    "mrs",
                                                    "ms",
                                                    "mx",
                                                    "dr",
                                                    "prof"};
// Roles of writers, hosts and staff that the article grammar also reads as title heads.
constexpr std::string_view kArticleTitleHeads[] = {"mts",  "staff",     "journalist", "writer",
                                                   "host", "moderator", "co-lead"};

// Further words that occur in job titles, department and organisation names but not in people's
// names. With the title heads and legal suffixes they tell "B" in "(OrgA & B, OrgB)" from the end
// of a job title such as "(SVP & General Manager, Org)".
constexpr std::string_view kSharedTitleWords[] = {
    "engineering",    "management",  "development", "senior",        "sr",           "jr",
    "junior",         "chief",       "technical",   "technology",    "tech",         "software",
    "platform",       "product",     "products",    "program",       "project",      "community",
    "operations",     "ops",         "devops",      "devrel",        "security",     "cloud",
    "infrastructure", "research",    "sales",       "marketing",     "relations",    "solutions",
    "solution",       "systems",     "data",        "customer",      "success",      "account",
    "global",         "team",        "group",       "distinguished", "associate",    "assistant",
    "deputy",         "general",     "managing",    "board",         "committee",    "steering",
    "open",           "source",      "department",  "division",      "labs",         "services",
    "service",        "reliability", "site",        "support",       "network",      "networking",
    "kubernetes",     "ai",          "ml",          "platforms",     "devsecops",    "foundation",
    "university",     "institute",   "company",     "corporation",   "holdings",     "technologies",
    "consulting",     "ventures",    "capital",     "bank",          "international"};
// The schedule grammar reads "Staff" as a title word; the article grammar as a title head.
constexpr std::string_view kScheduleTitleWords[] = {"staff"};
// Organisation words and lower-case legal suffixes that the article grammar adds.
constexpr std::string_view kArticleTitleWords[] = {
    "native",    "inc",       "llc",        "ltd",       "gmbh",     "corp",    "analytics",
    "telecom",   "robotics",  "retail",     "health",    "mutual",   "digital", "networks",
    "media",     "partners",  "insurance",  "logistics", "games",    "motors",  "energy",
    "pharma",    "financial", "fintech",    "payments",  "studios",  "studio",  "software",
    "computing", "security",  "automation", "airlines",  "telecoms", "markets", "industries"};

// Capitalised words that start or make up title text but are not names ("The Why").
constexpr std::string_view kSharedNonNameWords[] = {
    "the",     "a",        "of",       "and",      "or",           "with",    "for",     "to",
    "in",      "on",       "at",       "by",       "from",         "how",     "what",    "why",
    "when",    "where",    "who",      "which",    "your",         "our",     "my",      "we",
    "you",     "it",       "is",       "are",      "this",         "that",    "these",   "those",
    "not",     "new",      "part",     "intro",    "introduction", "deep",    "dive",    "update",
    "updates", "using",    "into",     "beyond",   "vs",           "all",     "q&a",     "panel",
    "keynote", "workshop", "tutorial", "session",  "talk",         "lessons", "learned", "building",
    "scaling", "future",   "next",     "practices"};
// Words of talk titles and recap posts that the article grammar adds: an article puts far more
// title-like text before a dash than a schedule does ("Lessons Learned - Final Thoughts").
constexpr std::string_view kArticleNonNameWords[] = {"an",
                                                     "guide",
                                                     "way",
                                                     "ways",
                                                     "done",
                                                     "right",
                                                     "wrong",
                                                     "hard",
                                                     "easy",
                                                     "best",
                                                     "day",
                                                     "days",
                                                     "story",
                                                     "stories",
                                                     "journey",
                                                     "world",
                                                     "age",
                                                     "era",
                                                     "past",
                                                     "present",
                                                     "edge",
                                                     "live",
                                                     "tips",
                                                     "tricks",
                                                     "myths",
                                                     "truth",
                                                     "path",
                                                     "road",
                                                     "science",
                                                     "magic",
                                                     "time",
                                                     "everything",
                                                     "nothing",
                                                     "meets",
                                                     "goes",
                                                     "real",
                                                     "more",
                                                     "less",
                                                     "most",
                                                     "first",
                                                     "last",
                                                     "simple",
                                                     "scale",
                                                     "cost",
                                                     "costs",
                                                     "api",
                                                     "apis",
                                                     "llm",
                                                     "llms",
                                                     "containers",
                                                     "clusters",
                                                     "cluster",
                                                     "mesh",
                                                     "observability",
                                                     "remarks",
                                                     "opening",
                                                     "closing",
                                                     "welcome",
                                                     "back",
                                                     "summit",
                                                     "con",
                                                     "demo",
                                                     "lightning",
                                                     "sponsored",
                                                     "recap",
                                                     "takeaways",
                                                     "conclusion",
                                                     "summary",
                                                     "recordings",
                                                     "notes",
                                                     "agenda",
                                                     "thoughts",
                                                     "final",
                                                     "do",
                                                     "does",
                                                     "can",
                                                     "will",
                                                     "should",
                                                     "be",
                                                     "if",
                                                     "use",
                                                     "make",
                                                     "get",
                                                     "let's",
                                                     "lets",
                                                     "its",
                                                     "it's",
                                                     "no",
                                                     "yes",
                                                     "one",
                                                     "two",
                                                     "three",
                                                     "some",
                                                     "any",
                                                     "every",
                                                     "about",
                                                     "after",
                                                     "before",
                                                     "over",
                                                     "under",
                                                     "without",
                                                     "tl;dr",
                                                     "experience",
                                                     "summits",
                                                     "track",
                                                     "room",
                                                     "hall",
                                                     "stage",
                                                     "events",
                                                     "event",
                                                     "sessions",
                                                     "talks",
                                                     "keynotes",
                                                     "breakouts",
                                                     "workshops",
                                                     "tutorials",
                                                     "tracks",
                                                     "kubecon",
                                                     "cloudnativecon",
                                                     "co-located",
                                                     "colocated"};

// Lower-case name particles: "Ludwig van Beethoven", "Ana de Souza".
constexpr std::string_view kSharedParticles[] = {
    "van", "von", "de", "da", "di",  "du",  "del", "della", "der",  "den", "dos",
    "das", "do",  "la", "le", "ten", "ter", "bin", "binti", "bint", "al",  "el",
    "y",   "e",   "zu", "af", "av",  "lo",  "dei", "degli", "ibn",  "ben"};
// Kept as the schedule grammar has always had it; since Contains drops a trailing period, this
// entry never matches.
constexpr std::string_view kScheduleParticles[] = {"st."};

// No grammar-specific words: the part is empty.
constexpr std::span<const std::string_view> kNone;

}  // namespace

constexpr NameLexicon kScheduleLexicon(WordList(kSharedTitleHeads, kScheduleTitleHeads),
                                       WordList(kSharedTitleWords, kScheduleTitleWords),
                                       WordList(kSharedNonNameWords, kNone),
                                       WordList(kSharedParticles, kScheduleParticles));

constexpr NameLexicon kArticleLexicon(WordList(kSharedTitleHeads, kArticleTitleHeads),
                                      WordList(kSharedTitleWords, kArticleTitleWords),
                                      WordList(kSharedNonNameWords, kArticleNonNameWords),
                                      WordList(kSharedParticles, kNone), /*common_words=*/true);

bool WordList::Contains(std::string_view word) const {
  std::string w = AsciiLower(word);
  while (!w.empty() && (w.back() == '.' || w.back() == ',')) w.pop_back();
  for (std::span<const std::string_view> part : {shared_, own_})
    for (std::string_view x : part)
      if (w == x) return true;
  return false;
}

bool NameLexicon::IsTitleHead(std::string_view word) const { return title_heads_.Contains(word); }

bool NameLexicon::IsTitleWord(std::string_view word) const {
  return title_heads_.Contains(word) || title_words_.Contains(word) || IsLegalSuffix(word);
}

bool IsCommonWord(std::string_view word) {
  static const std::unordered_set<std::string_view>* const kWords = [] {
    auto* set = new std::unordered_set<std::string_view>();
    std::string_view data = EmbeddedFile("common_words.txt");
    set->reserve(70000);
    while (!data.empty()) {
      std::size_t nl = data.find('\n');
      std::string_view line = data.substr(0, nl);
      if (!line.empty() && line[0] != '#') set->insert(line);
      if (nl == std::string_view::npos) break;
      data.remove_prefix(nl + 1);
    }
    return set;
  }();
  if (word.size() < 3 || word.size() > 40) return false;
  std::string w = AsciiLower(word);
  while (!w.empty() && (w.back() == '.' || w.back() == ',')) w.pop_back();
  return kWords->count(w) > 0;
}

bool NameLexicon::LooksLikePersonName(std::string_view s, std::size_t min_words,
                                      std::size_t max_words) const {
  std::vector<std::string> words = Words(s);
  if (words.size() < min_words || words.size() > max_words) return false;
  if (common_words_) {
    // "Eighteen Months", "Retries Considered Harmful": words of titles, not of names.
    std::size_t common = 0;
    for (const std::string& w : words) common += IsCommonWord(w);
    if (common == words.size()) return false;
  }
  std::size_t capitalised = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (!IsNameWordShape(w)) return false;
    if (IsTitleWord(w) || non_name_words_.Contains(w)) return false;
    if (StartsUpper(w)) {
      ++capitalised;
    } else if (i == 0 || i + 1 == words.size() || !particles_.Contains(w)) {
      return false;
    }
  }
  return capitalised >= 2;
}

bool NameLexicon::LooksLikeJobTitle(std::string_view s) const {
  std::vector<std::string> words = Words(s);
  if (words.empty()) return false;
  if (IsTitleHead(words.back())) return true;
  if (words.size() >= 3 && IsTitleHead(words[0])) {
    std::string second = AsciiLower(words[1]);
    if (second == "of" || second == "for" || second == "to" || second == "at") return true;
  }
  return false;
}

std::vector<std::string> Words(std::string_view s) { return Split(CollapseSpaces(s), " "); }

bool StartsUpper(std::string_view w) {
  utf8proc_int32_t cp = 0;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(w.data()),
                                        static_cast<utf8proc_ssize_t>(w.size()), &cp);
  if (n <= 0) return false;
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool IsNameWordShape(std::string_view w) {
  std::size_t i = 0;
  bool letter = false;
  while (i < w.size()) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(w.data() + i),
                                          static_cast<utf8proc_ssize_t>(w.size() - i), &cp);
    if (n <= 0) return false;
    i += static_cast<std::size_t>(n);
    utf8proc_category_t c = utf8proc_category(cp);
    if (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) {
      letter = true;
      continue;
    }
    if (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) continue;
    if (cp == '\'' || cp == '-' || cp == '.' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC ||
        cp == 0x2010)
      continue;
    return false;
  }
  return letter;
}

bool IsBalanced(std::string_view s) {
  int depth = 0;
  for (char c : s) {
    if (c == '(') ++depth;
    if (c == ')' && --depth < 0) return false;
  }
  return depth == 0;
}

std::vector<std::size_t> FindTopLevel(std::string_view s, std::string_view sep) {
  std::vector<std::size_t> out;
  bool balanced = IsBalanced(s);
  int depth = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (depth == 0 && s.compare(i, sep.size(), sep) == 0) {
      out.push_back(i);
      i += sep.size() - 1;
      continue;
    }
    if (!balanced) continue;
    if (s[i] == '(') ++depth;
    if (s[i] == ')') --depth;
  }
  return out;
}

std::vector<std::string> SplitTopLevel(std::string_view s, std::string_view sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  auto add = [&](std::size_t end) {
    std::string piece = CollapseSpaces(s.substr(start, end - start));
    if (!piece.empty()) out.push_back(std::move(piece));
  };
  for (std::size_t pos : FindTopLevel(s, sep)) {
    add(pos);
    start = pos + sep.size();
  }
  add(s.size());
  return out;
}

bool StartsWithLegalSuffix(std::string_view part) {
  std::vector<std::string> words = Words(part);
  if (words.empty() || !IsLegalSuffix(words[0])) return false;
  return words.size() == 1 || words[1] == "-" || words[1] == "\xE2\x80\x93";
}

std::string WithoutHonorific(std::string_view name) {
  std::string n = CollapseSpaces(name);
  static const RE2 leading(R"(^(?:Dr|Prof|Mr|Mrs|Ms|Mx|Dipl\.-Ing)\.?\s+(\S.*)$)");
  assert(leading.ok());
  std::string bare;
  if (RE2::FullMatch(n, leading, &bare)) n = bare;
  for (std::string_view h :
       {std::string_view("さん"), std::string_view("様"), std::string_view("氏"),
        std::string_view("先生"), std::string_view("老师")}) {
    if (n.size() > h.size() + 3 && n.compare(n.size() - h.size(), h.size(), h) == 0)
      return CollapseSpaces(std::string_view(n).substr(0, n.size() - h.size()));
  }
  return n;
}

std::string WithoutOpenNote(std::string_view org) {
  const std::size_t open = org.find('(');
  if (open != std::string_view::npos && open > 0 && org.find(')', open) == std::string_view::npos)
    org = org.substr(0, open);
  return CollapseSpaces(org);
}

}  // namespace cnkg::speaker_text
