// cnkg: the cloud-native knowledge graph command-line tool. A thin layer over the library: it
// parses arguments, calls extract/graph/export, prints diagnostics and sets the exit status.
//
// Exit status: 0 success; 1 the input or data had errors (messages on stderr); 2 usage error.
//
// Compiled twice. `cnkg-full` has every command. `cnkg` (CNKG_QUERY_ONLY) has only the commands
// that read a binary graph file in place (query, talks, path, neighbors, why, shell, stats) and
// links none of the readers' and exporters' libraries (libical with ICU, Graphviz, yaml-cpp,
// cmark-gfm, pugixml, jemalloc, ...), whose loading took two thirds of a quick query's time;
// for anything else it runs cnkg-full from its own folder with the same arguments.

#include <unistd.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "cli/shell.h"
#include "common/files.h"
#include "common/json_writer.h"
#include "common/strings.h"
#ifndef CNKG_QUERY_ONLY
#include "export/export.h"
#include "export/render.h"
#include "extract/core/alias_file.h"
#include "extract/core/document.h"
#include "extract/gazetteer/gazetteer.h"
#include "extract/grammar/local_time.h"
#include "extract/pipeline.h"
#include "graph/subgraph.h"
#endif
#include "graph/lookup.h"
#include "graph/snapshot.h"
#include "graph/stats.h"
#include "graph/why.h"
#include "query/engine.h"

namespace {

using cnkg::cli::kExitError;
using cnkg::cli::kExitOk;
using cnkg::cli::kExitUsage;

void PrintError(const std::string& message) { cnkg::cli::PrintError(std::cerr, message); }

[[maybe_unused]] bool GraphIntact(const cnkg::CompactGraph& graph) {
  return cnkg::cli::GraphIntact(graph, std::cerr);
}

int Finish(const cnkg::CompactGraph& graph, const cnkg::Status& status, const std::string& out) {
  return cnkg::cli::Finish(graph, status, out, {std::cout, std::cerr});
}

#ifndef CNKG_QUERY_ONLY
struct BuildFlags {
  std::string format;
  std::string base_graph;  // --graph: add to this graph
  std::string aliases;     // --aliases: user merge rules
  std::string gazetteer;   // --gazetteer: user project names
  bool keep_going = false;
  bool quiet = false;
  bool explain_merges = false;
  bool verbose = false;   // --verbose: every warning, none summarised
  std::string time_zone;  // --timezone
  int jobs = 0;           // -j: extraction threads; 0 for one per core
};

// Shows a build's progress on stderr when stderr is a terminal and the build has run for two
// seconds: one line, rewritten in place about four times a second, cleared at the end.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : start_(std::chrono::steady_clock::now()) {
    if (enabled && isatty(STDERR_FILENO)) ticker_ = std::thread([this] { Tick(); });
  }
  ~ProgressLine() {
    if (!ticker_.joinable()) return;
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    wake_.notify_all();
    ticker_.join();
    if (shown_) std::cerr << "\r\033[K" << std::flush;
  }
  void Update(const cnkg::BuildProgress& p) {
    std::lock_guard<std::mutex> lock(mu_);
    progress_ = p;
  }

 private:
  void Tick() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!wake_.wait_for(lock, std::chrono::milliseconds(250), [&] { return stop_; })) {
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
      if (seconds < 2) continue;
      std::cerr << "\r\033[K" << cnkg::FormatBuildProgress(progress_, seconds) << std::flush;
      shown_ = true;
    }
  }

  const std::chrono::steady_clock::time_point start_;
  std::mutex mu_;
  std::condition_variable wake_;
  cnkg::BuildProgress progress_;
  bool stop_ = false;
  bool shown_ = false;
  std::thread ticker_;
};

// Keeps a command's graph (or the builder that indexes it) until the process ends. It is
// deliberately never freed: destroying a graph of a million elements at exit took a third of a
// command's time, and the operating system reclaims the memory at once. It stays reachable (from
// a static), so leak checkers do not report it.
template <typename T>
T* KeepForever(std::unique_ptr<T> value) {
  static auto* kept = new std::vector<std::shared_ptr<void>>();
  kept->push_back(std::shared_ptr<void>(std::move(value)));
  return static_cast<T*>(kept->back().get());
}

