// A node-link JSON graph file (what `cnkg build -o g.json` writes and networkx reads): parsed,
// rebuilt as a graph, written again as node-link JSON and as a binary graph file, and read back.
// Invariants: no crash or sanitizer report; errors are one line and never internal; a graph that
// was read writes and reads back with the same nodes and relationships.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "common/json_writer.h"
#include "fuzz/fuzz_util.h"
#include "graph/binary_graph.h"
#include "graph/snapshot.h"

using namespace cnkg;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return 0;
  auto graph = FromNodeLink(doc, "fuzz.json");
  if (!graph.ok()) {
    fuzz::CheckUserError(graph.status());
    return 0;
  }
  const std::string json = DumpJson(ToNodeLink(*graph), 1);
  const nlohmann::json again = nlohmann::json::parse(json, nullptr, false);
  if (again.is_discarded()) fuzz::Fail("the node-link JSON written is not JSON");
  auto reread = FromNodeLink(again, "again.json");
  if (!reread.ok()) fuzz::Fail(reread.status().message());
  auto back = ParseBinaryGraph(SerializeBinaryGraph(*graph), "fuzz.cnkg");
  if (!back.ok()) fuzz::Fail(back.status().message());
  if (back->num_nodes() != graph->num_nodes() || back->num_edges() != graph->num_edges() ||
      reread->num_nodes() != graph->num_nodes() || reread->num_edges() != graph->num_edges())
    fuzz::Fail("a graph lost nodes or relationships on the way back");
  return 0;
}
