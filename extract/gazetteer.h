#ifndef CNKG_EXTRACT_GAZETTEER_H_
#define CNKG_EXTRACT_GAZETTEER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace cnkg {

// The gazetteer of software projects: every CNCF landscape project and product, plus well-known
// open-source projects and products the landscape lacks, with the spellings under which texts
// name them. The data is two TSV files in data/gazetteer/ (documented in its README.md), embedded
// into the binary, so nothing is read from disk at run time.

// A known project. `name` is the canonical display name ("Argo CD"); `aliases` are the other
// spellings that are matched ("ArgoCD"), never containing `name`.
struct ProjectEntry {
  std::string name;
  std::vector<std::string> aliases;
  std::string maturity;  // CNCF: "graduated", "incubating", "sandbox", "archived"; "" otherwise
  std::string category, subcategory;  // from the landscape; empty for extra projects
  std::string homepage, repo;         // URLs from the landscape, or empty
  bool cncf = false;                  // a CNCF project (it has a maturity)
};

// One row of a gazetteer TSV file; the columns are documented in data/gazetteer/README.md.
struct GazetteerRow {
  int line = 0;  // 1-based line in its file
  std::string name;
  std::vector<std::string> aliases;
  std::vector<std::string> case_sensitive;  // spellings (name or aliases) matched only as written
  bool platform = false;                    // flag "platform": takes no sub-project suffix
  bool skip = false;                        // flag "skip": never matched
  std::string maturity, category, subcategory, homepage, repo;
};

// Parses a gazetteer TSV file. Lines that are empty or start with '#' are comments. When
// `all_columns` is true every row must have all nine columns (landscape_projects.tsv); otherwise
// trailing columns may be left out (extra_projects.tsv). `file_name` names the file in errors.
// Fails with kParseError ("FILE:LINE: ...") as described at Gazetteer::FromTsv.
Result<std::vector<GazetteerRow>> ParseGazetteerTsv(std::string_view text,
                                                    std::string_view file_name, bool all_columns);

// Formats `row` as one TSV line with all nine columns and no line terminator. Precondition: no
// field contains a tab or a newline, and no list element contains '|' (or ',' for flags).
std::string FormatGazetteerRow(const GazetteerRow& row);

// One mention of a known project in a text.
struct ProjectMention {
  std::size_t entry;       // index of the matched known project (Gazetteer::entry)
  std::string subproject;  // "Flux MCP Server" when a sub-project suffix followed; else empty
  std::size_t begin, end;  // byte offsets of the matched text (including any suffix)
};