cnkg::KnowledgeGraph* KeepForever(cnkg::KnowledgeGraph&& graph) {
  return KeepForever(std::make_unique<cnkg::KnowledgeGraph>(std::move(graph)));
}

int RunBuild(const std::vector<std::string>& inputs, const std::string& output,
             const BuildFlags& flags) {
  const std::string& format = flags.format;
  const bool keep_going = flags.keep_going, quiet = flags.quiet;
  cnkg::BuildOptions options;
  if (!format.empty()) {
    options.reader = cnkg::FindReader(format);
    if (options.reader == nullptr) {
      PrintError("unknown document format '" + format + "' (known: " + cnkg::ReaderNames() + ")");
      return kExitUsage;
    }
  }
  if (!flags.time_zone.empty()) {
    if (!cnkg::IsKnownTimeZone(flags.time_zone)) {
      PrintError("unknown time zone '" + flags.time_zone +
                 "' for --timezone (give an IANA name such as Europe/Berlin or America/New_York)");
      return kExitUsage;
    }
    options.time_zone = flags.time_zone;
  }
  cnkg::KnowledgeGraph& graph = *KeepForever(cnkg::KnowledgeGraph());
  if (!flags.base_graph.empty()) {
    auto base = cnkg::ReadGraphFile(flags.base_graph);
    if (!base.ok()) {
      PrintError(base.status().message());
      return kExitError;
    }
    graph = std::move(base).value();
  }
  cnkg::AliasRules rules;
  if (!flags.aliases.empty()) {
    auto r = cnkg::ReadAliasFile(flags.aliases);
    if (!r.ok()) {
      PrintError(r.status().message());
      return kExitError;
    }
    rules = std::move(r).value();
  }
  const cnkg::Gazetteer* gazetteer = &cnkg::Gazetteer::Builtin();
  std::optional<cnkg::Gazetteer> user_gazetteer;
  if (!flags.gazetteer.empty()) {
    auto text = cnkg::ReadFile(flags.gazetteer);
    if (!text.ok()) {
      PrintError(text.status().message());
      return kExitError;
    }
    auto g = cnkg::Gazetteer::WithUserFile(*gazetteer, *text, flags.gazetteer);
    if (!g.ok()) {
      PrintError(g.status().message());
      return kExitError;
    }
    user_gazetteer = std::move(g).value();
    gazetteer = &*user_gazetteer;
  }
  cnkg::GraphBuilder& builder =
      *KeepForever(std::make_unique<cnkg::GraphBuilder>(graph, std::move(rules)));
  cnkg::BuildReport report;
  options.jobs = flags.jobs;
  {
    ProgressLine progress(!quiet);
    options.progress = [&progress](const cnkg::BuildProgress& p) { progress.Update(p); };
    cnkg::BuildGraph(inputs, options, *gazetteer, builder, report);
  }
  {
    std::vector<cnkg::Diagnostic> shown;
    for (const cnkg::Diagnostic& d : report.diagnostics)
      if (!quiet || d.severity != cnkg::Diagnostic::Severity::kWarning) shown.push_back(d);
    for (const std::string& line : cnkg::DiagnosticLines(shown, flags.verbose))
      std::cerr << line << "\n";
  }
  if (report.has_errors() && !keep_going) {
    PrintError("not writing " + output +
               " because of the errors above (use --keep-going to "
               "write the graph of the documents that could be read)");
    return kExitError;
  }
  if (flags.explain_merges) {
    std::cout << builder.merges().size() << " merge" << (builder.merges().size() == 1 ? "" : "s")
              << "\n";
    for (const cnkg::MergeRecord& m : builder.merges()) {
      std::cout << cnkg::LabelName(m.label) << " \"" << m.incoming << "\" -> \"" << m.node_name
                << "\" (" << m.node_key << "): " << m.reason << " [" << m.document << "]\n";
    }
  }
  for (const std::string& r : report.documents_replaced) {
    if (!quiet)
      std::cerr << "cnkg: " << r
                << ": already in the graph; its earlier contributions were replaced\n";
  }
  if (report.documents_read == 0) {
    PrintError("no document could be read; not writing " + output);
    return kExitError;
  }
  cnkg::Status s = cnkg::WriteGraphFile(graph, output);
  if (!s.ok()) {
    PrintError(s.message());
    return kExitError;
  }
  if (!quiet) {
    std::cerr << "cnkg: read " << report.documents_read << " document"
              << (report.documents_read == 1 ? "" : "s") << "; wrote " << output << " ("
              << graph.num_nodes() << " nodes, " << graph.num_edges() << " relationships)\n";
  }
  return report.has_errors() ? kExitError : kExitOk;
}

