#include "export/render.h"

#include <catch2/catch.hpp>

#include "graph/subgraph.h"

using namespace cnkg;

namespace {
KnowledgeGraph Small() {
  KnowledgeGraph g;
  Node p{"project:kueue", Label::kProject, "Kueue", {}, {}, {}};
  p.properties["maturity"] = std::string("graduated");
  Node t{"talk:x", Label::kTalk, "A Rather Long Talk Title That Must Wrap Over Lines", {}, {}, {}};
  Node s{"person:ada", Label::kPerson, "Ada <b>&amp; \"Q\"", {}, {}, {}};
  auto vp = g.UpsertNode(p);
  auto vt = g.UpsertNode(t);
  auto vs = g.UpsertNode(s);
  Edge m;
  m.type = RelType::kMentions;
  g.UpsertEdge(vt, vp, m);
  Edge pr;
  pr.type = RelType::kPresents;
  g.UpsertEdge(vs, vt, pr);
  return g;
}
}  // namespace

TEST_CASE("SVG maps carry every name, wrapped, and a legend") {
  RenderOptions o;
  o.edge_labels = true;
  auto svg = RenderGraph(Small(), o);
  REQUIRE(svg.ok());
  CHECK(svg->find("<svg") != std::string::npos);
  CHECK(svg->find(">Kueue<") != std::string::npos);
  CHECK(svg->find(">A Rather Long Talk Title<") != std::string::npos);  // first wrapped line
  CHECK(svg->find("Ada &lt;b&gt;&amp;amp; &quot;Q&quot;") != std::string::npos);
  CHECK(svg->find(">Legend<") != std::string::npos);
  CHECK(svg->find(">Project (graduated)<") != std::string::npos);
  CHECK(svg->find(">MENTIONS<") != std::string::npos);
}

TEST_CASE("Every layout and clustering renders") {
  for (const char* layout : {"dot", "neato", "fdp", "sfdp", "circo"}) {
    RenderOptions o;
    o.layout = layout;
    o.cluster = ClusterBy::kLabel;
    INFO(layout);
    CHECK(RenderGraph(Small(), o).ok());
  }
}

TEST_CASE("PNG maps have the requested width") {
  RenderOptions o;
  o.format = "png";
  o.width_px = 800;
  auto png = RenderGraph(Small(), o);
  REQUIRE(png.ok());
  REQUIRE(png->size() > 24);
  CHECK(png->compare(1, 3, "PNG") == 0);
  auto be32 = [&](std::size_t at) {
    const auto* b = reinterpret_cast<const unsigned char*>(png->data() + at);
    return (b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
  };
  CHECK(be32(16) == 800);
}

TEST_CASE("Render errors are values with a message") {
  RenderOptions o;
  o.format = "gif";
  CHECK(RenderGraph(Small(), o).status().message() == "unknown image format 'gif' (known: svg, png, pdf)");
  o.format = "svg";
  o.layout = "spring";
  CHECK(RenderGraph(Small(), o).status().message() ==
        "unknown layout 'spring' (known: dot, neato, fdp, sfdp, circo)");
  CHECK(RenderGraph(KnowledgeGraph(), RenderOptions()).status().message() ==
        "nothing to draw: the graph is empty");
  CHECK(RenderFormatForPath("map.PNG") == "png");
  CHECK(RenderFormatForPath("map.svg") == "svg");
  CHECK(RenderFormatForPath("map.jpeg").empty());
}

TEST_CASE("Neighbourhoods do not walk through hubs") {
  KnowledgeGraph g = Small();
  Node ev{"event:e", Label::kEvent, "Summit", {}, {}, {}};
  Node other{"talk:y", Label::kTalk, "Unrelated", {}, {}, {}};
  auto ve = g.UpsertNode(ev);
  auto vo = g.UpsertNode(other);
  Edge part;
  part.type = RelType::kPartOf;
  g.UpsertEdge(*g.Find("talk:x"), ve, part);
  g.UpsertEdge(vo, ve, part);
  KnowledgeGraph n = Neighborhood(g, {*g.Find("project:kueue")}, 3);
  CHECK(n.Find("event:e"));       // reached
  CHECK_FALSE(n.Find("talk:y"));  // but not walked through
  CHECK(n.Find("person:ada"));
  CHECK(Neighborhood(g, {*g.Find("project:kueue")}, 0).num_nodes() == 1);
}
