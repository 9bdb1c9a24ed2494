// Splitting typed lines into Cypher statements at ';'.

#include "cli/statement_splitter.h"

#include <catch2/catch.hpp>

namespace cnkg::cli {
namespace {

using Statements = std::vector<std::string>;

TEST_CASE("StatementSplitter: a ';' ends a statement, which may span lines", "[cli][shell]") {
  StatementSplitter s;
  CHECK_FALSE(s.pending());
  CHECK(s.Add("MATCH (n)") == Statements{});
  CHECK(s.pending());
  CHECK(s.Add("RETURN count(n);") == Statements{"MATCH (n)\nRETURN count(n)"});
  CHECK_FALSE(s.pending());
  CHECK(s.Add("RETURN 1; RETURN 2 ;RETURN") == Statements{"RETURN 1", "RETURN 2"});
  CHECK(s.pending());
  CHECK(s.Add("3;") == Statements{"RETURN\n3"});
  CHECK(s.Add("  ;;  ") == Statements{});
  CHECK_FALSE(s.pending());
}

TEST_CASE("StatementSplitter: ';' inside strings, quoted names and comments", "[cli][shell]") {
  StatementSplitter s;
  CHECK(s.Add("RETURN 'a;b', \"c;d\", `e;f`;") == Statements{"RETURN 'a;b', \"c;d\", `e;f`"});
  // Escaped quotes do not end the string.
  CHECK(s.Add(R"(RETURN 'it\'s;' AS x, "say \";\"";)") ==
        Statements{R"(RETURN 'it\'s;' AS x, "say \";\"")"});
  CHECK(s.Add(R"(RETURN '\\';)") == Statements{R"(RETURN '\\')"});
  // A string left open continues on the next line.
  CHECK(s.Add("RETURN 'one;") == Statements{});
  CHECK(s.pending());
  CHECK(s.Add("two';") == Statements{"RETURN 'one;\ntwo'"});
  // `` inside a quoted name.
  CHECK(s.Add("RETURN 1 AS `a``;b`;") == Statements{"RETURN 1 AS `a``;b`"});
  // Comments.
  CHECK(s.Add("RETURN 1 // not the end; really") == Statements{});
  CHECK(s.Add("+ 1;") == Statements{"RETURN 1 // not the end; really\n+ 1"});
  CHECK(s.Add("RETURN /* ; */ 2 /* multi") == Statements{});
  CHECK(s.pending());
  CHECK(s.Add("line; */;") == Statements{"RETURN /* ; */ 2 /* multi\nline; */"});
}

TEST_CASE("StatementSplitter: comments alone are not a statement", "[cli][shell]") {
  StatementSplitter s;
  CHECK(s.Add("// a comment;") == Statements{});
  CHECK_FALSE(s.pending());
  CHECK(s.Add("/* open") == Statements{});
  CHECK(s.pending());  // the comment continues
  CHECK(s.Add("still; */ ;") == Statements{});
  CHECK_FALSE(s.pending());
  CHECK(s.Add("// lead") == Statements{});
  CHECK(s.Add("RETURN 5;") == Statements{"// lead\nRETURN 5"});
}

TEST_CASE("StatementSplitter: TakeRest and Clear", "[cli][shell]") {
  StatementSplitter s;
  s.Add("RETURN 1");
  CHECK(s.TakeRest() == "RETURN 1");
  CHECK_FALSE(s.pending());
  s.Add("// only a comment");
  CHECK(s.TakeRest() == "");
  s.Add("RETURN 'open");
  s.Clear();
  CHECK_FALSE(s.pending());
  CHECK(s.Add("RETURN 2;") == Statements{"RETURN 2"});
}

}  // namespace
}  // namespace cnkg::cli
