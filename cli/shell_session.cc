#include "cli/shell_session.h"

#include <CLI/CLI.hpp>
#include <cctype>
#include <cstdio>
#include <utility>

#include "cli/commands.h"
#include "cli/schema_summary.h"

namespace cnkg::cli {

const char* const kShellCommandsHelp =
    "Type a Cypher statement and end it with ';' (it may span lines; see docs/query.md).\n"
    "Commands, each on a line of its own, no ';' needed:\n"
    "  :help                   this text\n"
    "  :schema                 labels, relationship types and their properties, with counts\n"
    "  :format [table|json|csv]  the output format of results (without one: show it)\n"
    "  :param [NAME=VALUE]     set $NAME, as --param does (without one: list the parameters)\n"
    "  :param NAME             remove $NAME\n"
    "  :timing [on|off]        print 'time: X.XXX ms' on stderr after each statement\n"
    "                          (without on or off: switch)\n"
    "  :quit, :exit            leave (so does Ctrl-D)\n"
    "  talks [--mentions P] [--org O] [--track T] [--format F] [--max-rows N]\n"
    "  path FROM TO [--max-hops N] [--via LABEL]\n"
    "  neighbors NAME [--depth N] [--label LABEL] [--format F] [--max-rows N]\n"
    "  why NAME [NAME2]\n"
    "                          the shortcuts of cnkg talks, path, neighbors and why; quote\n"
    "                          names with spaces (\"Open Policy Agent\"); add --help for more\n";

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool IsShortcut(std::string_view word) {
  return word == "talks" || word == "path" || word == "neighbors" || word == "why";
}

}  // namespace

std::optional<std::vector<std::string>> SplitWords(std::string_view line) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (true) {
    while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    if (i == line.size()) return words;
    std::string word;
    while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i]))) {
      const char c = line[i++];
      if (c != '"' && c != '\'') {
        word += c;
        continue;
      }
      while (true) {  // a quoted part: up to the matching quote
        if (i == line.size()) return std::nullopt;
        const char q = line[i++];
        if (q == c) break;
        if (q == '\\' && i < line.size()) {
          word += line[i++];
        } else {
          word += q;
        }
      }
    }
    words.push_back(std::move(word));
  }
}

ShellSession::ShellSession(std::shared_ptr<const CompactGraph> graph, std::ostream& out,
                           std::ostream& err, Options options)
    : graph_(std::move(graph)), out_(out), err_(err), options_(std::move(options)) {}

bool ShellSession::Feed(std::string_view line) {
  if (quit_) return false;
  if (!splitter_.pending()) {
    std::string_view command = Trim(line);
    if (command.size() > 1 && command.back() == ';')
      command = Trim(command.substr(0, command.size() - 1));
    if (!command.empty() && command.front() == ':') {
      splitter_.Clear();
      RunCommand(command);
      return !quit_;
    }
    std::string_view first = command.substr(0, command.find_first_of(" \t"));
    if (IsShortcut(first)) {
      splitter_.Clear();
      const Clock::time_point start = Clock::now();
      auto words = SplitWords(command);
      if (!words) {
        PrintError(err_, std::string(first) + ": a quote is not closed: " + std::string(command));
        Done(kExitUsage, start);
        return true;
      }
      RunShortcut(*words);
      return true;
    }
  }
  for (const std::string& statement : splitter_.Add(line)) RunStatement(statement);
  return true;
}

void ShellSession::Finish() {
  std::string rest = splitter_.TakeRest();
  if (!rest.empty()) RunStatement(rest);
}

void ShellSession::RunStatement(std::string_view text) {
  const Clock::time_point start = Clock::now();
  QueryOptions options;
  options.params = options_.params;
  const int code = RunQueryText(*graph_, text, options, options_.format, {out_, err_});
  Done(code, start);
}

