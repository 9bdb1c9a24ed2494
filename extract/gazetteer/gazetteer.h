#ifndef CNKG_EXTRACT_GAZETTEER_GAZETTEER_H_
#define CNKG_EXTRACT_GAZETTEER_GAZETTEER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"

namespace cnkg {

// The gazetteer of software projects: every CNCF landscape project and product, plus well-known
// open-source projects and products the landscape lacks, with the spellings under which texts
// name them. The data is two TSV files in data/gazetteer/ (documented in its README.md), embedded
// into the binary, so nothing is read from disk at run time. A user's own file in the same format
// can be added on top (Gazetteer::WithUserFile).

// A known project. `name` is the canonical display name ("Argo CD"); `aliases` are the other
// spellings that are matched ("ArgoCD"), never containing `name`.
struct ProjectEntry {
  std::string name;
  std::vector<std::string> aliases;
  std::string maturity;  // CNCF: "graduated", "incubating", "sandbox", "archived"; "" otherwise
  std::string category, subcategory;  // from the landscape; empty for extra projects
  std::string homepage, repo;         // URLs from the landscape, or empty
  bool cncf = false;                  // a CNCF project (it has a maturity)
  // Words that, near a spelling of this project, say that the text means this project: facts
  // about it ("p2p", "image", "harbor"), in lower case. See "Context cues" below.
  std::vector<std::string> cues;
  // A product named after its company ("Datadog"): a mention only where the text uses it as a
  // product. See "Company-named products" below.
  bool company = false;
  // The aliases that no other entry also has (compared as FoldName does). Only these go into
  // the graph as a project node's aliases, so that two projects sharing a name ("JetStream")
  // stay two nodes.
  std::vector<std::string> own_aliases;
};

// One row of a gazetteer TSV file; the columns are documented in data/gazetteer/README.md.
struct GazetteerRow {
  int line = 0;  // 1-based line in its file
  std::string name;
  std::vector<std::string> aliases;
  std::vector<std::string> case_sensitive;  // spellings (name or aliases) matched only as written
  bool platform = false;                    // flag "platform": takes no sub-project suffix
  bool skip = false;                        // flag "skip": never matched
  bool company = false;                     // flag "company": a company-named product
  std::string maturity, category, subcategory, homepage, repo;
  std::vector<std::string> cues;  // column "cues": context words, lower case
};

// Parses a gazetteer TSV file. Lines that are empty or start with '#' are comments. When
// `all_columns` is true every row must have all ten columns (landscape_projects.tsv); otherwise
// trailing columns may be left out (extra_projects.tsv, a user's file). `file_name` names the
// file in errors. Fails with kParseError ("FILE:LINE: ...") as described at Gazetteer::FromTsv.
Result<std::vector<GazetteerRow>> ParseGazetteerTsv(std::string_view text,
                                                    std::string_view file_name, bool all_columns);

// Formats `row` as one TSV line with all ten columns and no line terminator. Precondition: no
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
// How the text is scanned: one RE2::Set holding every spelling (and the repository-URL form)
// tells in a single pass over the text which spellings occur in it; the positions are then
// searched only for those, each with its own small expression, compiled the first time a text
// needs it and kept (thread-safely) for the life of the gazetteer and its copies.
//
// Matching rules (FindMentions), each line of the text on its own:
//  - Whole words only: "Helmet" is not Helm. Inside a spelling, a space or hyphen matches any
//    run of spaces or a hyphen ("Argo-CD", "cert manager"), except in spellings that match only
//    as written (below), where a hyphen must be a hyphen. A spelling never spans two lines.
//  - Spellings match case-insensitively ("Kubectl", "VLLM"), except spellings that are also
//    everyday English words ("Keep", "Scale", "Spark") and all-capital abbreviations ("OPA"),
//    which match only as written. An everyday word written in lower case ("kind") is never
//    matched. An everyday-word spelling is further skipped where it reads as the ordinary
//    word: at the start of a sentence when a lower-case function word follows ("Keep your
//    pods...") unless one of the project's context cues is in the text; for spellings of several
//    words, after "a" or "an" when no lower-case word follows ("an Inference Gateway." is some
//    gateway of that kind, "a Cloud Custodian policy" is the project's); and, for one-word
//    spellings, next to a capitalised word that is not a name ("the Home Depot", "a Vector
//    Database") or after another project's possessive ("Istio's Ambient mode"), and in a Title
//    Cased line unless something marks it as a name: a version
//    number, a sub-project suffix, a "Project" prefix, a following "Project", "Spec",
//    "Specification" or "Maintainers", a leading "Name:" or "Name Deep Dive", "With/Using Name"
//    closing a clause, a project name it is listed with ("Kubernetes + Ray", "Spark, Flink and
//    Kafka"), or one of the project's context cues in the text ("Flux" in a title that also
//    says "GitOps").
//  - Leftmost-longest: at each position the longest spelling wins ("Argo Rollouts" over "Argo",
//    "Envoy AI Gateway" over "Envoy"); mentions never overlap. Entries flagged `skip` take part
//    in this but are never reported, so "Linux Foundation" hides the "Linux" inside it.
//  - Shared names: when two entries have the same spelling ("Dragonfly", the CNCF
//    image-distribution project, and "Dragonfly" for DragonflyDB), the one with more of its
//    context cues around the mention is meant; when no cue decides, the CNCF project, else a
//    plain project rather than a company-named product, else the entry listed first.
//  - Not mentions: a name inside a URL or host name ("docker.io/library", "fluxcd.io"), and a
//    name followed by a company word ("HAProxy Technologies", "Redis Inc.", "Linux Foundation").
//  - Repository URLs: "github.com/ORG/REPO" or "gitlab.com/ORG/REPO" (with or without a scheme)
//    mentions the entry whose repository URL is that repository; the mention covers the URL from
//    the host name to the repository name. Other URLs name nothing.
//  - Company-named products (entries flagged `company`, "Datadog") are mentions only where the
//    text uses them as a product: with a sub-project suffix, followed by a product word
//    ("Datadog dashboards", "Datadog agent", "Datadog APM") or by "as the/a ..." ("Datadog as
//    the metric provider"), after "with", "using", "via", "in", "into", "to" or "through"
//    ("metrics in Datadog"), or listed with another project ("Prometheus, Datadog"). Never in
//    an affiliation: after "at", "from", "by", "across", "joined" ("engineers at Datadog") or a
//    word of partnership ("together with", "in collaboration with", "alongside"),
//    before a possessive that is not followed by a product word ("Datadog's CEO"), or before a
//    word for people or the firm ("Datadog engineers", "Datadog team").
//  - A mention followed by " Operator", " CLI", " SDK", " Plugin", " Controller" or
//    " MCP Server" (capitalised as shown, or joined by a hyphen: "etcd-operator") names a
//    sub-project; the mention then covers the suffix and `subproject` holds the sub-project's
//    display name (the entry's name and the suffix). Not after "a", "your", "custom"...
//    ("a Backstage Plugin" is some plug-in), and not for entries flagged as platforms
//    (Kubernetes): a "Kubernetes Operator" is an operator for Kubernetes.
//  - A possessive ("Kubernetes'", "Helm's") or a following plural noun ("Helm charts") is not part
//    of the mention.
//
// Context cues are looked for around a mention: in its line (a paragraph; on a line longer than
// 8 KB, in the 4 KB or more on each side of it) and in the `context` given to FindMentions. They
// are lower-case words or phrases compared case-insensitively with the words of the text, a
// space and a hyphen alike. The last word of a cue matches as written or in the
// plural ("image", "images"), and, when it has six letters or more, at the start of a longer
// word ("preheat" in "preheating").
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
  // name of a landscape row, adds its aliases, cues and flags to that project (the extra row's
  // name then becomes the display name). Fails with kParseError, the message naming the file and
  // line ("extra_projects.tsv:12: ..."), on a row with the wrong number of columns, an empty
  // name, an unknown flag or maturity, a case-sensitive spelling that is not one of the row's
  // names, a character that cannot appear in a name (tab, '|'), an empty or upper-case cue, or a
  // name given twice in one file.
  static Result<Gazetteer> FromTsv(std::string_view landscape_tsv, std::string_view extra_tsv);

