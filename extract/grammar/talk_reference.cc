#include "extract/grammar/talk_reference.h"

#include <re2/re2.h>

#include <algorithm>
#include <cassert>
#include <utility>

#include "common/strings.h"
#include "extract/grammar/cjk.h"
#include "extract/grammar/event_names.h"
#include "extract/grammar/regex_options.h"
#include "extract/grammar/speaker_text.h"
#include "graph/resolve.h"

namespace cnkg {
namespace {

using speaker_text::FindTopLevel;
using speaker_text::WithoutHonorific;
using speaker_text::Words;

// Units longer than this are prose, never a talk reference.
constexpr std::size_t kMaxUnit = 600;

std::string TrimPunct(std::string s) {
  s = CollapseSpaces(s);
  while (!s.empty() && (s.back() == ',' || s.back() == ';' || s.back() == ':')) s.pop_back();
  return CollapseSpaces(s);
}

// Trailing link notes on a talk line: "(slides)", "[video]", "(sched | recording)", and role
// notes: "(moderator)", "(co-presenter)".
std::string WithoutLinkNotes(std::string_view t) {
  static const RE2 role(
      R"((?i)^(.*?\S)\s*[\(\[]\s*(?:moderator|host|co-?presenter|co-?speaker|panell?ist|keynote|remote|virtual|online|cancelled|canceled|accepted|upcoming)\s*[\)\]]\s*$)");
  assert(role.ok());
  std::string without_role;
  if (t.size() < kMaxUnit && RE2::FullMatch(t, role, &without_role)) t = without_role;
  static const RE2 re(
      R"((?i)^(.*?\S)\s*[\(\[]\s*(?:slides?|video|recording|sched(?:\.com)?|youtube|link|talk|abstract|watch|deck|pdf|pptx?|mp4|\d{1,3}\s*min)(?:\s*[,|/&]\s*(?:slides?|video|recording|sched(?:\.com)?|youtube|link|talk|abstract|watch|deck|pdf|pptx?|mp4|\d{1,3}\s*min))*\s*[\)\]]\s*$)");
  assert(re.ok());
  std::string head;
  if (t.size() < kMaxUnit && RE2::FullMatch(t, re, &head)) return head;
  return std::string(t);
}

// A talk's title as displayed: without leading symbols, an enumeration ("3. ", "#3 "), a label
// ("Talk: ", "Session: ") or quotes around it.
std::string DisplayTitle(std::string_view raw) {
  static const RE2 enumeration(R"(^(?:#?\d{1,3}[.):]\s+|\(\d{1,3}\)\s+)(\S.*)$)");
  static const RE2 leading(R"(^[^\pL\pN"'“‘(\[]+(.*)$)");
  static const RE2 label(
      R"((?i)^(?:talk|session|presentation|title|演讲|演講|议题|議題|主题|講演|発表|タイトル|セッション)\s*:\s*(\S.*)$)");
  static const RE2 quoted(R"(^["“'‘«「『](.+)["”'’»」』]$)");
  assert(enumeration.ok() && leading.ok() && label.ok() && quoted.ok());
  std::string t = CollapseSpaces(raw);
  if (t.size() > 2000) return t;
  std::string rest;
  if (RE2::FullMatch(t, enumeration, &rest)) t = rest;
  if (RE2::FullMatch(t, leading, &rest)) t = CollapseSpaces(rest);
  if (RE2::FullMatch(t, label, &rest)) t = rest;
  if (RE2::FullMatch(t, quoted, &rest)) t = CollapseSpaces(rest);
  return TrimPunct(t);
}

bool SessionLabel(std::string_view t) {
  static const RE2 re(
      R"((?i)^(?:project\s+lightning\s+talk|lightning\s+talk|keynote(?:\s+panel)?|panel(?:\s+discussion)?|workshop|tutorial|maintainer\s+track|project\s+update|sponsored\s+(?:session|keynote|demo)|contribfest|poster(?:\s+session)?|co-?located\s+events?|bof|birds\s+of\s+a\s+feather|demo|fireside\s+chat|case\s+study|breakout(?:\s+session)?)s?$)");
  assert(re.ok());
  return t.size() < 60 && RE2::FullMatch(CollapseSpaces(t), re);
}

// The first split of `line` into a title and a speaker list, at a separator after which the rest
// is a speaker list (affiliated unless `bare`).
std::optional<std::pair<std::string, std::vector<HeadingSpeaker>>> SplitSpeakers(
    std::string_view line, bool bare) {
  std::vector<std::pair<std::size_t, std::size_t>> seps;  // offset, length
  for (std::string_view d :
       {std::string_view(" - "), std::string_view(" \xE2\x80\x93 "),
        std::string_view(" \xE2\x80\x94 "), std::string_view(" -- "), std::string_view(" | "),
        std::string_view(" / "), std::string_view(": ")}) {
    for (std::size_t pos : FindTopLevel(line, d)) seps.emplace_back(pos, d.size());
  }
  std::sort(seps.begin(), seps.end());
  for (auto [pos, len] : seps) {
    std::string title = CollapseSpaces(line.substr(0, pos));
    if (title.empty()) continue;
    const bool colon = line.compare(pos, len, ": ") == 0;
    // After a colon (titles have colons of their own) only the "Name, Org" grammar counts.
    auto speakers = colon ? ParseHeadingSpeakers(line.substr(pos + len))
                          : ParseSpeakerList(line.substr(pos + len));
    if (!speakers) continue;
    if ((!bare || colon) && !Affiliated(*speakers)) continue;
    return std::make_pair(std::move(title), std::move(*speakers));
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
        // "(and That's Good)": a group that starts in lower case is part of the title.
        if (inner.empty() || std::islower(static_cast<unsigned char>(inner[0]))) break;
        auto speakers = ParseSpeakerList(inner);
        if (!speakers || (!bare && !Affiliated(*speakers))) break;
        return std::make_pair(std::move(title), std::move(*speakers));
      }
    }
  }
  return std::nullopt;
}

