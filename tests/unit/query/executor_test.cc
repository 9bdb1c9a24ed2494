// Executor semantics over the small hand-built graph (see query_fixture.h).

#include "query/executor.h"

#include <catch2/catch.hpp>

#include "query/binder.h"
#include "query/parser.h"
#include "query/planner.h"
#include "query_fixture.h"

namespace cnkg::query_test {
namespace {

using V = std::vector<std::string>;
using query::ExecLimits;

const KnowledgeGraph& G() { return SmallGraph(); }

// The small graph as the query stages read it.
const CompactGraph& CG() {
  static const auto graph = CompactGraph::FromKnowledgeGraph(G());
  return *graph;
}

std::string FirstLine(const std::string& s) { return s.substr(0, s.find('\n')); }

TEST_CASE("Executor: scans, expansions and joins", "[query][executor]") {
  CHECK(Rows(G(), "MATCH (p:Person) RETURN p.name ORDER BY p.name") == V{"Alice", "Bob", "Carol"});
  CHECK(Rows(G(),
             "MATCH (p:Person)-[:PRESENTS]->(t:Talk)-[:MENTIONS]->(x:Project {name: 'Kueue'}) "
             "RETURN p.name, t.name ORDER BY p.name, t.name") ==
        V{"Alice | Queues at Scale", "Bob | Kueue Deep Dive", "Bob | Queues at Scale"});
  // Direction: written right to left.
  CHECK(
      Rows(G(), "MATCH (x:Project)<-[:MENTIONS]-(t:Talk) WHERE x.name = 'Volcano' RETURN t.name") ==
      V{"Queues at Scale"});
  // No direction.
  CHECK(Rows(G(), "MATCH (x:Project {name: 'Volcano'})-[r]-(t) RETURN type(r), t.name") ==
        V{"MENTIONS | Queues at Scale"});
  // Type alternatives and the "-->" form.
  CHECK(Rows(G(),
             "MATCH (a:Person {name: 'Alice'})-[r:PRESENTS|AFFILIATED_WITH]->(x) "
             "RETURN type(r) AS t ORDER BY t") == V{"AFFILIATED_WITH", "PRESENTS"});
  CHECK(Rows(G(), "MATCH (a:Person {name: 'Alice'})-->(x) RETURN count(*)") == V{"2"});
  // Comma-separated patterns share variables; several MATCH clauses too.
  CHECK(Rows(G(),
             "MATCH (a:Person)-[:PRESENTS]->(t), (t)-[:MENTIONS]->(p:Project {name: 'Volcano'}) "
             "RETURN a.name ORDER BY a.name") == V{"Alice", "Bob"});
  CHECK(Rows(G(),
             "MATCH (a:Person {name: 'Bob'}) MATCH (a)-[:PRESENTS]->(t) "
             "RETURN t.name ORDER BY t.name") == V{"Kueue Deep Dive", "Queues at Scale"});
  // A cartesian product.
  CHECK(Rows(G(), "MATCH (a:Person), (p:Project) RETURN count(*)") == V{"6"});
  // A node repeated inside one pattern is the same node.
  CHECK(Rows(G(),
             "MATCH (a:Person)-[:PRESENTS]->(t)<-[:PRESENTS]-(a) RETURN a.name, t.name "
             "ORDER BY a.name, t.name") ==
        V{"Alice | Queues at Scale", "Bob | Kueue Deep Dive", "Bob | Queues at Scale"});
  // Label alternatives, key lookups.
  CHECK(Rows(G(), "MATCH (n:Talk|Project) RETURN count(*)") == V{"4"});
  CHECK(Rows(G(), "MATCH (n {key: 'project:volcano'}) RETURN n.name, n.maturity, n.cncf") ==
        V{"Volcano | incubating | true"});
  CHECK(Rows(G(), "MATCH (n) WHERE n.id = 'talk:t2' RETURN n.name") == V{"Kueue Deep Dive"});
  CHECK(Rows(G(), "MATCH (n) WHERE n.key = 'nope' RETURN n.name").empty());
}

TEST_CASE("Executor: walk semantics as in Kuzu", "[query][executor]") {
  // A relationship may be matched twice in one pattern: a co-presenter pair includes (a, a).
  CHECK(Rows(G(),
             "MATCH (a:Person)-[:PRESENTS]->(t)<-[:PRESENTS]-(b:Person) "
             "RETURN a.name, b.name ORDER BY a.name, b.name") ==
        V{"Alice | Alice", "Alice | Bob", "Bob | Alice", "Bob | Bob", "Bob | Bob"});
  CHECK(Rows(G(), "MATCH (a:Person {name: 'Alice'})-[*2]-(x) RETURN x.name ORDER BY x.name") ==
        V{"Alice", "Alice", "Bob", "Kueue", "Volcano"});
}

TEST_CASE("Executor: variable-length relationships", "[query][executor]") {
  CHECK(Rows(G(), "MATCH (a:Person {name: 'Alice'})-[*1..2]->(x) RETURN x.name ORDER BY x.name") ==
        V{"Acme", "Kueue", "Queues at Scale", "Volcano"});
  CHECK(Rows(G(), "MATCH (a:Person {name: 'Alice'})-[*0..1]->(x) RETURN x.name ORDER BY x.name") ==
        V{"Acme", "Alice", "Queues at Scale"});
  CHECK(
      Rows(G(),
           "MATCH (a:Person {name: 'Alice'})-[r:PRESENTS|MENTIONS*2]->(x) "
           "RETURN size(r), [y IN r | type(y)], x.name ORDER BY x.name") ==
      V{"2 | [\"PRESENTS\", \"MENTIONS\"] | Kueue", "2 | [\"PRESENTS\", \"MENTIONS\"] | Volcano"});
  // Started from the far end (a name lookup), the relationships still read left to right.
  CHECK(Rows(G(),
             "MATCH p = (a)-[r*2]->(x:Project {name: 'Volcano'}) "
             "RETURN [n IN nodes(p) | n.name], type(r[0]) ORDER BY a.name") ==
        V{"[\"Alice\", \"Queues at Scale\", \"Volcano\"] | PRESENTS",
          "[\"Bob\", \"Queues at Scale\", \"Volcano\"] | PRESENTS"});
  // Properties on a variable-length relationship apply to every hop.
  CHECK(Rows(G(), "MATCH (a:Person)-[*1..3 {evidence_count: 2}]->(x) RETURN a.name, x.name") ==
        V{"Alice | Acme"});
  // A bound end node.
  CHECK(Rows(G(),
             "MATCH (a:Person {name: 'Alice'}), (k:Project {name: 'Kueue'}) "
             "MATCH (a)-[*1..3]->(k) RETURN count(*)") == V{"1"});
}

TEST_CASE("Executor: shortest paths", "[query][executor]") {
  CHECK(
      Rows(G(),
           "MATCH p = shortestPath((a:Person {name: 'Alice'})-[*..5]-(b:Project {name: 'Kueue'})) "
           "RETURN length(p), [n IN nodes(p) | n.name]") ==
      V{"2 | [\"Alice\", \"Queues at Scale\", \"Kueue\"]"});
  CHECK(Rows(G(),
             "MATCH p = allShortestPaths((a:Person {name: 'Alice'})-[*..5]-(b:Talk {name: 'Kueue "
             "Deep Dive'})) "
             "RETURN [n IN nodes(p) | n.name] AS names ORDER BY names") ==
        V{"[\"Alice\", \"Queues at Scale\", \"Bob\", \"Kueue Deep Dive\"]",
          "[\"Alice\", \"Queues at Scale\", \"Kueue\", \"Kueue Deep Dive\"]"});
  CHECK(Rows(G(),
             "MATCH p = shortestPath((a:Person {name: 'Alice'})-[*..5]-(b:Talk {name: 'Kueue Deep "
             "Dive'})) "
             "RETURN length(p)") == V{"3"});
  // Out of reach within the bound, or not connected at all.
  CHECK(Rows(G(),
             "MATCH p = shortestPath((a:Person {name: 'Alice'})-[*..2]-(b:Talk {name: 'Kueue Deep "
             "Dive'})) "
             "RETURN p")
            .empty());
  CHECK(
      Rows(G(), "MATCH p = shortestPath((a:Person {name: 'Carol'})-[*..5]-(b)) RETURN p").empty());
  // Directed: Kueue cannot reach anything going out.
  CHECK(Rows(G(), "MATCH p = shortestPath((a:Project {name: 'Kueue'})-[*..5]->(b)) RETURN p")
            .empty());
  // An unbound end: one shortest path to each node reached.
  CHECK(Rows(G(),
             "MATCH p = shortestPath((a:Person {name: 'Bob'})-[*..2]-(b:Project)) "
             "RETURN b.name, length(p) ORDER BY b.name") == V{"Kueue | 2", "Volcano | 2"});
  // Kuzu's syntax.
  CHECK(
      Rows(G(),
           "MATCH (a:Person {name: 'Alice'})-[r* SHORTEST 1..5]-(b:Talk {name: 'Kueue Deep Dive'}) "
           "RETURN size(r)") == V{"3"});
  CHECK(Rows(G(),
             "MATCH (a:Person {name: 'Alice'})-[r* ALL SHORTEST 1..5]-(b:Talk {name: 'Kueue Deep "
             "Dive'}) "
             "RETURN count(*)") == V{"2"});
  // A lower bound of 0 allows the empty path.
  CHECK(
      Rows(G(),
           "MATCH p = shortestPath((a:Person {name: 'Alice'})-[*0..3]-(b:Person {name: 'Alice'})) "
           "RETURN length(p)") == V{"0"});
}

TEST_CASE("Executor: path variables and path functions", "[query][executor]") {
  CHECK(Rows(G(),
             "MATCH p = (x:Project {name: 'Volcano'})<-[:MENTIONS]-(t)<-[:PRESENTS]-(a) "
             "RETURN [n IN nodes(p) | n.name] AS names ORDER BY names") ==
        V{"[\"Volcano\", \"Queues at Scale\", \"Alice\"]",
          "[\"Volcano\", \"Queues at Scale\", \"Bob\"]"});
  CHECK(
      Rows(G(),
           "MATCH p = (a:Person {name: 'Alice'})-[:AFFILIATED_WITH]->(o) "
           "RETURN p, length(p), [r IN relationships(p) | r.title], is_trail(p), is_acyclic(p)") ==
      V{"(:Person \"Alice\")-[:AFFILIATED_WITH {title: \"Engineer\"}]->(:Organization \"Acme\") | "
        "1 | "
        "[\"Engineer\"] | true | true"});
  CHECK(Rows(G(),
             "MATCH p = (a:Person {name: 'Alice'})-[*2]-(b:Person {name: 'Alice'}) "
             "RETURN is_trail(p), is_acyclic(p) ORDER BY is_trail(p)") ==
        V{"false | false", "false | false"});
  CHECK(
      Rows(G(), "MATCH p = (t:Talk {name: 'Kueue Deep Dive'}) RETURN length(p), size(nodes(p))") ==
      V{"0 | 1"});
  CHECK(Rows(G(),
             "MATCH (a:Person {name: 'Alice'})-[r:AFFILIATED_WITH]->(o) "
             "RETURN startNode(r).name, endNode(r).name") == V{"Alice | Acme"});
}

TEST_CASE("Executor: OPTIONAL MATCH", "[query][executor]") {
  CHECK(Rows(G(),
             "MATCH (p:Person) OPTIONAL MATCH (p)-[:PRESENTS]->(t) "
             "RETURN p.name, count(t) AS talks ORDER BY p.name") ==
        V{"Alice | 1", "Bob | 2", "Carol | 0"});
  CHECK(Rows(G(),
             "MATCH (p:Person {name: 'Carol'}) OPTIONAL MATCH (p)-[r]->(t) RETURN p.name, r, t") ==
        V{"Carol | null | null"});
  // WHERE belongs to the OPTIONAL MATCH: a failed condition gives nulls, not no row.
  CHECK(
      Rows(G(),
           "MATCH (p:Person) OPTIONAL MATCH (p)-[:PRESENTS]->(t) WHERE t.name STARTS WITH 'Kueue' "
           "RETURN p.name, t.name ORDER BY p.name") ==
      V{"Alice | null", "Bob | Kueue Deep Dive", "Carol | null"});
  // A MATCH on a null from an OPTIONAL MATCH matches nothing.
  CHECK(Rows(G(),
             "MATCH (p:Person {name: 'Carol'}) OPTIONAL MATCH (p)-->(t) MATCH (t)-->(x) RETURN x")
            .empty());
  CHECK(Rows(G(), "OPTIONAL MATCH (e:Event) RETURN e") == V{"null"});
}

TEST_CASE("Executor: WHERE operators and three-valued logic", "[query][executor]") {
  auto names = [](const std::string& where) {
    return Rows(G(), "MATCH (n) WHERE " + where + " RETURN n.name ORDER BY n.name");
  };
  CHECK(names("n.name STARTS WITH 'Kue'") == V{"Kueue", "Kueue Deep Dive"});
  CHECK(names("n.name ENDS WITH 'Scale'") == V{"Queues at Scale"});
  CHECK(names("n.name CONTAINS 'ue'") == V{"Kueue", "Kueue Deep Dive", "Queues at Scale"});
  CHECK(names("n.name =~ '[AB].*'") == V{"Acme", "Alice", "Bob"});
  CHECK(names("n.name =~ '(?i)acme'") == V{"Acme"});
  CHECK(names("n.name IN ['Bob', 'Carol', 'Zed']") == V{"Bob", "Carol"});
  CHECK(names("NOT n.name IN ['Bob', 'Carol'] AND n.name < 'B'") == V{"Acme", "Alice"});
  CHECK(names("n:Project") == V{"Kueue", "Volcano"});
  CHECK(names("n:Organization|Talk AND NOT n:Talk") == V{"Acme"});
}

TEST_CASE("Executor: WHERE operators, nulls", "[query][executor]") {
  auto names = [](const std::string& where) {
    return Rows(G(), "MATCH (n) WHERE " + where + " RETURN n.name ORDER BY n.name");
  };
  CHECK(names("n.maturity IS NOT NULL") == V{"Volcano"});
  CHECK(names("n.cncf = false OR n.name = 'Bob'") == V{"Bob", "Kueue"});
  CHECK(names("n.start > '2026-01-01T09:30'") == V{"Queues at Scale"});
  CHECK(names("n.start >= '2026-01-01T09:00' AND n.start < '2026-01-01T10:00'") ==
        V{"Kueue Deep Dive"});
  CHECK(names("n.job_title <> 'Engineer'") == V{});  // null <> x is null, not true
  CHECK(names("NOT (n.job_title = 'Engineer')") == V{});
  CHECK(names("n.name = 'Bob' XOR n.name STARTS WITH 'B'") == V{});
  CHECK(Rows(G(),
             "RETURN null = null, 1 = 1.0, 'a' < 'b', 1 < 'a', null OR true, null AND false, "
             "NOT null, 2 IN [1, null], 1 IN [1, null], [1, 2] = [1, 2]") ==
        V{"null | true | true | null | true | false | null | null | true | true"});
}

TEST_CASE("Executor: RETURN, WITH, DISTINCT, ORDER BY, SKIP, LIMIT", "[query][executor]") {
  CHECK(Rows(G(), "MATCH (p:Person) RETURN p.name AS name ORDER BY name DESC") ==
        V{"Carol", "Bob", "Alice"});
  CHECK(Rows(G(), "MATCH (p:Person) RETURN p.name ORDER BY p.name SKIP 1 LIMIT 1") == V{"Bob"});
  CHECK(Rows(G(), "MATCH (p:Person) RETURN p.name ORDER BY p.name LIMIT 0").empty());
  CHECK(Rows(G(), "MATCH (:Person)-[:PRESENTS]->(t) RETURN DISTINCT t.name ORDER BY t.name") ==
        V{"Kueue Deep Dive", "Queues at Scale"});
  CHECK(Rows(G(), "MATCH (t:Talk) RETURN t.name ORDER BY t.start") ==
        V{"Kueue Deep Dive", "Queues at Scale"});
  CHECK(Rows(G(),
             "MATCH (p:Person)-[:PRESENTS]->(t) WITH p, count(t) AS n WHERE n > 1 RETURN p.name") ==
        V{"Bob"});
  CHECK(Rows(G(), "MATCH (p:Person) WITH p ORDER BY p.name DESC LIMIT 2 RETURN collect(p.name)") ==
        V{"[\"Carol\", \"Bob\"]"});
  CHECK(
      Rows(G(),
           "MATCH (p:Person) WITH p.name AS name WHERE name <> 'Bob' RETURN name ORDER BY name") ==
      V{"Alice", "Carol"});
  CHECK(Rows(G(),
             "MATCH (n:Person {name: 'Alice'}) WITH n AS m MATCH (m)-[:PRESENTS]->(t) RETURN "
             "t.name") == V{"Queues at Scale"});
  CHECK(Rows(G(), "MATCH (p:Person {name: 'Alice'}) RETURN *") == V{"(:Person \"Alice\")"});
  CHECK(Rows(G(), "UNWIND [2, null, 1] AS x RETURN x ORDER BY x") == V{"1", "2", "null"});
  CHECK(Rows(G(), "UNWIND [2, null, 1] AS x RETURN x ORDER BY x DESC") == V{"null", "2", "1"});
  CHECK(Rows(G(), "UNWIND ['b', 1, true, null, 'a', 2.5] AS x RETURN x ORDER BY x") ==
        V{"a", "b", "true", "1", "2.5", "null"});
  CHECK(Rows(G(), "UNWIND [1, 1.0, 2] AS x RETURN DISTINCT x") == V{"1", "2"});
  auto r = Run(G(), "MATCH (p:Person) RETURN p.name AS name, p.name");
  REQUIRE(r.ok());
  CHECK(r->columns == V{"name", "p.name"});
}

TEST_CASE("Executor: aggregates", "[query][executor]") {
  CHECK(Rows(G(),
             "MATCH (t:Talk)-[:MENTIONS]->(p) RETURN count(*), count(DISTINCT p), "
             "min(p.name), max(p.name), collect(DISTINCT p.name)") ==
        V{"3 | 2 | Kueue | Volcano | [\"Kueue\", \"Volcano\"]"});
  CHECK(
      Rows(G(), "MATCH (e:Event) RETURN count(*), collect(e.name), max(e.name), sum(1), avg(1)") ==
      V{"0 | [] | null | 0 | null"});
  CHECK(Rows(G(), "MATCH (e:Event) RETURN e.name, count(*)").empty());
  CHECK(Rows(G(),
             "UNWIND [1, 2, 3, null] AS x RETURN sum(x), avg(x), count(x), count(*), min(x), "
             "max(x)") == V{"6 | 2.0 | 3 | 4 | 1 | 3"});
  CHECK(Rows(G(), "UNWIND [1, 2.5] AS x RETURN sum(x)") == V{"3.5"});
  CHECK(
      Rows(G(),
           "MATCH (p:Person) OPTIONAL MATCH (p)-[:PRESENTS]->(t) "
           "RETURN p.name AS name, collect(t.name) AS talks, count(*) + 1 AS plus ORDER BY name") ==
      V{"Alice | [\"Queues at Scale\"] | 2", "Bob | [\"Queues at Scale\", \"Kueue Deep Dive\"] | 3",
        "Carol | [] | 2"});
  CHECK(Rows(G(),
             "MATCH (t:Talk)-[:MENTIONS]->(p) RETURN p.name AS project, count(*) AS n "
             "ORDER BY n DESC, project") == V{"Kueue | 2", "Volcano | 1"});
  CHECK(Rows(G(),
             "MATCH (t:Talk)-[:MENTIONS]->(p) RETURN p.name, count(*) ORDER BY count(*) DESC, "
             "p.name") == V{"Kueue | 2", "Volcano | 1"});
  CHECK(Rows(G(),
             "MATCH (t:Talk)-[:MENTIONS]->(p) WITH p, count(*) AS n RETURN p.name, n * 10 ORDER BY "
             "p.name") == V{"Kueue | 20", "Volcano | 10"});
}

TEST_CASE("Executor: expressions and functions", "[query][executor]") {
  CHECK(Rows(G(),
             "RETURN 7 / 2, 7 % 3, 7.0 / 2, 2 ^ 3, -3, 1 + 2 * 3, 'a' + 'b', 'n' + 1, [1] + [2, "
             "3], [1] + 2") == V{"3 | 1 | 3.5 | 8.0 | -3 | 7 | ab | n1 | [1, 2, 3] | [1, 2]"});
  CHECK(Rows(G(),
             "RETURN toLower('ÄBC'), toUpper('éa'), size('héllo'), size([1, 2]), "
             "coalesce(null, 'x', 'y'), toString(1.5), toInteger('42'), toInteger(3.9), "
             "toFloat('2.5'), toBoolean('TRUE'), toInteger('x')") ==
        V{"äbc | ÉA | 5 | 2 | x | 1.5 | 42 | 3 | 2.5 | true | null"});
  CHECK(Rows(G(),
             "RETURN trim('  a  '), ltrim('  a'), rtrim('a  '), substring('hello', 1, 3), "
             "substring('hello', 2), replace('a-b-c', '-', '+'), split('a,b,,c', ','), "
             "left('hello', 2), "
             "right('hello', 2), reverse('abc'), reverse([1, 2])") ==
        V{"a | a | a | ell | llo | a+b+c | [\"a\", \"b\", \"\", \"c\"] | he | lo | cba | [2, 1]"});
  CHECK(
      Rows(G(),
           "RETURN head([1, 2]), last([1, 2]), tail([1, 2]), head([]), abs(-2), abs(-2.5), "
           "ceil(1.2), floor(1.8), round(2.5), sqrt(16), sign(-4), range(1, 5, 2), range(3, 1)") ==
      V{"1 | 2 | [2] | null | 2 | 2.5 | 2.0 | 1.0 | 3.0 | 4.0 | -1 | [1, 3, 5] | []"});
  CHECK(Rows(G(),
             "RETURN [1, 2, 3][0], [1, 2, 3][-1], [1, 2, 3][5], [1, 2, 3][1..], [1, 2, 3][..-1], "
             "{a: 1}.a, {a: 1}['a'], {a: 1}.b") ==
        V{"1 | 3 | null | [2, 3] | [1, 2] | 1 | 1 | null"});
  CHECK(Rows(G(),
             "RETURN CASE WHEN 1 > 2 THEN 'x' WHEN 2 > 1 THEN 'y' ELSE 'z' END, "
             "CASE 2 WHEN 1 THEN 'one' WHEN 2 THEN 'two' END, CASE 3 WHEN 1 THEN 'one' END") ==
        V{"y | two | null"});
  CHECK(Rows(G(),
             "RETURN [x IN range(1, 5) WHERE x % 2 = 1 | x * x], all(x IN [1, 2] WHERE x > 0), "
             "any(x IN [1, 2] WHERE x > 1), none(x IN [1, 2] WHERE x > 1), "
             "single(x IN [1, 2] WHERE x > 1), any(x IN [] WHERE x > 1)") ==
        V{"[1, 9, 25] | true | true | false | true | false"});
  CHECK(Rows(G(),
             "MATCH (n:Project {name: 'Kueue'}) RETURN labels(n), label(n), n.label, n.id, "
             "n.evidence_count, n.documents, id(n), keys(n)[0]") ==
        V{"[\"Project\"] | Project | Project | project:kueue | 1 | [\"doc.txt\"] | project:kueue | "
          "aliases"});
  CHECK(
      Rows(
          G(),
          "MATCH (:Person)-[r:AFFILIATED_WITH]->(o) RETURN r.title, r.evidence_count, r.documents, "
          "r.type, r.source, r.target, o.aliases, label(r), id(r), size(r.evidence), "
          "r.evidence[1].line") ==
      V{"Engineer | 2 | [\"doc.txt\"] | AFFILIATED_WITH | person:alice | org:acme | [\"Acme "
        "Corp\"] | "
        "AFFILIATED_WITH | person:alice-AFFILIATED_WITH->org:acme | 2 | 11"});
  CHECK(Rows(G(), "MATCH (n:Project {name: 'Volcano'}) RETURN properties(n).maturity, n['name']") ==
        V{"incubating | Volcano"});
  CHECK(Rows(G(), "RETURN -9223372036854775808, 9223372036854775807, 1e3, 0.1 + 0.2") ==
        V{"-9223372036854775808 | 9223372036854775807 | 1000.0 | 0.30000000000000004"});
}

TEST_CASE("Executor: parameters", "[query][executor]") {
  QueryOptions o;
  o.params["who"] = "Alice";
  o.params["n"] = "1";
  o.params["names"] = "[\"Bob\", \"Carol\"]";
  o.params["quoted"] = "\"42\"";
  CHECK(Rows(G(), "MATCH (p:Person {name: $who}) RETURN p.name", o) == V{"Alice"});
  CHECK(Rows(G(), "MATCH (p:Person) WHERE p.name IN $names RETURN p.name ORDER BY p.name LIMIT $n",
             o) == V{"Bob"});
  CHECK(Rows(G(), "RETURN $quoted + 1, $n + 1", o) == V{"421 | 2"});
}

TEST_CASE("Executor: --max-rows caps the output with a notice", "[query][executor]") {
  QueryOptions o;
  o.max_rows = 2;
  auto r = Run(G(), "MATCH (n) RETURN n.name ORDER BY n.name", o);
  REQUIRE(r.ok());
  CHECK(r->rows.size() == 2);
  REQUIRE(r->notices.size() == 1);
  CHECK(r->notices[0] == "output truncated to 2 rows (--max-rows); more rows matched");
  o.max_rows = 8;
  auto all = Run(G(), "MATCH (n) RETURN n.name", o);
  REQUIRE(all.ok());
  CHECK(all->rows.size() == 8);
  CHECK(all->notices.empty());
}

TEST_CASE("Executor: every runtime error message", "[query][executor]") {
  auto err = [](const std::string& q) { return FirstLine(Error(G(), q)); };
  CHECK(err("RETURN 1 / 0") == "line 1, column 8: division by zero");
  CHECK(err("RETURN 1 % 0") == "line 1, column 8: division by zero in '%'");
  CHECK(err("RETURN 9223372036854775807 + 1") == "line 1, column 8: integer overflow in '+'");
  CHECK(err("RETURN -9223372036854775807 - 2") == "line 1, column 8: integer overflow in '-'");
  CHECK(err("RETURN 9223372036854775807 * 2") == "line 1, column 8: integer overflow in '*'");
  CHECK(err("RETURN -9223372036854775808 / -1") == "line 1, column 8: integer overflow in '/'");
  CHECK(err("RETURN -(-9223372036854775808)") == "line 1, column 8: integer overflow in unary '-'");
  CHECK(err("RETURN -'a'") == "line 1, column 8: cannot apply unary '-' to STRING");
  CHECK(err("RETURN 'a' - 1") == "line 1, column 8: cannot apply '-' to STRING and INT64");
  CHECK(err("RETURN {a: 1} + 1") == "line 1, column 8: cannot apply '+' to MAP and INT64");
  CHECK(err("RETURN 1 AND true") == "line 1, column 8: AND expects BOOL operands, got INT64");
  CHECK(err("RETURN NOT 'x'") == "line 1, column 8: NOT expects BOOL operands, got STRING");
  CHECK(err("MATCH (n) WHERE n.name RETURN n") ==
        "line 1, column 17: a condition must be BOOL, got STRING");
  CHECK(err("RETURN 1 IN 2") == "line 1, column 8: IN expects a LIST on the right, got INT64");
  CHECK(err("RETURN [1, 2][0.5]") == "line 1, column 8: a list index must be an INT64, got DOUBLE");
  CHECK(err("RETURN 'abc'[0]") ==
        "line 1, column 8: cannot index a value of type STRING with INT64");
  CHECK(err("RETURN 'abc'[0..1]") ==
        "line 1, column 8: cannot slice a STRING; slicing needs a LIST");
  CHECK(err("RETURN [1][0..'a']") == "line 1, column 8: slice bounds must be INT64");
  CHECK(err("RETURN (5).name") ==
        "line 1, column 9: cannot read property 'name' of a value of type INT64");
  CHECK(err("RETURN [x IN 5 | x]") ==
        "line 1, column 14: expected a LIST to iterate over, got INT64");
  CHECK(err("MATCH (n) WHERE n.name =~ n.name + '(' RETURN n") ==
        "line 1, column 27: invalid regular expression 'Alice(': missing ): Alice(");
  CHECK(err("UNWIND [1] AS x RETURN x:Talk") ==
        "line 1, column 24: a label check (x:Label) needs a NODE, got INT64");
  CHECK(err("RETURN toLower(1)") == "line 1, column 8: toLower() expects a STRING, got INT64");
  CHECK(err("RETURN substring('a', 'b')") ==
        "line 1, column 8: substring() expects an INT64 as argument 2, got STRING");
  CHECK(err("RETURN substring('abc', -1)") ==
        "line 1, column 8: substring(): the start must not be negative");
  CHECK(err("RETURN substring('abc', 1, -1)") ==
        "line 1, column 8: substring(): the length must not be negative");
  CHECK(err("RETURN left('abc', -1)") ==
        "line 1, column 8: left(): the length must not be negative");
  CHECK(err("RETURN range(1, 5, 0)") == "line 1, column 8: range(): the step must not be 0");
  CHECK(err("RETURN range(1, 100000000)") ==
        "line 1, column 8: range(): it would produce 100000000 values (at most 10000000)");
  CHECK(err("RETURN abs(-9223372036854775808)") == "line 1, column 8: abs(): integer overflow");
  CHECK(err("RETURN size(1)") == "line 1, column 8: size() expects a LIST or STRING, got INT64");
  CHECK(err("MATCH p = (n {key: 'org:acme'}) RETURN size(p)") ==
        "line 1, column 40: size(): size() of a path is not defined; use length(p)");
  CHECK(err("RETURN length(1)") ==
        "line 1, column 8: length() expects a PATH, LIST or STRING, got INT64");
  CHECK(err("RETURN labels('x')") == "line 1, column 8: labels() expects a NODE, got STRING");
  CHECK(err("RETURN type('x')") == "line 1, column 8: type() expects a REL, got STRING");
  CHECK(err("RETURN nodes('x')") == "line 1, column 8: nodes() expects a PATH, got STRING");
  CHECK(err("RETURN keys(1)") == "line 1, column 8: keys() expects a NODE, REL or MAP, got INT64");
  CHECK(err("RETURN reverse(1)") ==
        "line 1, column 8: reverse() expects a STRING or LIST, got INT64");
  CHECK(err("RETURN toFloat([1])") ==
        "line 1, column 8: toFloat() expects a STRING or number, got LIST");
  CHECK(err("RETURN toBoolean([1])") ==
        "line 1, column 8: toBoolean() expects a STRING, INT64 or BOOL, got LIST");
  CHECK(err("RETURN label(1)") == "line 1, column 8: label() expects a NODE or REL, got INT64");
  CHECK(err("RETURN head(1)") == "line 1, column 8: head() expects a LIST, got INT64");
  CHECK(err("RETURN abs('a')") == "line 1, column 8: abs() expects a number, got STRING");
  CHECK(err("RETURN is_trail(1)") == "line 1, column 8: is_trail() expects a PATH, got INT64");
  CHECK(err("RETURN split('a', 1)") ==
        "line 1, column 8: split() expects a STRING as argument 2, got INT64");
  CHECK(err("UNWIND ['a'] AS x RETURN avg(x)") ==
        "line 1, column 30: avg() expects numbers, got STRING");
  CHECK(err("RETURN toInteger([1])") ==
        "line 1, column 8: toInteger() expects a STRING, number or BOOL, got LIST");
  CHECK(err("UNWIND ['a'] AS x RETURN sum(x)") ==
        "line 1, column 30: sum() expects numbers, got STRING");
  CHECK(err("UNWIND [9223372036854775807, 1] AS x RETURN sum(x)") ==
        "line 1, column 49: integer overflow in sum()");
}

TEST_CASE("Executor: shortest paths between bound ends equal those of the one-sided search",
          "[query][executor]") {
  // With both ends bound the search runs from both ends; with the target left open (and chosen
  // by WHERE afterwards) it runs from the source alone. Both must give the same paths in the same
  // order, for every pair of nodes and every direction.
  const CompactGraph& g = CG();
  auto json = [&](const std::string& q, const std::string& a, const std::string& b) {
    QueryOptions options;
    options.params = {{"a", "\"" + a + "\""}, {"b", "\"" + b + "\""}};
    auto r = RunQuery(g, q, options);
    REQUIRE(r.ok());
    return FormatJson(*r);
  };
  int with_paths = 0;
  for (std::uint32_t x = 0; x < g.num_nodes(); ++x) {
    for (std::uint32_t y = 0; y < g.num_nodes(); ++y) {
      if (x == y) continue;
      for (const char* pattern :
           {"-[*1..6]-", "-[*1..6]->", "<-[*1..6]-", "-[:PRESENTS|MENTIONS*1..4]-"}) {
        for (const char* f : {"shortestPath", "allShortestPaths"}) {
          const std::string both =
              "MATCH (a {key: $a}), (b {key: $b}) MATCH p = " + std::string(f) + "((a)" + pattern +
              "(b)) RETURN p";
          const std::string one = "MATCH (a {key: $a}) MATCH p = " + std::string(f) + "((a)" +
                                  pattern + "(b)) WITH p, b WHERE b.key = $b RETURN p";
          // In one MATCH, the target's key pins it down: it is sought, then searched for from
          // both ends.
          const std::string seek = "MATCH p = " + std::string(f) + "((a {key: $a})" + pattern +
                                   "(b {key: $b})) RETURN p";
          const std::string a(g.key(x)), b(g.key(y));
          INFO(both << " with " << a << ", " << b);
          const std::string expected = json(one, a, b);
          CHECK(json(both, a, b) == expected);
          CHECK(json(seek, a, b) == expected);
          if (expected != "[]\n" && expected != "[]") ++with_paths;
        }
      }
    }
  }
  CHECK(with_paths > 20);
}

// Runs a query through the stages with small work limits.
std::string LimitedError(const std::string& text, ExecLimits limits) {
  auto parsed = query::Parse(text);
  REQUIRE(parsed.ok());
  query::GraphView view(CG());
  query::Schema schema(view);
  auto bound = query::Bind(parsed.value(), text, schema, {}, 10);
  REQUIRE(bound.ok());
  auto plans = query::PlanMatches(bound.value(), view);
  auto out = query::Execute(bound.value(), plans, view, limits, 0);
  REQUIRE_FALSE(out.ok());
  return out.error().message;
}

TEST_CASE("Executor: work limits stop runaway queries", "[query][executor]") {
  ExecLimits small;
  small.max_steps = 10'000;
  CHECK(LimitedError("MATCH (a)-[*1..30]-(b) RETURN count(*)", small) ==
        "the query is too expensive: it did more than 10000 steps of work; narrow the pattern "
        "with labels, relationship types or a lower hop bound");
  ExecLimits memory;
  memory.max_stored = 100;
  CHECK(LimitedError("UNWIND range(1, 1000) AS x RETURN x ORDER BY x", memory) ==
        "the query needs too much memory: it holds more than 100 rows or values at once; add "
        "LIMIT or narrow the pattern");
  // A LIMIT stops the work upstream: this would otherwise exceed the step limit.
  auto parsed = query::Parse("MATCH (a)-[*1..30]-(b) RETURN b LIMIT 3");
  REQUIRE(parsed.ok());
  query::GraphView view(CG());
  query::Schema schema(view);
  auto bound = query::Bind(parsed.value(), "", schema, {}, 10);
  REQUIRE(bound.ok());
  auto out = query::Execute(bound.value(), query::PlanMatches(bound.value(), view), view, small, 0);
  REQUIRE(out.ok());
  CHECK(out.value().rows.size() == 3);
}

TEST_CASE("Planner: starts from the cheapest node and pushes predicates down", "[query][planner]") {
  auto plan = [](const std::string& text) {
    auto parsed = query::Parse(text);
    REQUIRE(parsed.ok());
    static query::GraphView view(CG());
    query::Schema schema(view);
    auto bound = query::Bind(parsed.value(), text, schema, {}, 10);
    REQUIRE(bound.ok());
    auto plans = query::PlanMatches(bound.value(), view);
    std::string out;
    for (const auto& p : plans) out += (out.empty() ? "" : " / ") + query::DescribePlan(p);
    return out;
  };
  CHECK(plan("MATCH (a)-[:PRESENTS]->(t)-[:MENTIONS]->(p {key: 'project:kueue'}) RETURN a") ==
        "key-seek(n2)[1] expand(n2->n1) expand(n1->n0)");
  CHECK(plan("MATCH (a:Person)-->(t:Talk) WHERE a.name = 'Bob' AND t.start > '2026' RETURN a") ==
        "name-seek(n0)[1] expand(n0->n1)[1]");
  CHECK(plan("MATCH (a:Person)-->(t:Talk) RETURN a") == "label-scan(n1) expand(n1->n0)");
  CHECK(plan("MATCH (a:Person) MATCH (a)-[*1..2]-(b) RETURN a") ==
        "label-scan(n0) / bound(n0) expand-var(n0->n1)");
  CHECK(plan("MATCH (a:Person), (b:Project) WITH a, b MATCH p = shortestPath((a)-[*..3]-(b)) "
             "RETURN p") == "label-scan(n0); label-scan(n0) / bound(n0) expand-shortest(n0->n1)");
  CHECK(plan("MATCH (a) WHERE 1 = 2 RETURN a") == "filter(1) all-nodes(n0)");
  CHECK(plan("MATCH p = shortestPath((a {key: 'person:alice'})-[*..3]-(b:Person {name: 'Bob'})) "
             "RETURN p") == "key-seek(n0)[1] expand-shortest(n0->n1, name-seek)[1]");
}

}  // namespace
}  // namespace cnkg::query_test