  // A gazetteer with the projects of `base` and the rows of a user's file `user_tsv`, in the
  // format of extra_projects.tsv, applied on top the same way: a row naming a known project adds
  // its aliases, case-sensitive spellings, cues and flags to it, any other row adds a project. A
  // row names a project when its name is the project's display name or one of its aliases (the
  // project keeps its display name), or when one of its aliases is the project's display name
  // (the row's name becomes the display name). `base` is not changed. Fails with kParseError as
  // FromTsv, the message naming `file_name` and the line ("my_names.tsv:3: empty project name").
  static Result<Gazetteer> WithUserFile(const Gazetteer& base, std::string_view user_tsv,
                                        std::string_view file_name);

  // Non-overlapping mentions in text order. `text` is one or more lines (a title, a description
  // paragraph); offsets are bytes into `text`. The work is linear in the size of `text`.
  std::vector<ProjectMention> FindMentions(std::string_view text) const;

  // As above, but context cues are looked for in `context` too: text around `text` that is not
  // scanned for mentions (a talk's description when `text` is its title).
  std::vector<ProjectMention> FindMentions(std::string_view text, std::string_view context) const;

  // As above, for a text that continues a sentence begun before it (the next line of a
  // hard-wrapped paragraph): its first word is no sentence start ("with\nLonghorn for storage").
  std::vector<ProjectMention> FindMentions(std::string_view text, std::string_view context,
                                           bool continues_sentence) const;