// A capitalised name of `min`..4 words, allowing one-word names.
bool NameShape(std::string_view s, std::size_t min_words) {
  if (min_words <= 1 && Words(s).size() == 1) {
    std::string w = CollapseSpaces(s);
    return speaker_text::StartsUpper(w) && speaker_text::IsNameWordShape(w) && w.size() >= 2 &&
           LooksLikeArticlePersonName(w + " " + w, 2, 2);
  }
  return LooksLikeArticlePersonName(s, std::max<std::size_t>(min_words, 2), 5);
}

// A Han, kana or Hangul name of two to six characters, optionally split by a space or a middle
// dot ("张伟", "山田 太郎").
bool CjkName(std::string_view s) {
  static const RE2 re(
      R"(^[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]{1,4}(?:[ ·・]?[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]{1,4})?$)");
  assert(re.ok());
  std::string t = CollapseSpaces(s);
  return t.size() >= 6 && t.size() <= 40 && RE2::FullMatch(t, re);
}

std::optional<HeadingSpeaker> PersonPiece(std::string_view piece) {
  static const RE2 paren(R"(^(.*?\S)\s*\(([^()]+)\)$)");
  static const RE2 from(R"(^(.*?\S)\s+(?:from|at|of|@)\s+(\S.*)$)");
  assert(paren.ok() && from.ok());
  std::string t = TrimPunct(std::string(piece));
  std::string name, org;
  HeadingSpeaker s;
  if (RE2::FullMatch(t, paren, &name, &org) || RE2::FullMatch(t, from, &name, &org)) {
    name = WithoutHonorific(CollapseSpaces(name));
    if (!(LooksLikeArticlePersonName(name) || CjkName(name))) return std::nullopt;
    s.name = CollapseSpaces(name);
    org = speaker_text::WithoutOpenNote(org);  // "Globex (Ana runs the platform ..."
    if (LooksLikeArticleJobTitle(org)) {
      s.job_title = org;
    } else if (!IsNonOrganization(org)) {
      s.organization = org;
    }
    return s;
  }
  // "Nadia Benali - Halden Robotics": a name, a dash and the organisation.
  static const RE2 dash(R"(^(.*?\S)\s+(?:-|–|—)\s+(\S.*)$)");
  assert(dash.ok());
  if (RE2::FullMatch(t, dash, &name, &org) && LooksLikeArticlePersonName(name) &&
      !LooksLikeArticlePersonName(org) && Words(org).size() <= 5) {
    s.name = CollapseSpaces(name);
    org = CollapseSpaces(org);
    if (LooksLikeArticleJobTitle(org)) {
      s.job_title = org;
    } else if (!IsNonOrganization(org)) {
      s.organization = org;
    }
    return s;
  }
  t = WithoutHonorific(t);
  if (!(LooksLikeArticlePersonName(t) || CjkName(t))) return std::nullopt;
  s.name = t;
  return s;
}

}  // namespace

std::optional<std::vector<HeadingSpeaker>> ParseLabelledSpeakerList(std::string_view text) {
  auto parsed = ParseSpeakerList(text);
  // "Speakers: Ana Silva, Bo Li": after a label, a comma between two names separates two
  // people rather than a person and an organisation.
  if (parsed && parsed->size() == 1 && (*parsed)[0].job_title.empty() &&
      text.find('(') == std::string_view::npos && (*parsed)[0].organization_aliases.empty() &&
      LooksLikeArticlePersonName((*parsed)[0].organization)) {
    std::vector<HeadingSpeaker> two(2);
    two[0].name = (*parsed)[0].name;
    two[1].name = (*parsed)[0].organization;
    return two;
  }
  return parsed;
}

bool Affiliated(const std::vector<HeadingSpeaker>& speakers) {
  if (speakers.size() > 1) return true;
  for (const HeadingSpeaker& s : speakers)
    if (!s.organization.empty() || !s.job_title.empty()) return true;
  return false;
}

// What follows a person's name and a comma: a job title, an organisation, "Job, Org", or in
// Chinese "蓝鲸数据 AI 平台负责人" (the organisation, then a job ending in a job word).
void AffiliationAfterComma(const std::string& what, HeadingSpeaker* p) {
  static const RE2 cjk_job(
      R"(^(\p{Han}[\p{Han}\p{L}\d]*)\s+(\S.*(?:负责人|工程师|架构师|经理|总监|专家|创始人|联合创始人|研究员|开发者|布道师|顾问|主管|维护者|技术专家|CTO|CEO|VP))$)");
  assert(cjk_job.ok());
  std::string org, job;
  if (RE2::FullMatch(what, cjk_job, &org, &job)) {
    p->organization = org;
    p->job_title = job;
    return;
  }
  std::vector<std::string> parts = speaker_text::SplitTopLevel(what, ",");
  if (parts.size() >= 2 && LooksLikeArticleJobTitle(CollapseSpaces(parts.front()))) {
    p->job_title = CollapseSpaces(parts.front());
    std::string rest;
    for (std::size_t i = 1; i < parts.size(); ++i)
      rest += (rest.empty() ? "" : ", ") + CollapseSpaces(parts[i]);
    if (!IsNonOrganization(rest)) p->organization = rest;
    return;
  }
  if (LooksLikeArticleJobTitle(what))
    p->job_title = what;
  else if (!IsNonOrganization(what))
    p->organization = what;
}

