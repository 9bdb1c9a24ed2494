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
// The file is read in place (graph/compact_graph.h): a query maps it and reads only what it
// needs, without building a KnowledgeGraph. Layout (graph/binary_layout.h has the details): a
// fixed header ("CNKGBIN" 0x03, the file size, counts and the offset and size of each section),
// then 8-byte-aligned sections of fixed-size little-endian arrays (node labels and entries with
// their key and name, relationship types and endpoints, adjacency in both directions grouped by
// node, nodes per label, node numbers ordered by key, by name and by folded name or alias, the
// document table, the graph's edge order, the property names in use), then the variable-length
// records (aliases, properties, evidence as LEB128 varints) and the string heap, where each
// distinct string is stored once, and last an XXH3 checksum of every 4 KiB block of the file
// before it, which a reader checks the first time it reads from a block.

// True if `bytes` starts with the binary graph file's magic.
bool IsBinaryGraph(std::string_view bytes);

// The graph as a binary graph file.
std::string SerializeBinaryGraph(const KnowledgeGraph& graph);

// Writes SerializeBinaryGraph(graph) to `path` as WriteFileAtomically does (the file is either
// left as it was or replaced whole), section by section rather than through one string, to keep
// the memory of a large build down. Fails with kIoError naming `path`, and with
// kInvalidArgument for a graph of 2^28 (268 million) nodes or relationships or more, which the
// format cannot number. SerializeBinaryGraph's precondition: fewer than that.
Status WriteBinaryGraphFile(const KnowledgeGraph& graph, const std::string& path);

// Recomputes the block checksums of binary graph file `bytes` after an edit on purpose (tests of
// the checks that guard against files written wrong with matching checksums). Does nothing when
// the header does not locate the checksums.
void ResealBinaryGraph(std::string& bytes);

// Rebuilds a graph from SerializeBinaryGraph's bytes. `origin` (a file name) prefixes error
// messages. Fails with kParseError naming the byte offset when the bytes are truncated or
// corrupt, a label or type is unknown, a key repeats, an edge names a node that does not exist,
// or an edge repeats a (source, target, type) triple, and naming the format when another
// version of cnkg wrote the file.
Result<KnowledgeGraph> ParseBinaryGraph(std::string_view bytes, const std::string& origin);

}  // namespace cnkg

#endif  // CNKG_GRAPH_BINARY_GRAPH_H_
