#include "export/dot.h"

#include <graphviz/cgraph.h>

#include <catch2/catch.hpp>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "export_fixture.h"
#include "graph/snapshot.h"

namespace cnkg {
namespace {

using export_test::MakeNode;

struct GraphCloser {
  void operator()(Agraph_t* g) const { agclose(g); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

// Parses DOT text back with cgraph's own reader.
GraphPtr ReadBack(const std::string& dot) {
  GraphPtr g(agmemread(dot.c_str()));
  REQUIRE(g != nullptr);
  return g;
}

std::string Get(void* obj, std::string_view attr) {
  std::string name(attr);
  const char* value = agget(obj, name.data());
  return value ? std::string(value) : std::string();
}

Agnode_t* FindNode(Agraph_t* g, const std::string& name) {
  std::string copy = name;
  return agnode(g, copy.data(), 0);
}

const std::vector<std::string>& HostileNames() {
  static const std::vector<std::string> names = {
      "plain",
      "\"quoted\" and \\\"escaped\\\" and trailing backslash \\",
      "two\nlines\tand a tab \\n \\l \\N \\G \\\\",
      "<b>&amp;</b>",
      "<not html>",
      "'}) DETACH DELETE n //",
      "Ana \"]; digraph x { a -> b }",
      "caf\xC3\xA9 \xF0\x9F\x9A\x80 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D, semi; colon",
      "]]> <!-- no --> <?pi?> &#65; &lt;",
      "  spaced  out  ",
      "ends with a newline\n",
      std::string(300, 'x') + " \\ \" long " + std::string(300, '\\'),
  };
  return names;
}

TEST_CASE("DotLabel escapes what Graphviz would interpret", "[dot]") {
  CHECK(DotLabel("plain") == "plain");
  CHECK(DotLabel("a\\b") == "a\\\\b");
  CHECK(DotLabel("a\\nb") == "a\\\\nb");  // a literal backslash-n, not a line break
  CHECK(DotLabel("two\nlines") == "two\\nlines");
  CHECK(DotLabel("win\r\nline\rend") == "win\\nline\\nend");
  CHECK(DotLabel("Tom & Jerry &amp;") == "Tom &amp; Jerry &amp;amp;");
  CHECK(DotLabel("<b>") == "<b>");
  CHECK(DotLabel("bell\x07") == "bell\xEF\xBF\xBD");
  CHECK(DotLabel("tab\tkept") == "tab\tkept");
  for (const std::string& name : HostileNames()) {
    INFO(name);
    CHECK(DotLabelDecode(DotLabel(name)) == DotText(name));
  }
}

TEST_CASE("DotNodeName doubles backslashes and keeps everything else", "[dot]") {
  CHECK(DotNodeName("project:argo-cd") == "project:argo-cd");
  CHECK(DotNodeName("doc:a\\b\\") == "doc:a\\\\b\\\\");
  CHECK(DotNodeName("talk:\"x\" y") == "talk:\"x\" y");
  CHECK(DotNodeName("talk:\x01") == "talk:\xEF\xBF\xBD");
}

TEST_CASE("An empty graph is a readable digraph with layout attributes", "[dot]") {
  KnowledgeGraph kg;
  auto dot = ToDot(kg);
  REQUIRE(dot.ok());
  GraphPtr g = ReadBack(*dot);
  CHECK(agisdirected(g.get()));
  CHECK_FALSE(agisstrict(g.get()));
  CHECK(agnnodes(g.get()) == 0);
  CHECK(Get(g.get(), "rankdir") == "LR");
  CHECK_FALSE(Get(g.get(), "fontname").empty());
  CHECK_FALSE(Get(g.get(), "overlap").empty());
}

TEST_CASE("Each node label has its own shape and fill colour", "[dot]") {
  KnowledgeGraph kg;
  for (Label label : kAllLabels) {
    std::string prefix(KeyPrefix(label));
    kg.UpsertNode(MakeNode(prefix + ":x", label, std::string(LabelName(label))));
  }
  auto dot = ToDot(kg);
  REQUIRE(dot.ok());
  GraphPtr g = ReadBack(*dot);
  std::map<std::string, std::string> shape;
  std::set<std::string> fills;
  for (Label label : kAllLabels) {
    Agnode_t* n = FindNode(g.get(), std::string(KeyPrefix(label)) + ":x");
    REQUIRE(n != nullptr);
    CHECK(Get(n, "style").find("filled") != std::string::npos);
    shape[std::string(LabelName(label))] = Get(n, "shape");
    fills.insert(Get(n, "fillcolor"));
  }
  CHECK(shape.at("Talk") == "box");
  CHECK(shape.at("Person") == "ellipse");
  CHECK(shape.at("Organization") == "house");
  CHECK(shape.at("Project") == "hexagon");
  std::set<std::string> distinct;
  for (const auto& [label, s] : shape) distinct.insert(s);
  CHECK(distinct.size() == std::size(kAllLabels));
  CHECK(fills.size() == std::size(kAllLabels));
}

TEST_CASE("Parallel edges survive and are labelled with their type", "[dot]") {
  KnowledgeGraph kg;
  auto person = kg.UpsertNode(MakeNode("person:a", Label::kPerson, "A"));
  auto talk = kg.UpsertNode(MakeNode("talk:t", Label::kTalk, "T"));
  Edge presents;
  presents.type = RelType::kPresents;
  Edge mentions;
  mentions.type = RelType::kMentions;
  kg.UpsertEdge(person, talk, presents);
  kg.UpsertEdge(person, talk, mentions);
  kg.UpsertEdge(talk, talk, mentions);
  auto dot = ToDot(kg);
  REQUIRE(dot.ok());
  GraphPtr g = ReadBack(*dot);
  CHECK(agnedges(g.get()) == 3);
  std::multiset<std::string> labels;
  Agnode_t* a = FindNode(g.get(), "person:a");
  REQUIRE(a != nullptr);
  for (Agedge_t* e = agfstout(g.get(), a); e; e = agnxtout(g.get(), e)) {
    CHECK(agnameof(aghead(e)) == std::string("talk:t"));
    labels.insert(Get(e, "label"));
  }
  CHECK(labels == std::multiset<std::string>{"MENTIONS", "PRESENTS"});
}

TEST_CASE("Hostile names and keys come back intact through cgraph", "[dot]") {
  KnowledgeGraph kg;
  std::vector<std::string> keys;
  std::size_t i = 0;
  for (const std::string& name : HostileNames()) {
    Label label = kAllLabels[i % std::size(kAllLabels)];
    // Keys are hostile too: quotes, backslashes (also trailing), newlines, DOT keywords.
    std::string key = std::string(KeyPrefix(label)) + ":" + std::to_string(i++) + name;
    kg.UpsertNode(MakeNode(key, label, name));
    keys.push_back(key);
  }
  kg.UpsertNode(MakeNode("node", Label::kProject, "graph"));  // DOT keywords as IDs
  kg.UpsertNode(MakeNode("doc:unnamed", Label::kDocument, ""));
  keys.push_back("node");
  keys.push_back("doc:unnamed");
  for (std::size_t k = 1; k < keys.size(); ++k) {
    Edge e;
    e.type = kAllRelTypes[k % std::size(kAllRelTypes)];
    kg.UpsertEdge(*kg.Find(keys[k - 1]), *kg.Find(keys[k]), e);
  }
  auto dot = ToDot(kg);
  REQUIRE(dot.ok());
  GraphPtr g = ReadBack(*dot);
  CHECK(static_cast<std::size_t>(agnnodes(g.get())) == kg.num_nodes());
  CHECK(static_cast<std::size_t>(agnedges(g.get())) == kg.num_edges());
  for (const std::string& key : keys) {
    const Node& n = kg.node(*kg.Find(key));
    INFO("key " << key);
    Agnode_t* node = FindNode(g.get(), DotNodeName(key));
    REQUIRE(node != nullptr);
    CHECK(DotLabelDecode(Get(node, "label")) == DotText(n.name.empty() ? n.key : n.name));
  }
  const std::string& quoted = HostileNames()[1];
  CHECK(DotLabelDecode(Get(FindNode(g.get(), DotNodeName(keys[1])), "label")) == quoted);
}

TEST_CASE("The hostile fixture round-trips through DOT", "[dot]") {
  auto kg = ReadGraphFile(std::string(CNKG_TEST_DATA_DIR) + "/export/hostile.json");
  REQUIRE(kg.ok());
  auto dot = ToDot(*kg);
  REQUIRE(dot.ok());
  GraphPtr g = ReadBack(*dot);
  CHECK(static_cast<std::size_t>(agnnodes(g.get())) == kg->num_nodes());
  CHECK(static_cast<std::size_t>(agnedges(g.get())) == kg->num_edges());
  const auto& bg = kg->graph();
  std::multiset<std::string> want, got;
  for (auto v : boost::make_iterator_range(boost::vertices(bg))) {
    const Node& n = bg[v];
    INFO("key " << n.key);
    Agnode_t* node = FindNode(g.get(), DotNodeName(n.key));
    REQUIRE(node != nullptr);
    CHECK(DotLabelDecode(Get(node, "label")) == DotText(n.name.empty() ? n.key : n.name));
    for (Agedge_t* e = agfstout(g.get(), node); e; e = agnxtout(g.get(), e)) {
      got.insert(DotNodeName(n.key) + " " + Get(e, "label") + " " + agnameof(aghead(e)));
    }
  }
  for (auto e : boost::make_iterator_range(boost::edges(bg))) {
    want.insert(DotNodeName(bg[boost::source(e, bg)].key) + " " +
                std::string(RelTypeName(bg[e].type)) + " " +
                DotNodeName(bg[boost::target(e, bg)].key));
  }
  CHECK(got == want);
}

}  // namespace
}  // namespace cnkg
