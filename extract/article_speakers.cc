#include "extract/article_speakers.h"

#include <re2/re2.h>
#include <utf8proc.h>

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <utility>

#include "common/strings.h"
#include "extract/speakers.h"
#include "graph/resolve.h"

namespace cnkg {
namespace {

// ---------------------------------------------------------------------------------------------
// Word lists. Entries are lower case; look-ups lower-case ASCII and drop a trailing period.
// (The schedule grammar in speakers.cc keeps similar lists private; these are the article's.)

// Last words of a job title: "Staff Engineer", "Founder & CEO", "Principal".
constexpr std::string_view kTitleHeads[] = {"engineer",
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
                                            "executive",
                                            "mts",
                                            "staff",
                                            "journalist",
                                            "writer",
                                            "host",
                                            "moderator",
                                            "co-lead"};

// Words of job titles, departments and organisations that are not people's names.
constexpr std::string_view kTitleWords[] = {"engineering",
                                            "management",
                                            "development",
                                            "senior",
                                            "sr",
                                            "jr",
                                            "junior",
                                            "chief",
                                            "technical",
                                            "technology",
                                            "tech",
                                            "software",
                                            "platform",
                                            "product",
                                            "products",
                                            "program",
                                            "project",
                                            "community",
                                            "operations",
                                            "ops",
                                            "devops",
                                            "devrel",
                                            "security",
                                            "cloud",
                                            "infrastructure",
                                            "research",
                                            "sales",
                                            "marketing",
                                            "relations",
                                            "solutions",
                                            "solution",
                                            "systems",
                                            "data",
                                            "customer",
                                            "success",
                                            "account",
                                            "global",
                                            "team",
                                            "group",
                                            "distinguished",
                                            "associate",
                                            "assistant",
                                            "deputy",
                                            "general",
                                            "managing",
                                            "board",
                                            "committee",
                                            "steering",
                                            "open",
                                            "source",
                                            "department",
                                            "division",
                                            "labs",
                                            "services",
                                            "service",
                                            "reliability",
                                            "site",
                                            "support",
                                            "network",
                                            "networking",
                                            "kubernetes",
                                            "ai",
                                            "ml",
                                            "platforms",
                                            "devsecops",
                                            "foundation",
                                            "university",
                                            "institute",
                                            "company",
                                            "corporation",
                                            "holdings",
                                            "technologies",
                                            "consulting",
                                            "ventures",
                                            "capital",
                                            "bank",
                                            "international",
                                            "native",
                                            "inc",
                                            "llc",
                                            "ltd",
                                            "gmbh",
                                            "corp"};

// Capitalised words that start or make up title text but are not names.
constexpr std::string_view kNonNameWords[] = {"the",
                                              "a",
                                              "an",
                                              "of",
                                              "and",
                                              "or",
                                              "with",
                                              "for",
                                              "to",
                                              "in",
                                              "on",
                                              "at",
                                              "by",
                                              "from",
                                              "how",
                                              "what",
                                              "why",
                                              "when",
                                              "where",
                                              "who",
                                              "which",
                                              "your",
                                              "our",
                                              "my",
                                              "we",
                                              "you",
                                              "it",
                                              "is",
                                              "are",
                                              "this",
                                              "that",
                                              "these",
                                              "those",
                                              "not",
                                              "new",
                                              "part",
                                              "intro",
                                              "introduction",
                                              "deep",
                                              "dive",
                                              "update",
                                              "updates",
                                              "using",
                                              "into",
                                              "beyond",
                                              "vs",
                                              "all",
                                              "q&a",
                                              "panel",
                                              "keynote",
                                              "workshop",
                                              "tutorial",
                                              "session",
                                              "talk",
                                              "lessons",
                                              "learned",
                                              "building",
                                              "scaling",
                                              "future",
                                              "next",
                                              "practices",
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
                                              "colocated",
                                              "day"};

// Lower-case name particles: "Ana de Souza", "Jan van Dijk".
constexpr std::string_view kParticles[] = {
    "van", "von", "de", "da", "di",  "du",  "del", "della", "der",  "den", "dos",
    "das", "do",  "la", "le", "ten", "ter", "bin", "binti", "bint", "al",  "el",
    "y",   "e",   "zu", "af", "av",  "lo",  "dei", "degli", "ibn",  "ben"};

// Separators between a title and its speakers.
constexpr std::string_view kDashes[] = {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " -- ", " | "};

std::string NormalWord(std::string_view w) {
  std::string s = AsciiLower(w);
  while (!s.empty() && (s.back() == '.' || s.back() == ',')) s.pop_back();
  return s;
}

template <std::size_t N>
bool InList(std::string_view word, const std::string_view (&list)[N]) {
  std::string w = NormalWord(word);
  for (std::string_view x : list)
    if (w == x) return true;
  return false;
}

bool IsTitleHead(std::string_view w) { return InList(w, kTitleHeads); }
bool IsTitleWord(std::string_view w) {
  return InList(w, kTitleHeads) || InList(w, kTitleWords) || IsLegalSuffix(w);
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

// Letters, combining marks, apostrophes, hyphens and the period of an initial; at least one
// letter; and not a run of periods ("J.R." is fine, "..." is not).
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

// True if every letter of `w` is upper case and there are at least three ("NAME", "STATUS"):
// command-output column headers rather than names. Initials ("J.R.") have fewer letters.
bool AllCapsWord(std::string_view w) {
  int letters = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 3;
}

// ---------------------------------------------------------------------------------------------
// Parenthesis-aware scanning.

bool IsBalanced(std::string_view s) {
  int depth = 0;
  for (char c : s) {
    if (c == '(') ++depth;
    if (c == ')' && --depth < 0) return false;
  }
  return depth == 0;
}

// Byte offsets of `sep` outside parentheses (everywhere if the parentheses do not balance).
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

// ---------------------------------------------------------------------------------------------
// Organisations.

// Splits notes off an organisation as written: "Globex (formerly Initrode)" -> "Globex" with
// alias "Initrode"; "ACME - Acme Bank" -> "ACME" with alias "Acme Bank". A trailing "(ABBR)" is
// left for the resolver, which knows it. Other parenthesised notes ("(acquired by X)") are
// dropped: they name a different organisation.
void ReadOrganization(std::string raw, HeadingSpeaker* s) {
  static const RE2 note(R"(^(.*?\S)\s*\(\s*([^()]*?)\s*\)\s*$)");
  static const RE2 former(
      R"((?i)^(?:formerly|previously|prev\.|ex|ex-|née|nee|was|aka|a\.k\.a\.)\s*:?\s+(.+)$)");
  static const RE2 relation(
      R"((?i)^(?:acquired by|part of|now part of|now|an? .+ company|a subsidiary of|subsidiary of|division of|by)\b.*$)");
  static const RE2 acronym(R"(^([A-Z][A-Z0-9&]{1,7})\s+[-\x{2013}\x{2014}]\s+(\p{Lu}.*)$)");
  assert(note.ok() && former.ok() && relation.ok() && acronym.ok());
  std::string head, inner, old_name;
  raw = CollapseSpaces(raw);
  if (RE2::FullMatch(raw, note, &head, &inner)) {
    if (RE2::FullMatch(inner, former, &old_name)) {
      raw = head;
      s->organization_aliases.push_back(CollapseSpaces(old_name));
    } else if (RE2::FullMatch(inner, relation)) {
      raw = head;
    }
  }
  std::string abbr, long_form;
  if (RE2::FullMatch(raw, acronym, &abbr, &long_form)) {
    s->organization_aliases.push_back(CollapseSpaces(long_form));
    s->organization_aliases.push_back(raw);
    raw = abbr;
  }
  if (IsNonOrganization(raw)) {
    s->organization_aliases.clear();
    return;
  }
  s->organization = raw;
}

// "Ana Silva (Initech) & Bo Li (Globex)" -> "Ana Silva (Initech); Bo Li (Globex)": the schedule
// grammar separates people with ';' only.
std::string GroupsToSemicolons(std::string_view t) {
  std::string out;
  int depth = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c == '(') ++depth;
    if (c == ')') depth = std::max(0, depth - 1);
    out.push_back(c);
    if (c != ')' || depth != 0) continue;
    for (std::string_view sep :
         {std::string_view(" & "), std::string_view(", "), std::string_view(" and ")}) {
      if (t.compare(i + 1, sep.size(), sep) == 0) {
        out += "; ";
        i += sep.size();
        break;
      }
    }
  }
  return out;
}

bool EndsWithLegalSuffix(std::string_view t) {
  std::size_t sp = t.find_last_of(" ,");
  return IsLegalSuffix(sp == std::string_view::npos ? t : t.substr(sp + 1));
}

// An organisation as written reads as a name: at most one lower-case word that is not a small
// word ("Bank of the North", "example.io"), so that prose after a comma is not taken for one.
bool PlausibleOrganization(std::string_view org) {
  static const std::string_view kSmall[] = {"the", "of",  "and", "for", "at", "a",
                                            "an",  "in",  "on",  "de",  "du", "la",
                                            "le",  "des", "y",   "und", "&"};
  int lower = 0;
  for (const std::string& w : Words(org)) {
    bool small = false;
    for (std::string_view x : kSmall)
      if (AsciiLower(w) == x) small = true;
    if (small) continue;
    unsigned char c = static_cast<unsigned char>(w[0]);
    if (c >= 'a' && c <= 'z') {
      bool inner_upper = false;
      for (char d : w)
        if (d >= 'A' && d <= 'Z') inner_upper = true;
      if (!inner_upper) ++lower;
    }
  }
  return lower <= 1;
}

// ---------------------------------------------------------------------------------------------
// Speakers.

// A piece "Name[, Job Title...][, Organisation]" read into `s`. Returns false unless the name is
// plausible. Sets *has_affiliation when the piece gives a title or an organisation.
bool ReadPiece(std::string_view piece, HeadingSpeaker* s, bool* has_affiliation) {
  std::vector<std::string> raw = SplitTopLevel(piece, ",");
  std::vector<std::string> parts;
  for (std::string& p : raw) {
    if (!parts.empty() && StartsWithLegalSuffix(p)) {
      parts.back() += ", " + p;
    } else {
      parts.push_back(std::move(p));
    }
  }
  if (parts.empty() || !LooksLikeArticlePersonName(parts[0])) return false;
  s->name = parts[0];
  *has_affiliation = parts.size() > 1;
  if (parts.size() == 1) return true;
  std::string last = parts.back();
  std::vector<std::string> title(parts.begin() + 1, parts.end() - 1);
  // "Staff Engineer at Initech": the title and the organisation in one part.
  static const RE2 at(R"(^(.+?)\s+(?:at|@)\s+(\S.*)$)");
  assert(at.ok());
  std::string left, right;
  if (LooksLikeArticleJobTitle(last)) {
    title.push_back(last);
    last.clear();
  } else if (RE2::FullMatch(last, at, &left, &right) && LooksLikeArticleJobTitle(left)) {
    title.push_back(left);
    last = right;
  }
  s->job_title = Join(title, ", ");
  if (!last.empty() && !PlausibleOrganization(last)) return false;
  if (!last.empty()) ReadOrganization(last, s);
  return true;
}

// Splits one ';'-free group at each " & " or " and " that is followed by a person's name up to
// the next comma (or the end): "A, OrgA & B, OrgB" -> "A, OrgA", "B, OrgB"; "A & B, Org" -> "A",
// "B, Org". "Maintainer & Fellow, Org" stays whole because "Fellow" is no name.
std::vector<std::string> SplitPeople(std::string_view group) {
  std::vector<std::pair<std::size_t, std::size_t>> cuts;  // offset, separator length
  for (std::string_view sep : {std::string_view(" & "), std::string_view(" and ")}) {
    for (std::size_t pos : FindTopLevel(group, sep)) {
      std::string_view after = group.substr(pos + sep.size());
      std::vector<std::size_t> commas = FindTopLevel(after, ",");
      std::string_view candidate = commas.empty() ? after : after.substr(0, commas[0]);
      if (pos > 0 && LooksLikeArticlePersonName(candidate)) cuts.emplace_back(pos, sep.size());
    }
  }
  std::sort(cuts.begin(), cuts.end());
  std::vector<std::string> out;
  std::size_t start = 0;
  for (auto [pos, len] : cuts) {
    out.push_back(CollapseSpaces(group.substr(start, pos - start)));
    start = pos + len;
  }
  out.push_back(CollapseSpaces(group.substr(start)));
  return out;
}

// The schedule form "Ana Silva (Initech) & Bo Li (Title, Globex)": a name directly followed by a
// parenthesised group.
bool ScheduleForm(std::string_view text) {
  std::size_t open = text.find('(');
  if (open == std::string_view::npos) return false;
  std::string_view before = text.substr(0, open);
  std::size_t cut = before.find_last_of(",;&");
  if (cut != std::string_view::npos) return false;
  return LooksLikeArticlePersonName(Trim(before));
}

}  // namespace

