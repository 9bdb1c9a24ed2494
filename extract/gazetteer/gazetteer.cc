#include "extract/gazetteer/gazetteer.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cassert>
#include <cctype>
#include <cstdio>
#include <deque>
#include <mutex>
#include <optional>
#include <set>
#include <utility>

#include "common/embedded.h"
#include "common/strings.h"
#include "extract/gazetteer/gazetteer_context.h"

namespace cnkg {

using namespace gazetteer_internal;  // NOLINT: the module's own helpers

namespace {

// The expression of a repository URL, as found by the set (a superset of what RepoKey accepts).
constexpr std::string_view kRepoUrlPattern =
    R"((?i:github|gitlab)\.com/[A-Za-z0-9_.\-]+/[A-Za-z0-9_.\-]+)";

void AddUnique(std::vector<std::string>& list, const std::string& s) {
  if (std::find(list.begin(), list.end(), s) == list.end()) list.push_back(s);
}

// Which of the entries sharing a name is meant when no context cue decides: a CNCF project,
// else a plain project, else a company-named product.
int Preference(const ProjectEntry& e) { return e.cncf ? 2 : e.company ? 0 : 1; }

// A repository URL in text; its one group is the part RepoKey reads.
const RE2& RepoUrlExpression() {
  static const RE2 url(R"((?:^|[^A-Za-z0-9.\-/])(?:(?i:https?)://)?(?:(?i:www)\.)?)"
                       R"(((?i:github|gitlab)\.com/[A-Za-z0-9\-]+/[A-Za-z0-9_.\-]+))");
  assert(url.ok());
  return url;
}

}  // namespace

// ---- The compiled matcher. ----

struct Gazetteer::Matcher {
  // One way of writing an entry's name.
  struct Spelling {
    std::size_t entry;
    std::string text;  // as written in the data
    bool exact_case;   // matches only as written
    bool everyday;     // an everyday English word: subject to the ordinary-word checks
    // An everyday word in lower case ("cilium", "kind"): a name only right before one of the
    // project's cues ("cilium cni") or beside a link to the project's site or repository.
    bool lower = false;
  };
  // One expression of the set: the spellings (of one or more entries) that it matches.
  struct Pattern {
    std::string regex;  // with its word boundaries
    std::vector<std::size_t> spellings;
    mutable std::once_flag once;
    mutable std::unique_ptr<const RE2> re;  // compiled on first use
  };

  std::vector<Spelling> spellings;
  std::unordered_map<std::string, std::vector<std::size_t>> by_key;  // Key(text) -> spellings
  std::deque<Pattern> patterns;  // index i is expression i of the set
  std::unique_ptr<RE2::Set> set;
  int url_index = -1;                                    // the repository URL in the set
  std::unordered_map<std::string, std::size_t> by_repo;  // RepoKey -> entry
  // Host of a project's homepage ("cilium.io") -> entry; hosts that several projects share, or
  // that host code for everyone (github.com), are left out.
  std::unordered_map<std::string, std::size_t> by_host;

  // The expression of pattern i, compiled once.
  const RE2& Expression(std::size_t i) const {
    const Pattern& p = patterns[i];
    std::call_once(p.once, [&p] {
      RE2::Options options;
      options.set_longest_match(true);
      options.set_log_errors(false);
      p.re = std::make_unique<const RE2>(p.regex, options);
    });
    return *p.re;
  }

