#include "extract/gazetteer.h"

#include <re2/re2.h>

#include <algorithm>
#include <cassert>
#include <cctype>
#include <cstdio>
#include <set>
#include <utility>

#include "common/embedded.h"
#include "common/strings.h"
#include "graph/resolve.h"

namespace cnkg {
namespace {

// Columns of both TSV files, in order. The extra file may stop after any column.
enum Column {
  kName,
  kAliases,
  kCaseSensitive,
  kFlags,
  kMaturity,
  kCategory,
  kSubcategory,
  kHomepage,
  kRepo,
  kNumColumns,
};

using Row = GazetteerRow;

bool IsAsciiAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool IsAsciiUpper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
bool IsAsciiLower(char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }
bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// The lookup key of a spelling or a matched text: ASCII lower case, every run of spaces and
// hyphens one space.
std::string Key(std::string_view s, bool fold_case = true) {
  std::string out;
  bool sep = false;
  for (char c : s) {
    if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r') {
      sep = true;
      continue;
    }
    if (sep && !out.empty()) out.push_back(' ');
    sep = false;
    out.push_back(fold_case ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : c);
  }
  return out;
}

// An abbreviation written in capitals ("OPA", "K8S" is not: it has a lower-case letter).
bool IsAllCaps(std::string_view s) {
  int letters = 0;
  for (char c : s) {
    if (IsAsciiLower(c)) return false;
    if (IsAsciiUpper(c)) ++letters;
  }
  return letters >= 2;
}

std::vector<std::string> SplitList(std::string_view field, std::string_view sep) {
  return Split(field, sep, /*keep_empty=*/false);
}

Status RowError(std::string_view file, int line, const std::string& message) {
  return Status::ParseError(std::string(file) + ":" + std::to_string(line) + ": " + message);
}

Status ParseRows(std::string_view text, std::string_view file, bool exact_columns,
                 std::vector<Row>& rows) {
  static const std::set<std::string, std::less<>> kMaturities = {"graduated", "incubating",
                                                                 "sandbox", "archived"};
  std::set<std::string> seen;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty() || Trim(line).front() == '#') continue;
    const std::vector<std::string> cols = Split(line, "\t", /*keep_empty=*/true);
    if (cols.size() > kNumColumns || (exact_columns && cols.size() != kNumColumns)) {
      return RowError(file, line_no,
                      "expected " + std::string(exact_columns ? "" : "at most ") +
                          std::to_string(kNumColumns) + " tab-separated columns, found " +
                          std::to_string(cols.size()));
    }
    auto col = [&cols](Column c) -> std::string {
      return c < static_cast<int>(cols.size()) ? cols[c] : std::string();
    };
    Row row;
    row.line = line_no;
    row.name = col(kName);
    if (row.name.empty()) return RowError(file, line_no, "empty project name");
    if (row.name.find('|') != std::string::npos) {
      return RowError(file, line_no, "project name '" + row.name + "' contains '|'");
    }
    row.aliases = SplitList(col(kAliases), "|");
    row.case_sensitive = SplitList(col(kCaseSensitive), "|");
    for (const std::string& cs : row.case_sensitive) {
      if (cs != row.name &&
          std::find(row.aliases.begin(), row.aliases.end(), cs) == row.aliases.end()) {
        return RowError(file, line_no,
                        "case-sensitive spelling '" + cs + "' is not the name or an alias");
      }
    }
    for (const std::string& flag : SplitList(col(kFlags), ",")) {
      if (flag == "platform") {
        row.platform = true;
      } else if (flag == "skip") {
        row.skip = true;
      } else {
        return RowError(file, line_no, "unknown flag '" + flag + "' (known: platform, skip)");
      }
    }
    row.maturity = col(kMaturity);
    if (!row.maturity.empty() && !kMaturities.count(row.maturity)) {
      return RowError(file, line_no, "unknown maturity '" + row.maturity + "'");
    }
    row.category = col(kCategory);
    row.subcategory = col(kSubcategory);
    row.homepage = col(kHomepage);
    row.repo = col(kRepo);
    if (!seen.insert(FoldName(row.name)).second) {
      return RowError(file, line_no, "project '" + row.name + "' is listed twice");
    }
    rows.push_back(std::move(row));
  }
  return Status::Ok();
}

void AddUnique(std::vector<std::string>& list, const std::string& s) {
  if (std::find(list.begin(), list.end(), s) == list.end()) list.push_back(s);
}

// ---- Context rules used by FindMentions. ----

