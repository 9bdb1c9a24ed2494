#include "graph/subgraph.h"

#include <deque>
#include <set>

namespace cnkg {

KnowledgeGraph InducedSubgraph(const KnowledgeGraph& graph,
                               const std::vector<KnowledgeGraph::Vertex>& vertices) {
  const auto& g = graph.graph();
  std::set<KnowledgeGraph::Vertex> keep(vertices.begin(), vertices.end());
  KnowledgeGraph out;
  for (auto v : keep) out.UpsertNode(g[v]);
  for (auto v : keep) {
    for (auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      auto t = boost::target(e, g);
      if (!keep.count(t)) continue;
      out.UpsertEdge(*out.Find(g[v].key), *out.Find(g[t].key), g[e]);
    }
  }
  return out;
}

KnowledgeGraph Neighborhood(const KnowledgeGraph& graph,
                            const std::vector<KnowledgeGraph::Vertex>& seeds, int depth) {
  const auto& g = graph.graph();
  std::set<KnowledgeGraph::Vertex> seen(seeds.begin(), seeds.end());
  std::set<KnowledgeGraph::Vertex> seed_set(seeds.begin(), seeds.end());
  std::deque<std::pair<KnowledgeGraph::Vertex, int>> queue;
  for (auto s : seeds) queue.emplace_back(s, 0);
  // Hubs tie unrelated things together: they are shown when reached but not walked through.
  auto hub = [&](KnowledgeGraph::Vertex v) {
    if (seed_set.count(v)) return false;
    Label l = g[v].label;
    if (l == Label::kEvent || l == Label::kDocument || l == Label::kCategory || l == Label::kRoom ||
        l == Label::kTrack)
      return true;
    return boost::out_degree(v, g) + boost::in_degree(v, g) > kHubDegree;
  };
  while (!queue.empty()) {
    // Not a structured binding: lambdas cannot capture those before C++20 compilers that
    // implement P1091 (clang 16), and the fuzz build uses clang 14.
    const auto v = queue.front().first;
    const int d = queue.front().second;
    queue.pop_front();
    if (d >= depth || hub(v)) continue;
    auto visit = [&](KnowledgeGraph::Vertex w) {
      if (seen.insert(w).second) queue.emplace_back(w, d + 1);
    };
    for (auto e : boost::make_iterator_range(boost::out_edges(v, g))) visit(boost::target(e, g));
    for (auto e : boost::make_iterator_range(boost::in_edges(v, g))) visit(boost::source(e, g));
  }
  return InducedSubgraph(graph, {seen.begin(), seen.end()});
}

}  // namespace cnkg
