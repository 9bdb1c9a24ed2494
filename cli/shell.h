#ifndef CNKG_CLI_SHELL_H_
#define CNKG_CLI_SHELL_H_

// `cnkg shell GRAPH`: the interactive Cypher shell. On a terminal it reads lines through libedit
// (line editing, history kept in ~/.cnkg_history or $CNKG_HISTORY); otherwise it reads standard
// input without prompts. The statements and commands are those of cli/shell_session.h.

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "graph/compact_graph.h"

namespace cnkg::cli {

struct ShellFlags {
  std::string format = "table";
  std::vector<std::string> params;  // name=value
  bool timing = false;
};

// The --help description of `cnkg shell`.
extern const char* const kShellHelp;

void AddShellOptions(CLI::App& cmd, ShellFlags& flags);

// Runs the shell over `graph` (read from the file `path`, which took `open_ms` milliseconds to
// open) until the end of input or :quit. With --timing, first prints "open: X.XXX ms" on stderr.
// Returns the exit status: usage (2) for a malformed --param; with standard input not a terminal,
// 1 if a statement or command failed, else 0; on a terminal, 0.
int RunShell(std::shared_ptr<const CompactGraph> graph, const std::string& path,
             const ShellFlags& flags, double open_ms);

}  // namespace cnkg::cli

#endif  // CNKG_CLI_SHELL_H_
