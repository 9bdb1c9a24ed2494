#include "graph/snapshot.h"

#include <catch2/catch.hpp>

#include "graph/stats.h"

using namespace cnkg;
using nlohmann::json;

namespace {
KnowledgeGraph Sample() {
  KnowledgeGraph g;
  Node p{"person:ada", Label::kPerson, "Ada \"Countess\" Lovelace", {"A. Lovelace"}, {}, {}};
  p.properties["job_title"] = std::string("Analyst, Engines");
  p.evidence.push_back({"a.txt", 4, "Speakers: Ada"});
  Node t{"talk:engines", Label::kTalk, "Engines\nand <Tables> & more", {}, {}, {}};
  t.properties["start"] = std::string("2025-11-13T09:00:00-05:00");
  t.properties["seats"] = std::int64_t{120};
  t.properties["rating"] = 4.5;
  t.properties["recorded"] = true;
  t.properties["tags"] = std::vector<std::string>{"a", "b"};
  auto vp = g.UpsertNode(p);
  auto vt = g.UpsertNode(t);
  Edge e;
  e.type = RelType::kPresents;
  e.properties["job_title"] = std::string("Analyst");
  e.evidence.push_back({"a.txt", 4, "Speakers: Ada"});
  g.UpsertEdge(vp, vt, e);
  Edge m;
  m.type = RelType::kMentions;
  g.UpsertEdge(vp, vt, m);
  return g;
}
}  // namespace

TEST_CASE("Node-link JSON has the networkx shape") {
  json j = ToNodeLink(Sample());
  CHECK(j["directed"] == true);
  CHECK(j["multigraph"] == true);
  REQUIRE(j["nodes"].size() == 2);
  CHECK(j["nodes"][0]["id"] == "person:ada");
  CHECK(j["nodes"][0]["label"] == "Person");
  CHECK(j["nodes"][0]["aliases"] == json::array({"A. Lovelace"}));
  REQUIRE(j["links"].size() == 2);
  CHECK(j["links"][0]["type"] == "PRESENTS");
  CHECK(j["links"][0]["key"] == 0);
  CHECK(j["links"][1]["key"] == 1);  // parallel edge between the same pair
  CHECK(j["links"][0]["evidence"][0]["line"] == 4);
}

TEST_CASE("Node-link JSON round-trips every property type") {
  KnowledgeGraph g = Sample();
  auto back = FromNodeLink(ToNodeLink(g), "mem");
  REQUIRE(back.ok());
  CHECK(ToNodeLink(*back) == ToNodeLink(g));
  CHECK(StatsJson(*back) == StatsJson(g));
  const Node& t = back->node(*back->Find("talk:engines"));
  CHECK(std::get<std::int64_t>(t.properties.at("seats")) == 120);
  CHECK(std::get<double>(t.properties.at("rating")) == 4.5);
  CHECK(std::get<bool>(t.properties.at("recorded")));
  CHECK(std::get<std::vector<std::string>>(t.properties.at("tags")).size() == 2);
}

TEST_CASE("A property named like a member of the file never replaces it") {
  KnowledgeGraph g;
  Node t{"talk:x", Label::kTalk, "X", {}, {}, {}};
  t.properties["label"] = std::string("Sold Out");
  t.properties["id"] = std::string("other");
  t.properties["room_count"] = std::int64_t{2};
  g.UpsertNode(t);
  json j = ToNodeLink(g);
  CHECK(j["nodes"][0]["label"] == "Talk");
  CHECK(j["nodes"][0]["id"] == "talk:x");
  CHECK(j["nodes"][0]["room_count"] == 2);
  auto back = FromNodeLink(j, "x.json");
  REQUIRE(back.ok());
  CHECK(back->num_nodes() == 1);
}

TEST_CASE("Malformed node-link JSON gives messages that name the spot") {
  auto msg = [](const char* text) {
    auto r = FromNodeLink(json::parse(text), "g.json");
    REQUIRE_FALSE(r.ok());
    return r.status().message();
  };
  CHECK(msg("[]") == "g.json: not a node-link graph: the top level is not an object");
  CHECK(msg("{}") == "g.json: not a node-link graph: no \"nodes\" array");
  CHECK(msg(R"({"nodes": [{"label": "Talk"}]})") == "g.json: node 0 has no string \"id\"");
  CHECK(msg(R"({"nodes": [{"id": "x", "label": "Planet"}]})") ==
        "g.json: node 0 ('x') has unknown label 'Planet'");
  CHECK(msg(R"({"nodes": [{"id": "x", "label": "Talk"}, {"id": "x", "label": "Talk"}]})") ==
        "g.json: node 1 ('x') repeats an id");
  CHECK(msg(R"({"nodes": [{"id": "x", "label": "Talk"}],
               "links": [{"source": "x", "target": "y", "type": "FROM"}]})") ==
        "g.json: link 0 names an unknown target 'y'");
  CHECK(msg(R"({"nodes": [{"id": "x", "label": "Talk"}],
               "links": [{"source": "x", "target": "x", "type": "LIKES"}]})") ==
        "g.json: link 0 has unknown type 'LIKES'");
}

TEST_CASE("ReadGraphFile reports invalid JSON with line and column") {
  std::string path = "/tmp/cnkg_snapshot_test_bad.json";
  REQUIRE(WriteGraphFile(Sample(), path).ok());
  auto ok = ReadGraphFile(path);
  REQUIRE(ok.ok());
  CHECK(ok->num_nodes() == 2);
  FILE* f = std::fopen(path.c_str(), "w");
  std::fputs("{\n \"nodes\": [\n  {,}\n ]\n}\n", f);
  std::fclose(f);
  auto bad = ReadGraphFile(path);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() == path + ":3:4: not a graph file: invalid JSON");
  auto missing = ReadGraphFile("/tmp/cnkg-no-such-graph.json");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message() == "/tmp/cnkg-no-such-graph.json: no such file");
  std::remove(path.c_str());
}

TEST_CASE("Stats count every label and type") {
  json s = StatsJson(Sample());
  CHECK(s["nodes"] == 2);
  CHECK(s["edges"] == 2);
  CHECK(s["labels"]["Person"] == 1);
  CHECK(s["labels"]["Project"] == 0);
  CHECK(s["types"]["MENTIONS"] == 1);
  CHECK(StatsText(Sample()).find("PRESENTS") != std::string::npos);
}