#endif  // CNKG_QUERY_ONLY

// Parses --param name=value pairs. Prints the error and returns false on a malformed one.
bool ParseParams(const std::vector<std::string>& in, std::map<std::string, std::string>& out) {
  return cnkg::cli::ParseParams(in, out, std::cerr);
}

#ifndef CNKG_QUERY_ONLY
struct RenderFlags {
  std::string around;
  std::string query;                // --query: only what this Cypher query returns
  std::vector<std::string> params;  // --param name=value for --query
  int depth = 2;
  std::string layout;
  std::string cluster_by;
  bool edge_labels = false;
  int width = 1600;
};

// Reads the graph file of a command, kept until the process ends.
cnkg::Result<cnkg::KnowledgeGraph*> LoadGraph(const std::string& path) {
  auto graph = cnkg::ReadGraphFile(path);
  if (!graph.ok()) return graph.status();
  return KeepForever(std::move(*graph));
}

// Narrows `graph` to the neighbourhood of `around` (if given). Prints the error and returns false
// when the name is unknown or ambiguous.
bool SelectAround(cnkg::KnowledgeGraph& graph, const std::string& around, int depth) {
  if (around.empty()) return true;
  auto found = cnkg::FindByName(graph, around);
  if (found.empty()) {
    std::string msg = "no node named '" + around + "'";
    auto s = cnkg::SuggestNames(graph, around);
    if (!s.empty()) msg += " (did you mean: " + cnkg::Join(s, "; ") + "?)";
    PrintError(msg);
    return false;
  }
  graph = cnkg::Neighborhood(graph, found, depth);
  return true;
}

// The graph a render or export writes: what --query returns (run over the graph file read in
// place, so that a large binary graph file is never loaded whole), the neighbourhood of
// --around, or the whole graph. Prints the error and sets *code when that fails.
cnkg::KnowledgeGraph* LoadPart(const std::string& path, const RenderFlags& flags, int* code) {
  *code = kExitError;
  if (!flags.query.empty()) {
    cnkg::QueryOptions options;
    if (!ParseParams(flags.params, options.params)) {
      *code = kExitUsage;
      return nullptr;
    }
    auto graph = cnkg::ReadQueryGraph(path);
    if (!graph.ok()) {
      PrintError(graph.status().message());
      return nullptr;
    }
    auto part = cnkg::QuerySubgraph(**graph, flags.query, options);
    if (!GraphIntact(**graph)) return nullptr;
    if (!part.ok()) {
      PrintError("--query: " + part.status().message());
      return nullptr;
    }
    return KeepForever(std::move(*part));
  }
  auto graph = LoadGraph(path);
  if (!graph.ok()) {
    PrintError(graph.status().message());
    return nullptr;
  }
  if (!SelectAround(**graph, flags.around, flags.depth)) return nullptr;
  return *graph;
}