void ShellSession::RunShortcut(const std::vector<std::string>& words) {
  const Clock::time_point start = Clock::now();
  const std::string& name = words.at(0);
  TalksArgs talks;
  PathArgs path;
  NeighborsArgs neighbors;
  WhyArgs why;
  talks.output.format = neighbors.output.format = options_.format;
  CLI::App app{"", name};
  if (name == "talks") {
    app.description(kTalksHelp);
    AddTalksOptions(app, talks);
  } else if (name == "path") {
    app.description(kPathHelp);
    AddPathOptions(app, path);
  } else if (name == "neighbors") {
    app.description(kNeighborsHelp);
    AddNeighborsOptions(app, neighbors);
  } else {
    app.description(kWhyHelp);
    AddWhyOptions(app, why);
  }
  std::vector<std::string> args(words.rbegin(), words.rend() - 1);  // CLI11 wants them reversed
  try {
    app.parse(args);
  } catch (const CLI::CallForHelp&) {
    out_ << app.help();
    Done(kExitOk, std::nullopt);
    return;
  } catch (const CLI::ParseError& e) {
    PrintError(err_, name + ": " + e.what());
    Done(kExitUsage, start);
    return;
  }
  const Io io{out_, err_};
  int code = kExitOk;
  if (name == "talks") {
    QueryOptions options;
    options.params = options_.params;
    code = RunTalks(*graph_, talks, std::move(options), io);
  } else if (name == "path") {
    code = RunPath(*graph_, path, io);
  } else if (name == "neighbors") {
    code = RunNeighbors(*graph_, neighbors, io);
  } else {
    code = RunWhy(*graph_, why, io);
  }
  Done(code, start);
}

void ShellSession::Done(int code, std::optional<Clock::time_point> since) {
  // The statement's output is formatted and written.
  out_.flush();
  if (code != kExitOk) ++failures_;
  if (options_.timing && since) {
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - *since).count();
    char line[64];
    std::snprintf(line, sizeof line, "time: %.3f ms\n", ms);
    err_ << line;
  }
  err_.flush();
}

void ShellSession::RunCommand(std::string_view line) {
  const std::size_t space = line.find_first_of(" \t");
  const std::string name(line.substr(0, space));
  const std::string_view arg = space == std::string_view::npos ? "" : Trim(line.substr(space));
  if (name == ":param") return Param(arg);
  if (name == ":format") return Format(arg);
  if (name == ":timing") return Timing(arg);
  const bool known = name == ":help" || name == ":schema" || name == ":quit" || name == ":exit";
  if (!known) {
    PrintError(err_, "unknown command '" + name + "' (:help lists the commands)");
    return Done(kExitUsage, std::nullopt);
  }
  if (!arg.empty()) {
    PrintError(err_, name + " takes no argument, got '" + std::string(arg) + "'");
    return Done(kExitUsage, std::nullopt);
  }
  if (name == ":help") {
    out_ << kShellCommandsHelp;
  } else if (name == ":schema") {
    if (!schema_) {
      std::string summary = SchemaSummary(*graph_);
      if (!GraphIntact(*graph_, err_)) return Done(kExitError, std::nullopt);
      schema_ = std::move(summary);
    }
    out_ << *schema_;
  } else {
    quit_ = true;
  }
  Done(kExitOk, std::nullopt);
}

void ShellSession::Param(std::string_view arg) {
  if (arg.empty()) {
    if (options_.params.empty()) out_ << "(no parameters)\n";
    for (const auto& [name, value] : options_.params) out_ << name << "=" << value << "\n";
    return Done(kExitOk, std::nullopt);
  }
  const std::size_t eq = arg.find('=');
  if (eq == 0) {
    PrintError(err_,
               ":param expects NAME=VALUE, or NAME to remove it, got '" + std::string(arg) + "'");
    return Done(kExitUsage, std::nullopt);
  }
  if (eq != std::string_view::npos) {
    std::string name(Trim(arg.substr(0, eq)));
    options_.params[name] = std::string(Trim(arg.substr(eq + 1)));
    return Done(kExitOk, std::nullopt);
  }
  if (options_.params.erase(std::string(arg)) == 0) {
    PrintError(err_, "no parameter '" + std::string(arg) + "' to remove");
    return Done(kExitUsage, std::nullopt);
  }
  Done(kExitOk, std::nullopt);
}

void ShellSession::Format(std::string_view arg) {
  if (arg.empty()) {
    out_ << options_.format << "\n";
    return Done(kExitOk, std::nullopt);
  }
  if (!ValidFormat(std::string(arg), err_)) return Done(kExitUsage, std::nullopt);
  options_.format = std::string(arg);
  Done(kExitOk, std::nullopt);
}

void ShellSession::Timing(std::string_view arg) {
  if (arg.empty()) {
    options_.timing = !options_.timing;
  } else if (arg == "on" || arg == "off") {
    options_.timing = arg == "on";
  } else {
    PrintError(err_, ":timing expects on or off, got '" + std::string(arg) + "'");
    return Done(kExitUsage, std::nullopt);
  }
  err_ << "timing is " << (options_.timing ? "on" : "off") << "\n";
  Done(kExitOk, std::nullopt);
}

}  // namespace cnkg::cli