namespace cnkg::query_test {
namespace {

// Two organisations of the same name, people affiliated with them and talks, so that grouping on
// element ids has groups to merge, and rows of one group that do not come one after another.
const KnowledgeGraph& SameNames() {
  static const KnowledgeGraph g = [] {
    KnowledgeGraph k;
    auto node = [&](std::string key, Label l, std::string name) {
      return k.UpsertNode(Node{std::move(key), l, std::move(name), {}, {}, {}});
    };
    auto rel = [&](auto a, auto b, RelType t) {
      Edge e;
      e.type = t;
      k.UpsertEdge(a, b, e);
    };
    auto o1 = node("org:acme-1", Label::kOrganization, "Acme");
    auto o2 = node("org:acme-2", Label::kOrganization, "Acme");
    auto o3 = node("org:zed", Label::kOrganization, "Zed");
    auto p1 = node("person:p1", Label::kPerson, "Pat");
    auto p2 = node("person:p2", Label::kPerson, "Pat");
    auto p3 = node("person:p3", Label::kPerson, "Quinn");
    auto t1 = node("talk:t1", Label::kTalk, "One");
    auto t2 = node("talk:t2", Label::kTalk, "Two");
    auto t3 = node("talk:t3", Label::kTalk, "Three");
    rel(p1, o1, RelType::kAffiliatedWith);
    rel(p2, o2, RelType::kAffiliatedWith);
    rel(p3, o3, RelType::kAffiliatedWith);
    rel(p3, o1, RelType::kAffiliatedWith);
    rel(p1, t1, RelType::kPresents);
    rel(p1, t2, RelType::kPresents);
    rel(p2, t2, RelType::kPresents);  // t2 counts once for "Acme"
    rel(p2, t3, RelType::kPresents);
    rel(p3, t3, RelType::kPresents);
    return k;
  }();
  return g;
}

TEST_CASE("Executor: grouping on element ids merges groups with equal keys", "[query][executor]") {
  // Grouped on o's id, then the two Acme groups merge: t2 is counted once.
  CHECK(Rows(SameNames(),
             "MATCH (o:Organization)<-[:AFFILIATED_WITH]-(:Person)-[:PRESENTS]->(t:Talk) "
             "RETURN o.name AS org, count(DISTINCT t) AS talks, count(*) AS rows, "
             "collect(DISTINCT t.name) AS names ORDER BY org") ==
        V{"Acme | 3 | 5 | [\"One\", \"Two\", \"Three\"]", "Zed | 1 | 1 | [\"Three\"]"});
  // Started from the talks, the organisations' rows interleave: the same answer.
  CHECK(Rows(SameNames(),
             "MATCH (t:Talk)<-[:PRESENTS]-(:Person)-[:AFFILIATED_WITH]->(o:Organization) "
             "RETURN o.name AS org, count(DISTINCT t) AS talks, count(*) AS rows ORDER BY org") ==
        V{"Acme | 3 | 5", "Zed | 1 | 1"});
  // One group after another (the organisations are the outer loop), sharing talks: each
  // group counts its own.
  CHECK(Rows(SameNames(),
             "MATCH (o:Organization)<-[:AFFILIATED_WITH]-(:Person)-[:PRESENTS]->(t:Talk) "
             "RETURN o.key AS org, count(DISTINCT t) AS talks ORDER BY org") ==
        V{"org:acme-1 | 3", "org:acme-2 | 2", "org:zed | 1"});
  // Keys on two elements, and on the element itself: no merging of distinct nodes.
  CHECK(Rows(SameNames(),
             "MATCH (p:Person)-[:PRESENTS]->(t:Talk) RETURN p.name AS who, t.name AS what, "
             "count(*) AS n ORDER BY who, what") ==
        V{"Pat | One | 1", "Pat | Three | 1", "Pat | Two | 2", "Quinn | Three | 1"});
  CHECK(Rows(SameNames(),
             "MATCH (p:Person)-[:PRESENTS]->(t:Talk) RETURN p, count(t) AS n ORDER BY n, p.key") ==
        V{"(:Person \"Quinn\") | 1", "(:Person \"Pat\") | 2", "(:Person \"Pat\") | 2"});
  CHECK(
      Rows(SameNames(),
           "MATCH (p:Person)-[:PRESENTS]->(t:Talk) RETURN p.key AS k, count(t) AS n ORDER BY k") ==
      V{"person:p1 | 2", "person:p2 | 2", "person:p3 | 1"});
  // Merged sums, minimums, maximums and plain collects; relationships counted by id.
  CHECK(Rows(SameNames(),
             "MATCH (o:Organization)<-[a:AFFILIATED_WITH]-(p:Person)-[r:PRESENTS]->(t:Talk) "
             "RETURN o.name AS org, sum(1) AS s, min(t.name) AS lo, max(t.name) AS hi, "
             "size(collect(t.name)) AS c, count(DISTINCT a) AS affiliations, "
             "count(DISTINCT r) AS presents ORDER BY org") ==
        V{"Acme | 5 | One | Two | 5 | 3 | 5", "Zed | 1 | Three | Three | 1 | 1 | 1"});
  // Keys that are not graph elements (a list element) group on values, with elements beside.
  CHECK(Rows(SameNames(),
             "UNWIND ['x', 'y', 'x'] AS k MATCH (o:Organization {name: 'Acme'}) "
             "RETURN k, count(DISTINCT o) AS orgs, count(*) AS n ORDER BY k") ==
        V{"x | 2 | 4", "y | 2 | 2"});
  // DISTINCT drops repeated elements before reading any property, and equal values after.
  CHECK(Rows(SameNames(),
             "MATCH (o:Organization)<-[:AFFILIATED_WITH]-(p:Person) RETURN DISTINCT o.name "
             "ORDER BY o.name") == V{"Acme", "Zed"});
  CHECK(Rows(SameNames(),
             "MATCH (p:Person)-[:PRESENTS]->(t:Talk)<-[:PRESENTS]-(q:Person) WHERE p <> q "
             "RETURN DISTINCT p.name, q.name ORDER BY p.name, q.name") ==
        V{"Pat | Pat", "Pat | Quinn", "Quinn | Pat"});
}

TEST_CASE("Executor: an expansion to a node pinned by its name or key", "[query][executor]") {
  // The seek replaces the equality: the same rows as a WHERE on the name, for every kind of
  // value (a constant, a value of the row, something that is not a string, null).
  const std::string base = "MATCH (p:Person)-[:PRESENTS]->(t:Talk) ";
  CHECK(Rows(SameNames(), base + "WHERE t.name = 'Two' RETURN p.key ORDER BY p.key") ==
        V{"person:p1", "person:p2"});
  CHECK(
      Rows(SameNames(),
           "MATCH (p:Person)-[:PRESENTS]->(t:Talk {name: 'Three'}) RETURN p.key ORDER BY p.key") ==
      V{"person:p2", "person:p3"});
  CHECK(Rows(SameNames(), base + "WHERE t.key = 'talk:t1' RETURN p.key") == V{"person:p1"});
  CHECK(Rows(SameNames(), base + "WHERE t.name = 2 RETURN p.key").empty());
  CHECK(Rows(SameNames(), base + "WHERE t.name = null RETURN p.key").empty());
  CHECK(Rows(SameNames(),
             "UNWIND ['One', 'Three', 'None'] AS n MATCH (p:Person)-[:PRESENTS]->(t:Talk) "
             "WHERE t.name = n RETURN n, p.key ORDER BY n, p.key") ==
        V{"One | person:p1", "Three | person:p2", "Three | person:p3"});
  // Nodes of the same name are all kept.
  CHECK(Rows(SameNames(),
             "MATCH (p:Person)-[:AFFILIATED_WITH]->(o:Organization {name: 'Acme'}) "
             "RETURN p.key ORDER BY p.key") == V{"person:p1", "person:p2", "person:p3"});
}

TEST_CASE("Executor: values cannot grow without bound", "[query][executor]") {
  std::string doubling = "WITH 'abcdefgh' AS s";
  for (int i = 0; i < 30; ++i) doubling += " WITH s + s AS s";
  doubling += " RETURN size(s)";
  std::string m = Error(G(), doubling);
  CHECK(m.substr(m.find(": ") + 2, m.find('\n') - m.find(": ") - 2) ==
        "the string would be longer than 16777216 bytes");
  std::string lists = "WITH range(1, 1000) AS l";
  for (int i = 0; i < 20; ++i) lists += " WITH l + l AS l";
  lists += " RETURN size(l)";
  std::string n = Error(G(), lists);
  CHECK(n.substr(n.find(": ") + 2, n.find('\n') - n.find(": ") - 2) ==
        "the list would have more than 10000000 elements");
  std::string r = Error(G(), "RETURN replace('" + std::string(1000, 'a') + "', 'a', '" +
                                 std::string(20000, 'b') + "')");
  CHECK(r.find("replace(): the result would be longer than 16777216 bytes") != std::string::npos);
}

}  // namespace
}  // namespace cnkg::query_test