// Lower-case words after which a sentence-initial everyday word is read as an ordinary word
// (an imperative verb or a common noun): "Keep your ...", "Scale up ...", "Guidance on ...".
bool IsFillerFollower(std::string_view w) {
  static const std::set<std::string, std::less<>> kWords = {
      "a",          "about",   "across",  "after", "against",  "all",   "along", "an",
      "and",        "any",     "around",  "as",    "at",       "away",  "back",  "before",
      "between",    "beyond",  "both",    "but",   "by",       "down",  "each",  "every",
      "everything", "for",     "from",    "her",   "him",      "his",   "how",   "if",
      "in",         "into",    "it",      "its",   "itself",   "just",  "less",  "me",
      "more",       "most",    "much",    "my",    "no",       "not",   "of",    "off",
      "on",         "one",     "or",      "our",   "out",      "over",  "so",    "some",
      "than",       "that",    "the",     "their", "them",     "these", "they",  "this",
      "those",      "through", "to",      "track", "under",    "up",    "us",    "what",
      "when",       "where",   "whether", "which", "while",    "who",   "why",   "with",
      "within",     "without", "you",     "your",  "yourself", "we"};
  return kWords.count(w) > 0;
}

// Small words that Title Case leaves in lower case; they do not count for or against it.
bool IsSmallWord(std::string_view w) {
  static const std::set<std::string, std::less<>> kWords = {
      "a",   "an",  "and", "as", "at",   "but", "by",   "for",  "from", "in",  "into", "is",
      "nor", "of",  "on",  "or", "over", "per", "the",  "to",   "up",   "via", "vs",   "with",
      "are", "its", "it",  "be", "than", "so",  "that", "your", "our",  "you", "we",   "how"};
  return kWords.count(AsciiLower(w)) > 0;
}

// True when most words of `line` that Title Case would capitalise are capitalised: a title,
// where capitals say nothing about names.
bool IsTitleCase(std::string_view line) {
  static const RE2 kWord(R"(([A-Za-z][A-Za-z']*))");
  assert(kWord.ok());
  int content = 0, capital = 0;
  re2::StringPiece rest(line.data(), line.size());
  re2::StringPiece piece;
  while (RE2::FindAndConsume(&rest, kWord, &piece)) {
    const std::string_view word(piece.data(), piece.size());
    if (word.size() < 2 || IsSmallWord(word)) continue;
    ++content;
    if (IsAsciiUpper(word[0])) ++capital;
  }
  return content >= 2 && capital * 4 >= content * 3;
}

// True when [0, begin) of `line` ends where a sentence starts: the line start (after a bullet
// or opening quote) or sentence punctuation.
bool IsSentenceStart(std::string_view line, std::size_t begin) {
  std::size_t i = begin;
  while (i > 0) {
    const char c = line[i - 1];
    if (c == ' ' || c == '\t' || c == '"' || c == '(' || c == '\'' || c == '*' || c == '-') {
      --i;
      continue;
    }
    // Typographic opening quotes and bullets (UTF-8 of U+201C, U+2018, U+2022).
    if (i >= 3 && static_cast<unsigned char>(line[i - 3]) == 0xE2 &&
        static_cast<unsigned char>(line[i - 2]) == 0x80) {
      const unsigned char last = static_cast<unsigned char>(line[i - 1]);
      if (last == 0x9C || last == 0x98 || last == 0xA2) {
        i -= 3;
        continue;
      }
    }
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
  }
  return true;
}

// The lower-case word that starts `rest` after spaces, or "" when `rest` does not start with one.
std::string_view NextLowerWord(std::string_view rest) {
  std::size_t i = 0;
  while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t')) ++i;
  if (i == 0 || i >= rest.size() || !IsAsciiLower(rest[i])) return {};
  std::size_t j = i;
  while (j < rest.size() && IsAsciiAlpha(rest[j])) ++j;
  return rest.substr(i, j - i);
}

struct Suffix {
  std::size_t length = 0;  // bytes of the suffix, separator included; 0 when none
  std::string display;     // " Operator", "-operator"
};