// A person's name in another script written beside it in parentheses: "王磊 (Lei Wang)",
// "Kevin Wu (吴凯文, Initech)". The alternate name is dropped; what else the parentheses hold
// (the organisation) stays. `t` has CJK punctuation normalised.
std::string WithoutAlternateNames(std::string t) {
  static const RE2 group(R"(([^\s(),;]+(?:\s+[^\s(),;]+){0,3})\s*\(([^()]*)\))");
  assert(group.ok());
  std::string out;
  re2::StringPiece input(t);
  re2::StringPiece name, inner;
  const char* copied = t.data();
  while (RE2::FindAndConsume(&input, group, &name, &inner)) {
    std::string n = CollapseSpaces(std::string(name.data(), name.size()));
    std::vector<std::string> parts =
        speaker_text::SplitTopLevel(std::string(inner.data(), inner.size()), ",");
    if (parts.empty()) continue;
    std::string first = CollapseSpaces(parts.front());
    const bool other_script = (CjkName(n) && LooksLikeArticlePersonName(first)) ||
                              (LooksLikeArticlePersonName(n) && CjkName(first));
    if (!other_script) continue;
    // Copy up to the group, then the name and the rest of the parentheses.
    out.append(copied, static_cast<std::size_t>(name.data() - copied));
    out += n;
    std::string rest;
    for (std::size_t i = 1; i < parts.size(); ++i)
      rest += (rest.empty() ? "" : ", ") + CollapseSpaces(parts[i]);
    if (!rest.empty()) out += " (" + rest + ")";
    copied = input.data();
  }
  out.append(copied, static_cast<std::size_t>(t.data() + t.size() - copied));
  // "陈刚 (Gang Chen)，北辰" leaves "陈刚 , 北辰": no space before a comma.
  static const RE2 space_comma(R"(\s+([,;]))");
  assert(space_comma.ok());
  RE2::GlobalReplace(&out, space_comma, "\\1");
  return CollapseSpaces(out);
}

