#ifndef CNKG_QUERY_GRAPH_VIEW_H_
#define CNKG_QUERY_GRAPH_VIEW_H_

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/knowledge_graph.h"
#include "query/value.h"

namespace cnkg::query {

// Read-only indexes over a KnowledgeGraph for query execution: nodes and relationships numbered
// in graph order, adjacency lists, nodes per label, exact-name lookup, and the property names in
// use per label and relationship type. Keeps `graph` by reference: the graph must outlive the
// view (and every Value made from it) and must not change meanwhile.
class GraphView {
 public:
  explicit GraphView(const KnowledgeGraph& graph);

  struct Adjacent {
    std::uint32_t rel;    // relationship number
    std::uint32_t other;  // the node at the other end
  };

  std::size_t num_nodes() const { return nodes_.size(); }
  std::size_t num_rels() const { return rels_.size(); }
  NodeRef node(std::uint32_t v) const { return {v, nodes_[v]}; }
  RelRef rel(std::uint32_t e) const;
  // Relationships leaving / entering node v, in graph order.
  const std::vector<Adjacent>& out(std::uint32_t v) const { return out_[v]; }
  const std::vector<Adjacent>& in(std::uint32_t v) const { return in_[v]; }
  const std::vector<std::uint32_t>& nodes_with_label(Label label) const;
  // The node with this key.
  std::optional<std::uint32_t> FindKey(std::string_view key) const;
  // Nodes whose name is exactly `name`, in graph order.
  const std::vector<std::uint32_t>& FindName(const std::string& name) const;

  // Property names (not the built-in members) seen on nodes of `label` / relationships of `type`.
  const std::set<std::string>& node_properties(Label label) const;
  const std::set<std::string>& rel_properties(RelType type) const;

  const KnowledgeGraph& graph() const { return graph_; }

 private:
  struct RelEntry {
    std::uint32_t source;
    std::uint32_t target;
    const Edge* edge;
  };

  const KnowledgeGraph& graph_;
  std::vector<const Node*> nodes_;
  std::vector<RelEntry> rels_;
  std::vector<std::vector<Adjacent>> out_, in_;
  std::vector<std::vector<std::uint32_t>> by_label_;                             // indexed by Label
  mutable std::unordered_map<std::string, std::vector<std::uint32_t>> by_name_;  // built lazily
  mutable bool by_name_built_ = false;
  // Built on first use, per label and type: most queries touch a few of them.
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
