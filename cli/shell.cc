#include "cli/shell.h"

// libedit's readline interface (Debian's libedit-dev); it needs <cstdio> first.
#include <signal.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
// clang-format off
#include <editline/readline.h>
// clang-format on

#include "cli/commands.h"
#include "cli/shell_session.h"

namespace cnkg::cli {

const char* const kShellHelp =
    "An interactive Cypher shell over the graph: statements end with ';' and may span lines;\n"
    "the shortcuts talks, path, neighbors and why are commands; :help lists the rest (:schema,\n"
    ":format, :param, :timing, :quit). On a terminal it edits lines and keeps a history in\n"
    "~/.cnkg_history ($CNKG_HISTORY names another file; set it empty for none). With standard\n"
    "input not a terminal it reads the statements from it without prompts, and exits 1 if any\n"
    "statement or command failed, else 0. A statement without ';' at the end of input is run.";

void AddShellOptions(CLI::App& cmd, ShellFlags& flags) {
  cmd.add_option("--format", flags.format, "Output format of results: table (default), json, csv");
  cmd.add_option("--param", flags.params, "A parameter: name=value (repeatable; see :param)");
  cmd.add_flag("--timing", flags.timing,
               "Start with :timing on, and first print the time the graph took to open");
}

namespace {

volatile std::sig_atomic_t interrupted = 0;

extern "C" void OnInterrupt(int) { interrupted = 1; }

// The history file: $CNKG_HISTORY if set (empty: none), else ~/.cnkg_history.
std::optional<std::string> HistoryPath() {
  if (const char* h = std::getenv("CNKG_HISTORY")) {
    if (*h == '\0') return std::nullopt;
    return std::string(h);
  }
  const char* home = std::getenv("HOME");
  if (home == nullptr || *home == '\0') return std::nullopt;
  return std::string(home) + "/.cnkg_history";
}

// Reads lines through libedit until the end of input or :quit. Ctrl-C abandons the line and the
// unfinished statement; while a statement runs, it ends the process as usual.
void Interactive(ShellSession& session, const CompactGraph& graph, const std::string& path) {
  std::cerr << "cnkg shell: " << path << " (" << graph.num_nodes() << " nodes, " << graph.num_rels()
            << " relationships); :help for help, :quit or Ctrl-D to leave\n";
  rl_readline_name = "cnkg";
  rl_outstream = stderr;  // prompts and echo; results go to stdout, which may be redirected
  using_history();
  stifle_history(1000);
  const std::optional<std::string> history = HistoryPath();
  if (history) read_history(history->c_str());  // best effort: a missing file is fine
  struct sigaction on_interrupt = {}, before = {};
  on_interrupt.sa_handler = OnInterrupt;
  sigemptyset(&on_interrupt.sa_mask);
  while (true) {
    interrupted = 0;
    sigaction(SIGINT, &on_interrupt, &before);
    char* line = readline(session.pending() ? "  ...> " : "cnkg> ");
    sigaction(SIGINT, &before, nullptr);
    if (line == nullptr) {
      std::cerr << "\n";
      if (!interrupted) break;
      session.Cancel();
      continue;
    }
    const std::string text(line);
    std::free(line);
    if (text.find_first_not_of(" \t") != std::string::npos) {
      add_history(text.c_str());
      // Written at once, so that a closed terminal or a killed shell loses none of it.
      if (history) write_history(history->c_str());  // best effort: not writable is fine
    }
    if (!session.Feed(text)) break;
  }
}

}  // namespace

int RunShell(std::shared_ptr<const CompactGraph> graph, const std::string& path,
             const ShellFlags& flags, double open_ms) {
  ShellSession::Options options;
  if (!ValidFormat(flags.format, std::cerr)) return kExitUsage;
  if (!ParseParams(flags.params, options.params, std::cerr)) return kExitUsage;
  if (flags.timing) {
    char line[64];
    std::snprintf(line, sizeof line, "open: %.3f ms\n", open_ms);
    std::cerr << line << std::flush;
  }
  options.format = flags.format;
  options.timing = flags.timing;
  const CompactGraph& g = *graph;
  ShellSession session(std::move(graph), std::cout, std::cerr, std::move(options));
  if (isatty(STDIN_FILENO)) {
    Interactive(session, g, path);
    return kExitOk;
  }
  std::string line;
  bool more = true;
  while (more && std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    more = session.Feed(line);
  }
  if (more) session.Finish();
  return session.failures() == 0 ? kExitOk : kExitError;
}

}  // namespace cnkg::cli
