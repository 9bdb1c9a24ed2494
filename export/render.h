#ifndef CNKG_EXPORT_RENDER_H_
#define CNKG_EXPORT_RENDER_H_

#include <string>
#include <string_view>

#include "common/status.h"
#include "graph/knowledge_graph.h"

namespace cnkg {

enum class ClusterBy {
  kNone,
  kLabel,     // one box per node label
  kCategory,  // projects grouped by their landscape category (from IN_CATEGORY or `category`)
};

struct RenderOptions {
  std::string format = "svg";  // svg, png or pdf
  std::string layout;          // dot, neato, fdp, sfdp, circo; empty: dot, or sfdp with overlap
                               // removal above kAutoSfdpNodes nodes
  ClusterBy cluster = ClusterBy::kNone;
  bool edge_labels = false;    // write the relationship type on each edge
  int width_px = 1600;         // png: width of the image
};

inline constexpr std::size_t kAutoSfdpNodes = 300;

// The renderer's format for an output file name: ".svg" -> "svg", ".png", ".pdf"; "" if none.
std::string RenderFormatForPath(std::string_view path);

// Lays out and draws `graph` in-process through Graphviz's gvc library: nodes coloured by label
// (projects shaded by CNCF maturity), long names wrapped, optional clusters, and a legend of the
// labels (and maturities) present. Returns the image bytes. Fails with kInvalidArgument for an
// unknown format or layout, or an empty graph, and kInternal when Graphviz fails. Not
// thread-safe (Graphviz keeps process-wide state).
Result<std::string> RenderGraph(const KnowledgeGraph& graph, const RenderOptions& options);

}  // namespace cnkg

#endif  // CNKG_EXPORT_RENDER_H_