std::optional<std::vector<HeadingSpeaker>> ParseSpeakerList(std::string_view text) {
  if (text.size() > kMaxUnit) return std::nullopt;
  std::string t = TrimPunct(WithoutAlternateNames(NormalizeCjkPunctuation(text)));
  // "A, Job at Org, and B (Org)": a serial comma before the last person.
  static const RE2 serial(R"(,\s+(and|&)\s+)");
  assert(serial.ok());
  RE2::GlobalReplace(&t, serial, " \\1 ");
  while (!t.empty() && t.back() == '.' && !IsLegalSuffix(Words(t).back())) {
    t.pop_back();
    t = CollapseSpaces(t);
  }
  if (t.empty()) return std::nullopt;
  // "A and B (both Org)", "A & B, both from Org": one organisation for everyone.
  static const RE2 both(
      R"((?i)^(.*?\S)\s*(?:\(\s*(?:both|all|均来自|都来自|均来自于|均为|ともに)\s*(?:from\s+|at\s+|of\s+)?([^()]+)\)|,\s*(?:both|all)\s+(?:from|at|of)\s+(.+))$)");
  assert(both.ok());
  std::string names, org1, org2;
  if (RE2::FullMatch(t, both, &names, &org1, &org2)) {
    auto people = ParseSpeakerList(names);
    std::string org = CollapseSpaces(org1.empty() ? org2 : org1);
    // "both from Globex. Very practical.": the organisation ends with its sentence.
    if (std::size_t stop = org.find(". "); stop != std::string::npos) org.resize(stop);
    if (people && !org.empty()) {
      for (HeadingSpeaker& p : *people)
        if (p.organization.empty() && !IsNonOrganization(org)) p.organization = org;
      return people;
    }
  }
  if (auto parsed = ParseHeadingSpeakers(t)) {
    // "Jonas Weber, Lena Hoffmann & Tariq Aziz, Quillmark": an "organisation" that is a
    // person's name is a person, who shares the organisation written after them.
    std::vector<HeadingSpeaker> out;
    bool split = false;
    // With ';' between people, each group is one person and their organisation.
    const bool parenthesised = t.find('(') != std::string::npos || t.find(';') != std::string::npos;
    for (std::size_t i = 0; i < parsed->size(); ++i) {
      HeadingSpeaker& s = (*parsed)[i];
      // An organisation shared with the next person ("A & B, Nordlys Energi") was written once,
      // after both: it is no person between them.
      const bool shared = i + 1 < parsed->size() && (*parsed)[i + 1].organization == s.organization;
      if (!parenthesised && !shared && s.job_title.empty() && s.organization_aliases.empty() &&
          !s.organization.empty() && LooksLikeArticlePersonName(s.organization) &&
          &s != &parsed->back()) {
        HeadingSpeaker second;
        second.name = s.organization;
        s.organization.clear();
        out.push_back(std::move(s));
        out.push_back(std::move(second));
        split = true;
      } else {
        out.push_back(std::move(s));
      }
    }
    if (split) {
      for (std::size_t i = out.size(); i-- > 0;)
        if (out[i].organization.empty() && out[i].job_title.empty() && i + 1 < out.size()) {
          out[i].organization = out[i + 1].organization;
          out[i].job_title = out[i + 1].job_title;
        }
    }
    return out;
  }
  // "Omar Aziz, with Rina Sato from Tallow Bank": two lists, each with its own organisations.
  {
    static const RE2 with_more(R"(^(.+?),?\s+(?:together\s+)?with\s+(\p{Lu}.+)$)");
    assert(with_more.ok());
    std::string first, second;
    if (RE2::FullMatch(t, with_more, &first, &second)) {
      auto a = ParseSpeakerList(first);
      auto b = a ? ParseSpeakerList(second) : std::nullopt;
      if (a && b) {
        for (HeadingSpeaker& p : *b) a->push_back(std::move(p));
        return a;
      }
    }
  }
  // "Bo Li (Initech) and his colleague Ana Silva", "Bo Li and her Initech colleague Ana Silva":
  // the colleague shares the organisation.
  {
    static const RE2 colleague(
        R"(^(.+?)\s+and\s+(?:his|her|their)\s+(?:(\S.*?)\s+)?(?:colleague|teammate|co-?worker)\s+(\S.+)$)");
    assert(colleague.ok());
    std::string first, org, second;
    if (RE2::FullMatch(t, colleague, &first, &org, &second)) {
      auto a = ParseSpeakerList(first);
      if (a && a->size() == 1 && LooksLikeArticlePersonName(CollapseSpaces(second))) {
        HeadingSpeaker b;
        b.name = CollapseSpaces(second);
        b.organization = org.empty() ? a->front().organization : CollapseSpaces(org);
        if (a->front().organization.empty() && !org.empty())
          a->front().organization = b.organization;
        a->push_back(std::move(b));
        return a;
      }
    }
  }
  // "Ola Brekke & Mina Haugen — Nordlys Energi": people, a dash, their organisation.
  {
    static const RE2 dash_org(R"(^(.+?)\s+(?:—|–|--|-)\s+([^—–]+)$)");
    assert(dash_org.ok());
    std::string people_text, org;
    if (RE2::FullMatch(t, dash_org, &people_text, &org) &&
        people_text.find_first_of("—–") == std::string::npos) {
      org = CollapseSpaces(org);
      auto people = ParseSpeakerList(people_text);
      if (people && people->size() > 1 && Words(org).size() <= 5 &&
          speaker_text::StartsUpper(org) &&
          std::all_of(people->begin(), people->end(),
                      [](const HeadingSpeaker& p) { return p.organization.empty(); })) {
        for (HeadingSpeaker& p : *people)
          if (!IsNonOrganization(org)) p.organization = org;
        return people;
      }
    }
  }
  // "王磊, 万象智造; 刘佳, 独立开发者": with ';' between people, each group is a person, then
  // their organisation or job after a comma.
  if (std::vector<std::string> groups = speaker_text::SplitTopLevel(t, ";"); groups.size() > 1) {
    std::vector<HeadingSpeaker> out;
    bool ok = true;
    for (const std::string& g : groups) {
      std::string group = CollapseSpaces(g);
      if (group.empty()) continue;
      std::size_t comma = group.find(", ");
      std::string name = comma == std::string::npos ? group : group.substr(0, comma);
      if (comma == std::string::npos || !(CjkName(name) || LooksLikeArticlePersonName(name))) {
        auto inner = ParseSpeakerList(group);
        if (!inner) {
          ok = false;
          break;
        }
        for (HeadingSpeaker& p : *inner) out.push_back(std::move(p));
        continue;
      }
      HeadingSpeaker p;
      p.name = name;
      AffiliationAfterComma(CollapseSpaces(group.substr(comma + 2)), &p);
      out.push_back(std::move(p));
    }
    if (ok && !out.empty()) return out;
  }
  // A list of people: "A, B and C", "A (Org) and B from Org", "张伟, 李娜".
  static const RE2 seps(R"(\s*(?:;|,|&|\band\b|\+)\s*)");
  assert(seps.ok());
  std::string list = t;
  // Separators inside parentheses stay: protect them first.
  int depth = 0;
  for (char& c : list) {
    if (c == '(') ++depth;
    if (c == ')') depth = std::max(0, depth - 1);
    if (depth > 0 && (c == ',' || c == ';' || c == '&')) c = '\x01';
  }
  // A comma is marked so that "Wen Li, Tidewater Analytics" can give a person's organisation.
  static const RE2 comma(R"(\s*,\s*)");
  assert(comma.ok());
  RE2::GlobalReplace(&list, comma, "\x02\x03");
  RE2::GlobalReplace(&list, seps, "\x02");
  std::vector<HeadingSpeaker> out;
  for (std::string piece : Split(list, "\x02")) {
    const bool after_comma = !piece.empty() && piece.front() == '\x03';
    if (after_comma) piece.erase(piece.begin());
    std::replace(piece.begin(), piece.end(), '\x01', ',');
    if (Trim(piece).empty()) continue;
    auto s = PersonPiece(piece);
    if (!s) {
      // "A (Org), B from Org and C, Org": the piece after a comma is the previous person's
      // organisation or job title.
      std::string what = CollapseSpaces(TrimPunct(piece));
      std::vector<std::string> words = Words(what);
      static const RE2 org_shape(
          R"(^[\p{Lu}\d][\p{L}\d&.'’+-]*(?:\s+(?:[\p{Lu}\d&][\p{L}\d&.'’+-]*|of|and|de|for))*$)");
      assert(org_shape.ok());
      static const RE2 cjk_shape(R"(^\p{Han}[\p{Han}\p{L}\d ]*$)");
      assert(cjk_shape.ok());
      // A Chinese name is two to four characters; longer runs are words of a sentence.
      static const RE2 short_cjk(
          R"(^(?:[\p{Han}]{2,4}|[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]{1,4}[ ·・][\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]{1,4})$)");
      assert(short_cjk.ok());
      const bool cjk_person = !out.empty() && CjkName(out.back().name);
      if (cjk_person && !RE2::FullMatch(out.back().name, short_cjk)) return std::nullopt;
      // "A, Senior Engineer, Messaging at Org": the rest of the job, then the organisation.
      {
        static const RE2 area_at(R"(^(.+?)\s+(?:at|@)\s+(\p{Lu}.*)$)");
        assert(area_at.ok());
        std::string area, firm;
        if (after_comma && !out.empty() && out.back().organization.empty() &&
            !out.back().job_title.empty() && RE2::FullMatch(what, area_at, &area, &firm) &&
            Words(firm).size() <= 5) {
          out.back().job_title += ", " + area;
          if (!IsNonOrganization(firm)) out.back().organization = firm;
          continue;
        }
      }
      if (!after_comma || out.empty() || !out.back().organization.empty() ||
          !out.back().job_title.empty() || words.empty() || words.size() > 5 ||
          !(RE2::FullMatch(what, org_shape) || RE2::FullMatch(what, cjk_shape)) ||
          LooksLikeArticlePersonName(what))
        return std::nullopt;
      AffiliationAfterComma(what, &out.back());
      continue;
    }
    out.push_back(std::move(*s));
  }
  if (out.empty()) return std::nullopt;
  // "Ana Silva and Bo Li (Globex)": an organisation given once, at the end, is everyone's.
  bool only_last = out.size() > 1 && !out.back().organization.empty();
  for (std::size_t i = 0; i + 1 < out.size(); ++i)
    if (!out[i].organization.empty() || !out[i].job_title.empty()) only_last = false;
  if (only_last)
    for (std::size_t i = 0; i + 1 < out.size(); ++i) out[i].organization = out.back().organization;
  return out;
}

