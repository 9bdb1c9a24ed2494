// No query can crash the process: random token soup, random bytes, truncations and mutations of
// valid queries all end in a result or an error message. Runs with small work limits so that
// the random queries that happen to be expensive stay quick.

#include <catch2/catch.hpp>
#include <random>

#include "query/engine_internal.h"
#include "query_fixture.h"

namespace cnkg::query_test {
namespace {

const char* const kVocabulary[] = {
    "MATCH",
    "OPTIONAL",
    "WHERE",
    "RETURN",
    "WITH",
    "UNWIND",
    "AS",
    "AND",
    "OR",
    "XOR",
    "NOT",
    "IN",
    "STARTS",
    "ENDS",
    "CONTAINS",
    "IS",
    "NULL",
    "TRUE",
    "FALSE",
    "DISTINCT",
    "ORDER",
    "BY",
    "SKIP",
    "LIMIT",
    "DESC",
    "ASC",
    "CASE",
    "WHEN",
    "THEN",
    "ELSE",
    "END",
    "SHORTEST",
    "ALL",
    "shortestPath",
    "allShortestPaths",
    "count",
    "collect",
    "min",
    "max",
    "sum",
    "avg",
    "size",
    "length",
    "nodes",
    "relationships",
    "labels",
    "type",
    "toLower",
    "toUpper",
    "coalesce",
    "range",
    "head",
    "substring",
    "any",
    "none",
    "single",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ".",
    "..",
    ":",
    ";",
    "|",
    "*",
    "+",
    "-",
    "/",
    "%",
    "^",
    "=",
    "<>",
    "<",
    "<=",
    ">",
    ">=",
    "=~",
    "->",
    "<-",
    "--",
    "n",
    "m",
    "p",
    "r",
    "x",
    "t",
    "Talk",
    "Person",
    "Project",
    "Organization",
    "PRESENTS",
    "MENTIONS",
    "AFFILIATED_WITH",
    "name",
    "key",
    "title",
    "start",
    "evidence_count",
    "0",
    "1",
    "2",
    "3",
    "-1",
    "10",
    "1.5",
    "1e3",
    "9223372036854775807",
    "'Kueue'",
    "'a'",
    "''",
    "\"x\"",
    "'('",
    "'.*'",
    "$who",
    "$n",
    "`q`",
    "*1..3",
    "*",
    "*..",
    "*0..2",
    "// c\n",
};

const char* const kValid[] = {
    "MATCH (p:Person)-[:PRESENTS]->(t:Talk)-[:MENTIONS]->(x:Project) RETURN p.name, count(*) ORDER "
    "BY p.name",
    "MATCH p = shortestPath((a:Person {name: 'Alice'})-[*..5]-(b:Project)) RETURN length(p), "
    "nodes(p)",
    "MATCH (n) OPTIONAL MATCH (n)-[r]-(m) WITH n, collect(DISTINCT type(r)) AS types RETURN n.key, "
    "types ORDER BY n.key",
    "UNWIND range(1, 5) AS x WITH x WHERE x % 2 = 1 RETURN collect(x), sum(x), avg(x)",
    "MATCH (a)-[*1..3]-(b) WHERE a.name STARTS WITH 'A' AND b.name =~ 'K.*' RETURN DISTINCT b.name "
    "LIMIT 5",
    "MATCH (t:Talk) RETURN CASE WHEN t.start < '2026' THEN 'early' ELSE 'late' END AS when, [x IN "
    "split(t.name, ' ') | toUpper(x)]",
    "MATCH (a:Person)-[r:AFFILIATED_WITH]->(o) RETURN r.title, r.evidence_count, o.aliases, "
    "properties(r)",
};

// Runs a query and checks only that it returns: a value or an error with a message.
void Survives(const std::string& q) {
  static const query::ExecLimits limits{20'000, 20'000};
  QueryOptions options;
  options.params["who"] = "Alice";
  options.params["n"] = "2";
  options.max_rows = 50;
  auto r = query::RunQueryWithLimits(SmallGraph(), q, options, limits);
  if (r.ok()) {
    // Formatting every result must not crash either.
    (void)FormatTable(*r);
    (void)FormatJson(*r);
    (void)FormatCsv(*r);
  } else {
    INFO(q);
    CHECK_FALSE(r.status().message().empty());
    CHECK(r.status().code() != StatusCode::kInternal);
  }
}

TEST_CASE("Fuzz: random token soup", "[query][fuzz]") {
  std::mt19937 rng(20260917);
  const std::size_t vocab = sizeof(kVocabulary) / sizeof(kVocabulary[0]);
  for (int i = 0; i < 4000; ++i) {
    std::string q;
    const int n = 1 + static_cast<int>(rng() % 30);
    // Half the time, start like a real query so that the later stages get exercised too.
    if (i % 2 == 0) q = (i % 4 == 0) ? "MATCH (n) " : "MATCH (a)-[r]->(b) WHERE ";
    for (int k = 0; k < n; ++k) {
      q += kVocabulary[rng() % vocab];
      q += (rng() % 4 == 0) ? "" : " ";
    }
    if (i % 3 == 0) q += " RETURN *";
    Survives(q);
  }
}

TEST_CASE("Fuzz: mutations and truncations of valid queries", "[query][fuzz]") {
  std::mt19937 rng(17);
  for (const char* valid : kValid) {
    const std::string base(valid);
    Survives(base);
    for (std::size_t cut = 0; cut <= base.size(); ++cut) Survives(base.substr(0, cut));
    for (int i = 0; i < 300; ++i) {
      std::string q = base;
      const int edits = 1 + static_cast<int>(rng() % 3);
      for (int e = 0; e < edits && !q.empty(); ++e) {
        const std::size_t at = rng() % q.size();
        switch (rng() % 3) {
          case 0:
            q.erase(at, 1 + rng() % 4);
            break;
          case 1:
            q.insert(at, 1, "()[]{}.,:*-<>=~'\"$`|"[rng() % 20]);
            break;
          default:
            std::swap(q[at], q[rng() % q.size()]);
            break;
        }
      }
      Survives(q);
    }
  }
}

TEST_CASE("Fuzz: random bytes", "[query][fuzz]") {
  std::mt19937 rng(4);
  for (int i = 0; i < 2000; ++i) {
    std::string q(rng() % 40, '\0');
    for (char& c : q) c = static_cast<char>(rng() % 256);
    Survives(q);
  }
}

TEST_CASE("Fuzz: hostile but valid queries stay bounded", "[query][fuzz]") {
  Survives("MATCH (a)-[*1..1000000]-(b) RETURN count(*)");
  Survives("MATCH (a), (b), (c), (d), (e), (f) RETURN count(*)");
  Survives("UNWIND range(1, 1000000) AS x UNWIND range(1, 1000000) AS y RETURN count(*)");
  Survives("RETURN [x IN range(1, 9000000) | [y IN range(1, 9000000) | y]]");
  Survives("MATCH p = allShortestPaths((a)-[*0..50]-(b)) RETURN count(p)");
  Survives("RETURN " + std::string(5000, '-') + "1");
  Survives("RETURN " + std::string(300, '[') + std::string(300, ']'));
  std::string deep_case = "RETURN ";
  for (int i = 0; i < 200; ++i) deep_case += "CASE WHEN true THEN ";
  Survives(deep_case + "1");
  std::string long_ident(100000, 'x');
  Survives("MATCH (" + long_ident + ") RETURN " + long_ident + "y");
  Survives("MATCH (n:" + long_ident + ") RETURN n");
}

}  // namespace
}  // namespace cnkg::query_test
