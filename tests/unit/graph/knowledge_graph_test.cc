#include "graph/knowledge_graph.h"

#include <catch2/catch.hpp>

#include "graph/builder.h"

using namespace cnkg;

namespace {
Node MakeNode(std::string key, Label label, std::string name) {
  Node n;
  n.key = std::move(key);
  n.label = label;
  n.name = std::move(name);
  return n;
}
}  // namespace

TEST_CASE("Seeing the same key twice merges the node and unions its evidence") {
  KnowledgeGraph g;
  Node a = MakeNode("org:acme", Label::kOrganization, "Acme");
  a.evidence.push_back({"a.txt", 3, "line three"});
  Node b = MakeNode("org:acme", Label::kOrganization, "ACME Inc");
  b.aliases = {"Acme"};
  b.evidence.push_back({"a.txt", 3, "line three"});
  b.evidence.push_back({"b.txt", 1, "line one"});
  b.properties["country"] = std::string("NL");
  auto v1 = g.UpsertNode(a);
  auto v2 = g.UpsertNode(b);
  CHECK(v1 == v2);
  CHECK(g.num_nodes() == 1);
  const Node& n = g.node(v1);
  CHECK(n.name == "Acme");
  CHECK(n.aliases == std::vector<std::string>{"ACME Inc"});
  CHECK(n.evidence.size() == 2);
  CHECK(std::get<std::string>(n.properties.at("country")) == "NL");
}

TEST_CASE("One edge per source, target and type; evidence accumulates") {
  KnowledgeGraph g;
  auto p = g.UpsertNode(MakeNode("person:ada", Label::kPerson, "Ada"));
  auto t = g.UpsertNode(MakeNode("talk:x", Label::kTalk, "X"));
  Edge e;
  e.type = RelType::kPresents;
  e.evidence = {{"a.txt", 1, "x"}};
  g.UpsertEdge(p, t, e);
  e.evidence = {{"b.txt", 9, "y"}};
  g.UpsertEdge(p, t, e);
  Edge other;
  other.type = RelType::kMentions;
  g.UpsertEdge(p, t, other);
  CHECK(g.num_edges() == 2);
  auto counts = g.CountByType();
  CHECK(counts[RelType::kPresents] == 1);
  auto [ei, end] = boost::out_edges(p, g.graph());
  REQUIRE(ei != end);
  CHECK(g.edge(*ei).evidence.size() == 2);
  CHECK(g.Find("talk:x") == t);
  CHECK_FALSE(g.Find("talk:y"));
}

TEST_CASE("AddBatch adds entities and relations by key") {
  ExtractionBatch b;
  b.document = "doc.txt";
  b.entities.push_back({"person:ada", Label::kPerson, "Ada", {}, {}, {"doc.txt", 2, "Ada"}});
  b.entities.push_back({"talk:x", Label::kTalk, "X", {}, {}, {"doc.txt", 1, "X#"}});
  b.entities.push_back({"person:ada", Label::kPerson, "Ada", {}, {}, {"doc.txt", 7, "Ada"}});
  b.relations.push_back({"person:ada", "talk:x", RelType::kPresents, {}, {"doc.txt", 2, "Ada"}});
  KnowledgeGraph g;
  REQUIRE(AddBatch(b, g).ok());
  CHECK(g.num_nodes() == 2);
  CHECK(g.num_edges() == 1);
  CHECK(g.node(*g.Find("person:ada")).evidence.size() == 2);
}

TEST_CASE("AddBatch rejects a relation to an unknown key and leaves the graph unchanged") {
  ExtractionBatch b;
  b.document = "doc.txt";
  b.entities.push_back({"talk:x", Label::kTalk, "X", {}, {}, {}});
  b.relations.push_back({"person:nobody", "talk:x", RelType::kPresents, {}, {}});
  KnowledgeGraph g;
  Status s = AddBatch(b, g);
  REQUIRE_FALSE(s.ok());
  CHECK(s.code() == StatusCode::kInternal);
  CHECK(s.message() == "doc.txt: relation PRESENTS names an unknown key 'person:nobody'");
  CHECK(g.num_nodes() == 0);
}

