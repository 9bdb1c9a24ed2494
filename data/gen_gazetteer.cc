// cnkg_gen_gazetteer: writes data/gazetteer/landscape_projects.tsv from the CNCF landscape.yml.
//
//   cnkg_gen_gazetteer --landscape landscape.yml --extras data/gazetteer/extra_projects.tsv
//       [--words /usr/share/dict/words] [--output data/gazetteer/landscape_projects.tsv]
//
// Keeps the landscape's projects and products (not the "CNCF Members" category; items named
// after their own vendor are kept with the flag "company": the matcher takes them for products
// only where a text uses them as one), merges an item listed twice (by name, or
// by repository unless the landscape allows the duplicate) into one row, splits "Name (ABBR)"
// into a name and an alias, gives "Apache Foo" the alias "Foo", merges the hand-written aliases
// flags and cues of extra_projects.tsv rows that name a landscape item, and marks as case-sensitive
// every spelling made only of everyday English words (the lower-case words of the word list,
// Debian's wamerican). Prints to stderr the extra rows whose everyday-word spellings are not
// marked. The columns are documented in data/gazetteer/README.md.

#include <re2/re2.h>

#include <algorithm>
#include <cassert>
#include <cctype>
#include <cstdio>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/files.h"
#include "common/strings.h"
#include "extract/gazetteer/gazetteer.h"
#include "extract/gazetteer/landscape.h"

namespace cnkg {
namespace {

// Landscape categories and subcategories whose items are not software projects: organisations
// (members, certified service providers, training partners) and programming languages.
constexpr std::string_view kMembersCategory = "CNCF Members";
constexpr std::string_view kNonProjectSubcategories[] = {
    "Kubernetes Certified Service Provider",
    "Kubernetes and Cloud Native Training Partner",
    "Languages",
};

bool IsNonProjectListing(const LandscapeItem& item) {
  if (item.category == kMembersCategory) return true;
  return std::find(std::begin(kNonProjectSubcategories), std::end(kNonProjectSubcategories),
                   item.subcategory) != std::end(kNonProjectSubcategories);
}

struct Options {
  std::string landscape;
  std::string extras;
  std::string words = "/usr/share/dict/words";
  std::string output;    // stdout when empty
  bool verbose = false;  // list the items left out on stderr
};

bool ParseArgs(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--verbose") {
      o.verbose = true;
      continue;
    }
    if (i + 1 >= argc) return false;
    if (a == "--landscape") {
      o.landscape = argv[++i];
    } else if (a == "--extras") {
      o.extras = argv[++i];
    } else if (a == "--words") {
      o.words = argv[++i];
    } else if (a == "--output") {
      o.output = argv[++i];
    } else {
      return false;
    }
  }
  return !o.landscape.empty() && !o.extras.empty();
}

// The lower-case entries of the word list: the everyday words ("keep", "helm"); capitalised
// entries are proper nouns ("Prometheus") and do not count.
std::set<std::string, std::less<>> EverydayWords(const std::string& text) {
  std::set<std::string, std::less<>> out;
  for (const std::string& w : Split(text, "\n")) {
    if (!w.empty() &&
        std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      out.insert(w);
    }
  }
  return out;
}

bool IsAllCaps(std::string_view s) {
  int letters = 0;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

// True when every word of `spelling` is an everyday word. All-capital abbreviations are left to
// the matcher, which takes them case-sensitively anyway.
bool IsEveryday(std::string_view spelling, const std::set<std::string, std::less<>>& words) {
  if (IsAllCaps(spelling)) return false;
  std::string s(spelling);
  for (char& c : s) {
    if (c == '-' || c == '/') c = ' ';
  }
  const std::vector<std::string> parts = Split(s, " ");
  if (parts.empty()) return false;
  for (const std::string& p : parts) {
    if (!words.count(AsciiLower(p))) return false;
  }
  return true;
}

// "https://github.com/Apache/Flink/" -> "github.com/apache/flink".
std::string RepoKey(std::string_view url) {
  std::string s = AsciiLower(Trim(url));
  for (std::string_view p : {"https://", "http://"}) {
    if (s.rfind(p, 0) == 0) s.erase(0, p.size());
  }
  if (s.rfind("www.", 0) == 0) s.erase(0, 4);
  while (!s.empty() && s.back() == '/') s.pop_back();
  if (s.size() > 4 && s.compare(s.size() - 4, 4, ".git") == 0) s.resize(s.size() - 4);
  return s;
}

// The name of the repository of a repo_url: "https://github.com/nginx/nginx" -> "nginx".
std::string RepoName(std::string_view url) {
  const std::string key = RepoKey(url);
  const std::vector<std::string> parts = Split(key, "/");
  return parts.size() >= 3 ? parts[2] : "";
}

// An item named after its own vendor ("Acme" by crunchbase organisation "acme") is a company's
// product, unless its source repository is named like it: open-source projects that are their
// own crunchbase organisation ("PostgreSQL" in postgres/postgres, "NGINX") are plain projects.
bool IsCompanyNamed(const LandscapeItem& item, const ItemName& name) {
  if (!item.project.empty()) return false;
  const std::string slug = Slug(name.base);
  const std::string org = CrunchbaseOrganization(item.crunchbase);
  const bool vendor_named = (!org.empty() && Slug(org) == slug) ||
                            (!item.organization.empty() && Slug(item.organization) == slug);
  if (!vendor_named) return false;
  std::string repo = RepoName(item.repo_url), compact;
  std::erase_if(repo, [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); });
  for (char c : slug) {
    if (c != '-') compact.push_back(c);
  }
  const bool repo_named_alike =
      !repo.empty() && (repo.rfind(compact, 0) == 0 || compact.rfind(repo, 0) == 0);
  return !repo_named_alike;
}