// A sub-project suffix at the start of `rest`.
Suffix FindSuffix(std::string_view rest) {
  static const RE2 kSpaced(R"(^[ \t]+(Operator|CLI|SDK|Plugin|Controller|MCP[ -]Server)\b)");
  static const RE2 kHyphen(R"(^-((?i:operator|cli|sdk|plugin|controller|mcp-server))\b)");
  assert(kSpaced.ok() && kHyphen.ok());
  Suffix s;
  re2::StringPiece consumed(rest.data(), rest.size());
  std::string word;
  if (RE2::Consume(&consumed, kSpaced, &word)) {
    if (word.rfind("MCP", 0) == 0) word = "MCP Server";
    s.display = " " + word;
  } else if (RE2::Consume(&consumed, kHyphen, &word)) {
    s.display = "-" + word;
  } else {
    return s;
  }
  // "Foo-operator-bar" or "Foo Operator-based" is a longer word, not this suffix.
  if (!consumed.empty() && (consumed[0] == '-' || IsWordChar(consumed[0]))) return Suffix();
  s.length = rest.size() - consumed.size();
  return s;
}

// True when `before` ends with a word that makes what follows a common noun phrase: "a Backstage
// Plugin" or "your own Foo Operator" is some plug-in or operator, not a named sub-project.
bool StartsGenericNounPhrase(std::string_view before) {
  static const RE2 kDeterminer(
      R"((?:^|[^A-Za-z])(?i:a|an|your|own|our|my|their|custom|new|any|each|every|simple)\s+$)");
  assert(kDeterminer.ok());
  return RE2::PartialMatch(before, kDeterminer);
}

// True when `gap` (the text between two mentions) only joins them as items of a list:
// "Kubernetes + Ray", "Helm, Kustomize and Flux", "Flux vs Argo CD". Prepositions do not count:
// "at Scale With OpenTelemetry" pairs a common noun with a project.
bool IsJoiner(std::string_view gap) {
  static const RE2 kJoiner(R"(^\s*(?:,|\+|&|/|(?i:and|or|vs\.?|versus|,\s*and))\s*$)");
  assert(kJoiner.ok());
  return RE2::FullMatch(gap, kJoiner);
}

// True when [begin, end) of `line` lies inside a URL or a host name ("https://x/helm",
// "docker.io/library", "toolkit.fluxcd.io"): such names are not mentions in prose.
bool InUrlOrHostName(std::string_view line, std::size_t begin, std::size_t end) {
  if (begin > 0 && line[begin - 1] == '.') return true;
  if (end + 1 < line.size() && line[end] == '.' && IsWordChar(line[end + 1])) return true;
  std::size_t t0 = begin, t1 = end;
  while (t0 > 0 && !std::isspace(static_cast<unsigned char>(line[t0 - 1]))) --t0;
  while (t1 < line.size() && !std::isspace(static_cast<unsigned char>(line[t1]))) ++t1;
  const std::string_view token = line.substr(t0, t1 - t0);
  return token.find("://") != std::string_view::npos || token.rfind("www.", 0) == 0;
}

// True when `rest` (the text after a mention) starts with a word that makes the name a
// company's or a foundation's: "HAProxy Technologies", "Redis Inc.", "Linux Foundation".
bool StartsWithCompanyWord(std::string_view rest) {
  static const RE2 kWord(R"(^[ \t]+([A-Z][A-Za-z.]*))");
  assert(kWord.ok());
  std::string word;
  if (!RE2::PartialMatch(rest, kWord, &word)) return false;
  return word == "Labs" || word == "Technologies" || word == "Foundation" || IsLegalSuffix(word);
}

}  // namespace

Result<std::vector<GazetteerRow>> ParseGazetteerTsv(std::string_view text,
                                                    std::string_view file_name, bool all_columns) {
  std::vector<GazetteerRow> rows;
  CNKG_RETURN_IF_ERROR(ParseRows(text, file_name, all_columns, rows));
  return rows;
}

std::string FormatGazetteerRow(const GazetteerRow& row) {
  std::vector<std::string> flags;
  if (row.platform) flags.push_back("platform");
  if (row.skip) flags.push_back("skip");
  const std::vector<std::string> cols = {
      row.name,         Join(row.aliases, "|"), Join(row.case_sensitive, "|"),
      Join(flags, ","), row.maturity,           row.category,
      row.subcategory,  row.homepage,           row.repo};
  return Join(cols, "\t");
}

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

