#include "extract/grammar/sched_summary.h"

#include <re2/re2.h>

#include <cassert>
#include <optional>

#include "common/strings.h"
#include "extract/grammar/speaker_text.h"

namespace cnkg {
namespace {

using speaker_text::IsCommonWord;
using speaker_text::IsNameWordShape;
using speaker_text::SplitTopLevel;
using speaker_text::StartsUpper;
using speaker_text::StartsWithLegalSuffix;
using speaker_text::Words;

// `name` without a quoted nickname ('Ana "Ace" Silva' -> "Ana Silva"), for the name test only.
std::string WithoutNickname(std::string_view name) {
  static const RE2 re(R"(\s*["“”][^"“”]{1,30}["“”]\s*)");
  assert(re.ok());
  std::string s(name);
  RE2::GlobalReplace(&s, re, " ");
  return CollapseSpaces(s);
}

// A person's name. Strictly: two to five name words that are not everyday words. Loosely, where
// the position says a name comes (the first of a group that names a company): one to five
// name-shaped words, the first capitalised ("Flynn", "Will Case", "Ana vonSilva").
bool IsName(std::string_view text, bool loose) {
  const std::string s = WithoutNickname(text);
  if (LooksLikeArticlePersonName(s, 2, 5)) return true;
  if (!loose) return false;
  std::vector<std::string> w = Words(s);
  if (w.empty() || w.size() > 5 || !StartsUpper(w[0]) || LooksLikeArticleJobTitle(s)) return false;
  for (const std::string& word : w)
    if (!IsNameWordShape(word)) return false;
  return w.size() > 1 || !IsCommonWord(w[0]);
}

// A field that says what someone does rather than where: "Maintainer", "GitOps Advocate",
// "Technical Steering Committee".
bool IsRole(std::string_view field) {
  static const RE2 body(R"((?i).*\b(committee|council|board|steering|ambassador)\b.*)");
  assert(body.ok());
  return LooksLikeArticleJobTitle(field) || RE2::FullMatch(field, body);
}

// "Moderated by Ana Silva" -> "Ana Silva".
std::string WithoutModeratorLead(std::string_view field) {
  static const RE2 re(R"((?i)^(?:moderated by|moderator:?|hosted by|host:?)\s+)");
  assert(re.ok());
  std::string s(field);
  RE2::Replace(&s, re, "");
  return s;
}

// The comma fields of a group, with legal suffixes joined back ("Hitachi", "Ltd." -> "Hitachi,
// Ltd.").
std::vector<std::string> Fields(std::string_view group) {
  std::vector<std::string> fields;
  for (std::string& f : SplitTopLevel(group, ",")) {
    const std::vector<std::string> parts = SplitTopLevel(f, " & ");
    if (!fields.empty() && !parts.empty() && StartsWithLegalSuffix(parts[0])) {
      fields.back() += ", " + f;
    } else {
      fields.push_back(std::move(f));
    }
  }
  return fields;
}

struct Credit {
  std::string name;
  std::size_t field = 0;  // the comma field the name is written in
  // What follows the name up to the next person, by original comma field; the parts of one
  // field split at " & " are joined back.
  std::vector<std::string> fields;
};

// The job title and organisation that a person's fields give. A single field that names a role
// ("Maintainer", "Technical Steering Committee") is a job title; after a job title, the last
// field is the organisation even when it is a committee ("Co-Chairs, Program Committee").
void Assign(const std::vector<std::string>& fields, HeadingSpeaker& s) {
  if (fields.empty()) return;
  if (fields.size() == 1 ? IsRole(fields.back()) : LooksLikeArticleJobTitle(fields.back())) {
    s.job_title = Join(fields, ", ");
    return;
  }
  s.organization = fields.back();
  s.job_title = Join(std::vector<std::string>(fields.begin(), fields.end() - 1), ", ");
}

// One ';' group: names joined by ", " and " & ", then what they do and where. `several_groups`:
// the list has ';' groups, so "A, B & C, Org" is three people of Org; without them sched writes
// "A, OrgA & B, OrgB" for two people of two companies.
std::optional<std::vector<HeadingSpeaker>> ParseGroup(std::string_view group, bool several_groups) {
  std::vector<std::string> fields = Fields(group);
  if (fields.empty()) return std::nullopt;
  fields[0] = WithoutModeratorLead(fields[0]);
  // Items: the fields split at " & ", each with the field it came from and its place in it.
  struct Item {
    std::string text;
    std::size_t field;
    std::size_t part;
  };
  std::vector<Item> items;
  std::vector<std::size_t> parts_of(fields.size(), 0);
  for (std::size_t i = 0; i < fields.size(); ++i)
    for (std::string& part : SplitTopLevel(fields[i], " & "))
      items.push_back({part, i, parts_of[i]++});
  if (items.empty()) return std::nullopt;
  const std::size_t last_field = fields.size() - 1;
  const bool has_company = fields.size() > 1;

  // Only names before the last field, which is their shared company (or, alone, bare names).
  bool all_names = true;
  for (const Item& item : items) {
    if (has_company && item.field == last_field) {
      // "Org & Name": a name after the company has no company of its own (sequential reading).
      if (item.part > 0 && IsName(item.text, false)) all_names = false;
      continue;
    }
    all_names = all_names && IsName(item.text, has_company && item.field == 0 && item.part == 0);
  }
  if (!several_groups && fields.size() == 3 && parts_of[1] == 2) all_names = false;
  std::vector<HeadingSpeaker> out;
  if (all_names) {
    for (const Item& item : items) {
      if (has_company && item.field == last_field) continue;
      HeadingSpeaker s;
      s.name = item.text;
      if (has_company) Assign({fields.back()}, s);
      out.push_back(std::move(s));
    }
    return out;
  }

  // People one after another, each followed by their fields: "A, Job, Org & B, Org". A person
  // starts the group, or follows " & " inside a field.
  std::vector<Credit> credits;
  for (const Item& item : items) {
    if (credits.empty()) {
      if (!IsName(item.text, has_company)) return std::nullopt;
      credits.push_back({item.text, item.field, {}});
      continue;
    }
    if (item.part > 0 && IsName(item.text, false)) {
      credits.push_back({item.text, item.field, {}});
      continue;
    }
    Credit& c = credits.back();
    if (item.part > 0 && !c.fields.empty()) {
      c.fields.back() += " & " + item.text;  // "Founder & CEO"
    } else {
      c.fields.push_back(item.text);
    }
  }
  // "A & B, Job, Org": a name joined by " & " to the next one, with nothing of its own, shares
  // what follows the next one.
  for (std::size_t i = credits.size(); i-- > 1;) {
    if (credits[i - 1].fields.empty() && credits[i - 1].field == credits[i].field)
      credits[i - 1].fields = credits[i].fields;
  }
  for (std::size_t i = 0; i < credits.size(); ++i) {
    std::vector<std::string> fields_i = credits[i].fields;
    // "A, Director, Cloud & B, CTO, Cloud, Org": a last field that the next person has inside
    // their job title is part of a shared title, and the company is the next person's.
    if (i + 1 < credits.size() && !fields_i.empty()) {
      const auto& next = credits[i + 1].fields;
      for (std::size_t k = 0; k + 1 < next.size(); ++k) {
        if (EqualsIgnoreCase(next[k], fields_i.back())) {
          fields_i.push_back(next.back());
          break;
        }
      }
    }
    HeadingSpeaker s;
    s.name = credits[i].name;
    Assign(fields_i, s);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

std::optional<std::vector<HeadingSpeaker>> ParseSchedSpeakers(std::string_view text) {
  std::vector<HeadingSpeaker> out;
  const std::vector<std::string> groups = SplitTopLevel(text, ";");
  for (const std::string& group : groups) {
    auto people = ParseGroup(group, groups.size() > 1);
    if (!people) return std::nullopt;
    for (HeadingSpeaker& s : *people) out.push_back(std::move(s));
  }
  if (out.empty()) return std::nullopt;
  return out;
}

SchedSummary SplitSchedSummary(std::string_view summary) {
  SchedSummary out;
  const std::string text = CollapseSpaces(summary);
  const std::string_view view(text);
  const std::size_t dash = text.rfind(" - ");
  if (dash != std::string::npos && dash > 0) {
    if (auto speakers = ParseSchedSpeakers(view.substr(dash + 3))) {
      out.title = std::string(Trim(view.substr(0, dash)));
      out.speakers = std::move(*speakers);
      return out;
    }
    // "Title - Speakers - Sold Out": a label after the speakers is not part of the title.
    const std::size_t before = dash > 0 ? text.rfind(" - ", dash - 1) : std::string::npos;
    if (before != std::string::npos && before > 0) {
      if (auto speakers = ParseSchedSpeakers(view.substr(before + 3, dash - before - 3))) {
        out.title = std::string(Trim(view.substr(0, before)));
        out.speakers = std::move(*speakers);
        out.label = std::string(Trim(view.substr(dash + 3)));
        return out;
      }
    }
  }
  out.title = text;
  return out;
}

}  // namespace cnkg
