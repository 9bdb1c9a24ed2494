#ifndef CNKG_GRAPH_COMPACT_GRAPH_H_
#define CNKG_GRAPH_COMPACT_GRAPH_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "graph/binary_layout.h"
#include "graph/knowledge_graph.h"
#include "graph/model.h"

namespace cnkg {

// A read-only graph laid out for querying straight from the bytes of a binary graph file (see
// graph/binary_graph.h for the layout): opening one maps the file and checks its header and
// section table only, so that opening a graph of a million elements takes the same time as one
// of ten. Node and relationship numbers are those of the file: nodes in graph order,
// relationships grouped by source node (in the order of each node's out-edges).
//
// The rest of the file is checked as it is read (the Cap'n Proto / FlatBuffers approach): every
// accessor checks the bounds, UTF-8 and cross-references of what it reads (each node entry and
// adjacency run once, each record on every read), so a corrupt file never makes an accessor read
// out of bounds or hand out bytes that are not UTF-8. An accessor that meets corruption returns
// an empty value (an empty string, span or list, node 0, label 0) and records the error, which
// status() then reports; a caller that reads a CompactGraph must check status() before it uses
// what it read (the query engine does after running a query; see also Validate()).
//
// Strings (keys, names, ...) are views into the file's bytes, valid while the CompactGraph
// lives. Other parts of a node or relationship (aliases, properties, evidence) are decoded when
// asked for. Safe to read from several threads (the once-only checks and the recorded error are
// synchronised).
class CompactGraph {
 public:
  // One relationship at a node: its number (`rel`) and the node at its other end (`other`).
  using Adjacent = binary::Adjacent;

  // Checks the header and section table of `bytes` (a whole binary graph file) and returns a
  // graph reading them; `origin` (a file name) prefixes error messages. Takes ownership of
  // `bytes`. Fails with kParseError, "ORIGIN: corrupt binary graph file at byte N: WHAT", when
  // the bytes are truncated (the header records the file's size) or the header is corrupt (a
  // count or section out of range), and with kParseError naming the format when the file was
  // written by another version of cnkg. Corruption elsewhere is found as it is read (status())
  // or by Validate().
  static Result<std::shared_ptr<const CompactGraph>> Open(std::string bytes,
                                                          const std::string& origin);
  // As Open, over `bytes` that the caller keeps alive and unchanged while the graph lives.
  static Result<std::shared_ptr<const CompactGraph>> OpenUnowned(std::string_view bytes,
                                                                 const std::string& origin);
  // As Open, for the file at `path`, which is mapped into memory rather than read. Fails as
  // Open does, or with kNotFound / kIoError when the file cannot be read.
  static Result<std::shared_ptr<const CompactGraph>> OpenFile(const std::string& path);
  // The graph `graph` as a CompactGraph (serialised in memory).
  static std::shared_ptr<const CompactGraph> FromKnowledgeGraph(const KnowledgeGraph& graph);

  CompactGraph(const CompactGraph&) = delete;
  CompactGraph& operator=(const CompactGraph&) = delete;
  ~CompactGraph();

  // Checks the whole file: every entry, record, string, adjacency run and index, on two threads
  // for large files. Ok, or kParseError as Open ("ORIGIN: corrupt binary graph file at byte N:
  // WHAT", the first problem in file order). Takes time in proportion to the file's size.
  Status Validate() const;
  // Ok, or the first corruption an accessor met so far (kParseError, worded as Validate's). Once
  // not ok, stays so.
  Status status() const;

  std::size_t num_nodes() const { return num_nodes_; }
  std::size_t num_rels() const { return num_rels_; }
  const std::string& origin() const { return origin_; }

  // ---- Nodes. Preconditions: v < num_nodes().
  Label label(std::uint32_t v) const {
    if (!Verified(labels_ + v)) [[unlikely]]
      return kAllLabels[0];
    if (labels_[v] >= kLabelCount) [[unlikely]]
      return BadLabel(v);
    return static_cast<Label>(labels_[v]);
  }
  std::string_view key(std::uint32_t v) const;
  std::string_view name(std::uint32_t v) const;
  std::vector<std::string> aliases(std::uint32_t v) const;
  // The stored property `name`, if the node has it.
  std::optional<PropertyValue> node_property(std::uint32_t v, std::string_view name) const;
  Properties node_properties(std::uint32_t v) const;
  std::vector<Evidence> node_evidence(std::uint32_t v) const;
  std::size_t node_evidence_count(std::uint32_t v) const;
  // The whole node, as KnowledgeGraph holds it.
  Node node(std::uint32_t v) const;

  // ---- Relationships. Preconditions: e < num_rels().
  RelType type(std::uint32_t e) const {
    if (!Verified(types_ + e)) [[unlikely]]
      return kAllRelTypes[0];
    if (types_[e] >= kRelTypeCount) [[unlikely]]
      return BadType(e);
    return static_cast<RelType>(types_[e]);
  }
  std::uint32_t source(std::uint32_t e) const;
  std::uint32_t target(std::uint32_t e) const;
  std::optional<PropertyValue> rel_property(std::uint32_t e, std::string_view name) const;
  Properties rel_properties(std::uint32_t e) const;
  std::vector<Evidence> rel_evidence(std::uint32_t e) const;
  std::size_t rel_evidence_count(std::uint32_t e) const;
  Edge edge(std::uint32_t e) const;

