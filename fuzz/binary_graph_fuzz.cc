// A binary graph file (.cnkg), as `cnkg query` maps it: opened in place, then every accessor and
// index is read, and the graph is turned back into a KnowledgeGraph and node-link JSON.
// Invariants: no crash or sanitizer report whatever the bytes; errors are one line that name the
// file; a file that opens reads through.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/json_writer.h"
#include "common/strings.h"
#include "fuzz/fuzz_util.h"
#include "graph/compact_graph.h"
#include "graph/model.h"
#include "graph/snapshot.h"

using namespace cnkg;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto opened = CompactGraph::OpenUnowned(bytes, "fuzz.cnkg");
  if (!opened.ok()) {
    fuzz::CheckUserError(opened.status());
    if (opened.status().message().rfind("fuzz.cnkg: ", 0) != 0)
      fuzz::Fail("an error that does not name the file");
    return 0;
  }
  const CompactGraph& g = **opened;
  for (std::uint32_t v = 0; v < g.num_nodes(); ++v) {
    (void)g.node(v);
    (void)g.FindKey(g.key(v));
    (void)g.FindName(g.name(v));
    (void)g.FindFoldedName(FoldName(g.name(v)));
    for (const auto& a : g.out(v)) (void)g.edge(a.rel), (void)g.label(a.other);
    for (const auto& a : g.in(v)) (void)g.rel_evidence(a.rel), (void)g.key(a.other);
  }
  for (Label l : kAllLabels) (void)g.nodes_with_label(l), (void)g.node_property_names(l);
  auto graph = g.ToKnowledgeGraph();
  if (!graph.ok()) {
    fuzz::CheckUserError(graph.status());
    return 0;
  }
  if (graph->num_nodes() != g.num_nodes() || graph->num_edges() != g.num_rels())
    fuzz::Fail("the graph lost nodes or relationships");
  (void)DumpJson(ToNodeLink(*graph), 1);
  return 0;
}
