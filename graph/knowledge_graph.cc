#include "graph/knowledge_graph.h"

#include <algorithm>
#include <cassert>
#include <utility>

#include "common/hash.h"
#include "common/strings.h"

namespace cnkg {

void AddEvidence(std::vector<Evidence>& list, const Evidence& e) {
  if (e.document.empty() && e.line == 0 && e.text.empty()) return;
  if (std::find(list.begin(), list.end(), e) == list.end()) list.push_back(e);
}

void AddEvidence(std::vector<Evidence>& list, Evidence&& e) {
  if (e.document.empty() && e.line == 0 && e.text.empty()) return;
  if (std::find(list.begin(), list.end(), e) == list.end()) list.push_back(std::move(e));
}

namespace {

// Lists up to this long are searched; longer ones keep a hash set.
constexpr std::size_t kLinearEvidence = 16;

std::size_t EvidenceHash(const Evidence& e) {
  const std::size_t h =
      HashMix(std::hash<SharedString>()(e.text), std::hash<SharedString>()(e.document));
  return HashMix(h, static_cast<std::size_t>(e.line));
}

void AddAlias(Node& n, const std::string& alias) {
  if (alias.empty() || alias == n.name) return;
  if (std::find(n.aliases.begin(), n.aliases.end(), alias) == n.aliases.end())
    n.aliases.push_back(alias);
}

}  // namespace

template <typename SeenFn>
void KnowledgeGraph::MergeEvidence(std::vector<Evidence>& list, std::vector<Evidence>& incoming,
                                   SeenFn seen_of_list) {
  for (Evidence& e : incoming) {
    if (list.size() < kLinearEvidence) {
      const std::size_t before = list.size();
      AddEvidence(list, std::move(e));
      if (list.size() != before) Share(list.back());
      continue;
    }
    if (e.document.empty() && e.line == 0 && e.text.empty()) continue;
    std::unordered_set<std::size_t>& seen = seen_of_list();
    if (seen.size() != list.size()) {  // first use (or the list was edited in place)
      seen.clear();
      for (const Evidence& old : list) seen.insert(EvidenceHash(old));
    }
    // A hash already seen may be a collision: then the list decides.
    if (!seen.insert(EvidenceHash(e)).second &&
        std::find(list.begin(), list.end(), e) != list.end())
      continue;
    list.push_back(std::move(e));
    Share(list.back());
  }
}

void KnowledgeGraph::Share(Evidence& e) {
  if (!e.document.empty() && !e.document.SharesWith(last_document_)) {
    auto [it, inserted] = texts_.insert(e.document);
    if (!inserted) e.document = *it;
    last_document_ = e.document;
  }
  if (!e.text.empty()) {
    auto [it, inserted] = texts_.insert(e.text);
    if (!inserted) e.text = *it;
  }
}

KnowledgeGraph::KnowledgeGraph() : graph_(std::make_unique<Graph>()) {}

KnowledgeGraph::KnowledgeGraph(const KnowledgeGraph& other)
    : graph_(std::make_unique<Graph>(*other.graph_)), index_(other.index_), texts_(other.texts_) {
  RebuildEdgeIndex();
}

KnowledgeGraph& KnowledgeGraph::operator=(const KnowledgeGraph& other) {
  if (this != &other) *this = KnowledgeGraph(other);
  return *this;
}

KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&& other) noexcept
    : graph_(std::exchange(other.graph_, std::make_unique<Graph>())),
      index_(std::move(other.index_)),
      edge_index_(std::move(other.edge_index_)),
      edge_index_stale_(std::exchange(other.edge_index_stale_, false)),
      node_evidence_seen_(std::move(other.node_evidence_seen_)),
      edge_evidence_seen_(std::move(other.edge_evidence_seen_)),
      texts_(std::move(other.texts_)),
      last_document_(std::move(other.last_document_)) {
  other.index_.clear();
  other.texts_.clear();
  other.edge_index_.Clear();
  other.node_evidence_seen_.clear();
  other.edge_evidence_seen_.clear();
}

KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&& other) noexcept {
  if (this != &other) {
    graph_ = std::exchange(other.graph_, std::make_unique<Graph>());
    index_ = std::move(other.index_);
    edge_index_ = std::move(other.edge_index_);
    edge_index_stale_ = std::exchange(other.edge_index_stale_, false);
    node_evidence_seen_ = std::move(other.node_evidence_seen_);
    edge_evidence_seen_ = std::move(other.edge_evidence_seen_);
    texts_ = std::move(other.texts_);
    last_document_ = std::move(other.last_document_);
    other.index_.clear();
    other.texts_.clear();
    other.last_document_ = SharedString();
    other.edge_index_.Clear();
    other.node_evidence_seen_.clear();
    other.edge_evidence_seen_.clear();
  }
  return *this;
}

void KnowledgeGraph::RebuildEdgeIndex() {
  edge_index_stale_ = false;
  edge_index_.Clear();
  edge_index_.Reserve(num_edges());
  for (auto e : boost::make_iterator_range(boost::edges(*graph_)))
    edge_index_.Insert(boost::source(e, *graph_), boost::target(e, *graph_),
                       static_cast<int>((*graph_)[e].type), e.m_eproperty);
}

