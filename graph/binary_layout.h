#ifndef CNKG_GRAPH_BINARY_LAYOUT_H_
#define CNKG_GRAPH_BINARY_LAYOUT_H_

// The binary graph file's layout, shared by its writer (binary_graph.cc) and reader
// (compact_graph.cc). Internal to graph/. See binary_graph.h for the description.

#include <bit>
#include <cstdint>
#include <string_view>

namespace cnkg::binary {

static_assert(std::endian::native == std::endian::little,
              "the binary graph file is read in place, which assumes a little-endian machine");

inline constexpr std::string_view kMagic("CNKGBIN\x03", 8);
inline constexpr std::string_view kMagicPrefix("CNKGBIN", 7);

// Sections, in file order. Each starts at a multiple of 8 bytes.
enum Section : std::uint32_t {
  kLabels,        // u8 per node: its Label
  kNodes,         // NodeEntry per node
  kTypes,         // u8 per relationship: its RelType
  kRels,          // RelEntry per relationship
  kOutOffsets,    // u32 per node + 1: where each node's run in kOutAdjacent starts
  kOutAdjacent,   // Adjacent per relationship, grouped by source node
  kInOffsets,     // u32 per node + 1
  kInAdjacent,    // Adjacent per relationship, grouped by target node
  kLabelOffsets,  // u32 per label + 1: where each label's run in kLabelNodes starts
  kLabelNodes,    // u32 per node: node numbers grouped by label, ascending within a label
  kKeyOrder,      // u32 per node: node numbers ordered by key (bytewise, keys unique)
  kNameOrder,     // u32 per node: node numbers ordered by (name bytewise, number)
  kFolded,        // FoldEntry per name and alias: ordered by (folded text bytewise, node)
  kDocuments,     // StrRef per document
  kEdgeOrder,     // u32 per relationship: relationship numbers in the graph's edge order
  kSchema,        // per label, then per type: count, then names (varint length + bytes)
  kRecords,       // node and relationship records (varints), see below
  kHeap,          // string bytes, referred to by offset and length
  kChecksums,     // u64 XXH3 per kBlockSize bytes of the file before this section (last, partial)
  kNumSections,
};

// The file up to the checksums is hashed in blocks of this many bytes; a reader checks a block
// the first time it reads from it, so a flipped or overwritten byte anywhere is found by the
// first read that meets it.
inline constexpr std::uint64_t kBlockSize = 4096;

struct SectionRef {
  std::uint64_t offset;
  std::uint64_t size;
};

struct Header {
  char magic[8];
  std::uint64_t file_size;
  std::uint64_t num_nodes;
  std::uint64_t num_rels;
  std::uint64_t num_documents;
  std::uint64_t num_folded;
  SectionRef sections[kNumSections];
};

// Offsets of strings are relative to the start of kHeap; of records, to the start of kRecords.
struct NodeEntry {
  std::uint64_t key_offset;
  std::uint64_t name_offset;
  std::uint64_t record_offset;
  std::uint32_t key_size;
  std::uint32_t name_size;
};

struct RelEntry {
  std::uint32_t source;
  std::uint32_t target;
  std::uint64_t record_offset;
};

// One relationship at a node: its number and type, and the node at its other end with that
// node's label, so that a traversal filters on types and labels from the run alone.
struct Adjacent {
  std::uint32_t rel : 28;
  std::uint32_t type : 4;  // a RelType
  std::uint32_t other : 28;
  std::uint32_t other_label : 4;  // a Label
};
static_assert(sizeof(Adjacent) == 8);

// Node and relationship numbers fit in an Adjacent's 28 bits: a file holds fewer than this many
// of each.
inline constexpr std::uint64_t kMaxElements = std::uint64_t{1} << 28;

struct FoldEntry {
  std::uint64_t offset;
  std::uint32_t size;
  std::uint32_t node;
};

struct StrRef {
  std::uint64_t offset;
  std::uint64_t size;
};

// Records. A string is a heap reference: varint offset, varint length. Integers are LEB128
// varints, signed ones zigzag-encoded.
//   node: aliases (count, strings), properties, evidence
//   relationship: properties, evidence
//   properties: count, then each: name, a ValueTag byte and the value (string; signed varint;
//     8 little-endian bytes of a double; a byte 0/1; count and strings)
//   evidence: count, then each: document number, signed line, text
enum class ValueTag : std::uint8_t { kString = 0, kInt = 1, kDouble = 2, kBool = 3, kList = 4 };

}  // namespace cnkg::binary

#endif  // CNKG_GRAPH_BINARY_LAYOUT_H_
