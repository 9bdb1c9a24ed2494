#ifndef CNKG_GRAPH_SUBGRAPH_H_
#define CNKG_GRAPH_SUBGRAPH_H_

#include <vector>

#include "graph/knowledge_graph.h"

namespace cnkg {

// Nodes with more relationships than this are hubs (Kubernetes in a big graph).
inline constexpr std::size_t kHubDegree = 40;

// The part of `graph` within `depth` hops of `seeds`, following relationships in either
// direction. Hubs — Event, Document, Category, Room and Track nodes, and nodes with more than
// kHubDegree relationships — tie unrelated things together: they are included when reached but
// not walked through (unless they are seeds). Edges between included nodes are kept. Nodes keep
// their keys, names, properties and evidence.
KnowledgeGraph Neighborhood(const KnowledgeGraph& graph,
                            const std::vector<KnowledgeGraph::Vertex>& seeds, int depth);

// The subgraph induced by `vertices` (every edge between two of them).
KnowledgeGraph InducedSubgraph(const KnowledgeGraph& graph,
                               const std::vector<KnowledgeGraph::Vertex>& vertices);

}  // namespace cnkg

#endif  // CNKG_GRAPH_SUBGRAPH_H_