Result<Gazetteer> Gazetteer::FromTsv(std::string_view landscape_tsv, std::string_view extra_tsv) {
  Result<std::vector<Row>> landscape_rows =
      ParseGazetteerTsv(landscape_tsv, "landscape_projects.tsv", true);
  if (!landscape_rows.ok()) return landscape_rows.status();
  Result<std::vector<Row>> extra_rows = ParseGazetteerTsv(extra_tsv, "extra_projects.tsv", false);
  if (!extra_rows.ok()) return extra_rows.status();
  const std::vector<Row>& landscape = *landscape_rows;
  const std::vector<Row>& extra = *extra_rows;

  Gazetteer g;
  std::vector<std::vector<std::string>> case_sensitive;  // per entry
  std::unordered_map<std::string, std::size_t> by_name;  // folded name -> entry
  auto add = [&](const Row& r) {
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
    by_name.emplace(FoldName(e.name), g.entries_.size());
    g.entries_.push_back(std::move(e));
    g.flags_.push_back(EntryFlags{r.platform, r.skip});
    case_sensitive.push_back(r.case_sensitive);
  };
  for (const Row& r : landscape) add(r);
  for (const Row& r : extra) {
    // Merge into the landscape entry that this row names, by its name or one of its aliases.
    std::size_t target = g.entries_.size();
    bool by_alias = false;
    if (auto it = by_name.find(FoldName(r.name)); it != by_name.end()) {
      target = it->second;
    } else {
      for (const std::string& a : r.aliases) {
        if (auto ia = by_name.find(FoldName(a)); ia != by_name.end()) {
          target = ia->second;
          by_alias = true;
          break;
        }
      }
    }
    if (target == g.entries_.size()) {
      add(r);  // a skip row of its own blocks a shorter name inside it ("Linux Foundation")
      continue;
    }
    ProjectEntry& e = g.entries_[target];
    if (by_alias || e.name != r.name) {  // the hand-written name is the display name
      AddUnique(e.aliases, e.name);
      e.name = r.name;
      by_name.emplace(FoldName(e.name), target);
    }
    for (const std::string& a : r.aliases) AddUnique(e.aliases, a);
    std::erase(e.aliases, e.name);
    for (const std::string& cs : r.case_sensitive) AddUnique(case_sensitive[target], cs);
    g.flags_[target].platform = g.flags_[target].platform || r.platform;
    g.flags_[target].skip = g.flags_[target].skip || r.skip;
    if (e.homepage.empty()) e.homepage = r.homepage;
    if (e.repo.empty()) e.repo = r.repo;
  }

  // Keys of the everyday-word spellings: another spelling with the same letters ("KinD" next to
  // "kind") must match as written too, or it would match the everyday word.
  std::set<std::string> everyday_keys;
  for (const std::vector<std::string>& list : case_sensitive) {
    for (const std::string& cs : list) everyday_keys.insert(Key(cs));
  }
  for (std::size_t i = 0; i < g.entries_.size(); ++i) {
    std::vector<std::string> all = {g.entries_[i].name};
    for (const std::string& a : g.entries_[i].aliases) all.push_back(a);
    for (const std::string& text : all) {
      const bool everyday = std::find(case_sensitive[i].begin(), case_sensitive[i].end(), text) !=
                            case_sensitive[i].end();
      // An everyday word written in lower case ("kind") cannot be told from the word itself.
      if (everyday && std::none_of(text.begin(), text.end(), [](char c) {
            return IsAsciiUpper(c) || c == '-' || std::isdigit(static_cast<unsigned char>(c));
          })) {
        continue;
      }
      Spelling s{i, text, everyday || IsAllCaps(text) || everyday_keys.count(Key(text)) > 0,
                 everyday};
      std::vector<Spelling>& list = g.spellings_[Key(text)];
      // A spelling of two entries stays with the first (the landscape before the extras).
      const bool dup = std::any_of(list.begin(), list.end(), [&](const Spelling& o) {
        return o.entry != i && (o.exact_case == s.exact_case) &&
               (!s.exact_case || CollapseSpaces(o.text) == CollapseSpaces(s.text));
      });
      if (!dup) list.push_back(std::move(s));
    }
  }
  CNKG_RETURN_IF_ERROR(g.Compile());
  return g;
}

