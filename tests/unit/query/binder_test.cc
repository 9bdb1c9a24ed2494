// Binder errors, as the user sees them through RunQuery (located, with suggestions).

#include "query/binder.h"

#include <catch2/catch.hpp>

#include "query/parser.h"
#include "query_fixture.h"

namespace cnkg::query_test {
namespace {

// The first line of the message (the location and the text); the other two lines show the
// query and the caret.
std::string BindErrorOf(const std::string& q, QueryOptions options = {}) {
  std::string m = Error(SmallGraph(), q, options);
  return m.substr(0, m.find('\n'));
}

TEST_CASE("Binder: unknown labels, types and properties suggest the closest name",
          "[query][binder]") {
  CHECK(BindErrorOf("MATCH (t:Tlak) RETURN t") ==
        "line 1, column 10: unknown label 'Tlak' (did you mean 'Talk'?)");
  CHECK(BindErrorOf("MATCH (t:talk) RETURN t") ==
        "line 1, column 10: unknown label 'talk' (did you mean 'Talk'?)");
  CHECK(BindErrorOf("MATCH (t:Speaker) RETURN t") ==
        "line 1, column 10: unknown label 'Speaker' (known labels: Event, Talk, Person, "
        "Organization, Project, Room, Track, Document, Category)");
  CHECK(BindErrorOf("MATCH (t) WHERE t:Tlak RETURN t") ==
        "line 1, column 19: unknown label 'Tlak' (did you mean 'Talk'?)");
  CHECK(BindErrorOf("MATCH (t)-[:MENTION]->(p) RETURN p") ==
        "line 1, column 13: unknown relationship type 'MENTION' (did you mean 'MENTIONS'?)");
  CHECK(BindErrorOf("MATCH (t)-[:presents]->(p) RETURN p") ==
        "line 1, column 13: unknown relationship type 'presents' (did you mean 'PRESENTS'?)");
  CHECK(BindErrorOf("MATCH (t)-[:LIKES]->(p) RETURN p") ==
        "line 1, column 13: unknown relationship type 'LIKES' (known types: PRESENTS, "
        "AFFILIATED_WITH, MENTIONS, HELD_IN, IN_TRACK, PART_OF, FROM, IN_CATEGORY, BACKED_BY)");
  CHECK(BindErrorOf("MATCH (p:Project) RETURN p.maturty") ==
        "line 1, column 28: unknown property 'maturty' of Project nodes (did you mean "
        "'maturity'?)");
  CHECK(BindErrorOf("MATCH (t:Talk) RETURN t.title") ==
        "line 1, column 25: unknown property 'title' of Talk nodes (did you mean 'name'?)");
  CHECK(BindErrorOf("MATCH (t:Talk|Project) RETURN t.job_titel") ==
        "line 1, column 33: unknown property 'job_titel' of Talk|Project nodes (known: accepted, "
        "aliases, category, cncf, description, documents, end, evidence, evidence_count, "
        "homepage, id, key, label, maturity, name, parent, repo, start, subcategory, time, url)");
  CHECK(BindErrorOf("MATCH (n) RETURN n.job_titel") ==
        "line 1, column 20: unknown property 'job_titel' of nodes (did you mean 'job_title'?)");
  CHECK(BindErrorOf("MATCH ()-[r:AFFILIATED_WITH]->() RETURN r.titel") ==
        "line 1, column 43: unknown property 'titel' of AFFILIATED_WITH relationships (did you "
        "mean 'title'?)");
  CHECK(BindErrorOf("MATCH (n:Person {nam: 'Alice'}) RETURN n") ==
        "line 1, column 23: unknown property 'nam' of Person nodes (did you mean 'name'?)");
  CHECK(BindErrorOf("MATCH (n)-[:MENTIONS {weight: 1}]->() RETURN n") ==
        "line 1, column 31: unknown property 'weight' of MENTIONS relationships (known: "
        "documents, evidence, evidence_count, source, target, type)");
}

TEST_CASE("Binder: variables", "[query][binder]") {
  CHECK(BindErrorOf("MATCH (talk:Talk) RETURN tlak.name") ==
        "line 1, column 26: unknown variable 'tlak' (did you mean 'talk'?)");
  CHECK(BindErrorOf("MATCH (n) RETURN m") == "line 1, column 18: unknown variable 'm'");
  CHECK(BindErrorOf("MATCH (n) WITH n.name AS name RETURN n") ==
        "line 1, column 38: unknown variable 'n'");
  CHECK(BindErrorOf("MATCH (n)-[n]->() RETURN n") ==
        "line 1, column 12: 'n' is already a node; it cannot also be a relationship");
  CHECK(BindErrorOf("MATCH p = (a)-->(b) MATCH p = (c) RETURN p") ==
        "line 1, column 27: variable 'p' is already defined");
  CHECK(BindErrorOf("MATCH (a)-[r*1..2]->(b) MATCH (c)-[r*1..2]->(d) RETURN a") ==
        "line 1, column 36: variable-length relationship 'r' cannot be used twice");
  CHECK(BindErrorOf("UNWIND [1] AS x UNWIND [2] AS x RETURN x") ==
        "line 1, column 31: variable 'x' is already defined");
  CHECK(BindErrorOf("MATCH p = (a)-->(b) RETURN p.name") ==
        "line 1, column 28: 'p' is a path and has no properties; use nodes(p) or "
        "relationships(p)");
  CHECK(BindErrorOf("MATCH (a)-[r*1..2]->(b) RETURN r.title") ==
        "line 1, column 32: 'r' is a variable-length relationship (a list of relationships); "
        "use [r IN r | r.title]");
  CHECK(BindErrorOf("MATCH (n) RETURN *, n") ==
        "line 1, column 21: column name 'n' is used twice; give one of them another name with AS");
  CHECK(BindErrorOf("RETURN *") ==
        "line 1, column 8: RETURN * needs at least one variable in scope");
}

TEST_CASE("Binder: functions and aggregates", "[query][binder]") {
  CHECK(BindErrorOf("MATCH (n) RETURN toLowr(n.name)") ==
        "line 1, column 18: unknown function 'toLowr' (did you mean 'toLower'?)");
  CHECK(BindErrorOf("MATCH (n) RETURN frobnicate(n)") ==
        "line 1, column 18: unknown function 'frobnicate'");
  CHECK(BindErrorOf("RETURN toLower('a', 'b')") ==
        "line 1, column 8: toLower() takes 1 argument, got 2");
  CHECK(BindErrorOf("RETURN substring('a')") ==
        "line 1, column 8: substring() takes 2 to 3 arguments, got 1");
  CHECK(BindErrorOf("RETURN coalesce()") ==
        "line 1, column 8: coalesce() takes at least 1 arguments, got 0");
  CHECK(BindErrorOf("RETURN toLower(DISTINCT 'a')") ==
        "line 1, column 8: DISTINCT is only allowed in aggregate functions (count, collect, ...)");
  CHECK(BindErrorOf("MATCH (n) WHERE count(*) > 1 RETURN n") ==
        "line 1, column 17: aggregate function count(*) is not allowed in WHERE");
  CHECK(BindErrorOf("UNWIND collect(1) AS x RETURN x") ==
        "line 1, column 8: aggregate function collect() is not allowed in UNWIND");
  CHECK(BindErrorOf("MATCH (n {name: count(*)}) RETURN n") ==
        "line 1, column 17: aggregate function count(*) is not allowed in MATCH");
  CHECK(BindErrorOf("MATCH (n) RETURN count(collect(n))") ==
        "line 1, column 24: aggregate functions cannot be nested (collect() inside another)");
  CHECK(BindErrorOf("MATCH (n) RETURN count(n, n)") ==
        "line 1, column 18: count() takes 1 argument, got 2");
  CHECK(BindErrorOf("MATCH (n) RETURN [x IN [1] | count(*)]") ==
        "line 1, column 30: aggregate function count(*) is not allowed in a list comprehension");
  CHECK(BindErrorOf("MATCH (n)-->(m) RETURN n.name, count(*) + size(m.name)") ==
        "line 1, column 32: variable 'm' is used outside an aggregate in 'count(*) + "
        "size(m.name)' but is not a grouping key; return it as a column of its own or "
        "aggregate it");
  CHECK(BindErrorOf("MATCH (n) RETURN n.name AS name ORDER BY count(*)") ==
        "line 1, column 42: an aggregate in ORDER BY must also be returned: add it to RETURN "
        "with AS and order by that name");
  CHECK(BindErrorOf("MATCH (n) RETURN DISTINCT n.name AS name ORDER BY n.key") ==
        "line 1, column 51: unknown variable 'n' (after DISTINCT or an aggregation, ORDER BY "
        "can only use the returned columns)");
  CHECK(BindErrorOf("MATCH (n) WITH n.name RETURN 1") ==
        "line 1, column 16: expression 'n.name' in WITH must be given a name (add AS name)");
}

TEST_CASE("Binder: parameters, SKIP, LIMIT, hops and regular expressions", "[query][binder]") {
  CHECK(BindErrorOf("MATCH (n) WHERE n.name = $who RETURN n") ==
        "line 1, column 26: missing parameter $who (pass it with --param who=VALUE)");
  CHECK(BindErrorOf("MATCH (n) RETURN n LIMIT $k") ==
        "line 1, column 26: missing parameter $k (pass it with --param k=VALUE)");
  CHECK(BindErrorOf("MATCH (n) RETURN n LIMIT -1") ==
        "line 1, column 26: LIMIT must be a non-negative integer, got -1");
  CHECK(BindErrorOf("MATCH (n) RETURN n SKIP 'a'") ==
        "line 1, column 25: SKIP must be a non-negative integer, got a");
  CHECK(BindErrorOf("MATCH (n) RETURN n LIMIT 1 + 1") ==
        "line 1, column 26: LIMIT must be an integer or a parameter");
  QueryOptions o;
  o.params["k"] = "two";
  CHECK(BindErrorOf("MATCH (n) RETURN n LIMIT $k", o) ==
        "line 1, column 26: LIMIT must be a non-negative integer, got two");
  CHECK(BindErrorOf("MATCH (a)-[*3..1]-(b) RETURN a") ==
        "line 1, column 12: the lower bound 3 is greater than the upper bound 1");
  CHECK(BindErrorOf("MATCH p = shortestPath((a)-[*2..3]-(b)) RETURN p") ==
        "line 1, column 29: a shortest path's lower bound must be 0 or 1");
  CHECK(BindErrorOf("MATCH p = shortestPath((a)-->(b)-->(c)) RETURN p") ==
        "line 1, column 7: shortestPath() needs a pattern with exactly one relationship, like "
        "shortestPath((a)-[*..6]-(b))");
  CHECK(BindErrorOf("MATCH (a)-[*1..2 {title: a.name}]-(b) RETURN a") ==
        "line 1, column 26: a property of a variable-length relationship can only refer to "
        "variables bound before this MATCH");
  CHECK(BindErrorOf("MATCH (n) WHERE n.name =~ '(' RETURN n") ==
        "line 1, column 27: invalid regular expression '(': missing ): (");
}

TEST_CASE("Binder: errors show the line and a caret", "[query][binder]") {
  std::string m = Error(SmallGraph(), "MATCH (t:Talk)\nWHERE t.nme = 'x'\nRETURN t");
  CHECK(m ==
        "line 2, column 9: unknown property 'nme' of Talk nodes (did you mean 'name'?)\n"
        "WHERE t.nme = 'x'\n"
        "        ^~~");
}

TEST_CASE("Binder: notices for unbounded variable-length patterns", "[query][binder]") {
  auto r = Run(SmallGraph(), "MATCH (a:Person)-[*]-(b:Project) RETURN count(*) AS n");
  REQUIRE(r.ok());
  REQUIRE(r->notices.size() == 1);
  CHECK(r->notices[0] ==
        "line 1, column 19: variable-length relationship without an upper bound; capped at 10 "
        "hops");
  QueryOptions o;
  o.default_max_hops = 3;
  auto r3 = Run(SmallGraph(), "MATCH (a:Person)-[*2..]-(b:Project) RETURN count(*) AS n", o);
  REQUIRE(r3.ok());
  CHECK(r3->notices[0] ==
        "line 1, column 19: variable-length relationship without an upper bound; capped at 3 "
        "hops");
}

}  // namespace
}  // namespace cnkg::query_test