bool LooksLikeArticlePersonName(std::string_view s, std::size_t min_words, std::size_t max_words) {
  if (s.size() > 120) return false;
  std::vector<std::string> words = Words(s);
  if (words.size() < min_words || words.size() > max_words) return false;
  std::size_t capitalised = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (!IsNameWordShape(w) || AllCapsWord(w)) return false;
    if (IsTitleWord(w) || InList(w, kNonNameWords)) return false;
    if (StartsUpper(w)) {
      ++capitalised;
    } else if (i == 0 || i + 1 == words.size() || !InList(w, kParticles)) {
      return false;
    }
  }
  return capitalised >= 2;
}

bool LooksLikeArticleJobTitle(std::string_view s) {
  std::vector<std::string> words = Words(s);
  if (words.empty()) return false;
  if (IsTitleHead(words.back())) return true;
  if (words.size() >= 3 && IsTitleHead(words[0])) {
    std::string second = AsciiLower(words[1]);
    if (second == "of" || second == "for" || second == "to" || second == "at") return true;
  }
  return false;
}

std::optional<std::vector<HeadingSpeaker>> ParseHeadingSpeakers(std::string_view text) {
  std::string t = CollapseSpaces(text);
  while (!t.empty() &&
         (t.back() == ',' || t.back() == ';' || (t.back() == '.' && !EndsWithLegalSuffix(t))))
    t.pop_back();
  if (t.empty()) return std::nullopt;
  std::vector<HeadingSpeaker> out;
  if (ScheduleForm(t)) {
    for (SpeakerCredit& c : ParseSpeakersLine(GroupsToSemicolons(t)).speakers) {
      if (!LooksLikeArticlePersonName(c.name)) return std::nullopt;
      HeadingSpeaker s;
      s.name = std::move(c.name);
      s.job_title = std::move(c.job_title);
      if (!c.organization.empty()) ReadOrganization(c.organization, &s);
      out.push_back(std::move(s));
    }
    if (out.empty()) return std::nullopt;
    return out;
  }
  for (const std::string& group : SplitTopLevel(t, ";")) {
    std::vector<std::string> people = SplitPeople(group);
    std::size_t group_begin = out.size();
    std::vector<bool> bare;  // speakers of this group written without affiliation
    for (const std::string& piece : people) {
      HeadingSpeaker s;
      bool has_affiliation = false;
      if (!ReadPiece(piece, &s, &has_affiliation)) return std::nullopt;
      bare.push_back(!has_affiliation);
      out.push_back(std::move(s));
    }
    // "A & B, Org": a bare name shares the affiliation of the next person who has one.
    for (std::size_t i = out.size(); i-- > group_begin;) {
      std::size_t k = i - group_begin;
      if (!bare[k] || i + 1 >= out.size()) continue;
      out[i].job_title = out[i + 1].job_title;
      out[i].organization = out[i + 1].organization;
      out[i].organization_aliases = out[i + 1].organization_aliases;
    }
  }
  if (out.empty()) return std::nullopt;
  return out;
}