bool SharesSpeaker(const std::vector<HeadingSpeaker>& a, const std::vector<HeadingSpeaker>& b) {
  for (const HeadingSpeaker& x : a)
    for (const HeadingSpeaker& y : b)
      if (FoldName(x.name) == FoldName(y.name)) return true;
  return false;
}

TalkReference ReadTalkReference(std::string_view text, bool allow_bare_names, bool split_speakers) {
  TalkReference out;
  std::string t = CollapseSpaces(NormalizeCjkPunctuation(WithoutLinkNotes(CollapseSpaces(text))));
  if (t.size() > kMaxUnit) {
    out.raw_title = out.title = t;
    return out;
  }
  // "My talk at KCD Zurich 2025: Title", "Slides from our KubeCon keynote - Title".
  static const RE2 mine(
      R"((?i)^(?:(?:slides|recording|video|notes|write-?up)\s+(?:(?:and|&)\s+\w+\s+)?(?:from|of|for)\s+)?(?:my|our)\s+(?:[\w+&-]+\s+){0,3}?(?:talk|keynote|session|presentation|lightning\s+talk|workshop|tutorial)(?:\s+(?:at|from|for|during)\s+(.+?))?\s*(?::|\s-|–|—)\s*(\S.*)$)");
  assert(mine.ok());
  std::string at_event, rest;
  const std::string lower = AsciiLower(t);
  if ((lower.find("my ") != std::string::npos || lower.find("our ") != std::string::npos) &&
      RE2::FullMatch(t, mine, &at_event, &rest)) {
    out.first_person = true;
    t = CollapseSpaces(rest);
    if (!at_event.empty()) {
      std::string label = EventLabel(at_event);
      out.event = label.empty() ? CollapseSpaces(at_event) : label;
    }
  }
  // An event written before or after the title.
  EventAffix affix = SplitEventAffix(t);
  if (!affix.event.empty() && out.event.empty()) {
    out.event = affix.event;
    t = affix.title;
  }
  // "Talk: Title, Speaker: Ana Silva (Initech)", "演讲：Title，讲者：...": a speakers label
  // inside the unit.
  static const RE2 mid_label(
      R"((?i)^(.*?\S)[\s,;|\-–—]+(?:speakers?|presenters?|presented\s+by|讲者|讲师|演讲者|嘉宾|分享者|登壇者|スピーカー|発表者|講演者)\s*:\s*(\S.*)$)");
  assert(mid_label.ok());
  std::string before_label, who;
  if (RE2::FullMatch(t, mid_label, &before_label, &who)) {
    if (auto speakers = ParseSpeakerList(who)) {
      out.speakers = std::move(*speakers);
      t = before_label;
    }
  }
  // "Title - Speakers".
  std::optional<std::pair<std::string, std::vector<HeadingSpeaker>>> split;
  if (out.speakers.empty() && split_speakers) split = SplitSpeakers(t, allow_bare_names);
  if (split) {
    t = split->first;
    out.speakers = std::move(split->second);
    // "Title - KubeCon EU 2025 - Speakers": an event between title and speakers.
    EventAffix inner = SplitEventAffix(t);
    if (!inner.event.empty() && out.event.empty()) {
      out.event = inner.event;
      t = inner.title;
    }
  }
  // A session label after " | ".
  std::vector<std::size_t> bars = FindTopLevel(t, " | ");
  if (!bars.empty() && SessionLabel(std::string_view(t).substr(bars.back() + 3))) {
    out.session_label = CollapseSpaces(std::string_view(t).substr(bars.back() + 3));
    t = CollapseSpaces(std::string_view(t).substr(0, bars.back()));
  }
  out.raw_title = TrimPunct(t);
  out.title = DisplayTitle(t);
  return out;
}

std::optional<TalkReference> ReadTitleBySpeakers(std::string_view text) {
  if (text.size() > kMaxUnit) return std::nullopt;
  static const RE2 by(R"(^(.+?)[,\s]+(?:by|presented by|from)\s+(\S.*)$)");
  assert(by.ok());
  std::string t = CollapseSpaces(NormalizeCjkPunctuation(WithoutLinkNotes(text)));
  std::string title, who;
  if (!RE2::FullMatch(t, by, &title, &who)) return std::nullopt;
  if (Words(title).size() < 2) return std::nullopt;
  auto speakers = ParseSpeakerList(who);
  if (!speakers) return std::nullopt;
  TalkReference out = ReadTalkReference(title, false);
  if (out.title.empty()) return std::nullopt;
  out.speakers = std::move(*speakers);
  return out;
}

