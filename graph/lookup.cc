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

namespace {

// SuggestNames over the names `for_each_name` passes to its callback.
template <typename ForEachName>
std::vector<std::string> Suggest(ForEachName&& for_each_name, std::string_view name,
                                 std::size_t limit) {
  const std::string want = FoldName(name);
  std::vector<std::string> words = Split(want, " ");
  std::vector<std::pair<int, std::string>> scored;
  std::set<std::string, std::less<>> seen;
  for_each_name([&](std::string_view node_name) {
    std::string f = FoldName(node_name);
    int score = 0;
    if (!want.empty() && f.find(want) != std::string::npos) {
      score = 2;
    } else {
      for (const auto& w : words)
        if (w.size() >= 3 && f.find(w) != std::string::npos) score = 1;
    }
    if (score && seen.emplace(node_name).second) scored.emplace_back(-score, node_name);
  });
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    if (a.second.size() != b.second.size()) return a.second.size() < b.second.size();
    return a.second < b.second;
  });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && i < limit; ++i) out.push_back(scored[i].second);
  return out;
}

}  // namespace

std::vector<std::string> SuggestNames(const KnowledgeGraph& graph, std::string_view name,
                                      std::size_t limit) {
  const auto& g = graph.graph();
  return Suggest(
      [&](const auto& f) {
        for (auto v : boost::make_iterator_range(boost::vertices(g))) f(g[v].name);
      },
      name, limit);
}

std::vector<std::uint32_t> FindByName(const CompactGraph& graph, std::string_view name,
                                      std::optional<Label> label) {
  std::vector<std::uint32_t> out;
  if (auto v = graph.FindKey(name); v && (!label || graph.label(*v) == *label)) {
    out.push_back(*v);
    return out;
  }
  const std::string want = FoldName(name);
  if (want.empty()) return out;
  for (std::uint32_t v : graph.FindFoldedName(want))
    if (!label || graph.label(v) == *label) out.push_back(v);
  return out;
}

std::vector<std::string> SuggestNames(const CompactGraph& graph, std::string_view name,
                                      std::size_t limit) {
  return Suggest(
      [&](const auto& f) {
        for (std::uint32_t v = 0; v < graph.num_nodes(); ++v) f(graph.name(v));
      },
      name, limit);
}

}  // namespace cnkg