  // The entry with index `i`. Precondition: i < size().
  const ProjectEntry& entry(std::size_t i) const;
  std::size_t size() const { return entries_.size(); }

  // The index of the entry whose name or alias is `name` (compared case-insensitively, spaces
  // and hyphens alike), or size() if there is none. For a shared name, the entry FindMentions
  // falls back to when no cue decides.
  std::size_t Find(std::string_view name) const;

 private:
  // What is kept of the rows of an entry beyond ProjectEntry, to match it and to merge more rows.
  struct EntryData {
    std::vector<std::string> case_sensitive;  // spellings matched only as written
    bool platform = false;                    // takes no sub-project suffix
    bool skip = false;                        // never matched
  };
  struct Matcher;  // the compiled spellings and expressions (gazetteer.cc)

  // Adds a project made of `row`.
  void AddEntry(const GazetteerRow& row);
  // Merges `row` into the entry it names, or adds it as a project of its own. The entry named is
  // the one whose display name is the row's name or, failing that, one of its aliases; when
  // `by_any_spelling` is true, also one that has the row's name as an alias.
  void MergeRow(const GazetteerRow& row, bool by_any_spelling);
  // Builds matcher_ from the entries.
  Status Compile();

  std::vector<ProjectEntry> entries_;
  std::vector<EntryData> data_;                           // parallel to entries_
  std::unordered_map<std::string, std::size_t> by_name_;  // folded display name -> entry
  std::shared_ptr<const Matcher> matcher_;                // null when there is no spelling
};

// The regular expression (re2 syntax) the gazetteer matches a spelling with: a space or hyphen
// inside it matches any run of spaces or tabs and, unless `exact_case`, a hyphen too; letters
// match in any case unless `exact_case`; whole words at both ends (\b, or \B beside a
// non-word character). A spelling never spans two lines. Empty for a spelling of only spaces
// and hyphens. Public for bench/name_pass_bench.cc, which gives the same expressions to another
// engine.
std::string SpellingRegex(std::string_view text, bool exact_case);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_GAZETTEER_GAZETTEER_H_
