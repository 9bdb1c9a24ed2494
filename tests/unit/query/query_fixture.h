#ifndef CNKG_TESTS_UNIT_QUERY_QUERY_FIXTURE_H_
#define CNKG_TESTS_UNIT_QUERY_QUERY_FIXTURE_H_

// Shared helpers for the query tests: the fixture graph (tests/data/queries/fixture.json, built
// once from the invented schedule fixture_schedule.txt and frozen so that extractor changes do
// not move the expectations), a small hand-built graph, and shortcuts to run a query.

#include <catch2/catch.hpp>
#include <string>

#include "graph/knowledge_graph.h"
#include "graph/snapshot.h"
#include "query/engine.h"

namespace cnkg::query_test {

inline const KnowledgeGraph& FixtureGraph() {
  static const KnowledgeGraph graph = [] {
    auto g = ReadGraphFile(std::string(CNKG_TEST_DATA_DIR) + "/queries/fixture.json");
    REQUIRE(g.ok());
    return std::move(g).value();
  }();
  return graph;
}

// A tiny graph whose every detail the executor tests rely on:
//   Alice -PRESENTS-> T1 -MENTIONS-> Kueue, T1 -MENTIONS-> Volcano
//   Bob   -PRESENTS-> T1, Bob -PRESENTS-> T2 -MENTIONS-> Kueue
//   Alice -AFFILIATED_WITH {title: "Engineer"}-> Acme (two pieces of evidence)
//   Carol (no talks)
inline const KnowledgeGraph& SmallGraph() {
  static const KnowledgeGraph graph = [] {
    KnowledgeGraph g;
    auto node = [&](Label l, const std::string& key, const std::string& name,
                    Properties props = {}) {
      Node n;
      n.key = key;
      n.label = l;
      n.name = name;
      n.properties = std::move(props);
      n.evidence.push_back({"doc.txt", 1, name});
      return g.UpsertNode(n);
    };
    auto alice =
        node(Label::kPerson, "person:alice", "Alice", {{"job_title", std::string("Engineer")}});
    auto bob = node(Label::kPerson, "person:bob", "Bob");
    node(Label::kPerson, "person:carol", "Carol");
    auto t1 = node(Label::kTalk, "talk:t1", "Queues at Scale",
                   {{"start", std::string("2026-01-01T10:00")}});
    auto t2 = node(Label::kTalk, "talk:t2", "Kueue Deep Dive",
                   {{"start", std::string("2026-01-01T09:00")}});
    auto kueue = node(Label::kProject, "project:kueue", "Kueue", {{"cncf", false}});
    auto volcano = node(Label::kProject, "project:volcano", "Volcano",
                        {{"cncf", true}, {"maturity", std::string("incubating")}});
    auto acme = node(Label::kOrganization, "org:acme", "Acme");
    g.mutable_node(acme).aliases.push_back("Acme Corp");
    auto edge = [&](KnowledgeGraph::Vertex s, KnowledgeGraph::Vertex t, RelType type,
                    Properties props = {}, int evidence = 1) {
      Edge e;
      e.type = type;
      e.properties = std::move(props);
      for (int i = 0; i < evidence; ++i) e.evidence.push_back({"doc.txt", 10 + i, "line"});
      g.UpsertEdge(s, t, e);
    };
    edge(alice, t1, RelType::kPresents);
    edge(bob, t1, RelType::kPresents);
    edge(bob, t2, RelType::kPresents);
    edge(t1, kueue, RelType::kMentions);
    edge(t1, volcano, RelType::kMentions);
    edge(t2, kueue, RelType::kMentions);
    edge(alice, acme, RelType::kAffiliatedWith, {{"title", std::string("Engineer")}}, 2);
    return g;
  }();
  return graph;
}

inline Result<QueryResult> Run(const KnowledgeGraph& g, const std::string& q,
                               QueryOptions options = {}) {
  return RunQuery(g, q, options);
}

// The rows of a successful query as display strings, one "a | b | c" line per row.
inline std::vector<std::string> Rows(const KnowledgeGraph& g, const std::string& q,
                                     QueryOptions options = {}) {
  auto r = RunQuery(g, q, options);
  INFO(q);
  INFO((r.ok() ? std::string() : r.status().message()));
  REQUIRE(r.ok());
  std::vector<std::string> out;
  for (const auto& row : r->rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) line += " | ";
      line += query::ToDisplayString(row[i]);
    }
    out.push_back(line);
  }
  return out;
}

// The error message of a failing query.
inline std::string Error(const KnowledgeGraph& g, const std::string& q, QueryOptions options = {}) {
  auto r = RunQuery(g, q, options);
  INFO(q);
  REQUIRE_FALSE(r.ok());
  return r.status().message();
}

}  // namespace cnkg::query_test

#endif  // CNKG_TESTS_UNIT_QUERY_QUERY_FIXTURE_H_
