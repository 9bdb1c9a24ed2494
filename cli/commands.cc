#include "cli/commands.h"

#include "common/strings.h"
#include "graph/why.h"

namespace cnkg::cli {

const char* const kTalksHelp =
    "Talks that mention every --mentions project, optionally by people from --org\n"
    "and in --track. Names match case-insensitively, through aliases.";
const char* const kPathHelp =
    "A shortest path between two names, hop by hop with each edge's evidence. It passes\n"
    "through no document (a post mentioning both ends says nothing) unless --via Document.";
const char* const kNeighborsHelp =
    "The nodes around a name, up to --depth hops, optionally of one --label.";
const char* const kWhyHelp =
    "Show where an entity comes from (each document, line and text), or with two names,\n"
    "every relationship between them with its evidence. Names match case-insensitively,\n"
    "by name, alias or key.";

void PrintError(std::ostream& err, std::string_view message) { err << "cnkg: " << message << "\n"; }

bool ParseParams(const std::vector<std::string>& in, std::map<std::string, std::string>& out,
                 std::ostream& err) {
  for (const std::string& p : in) {
    std::size_t eq = p.find('=');
    if (eq == std::string::npos || eq == 0) {
      PrintError(err, "--param expects name=value, got '" + p + "'");
      return false;
    }
    out[p.substr(0, eq)] = p.substr(eq + 1);
  }
  return true;
}

bool ValidFormat(const std::string& format, std::ostream& err) {
  if (format == "table" || format == "json" || format == "csv") return true;
  PrintError(err, "unknown output format '" + format + "' (known: table, json, csv)");
  return false;
}

std::optional<Label> LabelOption(const std::string& name, bool* ok, std::ostream& err) {
  *ok = true;
  if (name.empty()) return std::nullopt;
  auto l = ParseLabel(name);
  if (!l) {
    std::vector<std::string> known;
    for (Label x : kAllLabels) known.emplace_back(LabelName(x));
    PrintError(err, "unknown label '" + name + "' (known: " + Join(known, ", ") + ")");
    *ok = false;
  }
  return l;
}

bool GraphIntact(const CompactGraph& graph, std::ostream& err) {
  if (graph.status().ok()) return true;
  PrintError(err, graph.status().message());
  return false;
}

int Finish(const CompactGraph& graph, const Status& status, const std::string& text, Io io) {
  if (!GraphIntact(graph, io.err)) return kExitError;
  if (!status.ok()) {
    PrintError(io.err, status.message());
    return kExitError;
  }
  io.out << text;
  return kExitOk;
}

int PrintResult(const CompactGraph& graph, const Result<QueryResult>& result,
                const std::string& format, Io io) {
  if (!result.ok()) return Finish(graph, result.status(), "", io);
  // Formatting reads the graph again (properties, evidence): checked after it.
  const std::string text = format == "json"  ? FormatJson(*result)
                           : format == "csv" ? FormatCsv(*result)
                                             : FormatTable(*result);
  if (!GraphIntact(graph, io.err)) return kExitError;
  for (const std::string& n : result->notices) io.err << "cnkg: notice: " << n << "\n";
  io.out << text;
  return kExitOk;
}

int RunQueryText(const CompactGraph& graph, std::string_view text, const QueryOptions& options,
                 const std::string& format, Io io) {
  return PrintResult(graph, RunQuery(graph, text, options), format, io);
}

void AddOutputOptions(CLI::App& cmd, OutputArgs& args) {
  cmd.add_option("--format", args.format, "table (default), json or csv");
  cmd.add_option("--max-rows", args.max_rows, "Print at most this many rows");
}

void AddTalksOptions(CLI::App& cmd, TalksArgs& args) {
  cmd.add_option("--mentions", args.mentions, "A project the talk mentions (repeatable)");
  cmd.add_option("--org", args.orgs, "An organisation of a presenter (repeatable)");
  cmd.add_option("--track", args.tracks, "A track (repeatable)");
  AddOutputOptions(cmd, args.output);
}

void AddPathOptions(CLI::App& cmd, PathArgs& args) {
  cmd.add_option("FROM TO", args.ends, "The two names")->required()->expected(2);
  cmd.add_option("--max-hops", args.max_hops, "Longest path to look for (default 6)")
      ->check(CLI::Range(1, 20));
  cmd.add_option("--via", args.via,
                 "Only paths through a node with this label (Document: through one document)");
}

void AddNeighborsOptions(CLI::App& cmd, NeighborsArgs& args) {
  cmd.add_option("NAME", args.name, "A name, alias or key")->required();
  cmd.add_option("--depth", args.depth, "Hops (default 1)")->check(CLI::Range(1, 6));
  cmd.add_option("--label", args.label, "Only nodes with this label");
  AddOutputOptions(cmd, args.output);
}

void AddWhyOptions(CLI::App& cmd, WhyArgs& args) {
  cmd.add_option("NAME", args.names, "One or two entity names")->required()->expected(1, 2);
}

int RunTalks(const CompactGraph& graph, const TalksArgs& args, QueryOptions options, Io io) {
  if (!ValidFormat(args.output.format, io.err)) return kExitUsage;
  auto text = TalksQuery(graph, args.mentions, args.orgs, args.tracks);
  if (!text.ok()) return Finish(graph, text.status(), "", io);
  if (args.output.max_rows != 0) options.max_rows = args.output.max_rows;
  return RunQueryText(graph, *text, options, args.output.format, io);
}

int RunPath(const CompactGraph& graph, const PathArgs& args, Io io) {
  bool ok = true;
  auto via = LabelOption(args.via, &ok, io.err);
  if (!ok) return kExitUsage;
  auto text = ExplainPath(graph, args.ends.at(0), args.ends.at(1), args.max_hops, via);
  return Finish(graph, text.status(), text.ok() ? *text : "", io);
}

int RunNeighbors(const CompactGraph& graph, const NeighborsArgs& args, Io io) {
  if (!ValidFormat(args.output.format, io.err)) return kExitUsage;
  bool ok = true;
  auto label = LabelOption(args.label, &ok, io.err);
  if (!ok) return kExitUsage;
  return PrintResult(graph, Neighbors(graph, args.name, args.depth, label), args.output.format, io);
}

int RunWhy(const CompactGraph& graph, const WhyArgs& args, Io io) {
  auto text = args.names.size() == 1 ? ExplainEntity(graph, args.names.at(0))
                                     : ExplainPair(graph, args.names.at(0), args.names.at(1));
  return Finish(graph, text.status(), text.ok() ? *text : "", io);
}

}  // namespace cnkg::cli
