#ifndef CNKG_GRAPH_WHY_H_
#define CNKG_GRAPH_WHY_H_

#include <string>
#include <string_view>

#include "common/status.h"
#include "graph/compact_graph.h"
#include "graph/knowledge_graph.h"

namespace cnkg {

// `cnkg why GRAPH NAME`: for every node NAME refers to (see FindByName), where it comes from —
// each document, line and text that supports it — and each of its relationships with their
// evidence (relationships out of the node, then into it, each in relationship order). Fails with
// kNotFound, suggesting similar names, when NAME refers to no node.
Result<std::string> ExplainEntity(const CompactGraph& graph, std::string_view name);
Result<std::string> ExplainEntity(const KnowledgeGraph& graph, std::string_view name);

// `cnkg why GRAPH NAME NAME2`: every relationship between a node NAME refers to and one NAME2
// refers to, either direction, with its evidence. Fails with kNotFound when a name refers to no
// node or when the two are not directly related (the message says so).
Result<std::string> ExplainPair(const CompactGraph& graph, std::string_view a,
                                std::string_view b);
Result<std::string> ExplainPair(const KnowledgeGraph& graph, std::string_view a,
                                std::string_view b);

}  // namespace cnkg

#endif  // CNKG_GRAPH_WHY_H_
