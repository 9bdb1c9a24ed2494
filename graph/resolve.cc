#include "graph/resolve.h"

#include <re2/re2.h>

#include <cassert>
#include <cstdlib>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "common/embedded.h"
#include "common/strings.h"

namespace cnkg {
namespace {

constexpr std::string_view kLegalSuffixes[] = {
    "inc",   "incorporated", "llc", "l.l.c", "ltd", "limited", "gmbh", "ag", "corp",  "corporation",
    "co",    "plc",          "s.a", "sa",    "b.v", "bv",      "n.v",  "nv", "s.a.s", "sas",
    "s.p.a", "spa",          "srl", "s.r.l", "pty", "kk",      "k.k",  "oy", "ab",    "as",
    "a/s",   "lp",           "l.p", "llp",   "pvt", "pte",     "gk",   "se"};

// Words that, alone, are not an organisation.
constexpr std::string_view kNonOrganizations[] = {"independent",
                                                  "independant",  // a common misspelling
                                                  "self",
                                                  "self-employed",
                                                  "freelance",
                                                  "freelancer",
                                                  "none",
                                                  "n/a",
                                                  "na",
                                                  "unaffiliated",
                                                  "retired",
                                                  "student",
                                                  "tbd",
                                                  "tba",
                                                  "-",
                                                  "private",
                                                  "individual",
                                                  "independent contributor",
                                                  "independent consultant",
                                                  "open source contributor",
                                                  "moderator",
                                                  "host",
                                                  "co-host",
                                                  "chair",
                                                  "panelist",
                                                  "panellist",
                                                  "emcee",
                                                  "mc",
                                                  "facilitator",
                                                  "独立开发者",
                                                  "独立顾问",
                                                  "独立贡献者",
                                                  "自由职业者",
                                                  "自由职业",
                                                  "个人开发者",
                                                  "学生",
                                                  "無所属",
                                                  "フリーランス",
                                                  "個人",
                                                  "프리랜서",
                                                  "무소속",
                                                  "개인"};

std::string WithoutTrailingDot(std::string_view w) {
  std::string s = AsciiLower(Trim(w));
  while (!s.empty() && (s.back() == '.' || s.back() == ',')) s.pop_back();
  return s;
}

struct AliasTable {
  std::unordered_map<std::string, std::string> canonical_by_folded;
  std::unordered_map<std::string, std::vector<std::string>> aliases_by_canonical;
};

const AliasTable& OrgAliases() {
  static const AliasTable* table = [] {
    auto* t = new AliasTable;
    std::string_view data = EmbeddedFile("organizations.tsv");
    for (const std::string& line : Split(data, "\n")) {
      if (line.empty() || line[0] == '#') continue;
      auto cols = Split(line, "\t", true);
      if (cols.empty()) continue;
      const std::string& canonical = cols[0];
      t->canonical_by_folded[FoldName(canonical)] = canonical;
      if (cols.size() > 1) {
        for (const std::string& a : Split(cols[1], "|")) {
          t->canonical_by_folded[FoldName(a)] = canonical;
          t->aliases_by_canonical[canonical].push_back(a);
        }
      }
    }
    return t;
  }();
  return *table;
}

// "NAME (ABBR)" or "NAME(ABBR)" at the end: returns true and fills the parts.
bool SplitTrailingAbbreviation(std::string_view raw, std::string* name, std::string* abbr) {
  static const RE2 re(R"(^(.*?[^\s(])\s*\(\s*([^()]{1,40}?)\s*\)\s*$)");
  assert(re.ok());
  return RE2::FullMatch(raw, re, name, abbr);
}

}  // namespace

bool IsLegalSuffix(std::string_view word) {
  std::string w = WithoutTrailingDot(word);
  if (w.empty()) return false;
  for (std::string_view s : kLegalSuffixes)
    if (w == s) return true;
  return false;
}

std::string StripLegalSuffix(std::string_view name) {
  std::string s = CollapseSpaces(name);
  // "X Inc - USA": a country or region after the suffix goes with it.
  static const RE2 country(R"(^(.*\S)\s+-\s+[A-Z][A-Za-z .]{1,30}$)");
  std::string head;
  if (RE2::FullMatch(s, country, &head)) {
    std::size_t sp = head.find_last_of(" ,");
    if (sp != std::string::npos && IsLegalSuffix(head.substr(sp + 1))) s = head;
  }
  // Chinese and Japanese legal forms, written without a space before or after the name:
  // "蓝鲸数据科技有限公司", "株式会社ミナト電算", "ミナト電算株式会社".
  static constexpr std::string_view kCjkForms[] = {"股份有限公司", "有限责任公司", "有限公司",
                                                   "株式会社",     "有限会社",     "合同会社",
                                                   "(株)",         "（株）"};
  for (bool again = true; again;) {
    again = false;
    for (std::string_view f : kCjkForms) {
      if (s.size() > f.size() && s.compare(s.size() - f.size(), f.size(), f) == 0) {
        s = CollapseSpaces(std::string_view(s).substr(0, s.size() - f.size()));
        again = true;
      } else if (s.size() > f.size() && s.compare(0, f.size(), f) == 0) {
        s = CollapseSpaces(std::string_view(s).substr(f.size()));
        again = true;
      }
    }
  }
  while (true) {
    std::size_t sp = s.find_last_of(" ,");
    if (sp == std::string::npos) break;
    std::string_view last = std::string_view(s).substr(sp + 1);
    if (!IsLegalSuffix(last)) break;
    std::string rest(Trim(std::string_view(s).substr(0, sp)));
    while (!rest.empty() && (rest.back() == ',' || rest.back() == ' ')) rest.pop_back();
    if (rest.empty()) break;
    s = rest;
  }
  return s;
}

bool IsNonOrganization(std::string_view text) {
  std::string t = AsciiLower(CollapseSpaces(text));
  if (t.empty()) return true;
  for (std::string_view s : kNonOrganizations)
    if (t == s) return true;
  // Pronouns: "she/her", "he/him/his", "they/them".
  static const RE2 pronouns(
      R"((?i)^(she|he|they|ze|xe|her|him|them)\s*/\s*(her|him|them|hers|his|theirs|they|she|he)(\s*/\s*\w+)?$)");
  return RE2::FullMatch(t, pronouns);
}

std::string CanonicalOrganizationName(std::string_view raw) {
  std::string s = CollapseSpaces(raw);
  std::string name, abbr;
  if (SplitTrailingAbbreviation(s, &name, &abbr)) s = name;
  s = StripLegalSuffix(s);
  const AliasTable& t = OrgAliases();
  auto it = t.canonical_by_folded.find(FoldName(s));
  if (it != t.canonical_by_folded.end()) return it->second;
  if (!abbr.empty()) {
    it = t.canonical_by_folded.find(FoldName(abbr));
    if (it != t.canonical_by_folded.end()) return it->second;
  }
  return s;
}

std::vector<std::string> OrganizationAliases(std::string_view raw) {
  std::string canonical = CanonicalOrganizationName(raw);
  std::vector<std::string> out;
  auto add = [&](std::string a) {
    a = CollapseSpaces(a);
    if (a.empty() || a == canonical) return;
    for (const auto& x : out)
      if (x == a) return;
    out.push_back(std::move(a));
  };
  std::string s = CollapseSpaces(raw);
  std::string name, abbr;
  if (SplitTrailingAbbreviation(s, &name, &abbr)) {
    add(abbr);
    add(StripLegalSuffix(name));
    add(name);
  } else {
    add(StripLegalSuffix(s));
    add(s);
  }
  return out;
}

namespace {

struct Edition {
  std::string region;
  int year;
  std::string city;
  std::optional<int> utc_offset;  // minutes east of UTC
};

// "+05:30" -> 330; nullopt for anything else.
std::optional<int> ParseOffset(const std::string& s) {
  static const RE2 re(R"(^([+-])(\d\d):(\d\d)$)");
  assert(re.ok());
  std::string sign;
  int h = 0, m = 0;
  if (!RE2::FullMatch(s, re, &sign, &h, &m) || h > 14 || m > 59) return std::nullopt;
  return (sign == "-" ? -1 : 1) * (h * 60 + m);
}

const std::vector<Edition>& Editions() {
  static const std::vector<Edition>* editions = [] {
    auto* out = new std::vector<Edition>;
    for (const std::string& line : Split(EmbeddedFile("events.tsv"), "\n")) {
      if (line.empty() || line[0] == '#') continue;
      auto cols = Split(line, "\t", true);
      if (cols.size() < 3) continue;
      out->push_back({cols[0], std::atoi(cols[1].c_str()), cols[2],
                      cols.size() > 3 ? ParseOffset(cols[3]) : std::nullopt});
    }
    return out;
  }();
  return *editions;
}

std::string RegionAbbreviation(const std::string& region) {
  if (region == "Europe") return "EU";
  if (region == "North America") return "NA";
  return region;
}

}  // namespace

std::optional<std::string> CanonicalEventName(std::string_view name, int year_hint) {
  const std::string f = " " + Slug(name) + " ";
  if (f.find("kubecon") == std::string::npos && f.find("cloudnativecon") == std::string::npos)
    return std::nullopt;
  static const RE2 year_re(R"(-((?:19|20)\d\d)-)");
  assert(year_re.ok());
  std::string dashed = "-" + Slug(name) + "-";
  int year = 0;
  std::string y;
  if (RE2::PartialMatch(dashed, year_re, &y)) year = std::atoi(y.c_str());
  struct RegionWord {
    const char* word;
    const char* region;
  };
  static constexpr RegionWord kRegions[] = {
      {"-europe-", "Europe"},    {"-eu-", "Europe"},   {"-north-america-", "North America"},
      {"-na-", "North America"}, {"-china-", "China"}, {"-india-", "India"},
      {"-japan-", "Japan"},
  };
  std::string region;
  for (const auto& r : kRegions)
    if (dashed.find(r.word) != std::string::npos) region = r.region;
  std::string city;
  for (const Edition& e : Editions())
    if (dashed.find("-" + Slug(e.city) + "-") != std::string::npos) city = e.city;
  if (year == 0 && !city.empty()) {
    // "KubeCon London": the hint, or the city's only edition.
    int found = 0, count = 0;
    for (const Edition& e : Editions()) {
      if (e.city != city) continue;
      if (year_hint && e.year == year_hint) {
        found = e.year;
        count = 1;
        break;
      }
      found = e.year;
      ++count;
    }
    if (count == 1) year = found;
  }
  if (year == 0 && !region.empty() && year_hint) year = year_hint;
  if (region.empty() && !city.empty() && year) {
    for (const Edition& e : Editions())
      if (e.city == city && e.year == year) region = e.region;
  }
  if (region.empty() || year == 0) return std::nullopt;
  return "KubeCon + CloudNativeCon " + region + " " + std::to_string(year);
}

std::optional<int> EventUtcOffsetMinutes(std::string_view name, int year_hint) {
  const std::optional<std::string> canonical = CanonicalEventName(name, year_hint);
  if (!canonical) return std::nullopt;
  for (const Edition& e : Editions()) {
    if (*canonical == "KubeCon + CloudNativeCon " + e.region + " " + std::to_string(e.year))
      return e.utc_offset;
  }
  return std::nullopt;
}

std::vector<std::string> EventAliases(std::string_view canonical) {
  static const RE2 re(R"(^KubeCon \+ CloudNativeCon (.+) (\d{4})$)");
  assert(re.ok());
  std::string region;
  int year = 0;
  std::vector<std::string> out;
  if (!RE2::FullMatch(canonical, re, &region, &year)) return out;
  const std::string ys = std::to_string(year);
  const std::string abbr = RegionAbbreviation(region);
  out.push_back("KubeCon " + region + " " + ys);
  if (abbr != region) {
    out.push_back("KubeCon " + abbr + " " + ys);
    out.push_back("KubeCon + CloudNativeCon " + abbr + " " + ys);
  }
  for (const Edition& e : Editions()) {
    if (e.region != region || e.year != year) continue;
    out.push_back("KubeCon " + e.city + " " + ys);
    out.push_back("KubeCon + CloudNativeCon " + e.city + " " + ys);
    int editions_in_city = 0;
    for (const Edition& x : Editions()) editions_in_city += x.city == e.city;
    if (editions_in_city == 1) out.push_back("KubeCon " + e.city);
  }
  return out;
}

std::string MakeKey(Label label, std::string_view name) {
  std::string base;
  if (label == Label::kOrganization) {
    base = CanonicalOrganizationName(name);
  } else if (label == Label::kEvent) {
    base = CanonicalEventName(name).value_or(std::string(name));
  } else {
    base = std::string(name);
  }
  return std::string(KeyPrefix(label)) + ":" + Slug(base);
}

}  // namespace cnkg