  // Hints that node v will be read soon: Prefetch brings its label and adjacency offsets into
  // cache, PrefetchRuns (a few steps later, when the offsets are there) its adjacency runs.
  // Precondition: v < num_nodes(). No effect on results.
  void Prefetch(std::uint32_t v) const;
  void PrefetchRuns(std::uint32_t v) const;

  // ---- Structure and indexes.
  // Relationships leaving / entering node v, in relationship order.
  std::span<const Adjacent> out(std::uint32_t v) const;
  std::span<const Adjacent> in(std::uint32_t v) const;
  // The nodes with `label`, in graph order.
  std::span<const std::uint32_t> nodes_with_label(Label label) const;
  // The node with this key.
  std::optional<std::uint32_t> FindKey(std::string_view key) const;
  // The nodes whose name is exactly `name`, in graph order.
  std::span<const std::uint32_t> FindName(std::string_view name) const;
  // The nodes whose name or one of whose aliases equals `folded` (a FoldName result), in graph
  // order, each once.
  std::vector<std::uint32_t> FindFoldedName(std::string_view folded) const;
  // The stored property names in use on nodes with `label` / relationships of `type`, sorted.
  std::vector<std::string> node_property_names(Label label) const;
  std::vector<std::string> rel_property_names(RelType type) const;

  // The whole graph as a KnowledgeGraph, with the edges in their original order. Validates the
  // file first. Fails with kParseError as Validate, and when two relationships share a source,
  // target and type.
  Result<KnowledgeGraph> ToKnowledgeGraph() const;

  // Implementation details, public for the file's writer and reader only.
  struct Storage;
  struct Sections;
  struct Checked;
  // Whether the block of the file holding byte `p` (a pointer into the file) matches its
  // checksum; checked the first time, remembered after. A mismatch is recorded (status()).
  bool Verified(const void* p) const {
    const auto b = static_cast<std::size_t>(static_cast<const char*>(p) - base_) /
                   static_cast<std::size_t>(binary::kBlockSize);
    if ((block_bits_[b / 64].load(std::memory_order_relaxed) >> (b % 64)) & 1) [[likely]]
      return true;
    return VerifyBlocks(b, b);
  }
  // The same for the `size` bytes at `p` (none when size is 0).
  bool Verified(const void* p, std::size_t size) const;

 private:
  CompactGraph() = default;
  // Checks the bytes `storage` holds (see Open) and returns a graph reading them.
  static Result<std::shared_ptr<const CompactGraph>> FromStorage(std::unique_ptr<Storage> storage,
                                                                 const std::string& origin);
  // The header and section table (Open's checks); sets up the section pointers.
  Status CheckHeader();
  // Checks blocks first..last against their checksums (see Verified).
  bool VerifyBlocks(std::size_t first, std::size_t last) const;
  // Records that the file is corrupt at byte `at` (the first such call wins).
  void Corrupt(std::uint64_t at, const std::string& what) const;
  Label BadLabel(std::uint32_t v) const;
  // Relationship e's source (or target), checked; 0 with the corruption recorded when bad.
  std::uint32_t Endpoint(std::uint32_t e, bool source) const;
  RelType BadType(std::uint32_t e) const;
  // Whether node v's entry (label, key, name) is sound; checked once.
  bool NodeOk(std::uint32_t v) const;
  // Whether node v's run of out- (dir 0) or in-relationships (dir 1) is sound; checked once.
  bool RunOk(int dir, std::uint32_t v) const;
  // Whether entry i of the key / name / folded-name index is sound and in order with its
  // neighbours.
  bool KeyOrderOk(std::size_t i) const;
  // The same for entry i of `order` (key_order or name_order), sorted by `before`; `what` names
  // the problem.
  bool OrderEntryOk(const std::uint32_t* order, std::size_t i,
                    bool (*before)(const CompactGraph&, std::uint32_t, std::uint32_t),
                    const char* what) const;
  bool NameOrderOk(std::size_t i) const;
  bool FoldOk(std::size_t i) const;

  static constexpr std::size_t kLabelCount = std::size(kAllLabels);
  static constexpr std::size_t kRelTypeCount = std::size(kAllRelTypes);

  std::unique_ptr<Storage> storage_;
  std::unique_ptr<Sections> s_;
  std::unique_ptr<Checked> checked_;
  std::string origin_;
  std::size_t num_nodes_ = 0;
  std::size_t num_rels_ = 0;
  const std::uint8_t* labels_ = nullptr;
  const std::uint8_t* types_ = nullptr;
  const char* base_ = nullptr;      // the file's first byte
  std::uint64_t checksums_at_ = 0;  // where the checksums start: the bytes they cover
  const std::atomic<std::uint64_t>* block_bits_ = nullptr;  // one bit per verified block
};

}  // namespace cnkg

#endif  // CNKG_GRAPH_COMPACT_GRAPH_H_
