#include "graph/lookup.h"

#include <algorithm>
#include <set>

#include "common/strings.h"

namespace cnkg {

std::vector<KnowledgeGraph::Vertex> FindByName(const KnowledgeGraph& graph, std::string_view name,
                                               std::optional<Label> label) {
  std::vector<KnowledgeGraph::Vertex> out;
  if (auto v = graph.Find(name); v && (!label || graph.node(*v).label == *label)) {
    out.push_back(*v);
    return out;
  }
  const std::string want = FoldName(name);
  if (want.empty()) return out;
  const auto& g = graph.graph();
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const Node& n = g[v];
    if (label && n.label != *label) continue;
    bool hit = FoldName(n.name) == want;
    for (std::size_t i = 0; !hit && i < n.aliases.size(); ++i) hit = FoldName(n.aliases[i]) == want;
    if (hit) out.push_back(v);
  }
  return out;
}

std::vector<std::string> SuggestNames(const KnowledgeGraph& graph, std::string_view name,
                                      std::size_t limit) {
  const std::string want = FoldName(name);
  std::vector<std::string> words = Split(want, " ");
  std::vector<std::pair<int, std::string>> scored;
  std::set<std::string> seen;
  const auto& g = graph.graph();
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const Node& n = g[v];
    std::string f = FoldName(n.name);
    int score = 0;
    if (!want.empty() && f.find(want) != std::string::npos) {
      score = 2;
    } else {
      for (const auto& w : words)
        if (w.size() >= 3 && f.find(w) != std::string::npos) score = 1;
    }
    if (score && seen.insert(n.name).second) scored.emplace_back(-score, n.name);
  }
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    if (a.second.size() != b.second.size()) return a.second.size() < b.second.size();
    return a.second < b.second;
  });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && i < limit; ++i) out.push_back(scored[i].second);
  return out;
}

}  // namespace cnkg
