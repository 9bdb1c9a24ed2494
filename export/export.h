#ifndef CNKG_EXPORT_EXPORT_H_
#define CNKG_EXPORT_EXPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "graph/knowledge_graph.h"

namespace cnkg {

// The export formats, by the names the CLI accepts.
const std::vector<std::string>& ExportFormatNames();  // {"json", "graphml", "dot"}

// Serialises the whole graph in `format`. Fails with kInvalidArgument naming the known formats
// for an unknown one, or with the writer's own error.
Result<std::string> ExportGraph(const KnowledgeGraph& graph, std::string_view format);

}  // namespace cnkg

#endif  // CNKG_EXPORT_EXPORT_H_
