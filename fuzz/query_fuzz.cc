// The query language: the bytes are a Cypher query, parsed, bound, planned and run over a small
// fixed graph, and the result is printed as a table, JSON and CSV (as `cnkg query` does).
// Invariants: no crash, hang or sanitizer report; errors say something and are never internal;
// every query stops within its work limits.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz/fuzz_util.h"
#include "graph/compact_graph.h"
#include "graph/knowledge_graph.h"
#include "query/engine.h"
#include "query/engine_internal.h"

using namespace cnkg;

namespace {

// Two talks, their speakers, organisations, projects, an event, a room and a document, with
// properties of every type: enough for every clause and function to have something to read.
KnowledgeGraph SmallGraph() {
  KnowledgeGraph g;
  auto node = [&](std::string key, Label label, std::string name) {
    Node n{std::move(key), label, std::move(name), {}, {}, {}};
    n.evidence.push_back({"talks.txt", 3, "a line of the document"});
    return g.UpsertNode(n);
  };
  auto rel = [&](KnowledgeGraph::Vertex a, KnowledgeGraph::Vertex b, RelType type) {
    Edge e;
    e.type = type;
    e.evidence.push_back({"talks.txt", 4, "another line"});
    g.UpsertEdge(a, b, e);
  };
  const auto doc = node("document:talks.txt", Label::kDocument, "talks.txt");
  const auto event = node("event:demo-con-2026", Label::kEvent, "DemoCon 2026");
  const auto room = node("room:hall-a", Label::kRoom, "Hall A");
  const auto track = node("track:platforms", Label::kTrack, "Platforms");
  const auto org1 = node("organization:acme", Label::kOrganization, "Acme");
  const auto org2 = node("organization:initech", Label::kOrganization, "Initech");
  const auto p1 = node("person:ana-silva", Label::kPerson, "Ana Silva");
  const auto p2 = node("person:bo-chen", Label::kPerson, "Bo Chen");
  const auto p3 = node("person:chidi-okafor", Label::kPerson, "Chidi Okafor");
  const auto j1 = node("project:kubernetes", Label::kProject, "Kubernetes");
  const auto j2 = node("project:kueue", Label::kProject, "Kueue");
  const auto t1 = node("talk:batch-jobs", Label::kTalk, "Batch jobs with Kueue");
  const auto t2 = node("talk:scaling", Label::kTalk, "Scaling Kubernetes");
  Node& talk = g.mutable_node(t1);
  talk.properties["start"] = std::string("2026-03-02T10:00:00+01:00");
  talk.properties["seats"] = std::int64_t{120};
  talk.properties["rating"] = 4.5;
  talk.properties["recorded"] = true;
  talk.properties["tags"] = std::vector<std::string>{"batch", "ai"};
  g.mutable_node(j1).properties["maturity"] = std::string("graduated");
  g.mutable_node(j2).properties["cncf"] = false;
  g.mutable_node(p1).aliases.push_back("A. Silva");
  for (auto t : {t1, t2}) {
    rel(t, event, RelType::kPartOf);
    rel(t, room, RelType::kHeldIn);
    rel(t, track, RelType::kInTrack);
    rel(t, doc, RelType::kFrom);
  }
  rel(p1, t1, RelType::kPresents);
  rel(p2, t1, RelType::kPresents);
  rel(p2, t2, RelType::kPresents);
  rel(p3, t2, RelType::kPresents);
  rel(p1, org1, RelType::kAffiliatedWith);
  rel(p2, org1, RelType::kAffiliatedWith);
  rel(p3, org2, RelType::kAffiliatedWith);
  rel(t1, j2, RelType::kMentions);
  rel(t1, j1, RelType::kMentions);
  rel(t2, j1, RelType::kMentions);
  rel(doc, j1, RelType::kMentions);
  return g;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::shared_ptr<const CompactGraph> graph =
      CompactGraph::FromKnowledgeGraph(SmallGraph());
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  QueryOptions options;
  options.max_rows = 1000;
  options.default_max_hops = 4;
  options.params["name"] = "\"Ana Silva\"";
  options.params["n"] = "2";
  // Small work limits: a query that would do more work (cnkg's default is 200 million steps, a
  // few seconds) ends in the same "too expensive" error, so the fuzzer spends its time on
  // other queries. 250,000 steps take about 15 ms in a release build and stay well under the
  // one-second timeout in the instrumented fuzz build (2 million did not: a variable-length
  // walk over a cycle took more than a second there, 0.1 s in release).
  query::ExecLimits limits;
  limits.max_steps = 250'000;
  limits.max_stored = 50'000;
  auto result = query::RunQueryWithLimits(*graph, text, options, limits);
  if (!result.ok()) {
    // Syntax errors point at the spot on the lines under the message.
    fuzz::CheckUserError(result.status(), /*one_line=*/false);
    return 0;
  }
  (void)FormatTable(*result);
  (void)FormatJson(*result);
  (void)FormatCsv(*result);
  return 0;
}
