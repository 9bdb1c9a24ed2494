#ifndef CNKG_QUERY_GRAPH_VIEW_H_
#define CNKG_QUERY_GRAPH_VIEW_H_

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/compact_graph.h"
#include "query/value.h"

namespace cnkg::query {

// The graph as query execution sees it: a CompactGraph (nodes and relationships numbered, adjacency
// lists, nodes per label, key and name lookup) and the property names in use per label and
// relationship type. Keeps `graph` by reference: the graph must outlive the view and every Value
// made from it.
class GraphView {
 public:
  using Adjacent = CompactGraph::Adjacent;

  explicit GraphView(const CompactGraph& graph) : graph_(graph) {}

  std::size_t num_nodes() const { return graph_.num_nodes(); }
  std::size_t num_rels() const { return graph_.num_rels(); }
  NodeRef node(std::uint32_t v) const { return {v, &graph_}; }
  RelRef rel(std::uint32_t e) const { return {e, graph_.source(e), graph_.target(e), &graph_}; }
  // Relationships leaving / entering node v, in relationship order.
  std::span<const Adjacent> out(std::uint32_t v) const { return graph_.out(v); }
  std::span<const Adjacent> in(std::uint32_t v) const { return graph_.in(v); }
  std::span<const std::uint32_t> nodes_with_label(Label label) const {
    return graph_.nodes_with_label(label);
  }
  // The node with this key.
  std::optional<std::uint32_t> FindKey(std::string_view key) const { return graph_.FindKey(key); }
  // Nodes whose name is exactly `name`, in graph order.
  std::span<const std::uint32_t> FindName(std::string_view name) const {
    return graph_.FindName(name);
  }

  // Property names (not the built-in members) seen on nodes of `label` / relationships of `type`.
  const std::set<std::string>& node_properties(Label label) const;
  const std::set<std::string>& rel_properties(RelType type) const;

  const CompactGraph& graph() const { return graph_; }

 private:
  const CompactGraph& graph_;
  mutable std::map<Label, std::set<std::string>> node_props_;
  mutable std::map<RelType, std::set<std::string>> rel_props_;
};

// The names a query may read on nodes and relationships besides their stored properties.
// Nodes: key (also id), name, label, aliases, documents, evidence, evidence_count.
// Relationships: type, source, target (the endpoint keys), documents, evidence, evidence_count.
const std::vector<std::string>& BuiltinNodeMembers();
const std::vector<std::string>& BuiltinRelMembers();

// What the binder knows about property names: the built-in members, the properties the
// extractors write for each label and type, and every property present in the graph.
class Schema {
 public:
  explicit Schema(const GraphView& view) : view_(view) {}

  // Whether nodes with one of `labels` (any label when empty) can have property `name`.
  bool NodeHasProperty(const std::vector<Label>& labels, std::string_view name) const;
  bool RelHasProperty(const std::vector<RelType>& types, std::string_view name) const;
  // The known names, sorted, for messages.
  std::vector<std::string> NodePropertyNames(const std::vector<Label>& labels) const;
  std::vector<std::string> RelPropertyNames(const std::vector<RelType>& types) const;

 private:
  const GraphView& view_;
};

// The candidate closest to `wrong` for a "did you mean" hint: an exact match ignoring case, else
// the one at the smallest edit distance (adjacent transpositions count once) if that is small
// for the words' length (a third of it; one edit for three-letter words; none for shorter ones),
// else one that contains `wrong` or is contained in it (three letters or more). Empty when
// nothing is close.
std::string ClosestName(std::string_view wrong, const std::vector<std::string>& candidates);

}  // namespace cnkg::query

#endif  // CNKG_QUERY_GRAPH_VIEW_H_