// True when a landscape description says the item is itself a Kubernetes operator: "The most
// popular Kubernetes Operator for PostgreSQL", "X is an open-source Kubernetes operator that...".
bool DescribesAnOperator(std::string_view description) {
  static const RE2 kOperator(R"(^(?:\S+\s+is\s+)?(?i:an?|the)\b[^.]{0,60}\b(?i:operator)\b)");
  assert(kOperator.ok());
  return RE2::PartialMatch(description, kOperator);
}

void AddUnique(std::vector<std::string>& list, const std::string& s) {
  if (!s.empty() && std::find(list.begin(), list.end(), s) == list.end()) list.push_back(s);
}

int Run(const Options& opt) {
  std::vector<Diagnostic> warnings;
  Result<std::vector<LandscapeItem>> items = ReadLandscape(opt.landscape, &warnings);
  if (!items.ok()) {
    std::fprintf(stderr, "%s\n", items.status().message().c_str());
    return 1;
  }
  for (const Diagnostic& w : warnings) std::fprintf(stderr, "%s\n", w.ToString().c_str());
  Result<std::string> extras_text = ReadFile(opt.extras);
  if (!extras_text.ok()) {
    std::fprintf(stderr, "%s\n", extras_text.status().message().c_str());
    return 1;
  }
  Result<std::vector<GazetteerRow>> extras =
      ParseGazetteerTsv(*extras_text, opt.extras, /*all_columns=*/false);
  if (!extras.ok()) {
    std::fprintf(stderr, "%s\n", extras.status().message().c_str());
    return 1;
  }
  Result<std::string> words_text = ReadFile(opt.words);
  if (!words_text.ok()) {
    std::fprintf(stderr, "%s (install Debian's wamerican)\n",
                 words_text.status().message().c_str());
    return 1;
  }
  const std::set<std::string, std::less<>> words = EverydayWords(*words_text);

  // Extra rows by every name they give, to find the ones that name a landscape item; a row's
  // own name comes before another row's alias ("Dragonfly" is the row of that name, not the
  // DragonflyDB row that has it as an alias).
  std::unordered_map<std::string, const GazetteerRow*> extra_by_name;
  for (const GazetteerRow& r : *extras) extra_by_name.emplace(FoldName(r.name), &r);
  for (const GazetteerRow& r : *extras) {
    for (const std::string& a : r.aliases) extra_by_name.emplace(FoldName(a), &r);
  }
  auto extra_for = [&](const std::string& name) -> const GazetteerRow* {
    auto it = extra_by_name.find(FoldName(name));
    return it == extra_by_name.end() ? nullptr : it->second;
  };

  std::vector<GazetteerRow> rows;
  std::unordered_map<std::string, std::size_t> by_name, by_repo;
  std::set<const GazetteerRow*> merged_extras;
  int companies = 0, members = 0;
  for (const LandscapeItem& item : *items) {
    if (IsNonProjectListing(item)) {
      ++members;
      continue;
    }
    const ItemName name = SplitItemName(item);
    const GazetteerRow* extra = extra_for(name.base);
    if (extra == nullptr && !name.abbreviation.empty()) extra = extra_for(name.abbreviation);
    const bool company = extra == nullptr && IsCompanyNamed(item, name);
    if (company) {
      if (opt.verbose) std::fprintf(stderr, "company: %s\n", item.name.c_str());
      ++companies;
    }
    const std::string repo = item.allow_duplicate_repo ? "" : RepoKey(item.repo_url);
    std::size_t index = rows.size();
    if (auto it = by_name.find(FoldName(name.base)); it != by_name.end()) {
      index = it->second;
    } else if (auto ie = extra ? by_name.find(FoldName(extra->name)) : by_name.end();
               ie != by_name.end()) {
      index = ie->second;  // another listing already took the extra row's name
    } else if (auto ir = by_repo.find(repo); !repo.empty() && ir != by_repo.end()) {
      // The same repository is the same project, unless a hand-written row names this listing
      // as a project of its own ("Kubeflow Notebooks" in the repository of "Kubeflow").
      if (extra == nullptr || FoldName(extra->name) == FoldName(rows[ir->second].name)) {
        index = ir->second;
      }
    }
    if (index == rows.size()) {
      GazetteerRow row;
      row.name = name.base;
      row.maturity = item.project;
      row.category = item.category;
      row.subcategory = item.subcategory;
      row.homepage = item.homepage_url;
      row.repo = item.repo_url;
      row.company = company;
      rows.push_back(std::move(row));
    }
    GazetteerRow& row = rows[index];
    if (row.maturity.empty() && !item.project.empty()) {
      // The CNCF project's own listing wins over another listing of the same thing.
      AddUnique(row.aliases, row.name);
      row.name = name.base;
      row.maturity = item.project;
      row.category = item.category;
      row.subcategory = item.subcategory;
    }
    if (FoldName(name.base) != FoldName(row.name)) AddUnique(row.aliases, name.base);
    AddUnique(row.aliases, name.abbreviation);
    if (name.base.rfind("Apache ", 0) == 0) {
      // "Apache Spark" is also "Spark", but "Apache AGE" is not "AGE": an everyday word in
      // capitals is more often just that word.
      const std::string short_name = name.base.substr(7);
      if (!(IsAllCaps(short_name) && words.count(AsciiLower(short_name)))) {
        AddUnique(row.aliases, short_name);
      }
    }
    static const RE2 kByVendor(R"(^(.+?)\s+by\s+[A-Z].*$)");
    assert(kByVendor.ok());
    if (std::string product; RE2::FullMatch(name.base, kByVendor, &product)) {
      AddUnique(row.aliases, product);  // "KubeBlocks by ApeCloud" is also "KubeBlocks"
    }
    if (DescribesAnOperator(item.description)) {
      // "CloudNativePG Operator" is CloudNativePG itself, not a sub-project of it.
      AddUnique(row.aliases, name.base + " Operator");
    }
    if (row.homepage.empty()) row.homepage = item.homepage_url;
    if (row.repo.empty()) row.repo = item.repo_url;
    if (extra != nullptr) {
      merged_extras.insert(extra);
      if (extra->name != row.name) {  // the hand-written name is the display name
        AddUnique(row.aliases, row.name);
        row.name = extra->name;
      }
      for (const std::string& a : extra->aliases) AddUnique(row.aliases, a);
      for (const std::string& c : extra->case_sensitive) AddUnique(row.case_sensitive, c);
      for (const std::string& c : extra->cues) AddUnique(row.cues, c);
      row.platform = row.platform || extra->platform;
      row.skip = row.skip || extra->skip;
      row.company = row.company || extra->company;
    }
    std::erase(row.aliases, row.name);
    by_name.emplace(FoldName(name.base), index);
    by_name.emplace(FoldName(row.name), index);
    if (!repo.empty()) by_repo.emplace(repo, index);
  }

  std::string out =
      "# Generated by cnkg_gen_gazetteer from the CNCF landscape.yml and extra_projects.tsv;"
      " do not edit. Columns (see README.md):\n"
      "# name\taliases\tcase_sensitive\tflags\tmaturity\tcategory\tsubcategory\thomepage\trepo"
      "\tcues\n";
  int written = 0;
  for (GazetteerRow& row : rows) {
    if (row.skip) continue;
    std::vector<std::string> spellings = {row.name};
    spellings.insert(spellings.end(), row.aliases.begin(), row.aliases.end());
    for (const std::string& s : spellings) {
      if (IsEveryday(s, words)) AddUnique(row.case_sensitive, s);
    }
    row.skip = false;
    out += FormatGazetteerRow(row);
    out += '\n';
    ++written;
  }

  for (const GazetteerRow& r : *extras) {
    if (merged_extras.count(&r) || r.skip) continue;
    std::vector<std::string> spellings = {r.name};
    spellings.insert(spellings.end(), r.aliases.begin(), r.aliases.end());
    for (const std::string& s : spellings) {
      if (IsEveryday(s, words) && std::find(r.case_sensitive.begin(), r.case_sensitive.end(), s) ==
                                      r.case_sensitive.end()) {
        std::fprintf(stderr, "%s:%d: note: '%s' is an everyday word; list it as case-sensitive\n",
                     opt.extras.c_str(), r.line, s.c_str());
      }
    }
  }

  std::fprintf(stderr,
               "%d projects written; left out %d organisation or language listings; %d "
               "company-named items flagged\n",
               written, members, companies);
  if (opt.output.empty()) {
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
  }
  Status s = WriteFileAtomically(opt.output, out);
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace cnkg

int main(int argc, char** argv) {
  cnkg::Options options;
  if (!cnkg::ParseArgs(argc, argv, options)) {
    std::fprintf(stderr,
                 "usage: %s --landscape landscape.yml --extras extra_projects.tsv"
                 " [--words /usr/share/dict/words] [--output landscape_projects.tsv]\n",
                 argc > 0 ? argv[0] : "cnkg_gen_gazetteer");
    return 2;
  }
  return cnkg::Run(options);
}