std::optional<std::vector<HeadingSpeaker>> ReadSpeakersLine(std::string_view line, bool bare_list) {
  if (line.size() > kMaxUnit) return std::nullopt;
  static const RE2 label(
      R"((?i)^\W*(?:speakers?|presenters?|presented\s+by|speakers?\s*(?:&|and)\s*companies|hosts?|hosted\s+by|panell?ists?|moderators?|moderated\s+by|guests?|facilitators?|instructors?|who|讲者|讲师|演讲者|嘉宾|分享者|讲演者|主持人|登壇者|スピーカー|発表者|講演者|モデレーター|パネリスト|ゲスト)\W*\s*(?::|\s-|–|—)\s*(\S.*)$)");
  static const RE2 by(R"((?i)^\W*(?:by|with|presented\s+by|from)\s+(\S.*)$)");
  assert(label.ok() && by.ok());
  std::string t = CollapseSpaces(NormalizeCjkPunctuation(line));
  std::string who;
  if (RE2::FullMatch(t, label, &who)) return ParseLabelledSpeakerList(WithoutLinkNotes(who));
  if (RE2::FullMatch(t, by, &who)) return ParseSpeakerList(WithoutLinkNotes(who));
  if (!bare_list) return std::nullopt;
  auto list = ParseSpeakerList(WithoutLinkNotes(t));
  if (list && Affiliated(*list)) return list;
  // "Sofia Lindqvist, Independent", "Marisol Vega — Independent": a name with an affiliation
  // that names no organisation.
  if (list && list->size() == 1 && Words(t).size() > Words((*list)[0].name).size() &&
      (t.find_first_of(",(") != std::string::npos || t.find(" — ") != std::string::npos ||
       t.find(" – ") != std::string::npos || t.find(" - ") != std::string::npos) &&
      (*list)[0].name.find(',') == std::string::npos)
    return list;
  // "Ana Silva (Initech). The demo failed twice.": a list that ends the first sentence.
  static const RE2 first_sentence(R"(^(.{3,200}?)[.;!?](?:\s|$).*$)");
  assert(first_sentence.ok());
  std::string head;
  if (RE2::FullMatch(t, first_sentence, &head) && !IsLegalSuffix(Words(head).back())) {
    list = ParseSpeakerList(head);
    if (list && Affiliated(*list)) return list;
  }
  return std::nullopt;
}

namespace {

// A speaker list, or the list that ends before an appositive (", a maintainer who ...",
// ", who ..."); nullopt when neither parses.
std::optional<std::vector<HeadingSpeaker>> SpeakerListBeforeAppositive(const std::string& text) {
  if (auto speakers = ParseSpeakerList(text)) return speakers;
  static const RE2 appositive(R"(^(.*?\S),\s+(?i:a|an|the|who|which|whose)\s.*$)");
  assert(appositive.ok());
  std::string head;
  if (RE2::FullMatch(text, appositive, &head)) return ParseSpeakerList(head);
  return std::nullopt;
}

}  // namespace

