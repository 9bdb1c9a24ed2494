// The talks, path and neighbors shortcuts over the fixture graph.

#include <catch2/catch.hpp>

#include "query_fixture.h"

namespace cnkg::query_test {
namespace {

const KnowledgeGraph& F() { return FixtureGraph(); }

QueryResult RunTalks(const std::vector<std::string>& mentions, const std::vector<std::string>& orgs,
                     const std::vector<std::string>& tracks) {
  auto q = TalksQuery(F(), mentions, orgs, tracks);
  INFO((q.ok() ? std::string() : q.status().message()));
  REQUIRE(q.ok());
  auto r = RunQuery(F(), *q, {});
  INFO(*q);
  INFO((r.ok() ? std::string() : r.status().message()));
  REQUIRE(r.ok());
  return std::move(r).value();
}

std::vector<std::string> Titles(const QueryResult& r) {
  std::vector<std::string> out;
  for (const auto& row : r.rows) out.push_back(row[0].as_string());
  return out;
}

TEST_CASE("TalksQuery: filters by mentions, organisations and tracks", "[query][shortcuts]") {
  auto both = RunTalks({"Kueue", "volcano"}, {}, {});
  CHECK(both.columns ==
        std::vector<std::string>{"talk", "event", "start", "track", "speakers", "key"});
  CHECK(Titles(both) == std::vector<std::string>{"Gang Scheduling Showdown: Kueue Versus Volcano"});
  CHECK(query::ToDisplayString(both.rows[0][4]) == "[\"Bao Tran\", \"Marit Haugen\"]");
  CHECK(query::ToDisplayString(both.rows[0][3]) == "AI + ML");
  CHECK(query::ToDisplayString(both.rows[0][1]) == "Tidewater Cloud Native Days 2026");
  CHECK(query::ToDisplayString(both.rows[0][2]) == "2026-09-17T10:00:00+02:00");

  CHECK(Titles(RunTalks({"Kueue"}, {"Google"}, {})) ==
        std::vector<std::string>{"Keynote: Fair Queues for Hungry Accelerators",
                                 "Gang Scheduling Showdown: Kueue Versus Volcano"});
  CHECK(Titles(RunTalks({"Kueue"}, {}, {"ai + ml"})) ==
        std::vector<std::string>{"Gang Scheduling Showdown: Kueue Versus Volcano"});
  CHECK(Titles(RunTalks({}, {}, {"KEYNOTES", "security"})) ==
        std::vector<std::string>{"Keynote: Fair Queues for Hungry Accelerators",
                                 "Policy Guardrails for Shared GPU Clusters", "Closing Remarks"});
  CHECK(RunTalks({}, {}, {}).rows.size() == 9);
  // Aliases resolve too.
  CHECK(Titles(RunTalks({"OTel"}, {}, {})) ==
        std::vector<std::string>{"Tracing the Tide: OpenTelemetry for Ferry Ticketing"});
}

TEST_CASE("TalksQuery: unknown and ambiguous names", "[query][shortcuts]") {
  auto unknown = TalksQuery(F(), {"Kueu"}, {}, {});
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().code() == StatusCode::kNotFound);
  CHECK(unknown.status().message() == "no project named 'Kueu' (did you mean: Kueue?)");
  auto org = TalksQuery(F(), {}, {"Gogle"}, {});
  REQUIRE_FALSE(org.ok());
  CHECK(org.status().message() == "no organisation named 'Gogle'");
  auto track = TalksQuery(F(), {}, {}, {"Kubernetes"});
  REQUIRE_FALSE(track.ok());
  CHECK(track.status().message() == "no track named 'Kubernetes'");

