#include "graph/stats.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <vector>

namespace cnkg {

namespace {

constexpr const char* kMaturities[] = {"graduated", "incubating", "sandbox", "archived",
                                       "not a CNCF project"};

// A project's maturity; nullopt when it has no maturity property (not a CNCF project).
std::optional<std::string> Maturity(const CompactGraph& graph, std::uint32_t v) {
  auto p = graph.node_property(v, "maturity");
  if (!p) return std::nullopt;
  if (std::holds_alternative<std::string>(*p) && !std::get<std::string>(*p).empty())
    return std::get<std::string>(*p);
  return std::string("not a CNCF project");
}

// CNCF projects (those with a maturity) counted by maturity.
std::map<std::string, std::size_t> CncfByMaturity(const CompactGraph& graph) {
  std::map<std::string, std::size_t> out;
  for (std::uint32_t v : graph.nodes_with_label(Label::kProject))
    if (auto m = Maturity(graph, v)) ++out[*m];
  return out;
}

std::map<Label, std::size_t> CountByLabel(const CompactGraph& graph) {
  std::map<Label, std::size_t> out;
  for (Label l : kAllLabels) out[l] = graph.nodes_with_label(l).size();
  return out;
}

std::map<RelType, std::size_t> CountByType(const CompactGraph& graph) {
  std::map<RelType, std::size_t> out;
  for (RelType t : kAllRelTypes) out[t] = 0;
  for (std::uint32_t e = 0; e < graph.num_rels(); ++e) ++out[graph.type(e)];
  return out;
}

}  // namespace

nlohmann::json MentionedByMaturityJson(const CompactGraph& graph) {
  std::map<std::string, std::vector<std::string>> groups;
  for (std::uint32_t v : graph.nodes_with_label(Label::kProject)) {
    bool mentioned = false;
    for (const auto& a : graph.in(v))
      mentioned = mentioned || graph.type(a.rel) == RelType::kMentions;
    if (mentioned)
      groups[Maturity(graph, v).value_or("not a CNCF project")].emplace_back(graph.name(v));
  }
  nlohmann::json out = nlohmann::json::object();
  for (const char* m : kMaturities) {
    auto& names = groups[m];
    std::sort(names.begin(), names.end());
    out[m] = names;
  }
  return out;
}

std::string MentionedByMaturityText(const CompactGraph& graph) {
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

nlohmann::json StatsJson(const CompactGraph& graph) {
  auto labels = CountByLabel(graph);
  auto types = CountByType(graph);
  nlohmann::json l = nlohmann::json::object(), t = nlohmann::json::object();
  for (Label x : kAllLabels) l[std::string(LabelName(x))] = labels[x];
  for (RelType x : kAllRelTypes) t[std::string(RelTypeName(x))] = types[x];
  nlohmann::json m = nlohmann::json::object();
  for (const auto& [k, n] : CncfByMaturity(graph)) m[k] = n;
  return {{"nodes", graph.num_nodes()},
          {"edges", graph.num_rels()},
          {"labels", l},
          {"types", t},
          {"cncf_projects", m}};
}

std::string StatsText(const CompactGraph& graph) {
  auto labels = CountByLabel(graph);
  auto types = CountByType(graph);
  std::string out;
  char buf[128];
  std::snprintf(buf, sizeof buf, "%-18s %8zu\n", "nodes", graph.num_nodes());
  out += buf;
  for (Label x : kAllLabels) {
    std::snprintf(buf, sizeof buf, "  %-16s %8zu\n", std::string(LabelName(x)).c_str(), labels[x]);
    out += buf;
  }
  std::snprintf(buf, sizeof buf, "%-18s %8zu\n", "relationships", graph.num_rels());
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

std::string StatsText(const KnowledgeGraph& graph) {
  return StatsText(*CompactGraph::FromKnowledgeGraph(graph));
}

nlohmann::json StatsJson(const KnowledgeGraph& graph) {
  return StatsJson(*CompactGraph::FromKnowledgeGraph(graph));
}

std::string MentionedByMaturityText(const KnowledgeGraph& graph) {
  return MentionedByMaturityText(*CompactGraph::FromKnowledgeGraph(graph));
}

nlohmann::json MentionedByMaturityJson(const KnowledgeGraph& graph) {
  return MentionedByMaturityJson(*CompactGraph::FromKnowledgeGraph(graph));
}

}  // namespace cnkg