int RunRender(const std::string& path, const std::string& output, const RenderFlags& flags) {
  cnkg::RenderOptions options;
  options.format = cnkg::RenderFormatForPath(output);
  if (options.format.empty()) {
    PrintError("render: the output name must end in .svg, .png or .pdf: " + output);
    return kExitUsage;
  }
  options.layout = flags.layout;
  options.edge_labels = flags.edge_labels;
  options.width_px = flags.width;
  if (flags.cluster_by == "label") {
    options.cluster = cnkg::ClusterBy::kLabel;
  } else if (flags.cluster_by == "category") {
    options.cluster = cnkg::ClusterBy::kCategory;
  } else if (!flags.cluster_by.empty() && flags.cluster_by != "none") {
    PrintError("render: unknown --cluster-by '" + flags.cluster_by +
               "' (known: none, label, category)");
    return kExitUsage;
  }
  int code = kExitOk;
  cnkg::KnowledgeGraph* graph = LoadPart(path, flags, &code);
  if (!graph) return code;
  auto image = cnkg::RenderGraph(*graph, options);
  if (!image.ok()) {
    PrintError(image.status().message());
    return image.status().code() == cnkg::StatusCode::kInvalidArgument ? kExitUsage : kExitError;
  }
  cnkg::Status s = cnkg::WriteFileAtomically(output, *image);
  if (!s.ok()) {
    PrintError(s.message());
    return kExitError;
  }
  return kExitOk;
}

#endif  // CNKG_QUERY_ONLY

struct QueryFlags {
  cnkg::cli::OutputArgs output;
  std::vector<std::string> params;
  int max_hops = 10;
};

int RunQueryText(const cnkg::CompactGraph& graph, const std::string& text,
                 const QueryFlags& flags) {
  cnkg::QueryOptions options;
  if (!ParseParams(flags.params, options.params)) return kExitUsage;
  options.max_rows = flags.output.max_rows;
  options.default_max_hops = flags.max_hops;
  return cnkg::cli::RunQueryText(graph, text, options, flags.output.format, {std::cout, std::cerr});
}

int RunStats(const std::string& path, bool json, bool by_maturity) {
  auto graph = cnkg::ReadQueryGraph(path);
  if (!graph.ok()) {
    PrintError(graph.status().message());
    return kExitError;
  }
  std::string out;
  if (by_maturity) {
    out = json ? cnkg::DumpJson(cnkg::MentionedByMaturityJson(**graph), 1) + "\n"
               : cnkg::MentionedByMaturityText(**graph);
  } else {
    out = json ? cnkg::DumpJson(cnkg::StatsJson(**graph), 1) + "\n" : cnkg::StatsText(**graph);
  }
  return Finish(**graph, cnkg::Status::Ok(), out);
}

#ifndef CNKG_QUERY_ONLY
int RunExport(const std::string& path, const std::string& format, const std::string& output,
              bool force, const RenderFlags& part) {
  int code = kExitOk;
  cnkg::KnowledgeGraph* graph = LoadPart(path, part, &code);
  if (!graph) return code;
  auto code_for = [](const cnkg::Status& s) {
    return s.code() == cnkg::StatusCode::kInvalidArgument ? kExitUsage : kExitError;
  };
  if (cnkg::IsDirectoryFormat(format)) {
    if (output == "-") {
      PrintError("--format " + format + " writes a directory; give -o DIR");
      return kExitUsage;
    }
    auto files = cnkg::ExportGraphFiles(*graph, format);
    if (!files.ok()) {
      PrintError(files.status().message());
      return code_for(files.status());
    }
    cnkg::Status s = cnkg::WriteExportDirectory(output, *files, force);
    if (!s.ok()) {
      PrintError(s.message());
      return kExitError;
    }
    return kExitOk;
  }
  auto text = cnkg::ExportGraph(*graph, format);
  if (!text.ok()) {
    PrintError(text.status().message());
    return code_for(text.status());
  }
  if (output == "-") {
    std::cout << *text;
    return kExitOk;
  }
  cnkg::Status s = cnkg::WriteFileAtomically(output, *text);
  if (!s.ok()) {
    PrintError(s.message());
    return kExitError;
  }
  return kExitOk;
}
#endif  // CNKG_QUERY_ONLY

