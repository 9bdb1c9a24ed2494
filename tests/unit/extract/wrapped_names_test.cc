#include "extract/gazetteer/wrapped_names.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "extract/core/document.h"
#include "extract/gazetteer/gazetteer.h"
#include "extract/readers/article.h"

using namespace cnkg;

namespace {

// The text's lines once its wraps ('\n') are moved off the names they split.
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::size_t> wraps;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') wraps.push_back(i);
  std::vector<std::size_t> moved = MoveWrapsOffNames(Gazetteer::Builtin(), text, wraps);
  REQUIRE(moved.size() == wraps.size());
  moved.push_back(text.size());
  std::vector<std::string> out;
  std::size_t at = 0;
  for (std::size_t w : moved) {
    std::string line = text.substr(at, w - at);
    for (char& c : line)
      if (c == '\n') c = ' ';
    out.push_back(line);
    at = w < text.size() && text[w] == '\n' ? w + 1 : w;
  }
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("A wrap inside a project name moves after the name") {
  CHECK(Lines("the maintainers of Istio/Envoy\nGateway and Linkerd met") ==
        V{"the maintainers of Istio/Envoy Gateway", " and Linkerd met"});
  CHECK(Lines("we moved to Argo\nRollouts last year") ==
        V{"we moved to Argo Rollouts", " last year"});
}

TEST_CASE("A wrap inside a name that is not a project takes the rest of it along") {
  // "Hong Kong" and "Linux Foundation" are listed as names that are never mentions.
  CHECK(Lines("we stayed in Hong\nKong for three days") ==
        V{"we stayed in Hong Kong", " for three days"});
  CHECK(Lines("a board member of the Linux\nFoundation spoke") ==
        V{"a board member of the Linux Foundation", " spoke"});
}

TEST_CASE("A wrap between names, or with none near it, stays") {
  CHECK(Lines("We run Kubernetes\nand Helm charts") == V{"We run Kubernetes", "and Helm charts"});
  CHECK(Lines("plain words here\nand more words") == V{"plain words here", "and more words"});
  CHECK(Lines("Kubernetes\nKubernetes") == V{"Kubernetes", "Kubernetes"});
}

TEST_CASE("Wraps at the edges and next to each other are left alone") {
  CHECK(Lines("\nEnvoy") == V{"", "Envoy"});
  CHECK(Lines("Envoy\n") == V{"Envoy", ""});
  CHECK(Lines("\n\n") == V{"", "", ""});
  CHECK(Lines("Envoy\n\nGateway") == V{"Envoy", "", "Gateway"});
  // A window cut inside a long word on either side.
  CHECK(Lines(std::string(200, 'x') + "\n" + std::string(200, 'y')).size() == 2);
}

TEST_CASE("An article reads a name its source lines wrap, and keeps a title line whole") {
  auto d = MakeDocument("wrap.md",
                        "# Notes\n\nThe maintainers of Istio/Envoy\nGateway shared news. We "
                        "stayed in Hong\nKong.\n\n- **Ownership Metadata at Scale**\n  A small "
                        "Backstage plugin answers it.\n");
  REQUIRE(d.ok());
  auto b = ExtractArticle(*d, Gazetteer::Builtin());
  REQUIRE(b.ok());
  std::vector<std::string> projects;
  for (const RelationRecord& r : b->relations) {
    if (r.type != RelType::kMentions || r.source.rfind("doc:", 0) != 0) continue;
    projects.push_back(r.target + "@" + std::to_string(r.evidence.line));
  }
  std::sort(projects.begin(), projects.end());
  CHECK(projects == V{"project:backstage@8", "project:envoy-gateway@3", "project:istio@3"});
}
