#include "graph/stats.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

namespace cnkg {

namespace {

constexpr const char* kMaturities[] = {"graduated", "incubating", "sandbox", "archived",
                                       "not a CNCF project"};

std::string MaturityOf(const Node& n) {
  auto it = n.properties.find("maturity");
  if (it != n.properties.end() && std::holds_alternative<std::string>(it->second) &&
      !std::get<std::string>(it->second).empty())
    return std::get<std::string>(it->second);
  return "not a CNCF project";
}

// CNCF projects (those with a maturity) counted by maturity.
std::map<std::string, std::size_t> CncfByMaturity(const KnowledgeGraph& graph) {
  std::map<std::string, std::size_t> out;
  for (auto v : boost::make_iterator_range(boost::vertices(graph.graph()))) {
    const Node& n = graph.node(v);
    if (n.label == Label::kProject && n.properties.count("maturity")) ++out[MaturityOf(n)];
  }
  return out;
}

}  // namespace

nlohmann::json MentionedByMaturityJson(const KnowledgeGraph& graph) {
  const auto& g = graph.graph();
  std::map<std::string, std::vector<std::string>> groups;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const Node& n = g[v];
    if (n.label != Label::kProject) continue;
    bool mentioned = false;
    for (auto e : boost::make_iterator_range(boost::in_edges(v, g)))
      mentioned = mentioned || g[e].type == RelType::kMentions;
    if (mentioned) groups[MaturityOf(n)].push_back(n.name);
  }
  nlohmann::json out = nlohmann::json::object();
  for (const char* m : kMaturities) {
    auto& names = groups[m];
    std::sort(names.begin(), names.end());
    out[m] = names;
  }
  return out;
}

std::string MentionedByMaturityText(const KnowledgeGraph& graph) {
  nlohmann::json j = MentionedByMaturityJson(graph);
  std::string out = "mentioned projects by maturity\n";
  char buf[128];
  for (const char* m : kMaturities) {
    std::snprintf(buf, sizeof buf, "  %-20s %6zu\n", m, j[m].size());
    out += buf;
  }
  for (const char* m : kMaturities) {
    if (j[m].empty()) continue;
    out += "\n";
    out += m;
    out += ":\n";
    for (const auto& name : j[m]) out += "  " + name.get<std::string>() + "\n";
  }
  return out;
}

nlohmann::json StatsJson(const KnowledgeGraph& graph) {
  auto labels = graph.CountByLabel();
  auto types = graph.CountByType();
  nlohmann::json l = nlohmann::json::object(), t = nlohmann::json::object();
  for (Label x : kAllLabels) l[std::string(LabelName(x))] = labels[x];
  for (RelType x : kAllRelTypes) t[std::string(RelTypeName(x))] = types[x];
  nlohmann::json m = nlohmann::json::object();
  for (const auto& [k, n] : CncfByMaturity(graph)) m[k] = n;
  return {{"nodes", graph.num_nodes()}, {"edges", graph.num_edges()}, {"labels", l},
          {"types", t}, {"cncf_projects", m}};
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
  auto maturity = CncfByMaturity(graph);
  if (!maturity.empty()) {
    std::size_t total = 0;
    for (const auto& [k, n] : maturity) total += n;
    std::snprintf(buf, sizeof buf, "%-18s %8zu\n", "CNCF projects", total);
    out += buf;
    for (const char* m : kMaturities) {
      if (!maturity.count(m)) continue;
      std::snprintf(buf, sizeof buf, "  %-16s %8zu\n", m, maturity[m]);
      out += buf;
    }
  }
  return out;
}

}  // namespace cnkg