#ifdef CNKG_QUERY_ONLY
// Whether this binary runs the command in argv: a query command over a binary graph file (a JSON
// graph file is parsed whole, which cnkg-full does with its faster allocator).
bool ServedHere(int argc, char** argv) {
  static const char* const kCommands[] = {"query", "talks", "path", "neighbors",
                                          "why",   "shell", "stats"};
  if (argc < 2) return false;
  const std::string command = argv[1];
  if (std::find(std::begin(kCommands), std::end(kCommands), command) == std::end(kCommands))
    return false;
  // The graph is the first argument that is not an option (every option of these commands
  // takes its value as the next argument or after '=', except the flags below).
  static const char* const kFlags[] = {"--json", "--mentioned-by-maturity", "--timing", "-h",
                                       "--help"};
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--help" || a == "-h") return true;  // help for this command: here
    if (a.rfind("-", 0) == 0 && a != "-") {
      if (a.find('=') == std::string::npos &&
          std::find(std::begin(kFlags), std::end(kFlags), a) == std::end(kFlags))
        ++i;  // the option's value
      continue;
    }
    return cnkg::IsBinaryGraphFile(a);
  }
  return true;  // no graph given: the usage error is the same in both
}

// Runs cnkg-full, next to this binary, with the same arguments. Returns only on failure.
int RunFull(char** argv) {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  const std::string full = (ec ? std::filesystem::path(argv[0]) : self).parent_path() / "cnkg-full";
  execv(full.c_str(), argv);
  PrintError("cannot run " + full + ": " + std::strerror(errno) +
             " (build, export and render need cnkg-full beside cnkg)");
  return kExitError;
}
#endif

}  // namespace

