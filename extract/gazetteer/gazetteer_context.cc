#include "extract/gazetteer/gazetteer_context.h"

#include <re2/re2.h>

#include <algorithm>
#include <cassert>
#include <cctype>
#include <set>

#include "common/strings.h"
#include "graph/resolve.h"

namespace cnkg::gazetteer_internal {

bool IsAsciiUpper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
bool IsAsciiLower(char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }
bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

namespace {

bool IsAsciiAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// Small words that Title Case leaves in lower case; they do not count for or against it.
bool IsSmallWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "a",  "an",   "and",  "are", "as",  "at",  "be",  "but", "by", "for",  "from", "how",
      "in", "into", "is",   "it",  "its", "nor", "of",  "on",  "or", "our",  "over", "per",
      "so", "than", "that", "the", "to",  "up",  "via", "vs",  "we", "with", "you",  "your"};
  if (w.size() > 4) return false;
  char lower[4];
  for (std::size_t i = 0; i < w.size(); ++i) {
    lower[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(w[i])));
  }
  const std::string_view key(lower, w.size());
  for (std::string_view k : kWords) {
    if (k == key) return true;
  }
  return false;
}

}  // namespace

std::string Key(std::string_view s) {
  std::string out;
  bool sep = false;
  for (char c : s) {
    if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r') {
      sep = true;
      continue;
    }
    if (sep && !out.empty()) out.push_back(' ');
    sep = false;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

bool IsAllCaps(std::string_view s) {
  int letters = 0;
  for (char c : s) {
    if (IsAsciiLower(c)) return false;
    if (IsAsciiUpper(c)) ++letters;
  }
  return letters >= 2;
}

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

namespace {

// True when `line` holds a Chinese, Japanese or Korean letter (U+3040 to U+D7FF, which leaves
// out the CJK punctuation block U+3000 to U+303F), read from the UTF-8 lead bytes.
bool HasCjkLetter(std::string_view line) {
  for (std::size_t i = 0; i + 2 < line.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if (c < 0xE3 || c > 0xED) continue;
    if (c == 0xE3 && static_cast<unsigned char>(line[i + 1]) == 0x80) continue;
    return true;
  }
  return false;
}

}  // namespace

bool IsTitleCase(std::string_view line) {
  // Capitals in Chinese or Japanese prose mark names, not a headline style.
  if (HasCjkLetter(line)) return false;
  // Words are a letter and then letters or apostrophes.
  int content = 0, capital = 0;
  std::size_t i = 0;
  while (i < line.size()) {
    if (!IsAsciiAlpha(line[i])) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < line.size() && (IsAsciiAlpha(line[j]) || line[j] == '\'')) ++j;
    const std::string_view word = line.substr(i, j - i);
    i = j;
    if (word.size() < 2 || IsSmallWord(word)) continue;
    ++content;
    if (IsAsciiUpper(word[0])) ++capital;
  }
  return content >= 2 && capital * 4 >= content * 3;
}

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
    // Full-width sentence ends: "。" (E3 80 82), "！" "？" "：" "；" (EF BC 81, 9F, 9A, 9B).
    if (i >= 3) {
      const unsigned char a = static_cast<unsigned char>(line[i - 3]);
      const unsigned char b = static_cast<unsigned char>(line[i - 2]);
      const unsigned char l = static_cast<unsigned char>(line[i - 1]);
      if ((a == 0xE3 && b == 0x80 && l == 0x82) ||
          (a == 0xEF && b == 0xBC && (l == 0x81 || l == 0x9F || l == 0x9A || l == 0x9B)))
        return true;
    }
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
  }
  return true;
}

std::string_view NextLowerWord(std::string_view rest) {
  std::size_t i = 0;
  while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t')) ++i;
  if (i == 0 || i >= rest.size() || !IsAsciiLower(rest[i])) return {};
  std::size_t j = i;
  while (j < rest.size() && IsAsciiAlpha(rest[j])) ++j;
  return rest.substr(i, j - i);
}

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

bool StartsGenericNounPhrase(std::string_view before) {
  static const RE2 kDeterminer(
      R"((?:^|[^A-Za-z])(?i:a|an|your|own|our|my|their|custom|new|any|each|every|simple)\s+$)");
  assert(kDeterminer.ok());
  return RE2::PartialMatch(before, kDeterminer);
}

bool IsJoiner(std::string_view gap) {
  // Prepositions do not count: "at Scale With OpenTelemetry" pairs a common noun with a project.
  // A table's cell border "|"; Chinese and Japanese: 和 与 與 及 或 、 ， と や.
  static const RE2 kJoiner(
      R"(^\s*(?:,|\+|&|/|\||(?i:and|or|vs\.?|versus|,\s*and|,\s*or)|和|与|與|及|或|、|，|と|や)\s*$)");
  assert(kJoiner.ok());
  return RE2::FullMatch(gap, kJoiner);
}