  // Two nodes answer to one name: the message lists both with their keys.
  KnowledgeGraph g = F();
  Node n;
  n.key = "project:kueue-operator";
  n.label = Label::kProject;
  n.name = "Kueue Operator";
  n.aliases = {"kueue"};
  g.UpsertNode(n);
  auto ambiguous = TalksQuery(g, {"kueue"}, {}, {});
  REQUIRE_FALSE(ambiguous.ok());
  CHECK(ambiguous.status().code() == StatusCode::kInvalidArgument);
  CHECK(ambiguous.status().message() ==
        "'kueue' is ambiguous: it names 2 nodes: Kueue [Project, key project:kueue]; Kueue "
        "Operator [Project, key project:kueue-operator] (give the key to choose one)");
  auto by_key = TalksQuery(g, {"project:kueue"}, {}, {});
  CHECK(by_key.ok());
}

TEST_CASE("ExplainPath: a shortest path hop by hop with evidence", "[query][shortcuts]") {
  auto text = ExplainPath(F(), "bao tran", "Jaeger", 6, std::nullopt);
  INFO((text.ok() ? std::string() : text.status().message()));
  REQUIRE(text.ok());
  CHECK(*text ==
        "Shortest path from Person \"Bao Tran\" to Project \"Jaeger\": 4 hops\n"
        "    Person \"Bao Tran\"\n"
        "    -[AFFILIATED_WITH]-> Organization \"Google\"\n"
        "        tests/data/queries/fixture_schedule.txt:10  Speakers: Ilse Vermeulen (Principal "
        "Engineer, Fjordline Compute); Bao Tran (Staff Engineer, Google)\n"
        "        tests/data/queries/fixture_schedule.txt:16  Speakers: Bao Tran (Staff Engineer, "
        "Google); Marit Haugen (Platform Lead, Fjordline Compute)\n"
        "    <-[AFFILIATED_WITH]- Person \"Ravi Iyer\"\n"
        "        tests/data/queries/fixture_schedule.txt:34  Speakers: Sigrid Dahl (SRE, Skerry "
        "Labs); Ravi Iyer (Observability Engineer, Google)\n"
        "    -[PRESENTS]-> Talk \"Tracing the Tide: OpenTelemetry for Ferry Ticketing\"\n"
        "        tests/data/queries/fixture_schedule.txt:34  Speakers: Sigrid Dahl (SRE, Skerry "
        "Labs); Ravi Iyer (Observability Engineer, Google)\n"
        "    -[MENTIONS]-> Project \"Jaeger\"\n"
        "        tests/data/queries/fixture_schedule.txt:37  OpenTelemetry traces flow to Jaeger "
        "and metrics to Prometheus.\n");
}

TEST_CASE("ExplainPath: via a label, and the errors", "[query][shortcuts]") {
  auto via = ExplainPath(F(), "Sigrid Dahl", "Marit Haugen", 6, Label::kProject);
  REQUIRE(via.ok());
  CHECK(via->find("through a Project node: ") != std::string::npos);
  CHECK(via->find("-[MENTIONS]-> Project") != std::string::npos);

  auto none = ExplainPath(F(), "Bao Tran", "Jaeger", 2, std::nullopt);
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().code() == StatusCode::kNotFound);
  CHECK(none.status().message() ==
        "no path between Person \"Bao Tran\" and Project \"Jaeger\" within 2 hops");
  auto none_via = ExplainPath(F(), "Bao Tran", "Google", 2, Label::kCategory);
  REQUIRE_FALSE(none_via.ok());
  CHECK(none_via.status().message() ==
        "no path between Person \"Bao Tran\" and Organization \"Google\" within 2 hops through a "
        "Category node");
  auto same = ExplainPath(F(), "Bao Tran", "person:bao-tran", 6, std::nullopt);
  REQUIRE_FALSE(same.ok());
  CHECK(same.status().message() ==
        "'Bao Tran' and 'person:bao-tran' are the same node (person:bao-tran)");
  auto hops = ExplainPath(F(), "Bao Tran", "Jaeger", 0, std::nullopt);
  REQUIRE_FALSE(hops.ok());
  CHECK(hops.status().message() == "--max-hops must be at least 1, got 0");
  auto unknown = ExplainPath(F(), "Bao Tarn", "Jaeger", 6, std::nullopt);
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().message() == "no node named 'Bao Tarn' (did you mean: Bao Tran?)");
}

// An invented graph where documents are shortcuts that explain nothing:
//   Document "Weekly Digest" -MENTIONS-> Project "Gizmo", "Sprocket", "Flange"
//   Project "Sprocket" -BACKED_BY-> Organization "Acme Works"
//   Person "Quill Ortega" -AFFILIATED_WITH-> "Acme Works", -PRESENTS-> Talk "Flange at Scale"
//   Talk "Flange at Scale" -MENTIONS-> "Flange", -FROM-> Document "Weekly Digest"
// Acme Works and Gizmo meet only through the digest; Sprocket and Flange meet through it in two
// hops and through Acme Works, Quill Ortega and the talk in four.
const KnowledgeGraph& DocumentHubGraph() {
  static const KnowledgeGraph graph = [] {
    KnowledgeGraph g;
    auto node = [&](Label l, const std::string& key, const std::string& name) {
      Node n;
      n.key = key;
      n.label = l;
      n.name = name;
      return g.UpsertNode(n);
    };
    auto edge = [&](auto a, auto b, RelType t) {
      Edge e;
      e.type = t;
      g.UpsertEdge(a, b, e);
    };
    auto digest = node(Label::kDocument, "document:digest", "Weekly Digest");
    auto gizmo = node(Label::kProject, "project:gizmo", "Gizmo");
    auto sprocket = node(Label::kProject, "project:sprocket", "Sprocket");
    auto flange = node(Label::kProject, "project:flange", "Flange");
    auto acme = node(Label::kOrganization, "organization:acme", "Acme Works");
    auto quill = node(Label::kPerson, "person:quill", "Quill Ortega");
    auto talk = node(Label::kTalk, "talk:flange", "Flange at Scale");
    for (auto p : {gizmo, sprocket, flange}) edge(digest, p, RelType::kMentions);
    edge(sprocket, acme, RelType::kBackedBy);
    edge(quill, acme, RelType::kAffiliatedWith);
    edge(quill, talk, RelType::kPresents);
    edge(talk, flange, RelType::kMentions);
    edge(talk, digest, RelType::kFrom);
    return g;
  }();
  return graph;
}