Status Gazetteer::Compile() {
  std::vector<std::string> alternatives;
  for (const auto& [key, list] : spellings_) {
    for (const Spelling& s : list) {
      const std::string& t = s.text;
      // Inside a spelling a space matches any run of spaces and, unless the spelling is
      // case-sensitive, a hyphen too; so does a hyphen.
      const std::string sep = s.exact_case ? R"(\s+)" : R"([\s\-]+)";
      std::string body;
      std::string part;
      auto flush = [&] {
        if (part.empty()) return;
        if (!body.empty()) body += sep;
        body += RE2::QuoteMeta(part);
        part.clear();
      };
      for (char c : t) {
        if (c == ' ' || (c == '-' && !s.exact_case)) {
          flush();
        } else {
          part.push_back(c);
        }
      }
      flush();
      if (body.empty()) continue;
      std::string alt = IsWordChar(t.front()) ? R"(\b)" : R"(\B)";
      alt += s.exact_case ? body : "(?i:" + body + ")";
      alt += IsWordChar(t.back()) ? R"(\b)" : R"(\B)";
      alternatives.push_back(std::move(alt));
    }
  }
  if (alternatives.empty()) {
    matcher_.reset();
    return Status::Ok();
  }
  std::sort(alternatives.begin(), alternatives.end());
  alternatives.erase(std::unique(alternatives.begin(), alternatives.end()), alternatives.end());
  std::string pattern = "(" + Join(alternatives, "|") + ")";
  RE2::Options options;
  options.set_longest_match(true);
  options.set_max_mem(int64_t{256} << 20);
  options.set_log_errors(false);
  auto re = std::make_shared<const RE2>(pattern, options);
  if (!re->ok()) return Status::Internal("gazetteer pattern does not compile: " + re->error());
  matcher_ = std::move(re);
  return Status::Ok();
}

const ProjectEntry& Gazetteer::entry(std::size_t i) const {
  assert(i < entries_.size());
  return entries_[i];
}

std::size_t Gazetteer::Find(std::string_view name) const {
  auto it = spellings_.find(Key(name));
  if (it == spellings_.end()) return entries_.size();
  for (const Spelling& s : it->second) {
    if (!flags_[s.entry].skip) return s.entry;
  }
  return entries_.size();
}

