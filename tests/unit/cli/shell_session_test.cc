// ShellSession over the query tests' fixture graph: statements, every ':' command, the shortcut
// commands, and errors that leave the session usable.

#include "cli/shell_session.h"

#include <catch2/catch.hpp>
#include <regex>
#include <sstream>

#include "cli/commands.h"
#include "graph/snapshot.h"

namespace cnkg::cli {
namespace {

std::shared_ptr<const CompactGraph> Fixture() {
  static const auto graph = [] {
    auto g = ReadQueryGraph(std::string(CNKG_TEST_DATA_DIR) + "/queries/fixture.json");
    REQUIRE(g.ok());
    return *g;
  }();
  return graph;
}

// A session writing to two strings.
struct Session {
  std::ostringstream out, err;
  ShellSession shell;
  explicit Session(ShellSession::Options options = {})
      : shell(Fixture(), out, err, std::move(options)) {}
  // Feeds the lines and returns what they printed on stdout (and clears it).
  std::string Run(std::initializer_list<std::string_view> lines) {
    for (std::string_view line : lines) shell.Feed(line);
    return TakeOut();
  }
  std::string TakeOut() {
    std::string s = out.str();
    out.str("");
    return s;
  }
  std::string TakeErr() {
    std::string s = err.str();
    err.str("");
    return s;
  }
};

// What `cnkg query` prints for `text`, on stdout or (the error) on stderr.
std::string Query(const std::string& text, const std::string& format = "table",
                  QueryOptions options = {}, bool want_err = false) {
  std::ostringstream out, err;
  RunQueryText(*Fixture(), text, options, format, {out, err});
  return want_err ? err.str() : out.str();
}

const char* const kPeople = "MATCH (p:Person) RETURN p.name ORDER BY p.name LIMIT 3";

TEST_CASE("ShellSession: statements, one or several lines, several a line", "[cli][shell]") {
  Session s;
  CHECK(s.Run({"MATCH (p:Person)", "RETURN p.name", "ORDER BY p.name LIMIT 3;"}) == Query(kPeople));
  CHECK_FALSE(s.shell.pending());
  CHECK(s.Run({"RETURN 1 AS a; RETURN 'x;y' AS b;"}) ==
        Query("RETURN 1 AS a") + Query("RETURN 'x;y' AS b"));
  CHECK(s.Run({"RETURN 2 AS c // a comment; with a semicolon", ";"}) == Query("RETURN 2 AS c"));
  CHECK(s.TakeErr() == "");
  CHECK(s.shell.failures() == 0);
  // At the end of the input, a statement without ';' is run.
  s.shell.Feed("RETURN 3 AS d");
  CHECK(s.shell.pending());
  s.shell.Finish();
  CHECK(s.TakeOut() == Query("RETURN 3 AS d"));
  CHECK_FALSE(s.shell.pending());
  s.shell.Feed("RETURN 4 AS e");
  s.shell.Cancel();
  s.shell.Finish();
  CHECK(s.TakeOut() == "");
}

TEST_CASE("ShellSession: an error mid-session is reported and the session goes on",
          "[cli][shell]") {
  Session s;
  CHECK(s.Run({"MATCH (p:Persn) RETURN p;"}) == "");
  CHECK(s.TakeErr() == Query("MATCH (p:Persn) RETURN p", "table", {}, true));
  CHECK(s.Run({"RETURN (;"}) == "");
  const std::string syntax = s.TakeErr();
  CHECK(syntax == Query("RETURN (", "table", {}, true));
  CHECK(syntax.rfind("cnkg: line 1, column ", 0) == 0);
  CHECK(s.Run({"RETURN $missing;"}) == "");
  CHECK(s.TakeErr().rfind("cnkg: ", 0) == 0);
  CHECK(s.shell.failures() == 3);
  CHECK(s.Run({kPeople, ";"}) == Query(kPeople));
  CHECK(s.TakeErr() == "");
  CHECK(s.shell.failures() == 3);
}

TEST_CASE("ShellSession: :format", "[cli][shell]") {
  Session s;
  CHECK(s.Run({":format"}) == "table\n");
  CHECK(s.Run({":format json", std::string(kPeople) + ";"}) == Query(kPeople, "json"));
  CHECK(s.Run({":format csv;", std::string(kPeople) + ";"}) == Query(kPeople, "csv"));
  CHECK(s.Run({":format xml"}) == "");
  CHECK(s.TakeErr() == "cnkg: unknown output format 'xml' (known: table, json, csv)\n");
  CHECK(s.Run({":format"}) == "csv\n");
  CHECK(s.shell.failures() == 1);
  ShellSession::Options json;
  json.format = "json";
  Session j(json);
  CHECK(j.Run({":format"}) == "json\n");
}

TEST_CASE("ShellSession: :param", "[cli][shell]") {
  Session s;
  const std::string by_org =
      "MATCH (p:Person)-[:AFFILIATED_WITH]->(o:Organization {name: $org}) RETURN p.name ORDER "
      "BY p.name";
  CHECK(s.Run({":param"}) == "(no parameters)\n");
  CHECK(s.Run({":param org=Google", ":param names = [\"Bao Tran\", \"Oskar Lind\"]", ":param"}) ==
        "names=[\"Bao Tran\", \"Oskar Lind\"]\norg=Google\n");
  QueryOptions google;
  google.params["org"] = "Google";
  CHECK(s.Run({by_org + ";"}) == Query(by_org, "table", google));
  CHECK(s.Run({"MATCH (p:Person) WHERE p.name IN $names RETURN count(*) AS n;"}) ==
        Query("RETURN 2 AS n"));
  CHECK(s.Run({":param org"}) == "");
  CHECK(s.Run({":param"}) == "names=[\"Bao Tran\", \"Oskar Lind\"]\n");
  CHECK(s.TakeErr() == "");
  CHECK(s.Run({by_org + ";"}) == "");
  CHECK(s.TakeErr() == Query(by_org, "table", {}, true));
  CHECK(s.Run({":param org"}) == "");
  CHECK(s.TakeErr() == "cnkg: no parameter 'org' to remove\n");
  CHECK(s.Run({":param =Google"}) == "");
  CHECK(s.TakeErr() == "cnkg: :param expects NAME=VALUE, or NAME to remove it, got '=Google'\n");
  CHECK(s.shell.failures() == 3);
  // Parameters given when the session starts (--param).
  ShellSession::Options start;
  start.params["org"] = "Skerry Labs";
  Session p(start);
  QueryOptions skerry;
  skerry.params["org"] = "Skerry Labs";
  CHECK(p.Run({by_org + ";"}) == Query(by_org, "table", skerry));
}

TEST_CASE("ShellSession: :timing prints one line per statement", "[cli][shell]") {
  Session s;
  CHECK(s.Run({":timing"}) == "");
  CHECK(s.TakeErr() == "timing is on\n");
  CHECK(s.Run({"RETURN 1 AS a;"}) == Query("RETURN 1 AS a"));
  const std::regex time_line("time: [0-9]+\\.[0-9]{3} ms\n");
  CHECK(std::regex_match(s.TakeErr(), time_line));
  // A failed statement and a shortcut are timed too; a ':' command is not.
  s.Run({"RETURN x;"});
  const std::string err = s.TakeErr();
  CHECK(err.rfind("cnkg: ", 0) == 0);  // the message (several lines), then the time
  CHECK(std::regex_search(err, std::regex("\ntime: [0-9]+\\.[0-9]{3} ms\n$")));
  CHECK(err.find("time: ") == err.rfind("time: "));  // one line
  s.Run({"neighbors Kueue"});
  CHECK(std::regex_match(s.TakeErr(), time_line));
  s.Run({":format table"});
  CHECK(s.TakeErr() == "");
  CHECK(s.Run({":timing off"}) == "");
  CHECK(s.TakeErr() == "timing is off\n");
  s.Run({"RETURN 1 AS a;"});
  CHECK(s.TakeErr() == "");
  s.Run({":timing on", ":timing"});
  CHECK(s.TakeErr() == "timing is on\ntiming is off\n");
  s.Run({":timing maybe"});
  CHECK(s.TakeErr() == "cnkg: :timing expects on or off, got 'maybe'\n");
  CHECK_FALSE(s.shell.options().timing);
}

TEST_CASE("ShellSession: :schema, :help, :quit and unknown commands", "[cli][shell]") {
  Session s;
  const std::string schema = s.Run({":schema"});
  CHECK(schema.rfind("Labels (nodes; stored properties and how many nodes have each):\n", 0) == 0);
  CHECK(schema.find("\n  Person        6 nodes\n    job_title  6\n") != std::string::npos);
  CHECK(schema.find("\n  Document      1 node\n") != std::string::npos);
  CHECK(schema.find("\n  MENTIONS         13 relationships\n") != std::string::npos);
  CHECK(schema.find("\n  AFFILIATED_WITH  6 relationships\n    title  6\n") != std::string::npos);
  CHECK(schema.find("Category") == std::string::npos);  // no such nodes
  CHECK(s.Run({":schema"}) == schema);                  // computed once, the same

  CHECK(s.Run({":help"}) == kShellCommandsHelp);
  CHECK(s.Run({":schema please"}) == "");
  CHECK(s.TakeErr() == "cnkg: :schema takes no argument, got 'please'\n");
  CHECK(s.Run({":frobnicate"}) == "");
  CHECK(s.TakeErr() == "cnkg: unknown command ':frobnicate' (:help lists the commands)\n");
  // A ':' line inside a pending statement is part of it.
  CHECK(s.Run({"RETURN 1 AS a", ":help;"}) == "");
  CHECK(s.TakeErr().rfind("cnkg: line 2, column 1: ", 0) == 0);
  // After a comment, a command is still a command.
  CHECK(s.Run({"// just a note", ":format"}) == "table\n");
  CHECK(s.shell.failures() == 3);

  CHECK(s.shell.Feed(":quit") == false);
  CHECK(s.shell.Feed("RETURN 1;") == false);
  CHECK(s.TakeOut() == "");
  Session e;
  CHECK(e.shell.Feed(":exit") == false);
}

// What the shortcut functions print for `args`, on stdout or stderr.
template <typename Args, typename F>
std::string Direct(F run, const Args& args, bool want_err = false) {
  std::ostringstream out, err;
  run(*Fixture(), args, Io{out, err});
  return want_err ? err.str() : out.str();
}

TEST_CASE("ShellSession: the shortcut commands", "[cli][shell]") {
  Session s;
  TalksArgs talks;
  talks.mentions = {"Kueue"};
  talks.orgs = {"Google"};
  const auto run_talks = [](const CompactGraph& g, const TalksArgs& a, Io io) {
    return RunTalks(g, a, {}, io);
  };
  CHECK(s.Run({"talks --mentions Kueue --org Google"}) == Direct(run_talks, talks));
  talks.output.format = "json";
  CHECK(s.Run({"talks --mentions 'Kueue' --org \"Google\" --format json;"}) ==
        Direct(run_talks, talks));
  talks = {};
  talks.tracks = {"AI + ML"};
  CHECK(s.Run({"talks --track \"AI + ML\""}) == Direct(run_talks, talks));

  PathArgs path;
  path.ends = {"Bao Tran", "Volcano"};
  path.via = "Talk";
  const std::string path_out = s.Run({"path 'Bao Tran' Volcano --via Talk --max-hops 4"});
  CHECK(path_out == Direct(RunPath, path));
  CHECK(path_out.find("Volcano") != std::string::npos);

  NeighborsArgs neighbors;
  neighbors.name = "Open Policy Agent";
  neighbors.depth = 2;
  neighbors.label = "Person";
  CHECK(s.Run({R"(neighbors "Open Policy Agent" --depth 2 --label Person)"}) ==
        Direct(RunNeighbors, neighbors));
  s.Run({":format csv"});
  neighbors.output.format = "csv";
  CHECK(s.Run({R"(neighbors "Open Policy Agent" --depth 2 --label Person)"}) ==
        Direct(RunNeighbors, neighbors));

  WhyArgs why;
  why.names = {"Oskar Lind"};
  CHECK(s.Run({"why \"Oskar Lind\""}) == Direct(RunWhy, why));
  why.names = {"Oskar Lind", "Skerry Labs"};
  const std::string pair = s.Run({"why 'Oskar Lind' 'Skerry Labs'"});
  CHECK(pair == Direct(RunWhy, why));
  CHECK(pair.find("AFFILIATED_WITH") != std::string::npos);
  CHECK(s.TakeErr() == "");
  CHECK(s.shell.failures() == 0);

  // --help prints the command's options and is no failure.
  const std::string help = s.Run({"neighbors --help"});
  CHECK(help.find("--depth") != std::string::npos);
  CHECK(help.find(kNeighborsHelp) != std::string::npos);
  CHECK(s.shell.failures() == 0);
}

TEST_CASE("ShellSession: errors of shortcut commands leave the session usable", "[cli][shell]") {
  Session s;
  CHECK(s.Run({"talks --mentions Kueu"}) == "");
  CHECK(s.TakeErr() == "cnkg: no project named 'Kueu' (did you mean: Kueue?)\n");
  CHECK(s.Run({"neighbors Kueue --label Planet"}) == "");
  CHECK(s.TakeErr().rfind("cnkg: unknown label 'Planet' (known: Event, Talk, ", 0) == 0);
  CHECK(s.Run({"neighbors Kueue --depth 9"}) == "");
  CHECK(s.TakeErr() == "cnkg: neighbors: --depth: Value 9 not in range 1 to 6\n");
  CHECK(s.Run({"path Kueue"}) == "");
  CHECK(s.TakeErr().rfind("cnkg: path: ", 0) == 0);
  CHECK(s.Run({"why Kueue --colour"}) == "");
  CHECK(s.TakeErr() == "cnkg: why: The following argument was not expected: --colour\n");
  CHECK(s.Run({"why 'Kueue"}) == "");
  CHECK(s.TakeErr() == "cnkg: why: a quote is not closed: why 'Kueue\n");
  CHECK(s.Run({"talks --format yaml"}) == "");
  CHECK(s.TakeErr() == "cnkg: unknown output format 'yaml' (known: table, json, csv)\n");
  CHECK(s.shell.failures() == 7);
  CHECK(s.Run({kPeople, ";"}) == Query(kPeople));
}

TEST_CASE("SplitWords", "[cli][shell]") {
  using Words = std::vector<std::string>;
  CHECK(SplitWords("  a  b\tc ") == Words{"a", "b", "c"});
  CHECK(SplitWords(R"(why "A B" 'C D' e"f g"h)") == Words{"why", "A B", "C D", "ef gh"});
  CHECK(SplitWords(R"("say \"hi\"" 'it\'s' "")") == Words{"say \"hi\"", "it's", ""});
  CHECK(SplitWords("") == Words{});
  CHECK_FALSE(SplitWords("why \"open").has_value());
}

}  // namespace
}  // namespace cnkg::cli