TEST_CASE("ExplainPath: documents are hubs a path passes through only when asked",
          "[query][shortcuts]") {
  const KnowledgeGraph& g = DocumentHubGraph();
  auto none = ExplainPath(g, "Acme Works", "Gizmo", 6, std::nullopt);
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().code() == StatusCode::kNotFound);
  CHECK(none.status().message() ==
        "no path between Organization \"Acme Works\" and Project \"Gizmo\" within 6 hops that "
        "does not pass through a document; documents are hubs that paths avoid unless asked: try "
        "--via Document");
  auto via = ExplainPath(g, "Acme Works", "Gizmo", 6, Label::kDocument);
  INFO((via.ok() ? std::string() : via.status().message()));
  REQUIRE(via.ok());
  CHECK(*via ==
        "Shortest path from Organization \"Acme Works\" to Project \"Gizmo\" through a Document "
        "node: 3 hops\n"
        "    Organization \"Acme Works\"\n"
        "    <-[BACKED_BY]- Project \"Sprocket\"\n"
        "    <-[MENTIONS]- Document \"Weekly Digest\"\n"
        "    -[MENTIONS]-> Project \"Gizmo\"\n");
  // Too few hops even through the document: no hint.
  auto short_hops = ExplainPath(g, "Acme Works", "Gizmo", 2, std::nullopt);
  REQUIRE_FALSE(short_hops.ok());
  CHECK(short_hops.status().message() ==
        "no path between Organization \"Acme Works\" and Project \"Gizmo\" within 2 hops");

  // The connection through people and talks wins over the shorter one through the digest.
  auto real = ExplainPath(g, "Sprocket", "Flange", 6, std::nullopt);
  INFO((real.ok() ? std::string() : real.status().message()));
  REQUIRE(real.ok());
  CHECK(*real ==
        "Shortest path from Project \"Sprocket\" to Project \"Flange\": 4 hops\n"
        "    Project \"Sprocket\"\n"
        "    -[BACKED_BY]-> Organization \"Acme Works\"\n"
        "    <-[AFFILIATED_WITH]- Person \"Quill Ortega\"\n"
        "    -[PRESENTS]-> Talk \"Flange at Scale\"\n"
        "    -[MENTIONS]-> Project \"Flange\"\n");
  auto asked = ExplainPath(g, "Sprocket", "Flange", 6, Label::kDocument);
  REQUIRE(asked.ok());
  CHECK(asked->find(": 2 hops\n") != std::string::npos);

  // A document may end a path (and FROM then counts).
  auto from_document = ExplainPath(g, "Weekly Digest", "Quill Ortega", 6, std::nullopt);
  REQUIRE(from_document.ok());
  CHECK(*from_document ==
        "Shortest path from Document \"Weekly Digest\" to Person \"Quill Ortega\": 2 hops\n"
        "    Document \"Weekly Digest\"\n"
        "    <-[FROM]- Talk \"Flange at Scale\"\n"
        "    <-[PRESENTS]- Person \"Quill Ortega\"\n");
  auto q = PathQuery(g, "Sprocket", "Flange", 6, std::nullopt);
  REQUIRE(q.ok());
  CHECK(q->find("*1..6 (r, n | WHERE label(n) <> 'Document')]-") != std::string::npos);
}

