#include "graph/binary_graph.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "common/files.h"
#include "graph/snapshot.h"

using namespace cnkg;

namespace {

// Every property type, hostile text, parallel edges and shared documents.
KnowledgeGraph Sample() {
  KnowledgeGraph g;
  Node p{"person:ada", Label::kPerson, "Ada \"Countess\" Lovelace\n\x01", {"A. Lovelace", ""}, {},
         {}};
  p.properties["job_title"] = std::string("Analyst, Engines");
  p.evidence.push_back({"a.txt", 4, "Speakers: Ada"});
  p.evidence.push_back({"b/é.md", 0, ""});
  Node t{"talk:engines", Label::kTalk, "Engines", {}, {}, {}};
  t.properties["seats"] = std::int64_t{-120};
  t.properties["big"] = std::int64_t{9007199254740993};
  t.properties["rating"] = -4.5e-300;
  t.properties["recorded"] = false;
  t.properties["tags"] = std::vector<std::string>{"a", "", "ß"};
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

TEST_CASE("The binary graph file round-trips the graph exactly") {
  KnowledgeGraph g = Sample();
  std::string bytes = SerializeBinaryGraph(g);
  CHECK(IsBinaryGraph(bytes));
  auto back = ParseBinaryGraph(bytes, "g.cnkg");
  REQUIRE(back.ok());
  CHECK(ToNodeLink(*back) == ToNodeLink(g));
  const Node& t = back->node(*back->Find("talk:engines"));
  CHECK(std::get<std::int64_t>(t.properties.at("big")) == 9007199254740993);
  CHECK(std::get<double>(t.properties.at("rating")) == -4.5e-300);
  CHECK(SerializeBinaryGraph(*back) == bytes);
}

TEST_CASE("The binary graph file of an empty graph") {
  auto back = ParseBinaryGraph(SerializeBinaryGraph(KnowledgeGraph()), "e.cnkg");
  REQUIRE(back.ok());
  CHECK(back->num_nodes() == 0);
}

TEST_CASE("A graph loaded from a binary file merges like any other") {
  auto back = ParseBinaryGraph(SerializeBinaryGraph(Sample()), "g.cnkg");
  REQUIRE(back.ok());
  KnowledgeGraph g = std::move(*back);
  Edge e;
  e.type = RelType::kPresents;
  e.evidence.push_back({"c.txt", 9, "again"});
  g.UpsertEdge(*g.Find("person:ada"), *g.Find("talk:engines"), e);
  CHECK(g.num_edges() == 2);
  CHECK(g.edge(*boost::edges(g.graph()).first).evidence.size() == 2);
}

TEST_CASE("Every truncation of a binary graph file is an error, never a crash") {
  std::string bytes = SerializeBinaryGraph(Sample());
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    auto r = ParseBinaryGraph(std::string_view(bytes).substr(0, n), "t.cnkg");
    INFO("length " << n);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == StatusCode::kParseError);
    CHECK(r.status().message().rfind("t.cnkg: corrupt binary graph file ", 0) == 0);
  }
}

TEST_CASE("Flipped bytes in a binary graph file give errors or a graph, never a crash") {
  const std::string bytes = SerializeBinaryGraph(Sample());
  for (std::size_t i = 8; i < bytes.size(); ++i) {
    for (unsigned char x : {0x01, 0x80, 0xff}) {
      std::string b = bytes;
      b[i] = static_cast<char>(b[i] ^ x);
      auto r = ParseBinaryGraph(b, "f.cnkg");
      if (!r.ok()) CHECK(r.status().code() == StatusCode::kParseError);
    }
  }
}

TEST_CASE("Binary graph file errors name the file and the place") {
  std::string bytes = SerializeBinaryGraph(Sample());
  auto trailing = ParseBinaryGraph(bytes + "x", "g.cnkg");
  REQUIRE_FALSE(trailing.ok());
  CHECK(trailing.status().message() == "g.cnkg: corrupt binary graph file at byte " +
                                           std::to_string(bytes.size()) +
                                           ": bytes after the end of the graph");
  auto truncated = ParseBinaryGraph(bytes.substr(0, bytes.size() - 2), "g.cnkg");
  REQUIRE_FALSE(truncated.ok());
  CHECK(truncated.status().message() == "g.cnkg: corrupt binary graph file at byte " +
                                            std::to_string(bytes.size() - 3) +
                                            ": the file ends early (truncated?)");
  auto label = bytes;
  label.replace(label.find("Person"), 6, "Persom");
  auto bad_label = ParseBinaryGraph(label, "g.cnkg");
  REQUIRE_FALSE(bad_label.ok());
  CHECK(bad_label.status().message().find("node 0 has unknown label 'Persom'") !=
        std::string::npos);
}

TEST_CASE("Graph files ending in .cnkg are binary, and are read whatever their name") {
  auto dir = std::filesystem::temp_directory_path() / "cnkg_binary_graph_test";
  std::filesystem::create_directories(dir);
  const std::string binary = (dir / "g.cnkg").string(), json = (dir / "g.json").string();
  REQUIRE(WriteGraphFile(Sample(), binary).ok());
  REQUIRE(WriteGraphFile(Sample(), json).ok());
  auto bytes = ReadFile(binary);
  REQUIRE(bytes.ok());
  CHECK(IsBinaryGraph(*bytes));
  const std::string renamed = (dir / "g.data").string();
  std::filesystem::copy_file(binary, renamed, std::filesystem::copy_options::overwrite_existing);
  auto a = ReadGraphFile(renamed), b = ReadGraphFile(json);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(ToNodeLink(*a) == ToNodeLink(*b));
  CHECK(IsBinaryGraphPath("x.cnkg"));
  CHECK_FALSE(IsBinaryGraphPath(".cnkg.json"));
  std::filesystem::remove_all(dir);
}
