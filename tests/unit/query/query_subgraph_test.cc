// QuerySubgraph: the graph `cnkg export --query` and `cnkg render --query` write.

#include <catch2/catch.hpp>

#include "query/engine.h"
#include "query_fixture.h"

using namespace cnkg;
using cnkg::query_test::SmallGraph;

namespace {

KnowledgeGraph Part(const std::string& text, QueryOptions options = {}) {
  Result<KnowledgeGraph> part = QuerySubgraph(SmallGraph(), text, options);
  INFO(text << " -> " << (part.ok() ? std::string("ok") : part.status().message()));
  REQUIRE(part.ok());
  return std::move(part).value();
}

}  // namespace

TEST_CASE("QuerySubgraph keeps the returned nodes, with their properties and evidence") {
  KnowledgeGraph g = Part("MATCH (p:Person) WHERE p.name STARTS WITH 'A' RETURN p");
  REQUIRE(g.num_nodes() == 1);
  CHECK(g.num_edges() == 0);
  const Node& alice = g.node(*g.Find("person:alice"));
  CHECK(alice.name == "Alice");
  CHECK(std::get<std::string>(alice.properties.at("job_title")) == "Engineer");
  CHECK(alice.evidence.size() == 1);
}

TEST_CASE("QuerySubgraph keeps only the returned relationships, with their endpoints") {
  // Bob presents T1, which Alice presents as well: that edge is not returned, so not kept.
  KnowledgeGraph g = Part("MATCH (b:Person {name: 'Bob'})-[r:PRESENTS]->(t) RETURN r");
  CHECK(g.num_nodes() == 3);
  CHECK(g.num_edges() == 2);
  CHECK_FALSE(g.Find("person:alice").has_value());
}

TEST_CASE("QuerySubgraph takes paths, and elements nested in lists") {
  KnowledgeGraph path =
      Part("MATCH p = shortestPath((a:Person {name: 'Alice'})-[*..4]-(k:Project {name: 'Kueue'})) "
           "RETURN p");
  CHECK(path.num_nodes() == 3);
  CHECK(path.num_edges() == 2);
  KnowledgeGraph listed = Part("MATCH (t:Talk) RETURN collect(t) AS talks, count(*) AS n");
  CHECK(listed.num_nodes() == 2);
}

TEST_CASE("QuerySubgraph takes parameters") {
  QueryOptions options;
  options.params["name"] = "Volcano";
  KnowledgeGraph g = Part("MATCH (t:Talk)-[r:MENTIONS]->(k {name: $name}) RETURN t, r, k", options);
  CHECK(g.num_nodes() == 2);
  CHECK(g.num_edges() == 1);
}

TEST_CASE("QuerySubgraph errors say what went wrong") {
  auto scalars = QuerySubgraph(SmallGraph(), "MATCH (t:Talk) RETURN t.name AS title", {});
  REQUIRE_FALSE(scalars.ok());
  CHECK(scalars.status().code() == StatusCode::kInvalidArgument);
  CHECK(scalars.status().message() ==
        "the query returned no nodes, relationships or paths (columns: title); return them, as in "
        "MATCH p = (a)-[r]->(b) RETURN a, r, b or RETURN p");

  auto none = QuerySubgraph(SmallGraph(), "MATCH (t:Talk {name: 'nothing'}) RETURN t", {});
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().code() == StatusCode::kNotFound);
  CHECK(none.status().message() == "the query matched nothing, so there is no graph to show");

  auto bad = QuerySubgraph(SmallGraph(), "MATCH (t:Tlk) RETURN t", {});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("unknown label 'Tlk'") != std::string::npos);
}