#ifndef CNKG_QUERY_ONLY
// Loading a graph of millions of elements makes millions of small allocations, and on first touch
// each 4 KiB page of the heap costs a page fault. glibc can back its heap with transparent huge
// pages (the tunable glibc.malloc.hugetlb=1), which makes such loads about 2.5 times faster, but
// reads its tunables only at start-up: for a large graph file, cnkg starts itself again with the
// tunable set, unless the user has set GLIBC_TUNABLES. Returns only if it did not re-execute.
void ReexecForLargeGraph(const std::string& graph_path, char** argv) {
#if defined(__GLIBC__) && defined(__linux__)
  constexpr std::uintmax_t kLargeGraphBytes = 32u << 20;
  if (graph_path.empty() || std::getenv("GLIBC_TUNABLES") != nullptr) return;
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(graph_path, ec);
  if (ec || size < kLargeGraphBytes) return;
  if (setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", 1) != 0) return;
  execv("/proc/self/exe", argv);
  unsetenv("GLIBC_TUNABLES");  // exec failed: carry on in this process
#else
  (void)graph_path;
  (void)argv;
#endif
}
#endif  // CNKG_QUERY_ONLY

int main(int argc, char** argv) {
#ifdef CNKG_QUERY_ONLY
  if (!ServedHere(argc, argv)) return RunFull(argv);
#if defined(__GLIBC__)
  // A query's large buffers (the rows of a big aggregation) are given back to the system when
  // freed and come back as fresh zeroed pages for the next query: in a shell that was a tenth of
  // a repeated query's time. Keep them in the heap instead.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
#endif
  CLI::App app{
      "cnkg - the cloud-native knowledge graph.\n"
      "Builds a graph of talks, people, organisations and projects from conference schedules,\n"
      "and exports it for networkx, Gephi, yEd, Neo4j and Graphviz."};
  app.set_version_flag("--version", std::string("cnkg 0.1.0"));
  app.require_subcommand(1);
  app.fallthrough(false);

#ifndef CNKG_QUERY_ONLY
  std::vector<std::string> inputs;
  std::string output;
  BuildFlags flags;
  CLI::App* build = app.add_subcommand(
      "build",
      "Read documents (files or folders) and write the graph file (node-link JSON).\n"
      "Warnings go to stderr; a document that cannot be read is an error, and then the graph\n"
      "is not written (an existing GRAPH file is left as it was) unless --keep-going.");
  std::vector<std::string> landscapes;
  build->add_option("INPUT", inputs, "Documents or folders of documents");
  build->add_option("--landscape", landscapes,
                    "A CNCF landscape.yml to import (projects, maturity, categories,\n"
                    "organisations); a landscape given as an ordinary INPUT is detected too");
  build
      ->add_option(
          "-o,--output", output,
          "Graph file to write: node-link JSON, or the binary graph file if the name ends\n"
          "in .cnkg (queried in place, so large graphs answer at once; every command reads\n"
          "both)")
      ->required();
  std::string format_help = "Read every input as this format instead of detecting it:";
  for (const cnkg::Reader& r : cnkg::Readers())
    format_help += "\n  " + std::string(r.name) + ": " + std::string(r.summary);
  build->add_option("--format", flags.format, format_help);
  build->add_option("--graph", flags.base_graph,
                    "Add the inputs to this existing graph file; an input already in it replaces\n"
                    "its earlier contributions (incremental build). A document is its path: as\n"
                    "given, or, found in a folder, the folder's name and the path below it");
  build->add_option("--aliases", flags.aliases,
                    "YAML file of merge rules: per label, canonical name -> variants, and\n"
                    "'forbid' pairs (see docs/aliases.md)");
  build->add_option("--gazetteer", flags.gazetteer,
                    "TSV file of your own project names and aliases, added to the built-in\n"
                    "gazetteer (format: data/gazetteer/README.md)");
  build->add_option("--timezone", flags.time_zone,
                    "IANA time zone (Europe/Berlin) of local times that a document writes without\n"
                    "a zone and does not name one for (Sessionize and sched JSON exports);\n"
                    "without it such times are kept as local times, with a warning");
  build->add_flag("--explain-merges", flags.explain_merges,
                  "Print every merge of differently written names and why it was made");
  build->add_flag("--keep-going", flags.keep_going,
                  "Write the graph of the readable documents even if others failed (exit 1)");
  build
      ->add_option("-j,--jobs", flags.jobs,
                   "Threads that read documents (default: one per core); the graph is the same\n"
                   "whatever the number")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            std::size_t used = 0;
            int n = -1;
            try {
              n = std::stoi(value, &used);
            } catch (const std::exception&) {
            }
            if (n < 0 || used != value.size())
              return "'" + value + "' is not a number of threads (0 for one per core)";
            return "";
          },
          "N"));
  build->add_flag("-q,--quiet", flags.quiet,
                  "Do not print warnings, progress (shown on a terminal after two seconds) or the\n"
                  "summary");
  build->add_flag("--verbose", flags.verbose,
                  "Print every warning (by default a warning repeated in one document is printed\n"
                  "three times and then counted)");

