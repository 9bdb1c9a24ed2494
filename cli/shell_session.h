#ifndef CNKG_CLI_SHELL_SESSION_H_
#define CNKG_CLI_SHELL_SESSION_H_

// The terminal-independent part of `cnkg shell`: it takes the lines the user types (from
// libedit on a terminal, from standard input otherwise, see cli/shell.h), runs the Cypher
// statements, `:` commands and shortcut commands they hold, and writes results to `out` and
// messages to `err`. A failed statement or command prints its error and the session goes on.

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/statement_splitter.h"
#include "graph/compact_graph.h"

namespace cnkg::cli {

// The text :help prints.
extern const char* const kShellCommandsHelp;

class ShellSession {
 public:
  struct Options {
    std::string format = "table";               // table, json or csv
    std::map<std::string, std::string> params;  // $name -> value, as --param name=value
    bool timing = false;
  };

  ShellSession(std::shared_ptr<const CompactGraph> graph, std::ostream& out, std::ostream& err,
               Options options);

  // Takes one line of input (without its line break) and runs what it completes: the Cypher
  // statements it ends with ';', or, when no statement is pending, a `:` command or a shortcut
  // command (talks, path, neighbors, why), which is the whole line and needs no ';'. Returns
  // false once the user asked to leave (:quit, :exit).
  bool Feed(std::string_view line);
  // At the end of the input: runs the pending statement, if any, as if ended by ';'.
  void Finish();
  // Abandons the pending statement (Ctrl-C on a terminal).
  void Cancel() { splitter_.Clear(); }

  // True while a statement is unfinished (the next line continues it).
  bool pending() const { return splitter_.pending(); }
  // The number of statements and commands that failed so far.
  int failures() const { return failures_; }
  const Options& options() const { return options_; }

 private:
  using Clock = std::chrono::steady_clock;

  void RunStatement(std::string_view text);
  void RunCommand(std::string_view line);
  void RunShortcut(const std::vector<std::string>& words);
  // Called once a statement's or a command's output has been formatted and written: flushes it,
  // counts a failure and prints the time when :timing is on (`since` is when the statement was
  // complete). Every statement and shortcut command ends here, so checks that belong after a
  // result (of the graph's state, for instance) go here too.
  void Done(int code, std::optional<Clock::time_point> since);

  void Param(std::string_view arg);
  void Format(std::string_view arg);
  void Timing(std::string_view arg);

  std::shared_ptr<const CompactGraph> graph_;
  std::ostream& out_;
  std::ostream& err_;
  Options options_;
  StatementSplitter splitter_;
  std::optional<std::string> schema_;  // :schema, computed the first time it is asked for
  int failures_ = 0;
  bool quit_ = false;
};

// Splits a command line into words at whitespace; "..." and '...' quote a word with spaces, and
// inside them a backslash escapes the next character. Fails on an unterminated quote (returns
// nullopt).
std::optional<std::vector<std::string>> SplitWords(std::string_view line);

}  // namespace cnkg::cli

#endif  // CNKG_CLI_SHELL_SESSION_H_
