#ifndef CNKG_GRAPH_LOOKUP_H_
#define CNKG_GRAPH_LOOKUP_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/compact_graph.h"
#include "graph/knowledge_graph.h"

namespace cnkg {

// Nodes that a user's NAME refers to: those whose key equals it, or whose name or an alias equals
// it after FoldName (case, accents, spacing). Restricted to `label` when given. In graph order.
std::vector<KnowledgeGraph::Vertex> FindByName(const KnowledgeGraph& graph, std::string_view name,
                                               std::optional<Label> label = std::nullopt);

// Up to `limit` node names that contain NAME (folded), or share a word with it, for "did you
// mean" messages. Shortest names first.
std::vector<std::string> SuggestNames(const KnowledgeGraph& graph, std::string_view name,
                                      std::size_t limit = 5);

// The same over a CompactGraph, through its index of folded names (no scan of the graph).
std::vector<std::uint32_t> FindByName(const CompactGraph& graph, std::string_view name,
                                      std::optional<Label> label = std::nullopt);
std::vector<std::string> SuggestNames(const CompactGraph& graph, std::string_view name,
                                      std::size_t limit = 5);

}  // namespace cnkg

#endif  // CNKG_GRAPH_LOOKUP_H_
