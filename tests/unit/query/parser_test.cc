#include "query/parser.h"

#include <catch2/catch.hpp>

namespace cnkg::query {
namespace {

std::string Canon(std::string_view text) {
  auto e = ParseExpression(text);
  INFO(text);
  INFO((e.ok() ? std::string() : e.error().message));
  REQUIRE(e.ok());
  return CanonicalText(*e.value());
}

std::string SyntaxErrorOf(std::string_view text) {
  auto q = Parse(text);
  INFO(text);
  REQUIRE_FALSE(q.ok());
  return q.error().message;
}

TEST_CASE("Parser: operator precedence", "[query][parser]") {
  CHECK(Canon("1 + 2 * 3") == "(1 + (2 * 3))");
  CHECK(Canon("a OR b AND c") == "(a OR (b AND c))");
  CHECK(Canon("NOT a = b") == "NOT ((a = b))");
  CHECK(Canon("a XOR b OR c") == "((a XOR b) OR c)");
  CHECK(Canon("-2 ^ 2") == "(-2 ^ 2)");
  CHECK(Canon("- x") == "-(x)");
  CHECK(Canon("n.name STARTS WITH 'K' AND n.x IS NOT NULL") ==
        "((n.name STARTS WITH 'K') AND (n.x IS NOT NULL))");
  CHECK(Canon("x IN [1, 2] = true") == "((x IN [1, 2]) = true)");
  CHECK(Canon("a =~ 'x.*'") == "(a =~ 'x.*')");
  CHECK(Canon("1 < x < 3") == "((1 < x) AND (x < 3))");
  CHECK(Canon("-9223372036854775808") == "-9223372036854775808");
}

TEST_CASE("Parser: postfix, literals and calls", "[query][parser]") {
  CHECK(Canon("nodes(p)[-2].name") == "nodes(p)[-2].name");
  CHECK(Canon("l[1..]") == "l[1..]");
  CHECK(Canon("l[..2]") == "l[..2]");
  CHECK(Canon("count(DISTINCT x)") == "count(DISTINCT x)");
  CHECK(Canon("COUNT(*)") == "count(*)");
  CHECK(Canon("{a: 1, `b c`: 'x'}") == "{a: 1, b c: 'x'}");
  CHECK(Canon("[x IN l WHERE x > 1 | x * 2]") == "[x IN l WHERE (x > 1) | (x * 2)]");
  CHECK(Canon("all(x IN l WHERE x > 1)") == "all(x IN l WHERE (x > 1))");
  CHECK(Canon("CASE WHEN a THEN 1 ELSE 2 END") == "CASE WHEN a THEN 1 ELSE 2 END");
  CHECK(Canon("CASE x WHEN 1 THEN 'one' END") == "CASE x WHEN 1 THEN 'one' END");
  CHECK(Canon("t.end") == "t.end");  // a keyword is fine as a property name
  CHECK(Canon("null") == "null");
  CHECK(Canon("n:Talk|Project AND m:Person") == "(n:Talk|Project AND m:Person)");
}

TEST_CASE("Parser: clauses and patterns", "[query][parser]") {
  auto q = Parse(
      "MATCH p = (a:Person {name: 'x'})-[r:PRESENTS|MENTIONS*1..3]->(b:Talk|Project), (c)\n"
      "OPTIONAL MATCH (b)<--(d) WHERE d.name <> 'y'\n"
      "WITH DISTINCT a, count(*) AS n ORDER BY n DESC SKIP 1 LIMIT 5 WHERE n > 1\n"
      "UNWIND [1, 2] AS x\n"
      "RETURN *, x AS y ORDER BY y;");
  REQUIRE(q.ok());
  const auto& clauses = q.value().clauses;
  REQUIRE(clauses.size() == 5);
  const auto& m = std::get<MatchClause>(clauses[0]);
  REQUIRE(m.parts.size() == 2);
  CHECK(m.parts[0].path_variable == "p");
  CHECK(m.parts[0].nodes[0].labels[0].name == "Person");
  CHECK(m.parts[0].nodes[1].labels.size() == 2);
  const RelPattern& r = m.parts[0].rels[0];
  CHECK(r.variable == "r");
  CHECK(r.types.size() == 2);
  CHECK(r.direction == Direction::kRight);
  CHECK(r.variable_length);
  CHECK(*r.min_hops == 1);
  CHECK(*r.max_hops == 3);
  const auto& om = std::get<MatchClause>(clauses[1]);
  CHECK(om.optional);
  CHECK(om.parts[0].rels[0].direction == Direction::kLeft);
  CHECK(om.where);
  const auto& w = std::get<WithClause>(clauses[2]);
  CHECK(w.projection.distinct);
  CHECK(w.projection.items.size() == 2);
  CHECK(w.projection.order_by[0].descending);
  CHECK(w.projection.skip);
  CHECK(w.projection.limit);
  CHECK(w.where);
  const auto& ret = std::get<ReturnClause>(clauses[4]);
  CHECK(ret.projection.star);
  CHECK(ret.projection.items[0].alias == "y");
}

TEST_CASE("Parser: variable-length forms and shortest paths", "[query][parser]") {
  auto rel = [](std::string_view text) {
    auto q = Parse(text);
    INFO(text);
    REQUIRE(q.ok());
    return std::move(std::get<MatchClause>(q.value().clauses[0]).parts[0]);
  };
  auto a = rel("MATCH (a)-[*]-(b) RETURN a");
  CHECK(a.rels[0].variable_length);
  CHECK_FALSE(a.rels[0].min_hops);
  CHECK_FALSE(a.rels[0].max_hops);
  CHECK(a.rels[0].direction == Direction::kBoth);
  auto b = rel("MATCH (a)-[*3]-(b) RETURN a");
  CHECK(*b.rels[0].min_hops == 3);
  CHECK(*b.rels[0].max_hops == 3);
  auto c = rel("MATCH (a)-[*..4]-(b) RETURN a");
  CHECK_FALSE(c.rels[0].min_hops);
  CHECK(*c.rels[0].max_hops == 4);
  auto d = rel("MATCH (a)-[*2..]-(b) RETURN a");
  CHECK(*d.rels[0].min_hops == 2);
  CHECK_FALSE(d.rels[0].max_hops);
  auto e = rel("MATCH p = shortestPath((a)-[*..6]-(b)) RETURN p");
  CHECK(e.shortest == ShortestKind::kShortest);
  auto f = rel("MATCH p = allShortestPaths((a)-[*]->(b)) RETURN p");
  CHECK(f.shortest == ShortestKind::kAllShortest);
  auto g = rel("MATCH (a)-[r* SHORTEST 1..3]-(b) RETURN a");
  CHECK(g.rels[0].shortest == ShortestKind::kShortest);
  auto h = rel("MATCH (a)-[* ALL SHORTEST 1..3]-(b) RETURN a");
  CHECK(h.rels[0].shortest == ShortestKind::kAllShortest);
  auto i = rel("MATCH (a)<-->(b) RETURN a");
  CHECK(i.rels[0].direction == Direction::kBoth);
}

TEST_CASE("Parser: every syntax error message", "[query][parser]") {
  CHECK(SyntaxErrorOf("") == "the query is empty; expected MATCH, UNWIND, WITH or RETURN");
  CHECK(SyntaxErrorOf("MATCH (n)") == "the query must end with RETURN");
  CHECK(SyntaxErrorOf("MATHC (n) RETURN n") == "unknown clause 'MATHC' (did you mean MATCH?)");
  CHECK(SyntaxErrorOf("MATCH (n) RETRUN n") == "unknown clause 'RETRUN' (did you mean RETURN?)");
  CHECK(SyntaxErrorOf("(n) RETURN n") ==
        "expected a clause (MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN) but found '('");
  CHECK(SyntaxErrorOf("CREATE (n) RETURN n") == "CREATE is not supported: the graph is read-only");
  CHECK(SyntaxErrorOf("MATCH (n) DETACH DELETE n") ==
        "DETACH is not supported: the graph is read-only");
  CHECK(SyntaxErrorOf("CALL db.labels()") == "CALL is not supported yet");
  CHECK(SyntaxErrorOf("RETURN 1 UNION RETURN 2") == "UNION is not supported yet");
  CHECK(SyntaxErrorOf("RETURN 1 MATCH (n) RETURN n") ==
        "RETURN must be the last clause; unexpected 'MATCH' after it");
  CHECK(SyntaxErrorOf("RETURN 1; RETURN 2") ==
        "only one statement is allowed; unexpected 'RETURN' after ';'");
  CHECK(SyntaxErrorOf("OPTIONAL (n) RETURN n") == "expected MATCH after OPTIONAL but found '('");
  CHECK(SyntaxErrorOf("MATCH (n RETURN n") ==
        "expected ')' to close the node pattern but found 'RETURN'");
  CHECK(SyntaxErrorOf("MATCH n RETURN n") == "expected '(' to start a node pattern but found 'n'");
  CHECK(SyntaxErrorOf("MATCH (n)-[r RETURN n") ==
        "expected ']' to close the relationship pattern but found 'RETURN'");
  CHECK(SyntaxErrorOf("MATCH (n)-[r]>(m) RETURN n") ==
        "expected '-' to finish the relationship pattern but found '>'");
  CHECK(SyntaxErrorOf("MATCH (n)<(m) RETURN n") == "expected '-' after '<' but found '('");
  CHECK(SyntaxErrorOf("MATCH (n:) RETURN n") == "expected a label but found ')'");
  CHECK(SyntaxErrorOf("MATCH (n)-[:]-(m) RETURN n") ==
        "expected a relationship type but found ']'");
  CHECK(SyntaxErrorOf("MATCH (n)-[*1.5]-(m) RETURN n") == "a hop count must be a whole number");
  CHECK(SyntaxErrorOf("MATCH (n)-[*99999999]-(m) RETURN n") == "hop count 99999999 is too large");
  CHECK(SyntaxErrorOf("MATCH (n $props) RETURN n") ==
        "a parameter as a property map is not supported; write {key: $value}");
  CHECK(SyntaxErrorOf("MATCH (n {a: 1, a: 2}) RETURN n") ==
        "property 'a' appears twice in the map");
  CHECK(SyntaxErrorOf("MATCH (n {1: 2}) RETURN n") ==
        "expected a property name in the map but found '1'");
  CHECK(SyntaxErrorOf("MATCH (n {a 2}) RETURN n") ==
        "expected ':' after the property name but found '2'");
  CHECK(SyntaxErrorOf("MATCH (n {a: 2) RETURN n") == "expected '}' to close the map but found ')'");
  CHECK(SyntaxErrorOf("MATCH (match) RETURN 1") ==
        "'match' is a reserved word and cannot name a variable (quote it as `match`)");
  CHECK(SyntaxErrorOf("UNWIND [1] x RETURN x") == "expected AS but found 'x'");
  CHECK(SyntaxErrorOf("UNWIND [1] AS RETURN x") ==
        "'RETURN' is a reserved word and cannot name a variable (quote it as `RETURN`)");
  CHECK(SyntaxErrorOf("RETURN") == "expected an expression after RETURN but found end of query");
  CHECK(SyntaxErrorOf("WITH ORDER BY x RETURN 1") ==
        "expected an expression after WITH but found 'ORDER'");
  CHECK(SyntaxErrorOf("RETURN 1 ORDER x") == "expected BY but found 'x'");
  CHECK(SyntaxErrorOf("RETURN 1 +") == "unexpected end of query; expected an expression");
  CHECK(SyntaxErrorOf("RETURN )") == "expected an expression but found ')'");
  CHECK(SyntaxErrorOf("RETURN (1") == "expected ')' but found end of query");
  CHECK(SyntaxErrorOf("RETURN [1, 2") == "expected ']' to close the list but found end of query");
  CHECK(SyntaxErrorOf("RETURN [x IN l | x") ==
        "expected ']' to close the list comprehension but found end of query");
  CHECK(SyntaxErrorOf("RETURN f(1, 2") ==
        "expected ')' to close the call of f( but found end of query");
  CHECK(SyntaxErrorOf("RETURN n.") == "expected a property name after '.' but found end of query");
  CHECK(SyntaxErrorOf("RETURN l[1") == "expected ']' but found end of query");
  CHECK(SyntaxErrorOf("RETURN 9223372036854775808") ==
        "integer 9223372036854775808 is out of range for INT64");
  CHECK(SyntaxErrorOf("RETURN x IS 1") == "expected NULL but found '1'");
  CHECK(SyntaxErrorOf("RETURN x STARTS 'a'") == "expected WITH but found string 'a'");
  CHECK(SyntaxErrorOf("RETURN CASE 1 END") == "expected WHEN but found 'END'");
  CHECK(SyntaxErrorOf("RETURN CASE WHEN 1 'a' END") == "expected THEN but found string 'a'");
  CHECK(SyntaxErrorOf("RETURN CASE WHEN 1 THEN 'a'") == "expected END but found end of query");
  CHECK(SyntaxErrorOf("RETURN all(x IN l x > 1)") == "expected WHERE but found 'x'");
  CHECK(SyntaxErrorOf("RETURN WHERE") == "expected an expression but found the keyword 'WHERE'");
  CHECK(SyntaxErrorOf("MATCH (a) WHERE (a)-->(b) RETURN a") ==
        "pattern predicates are not supported yet; use MATCH or OPTIONAL MATCH with a WHERE on "
        "the matched variables");
  CHECK(SyntaxErrorOf("RETURN shortestPath((a)--(b))") ==
        "shortestPath(...) is only supported as a pattern in MATCH");
  CHECK(SyntaxErrorOf("RETURN exists(n.name)") ==
        "exists(...) is not supported; use IS NOT NULL for properties");
  CHECK(SyntaxErrorOf("MATCH shortestPath((a)-[*]-(b) RETURN a") ==
        "expected ')' to close shortestPath( but found 'RETURN'");
}

TEST_CASE("Parser: limits keep the tree small", "[query][parser]") {
  std::string deep = "RETURN " + std::string(200, '(') + "1" + std::string(200, ')');
  CHECK(SyntaxErrorOf(deep) == "the expression is nested too deeply (more than 100 levels)");
  std::string deep_list = "RETURN " + std::string(200, '[') + std::string(200, ']');
  CHECK(SyntaxErrorOf(deep_list) == "the expression is nested too deeply (more than 100 levels)");
  std::string long_chain = "RETURN 1";
  for (int i = 0; i < 600; ++i) long_chain += " + 1";
  CHECK(SyntaxErrorOf(long_chain) == "the expression is nested too deeply (more than 500 levels)");
  std::string nots = "RETURN ";
  for (int i = 0; i < 600; ++i) nots += "NOT ";
  nots += "true";
  CHECK(SyntaxErrorOf(nots) == "the expression is nested too deeply (more than 500 levels)");
  std::string many = "";
  for (int i = 0; i < 101; ++i) many += "WITH 1 AS x" + std::to_string(i) + " ";
  many += "RETURN 1";
  CHECK(SyntaxErrorOf(many) == "the query has too many clauses (at most 100)");
  std::string path = "MATCH (a)";
  for (int i = 0; i < 65; ++i) path += "-->()";
  path += " RETURN a";
  CHECK(SyntaxErrorOf(path) == "the pattern is too long (at most 64 relationships)");
}

TEST_CASE("Parser: items keep their text as the column name", "[query][parser]") {
  auto q = Parse("MATCH (n) RETURN n.name ,  count( * ) , toLower(n.name) AS low");
  REQUIRE(q.ok());
  const auto& items = std::get<ReturnClause>(q.value().clauses[1]).projection.items;
  CHECK(items[0].text == "n.name");
  CHECK(items[1].text == "count( * )");
  CHECK(items[2].alias == "low");
}

}  // namespace
}  // namespace cnkg::query
