#include "cli/schema_summary.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string_view>
#include <vector>

#include "graph/model.h"

namespace cnkg::cli {
namespace {

// One label or type: its name, count and property counts.
struct Entry {
  std::string name;
  std::size_t count = 0;
  std::map<std::string, std::size_t> properties;
};

void Print(std::string& out, const char* title, const char* one, const char* many,
           const std::vector<Entry>& entries) {
  out += title;
  out += "\n";
  if (entries.empty()) out += "  (none)\n";
  std::size_t width = 0;
  for (const Entry& e : entries) width = std::max(width, e.name.size());
  for (const Entry& e : entries) {
    out += "  " + e.name + std::string(width - e.name.size() + 2, ' ') + std::to_string(e.count) +
           " " + (e.count == 1 ? one : many) + "\n";
    std::size_t pwidth = 0;
    for (const auto& [name, n] : e.properties) pwidth = std::max(pwidth, name.size());
    for (const auto& [name, n] : e.properties)
      out += "    " + name + std::string(pwidth - name.size() + 2, ' ') + std::to_string(n) + "\n";
  }
}

}  // namespace

std::string SchemaSummary(const CompactGraph& graph) {
  std::vector<Entry> labels;
  for (Label label : kAllLabels) {
    auto nodes = graph.nodes_with_label(label);
    if (nodes.empty()) continue;
    Entry e;
    e.name = std::string(LabelName(label));
    e.count = nodes.size();
    for (std::uint32_t v : nodes)
      for (const auto& [name, value] : graph.node_properties(v)) ++e.properties[name];
    labels.push_back(std::move(e));
  }
  std::sort(labels.begin(), labels.end(),
            [](const Entry& a, const Entry& b) { return a.name < b.name; });

  std::map<RelType, Entry> by_type;
  for (std::uint32_t r = 0; r < graph.num_rels(); ++r) {
    Entry& e = by_type[graph.type(r)];
    ++e.count;
    for (const auto& [name, value] : graph.rel_properties(r)) ++e.properties[name];
  }
  std::vector<Entry> types;
  for (auto& [type, e] : by_type) {
    e.name = std::string(RelTypeName(type));
    types.push_back(std::move(e));
  }
  std::sort(types.begin(), types.end(),
            [](const Entry& a, const Entry& b) { return a.name < b.name; });

  std::string out;
  Print(out, "Labels (nodes; stored properties and how many nodes have each):", "node", "nodes",
        labels);
  Print(out,
        "Relationship types (relationships; stored properties and how many relationships have "
        "each):",
        "relationship", "relationships", types);
  out +=
      "Every node also has key (or id), name, label, aliases, documents, evidence and "
      "evidence_count;\nevery relationship type, source, target, documents, evidence and "
      "evidence_count.\n";
  return out;
}

}  // namespace cnkg::cli
