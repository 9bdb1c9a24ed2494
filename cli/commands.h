#ifndef CNKG_CLI_COMMANDS_H_
#define CNKG_CLI_COMMANDS_H_

// The query commands of the command line (`cnkg query`, `talks`, `path`, `neighbors`, `why`) as
// functions over an opened graph, shared by the subcommands in cli/main.cc and the commands of
// `cnkg shell` (cli/shell_session.h), so that both take the same options, print the same output
// and report the same errors. Every function writes results to `out` and messages to `err`
// ("cnkg: MESSAGE"), and returns an exit status.

#include <CLI/CLI.hpp>
#include <cstddef>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "graph/compact_graph.h"
#include "graph/model.h"
#include "query/engine.h"

namespace cnkg::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;  // the input or data had errors
inline constexpr int kExitUsage = 2;  // a bad option or argument

// Where a command writes: results to `out`, messages to `err`.
struct Io {
  std::ostream& out;
  std::ostream& err;
};

// Prints "cnkg: MESSAGE" on its own line.
void PrintError(std::ostream& err, std::string_view message);

// Parses name=value pairs (--param) into `out`. Prints the error and returns false on a
// malformed one.
bool ParseParams(const std::vector<std::string>& in, std::map<std::string, std::string>& out,
                 std::ostream& err);
// True if `format` is an output format (table, json, csv); otherwise prints the error.
bool ValidFormat(const std::string& format, std::ostream& err);
// The label a --label or --via option names; nullopt for "". Prints the error and sets *ok to
// false when the name is not a label.
std::optional<Label> LabelOption(const std::string& name, bool* ok, std::ostream& err);

// Graph files are checked as they are read (see CompactGraph::status()): a corruption met while
// working out an answer wins over the answer, and over an error it may have caused (a name not
// found because an index was corrupt), so a corrupt file never passes for a wrong answer.
// GraphIntact prints the corruption, if any, and says whether there was none.
bool GraphIntact(const CompactGraph& graph, std::ostream& err);
// Prints `text` to io.out, or the corruption of `graph` or the error in `status`.
int Finish(const CompactGraph& graph, const Status& status, const std::string& text, Io io);
// Formats `result` in `format`, then prints its notices to io.err and the result to io.out (or
// the errors, as Finish).
int PrintResult(const CompactGraph& graph, const Result<QueryResult>& result,
                const std::string& format, Io io);
// Runs Cypher `text` and prints the result (kExitError, with the message, when it fails).
int RunQueryText(const CompactGraph& graph, std::string_view text, const QueryOptions& options,
                 const std::string& format, Io io);

// ---- The options of the shortcut commands, added to a CLI11 command by the subcommands of
// cnkg and by the shell (which has no GRAPH argument).
struct OutputArgs {
  std::string format = "table";
  std::size_t max_rows = 0;
};
struct TalksArgs {
  std::vector<std::string> mentions, orgs, tracks;
  OutputArgs output;
};
struct PathArgs {
  std::vector<std::string> ends;  // FROM TO
  int max_hops = 6;
  std::string via;
};
struct NeighborsArgs {
  std::string name;
  int depth = 1;
  std::string label;
  OutputArgs output;
};
struct WhyArgs {
  std::vector<std::string> names;  // one or two
};

// One-paragraph descriptions, for the subcommands' --help.
extern const char* const kTalksHelp;
extern const char* const kPathHelp;
extern const char* const kNeighborsHelp;
extern const char* const kWhyHelp;

void AddOutputOptions(CLI::App& cmd, OutputArgs& args);
void AddTalksOptions(CLI::App& cmd, TalksArgs& args);
void AddPathOptions(CLI::App& cmd, PathArgs& args);
void AddNeighborsOptions(CLI::App& cmd, NeighborsArgs& args);
void AddWhyOptions(CLI::App& cmd, WhyArgs& args);

// The shortcut commands. `options` (talks) carries the parameters and limits of the query the
// shortcut compiles to; args.output.max_rows, when not 0, replaces options.max_rows.
int RunTalks(const CompactGraph& graph, const TalksArgs& args, QueryOptions options, Io io);
int RunPath(const CompactGraph& graph, const PathArgs& args, Io io);
int RunNeighbors(const CompactGraph& graph, const NeighborsArgs& args, Io io);
int RunWhy(const CompactGraph& graph, const WhyArgs& args, Io io);

}  // namespace cnkg::cli

#endif  // CNKG_CLI_COMMANDS_H_
