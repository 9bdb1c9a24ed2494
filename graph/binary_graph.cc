#include "graph/binary_graph.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <set>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/files.h"
#include "common/strings.h"
#include "graph/binary_layout.h"
#include "graph/compact_graph.h"

namespace cnkg {
namespace {

using binary::ValueTag;

// The string heap: each distinct string once (evidence lines repeat across the edges they
// support). Its index is an open-addressing table of offsets into the heap itself (16 bytes a
// string), and takes the hash that a SharedString already has.
class Heap {
 public:
  std::uint64_t Add(std::string_view s) { return Add(s, std::hash<std::string_view>()(s)); }
  std::uint64_t AddShared(const SharedString& s) { return Add(std::string_view(s), s.hash()); }
  std::string& bytes() { return bytes_; }

 private:
  struct Slot {
    std::uint64_t offset = 0;
    std::uint32_t size = kEmpty;
    std::uint32_t hash = 0;
  };
  static constexpr std::uint32_t kEmpty = UINT32_MAX;

  std::uint64_t Add(std::string_view s, std::size_t full_hash) {
    const std::uint64_t offset = bytes_.size();
    if (s.size() >= kEmpty) {  // too long to index (never in practice): store it again
      bytes_.append(s);
      return offset;
    }
    if ((used_ + 1) * 4 > slots_.size() * 3) Grow((used_ + 1) * 2);
    const auto hash = static_cast<std::uint32_t>(full_hash ^ (full_hash >> 32));
    Slot& slot = slots_[Probe(s, hash)];
    if (slot.size != kEmpty) return slot.offset;
    slot = {offset, static_cast<std::uint32_t>(s.size()), hash};
    ++used_;
    bytes_.append(s);
    return offset;
  }
  // The slot holding `s`, or the empty slot where it goes.
  std::size_t Probe(std::string_view s, std::uint32_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.size == kEmpty) return i;
      if (slot.hash == hash && slot.size == s.size() &&
          std::string_view(bytes_).substr(slot.offset, slot.size) == s)
        return i;
    }
  }
  // Rehashes into a power-of-two table that holds `n` strings at most 3/4 full.
  void Grow(std::size_t n) {
    std::size_t capacity = 64;
    while (capacity * 3 < n * 4) capacity *= 2;
    if (capacity <= slots_.size()) return;
    std::vector<Slot> old(capacity);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.size == kEmpty) continue;
      std::size_t i = slot.hash & mask;
      while (slots_[i].size != kEmpty) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }

  std::string bytes_;
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

class Writer {
 public:
  explicit Writer(Heap& heap) : heap_(heap) {}

  void Unsigned(std::uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void Signed(std::int64_t v) {
    Unsigned((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
  }
  void String(std::string_view s) {
    Unsigned(heap_.Add(s));
    Unsigned(s.size());
  }
  // The same for a SharedString, whose hash is known.
  void SharedText(const SharedString& s) {
    Unsigned(heap_.AddShared(s));
    Unsigned(s.size());
  }
  void Byte(std::uint8_t b) { out_.push_back(static_cast<char>(b)); }
  void Double(double d) {
    std::uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((bits >> (8 * i)) & 0xff));
  }
  std::size_t size() const { return out_.size(); }
  std::string& bytes() { return out_; }

 private:
  Heap& heap_;
  std::string out_;
};

void WriteProperties(Writer& w, const Properties& properties) {
  w.Unsigned(properties.size());
  for (const auto& [name, value] : properties) {
    w.String(name);
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::string>) {
            w.Byte(static_cast<std::uint8_t>(ValueTag::kString));
            w.String(v);
          } else if constexpr (std::is_same_v<T, std::int64_t>) {
            w.Byte(static_cast<std::uint8_t>(ValueTag::kInt));
            w.Signed(v);
          } else if constexpr (std::is_same_v<T, double>) {
            w.Byte(static_cast<std::uint8_t>(ValueTag::kDouble));
            w.Double(v);
          } else if constexpr (std::is_same_v<T, bool>) {
            w.Byte(static_cast<std::uint8_t>(ValueTag::kBool));
            w.Byte(v ? 1 : 0);
          } else {
            w.Byte(static_cast<std::uint8_t>(ValueTag::kList));
            w.Unsigned(v.size());
            for (const std::string& s : v) w.String(s);
          }
        },
        value);
  }
}

