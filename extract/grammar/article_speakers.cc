#include "extract/grammar/article_speakers.h"

#include <re2/re2.h>

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <initializer_list>
#include <utility>

#include "common/strings.h"
#include "extract/grammar/speaker_text.h"
#include "extract/grammar/speakers.h"
#include "graph/resolve.h"

namespace cnkg {
namespace {

// ---------------------------------------------------------------------------------------------
// Words. Names and job titles are read with the article grammar's vocabulary (kArticleLexicon in
// speaker_text.cc), which differs from the schedule grammar's.

using speaker_text::FindTopLevel;
using speaker_text::kArticleLexicon;
using speaker_text::kTitleDashes;
using speaker_text::SplitTopLevel;
using speaker_text::StartsWithLegalSuffix;
using speaker_text::Words;

// Separators between a title and its speakers that an article uses besides kTitleDashes.
constexpr std::string_view kMoreSeparators[] = {" -- ", " | "};

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
  raw = speaker_text::WithoutOpenNote(raw);  // "Kestrel Freight (Ottilie runs the ..."
  if (RE2::FullMatch(raw, note, &head, &inner)) {
    if (RE2::FullMatch(inner, former, &old_name)) {
      raw = head;
      s->organization_aliases.push_back(CollapseSpaces(old_name));
    } else if (RE2::FullMatch(inner, relation)) {
      raw = head;
    }
  }
  // "Node & Runtime team at Kestrel Cloud", "Supply Chain Security at Northbridge": the team or
  // area is part of the job, the firm after "at" is the organisation.
  static const RE2 team(R"(^(\S.*?)\s+(?:at|@)\s+(\p{Lu}\S*(?:\s+\S+)*)$)");
  assert(team.ok());
  std::string unit, firm;
  if (RE2::FullMatch(raw, team, &unit, &firm)) {
    s->job_title += (s->job_title.empty() ? "" : ", ") + CollapseSpaces(unit);
    raw = CollapseSpaces(firm);
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
  if (RE2::FullMatch(last, at, &left, &right) && LooksLikeArticleJobTitle(left) &&
      PlausibleOrganization(right)) {
    title.push_back(left);
    last = right;
  } else if (LooksLikeArticleJobTitle(last)) {
    title.push_back(last);
    last.clear();
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
      // "Bo Li (Independent)": the name before a parenthesised note.
      if (std::size_t open = candidate.find(" (");
          open != std::string_view::npos && !candidate.empty() && candidate.back() == ')')
        candidate = candidate.substr(0, open);
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
  for (const std::string& w : Words(s)) {
    if (AllCapsWord(w)) return false;
    // "CloudNativePG", "GitOpsCon": three capitals in one word make a product, not a name.
    int upper = 0;
    for (char c : w) upper += c >= 'A' && c <= 'Z';
    if (upper >= 3) return false;
  }
  return kArticleLexicon.LooksLikePersonName(s, min_words, max_words);
}

bool LooksLikeArticleJobTitle(std::string_view s) { return kArticleLexicon.LooksLikeJobTitle(s); }

std::string WithoutPeopleLead(std::string_view text) {
  static const RE2 lead(
      R"((?i)^\s*(?:(?:co-?presented|together|jointly)\s+)?(?:with|feat\.?|featuring|(?:moderator|host|chair)\s*[;,]?\s*(?:panell?ists?|guests?|with)?\s*:?|panell?ists?\s*:?|co-?speakers?\s*:?)\s+(\S.*)$)");
  assert(lead.ok());
  std::string rest;
  if (RE2::FullMatch(text, lead, &rest)) return rest;
  return std::string(text);
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
  auto add = [&](std::string_view d) {
    for (std::size_t pos : FindTopLevel(line, d)) dashes.emplace_back(pos, d.size());
  };
  for (std::string_view d : kTitleDashes) add(d);
  for (std::string_view d : kMoreSeparators) add(d);
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
        const std::string inner = WithoutPeopleLead(t.substr(i + 1, t.size() - i - 2));
        if (inner.empty() || std::islower(static_cast<unsigned char>(inner[0]))) break;
        auto speakers = ParseHeadingSpeakers(inner);
        if (!speakers) break;
        return TalkHeading{std::move(title), std::move(*speakers)};
      }
    }
  }
  return std::nullopt;
}

}  // namespace cnkg
