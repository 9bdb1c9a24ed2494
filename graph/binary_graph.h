#ifndef CNKG_GRAPH_BINARY_GRAPH_H_
#define CNKG_GRAPH_BINARY_GRAPH_H_

#include <string>
#include <string_view>

#include "common/status.h"
#include "graph/knowledge_graph.h"

namespace cnkg {

// The binary graph file: the same graph as the node-link JSON file (graph/snapshot.h), in a form
// that loads an order of magnitude faster, for graphs of millions of elements that are queried
// often. `cnkg build -o GRAPH.cnkg` writes it; every command that reads a graph file reads both
// forms, told apart by the first bytes.
//
// Layout (all integers are LEB128 varints, signed ones zigzag-encoded; a string is its byte
// length then its bytes):
//   "CNKGBIN" 0x01 magic and format version
//   document table: count, then each document path (evidence refers to it by index)
//   nodes: count, then each: key, label name, name, aliases (count, strings), properties,
//          evidence
//   edges: count, then each: source node index, target node index, type name, properties,
//          evidence
//   "END" trailer
// properties: count, then each: name, a type byte (0 string, 1 integer, 2 double as 8
// little-endian bytes, 3 bool byte, 4 list of strings) and the value. evidence: count, then each:
// document index, line, text.

// True if `bytes` starts with the binary graph file's magic.
bool IsBinaryGraph(std::string_view bytes);

// The graph as a binary graph file.
std::string SerializeBinaryGraph(const KnowledgeGraph& graph);

// Rebuilds a graph from SerializeBinaryGraph's bytes. `origin` (a file name) prefixes error
// messages. Fails with kParseError naming the byte offset when the bytes are truncated or
// corrupt, a label or type is unknown, a key repeats, an edge names a node that does not exist,
// or an edge repeats a (source, target, type) triple.
Result<KnowledgeGraph> ParseBinaryGraph(std::string_view bytes, const std::string& origin);

}  // namespace cnkg

#endif  // CNKG_GRAPH_BINARY_GRAPH_H_