class DocumentTable {
 public:
  std::size_t IndexOf(const std::string& document) {
    // Evidence in a row mostly names one document: compare with the last before hashing.
    if (last_ != nullptr && (last_ == &document || *last_ == document)) return last_index_;
    auto [it, inserted] = index_.try_emplace(document, documents_.size());
    if (inserted) documents_.push_back(&document);
    last_ = documents_[it->second];
    last_index_ = it->second;
    return it->second;
  }
  const std::vector<const std::string*>& documents() const { return documents_; }

 private:
  std::unordered_map<std::string_view, std::size_t> index_;
  std::vector<const std::string*> documents_;
  const std::string* last_ = nullptr;  // the document of the last lookup
  std::size_t last_index_ = 0;
};

void WriteEvidence(Writer& w, DocumentTable& documents, const std::vector<Evidence>& evidence) {
  w.Unsigned(evidence.size());
  for (const Evidence& e : evidence) {
    w.Unsigned(documents.IndexOf(e.document));
    w.Signed(e.line);
    w.SharedText(e.text);
  }
}

void WriteNames(Writer& w, const std::set<std::string>& names) {
  w.Unsigned(names.size());
  for (const std::string& n : names) {
    w.Unsigned(n.size());
    w.bytes().append(n);
  }
}

// The file under construction: the header, then sections in order, each 8-byte aligned. Keeps
// views of the sections, which must outlive Finish's pieces.
class FileBuilder {
 public:
  template <typename T>
  void Section(binary::Section id, const std::vector<T>& items) {
    Section(id, std::string_view(reinterpret_cast<const char*>(items.data()),
                                 items.size() * sizeof(T)));
  }
  void Section(binary::Section id, std::string_view bytes) {
    static constexpr char kZeros[8] = {};
    const std::size_t aligned = (size_ + 7) / 8 * 8;
    if (aligned != size_) pieces_.emplace_back(kZeros, aligned - size_);
    header_.sections[id] = {aligned, bytes.size()};
    pieces_.push_back(bytes);
    size_ = aligned + bytes.size();
  }
  // The file's bytes, in order: `header` (given its section table and size), the sections, and
  // the checksums of every kBlockSize bytes before them.
  std::vector<std::string_view> Finish(const binary::Header& header) {
    static constexpr char kZeros[8] = {};
    const std::size_t checksums_at = (size_ + 7) / 8 * 8;
    const std::size_t blocks = (checksums_at + binary::kBlockSize - 1) / binary::kBlockSize;
    header_.sections[binary::kChecksums] = {checksums_at, blocks * 8};
    std::memcpy(&final_header_, &header, sizeof header);
    std::memcpy(final_header_.sections, header_.sections, sizeof header_.sections);
    final_header_.file_size = checksums_at + blocks * 8;
    std::vector<std::string_view> out;
    out.reserve(pieces_.size() + 3);
    out.emplace_back(reinterpret_cast<const char*>(&final_header_), sizeof final_header_);
    out.insert(out.end(), pieces_.begin(), pieces_.end());
    if (checksums_at != size_) out.emplace_back(kZeros, checksums_at - size_);
    // Hash the pieces block by block (a block may span several pieces).
    checksums_.assign(blocks, 0);
    XXH3_state_t* state = XXH3_createState();
    XXH3_64bits_reset(state);
    std::size_t filled = 0, block = 0;
    for (std::string_view piece : out) {
      while (!piece.empty()) {
        const std::size_t take = std::min(piece.size(), binary::kBlockSize - filled);
        XXH3_64bits_update(state, piece.data(), take);
        piece.remove_prefix(take);
        filled += take;
        if (filled == binary::kBlockSize) {
          checksums_[block++] = XXH3_64bits_digest(state);
          XXH3_64bits_reset(state);
          filled = 0;
        }
      }
    }
    if (filled > 0) checksums_[block++] = XXH3_64bits_digest(state);
    XXH3_freeState(state);
    out.emplace_back(reinterpret_cast<const char*>(checksums_.data()), checksums_.size() * 8);
    return out;
  }

 private:
  binary::Header header_{};
  binary::Header final_header_{};
  std::vector<std::uint64_t> checksums_;
  std::vector<std::string_view> pieces_;
  std::size_t size_ = sizeof(binary::Header);
};

}  // namespace

bool IsBinaryGraph(std::string_view bytes) {
  return bytes.substr(0, binary::kMagicPrefix.size()) == binary::kMagicPrefix;
}