  // Adds to `hits` the patterns that occur in `text`; false when the set ran out of memory.
  bool Hits(std::string_view text, std::vector<int>& hits) const {
    std::vector<int> v;
    RE2::Set::ErrorInfo info{};
    if (set->Match(re2::StringPiece(text.data(), text.size()), &v, &info)) {
      hits.insert(hits.end(), v.begin(), v.end());
      return true;
    }
    return info.kind == RE2::Set::kNoError;  // no match at all
  }
};

std::string SpellingRegex(std::string_view text, bool exact_case) {
  const std::string source = exact_case ? std::string(text) : AsciiLower(text);
  const std::string sep = exact_case ? R"([ \t]+)" : R"([ \t\-]+)";
  std::string body, part;
  auto flush = [&] {
    if (part.empty()) return;
    if (!body.empty()) body += sep;
    body += RE2::QuoteMeta(part);
    part.clear();
  };
  for (char c : source) {
    if (c == ' ' || (c == '-' && !exact_case)) {
      flush();
    } else {
      part.push_back(c);
    }
  }
  flush();
  if (body.empty()) return "";
  std::string re = IsWordChar(source.front()) ? R"(\b)" : R"(\B)";
  re += exact_case ? body : "(?i:" + body + ")";
  re += IsWordChar(source.back()) ? R"(\b)" : R"(\B)";
  return re;
}

// ---- Building. ----

Gazetteer::Gazetteer() = default;
Gazetteer::~Gazetteer() = default;

const Gazetteer& Gazetteer::Builtin() {
  static const Gazetteer* const kBuiltin = [] {
    Result<Gazetteer> g =
        FromTsv(EmbeddedFile("landscape_projects.tsv"), EmbeddedFile("extra_projects.tsv"));
    if (!g.ok()) {
      std::fprintf(stderr, "cnkg: built-in gazetteer: %s\n", g.status().message().c_str());
      return new Gazetteer();
    }
    return new Gazetteer(std::move(g).value());
  }();
  return *kBuiltin;
}

void Gazetteer::AddEntry(const GazetteerRow& r) {
  ProjectEntry e;
  e.name = r.name;
  for (const std::string& a : r.aliases) {
    if (a != r.name) AddUnique(e.aliases, a);
  }
  e.maturity = r.maturity;
  e.category = r.category;
  e.subcategory = r.subcategory;
  e.homepage = r.homepage;
  e.repo = r.repo;
  e.cncf = !r.maturity.empty();
  e.cues = r.cues;
  e.company = r.company;
  by_name_.emplace(FoldName(e.name), entries_.size());
  entries_.push_back(std::move(e));
  data_.push_back(EntryData{r.case_sensitive, r.platform, r.skip});
}

void Gazetteer::MergeRow(const GazetteerRow& r, bool by_any_spelling) {
  std::size_t target = entries_.size();
  bool by_alias = false;
  if (auto it = by_name_.find(FoldName(r.name)); it != by_name_.end()) {
    target = it->second;
  } else {
    for (const std::string& a : r.aliases) {
      if (auto ia = by_name_.find(FoldName(a)); ia != by_name_.end()) {
        target = ia->second;
        by_alias = true;
        break;
      }
    }
  }
  bool names_alias = false;  // the row's name is an alias of the entry: it keeps its name
  if (target == entries_.size() && by_any_spelling) {
    const std::string folded = FoldName(r.name);
    for (std::size_t i = 0; i < entries_.size() && target == entries_.size(); ++i) {
      for (const std::string& a : entries_[i].aliases) {
        if (FoldName(a) == folded) {
          target = i;
          names_alias = true;
          break;
        }
      }
    }
  }
  if (target == entries_.size()) {
    AddEntry(r);  // a skip row of its own blocks a shorter name inside it ("Linux Foundation")
    return;
  }
  ProjectEntry& e = entries_[target];
  if (names_alias) {
    AddUnique(e.aliases, r.name);
  } else if (by_alias || e.name != r.name) {  // the hand-written name is the display name
    AddUnique(e.aliases, e.name);
    e.name = r.name;
    by_name_.emplace(FoldName(e.name), target);
  }
  for (const std::string& a : r.aliases) AddUnique(e.aliases, a);
  std::erase(e.aliases, e.name);
  for (const std::string& c : r.cues) AddUnique(e.cues, c);
  e.company = e.company || r.company;
  EntryData& d = data_[target];
  for (const std::string& cs : r.case_sensitive) AddUnique(d.case_sensitive, cs);
  d.platform = d.platform || r.platform;
  d.skip = d.skip || r.skip;
  if (e.homepage.empty()) e.homepage = r.homepage;
  if (e.repo.empty()) e.repo = r.repo;
}

Result<Gazetteer> Gazetteer::FromTsv(std::string_view landscape_tsv, std::string_view extra_tsv) {
  Result<std::vector<GazetteerRow>> landscape =
      ParseGazetteerTsv(landscape_tsv, "landscape_projects.tsv", true);
  if (!landscape.ok()) return landscape.status();
  Result<std::vector<GazetteerRow>> extra =
      ParseGazetteerTsv(extra_tsv, "extra_projects.tsv", false);
  if (!extra.ok()) return extra.status();
  Gazetteer g;
  for (const GazetteerRow& r : *landscape) g.AddEntry(r);
  for (const GazetteerRow& r : *extra) g.MergeRow(r, /*by_any_spelling=*/false);
  CNKG_RETURN_IF_ERROR(g.Compile());
  return g;
}

Result<Gazetteer> Gazetteer::WithUserFile(const Gazetteer& base, std::string_view user_tsv,
                                          std::string_view file_name) {
  Result<std::vector<GazetteerRow>> rows = ParseGazetteerTsv(user_tsv, file_name, false);
  if (!rows.ok()) return rows.status();
  Gazetteer g;
  g.entries_ = base.entries_;
  g.data_ = base.data_;
  g.by_name_ = base.by_name_;
  for (const GazetteerRow& r : *rows) g.MergeRow(r, /*by_any_spelling=*/true);
  CNKG_RETURN_IF_ERROR(g.Compile());
  return g;
}

Status Gazetteer::Compile() {
  // Names spelled by more than one entry are kept out of own_aliases.
  std::unordered_map<std::string, int> spelled_by;
  for (const ProjectEntry& e : entries_) {
    std::set<std::string> names = {FoldName(e.name)};
    for (const std::string& a : e.aliases) names.insert(FoldName(a));
    for (const std::string& n : names) ++spelled_by[n];
  }
  for (ProjectEntry& e : entries_) {
    e.own_aliases.clear();
    for (const std::string& a : e.aliases)
      if (spelled_by[FoldName(a)] == 1) e.own_aliases.push_back(a);
  }
  auto m = std::make_shared<Matcher>();
  // Keys of the everyday-word spellings: another spelling with the same letters ("KinD" next to
  // "kind") must match as written too, or it would match the everyday word.
  std::set<std::string> everyday_keys;
  for (const EntryData& d : data_) {
    for (const std::string& cs : d.case_sensitive) everyday_keys.insert(Key(cs));
  }
  std::unordered_map<std::string, std::size_t> by_regex;  // expression -> pattern
  std::set<std::string> shared_hosts;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const std::vector<std::string>& cs = data_[i].case_sensitive;
    std::vector<std::string> all = {entries_[i].name};
    all.insert(all.end(), entries_[i].aliases.begin(), entries_[i].aliases.end());
    // An everyday word in lower case ("kind", or "cilium" for "Cilium") cannot be told from
    // the word itself: it is matched as written and needs more (Spelling::lower).
    std::vector<std::pair<std::string, bool>> spellings;  // text, lower
    for (const std::string& text : all) {
      const bool everyday = std::find(cs.begin(), cs.end(), text) != cs.end();
      const bool plain_lower = std::none_of(text.begin(), text.end(), [](char c) {
        return IsAsciiUpper(c) || c == '-' || std::isdigit(static_cast<unsigned char>(c));
      });
      spellings.emplace_back(text, everyday && plain_lower);
      if (everyday && !plain_lower) {
        std::string lower = text;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (lower != text && std::find(cs.begin(), cs.end(), lower) == cs.end())
          spellings.emplace_back(lower, true);
      }
    }
    for (const auto& [text, lower] : spellings) {
      const bool everyday = lower || std::find(cs.begin(), cs.end(), text) != cs.end();
      const bool exact = everyday || IsAllCaps(text) || everyday_keys.count(Key(text)) > 0;
      const std::string regex = SpellingRegex(text, exact);
      if (regex.empty()) continue;
      auto [it, added] = by_regex.emplace(regex, m->patterns.size());
      if (added) {
        m->patterns.emplace_back();
        m->patterns.back().regex = regex;
      }
      Matcher::Pattern& p = m->patterns[it->second];
      // One spelling per entry and expression ("Argo CD" and "Argo-CD" are one).
      if (std::any_of(p.spellings.begin(), p.spellings.end(),
                      [&](std::size_t s) { return m->spellings[s].entry == i; })) {
        continue;
      }
      p.spellings.push_back(m->spellings.size());
      m->by_key[Key(text)].push_back(m->spellings.size());
      m->spellings.push_back(Matcher::Spelling{i, text, exact, everyday, lower});
    }
    if (!data_[i].skip) {
      const std::string repo = RepoKey(entries_[i].repo);
      if (!repo.empty()) {
        auto [it, added] = m->by_repo.emplace(repo, i);
        if (!added && entries_[i].cncf && !entries_[it->second].cncf) it->second = i;
      }
      const std::string host = UrlHost(entries_[i].homepage);
      if (!host.empty() && host != "github.com" && host != "gitlab.com") {
        auto [it, added] = m->by_host.emplace(host, i);
        if (!added && it->second != i) shared_hosts.insert(host);
      }
    }
  }
  for (const std::string& host : shared_hosts) m->by_host.erase(host);
  if (m->patterns.empty()) {
    matcher_.reset();
    return Status::Ok();
  }
  RE2::Options options;
  options.set_max_mem(int64_t{512} << 20);
  options.set_log_errors(false);
  m->set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const Matcher::Pattern& p : m->patterns) {
    std::string error;
    if (m->set->Add(p.regex, &error) < 0) {
      return Status::Internal("gazetteer pattern '" + p.regex + "' does not compile: " + error);
    }
  }
  std::string error;
  m->url_index = m->set->Add(kRepoUrlPattern, &error);
  if (m->url_index < 0) return Status::Internal("repository URL pattern: " + error);
  if (!m->set->Compile()) return Status::Internal("gazetteer patterns do not compile together");
  matcher_ = std::move(m);
  return Status::Ok();
}