std::vector<ProjectMention> Gazetteer::FindMentions(std::string_view text) const {
  std::vector<ProjectMention> out;
  if (!matcher_) return out;
  struct Candidate {
    std::size_t begin, end;  // in the line
    const Spelling* spelling;
    Suffix suffix;
    bool accepted = false;
  };
  std::size_t line_start = 0;
  while (line_start <= text.size()) {
    std::size_t nl = text.find('\n', line_start);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(line_start, nl - line_start);

    std::vector<Candidate> cands;
    std::size_t pos = 0;
    const re2::StringPiece line_piece(line.data(), line.size());
    re2::StringPiece piece;
    while (pos < line.size() &&
           matcher_->Match(line_piece, pos, line.size(), RE2::UNANCHORED, &piece, 1)) {
      const std::string_view m(piece.data(), piece.size());
      const std::size_t b = static_cast<std::size_t>(m.data() - line.data());
      const std::size_t e = b + m.size();
      pos = e > b ? e : b + 1;
      auto it = spellings_.find(Key(m));
      if (it == spellings_.end()) continue;
      const Spelling* chosen = nullptr;
      for (const Spelling& s : it->second) {
        if (!s.exact_case || CollapseSpaces(s.text) == CollapseSpaces(m)) {
          chosen = &s;
          break;
        }
      }
      if (chosen == nullptr) continue;
      Candidate c{b, e, chosen, {}};
      if (!flags_[chosen->entry].platform) {
        c.suffix = FindSuffix(line.substr(e));
        // A hyphenated name ("etcd-operator") is a name whatever precedes it.
        if (c.suffix.length > 0 && c.suffix.display.front() == ' ' &&
            StartsGenericNounPhrase(line.substr(0, b))) {
          c.suffix = Suffix();
        }
      }
      pos = std::max(pos, e + c.suffix.length);
      cands.push_back(std::move(c));
    }
    if (cands.empty()) {
      line_start = nl + 1;
      continue;
    }

    const bool title_case = IsTitleCase(line);
    // True when the word right before `c` is capitalised, is not an abbreviation, does not
    // start a sentence and is not part of a mention: "Home" in "at the Home Depot".
    // True when `c` follows the possessive of another mention: "Istio's Ambient mode" is a
    // feature of Istio.
    auto follows_possessive_mention = [&](const Candidate& c) {
      static const RE2 kPossessive(R"((?:'|\x{2019})s?\s+$)");
      assert(kPossessive.ok());
      for (const Candidate& o : cands) {
        const std::size_t o_end = o.end + o.suffix.length;
        if (o_end < c.begin && o_end + 6 > c.begin &&
            RE2::FullMatch(line.substr(o_end, c.begin - o_end), kPossessive)) {
          return true;
        }
      }
      return false;
    };
    auto follows_capitalized_word = [&](const Candidate& c) {
      if (c.begin < 2 || line[c.begin - 1] != ' ') return false;
      const std::size_t end = c.begin - 1;
      std::size_t start = end;
      while (start > 0 && IsWordChar(line[start - 1])) --start;
      if (start == end) return false;
      const std::string_view word = line.substr(start, end - start);
      if (!IsAsciiUpper(word[0]) || IsAllCaps(word) || IsSentenceStart(line, start)) return false;
      return std::none_of(cands.begin(), cands.end(), [&](const Candidate& o) {
        return o.begin <= start && start < o.end + o.suffix.length;
      });
    };
    // True when the word right after `c` is capitalised, is not an abbreviation and is not part
    // of a mention: "Vector" in "a Vector Database".
    auto precedes_capitalized_word = [&](const Candidate& c) {
      const std::size_t start = c.end + 1;
      if (start >= line.size() || line[c.end] != ' ') return false;
      std::size_t end = start;
      while (end < line.size() && IsWordChar(line[end])) ++end;
      if (end == start) return false;
      const std::string_view word = line.substr(start, end - start);
      if (!IsAsciiUpper(word[0]) || IsAllCaps(word)) return false;
      return std::none_of(cands.begin(), cands.end(),
                          [&](const Candidate& o) { return o.begin == start; });
    };
    for (Candidate& c : cands) {
      const Spelling& s = *c.spelling;
      if (flags_[s.entry].skip) continue;  // matched only so that no shorter name is
      if (InUrlOrHostName(line, c.begin, c.end)) continue;
      if (StartsWithCompanyWord(line.substr(c.end + c.suffix.length))) continue;
      if (!s.everyday) {
        c.accepted = true;
        continue;
      }
      const std::string_view after = line.substr(c.end);
      const std::string_view next = NextLowerWord(after);
      if (IsSentenceStart(line, c.begin) && !next.empty() && IsFillerFollower(next) &&
          c.suffix.length == 0) {
        continue;  // "Keep your ...": an ordinary word
      }
      const bool single_word = s.text.find_first_of(" -") == std::string::npos;
      const std::string_view before = line.substr(0, c.begin);
      static const RE2 kProjectPrefix(R"((?:^|\s)Project\s+$)");
      assert(kProjectPrefix.ok());
      const bool project_prefix = RE2::PartialMatch(before, kProjectPrefix);
      if (!title_case && single_word && c.suffix.length == 0 && !project_prefix &&
          (follows_capitalized_word(c) || precedes_capitalized_word(c) ||
           follows_possessive_mention(c))) {
        continue;  // part of a longer proper name: "the Home Depot", "a Vector Database"
      }
      if (!title_case || !single_word || c.suffix.length > 0) {
        c.accepted = true;
        continue;
      }
      // In a Title Cased line a capitalised everyday word needs something that marks it as a
      // name: a version number, a "Project" prefix, a leading "Name:" or "Name Intro/Deep
      // Dive/Maintainers/Update...", or "With/Using/Via Name" closing the title or a clause.
      static const RE2 kVersion(R"(^\s+v?\d)");
      static const RE2 kProjectTalk(
          R"(^(?:\s*:|\s+(?:Intro|Introduction|Deep\s+Dive|Maintainers?|Project|Updates?|)"
          R"(Community|Contribfest|Overview|Roadmap|Ecosystem)\b))");
      static const RE2 kToolPrefix(R"((?:^|\s)(?:With|Using|Via|with|using|via)\s+$)");
      static const RE2 kClauseEnd(
          R"(^(?:\s*$|\s*[:;,!?()\x{2013}\x{2014}]|\s+(?:and|or|for|in|on|at|to|\+|&|-)\s))");
      assert(kVersion.ok() && kProjectTalk.ok() && kToolPrefix.ok() && kClauseEnd.ok());
      if (RE2::PartialMatch(after, kVersion) || project_prefix ||
          (Trim(before).empty() && RE2::PartialMatch(after, kProjectTalk)) ||
          (RE2::PartialMatch(before, kToolPrefix) && RE2::PartialMatch(after, kClauseEnd))) {
        c.accepted = true;
      }
    }
    // ... or a neighbouring project name it is listed with ("Kubernetes + Ray").
    for (bool changed = true; changed;) {
      changed = false;
      for (std::size_t k = 0; k < cands.size(); ++k) {
        Candidate& c = cands[k];
        if (c.accepted || !c.spelling->everyday || !title_case) continue;
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
    line_start = nl + 1;
  }
  return out;
}

}  // namespace cnkg
