#include "graph/stats.h"

#include <cstdio>

namespace cnkg {

nlohmann::json StatsJson(const KnowledgeGraph& graph) {
  auto labels = graph.CountByLabel();
  auto types = graph.CountByType();
  nlohmann::json l = nlohmann::json::object(), t = nlohmann::json::object();
  for (Label x : kAllLabels) l[std::string(LabelName(x))] = labels[x];
  for (RelType x : kAllRelTypes) t[std::string(RelTypeName(x))] = types[x];
  return {{"nodes", graph.num_nodes()}, {"edges", graph.num_edges()}, {"labels", l}, {"types", t}};
}

std::string StatsText(const KnowledgeGraph& graph) {
  auto labels = graph.CountByLabel();
  auto types = graph.CountByType();
  std::string out;
  char buf[128];
  std::snprintf(buf, sizeof buf, "%-18s %8zu\n", "nodes", graph.num_nodes());
  out += buf;
  for (Label x : kAllLabels) {
    std::snprintf(buf, sizeof buf, "  %-16s %8zu\n", std::string(LabelName(x)).c_str(), labels[x]);
    out += buf;
  }
  std::snprintf(buf, sizeof buf, "%-18s %8zu\n", "relationships", graph.num_edges());
  out += buf;
  for (RelType x : kAllRelTypes) {
    std::snprintf(buf, sizeof buf, "  %-16s %8zu\n", std::string(RelTypeName(x)).c_str(), types[x]);
    out += buf;
  }
  return out;
}

}  // namespace cnkg