KnowledgeGraph::Vertex KnowledgeGraph::UpsertNode(const Node& node) {
  return UpsertNode(Node(node));
}

KnowledgeGraph::Vertex KnowledgeGraph::UpsertNode(Node&& node) {
  assert(!node.key.empty());
  auto [it, inserted] = index_.try_emplace(node.key, num_nodes());
  if (inserted) {
    Vertex v = boost::add_vertex(*graph_);
    assert(v == it->second);
    Node& n = (*graph_)[v];
    n.key = std::move(node.key);
    n.label = node.label;
    n.name = std::move(node.name);
    for (const auto& a : node.aliases) AddAlias(n, a);
    n.properties = std::move(node.properties);
    MergeEvidence(
        n.evidence, node.evidence, [&]() -> auto& { return node_evidence_seen_[v]; });
    return v;
  }
  Vertex v = it->second;
  Node& n = (*graph_)[v];
  assert(n.label == node.label);
  AddAlias(n, node.name);
  for (const auto& a : node.aliases) AddAlias(n, a);
  for (auto& [k, val] : node.properties) n.properties.emplace(k, std::move(val));
  MergeEvidence(
      n.evidence, node.evidence, [&]() -> auto& { return node_evidence_seen_[v]; });
  return v;
}

KnowledgeGraph::EdgeId KnowledgeGraph::UpsertEdge(Vertex source, Vertex target, const Edge& edge) {
  return UpsertEdge(source, target, Edge(edge));
}

KnowledgeGraph::EdgeId KnowledgeGraph::UpsertEdge(Vertex source, Vertex target, Edge&& edge) {
  assert(source < num_nodes() && target < num_nodes());
  EnsureEdgeIndex();
  const int type = static_cast<int>(edge.type);
  if (const void* found = edge_index_.Find(source, target, type)) {
    const EdgeId e = MakeEdgeId(source, target, found);
    Edge& stored = (*graph_)[e];
    for (auto& [k, val] : edge.properties) stored.properties.emplace(k, std::move(val));
    MergeEvidence(
        stored.evidence, edge.evidence, [&]() -> auto& { return edge_evidence_seen_[&stored]; });
    return e;
  }
  EdgeId e = boost::add_edge(source, target, *graph_).first;
  Edge& stored = (*graph_)[e];
  stored.type = edge.type;
  stored.properties = std::move(edge.properties);
  MergeEvidence(
      stored.evidence, edge.evidence, [&]() -> auto& { return edge_evidence_seen_[&stored]; });
  edge_index_.Insert(source, target, type, e.m_eproperty);
  return e;
}

std::optional<KnowledgeGraph::Vertex> KnowledgeGraph::AddNewNode(Node&& node) {
  assert(!node.key.empty());
  auto [it, inserted] = index_.try_emplace(node.key, num_nodes());
  if (!inserted) return std::nullopt;
  Vertex v = boost::add_vertex(*graph_);
  assert(v == it->second);
  (*graph_)[v] = std::move(node);
  Share((*graph_)[v].evidence);
  return v;
}

std::optional<KnowledgeGraph::EdgeId> KnowledgeGraph::AddNewEdge(Vertex source, Vertex target,
                                                                 Edge&& edge) {
  assert(source < num_nodes() && target < num_nodes());
  EnsureEdgeIndex();
  const int type = static_cast<int>(edge.type);
  if (edge_index_.Find(source, target, type) != nullptr) return std::nullopt;
  // Boost's add_edge copies the property it is given; move it into place instead.
  EdgeId e = boost::add_edge(source, target, *graph_).first;
  (*graph_)[e] = std::move(edge);
  Share((*graph_)[e].evidence);
  edge_index_.Insert(source, target, type, e.m_eproperty);
  return e;
}

KnowledgeGraph::EdgeId KnowledgeGraph::AppendEdge(Vertex source, Vertex target, Edge&& edge) {
  assert(source < num_nodes() && target < num_nodes());
  EdgeId e = boost::add_edge(source, target, *graph_).first;
  (*graph_)[e] = std::move(edge);
  Share((*graph_)[e].evidence);
  edge_index_stale_ = true;
  return e;
}

void KnowledgeGraph::Reserve(std::size_t nodes, std::size_t edges) {
  index_.reserve(index_.size() + nodes);
  edge_index_.Reserve(edge_index_.size() + edges);
  graph_->m_vertices.reserve(num_nodes() + nodes);
}

std::optional<KnowledgeGraph::Vertex> KnowledgeGraph::Find(std::string_view key) const {
  auto it = index_.find(key);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

std::map<Label, std::size_t> KnowledgeGraph::CountByLabel() const {
  std::map<Label, std::size_t> out;
  for (auto v : boost::make_iterator_range(boost::vertices(*graph_))) ++out[(*graph_)[v].label];
  return out;
}

std::map<RelType, std::size_t> KnowledgeGraph::CountByType() const {
  std::map<RelType, std::size_t> out;
  for (auto e : boost::make_iterator_range(boost::edges(*graph_))) ++out[(*graph_)[e].type];
  return out;
}

}  // namespace cnkg