std::optional<std::vector<HeadingSpeaker>> SpeakersAfterTitle(std::string_view after) {
  std::string t = CollapseSpaces(
      NormalizeCjkPunctuation(after.substr(0, std::min<std::size_t>(after.size(), kMaxUnit))));
  // Closing quotes and emphasis left over from the title.
  static const RE2 close(R"(^[\s"”’'*_»」』)\]]*(.*)$)");
  assert(close.ok());
  std::string rest;
  if (RE2::FullMatch(t, close, &rest)) t = rest;
  // "— with Ana Silva (Initech) and Bo Li (Globex)": the clause after the keyword is a list.
  static const RE2 keyword(
      R"(^[\s,\-–—:]*(?i:by|presented\s+by|with|featuring|feat\.|together\s+with)\s+(.*)$)");
  assert(keyword.ok());
  std::string clause;
  if (RE2::FullMatch(t, keyword, &clause)) {
    // The clause ends at a sentence end, a ';', or a relative clause ("who joined", "where").
    static const RE2 stop(
        R"(^(.*?)(?:[.;!?](?:\s|$)|;|,\s+(?:who|which|where|when|on|about|to|for|in|and\s+(?:we|i|it|they|the))\b|\s+\(\s*\[?(?i:slides|video|recording)|$).*$)");
    assert(stop.ok());
    std::string head;
    if (RE2::FullMatch(clause, stop, &head)) {
      std::string list = TrimPunct(head);
      // A trailing parenthesis left open by the cut: "(with A (Org); schedule TBA)".
      if (!speaker_text::IsBalanced(list) && !list.empty() && list.back() != ')')
        list = TrimPunct(list);
      // "by Ana Silva (Initech), a five-minute argument for ...".
      if (auto speakers = SpeakerListBeforeAppositive(list)) return speakers;
    }
  }
  // "by 佐藤 花子さん (Sakuragi Systems)": a CJK name after the keyword.
  static const RE2 cjk_by(
      R"(^[\s,\-–—:]*(?i:by)\s*([\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]{1,4}(?:\s?[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]{1,4})?)\s*(?:\(([^()]+)\))?)",
      LargePatternOptions());
  assert(cjk_by.ok());
  std::string cjk_name, cjk_org;
  if (RE2::PartialMatch(t, cjk_by, &cjk_name, &cjk_org)) {
    std::string name = WithoutHonorific(CollapseSpaces(cjk_name));
    if (CjkName(name)) {
      HeadingSpeaker s;
      s.name = name;
      std::string org = CollapseSpaces(cjk_org);
      if (!org.empty() && !IsNonOrganization(org)) s.organization = org;
      return std::vector<HeadingSpeaker>{std::move(s)};
    }
  }
  // "by Odin from Quillmark", "by Ilie Sola, also from Quillmark".
  static const RE2 by(
      R"(^[\s,\-–—:]*(?i:by|presented\s+by|with)\s+(\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|da|di|del|der|la|le)){0,4}(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,4})*)(?:,?\s+(?i:also\s+|both\s+)?(?i:from|of|at|@)\s+([\p{Lu}\d][\p{L}\d&'’-]*(?:\.[\p{L}\d]+)*(?:\s+[\p{Lu}\d&][\p{L}\d&'’-]*(?:\.[\p{L}\d]+)*){0,4}))?)",
      LargePatternOptions());
  assert(by.ok());
  std::string names, org;
  if (RE2::PartialMatch(t, by, &names, &org)) {
    std::vector<HeadingSpeaker> out;
    static const RE2 seps(R"(\s*(?:,|\band\b|&)\s*)");
    assert(seps.ok());
    std::string list = names;
    RE2::GlobalReplace(&list, seps, "\x02");
    std::vector<std::string> pieces = Split(list, "\x02");
    for (std::string p : pieces) {
      while (!p.empty() && p.back() == '.') p.pop_back();
      if (Trim(p).empty()) continue;
      bool one_word = Words(p).size() == 1;
      if (one_word ? (org.empty() || pieces.size() > 1 || !NameShape(p, 1))
                   : !LooksLikeArticlePersonName(p))
        return std::nullopt;
      HeadingSpeaker s;
      s.name = CollapseSpaces(p);
      out.push_back(std::move(s));
    }
    if (out.empty()) return std::nullopt;
    while (!org.empty() && (org.back() == '.' || org.back() == ',') &&
           !IsLegalSuffix(Words(org).back()))
      org.pop_back();
    if (!org.empty() && !IsNonOrganization(org)) {
      for (HeadingSpeaker& s : out) s.organization = CollapseSpaces(org);
    }
    return out;
  }
  // " - Name, Org", " (Name, Org)", " | Name".
  static const RE2 dash(R"(^\s*(?:-|–|—|--|\|)\s+([^.;!?]+?)\s*(?:[.;!?](?:\s|$).*)?$)");
  static const RE2 paren(R"(^\s*\(([^()]+)\)\s*(?:[.,;:!?].*)?$)");
  assert(dash.ok() && paren.ok());
  std::string who;
  if (RE2::FullMatch(t, dash, &who) || RE2::FullMatch(t, paren, &who)) {
    // "— Ana Silva (Initech), a Jaeger maintainer who ...".
    if (auto speakers = SpeakerListBeforeAppositive(who)) return speakers;
  }
  return std::nullopt;
}

std::optional<HeadingSpeaker> SpeakerBeforeTitle(std::string_view before) {
  std::size_t keep = std::min<std::size_t>(before.size(), 300);
  std::string t = CollapseSpaces(NormalizeCjkPunctuation(before.substr(before.size() - keep)));
  static const RE2 possessive(
      R"((?:^|[\s(])((?:\p{Lu}[\p{L}'-]*)(?:\s+(?:\p{Lu}[\p{L}'-]*|van|von|de|da|di|del|der|la|le)){0,3})['’]s\s+(?:[\p{L}-]+\s+){0,3}(?i:talk|keynote|session|presentation|workshop|panel|demo|lightning\s+talk|tutorial)\s*(?i:on|about|called|titled|named)?\s*[,:\-–—]?\s*[*_"“‘'«(\[]*$)",
      LargePatternOptions());
  static const RE2 gave(
      R"((?:^|[\s(])((?:\p{Lu}[\p{L}'-]*)(?:\s+(?:\p{Lu}[\p{L}'-]*|van|von|de|da|di|del|der|la|le)){0,3})\s+(?i:did|gave|delivered|presented|held|hosted)\s+(?i:his|her|their|a|an|the|its)\s+(?:[\p{L}-]+\s+){0,2}(?i:talk|keynote|session|presentation|workshop|panel|demo|tutorial)\s*(?i:on|about|called|titled|named)?\s*[,:\-–—]?\s*[*_"“‘'«(\[]*$)",
      LargePatternOptions());
  static const RE2 by(
      R"((?i:talk|keynote|session|presentation|workshop|panel|tutorial)\s+(?i:by|from)\s+((?:\p{Lu}[\p{L}'-]*)(?:\s+(?:\p{Lu}[\p{L}'-]*|van|von|de|da|di|del|der|la|le)){0,3})(?:\s+(?i:from|of|at)\s+((?:[\p{Lu}\d][\p{L}\d&.'-]*)(?:\s+[\p{Lu}\d&][\p{L}\d&.'-]*){0,3}))?\s*[,:\-–—]?\s*[*_"“‘'«(\[]*$)",
      LargePatternOptions());
  assert(possessive.ok() && gave.ok() && by.ok());
  std::string name, org;
  bool found = RE2::PartialMatch(t, possessive, &name) || RE2::PartialMatch(t, gave, &name) ||
               RE2::PartialMatch(t, by, &name, &org);
  if (!found) {
    // Chinese: "听了陈静（Initech）的《Title》", "张伟分享的《Title》": a name glued to the words
    // before it, read from a common surname on (ChineseNameAtEnd).
    static const RE2 zh(
        R"((\p{Han}{2,12}?)\s*(?:\(([^()]{1,80})\))?\s*(?:分享|带来|介绍|主讲|演讲|帶來|介紹|講)?\s*)"
        R"((?:的|之)\s*(?:演讲|分享|议题|主题演讲|报告|演講|議題|talk|session)?\s*[*_"“‘'«(\[]*$)",
        LargePatternOptions());
    // Japanese: "田中 健さん（Initech）の「Title」": さん or 氏, or the organisation, marks the
    // name.
    static const RE2 ja(
        R"((?:^|[^\p{Han}])(\p{Han}{1,4}(?:\s\p{Han}{1,3})?)\s*(?:(?:さん|氏)\s*(?:\(([^()]{1,80})\))?))"
        R"(\s*の\s*(?:講演|セッション|発表|トーク|基調講演)?\s*[*_"“‘'«(\[]*$)",
        LargePatternOptions());
    static const RE2 ja_org(
        R"((?:^|[^\p{Han}])(\p{Han}{1,4}(?:\s\p{Han}{1,3})?)\s*\(([^()]{1,80})\))"
        R"(\s*の\s*(?:講演|セッション|発表|トーク|基調講演)?\s*[*_"“‘'«(\[]*$)",
        LargePatternOptions());
    assert(zh.ok() && ja.ok() && ja_org.ok());
    std::string run;
    if (RE2::PartialMatch(t, zh, &run, &org)) {
      name = ChineseNameAtEnd(run);
    } else if (RE2::PartialMatch(t, ja, &name, &org) || RE2::PartialMatch(t, ja_org, &name, &org)) {
    } else {
      return std::nullopt;
    }
    if (name.empty()) return std::nullopt;
    HeadingSpeaker s;
    s.name = CollapseSpaces(name);
    org = CollapseSpaces(org);
    if (!org.empty() && !IsNonOrganization(org)) s.organization = org;
    return s;
  }
  name = WithoutHonorific(name);  // "Mr. Bo Li's session" is Bo Li's
  if (!NameShape(name, 1)) return std::nullopt;
  HeadingSpeaker s;
  s.name = name;
  if (!org.empty() && !IsNonOrganization(org)) s.organization = CollapseSpaces(org);
  return s;
}

namespace {

// The speaker list that ends `subject`, read from the leftmost clause start that parses:
// "Right after lunch, Ana Silva and Bo Li, both of Initech" -> Ana Silva, Bo Li (Initech);
// "Independent consultant Ana Silva" -> Ana Silva.
std::optional<std::vector<HeadingSpeaker>> TrailingSpeakerList(std::string_view subject) {
  std::string t = CollapseSpaces(subject);
  while (!t.empty() && (t.back() == ',' || t.back() == ' ')) t.pop_back();
  if (t.empty() || t.size() > 300) return std::nullopt;
  std::vector<std::size_t> starts = {0};
  for (std::size_t i = 1; i < t.size(); ++i)
    if (t[i - 1] == ' ') starts.push_back(i);
  for (std::size_t start : starts) {
    std::string_view rest = std::string_view(t).substr(start);
    if (!speaker_text::StartsUpper(rest)) continue;
    // A clause start: the beginning, or after a comma or a lower-case word.
    if (start > 0) {
      std::string_view prev = std::string_view(t).substr(0, start - 1);
      bool clause = !prev.empty() && prev.back() == ',';
      std::size_t space = prev.rfind(' ');
      std::string_view word = space == std::string_view::npos ? prev : prev.substr(space + 1);
      if (!clause && !word.empty() && speaker_text::StartsUpper(word)) continue;
    }
    // ("Ana Silva and her Initech colleague Bo Li" is a list ParseSpeakerList reads.)
    auto people = ParseSpeakerList(rest);
    if (!people) continue;
    bool named = true;
    for (const HeadingSpeaker& p : *people)
      if (Words(p.name).size() < 2 && !CjkName(p.name)) named = false;
    if (named) return people;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::vector<HeadingSpeaker>> SpeakersInProse(std::string_view before,
                                                           std::string_view after) {
  const std::size_t keep = std::min<std::size_t>(before.size(), 400);
  std::string b = CollapseSpaces(before.substr(before.size() - keep));
  std::string a = CollapseSpaces(after.substr(0, std::min<std::size_t>(after.size(), 400)));
  // "Ana Silva and Bo Li, both of Initech, gave [Title]": the sentence so far ends with a verb.
  static const RE2 gave_before(
      R"(^(?:.*[.!?;:]\s+)?([^.!?;:]*?),?\s+(?i:gave|presented|delivered|co-presented|ran|led|hosted)\s*[*_"“‘'«(\[]*$)");
  // "[Title], Ana Silva from Initech showed how", "[Title], where Ana Silva ... walked".
  static const RE2 subject_after(
      R"(^[\s*_"”’'»)\]]*,\s*(?:(?i:where|when|in\s+which|as)\s+)?([^.!?;:]{3,250}?),?\s+(?i:showed|presented|walked|compared|explained|demoed|demonstrated|shared|described|talked|argued|spoke|told|took|covered|introduced|detailed|gave|laid\s+out|made\s+the\s+case|went\s+through|explored|unpacked|recounted)\b)");
  // "[Title]. Ana Silva presented it together with Bo Li of Globex."
  static const RE2 next_sentence(
      R"(^[\s*_"”’'»)\]]*[.!]\s+([^.!?;:]{3,200}?)\s+(?i:presented|gave|delivered|ran|co-presented|did)\s+(?i:it|this(?:\s+one)?|the\s+(?:talk|session|keynote|workshop))\b(?:\s*,?\s+(?i:together\s+with|with|alongside)\s+([^.!?;]{3,250}))?)");
  assert(gave_before.ok() && subject_after.ok() && next_sentence.ok());
  std::string subject, partners;
  if (RE2::FullMatch(b, gave_before, &subject))
    if (auto s = TrailingSpeakerList(subject)) return s;
  if (RE2::PartialMatch(a, subject_after, &subject))
    if (auto s = TrailingSpeakerList(subject)) return s;
  if (RE2::PartialMatch(a, next_sentence, &subject, &partners)) {
    if (auto s = TrailingSpeakerList(subject)) {
      if (!partners.empty()) {
        // "... of\nBrightmarch Retail, and it was": the list ends at a clause.
        static const RE2 stop(R"(^(.*?)(?:,\s+(?i:and|who|which|where|but)\b.*)?$)");
        assert(stop.ok());
        std::string list;
        if (RE2::FullMatch(partners, stop, &list)) {
          if (auto more = ParseSpeakerList(TrimPunct(list))) {
            for (HeadingSpeaker& p : *more) s->push_back(std::move(p));
          } else if (auto one = PersonPiece(TrimPunct(list))) {
            s->push_back(std::move(*one));  // "Bo Li of Kettle & Crane"
          }
        }
      }
      return s;
    }
  }
  return std::nullopt;
}

}  // namespace cnkg