bool InUrlOrHostName(std::string_view line, std::size_t begin, std::size_t end) {
  if (begin > 0 && line[begin - 1] == '.') return true;
  if (end + 1 < line.size() && line[end] == '.' && IsWordChar(line[end + 1])) return true;
  std::size_t t0 = begin, t1 = end;
  while (t0 > 0 && !std::isspace(static_cast<unsigned char>(line[t0 - 1]))) --t0;
  while (t1 < line.size() && !std::isspace(static_cast<unsigned char>(line[t1]))) ++t1;
  const std::string_view token = line.substr(t0, t1 - t0);
  if (token.find("://") != std::string_view::npos || token.rfind("www.", 0) == 0) return true;
  // A host name and a path before the name, without a scheme: "github.com/org/repo".
  static const RE2 kHostPath(
      R"([A-Za-z0-9]\.(?i:com|org|net|io|dev|sh|ai|co|cloud|app|tech|info|edu|gov|me|run|xyz)/)");
  assert(kHostPath.ok());
  return RE2::PartialMatch(token.substr(0, begin - t0), kHostPath);
}

bool StartsWithCompanyWord(std::string_view rest) {
  static const RE2 kWord(R"(^[ \t]+([A-Z][A-Za-z.]*))");
  assert(kWord.ok());
  std::string word;
  if (!RE2::PartialMatch(rest, kWord, &word)) return false;
  return word == "Labs" || word == "Technologies" || word == "Foundation" || IsLegalSuffix(word);
}

bool StartsWithProjectNoun(std::string_view rest) {
  static const RE2 kNoun(R"(^[ \t]+(?i:project|spec|specification|maintainers?)\b)");
  assert(kNoun.ok());
  return RE2::PartialMatch(rest, kNoun);
}

CompanyUse ReadCompanyUse(std::string_view before, std::string_view after) {
  // Words for what a company's product is used as or through.
  static const RE2 kProductNoun(
      R"(^(?:'s|\x{2019}s)?[ \t-]+(?i:dashboards?|agents?|metrics|monitors?|monitoring|apm|)"
      R"(integrations?|exporters?|providers?|plugins?|logs?|logging|traces?|tracing|tracer|)"
      R"(sdks?|apis?|ui|console|alerts?|alerting|quer(?:y|ies)|scanners?|scans?|cli|platform|)"
      R"(account|instance|backend|collector|connectors?|extension|notebooks?|pipelines?|)"
      R"(profiler|profiling|rum|siem|synthetics|workspace|operator|helm\s+chart|)"
      R"(terraform\s+provider)\b)");
  static const RE2 kAsRole(R"(^[ \t]+as\s+(?:the|a|an|our|their|its|your)\s)");
  // Words for the firm or its people.
  static const RE2 kFirmNoun(
      R"(^(?:'s|\x{2019}s|\x{2019}|')?[ \t]+(?i:team|teams|engineers?|employees?|staff|ceo|cto|)"
      R"(cfo|coo|founders?|co-?founders?|folks|people|colleagues|customers?|acquired|)"
      R"(acquisition|headquarters|office|offices|booth|hq|inc\b|ltd\b|engineering\s+team)\b)");
  static const RE2 kPossessive(R"(^(?:'s|\x{2019}s)\b)");
  static const RE2 kAffiliation(
      R"((?:^|\s)(?i:at|from|by|across|joined|joining|join)\s+(?:the\s+)?$)");
  static const RE2 kTool(
      R"((?:^|\s)(?i:with|using|via|in|into|to|through|use|uses|used|adopt|adopted|adopting)\s+$)");
  // "together with", "in partnership with": working with the firm.
  static const RE2 kPartner(
      R"((?:^|\s)(?i:together|partnership|partnered|partnering|partners|collaboration|)"
      R"(collaborating|collaborated|teamed\s+up|worked|working|jointly|alongside|along)\s+)"
      R"((?i:with\s+)?$)");
  assert(kProductNoun.ok() && kAsRole.ok() && kFirmNoun.ok() && kPossessive.ok() &&
         kAffiliation.ok() && kTool.ok() && kPartner.ok());
  if (RE2::PartialMatch(after, kFirmNoun)) return CompanyUse::kCompany;
  if (RE2::PartialMatch(after, kProductNoun) || RE2::PartialMatch(after, kAsRole)) {
    return CompanyUse::kProduct;
  }
  if (RE2::PartialMatch(after, kPossessive)) return CompanyUse::kCompany;  // "Datadog's CEO"
  if (RE2::PartialMatch(before, kAffiliation) || RE2::PartialMatch(before, kPartner)) {
    return CompanyUse::kCompany;
  }
  if (RE2::PartialMatch(before, kTool)) return CompanyUse::kProduct;
  return CompanyUse::kUnknown;
}

std::string UrlHost(std::string_view url) {
  static const RE2 kHost(R"(^(?i:https?://)?(?i:www\.)?([A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+))");
  assert(kHost.ok());
  std::string host;
  if (!RE2::PartialMatch(Trim(url), kHost, &host)) return "";
  return AsciiLower(host);
}