// Finds mentions of known projects in text. Immutable after construction, so one instance may
// be used from several threads at once. Copies share the compiled matcher.
//
// Matching rules (FindMentions), each line of the text on its own:
//  - Whole words only: "Helmet" is not Helm. Inside a spelling, a space or hyphen matches any
//    run of spaces or a hyphen ("Argo-CD", "cert manager"), except in spellings that match only
//    as written (below), where a hyphen must be a hyphen.
//  - Spellings match case-insensitively ("Kubectl", "VLLM"), except spellings that are also
//    everyday English words ("Keep", "Scale", "Spark") and all-capital abbreviations ("OPA"),
//    which match only as written. An everyday word written in lower case ("kind") is never
//    matched. An everyday-word spelling is further skipped where it reads as the ordinary
//    word: at the start of a sentence when a lower-case function word follows ("Keep your
//    pods..."); and, for one-word spellings, next to a capitalised word that is not a name
//    ("the Home Depot", "a Vector Database") or after another project's possessive ("Istio's
//    Ambient mode"), and in a Title Cased line unless something marks it as a name: a version
//    number, a sub-project suffix, a "Project" prefix, a leading "Name:" or "Name Deep Dive",
//    "With/Using Name" closing a clause, or a project name it is listed with ("Kubernetes +
//    Ray", "Spark, Flink and Kafka").
//  - Leftmost-longest: at each position the longest spelling wins ("Argo Rollouts" over "Argo",
//    "Envoy AI Gateway" over "Envoy"); mentions never overlap. Entries flagged `skip` take part
//    in this but are never reported, so "Linux Foundation" hides the "Linux" inside it.
//  - Not mentions: a name inside a URL or host name ("docker.io/library", "fluxcd.io"), and a
//    name followed by a company word ("HAProxy Technologies", "Redis Inc.", "Linux Foundation").
//  - A mention followed by " Operator", " CLI", " SDK", " Plugin", " Controller" or
//    " MCP Server" (capitalised as shown, or joined by a hyphen: "etcd-operator") names a
//    sub-project; the mention then covers the suffix and `subproject` holds the sub-project's
//    display name (the entry's name and the suffix). Not after "a", "your", "custom"...
//    ("a Backstage Plugin" is some plug-in), and not for entries flagged as platforms
//    (Kubernetes): a "Kubernetes Operator" is an operator for Kubernetes.
//  - A possessive ("Kubernetes'", "Helm's") or a following plural noun ("Helm charts") is not part
//    of the mention.
class Gazetteer {
 public:
  Gazetteer();
  Gazetteer(const Gazetteer&) = default;
  Gazetteer& operator=(const Gazetteer&) = default;
  Gazetteer(Gazetteer&&) = default;
  Gazetteer& operator=(Gazetteer&&) = default;
  ~Gazetteer();

  // The gazetteer of the data embedded in the binary (landscape_projects.tsv and
  // extra_projects.tsv). Built on first use, once, thread-safely. If the embedded data cannot be
  // parsed (a build defect, caught by the unit tests) this prints the error to stderr and returns
  // an empty gazetteer.
  static const Gazetteer& Builtin();

  // Builds a gazetteer from the text of the two TSV files (format in data/gazetteer/README.md).
  // Each row of `extra_tsv` either adds a project, or, when its name or one of its aliases is the
  // name of a landscape row, adds its aliases and flags to that project (the extra row's name
  // then becomes the display name). Fails with kParseError, the message naming the file and line
  // ("extra_projects.tsv:12: ..."), on a row with the wrong number of columns, an empty name, an
  // unknown flag or maturity, a case-sensitive spelling that is not one of the row's names, a
  // character that cannot appear in a name (tab, '|'), or a name given twice in one file.
  static Result<Gazetteer> FromTsv(std::string_view landscape_tsv, std::string_view extra_tsv);

  // Non-overlapping mentions in text order. `text` is one or more lines (a title, a description
  // paragraph); offsets are bytes into `text`.
  std::vector<ProjectMention> FindMentions(std::string_view text) const;

  // The entry with index `i`. Precondition: i < size().
  const ProjectEntry& entry(std::size_t i) const;
  std::size_t size() const { return entries_.size(); }

  // The index of the entry whose name or alias is `name` (compared case-insensitively, spaces
  // and hyphens alike), or size() if there is none.
  std::size_t Find(std::string_view name) const;

 private:
  // One way of writing an entry's name.
  struct Spelling {
    std::size_t entry;
    std::string text;  // as written in the data
    bool exact_case;   // matches only as written
    bool everyday;     // an everyday English word: subject to the ordinary-word checks
  };
  struct EntryFlags {
    bool platform = false;  // takes no sub-project suffix
    bool skip = false;      // never matched
  };

  // Builds matcher_ from spellings_.
  Status Compile();

  std::vector<ProjectEntry> entries_;
  std::vector<EntryFlags> flags_;
  // Spellings by their lookup key (lower case, separators made one space).
  std::unordered_map<std::string, std::vector<Spelling>> spellings_;
  std::shared_ptr<const re2::RE2> matcher_;  // alternation of every spelling; null when empty
};

}  // namespace cnkg

#endif  // CNKG_EXTRACT_GAZETTEER_H_
