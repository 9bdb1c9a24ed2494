#ifndef CNKG_GRAPH_SNAPSHOT_H_
#define CNKG_GRAPH_SNAPSHOT_H_

#include <nlohmann/json.hpp>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"
#include "graph/compact_graph.h"
#include "graph/knowledge_graph.h"

namespace cnkg {

// The graph file is node-link JSON in the form networkx's json_graph.node_link_graph reads:
//   {"directed": true, "multigraph": true, "graph": {"generator": "cnkg", "format_version": 1},
//    "nodes": [{"id": KEY, "label": "Talk", "name": ..., "aliases": [...], PROPERTY: VALUE...,
//               "documents": [...], "evidence": [{"document", "line", "text"}]}],
//    "links": [{"source": KEY, "target": KEY, "key": N, "type": "PRESENTS", PROPERTY: VALUE...,
//               "documents": [...], "evidence": [...]}]}
// "documents" lists the documents in the evidence (derived; ignored when reading).
// "key" numbers the parallel edges between one pair of nodes from 0, as networkx expects.
// Property names must not be one of the reserved member names above.

nlohmann::json ToNodeLink(const KnowledgeGraph& graph);

// Rebuilds a graph from node-link JSON. `origin` (a file name) prefixes error messages. Fails
// with kParseError naming the offending node or link index when a member is missing or of the
// wrong type, a label or type is unknown, or a link names an unknown node.
Result<KnowledgeGraph> FromNodeLink(const nlohmann::json& doc, const std::string& origin);

// True if `path` names a binary graph file (it ends in ".cnkg", see graph/binary_graph.h).
bool IsBinaryGraphPath(std::string_view path);

// Writes the graph file atomically (see WriteFileAtomically): the binary graph file when
// IsBinaryGraphPath(path), node-link JSON otherwise.
Status WriteGraphFile(const KnowledgeGraph& graph, const std::string& path);

// Reads a graph file written by WriteGraphFile: a binary graph file (recognised by its first
// bytes, whatever its name) or any conforming node-link JSON. Errors name the file, and for
// invalid JSON the line and column, for a corrupt binary file the byte offset.
Result<KnowledgeGraph> ReadGraphFile(const std::string& path);

// True if the file at `path` starts with the binary graph file's magic (false when it cannot be
// read).
bool IsBinaryGraphFile(const std::string& path);

// Reads a graph file for querying: a binary graph file is mapped and read in place (see
// graph/compact_graph.h), node-link JSON is read as ReadGraphFile does and laid out as a
// CompactGraph. Errors as ReadGraphFile.
Result<std::shared_ptr<const CompactGraph>> ReadQueryGraph(const std::string& path);

}  // namespace cnkg

#endif  // CNKG_GRAPH_SNAPSHOT_H_