#endif  // CNKG_QUERY_ONLY

  std::string graph_path;
  bool json = false;
  CLI::App* stats = app.add_subcommand("stats",
                                       "Print node counts per label and relationship "
                                       "counts per type of a graph file.");
  stats->add_option("GRAPH", graph_path, "Graph file written by 'cnkg build'")->required();
  stats->add_flag("--json", json, "Print JSON instead of a table");
  bool by_maturity = false;
  stats->add_flag("--mentioned-by-maturity", by_maturity,
                  "List the projects that talks or documents mention, by CNCF maturity\n"
                  "(build with --landscape to know every CNCF project's maturity)");

  cnkg::cli::WhyArgs why_args;
  CLI::App* why = app.add_subcommand("why", cnkg::cli::kWhyHelp);
  why->add_option("GRAPH", graph_path, "Graph file written by 'cnkg build'")->required();
  cnkg::cli::AddWhyOptions(*why, why_args);

  QueryFlags query_flags;
  std::string query_text;
  CLI::App* query = app.add_subcommand(
      "query",
      "Run an openCypher query over the graph (MATCH, OPTIONAL MATCH, WHERE, RETURN, WITH,\n"
      "UNWIND, ORDER BY, SKIP, LIMIT, aggregates, paths, shortestPath; see docs/query.md).");
  query->add_option("GRAPH", graph_path, "Graph file written by 'cnkg build'")->required();
  query->add_option("CYPHER", query_text, "The query, or - to read it from standard input")
      ->required();
  query->add_option("--param", query_flags.params, "A parameter: name=value (repeatable)");
  query
      ->add_option("--max-hops", query_flags.max_hops,
                   "Upper bound of a variable-length pattern written without one (default 10)")
      ->check(CLI::Range(1, 100));
  cnkg::cli::AddOutputOptions(*query, query_flags.output);

  cnkg::cli::TalksArgs talks_args;
  CLI::App* talks = app.add_subcommand("talks", cnkg::cli::kTalksHelp);
  talks->add_option("GRAPH", graph_path, "Graph file written by 'cnkg build'")->required();
  cnkg::cli::AddTalksOptions(*talks, talks_args);

  cnkg::cli::PathArgs path_args;
  CLI::App* path_cmd = app.add_subcommand("path", cnkg::cli::kPathHelp);
  path_cmd->add_option("GRAPH", graph_path, "Graph file written by 'cnkg build'")->required();
  cnkg::cli::AddPathOptions(*path_cmd, path_args);

  cnkg::cli::NeighborsArgs neighbors_args;
  CLI::App* neighbors = app.add_subcommand("neighbors", cnkg::cli::kNeighborsHelp);
  neighbors->add_option("GRAPH", graph_path, "Graph file written by 'cnkg build'")->required();
  cnkg::cli::AddNeighborsOptions(*neighbors, neighbors_args);

  cnkg::cli::ShellFlags shell_flags;
  CLI::App* shell = app.add_subcommand("shell", cnkg::cli::kShellHelp);
  shell->add_option("GRAPH", graph_path, "Graph file written by 'cnkg build'")->required();
  cnkg::cli::AddShellOptions(*shell, shell_flags);

#ifndef CNKG_QUERY_ONLY
  RenderFlags render_flags;
  CLI::App* render = app.add_subcommand(
      "render",
      "Draw the graph, or the part around a name, as an SVG, PNG or PDF map through Graphviz:\n"
      "nodes coloured by label, projects shaded by CNCF maturity, a legend; sfdp with overlap\n"
      "removal is chosen on its own above 300 nodes.");
  render->add_option("GRAPH", graph_path, "Graph file written by 'cnkg build'")->required();
  render->add_option("-o,--output", output, "Image to write: .svg, .png or .pdf")->required();
  auto* render_query = render->add_option(
      "--query", render_flags.query,
      "Only the nodes, relationships and paths this Cypher query returns (see docs/query.md)");
  render
      ->add_option("--param", render_flags.params,
                   "A parameter of --query: name=value (repeatable)")
      ->needs(render_query);
  render->add_option("--around", render_flags.around, "Only the neighbourhood of this name")
      ->excludes(render_query);
  render->add_option("--depth", render_flags.depth, "Hops around --around (default 2)")
      ->check(CLI::Range(0, 10));
  render->add_option("--layout", render_flags.layout, "dot, neato, fdp, sfdp or circo");
  render->add_option("--cluster-by", render_flags.cluster_by,
                     "Group nodes in boxes: none, label or category (landscape category)");
  render->add_flag("--edge-labels", render_flags.edge_labels, "Label edges with their type");
  render->add_option("--width", render_flags.width, "PNG width in pixels (default 1600)")
      ->check(CLI::Range(200, 20000));

  std::string export_format;
  CLI::App* exp = app.add_subcommand(
      "export",
      "Write a graph file in another format: json (node-link, for networkx and d3), graphml\n"
      "(Gephi, yEd, networkx, igraph, Neo4j APOC), dot (Graphviz), cypher (a script of\n"
      "parameter-safe statements), neo4j-csv (neo4j-admin import), kuzu (for Kuzu's IMPORT\n"
      "DATABASE 'DIR', or schema.cypher then load.cypher inside DIR) or\n"
      "cnkg (the binary graph file, which every cnkg command reads and loads fastest).");
  exp->add_option("GRAPH", graph_path, "Graph file written by 'cnkg build'")->required();
  exp->add_option(
         "--format", export_format,
         "json, cnkg (binary graph file), graphml, dot, cypher (one file); neo4j-csv, kuzu\n"
         "(a directory)")
      ->required();
  exp->add_option("-o,--output", output,
                  "File to write, or - for standard output; a directory for neo4j-csv and kuzu")
      ->required();
  bool export_force = false;
  exp->add_flag("--force", export_force,
                "Replace an existing non-empty export directory (only one cnkg wrote)");
  auto* exp_query = exp->add_option(
      "--query", render_flags.query,
      "Only the nodes, relationships and paths this Cypher query returns (see docs/query.md)");
  exp->add_option("--param", render_flags.params, "A parameter of --query: name=value (repeatable)")
      ->needs(exp_query);
  exp->add_option("--around", render_flags.around, "Only the neighbourhood of this name")
      ->excludes(exp_query);
  exp->add_option("--depth", render_flags.depth, "Hops around --around (default 2)")
      ->check(CLI::Range(0, 10));

