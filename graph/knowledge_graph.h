#ifndef CNKG_GRAPH_KNOWLEDGE_GRAPH_H_
#define CNKG_GRAPH_KNOWLEDGE_GRAPH_H_

#include <boost/graph/adjacency_list.hpp>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "graph/edge_index.h"
#include "graph/model.h"

namespace cnkg {

// The typed property graph. It owns every node and edge and the key -> vertex index; all
// additions go through UpsertNode/UpsertEdge so that one key is one vertex and one
// (source, target, type) triple is one edge. Not thread-safe.
class KnowledgeGraph {
 public:
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Node, Edge>;
  using Vertex = Graph::vertex_descriptor;
  using EdgeId = Graph::edge_descriptor;

  KnowledgeGraph();
  // A deep copy: the copy's edge index refers to the copy's own edges.
  KnowledgeGraph(const KnowledgeGraph& other);
  KnowledgeGraph& operator=(const KnowledgeGraph& other);
  // Moves are cheap (Boost's adjacency_list copies when moved, so the graph lives on the heap).
  // A moved-from graph is empty and usable.
  KnowledgeGraph(KnowledgeGraph&& other) noexcept;
  KnowledgeGraph& operator=(KnowledgeGraph&& other) noexcept;

  // Adds `node`, or merges it into the node that already has its key: the existing name is kept
  // and a different new name becomes an alias; aliases, evidence and properties are unioned (an
  // existing property value is kept). Precondition: node.key is not empty. A label mismatch on an
  // existing key is a bug in the caller (asserted).
  Vertex UpsertNode(const Node& node);
  // The same, moving from `node`.
  Vertex UpsertNode(Node&& node);

  // Adds an edge of edge.type from `source` to `target`, or merges evidence and missing
  // properties into the existing edge of that type between them. Preconditions: both vertices
  // belong to this graph.
  EdgeId UpsertEdge(Vertex source, Vertex target, const Edge& edge);
  // The same, moving from `edge`.
  EdgeId UpsertEdge(Vertex source, Vertex target, Edge&& edge);

  // Bulk loading (graph files), without merging: adds `node` as a new vertex, taking its aliases,
  // properties and evidence as they are, and returns it; returns nullopt and changes nothing when
  // a node with its key exists. `node` is moved from. Precondition: node.key is not empty.
  std::optional<Vertex> AddNewNode(Node&& node);

  // Bulk loading: adds `edge` from `source` to `target` as it is and returns it; returns nullopt
  // and changes nothing when an edge of its type joins them already. `edge` is moved from.
  // Preconditions: both vertices belong to this graph.
  std::optional<EdgeId> AddNewEdge(Vertex source, Vertex target, Edge&& edge);

  // Bulk loading of edges known to be new (the caller has checked that no two edges share a
  // source, target and type, and that none exists yet): adds `edge` as it is, moved from, without
  // updating the edge index, which is rebuilt when next needed. Preconditions: as AddNewEdge,
  // and the edge is new (a bug otherwise; not checked).
  EdgeId AppendEdge(Vertex source, Vertex target, Edge&& edge);

  // Makes room for this many more nodes and edges in the indexes (an optimisation only).
  void Reserve(std::size_t nodes, std::size_t edges);

  // Returns the vertex with this key, if any.
  std::optional<Vertex> Find(std::string_view key) const;

  const Node& node(Vertex v) const { return (*graph_)[v]; }
  // For tests and tools that edit a node in place (its key must stay as it is).
  Node& mutable_node(Vertex v) {
    node_evidence_seen_.erase(v);  // the evidence may change
    return (*graph_)[v];
  }
  const Edge& edge(EdgeId e) const { return (*graph_)[e]; }
  const Graph& graph() const { return *graph_; }

  std::size_t num_nodes() const { return boost::num_vertices(*graph_); }
  std::size_t num_edges() const { return boost::num_edges(*graph_); }
  std::map<Label, std::size_t> CountByLabel() const;
  std::map<RelType, std::size_t> CountByType() const;

 private:
  void RebuildEdgeIndex();
  void EnsureEdgeIndex() {
    if (edge_index_stale_) RebuildEdgeIndex();
  }
  // The edge whose property object is `property`, between `source` and `target`.
  static EdgeId MakeEdgeId(Vertex source, Vertex target, const void* property) {
    return EdgeId(source, target, const_cast<void*>(property));
  }

  // Moves each of `incoming` onto `list` unless an equal evidence is there. A list longer than a
  // few entries (a project mentioned all over a large document) keeps the hashes of its entries
  // in the set `seen_of_list()` returns, built on first need, so that each addition costs the
  // same however long the list is.
  template <typename SeenFn>
  void MergeEvidence(std::vector<Evidence>& list, std::vector<Evidence>& incoming,
                     SeenFn seen_of_list);

  // Makes the document and text of `e` (of every evidence of `list`) the graph's one copy of
  // that string, so that a line quoted in many places, or by many documents, is stored once.
  void Share(Evidence& e);
  void Share(std::vector<Evidence>& list) {
    for (Evidence& e : list) Share(e);
  }

  std::unique_ptr<Graph> graph_;  // never null
  // Hashes strings and string_views alike, so that Find(string_view) needs no copy.
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, Vertex, KeyHash, std::equal_to<>> index_;
  EdgeIndex edge_index_;           // (source, target, type) -> the edge's property object
  bool edge_index_stale_ = false;  // AppendEdge added edges that edge_index_ lacks
  // Evidence hashes of long lists (MergeEvidence), by vertex and by edge property (edges
  // live in a list, so their addresses are stable). Not copied: a copy builds its own on need.
  std::unordered_map<Vertex, std::unordered_set<std::size_t>> node_evidence_seen_;
  std::unordered_map<const Edge*, std::unordered_set<std::size_t>> edge_evidence_seen_;
  // Every document name and evidence text the graph holds, once (Share). A copy of the graph
  // shares them too. Texts are not dropped when evidence is (GraphBuilder::RemoveDocument
  // builds a new graph).
  std::unordered_set<SharedString> texts_;
  SharedString last_document_;  // the document of the evidence shared last
};

// Adds `e` to `list` unless an equal evidence is already there.
void AddEvidence(std::vector<Evidence>& list, const Evidence& e);
void AddEvidence(std::vector<Evidence>& list, Evidence&& e);

}  // namespace cnkg

#endif  // CNKG_GRAPH_KNOWLEDGE_GRAPH_H_