TEST_CASE("Diagnostic strings name file and line") {
  Diagnostic w{Diagnostic::Severity::kWarning, "a.txt", 4, "unknown time zone 'XYZ'"};
  CHECK(w.ToString() == "a.txt:4: warning: unknown time zone 'XYZ'");
  Diagnostic e{Diagnostic::Severity::kError, "a.txt", 0, "empty document"};
  CHECK(e.ToString() == "a.txt: error: empty document");
}

TEST_CASE("A copied graph is independent of the original, edges included") {
  KnowledgeGraph original;
  Node a{"person:a", Label::kPerson, "A", {}, {}, {}};
  Node t{"talk:t", Label::kTalk, "T", {}, {}, {}};
  auto va = original.UpsertNode(a);
  auto vt = original.UpsertNode(t);
  Edge e;
  e.type = RelType::kPresents;
  e.evidence.push_back({"d.txt", 1, "one"});
  original.UpsertEdge(va, vt, e);

  KnowledgeGraph copy = original;
  e.evidence = {{"d.txt", 2, "two"}};
  copy.UpsertEdge(va, vt, e);  // merges into the copy's own edge
  CHECK(copy.edge(*boost::edges(copy.graph()).first).evidence.size() == 2);
  CHECK(original.edge(*boost::edges(original.graph()).first).evidence.size() == 1);

  KnowledgeGraph moved = std::move(copy);
  moved.UpsertEdge(va, vt, Edge{RelType::kPresents, {}, {{"d.txt", 3, "three"}}});
  CHECK(moved.edge(*boost::edges(moved.graph()).first).evidence.size() == 3);
  CHECK(copy.num_nodes() == 0);  // NOLINT(bugprone-use-after-move): moved-from is empty
  copy.UpsertNode(a);
  CHECK(copy.num_nodes() == 1);
}

TEST_CASE("The graph stores each evidence text and document name once") {
  KnowledgeGraph g;
  const std::string line = "Speakers: Ada Lovelace, Analytical Engines Ltd";
  // Two documents quote the same line, each with its own strings.
  Node a = MakeNode("person:ada", Label::kPerson, "Ada");
  a.evidence.push_back({std::string("one.txt"), 2, std::string(line)});
  a.evidence.push_back({std::string("two.txt"), 7, std::string(line)});
  auto va = g.UpsertNode(std::move(a));
  Node t = MakeNode("talk:engines", Label::kTalk, "Engines");
  t.evidence.push_back({std::string("one.txt"), 2, std::string(line)});
  auto vt = g.UpsertNode(std::move(t));
  Edge e;
  e.type = RelType::kPresents;
  e.evidence.push_back({std::string("two.txt"), 7, std::string(line)});
  auto edge = g.UpsertEdge(va, vt, std::move(e));
  const auto& ea = g.node(va).evidence;
  REQUIRE(ea.size() == 2);
  CHECK(ea[0].text.SharesWith(ea[1].text));
  CHECK(ea[0].text.SharesWith(g.node(vt).evidence[0].text));
  CHECK(ea[0].document.SharesWith(g.node(vt).evidence[0].document));
  CHECK(g.edge(edge).evidence[0].text.SharesWith(ea[0].text));
  CHECK(g.edge(edge).evidence[0].document.SharesWith(ea[1].document));
  CHECK_FALSE(ea[0].document.SharesWith(ea[1].document));
  // A copy of the graph shares them too, and keeps them when the original goes.
  KnowledgeGraph copy;
  {
    KnowledgeGraph original = g;
    copy = original;
  }
  CHECK(copy.node(va).evidence[1].text == line);
  Node again = MakeNode("org:engines", Label::kOrganization, "Analytical Engines Ltd");
  again.evidence.push_back({std::string("two.txt"), 7, std::string(line)});
  auto vo = copy.UpsertNode(std::move(again));
  CHECK(copy.node(vo).evidence[0].text.SharesWith(copy.node(va).evidence[0].text));
}