#endif  // CNKG_QUERY_ONLY

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
#ifndef CNKG_QUERY_ONLY
  // Queries (and why, stats, and export/render --query) read a binary graph file in place, without
  // the many allocations the huge-page heap speeds up.
  const bool reads_in_place = (*query || *talks || *path_cmd || *neighbors || *why || *shell ||
                               *stats || !render_flags.query.empty()) &&
                              cnkg::IsBinaryGraphFile(graph_path);
  if (!*build && !reads_in_place) ReexecForLargeGraph(graph_path, argv);
  if (*build) {
    inputs.insert(inputs.begin(), landscapes.begin(), landscapes.end());
    if (inputs.empty()) {
      PrintError("build: give at least one INPUT or --landscape FILE (see cnkg build --help)");
      return kExitUsage;
    }
    return RunBuild(inputs, output, flags);
  }
#endif  // CNKG_QUERY_ONLY
  if (*query || *talks || *path_cmd || *neighbors || *why || *shell) {
    const std::string& format = *query       ? query_flags.output.format
                                : *talks     ? talks_args.output.format
                                : *neighbors ? neighbors_args.output.format
                                : *shell     ? shell_flags.format
                                             : std::string("table");
    if (!cnkg::cli::ValidFormat(format, std::cerr)) return kExitUsage;
    // Queries read the graph file in place: nothing is built, so they start at once on graphs of
    // millions of elements.
    const auto opening = std::chrono::steady_clock::now();
    auto graph = cnkg::ReadQueryGraph(graph_path);
    if (!graph.ok()) {
      PrintError(graph.status().message());
      return kExitError;
    }
    if (*shell) {
      const std::chrono::duration<double, std::milli> open_time =
          std::chrono::steady_clock::now() - opening;
      return cnkg::cli::RunShell(*graph, graph_path, shell_flags, open_time.count());
    }
    if (*query) {
      std::string text = query_text;
      if (text == "-") {
        std::ostringstream in;
        in << std::cin.rdbuf();
        text = in.str();
      }
      return RunQueryText(**graph, text, query_flags);
    }
    const cnkg::cli::Io io{std::cout, std::cerr};
    if (*talks) return cnkg::cli::RunTalks(**graph, talks_args, {}, io);
    if (*path_cmd) return cnkg::cli::RunPath(**graph, path_args, io);
    if (*neighbors) return cnkg::cli::RunNeighbors(**graph, neighbors_args, io);
    return cnkg::cli::RunWhy(**graph, why_args, io);
  }
  if (*stats) return RunStats(graph_path, json, by_maturity);
#ifndef CNKG_QUERY_ONLY
  if (*render) return RunRender(graph_path, output, render_flags);
  if (*exp) return RunExport(graph_path, export_format, output, export_force, render_flags);
#endif
  return kExitUsage;
}