std::optional<TalkHeading> SplitTalkHeading(std::string_view line) {
  if (line.size() > 600) return std::nullopt;
  std::vector<std::pair<std::size_t, std::size_t>> dashes;  // offset, length
  for (std::string_view d : kDashes)
    for (std::size_t pos : FindTopLevel(line, d)) dashes.emplace_back(pos, d.size());
  std::sort(dashes.begin(), dashes.end());
  for (auto [pos, len] : dashes) {
    std::string title = CollapseSpaces(line.substr(0, pos));
    if (title.empty()) continue;
    auto speakers = ParseHeadingSpeakers(line.substr(pos + len));
    if (!speakers) continue;
    return TalkHeading{std::move(title), std::move(*speakers)};
  }
  // "Title (Ana Silva, Initech & Bo Li, Globex)": the speakers in a closing group.
  std::string_view t = Trim(line);
  if (!t.empty() && t.back() == ')') {
    int depth = 0;
    for (std::size_t i = t.size(); i-- > 0;) {
      if (t[i] == ')') ++depth;
      if (t[i] == '(' && --depth == 0) {
        std::string title = CollapseSpaces(t.substr(0, i));
        if (title.empty()) break;
        auto speakers = ParseHeadingSpeakers(t.substr(i + 1, t.size() - i - 2));
        if (!speakers) break;
        return TalkHeading{std::move(title), std::move(*speakers)};
      }
    }
  }
  return std::nullopt;
}

}  // namespace cnkg