namespace {

// Lays out `graph` as a binary graph file and passes the file's pieces, in order, to `emit`,
// whose result it returns.
template <typename Emit>
auto EmitBinaryGraph(const KnowledgeGraph& graph, Emit&& emit) {
  using binary::Adjacent;
  const auto& g = graph.graph();
  const std::size_t n = graph.num_nodes(), m = graph.num_edges();
  Heap heap;
  DocumentTable documents;
  Writer records(heap);

  std::vector<std::uint8_t> labels(n);
  std::vector<binary::NodeEntry> nodes(n);
  std::vector<std::set<std::string>> node_props(std::size(kAllLabels));
  std::vector<binary::FoldEntry> folded;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const Node& node = g[v];
    labels[v] = static_cast<std::uint8_t>(node.label);
    nodes[v] = {heap.Add(node.key), heap.Add(node.name), records.size(),
                static_cast<std::uint32_t>(node.key.size()),
                static_cast<std::uint32_t>(node.name.size())};
    records.Unsigned(node.aliases.size());
    for (const std::string& a : node.aliases) records.String(a);
    WriteProperties(records, node.properties);
    WriteEvidence(records, documents, node.evidence);
    for (const auto& [k, unused] : node.properties)
      node_props[static_cast<std::size_t>(node.label)].insert(k);
    std::set<std::string> forms = {FoldName(node.name)};
    for (const std::string& a : node.aliases) forms.insert(FoldName(a));
    for (const std::string& f : forms) {
      if (f.empty()) continue;
      const auto size = static_cast<std::uint32_t>(f.size());
      folded.push_back({heap.Add(f), size, static_cast<std::uint32_t>(v)});
    }
  }

  // Relationships are numbered by source node, in the order of each node's out-edges.
  std::vector<std::uint8_t> types;
  std::vector<binary::RelEntry> rels;
  std::vector<std::uint32_t> out_offsets(n + 1), in_offsets(n + 1, 0);
  std::vector<Adjacent> out_adj, in_adj(m);
  std::vector<std::set<std::string>> rel_props(std::size(kAllRelTypes));
  types.reserve(m);
  rels.reserve(m);
  out_adj.reserve(m);
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    out_offsets[v] = static_cast<std::uint32_t>(rels.size());
    for (auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      const Edge& edge = g[e];
      const auto id = static_cast<std::uint32_t>(rels.size());
      const auto t = static_cast<std::uint32_t>(boost::target(e, g));
      types.push_back(static_cast<std::uint8_t>(edge.type));
      rels.push_back({static_cast<std::uint32_t>(v), t, records.size()});
      out_adj.push_back({id, static_cast<std::uint32_t>(edge.type), t,
                         static_cast<std::uint32_t>(g[boost::target(e, g)].label)});
      ++in_offsets[t + 1];
      WriteProperties(records, edge.properties);
      WriteEvidence(records, documents, edge.evidence);
      for (const auto& [k, unused] : edge.properties)
        rel_props[static_cast<std::size_t>(edge.type)].insert(k);
    }
  }
  out_offsets[n] = static_cast<std::uint32_t>(rels.size());
  for (std::size_t v = 0; v < n; ++v) in_offsets[v + 1] += in_offsets[v];
  {
    std::vector<std::uint32_t> fill(in_offsets.begin(), in_offsets.end() - 1);
    for (std::uint32_t id = 0; id < rels.size(); ++id)
      in_adj[fill[rels[id].target]++] = {id, types[id], rels[id].source,
                                         static_cast<std::uint32_t>(g[rels[id].source].label)};
  }
  // The graph's edge order: each node's out-edges are in the order they were added, as is the
  // graph's edge list, so the k-th edge from a node in that list is the node's k-th out-edge.
  std::vector<std::uint32_t> edge_order;
  edge_order.reserve(m);
  {
    std::vector<std::uint32_t> next(out_offsets.begin(), out_offsets.end() - 1);
    for (auto e : boost::make_iterator_range(boost::edges(g)))
      edge_order.push_back(next[boost::source(e, g)]++);
  }

  std::vector<std::uint32_t> label_offsets(std::size(kAllLabels) + 1, 0), label_nodes;
  label_nodes.reserve(n);
  for (std::size_t l = 0; l < std::size(kAllLabels); ++l) {
    label_offsets[l] = static_cast<std::uint32_t>(label_nodes.size());
    for (std::uint32_t v = 0; v < n; ++v)
      if (labels[v] == l) label_nodes.push_back(v);
  }
  label_offsets.back() = static_cast<std::uint32_t>(label_nodes.size());

  std::vector<std::uint32_t> key_order(n), name_order(n);
  for (std::uint32_t v = 0; v < n; ++v) key_order[v] = name_order[v] = v;
  std::sort(key_order.begin(), key_order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return g[a].key < g[b].key; });
  std::sort(name_order.begin(), name_order.end(), [&](std::uint32_t a, std::uint32_t b) {
    int c = g[a].name.compare(g[b].name);
    return c != 0 ? c < 0 : a < b;
  });
  const std::string& heap_bytes = heap.bytes();
  std::sort(folded.begin(), folded.end(), [&](const auto& a, const auto& b) {
    int c = std::string_view(heap_bytes)
                .substr(a.offset, a.size)
                .compare(std::string_view(heap_bytes).substr(b.offset, b.size));
    return c != 0 ? c < 0 : a.node < b.node;
  });

  std::vector<binary::StrRef> document_refs;
  for (const std::string* d : documents.documents())
    document_refs.push_back({heap.Add(*d), d->size()});

  Heap unused_heap;
  Writer schema(unused_heap);
  for (const auto& names : node_props) WriteNames(schema, names);
  for (const auto& names : rel_props) WriteNames(schema, names);

  FileBuilder file;
  file.Section(binary::kLabels, labels);
  file.Section(binary::kNodes, nodes);
  file.Section(binary::kTypes, types);
  file.Section(binary::kRels, rels);
  file.Section(binary::kOutOffsets, out_offsets);
  file.Section(binary::kOutAdjacent, out_adj);
  file.Section(binary::kInOffsets, in_offsets);
  file.Section(binary::kInAdjacent, in_adj);
  file.Section(binary::kLabelOffsets, label_offsets);
  file.Section(binary::kLabelNodes, label_nodes);
  file.Section(binary::kKeyOrder, key_order);
  file.Section(binary::kNameOrder, name_order);
  file.Section(binary::kFolded, folded);
  file.Section(binary::kDocuments, document_refs);
  file.Section(binary::kEdgeOrder, edge_order);
  file.Section(binary::kSchema, schema.bytes());
  file.Section(binary::kRecords, records.bytes());
  file.Section(binary::kHeap, heap.bytes());
  binary::Header header{};
  std::memcpy(header.magic, binary::kMagic.data(), binary::kMagic.size());
  header.num_nodes = n;
  header.num_rels = m;
  header.num_documents = document_refs.size();
  header.num_folded = folded.size();
  return emit(file.Finish(header));
}

}  // namespace