const ProjectEntry& Gazetteer::entry(std::size_t i) const {
  assert(i < entries_.size());
  return entries_[i];
}

std::size_t Gazetteer::Find(std::string_view name) const {
  if (!matcher_) return entries_.size();
  auto it = matcher_->by_key.find(Key(name));
  if (it == matcher_->by_key.end()) return entries_.size();
  std::size_t found = entries_.size();
  for (std::size_t s : it->second) {
    const std::size_t e = matcher_->spellings[s].entry;
    if (data_[e].skip) continue;
    if (found == entries_.size() || Preference(entries_[e]) > Preference(entries_[found])) {
      found = e;
    }
  }
  return found;
}

// ---- Matching. ----

std::vector<ProjectMention> Gazetteer::FindMentions(std::string_view text) const {
  return FindMentions(text, {});
}

std::vector<ProjectMention> Gazetteer::FindMentions(std::string_view text,
                                                    std::string_view context) const {
  return FindMentions(text, context, false);
}

std::vector<ProjectMention> Gazetteer::FindMentions(std::string_view text, std::string_view context,
                                                    bool continues_sentence) const {
  std::vector<ProjectMention> out;
  if (!matcher_ || text.empty()) return out;
  const Matcher& m = *matcher_;

  // Which expressions occur, and where. The set reads the text once, in pieces of whole lines
  // of about kPiece bytes (a longer line in windows of kWindow bytes that overlap by kOverlap,
  // more than any name is long), so that the expressions it finds in a piece are then searched
  // in that piece only: the work stays proportional to the text, not to the text times the
  // number of names in it.
  constexpr std::size_t kPiece = 2048;
  constexpr std::size_t kWindow = 1024;
  constexpr std::size_t kOverlap = 128;
  struct Occurrence {
    std::size_t begin, end;
    std::size_t pattern;
  };
  std::vector<Occurrence> occ;
  bool urls = false;
  const re2::StringPiece whole(text.data(), text.size());
  std::vector<int> hits;
  // Finds the occurrences that begin in [from, keep) within [from, to).
  auto search = [&](std::size_t from, std::size_t keep, std::size_t to) {
    hits.clear();
    if (!m.Hits(text.substr(from, to - from), hits)) {
      // The set ran out of memory: ask it line by line, and search a line it still fails on
      // with every expression.
      hits.clear();
      for (std::size_t b = from; b < to;) {
        std::size_t nl = std::min(text.find('\n', b), to);
        if (nl > b && !m.Hits(text.substr(b, nl - b), hits)) {
          for (int i = 0; i <= m.url_index; ++i) hits.push_back(i);
        }
        b = nl + 1;
      }
      std::sort(hits.begin(), hits.end());
      hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
    }
    for (int h : hits) {
      if (h == m.url_index) {
        urls = true;
        continue;
      }
      const RE2& re = m.Expression(static_cast<std::size_t>(h));
      if (!re.ok()) continue;
      re2::StringPiece piece;
      // The whole text is the context, so word boundaries at the ends of the piece are right.
      for (std::size_t pos = from;
           pos < keep && re.Match(whole, pos, to, RE2::UNANCHORED, &piece, 1);) {
        const std::size_t b = static_cast<std::size_t>(piece.data() - text.data());
        const std::size_t e = b + piece.size();
        pos = e > b ? e : b + 1;
        if (e > b && b < keep) occ.push_back({b, e, static_cast<std::size_t>(h)});
      }
    }
  };
  for (std::size_t from = 0; from < text.size();) {
    std::size_t to = from;
    while (to < text.size() && (to == from || to - from < kPiece)) {
      const std::size_t nl = text.find('\n', to);
      to = nl == std::string_view::npos ? text.size() : nl + 1;
    }
    if (to - from <= 2 * kPiece) {
      search(from, to, to);
      from = to;
    } else {  // a long line: a window of it
      const std::size_t keep = from + kWindow;
      search(from, keep, std::min(text.size(), keep + kOverlap));
      from = keep;
    }
  }
  if (occ.empty() && !urls) return out;
  std::sort(occ.begin(), occ.end(), [](const Occurrence& a, const Occurrence& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    return a.pattern < b.pattern;
  });

  // Context cues of an entry whose spelling is at `at` on the line [line_begin, line_end): looked
  // for in that line (a paragraph), or on a long line in the kCueSpan bytes or more around `at`,
  // and in `context`. Read only when a decision needs them.
  constexpr std::size_t kCueSpan = 4096;
  std::optional<CueText> context_cues;
  std::vector<std::size_t> context_repos;  // entries whose repository or site `context` links to
  constexpr int kRepoLinkWeight = 100;
  CueText scope_cues;
  std::size_t scope_begin = std::string_view::npos, scope_end = 0;
  auto cue_count = [&](std::size_t entry, std::size_t at, std::size_t line_begin,
                       std::size_t line_end) {
    if (!context_cues) {
      context_cues.emplace();
      context_cues->Add(context);
      // A link to the project's repository around the name (the URL of the link that the name
      // is the text of) says which project is meant more surely than any word.
      re2::StringPiece rest(context.data(), context.size()), url;
      while (RE2::FindAndConsume(&rest, RepoUrlExpression(), &url)) {
        auto it = m.by_repo.find(RepoKey(std::string_view(url.data(), url.size())));
        if (it != m.by_repo.end()) context_repos.push_back(it->second);
      }
      // So does a link to its site.
      static const RE2 kSite(R"((?i:https?)://([A-Za-z0-9.\-]+))");
      assert(kSite.ok());
      rest = re2::StringPiece(context.data(), context.size());
      while (RE2::FindAndConsume(&rest, kSite, &url)) {
        auto it = m.by_host.find(UrlHost(std::string_view(url.data(), url.size())));
        if (it != m.by_host.end()) context_repos.push_back(it->second);
      }
    }
    int n = 0;
    if (std::find(context_repos.begin(), context_repos.end(), entry) != context_repos.end())
      n += kRepoLinkWeight;
    const std::vector<std::string>& list = entries_[entry].cues;
    if (list.empty()) return n;
    std::size_t b = line_begin, e = line_end;
    if (e - b > 2 * kCueSpan) {
      const std::size_t block = (at - line_begin) / kCueSpan;
      b = line_begin + (block > 0 ? (block - 1) * kCueSpan : 0);
      e = std::min(line_end, line_begin + (block + 2) * kCueSpan);
    }
    if (b != scope_begin || e != scope_end) {
      scope_cues = CueText();
      scope_cues.Add(text.substr(b, e - b));
      scope_begin = b;
      scope_end = e;
    }
    for (const std::string& c : list) {
      n += scope_cues.Contains(c) || context_cues->Contains(c) ? 1 : 0;
    }
    return n;
  };

  struct Candidate {
    std::size_t begin, end;  // in the line
    const Matcher::Spelling* spelling;
    Suffix suffix;
    bool accepted = false;
    bool company_blocked = false;  // a company-named product read as the company
    bool filler = false;  // an everyday word at a sentence start, read as the ordinary word
  };
  std::size_t next = 0;  // first occurrence not yet taken
  std::size_t line_start = 0;
  // A sentence start, except at the beginning of a text that continues a sentence.
  auto sentence_start = [&](std::string_view line, std::size_t begin) {
    if (!IsSentenceStart(line, begin)) return false;
    if (!continues_sentence || line_start != 0) return true;
    std::size_t first = line.find_first_not_of(" \t\"'(*-");
    return first != std::string_view::npos && first < begin;
  };
  while (line_start <= text.size() && next < occ.size()) {
    std::size_t nl = text.find('\n', line_start);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(line_start, nl - line_start);

    // Leftmost-longest, one candidate per position; a tie between the spellings of several
    // entries (a shared name) goes to the entry the context cues point at.
    std::vector<Candidate> cands;
    std::size_t cursor = line_start;
    while (next < occ.size() && occ[next].begin < nl) {
      const std::size_t first = next;
      const Occurrence& o = occ[first];
      std::size_t last = first + 1;
      while (last < occ.size() && occ[last].begin == o.begin && occ[last].end == o.end) ++last;
      const std::size_t group_end = last;
      while (last < occ.size() && occ[last].begin == o.begin) ++last;  // shorter ones
      next = last;
      if (o.begin < cursor || o.end > nl) continue;
      std::vector<const Matcher::Spelling*> options;
      for (std::size_t k = first; k < group_end; ++k) {
        for (std::size_t s : m.patterns[occ[k].pattern].spellings) {
          options.push_back(&m.spellings[s]);
        }
      }
      const Matcher::Spelling* chosen = options.front();
      if (std::any_of(options.begin(), options.end(),
                      [&](const Matcher::Spelling* s) { return s->entry != chosen->entry; })) {
        // The most cues; then a CNCF project, a plain project, a company-named product, and
        // a name that is never reported last; then the entry listed first.
        auto rank = [&](const Matcher::Spelling* s) {
          return std::make_pair(cue_count(s->entry, o.begin, line_start, nl),
                                data_[s->entry].skip ? -1 : Preference(entries_[s->entry]));
        };
        std::pair<int, int> best = rank(chosen);
        for (const Matcher::Spelling* s : options) {
          const std::pair<int, int> r = rank(s);
          if (r > best) {
            best = r;
            chosen = s;
          }
        }
      }
      const std::size_t b = o.begin - line_start;
      const std::size_t e = o.end - line_start;
      Candidate c{b, e, chosen, {}};
      if (!data_[chosen->entry].platform) {
        c.suffix = FindSuffix(line.substr(e));
        // A hyphenated name ("etcd-operator") is a name whatever precedes it.
        if (c.suffix.length > 0 && c.suffix.display.front() == ' ' &&
            StartsGenericNounPhrase(line.substr(0, b))) {
          c.suffix = Suffix();
        }
      }
      cursor = o.end + c.suffix.length;
      cands.push_back(std::move(c));
    }
    if (!cands.empty()) {
      // Whether the line is Title Cased, read when an everyday word needs it.
      std::optional<bool> title_case_value;
      auto title_case = [&] {
        if (!title_case_value) title_case_value = IsTitleCase(line);
        return *title_case_value;
      };
      // True when `c` follows the possessive of another mention: "Istio's Ambient mode" is a
      // feature of Istio.
      // Candidates are in line order and do not overlap, so only the neighbours of candidate k
      // can touch it.
      auto follows_possessive_mention = [&](std::size_t k) {
        static const RE2 kPossessive(R"((?:'|\x{2019})s?\s+$)");
        assert(kPossessive.ok());
        if (k == 0) return false;
        const std::size_t o_end = cands[k - 1].end + cands[k - 1].suffix.length;
        const std::size_t begin = cands[k].begin;
        return o_end < begin && o_end + 6 > begin &&
               RE2::FullMatch(line.substr(o_end, begin - o_end), kPossessive);
      };
      // True when the word right before candidate k is capitalised, is not an abbreviation, does
      // not start a sentence and is not part of a mention: "Home" in "at the Home Depot".
      auto follows_capitalized_word = [&](std::size_t k) {
        const Candidate& c = cands[k];
        if (c.begin < 2 || line[c.begin - 1] != ' ') return false;
        const std::size_t end = c.begin - 1;
        std::size_t start = end;
        while (start > 0 && IsWordChar(line[start - 1])) --start;
        if (start == end) return false;
        const std::string_view word = line.substr(start, end - start);
        if (!IsAsciiUpper(word[0]) || IsAllCaps(word) || sentence_start(line, start)) {
          return false;
        }
        return k == 0 || cands[k - 1].end + cands[k - 1].suffix.length <= start;
      };
      // True when the word right after candidate k is capitalised, is not an abbreviation and is
      // not part of a mention: "Vector" in "a Vector Database".
      auto precedes_capitalized_word = [&](std::size_t k) {
        const Candidate& c = cands[k];
        const std::size_t start = c.end + 1;
        if (start >= line.size() || line[c.end] != ' ') return false;
        std::size_t end = start;
        while (end < line.size() && IsWordChar(line[end])) ++end;
        if (end == start) return false;
        const std::string_view word = line.substr(start, end - start);
        if (!IsAsciiUpper(word[0]) || IsAllCaps(word)) return false;
        return k + 1 == cands.size() || cands[k + 1].begin != start;
      };
      for (std::size_t k = 0; k < cands.size(); ++k) {
        Candidate& c = cands[k];
        const Matcher::Spelling& s = *c.spelling;
        const ProjectEntry& entry = entries_[s.entry];
        if (data_[s.entry].skip) continue;  // matched only so that no shorter name is
        if (InUrlOrHostName(line, c.begin, c.end)) continue;
        if (StartsWithCompanyWord(line.substr(c.end + c.suffix.length))) continue;
        const std::string_view before = line.substr(0, c.begin);
        const std::string_view after = line.substr(c.end);
        if (entry.company && c.suffix.length == 0) {
          // A company-named product: only where used as a product.
          const CompanyUse use = ReadCompanyUse(before, after);
          if (use != CompanyUse::kProduct) {
            c.company_blocked = use == CompanyUse::kCompany;
            continue;
          }
        }
        if (!s.everyday) {
          c.accepted = true;
          continue;
        }
        if (s.lower) {
          // "cilium cni", "Sigstore's cosign"; or "[cilium service mesh](https://cilium.io/...)".
          if (StartsWithCue(line.substr(c.end + c.suffix.length), entry.cues) ||
              EndsWithCue(before, entry.cues) ||
              cue_count(s.entry, line_start + c.begin, line_start, nl) >= kRepoLinkWeight) {
            c.accepted = true;
          }
          continue;
        }
        const std::string_view next_word = NextLowerWord(after);
        if (sentence_start(line, c.begin) && !next_word.empty() && IsFillerFollower(next_word) &&
            c.suffix.length == 0 && cue_count(s.entry, line_start + c.begin, line_start, nl) == 0) {
          c.filler = true;
          continue;  // "Keep your ...": an ordinary word, unless listed with a project below
        }
        const bool single_word = s.text.find_first_of(" -") == std::string::npos;
        static const RE2 kProjectPrefix(R"((?:^|\s)Project\s+$)");
        assert(kProjectPrefix.ok());
        const bool project_prefix = RE2::PartialMatch(before, kProjectPrefix);
        const bool project_noun = StartsWithProjectNoun(after);
        static const RE2 kIndefinite(R"((?:^|[^A-Za-z])(?i:a|an)\s+$)");
        assert(kIndefinite.ok());
        if (!single_word && c.suffix.length == 0 && !project_noun && next_word.empty() &&
            RE2::PartialMatch(before, kIndefinite)) {
          continue;  // "an Inference Gateway": some gateway of that kind
        }
        if (!title_case() && single_word && c.suffix.length == 0 && !project_prefix &&
            !project_noun &&
            (follows_capitalized_word(k) || precedes_capitalized_word(k) ||
             follows_possessive_mention(k))) {
          continue;  // part of a longer proper name: "the Home Depot", "a Vector Database"
        }
        if (!title_case() || !single_word || c.suffix.length > 0) {
          c.accepted = true;
          continue;
        }
        // In a Title Cased line a capitalised everyday word needs something that marks it as a
        // name: a version number, a "Project" prefix or a project noun after it ("Score Spec"),
        // a leading "Name:" or "Name Intro/Deep Dive/Update...", "With/Using/Via Name" closing
        // the title or a clause, or one of the project's context cues.
        static const RE2 kVersion(R"(^\s+v?\d)");
        static const RE2 kProjectTalk(
            R"(^(?:\s*:|\s+(?:Intro|Introduction|Deep\s+Dive|Maintainers?|Project|Updates?|)"
            R"(Community|Contribfest|Overview|Roadmap|Ecosystem)\b))");
        static const RE2 kToolPrefix(R"((?:^|\s)(?:With|Using|Via|with|using|via)\s+$)");
        static const RE2 kClauseEnd(
            R"(^(?:\s*$|\s*[:;,!?()\x{2013}\x{2014}]|\s+(?:and|or|for|in|on|at|to|\+|&|-)\s))");
        assert(kVersion.ok() && kProjectTalk.ok() && kToolPrefix.ok() && kClauseEnd.ok());
        if (RE2::PartialMatch(after, kVersion) || project_prefix || project_noun ||
            (Trim(before).empty() && RE2::PartialMatch(after, kProjectTalk)) ||
            (RE2::PartialMatch(before, kToolPrefix) && RE2::PartialMatch(after, kClauseEnd)) ||
            cue_count(s.entry, line_start + c.begin, line_start, nl) > 0) {
          c.accepted = true;
        }
      }
      // ... or a neighbouring project name it is listed with: "Kubernetes + Ray" in a title,
      // "Prometheus, Datadog" for a company-named product anywhere.
      for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t k = 0; k < cands.size(); ++k) {
          Candidate& c = cands[k];
          if (c.accepted || data_[c.spelling->entry].skip || c.company_blocked) continue;
          const bool company = entries_[c.spelling->entry].company;
          if (c.spelling->lower) continue;
          if (!company && !(c.spelling->everyday && (title_case() || c.filler))) continue;
          if (InUrlOrHostName(line, c.begin, c.end)) continue;
          for (std::size_t n : {k - 1, k + 1}) {
            if (n >= cands.size() || !cands[n].accepted) continue;
            const std::size_t gb = n < k ? cands[n].end + cands[n].suffix.length : c.end;
            const std::size_t ge = n < k ? c.begin : cands[n].begin;
            if (gb <= ge && IsJoiner(line.substr(gb, ge - gb))) {
              c.accepted = changed = true;
              break;
            }
          }
        }
      }
      for (const Candidate& c : cands) {
        if (!c.accepted) continue;
        ProjectMention pm;
        pm.entry = c.spelling->entry;
        pm.begin = line_start + c.begin;
        pm.end = line_start + c.end + c.suffix.length;
        if (c.suffix.length > 0) pm.subproject = entries_[pm.entry].name + c.suffix.display;
        out.push_back(std::move(pm));
      }
    }
    line_start = nl + 1;
  }

  // Repository URLs name the project whose repository they are.
  if (urls) {
    const RE2& kUrl = RepoUrlExpression();
    re2::StringPiece rest = whole;
    re2::StringPiece url;
    const std::size_t before = out.size();
    while (RE2::FindAndConsume(&rest, kUrl, &url)) {
      const std::string key = RepoKey(std::string_view(url.data(), url.size()));
      auto it = m.by_repo.find(key);
      if (it == m.by_repo.end()) continue;
      ProjectMention pm;
      pm.entry = it->second;
      pm.begin = static_cast<std::size_t>(url.data() - text.data());
      // The mention ends with the repository's name: no ".git" or sentence full stop.
      std::string_view u(url.data(), url.size());
      while (!u.empty() && u.back() == '.') u.remove_suffix(1);
      if (u.size() > 4 && EqualsIgnoreCase(u.substr(u.size() - 4), ".git")) u.remove_suffix(4);
      pm.end = pm.begin + u.size();
      out.push_back(std::move(pm));
    }
    if (out.size() > before) {
      std::stable_sort(
          out.begin(), out.end(),
          [](const ProjectMention& a, const ProjectMention& b) { return a.begin < b.begin; });
    }
  }
  return out;
}

}  // namespace cnkg