bool StartsWithCue(std::string_view rest, const std::vector<std::string>& cues) {
  std::size_t at = 0;
  while (at < rest.size() && (rest[at] == ' ' || rest[at] == '\t' || rest[at] == '-')) ++at;
  if (at == 0 || at >= rest.size()) return false;
  // The next few words, lower case, hyphens as spaces.
  std::string words;
  for (std::size_t i = at; i < rest.size() && words.size() < 64; ++i) {
    const char c = rest[i];
    if (IsWordChar(c)) {
      words.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (c == ' ' || c == '-') {
      if (!words.empty() && words.back() != ' ') words.push_back(' ');
    } else {
      break;
    }
  }
  for (const std::string& cue : cues) {
    std::string want = cue;
    std::replace(want.begin(), want.end(), '-', ' ');
    if (want.empty()) continue;
    auto ends_word = [&](std::size_t end) { return end == words.size() || words[end] == ' '; };
    if (words.compare(0, want.size(), want) == 0) {
      const std::size_t end = want.size();
      if (ends_word(end)) return true;
      if (words.compare(end, 1, "s") == 0 && ends_word(end + 1)) return true;
      if (words.compare(end, 2, "es") == 0 && ends_word(end + 2)) return true;
    }
    // "policy" -> "policies"
    if (want.back() == 'y' && words.compare(0, want.size() - 1, want, 0, want.size() - 1) == 0 &&
        words.compare(want.size() - 1, 3, "ies") == 0 && ends_word(want.size() + 2))
      return true;
  }
  return false;
}

bool EndsWithCue(std::string_view before, const std::vector<std::string>& cues) {
  std::size_t end = before.size();
  if (end == 0 || (before[end - 1] != ' ' && before[end - 1] != '-')) return false;
  while (end > 0 && (before[end - 1] == ' ' || before[end - 1] == '\t')) --end;
  // A possessive: "'s", "’s" or a bare "'" after a plural.
  std::string_view b = before.substr(0, end);
  for (std::string_view p :
       {std::string_view("'s"), std::string_view("\xE2\x80\x99s"), std::string_view("'")}) {
    if (b.size() > p.size() && b.substr(b.size() - p.size()) == p) {
      b.remove_suffix(p.size());
      break;
    }
  }
  if (!b.empty() && b.back() == '-') b.remove_suffix(1);
  // The last few words, lower case, hyphens as spaces.
  std::string words;
  std::size_t i = b.size();
  while (i > 0 && b.size() - i < 64) {
    const char c = b[i - 1];
    if (!IsWordChar(c) && c != ' ' && c != '-') break;
    --i;
  }
  for (char c : b.substr(i)) {
    c = c == '-' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (c == ' ' && (words.empty() || words.back() == ' ')) continue;
    words.push_back(c);
  }
  while (!words.empty() && words.back() == ' ') words.pop_back();
  for (const std::string& cue : cues) {
    std::string want = cue;
    std::replace(want.begin(), want.end(), '-', ' ');
    if (want.empty() || words.size() < want.size()) continue;
    if (words.compare(words.size() - want.size(), want.size(), want) != 0) continue;
    const std::size_t start = words.size() - want.size();
    if (start == 0 || words[start - 1] == ' ') return true;
  }
  return false;
}

std::string RepoKey(std::string_view url) {
  static const RE2 kRepo(
      R"(^(?i:https?://)?(?i:www\.)?((?i:github|gitlab)\.com)/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+))");
  assert(kRepo.ok());
  std::string host, org, repo;
  if (!RE2::PartialMatch(Trim(url), kRepo, &host, &org, &repo)) return "";
  while (!repo.empty() && repo.back() == '.') repo.pop_back();  // sentence end
  if (repo.size() > 4 && EqualsIgnoreCase(std::string_view(repo).substr(repo.size() - 4), ".git")) {
    repo.resize(repo.size() - 4);
  }
  if (org.empty() || repo.empty()) return "";
  return AsciiLower(host + "/" + org + "/" + repo);
}

void CueText::Add(std::string_view text) {
  bool in_word = false;
  for (char c : text) {
    const bool word = IsWordChar(c) || static_cast<unsigned char>(c) >= 0x80;
    if (word) {
      words_.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (in_word) {
      words_.push_back(' ');
    }
    in_word = word;
  }
  if (in_word) words_.push_back(' ');
}

bool CueText::Contains(std::string_view cue) const {
  std::string key(1, ' ');
  key.append(Key(cue));
  if (key.size() < 2) return false;
  const std::size_t last_word = key.size() - 1 - key.rfind(' ');
  for (std::size_t at = words_.find(key); at != std::string::npos; at = words_.find(key, at + 1)) {
    const std::size_t rest = at + key.size();
    const std::size_t end = words_.find(' ', rest);  // words_ ends with a space
    const std::string_view tail = std::string_view(words_).substr(rest, end - rest);
    // The word itself or its plural; a long word also begins longer forms ("preheating").
    if (tail.empty() || tail == "s" || tail == "es" || last_word >= 6) return true;
  }
  return false;
}

}  // namespace cnkg::gazetteer_internal