std::string SerializeBinaryGraph(const KnowledgeGraph& graph) {
  return EmitBinaryGraph(graph, [](std::span<const std::string_view> pieces) {
    std::size_t size = 0;
    for (std::string_view p : pieces) size += p.size();
    std::string out;
    out.reserve(size);
    for (std::string_view p : pieces) out.append(p);
    return out;
  });
}

Status WriteBinaryGraphFile(const KnowledgeGraph& graph, const std::string& path) {
  if (graph.num_nodes() >= binary::kMaxElements || graph.num_edges() >= binary::kMaxElements) {
    return Status::InvalidArgument(path + ": the graph has " + std::to_string(graph.num_nodes()) +
                                   " nodes and " + std::to_string(graph.num_edges()) +
                                   " relationships; a binary graph file holds fewer than " +
                                   std::to_string(binary::kMaxElements) +
                                   " of each: write it as JSON");
  }
  return EmitBinaryGraph(graph, [&](std::span<const std::string_view> pieces) {
    return WriteFileAtomically(path, pieces);
  });
}

void ResealBinaryGraph(std::string& bytes) {
  binary::Header h;
  if (bytes.size() < sizeof h) return;
  std::memcpy(&h, bytes.data(), sizeof h);
  const binary::SectionRef sums = h.sections[binary::kChecksums];
  if (sums.offset > bytes.size() || sums.size > bytes.size() - sums.offset ||
      sums.size / 8 * binary::kBlockSize < sums.offset)
    return;
  for (std::uint64_t b = 0; b * binary::kBlockSize < sums.offset; ++b) {
    const std::uint64_t begin = b * binary::kBlockSize;
    const std::uint64_t end = std::min(begin + binary::kBlockSize, sums.offset);
    const std::uint64_t sum = XXH3_64bits(bytes.data() + begin, end - begin);
    std::memcpy(bytes.data() + sums.offset + 8 * b, &sum, sizeof sum);
  }
}

Result<KnowledgeGraph> ParseBinaryGraph(std::string_view bytes, const std::string& origin) {
  auto graph = CompactGraph::OpenUnowned(bytes, origin);
  if (!graph.ok()) return graph.status();
  return (*graph)->ToKnowledgeGraph();
}

}  // namespace cnkg
