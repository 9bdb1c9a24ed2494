#include "extract/grammar/speakers.h"

#include <re2/re2.h>

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <initializer_list>
#include <utility>

#include "common/strings.h"
#include "extract/grammar/speaker_text.h"
#include "graph/resolve.h"

namespace cnkg {
namespace {

// ---------------------------------------------------------------------------------------------
// Names and job titles, read with the schedule grammar's vocabulary (kScheduleLexicon in
// speaker_text.cc); splitting helpers shared with the article grammar.

using speaker_text::FindTopLevel;
using speaker_text::kScheduleLexicon;
using speaker_text::kTitleDashes;
using speaker_text::SplitTopLevel;
using speaker_text::StartsWithLegalSuffix;

// A person's name of `min_words`..`max_words` words (NameLexicon::LooksLikePersonName).
bool LooksLikePersonName(std::string_view s, std::size_t min_words, std::size_t max_words) {
  return kScheduleLexicon.LooksLikePersonName(s, min_words, max_words);
}

// "Ana Silva" or "Ana Silva & Bo Li": every piece between " & " is a person's name.
bool LooksLikeNameList(std::string_view s) {
  std::vector<std::string> names = Split(s, " & ");
  if (names.empty()) return false;
  for (const std::string& n : names)
    if (!LooksLikePersonName(n, 2, 5)) return false;
  return true;
}

// A job title on its own: its last word is a title head ("Staff Engineer", "Founder & CEO",
// "Mr"), or it starts with one followed by "of"/"for"/"to"/"at" ("Head of Platform").
bool LooksLikeJobTitle(std::string_view s) { return kScheduleLexicon.LooksLikeJobTitle(s); }

bool IsPronouns(std::string_view s) {
  static const RE2 re(
      R"((?i)^\s*(she|he|they|ze|xe|zie|ey|it|any)\s*/\s*(her|him|them|hers|his|theirs|they|she|he|zir|hir|xem|em|it|its|all|any)(\s*/\s*[a-z]+)*\s*$)");
  assert(re.ok());
  static const RE2 any(R"((?i)^\s*(any|all) pronouns\s*$)");
  assert(any.ok());
  return RE2::FullMatch(s, re) || RE2::FullMatch(s, any);
}

// A date or a time instead of an affiliation: "Friday March 3", "2026 10:00am - 11:00am CET".
bool IsTemporal(std::string_view s) {
  static const RE2 time(R"((?i)(^|[^0-9A-Za-z])\d{1,2}(:\d{2})?\s*[ap]\.?m\b)");
  assert(time.ok());
  static const RE2 clock(R"((^|[^0-9])\d{1,2}:\d{2}($|[^0-9]))");
  assert(clock.ok());
  static const RE2 month_day(
      R"((?i)\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+\d{1,2}(st|nd|rd|th)?\b)");
  assert(month_day.ok());
  static const RE2 iso(R"(\b\d{4}-\d{2}-\d{2}\b)");
  assert(iso.ok());
  static const RE2 year(R"(^\s*\d{4}\s*$)");
  assert(year.ok());
  return RE2::PartialMatch(s, time) || RE2::PartialMatch(s, clock) ||
         RE2::PartialMatch(s, month_day) || RE2::PartialMatch(s, iso) || RE2::FullMatch(s, year);
}

// ---------------------------------------------------------------------------------------------
// Parenthesis-aware scanning.

// Offset of the first '(' outside parentheses, or npos.
std::size_t FirstOpen(std::string_view s) { return s.find('('); }

// Offset of the ')' that closes the '(' at `open`, or npos if it is never closed.
std::size_t MatchingClose(std::string_view s, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < s.size(); ++i) {
    if (s[i] == '(') ++depth;
    if (s[i] == ')' && --depth == 0) return i;
  }
  return std::string_view::npos;
}

// A speaker piece split into the text before its first parenthesis and the contents of its
// parenthesised groups, joined with ", " ("(she/her) (Engineer, Org)" -> "she/her, Engineer, Org").
struct Piece {
  std::string names;
  std::string group;
  bool has_group = false;
};

Piece SplitPiece(std::string_view s) {
  Piece p;
  std::size_t open = FirstOpen(s);
  p.names = CollapseSpaces(s.substr(0, open));
  if (open == std::string_view::npos) return p;
  p.has_group = true;
  std::vector<std::string> contents;
  while (open != std::string_view::npos) {
    std::size_t close = MatchingClose(s, open);
    std::string_view inner = s.substr(
        open + 1, close == std::string_view::npos ? std::string_view::npos : close - open - 1);
    std::string c = CollapseSpaces(inner);
    if (!c.empty()) contents.push_back(std::move(c));
    if (close == std::string_view::npos) break;
    std::size_t next = s.find('(', close + 1);
    // Only further groups directly after this one belong to it; other trailing text is dropped.
    if (next == std::string_view::npos || !Trim(s.substr(close + 1, next - close - 1)).empty())
      break;
    open = next;
  }
  p.group = Join(contents, ", ");
  return p;
}

// ---------------------------------------------------------------------------------------------
// Affiliations.

struct Affiliation {
  std::string title;
  std::string org;
};

// Reads "Job Title, Organisation" (the contents of one group, or one co-speaker's share of it).
// `names` are the people it belongs to: a part that repeats one of them is no affiliation.
Affiliation ParseAffiliation(std::string_view content, const std::vector<std::string>& names) {
  std::vector<std::string> raw = SplitTopLevel(content, ",");
  // A legal suffix joins the part before it: "Globex", "Inc." -> "Globex, Inc.".
  std::vector<std::string> parts;
  for (std::string& p : raw) {
    if (!parts.empty() && StartsWithLegalSuffix(p)) {
      parts.back() += ", " + p;
    } else {
      parts.push_back(std::move(p));
    }
  }
  // Drop what is not an affiliation, and repeats.
  std::vector<std::string> kept;
  std::vector<std::string> seen;
  for (std::string& p : parts) {
    if (IsPronouns(p) || IsTemporal(p)) continue;
    std::string folded = FoldName(p);
    bool repeat = false;
    for (const std::string& n : names)
      if (FoldName(n) == folded) repeat = true;
    for (const std::string& s : seen)
      if (s == folded) repeat = true;
    if (repeat) continue;
    seen.push_back(std::move(folded));
    kept.push_back(std::move(p));
  }
  Affiliation a;
  if (kept.empty()) return a;
  const std::string& last = kept.back();
  if (LooksLikeJobTitle(last)) {
    // "(Staff Engineer)", "(CNCF Ambassador, Tech Lead)": a title with no organisation.
    a.title = Join(kept, ", ");
    return a;
  }
  if (kept.size() > 1) {
    std::vector<std::string> title(kept.begin(), kept.end() - 1);
    a.title = Join(title, ", ");
  }
  if (!IsNonOrganization(last)) a.org = last;
  return a;
}

// ---------------------------------------------------------------------------------------------
// Speakers.

// Names before a group: "Ana Silva", "Ana Silva & Bo Li", "Ana Silva and Bo Li".
std::vector<std::string> SplitNames(std::string_view s) {
  std::vector<std::string> out;
  for (std::string& piece : Split(s, " & ")) {
    // "A and B" or "A, B" only when every piece is a name; otherwise keep the piece whole.
    bool split = false;
    for (std::string_view sep : {std::string_view(" and "), std::string_view(", ")}) {
      std::vector<std::string> sub = Split(piece, sep);
      if (sub.size() < 2) continue;
      bool all = true;
      for (const std::string& n : sub)
        if (!LooksLikePersonName(n, 2, 5)) all = false;
      if (!all) continue;
      for (std::string& n : sub) out.push_back(std::move(n));
      split = true;
      break;
    }
    if (!split) out.push_back(CollapseSpaces(piece));
  }
  return out;
}

// One co-speaker named inside another speaker's group: "(OrgA & Name, OrgB)".
struct CoSpeaker {
  std::string name;
  std::string affiliation;
};

// Splits a group at each " & " that is followed by a person's name (up to the next comma):
// returns the first speaker's share and the co-speakers. "(SVP & General Manager, Org)" is not
// split, because "General Manager" is a job title.
std::string SplitCoSpeakers(std::string_view group, std::vector<CoSpeaker>* co) {
  std::vector<std::size_t> cuts;
  for (std::size_t pos : FindTopLevel(group, " & ")) {
    std::string_view after = group.substr(pos + 3);
    std::vector<std::size_t> commas = FindTopLevel(after, ",");
    std::string_view candidate = commas.empty() ? after : after.substr(0, commas[0]);
    if (pos > 0 && LooksLikePersonName(candidate, 2, 4)) cuts.push_back(pos);
  }
  if (cuts.empty()) return std::string(group);
  std::string first = CollapseSpaces(group.substr(0, cuts[0]));
  for (std::size_t i = 0; i < cuts.size(); ++i) {
    std::size_t begin = cuts[i] + 3;
    std::size_t end = i + 1 < cuts.size() ? cuts[i + 1] : group.size();
    std::string_view share = group.substr(begin, end - begin);
    std::vector<std::size_t> commas = FindTopLevel(share, ",");
    CoSpeaker c;
    c.name = CollapseSpaces(commas.empty() ? share : share.substr(0, commas[0]));
    if (!commas.empty()) c.affiliation = CollapseSpaces(share.substr(commas[0] + 1));
    co->push_back(std::move(c));
  }
  return first;
}

void AddCredit(std::string name, const Affiliation& a, std::vector<SpeakerCredit>* out) {
  if (name.empty()) return;
  SpeakerCredit c;
  c.name = std::move(name);
  c.job_title = a.title;
  c.organization = a.org;
  out->push_back(std::move(c));
}

// Parses one ';'-separated piece into one or more credits.
void ParsePiece(std::string_view text, std::vector<SpeakerCredit>* out) {
  Piece piece = SplitPiece(text);
  std::vector<std::string> names = SplitNames(piece.names);
  if (names.empty()) return;  // a group with nobody before it names no one
  std::vector<CoSpeaker> co;
  std::string own = piece.has_group ? SplitCoSpeakers(piece.group, &co) : std::string();
  Affiliation shared = ParseAffiliation(own, names);
  for (std::string& n : names) AddCredit(std::move(n), shared, out);
  for (CoSpeaker& c : co) {
    Affiliation a = ParseAffiliation(c.affiliation, {c.name});
    AddCredit(std::move(c.name), a, out);
  }
}

// ---------------------------------------------------------------------------------------------
// Title spill.

// Form A: "Rest Of The Title - Ana Silva (Title, Org)". Looks for the last dash outside
// parentheses that is followed by names (up to the next '(' or the end). On success sets
// *continuation and *rest (the speaker text).
bool SplitSpillA(std::string_view seg, std::string* continuation, std::string_view* rest) {
  std::vector<std::pair<std::size_t, std::size_t>> dashes;  // offset, length
  for (std::string_view d : kTitleDashes)
    for (std::size_t pos : FindTopLevel(seg, d)) dashes.emplace_back(pos, d.size());
  std::size_t best = std::string_view::npos, best_len = 0;
  for (auto [pos, len] : dashes) {
    std::string_view before = Trim(seg.substr(0, pos));
    std::string_view after = seg.substr(pos + len);
    std::string_view names = after.substr(0, after.find('('));
    if (before.empty() || !LooksLikeNameList(names)) continue;
    // "Ana Silva - Red Hat" without a group reads as a person and an organisation, not a spill.
    if (names.size() == after.size() && LooksLikeNameList(before)) continue;
    if (best == std::string_view::npos || pos > best) {
      best = pos;
      best_len = len;
    }
  }
  if (best == std::string_view::npos) return false;
  *continuation = CollapseSpaces(seg.substr(0, best));
  *rest = seg.substr(best + best_len);
  return true;
}

// Form B: the tool turned the first comma of the spilled text into " (" and closed the group at
// the end: "Word (rest of title - Name & Name, Org)". On success sets *continuation
// ("Word, rest of title") and *speakers (speaker text in the usual form: "Name & Name (Org)").
bool SplitSpillB(std::string_view seg, std::string* continuation, std::string* speakers) {
  std::size_t open = FirstOpen(seg);
  if (open == std::string_view::npos) return false;
  std::string head = CollapseSpaces(seg.substr(0, open));
  if (head.empty()) return false;
  std::size_t close = MatchingClose(seg, open);
  std::string_view inner = seg.substr(
      open + 1, close == std::string_view::npos ? std::string_view::npos : close - open - 1);
  std::size_t best = std::string_view::npos, best_len = 0;
  for (std::string_view d : kTitleDashes) {
    for (std::size_t pos : FindTopLevel(inner, d)) {
      std::string_view tail = inner.substr(pos + d.size());
      std::vector<std::size_t> commas = FindTopLevel(tail, ",");
      std::size_t end = commas.empty() ? tail.size() : commas[0];
      end = std::min(end, tail.find('('));
      std::string_view rest = Trim(inner.substr(0, pos));
      if (rest.empty() || !LooksLikeNameList(tail.substr(0, end))) continue;
      // "Ana Silva (Senior Director - ..., Org)" is a person with a job title, not a spill.
      if (LooksLikePersonName(head, 2, 5) && LooksLikeJobTitle(rest)) continue;
      if (best == std::string_view::npos || pos > best) {
        best = pos;
        best_len = d.size();
      }
    }
  }
  if (best == std::string_view::npos) return false;
  *continuation = head + ", " + CollapseSpaces(inner.substr(0, best));
  std::string_view tail = inner.substr(best + best_len);
  std::vector<std::size_t> commas = FindTopLevel(tail, ",");
  std::size_t paren = tail.find('(');
  if (!commas.empty() && (paren == std::string_view::npos || commas[0] < paren)) {
    // "Name & Name, Org" -> "Name & Name (Org)".
    *speakers = std::string(Trim(tail.substr(0, commas[0]))) + " (" +
                std::string(Trim(tail.substr(commas[0] + 1))) + ")";
  } else {
    *speakers = std::string(Trim(tail));
  }
  return true;
}

}  // namespace

