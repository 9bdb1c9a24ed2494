#include <catch2/catch.hpp>

#include "query_fixture.h"

namespace cnkg::query_test {
namespace {

QueryResult Result(const std::string& q) {
  auto r = Run(SmallGraph(), q);
  INFO((r.ok() ? std::string() : r.status().message()));
  REQUIRE(r.ok());
  return std::move(r).value();
}

TEST_CASE("FormatTable: aligned columns, numbers right, row count", "[query][format]") {
  CHECK(FormatTable(Result(
            "UNWIND [['Kueue', 12], ['Volcano', 3]] AS x RETURN x[0] AS project, x[1] AS n")) ==
        "+---------+----+\n"
        "| project | n  |\n"
        "+---------+----+\n"
        "| Kueue   | 12 |\n"
        "| Volcano |  3 |\n"
        "+---------+----+\n"
        "(2 rows)\n");
  CHECK(FormatTable(Result("MATCH (e:Event) RETURN e.name AS event")) ==
        "+-------+\n"
        "| event |\n"
        "+-------+\n"
        "(0 rows)\n");
  CHECK(FormatTable(Result("RETURN 'a\nb' AS s, null AS n, ['x', 1] AS l")) ==
        "+------+------+----------+\n"
        "| s    | n    | l        |\n"
        "+------+------+----------+\n"
        "| a\\nb | null | [\"x\", 1] |\n"
        "+------+------+----------+\n"
        "(1 row)\n");
}

TEST_CASE("FormatTable: wide characters and long cells", "[query][format]") {
  std::string t = FormatTable(Result("RETURN '日本' AS w"));
  CHECK(t ==
        "+------+\n"
        "| w    |\n"
        "+------+\n"
        "| 日本 |\n"
        "+------+\n"
        "(1 row)\n");
  std::string long_cell = FormatTable(Result("RETURN '" + std::string(100, 'a') + "' AS x"));
  CHECK(long_cell.find(std::string(77, 'a') + "...") != std::string::npos);
  CHECK(long_cell.find(std::string(78, 'a')) == std::string::npos);
}

TEST_CASE("FormatTable: nodes, relationships and paths", "[query][format]") {
  CHECK(FormatTable(Result(
            "MATCH p = (a:Person {name: 'Alice'})-[r:AFFILIATED_WITH]->(o) RETURN a, r, p")) ==
        "+-------------------+----------------------------------------+----------------------------"
        "------------------------------------------------------+\n"
        "| a                 | r                                      | p                          "
        "                                                      |\n"
        "+-------------------+----------------------------------------+----------------------------"
        "------------------------------------------------------+\n"
        "| (:Person \"Alice\") | [:AFFILIATED_WITH {title: \"Engineer\"}] | (:Person "
        "\"Alice\")-[:AFFILIATED_WITH {title: \"Engineer\"}]->(:Organization \"Acme\") |\n"
        "+-------------------+----------------------------------------+----------------------------"
        "------------------------------------------------------+\n"
        "(1 row)\n");
}

TEST_CASE("FormatJson: objects in column order, graph elements like the graph file",
          "[query][format]") {
  CHECK(FormatJson(
            Result("MATCH (a:Person {name: 'Alice'})-[r:AFFILIATED_WITH]->(o) "
                   "RETURN o.name AS zname, a.name AS aname, 1.5 AS f, 0.0 / 0.0 AS nan, r, o")) ==
        R"([
  {
    "zname": "Acme",
    "aname": "Alice",
    "f": 1.5,
    "nan": null,
    "r": {
      "type": "AFFILIATED_WITH",
      "source": "person:alice",
      "target": "org:acme",
      "title": "Engineer",
      "documents": [
        "doc.txt"
      ],
      "evidence_count": 2
    },
    "o": {
      "id": "org:acme",
      "label": "Organization",
      "name": "Acme",
      "aliases": [
        "Acme Corp"
      ],
      "documents": [
        "doc.txt"
      ]
    }
  }
]
)");
  CHECK(FormatJson(Result("MATCH (e:Event) RETURN e")) == "[]\n");
  std::string path =
      FormatJson(Result("MATCH p = (:Person {name: 'Alice'})-[:AFFILIATED_WITH]->() RETURN p"));
  CHECK(path.find("\"nodes\"") != std::string::npos);
  CHECK(path.find("\"relationships\"") != std::string::npos);
}

TEST_CASE("FormatCsv: RFC 4180", "[query][format]") {
  CHECK(FormatCsv(
            Result("RETURN 'plain' AS a, 'with, comma' AS b, 'say \"hi\"' AS c, 'two\nlines' AS d, "
                   "null AS e, 2 AS f, true AS g, ['x', 1] AS h")) ==
        "a,b,c,d,e,f,g,h\r\n"
        "plain,\"with, comma\",\"say \"\"hi\"\"\",\"two\nlines\",,2,true,\"[\"\"x\"\",1]\"\r\n");
  CHECK(FormatCsv(Result("MATCH (n:Project {name: 'Kueue'}) RETURN n.name AS `name, quoted`")) ==
        "\"name, quoted\"\r\nKueue\r\n");
  CHECK(FormatCsv(Result("MATCH (n:Project {name: 'Kueue'}) RETURN n")) ==
        "n\r\n\"{\"\"id\"\":\"\"project:kueue\"\",\"\"label\"\":\"\"Project\"\",\"\"name\"\":"
        "\"\"Kueue\"\","
        "\"\"aliases\"\":[],\"\"cncf\"\":false,\"\"documents\"\":[\"\"doc.txt\"\"]}\"\r\n");
}

}  // namespace
}  // namespace cnkg::query_test
