#ifndef CNKG_GRAPH_STATS_H_
#define CNKG_GRAPH_STATS_H_

#include <nlohmann/json.hpp>
#include <string>

#include "graph/compact_graph.h"
#include "graph/knowledge_graph.h"

namespace cnkg {

// Counts per label and per relationship type, as a table for people:
//   nodes 12
//     Talk 3
//   ...
// Each function reads a CompactGraph in place; the KnowledgeGraph overloads lay the graph out
// first.
std::string StatsText(const CompactGraph& graph);
std::string StatsText(const KnowledgeGraph& graph);

// The same as JSON: {"nodes": N, "edges": M, "labels": {"Talk": 3, ...},
// "types": {"PRESENTS": 4, ...}}. Every label and type is listed, with 0 where absent.
nlohmann::json StatsJson(const CompactGraph& graph);
nlohmann::json StatsJson(const KnowledgeGraph& graph);

// The projects that talks or documents mention, grouped by CNCF maturity ("graduated",
// "incubating", "sandbox", "archived", or "not a CNCF project"), as a table of counts followed by
// the names in each group.
std::string MentionedByMaturityText(const CompactGraph& graph);
nlohmann::json MentionedByMaturityJson(const CompactGraph& graph);
std::string MentionedByMaturityText(const KnowledgeGraph& graph);
nlohmann::json MentionedByMaturityJson(const KnowledgeGraph& graph);

}  // namespace cnkg

#endif  // CNKG_GRAPH_STATS_H_