SpeakersLine ParseSpeakersLine(std::string_view text) {
  SpeakersLine line;
  std::vector<std::string> segments = SplitTopLevel(text, ";");
  for (std::size_t i = 0; i < segments.size(); ++i) {
    std::string_view seg = segments[i];
    if (i == 0) {
      std::string continuation;
      std::string_view rest;
      std::string speakers;
      if (SplitSpillA(seg, &continuation, &rest)) {
        line.title_continuation = std::move(continuation);
        ParsePiece(rest, &line.speakers);
        continue;
      }
      if (SplitSpillB(seg, &continuation, &speakers)) {
        line.title_continuation = std::move(continuation);
        ParsePiece(speakers, &line.speakers);
        continue;
      }
    }
    ParsePiece(seg, &line.speakers);
  }
  return line;
}

std::string JoinSpilledTitle(std::string_view head, std::string_view continuation) {
  std::string h = CollapseSpaces(head);
  std::string c = CollapseSpaces(continuation);
  if (c.empty()) return h;
  if (h.empty()) return c;
  char last = h.back();
  bool sentence_end = last == '!' || last == '?' || last == '.' || last == ':' ||
                      (h.size() >= 3 && h.compare(h.size() - 3, 3, "\xE2\x80\xA6") == 0);
  return h + (sentence_end ? " " : ": ") + c;
}

}  // namespace cnkg
