#include "export/export.h"

#include "common/strings.h"
#include "export/dot.h"
#include "export/graphml.h"
#include "graph/snapshot.h"

namespace cnkg {

const std::vector<std::string>& ExportFormatNames() {
  static const std::vector<std::string> names = {"json", "graphml", "dot"};
  return names;
}

Result<std::string> ExportGraph(const KnowledgeGraph& graph, std::string_view format) {
  if (format == "json") return ToNodeLink(graph).dump(1) + "\n";
  if (format == "graphml") return ToGraphML(graph);
  if (format == "dot") return ToDot(graph);
  return Status::InvalidArgument("unknown export format '" + std::string(format) +
                                 "' (known: " + Join(ExportFormatNames(), ", ") + ")");
}

}  // namespace cnkg