TEST_CASE("Recursive filter (r, n | WHERE ...) keeps nodes out of a path's inside",
          "[query][shortcuts]") {
  const KnowledgeGraph& g = DocumentHubGraph();
  auto run = [&](const std::string& q) {
    auto r = RunQuery(g, q, {});
    INFO(q);
    INFO((r.ok() ? std::string() : r.status().message()));
    REQUIRE(r.ok());
    std::vector<std::string> out;
    for (const auto& row : r->rows) out.push_back(query::ToDisplayString(row[0]));
    return out;
  };
  const std::string ends = "MATCH (a {key: 'project:sprocket'}), (b {key: 'project:flange'})\n";
  CHECK(run(ends + "MATCH p = shortestPath((a)-[*1..6]-(b)) RETURN length(p)") ==
        std::vector<std::string>{"2"});
  CHECK(run(ends + "MATCH p = shortestPath((a)-[*1..6 (r, n | WHERE label(n) <> 'Document')]-(b)) "
                   "RETURN length(p)") == std::vector<std::string>{"4"});
  CHECK(run(ends + "MATCH p = (a)-[* SHORTEST 1..6 (e, x | WHERE NOT x:Document)]-(b) RETURN "
                   "length(p)") == std::vector<std::string>{"4"});
  // An unbound end: a filtered node may end a path but not lie inside one.
  CHECK(run("MATCH (a {key: 'project:gizmo'}) MATCH p = shortestPath((a)-[*1..2 (r, n | WHERE "
            "NOT n:Document)]-(b)) RETURN b.name ORDER BY b.name") ==
        std::vector<std::string>{"Weekly Digest"});
  // Every walk, not only shortest ones.
  CHECK(run("MATCH (a {key: 'project:gizmo'})-[*1..3 (r, n | WHERE NOT n:Document)]-(b) RETURN "
            "DISTINCT b.name ORDER BY b.name") == std::vector<std::string>{"Weekly Digest"});
  CHECK(run("MATCH (a {key: 'project:gizmo'})-[*1..2]-(b) RETURN DISTINCT b.name ORDER BY "
            "b.name")
            .size() == 5);

  auto rel_filter =
      RunQuery(g, "MATCH (a)-[*1..2 (r, n | WHERE r.evidence_count > 0)]-(b) RETURN b", {});
  REQUIRE_FALSE(rel_filter.ok());
  CHECK(rel_filter.status().message().find(
            "a filter on the relationships ('r') of a variable-length pattern is not supported") !=
        std::string::npos);
  auto taken = RunQuery(g, "MATCH (n)-[*1..2 (r, n | WHERE n.name = 'x')]-(b) RETURN b", {});
  REQUIRE_FALSE(taken.ok());
  CHECK(taken.status().message().find("variable 'n' is already defined") != std::string::npos);
  auto syntax = RunQuery(g, "MATCH (a)-[*1..2 (r, n WHERE n.name = 'x')]-(b) RETURN b", {});
  REQUIRE_FALSE(syntax.ok());
  CHECK(syntax.status().message().find("expected '|' after the names of the filter") !=
        std::string::npos);
}

TEST_CASE("Neighbors: nodes within a distance", "[query][shortcuts]") {
  auto r = Neighbors(F(), "kueue", 1, std::nullopt);
  REQUIRE(r.ok());
  CHECK(r->columns ==
        std::vector<std::string>{"hops", "label", "name", "key", "via_relationship", "via"});
  CHECK(FormatTable(*r) ==
        "+------+-------+------------------------------------------------+-------------------------"
        "---------------------------+------------------+-------+\n"
        "| hops | label | name                                           | key                     "
        "                           | via_relationship | via   |\n"
        "+------+-------+------------------------------------------------+-------------------------"
        "---------------------------+------------------+-------+\n"
        "|    1 | Talk  | Gang Scheduling Showdown: Kueue Versus Volcano | "
        "talk:gang-scheduling-showdown-kueue-versus-volcano | MENTIONS         | Kueue |\n"
        "|    1 | Talk  | Keynote: Fair Queues for Hungry Accelerators   | "
        "talk:keynote-fair-queues-for-hungry-accelerators   | MENTIONS         | Kueue |\n"
        "|    1 | Talk  | Policy Guardrails for Shared GPU Clusters      | "
        "talk:policy-guardrails-for-shared-gpu-clusters     | MENTIONS         | Kueue |\n"
        "+------+-------+------------------------------------------------+-------------------------"
        "---------------------------+------------------+-------+\n"
        "(3 rows)\n");
  auto projects = Neighbors(F(), "Marit Haugen", 2, Label::kProject);
  REQUIRE(projects.ok());
  std::vector<std::string> names;
  for (const auto& row : projects->rows) names.push_back(row[2].as_string());
  CHECK(names == std::vector<std::string>{"Kueue", "Volcano"});
  auto depth = Neighbors(F(), "Kueue", 0, std::nullopt);
  REQUIRE_FALSE(depth.ok());
  CHECK(depth.status().message() == "--depth must be at least 1, got 0");
  auto unknown = Neighbors(F(), "Zzyzx", 2, std::nullopt);
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().code() == StatusCode::kNotFound);
  CHECK(unknown.status().message() == "no node named 'Zzyzx'");
}

TEST_CASE("RunQuery: a bad default hop bound", "[query][shortcuts]") {
  QueryOptions o;
  o.default_max_hops = 0;
  auto r = RunQuery(F(), "RETURN 1", o);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() == "the default hop bound must be at least 1, got 0");
}

}  // namespace
}  // namespace cnkg::query_test
