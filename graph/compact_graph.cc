#include "graph/compact_graph.h"

#include <xxhash.h>

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cstring>
#include <mutex>
#include <system_error>
#include <thread>
#include <tuple>
#include <utility>

#include "common/files.h"
#include "common/strings.h"
#include "graph/binary_graph.h"

namespace cnkg {

using binary::ValueTag;

struct CompactGraph::Storage {
  std::string owned;
  std::optional<MappedFile> mapped;
  std::string_view bytes;
};

struct CompactGraph::Sections {
  const binary::NodeEntry* nodes = nullptr;
  const binary::RelEntry* rels = nullptr;
  const std::uint32_t* out_offsets = nullptr;
  const Adjacent* out_adj = nullptr;
  const std::uint32_t* in_offsets = nullptr;
  const Adjacent* in_adj = nullptr;
  const std::uint32_t* label_offsets = nullptr;
  const std::uint32_t* label_nodes = nullptr;
  const std::uint32_t* key_order = nullptr;
  const std::uint32_t* name_order = nullptr;
  const binary::FoldEntry* folded = nullptr;
  std::size_t num_folded = 0;
  const binary::StrRef* documents = nullptr;
  std::size_t num_documents = 0;
  const std::uint32_t* edge_order = nullptr;
  std::string_view records;
  std::size_t records_base = 0;  // file offset of records
  std::string_view heap;
  const char* base = nullptr;  // the file's first byte
  const CompactGraph* graph = nullptr;
  std::vector<std::vector<std::string>> node_property_names, rel_property_names;

  std::string_view HeapString(std::uint64_t offset, std::uint64_t size) const {
    return heap.substr(offset, size);
  }
};

// The once-only checks done so far, and the first corruption found.
struct CompactGraph::Checked {
  // One bit per node: its entry is sound; per node and direction: its adjacency run is sound.
  std::unique_ptr<std::atomic<std::uint64_t>[]> nodes, runs[2];
  std::unique_ptr<std::atomic<std::uint64_t>[]> blocks;  // one bit per block: its checksum matches
  std::atomic<std::uint32_t> labels{0};  // one bit per label: its run of nodes is sound
  std::atomic<bool> corrupt{false};
  std::mutex mu;
  Status first;  // guarded by mu; set once, before `corrupt`

  static std::unique_ptr<std::atomic<std::uint64_t>[]> Bits(std::size_t n) {
    return std::unique_ptr<std::atomic<std::uint64_t>[]>(
        new std::atomic<std::uint64_t>[n / 64 + 1]());
  }
  // The bits only cache what the (immutable) bytes say, so relaxed order is enough.
  static bool Test(const std::unique_ptr<std::atomic<std::uint64_t>[]>& bits, std::size_t i) {
    return (bits[i / 64].load(std::memory_order_relaxed) >> (i % 64)) & 1;
  }
  static void Set(const std::unique_ptr<std::atomic<std::uint64_t>[]>& bits, std::size_t i) {
    bits[i / 64].fetch_or(std::uint64_t{1} << (i % 64), std::memory_order_relaxed);
  }
};

namespace {

bool InRange(std::uint64_t offset, std::uint64_t size, std::uint64_t limit) {
  return offset <= limit && size <= limit - offset;
}

// True when `offset` is no UTF-8 continuation byte of `heap` (or is its end): a string that
// begins and ends there is whole characters, given that the heap is valid UTF-8.
bool CharBoundary(std::string_view heap, std::uint64_t offset) {
  return offset >= heap.size() || (static_cast<unsigned char>(heap[offset]) & 0xC0) != 0x80;
}

// A string of the heap: in range, and whole UTF-8 characters.
bool HeapStringOk(std::string_view heap, std::uint64_t offset, std::uint64_t size) {
  return InRange(offset, size, heap.size()) &&
         (size == 0 || (CharBoundary(heap, offset) && CharBoundary(heap, offset + size)));
}

// Reads a record; every read checks its bounds. A failed read records the error once and makes
// every later read return a zero value, so callers check ok() once per record.
class RecordReader {
 public:
  // A reader of the record at `pos`, which the `entry_size` bytes at `entry` (a node or
  // relationship entry) gave.
  RecordReader(const CompactGraph::Sections& s, std::uint64_t pos, const void* entry,
               std::size_t entry_size)
      : s_(s), pos_(pos <= s.records.size() ? pos : s.records.size()) {
    if (!s.graph->Verified(entry, entry_size)) {
      Stop();
    } else if (pos > s.records.size()) {
      Fail("a record starts past the end of the records");
    }
  }

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  std::size_t error_offset() const { return error_offset_; }

  void Fail(std::string what) { FailAt(s_.records_base + pos_, std::move(what)); }
  // Fails naming the file offset `at` (a problem outside the records).
  void FailAt(std::uint64_t at, std::string what) {
    if (!error_.empty()) return;
    error_ = std::move(what);
    error_offset_ = at;
    pos_ = s_.records.size();
  }
  std::uint64_t Unsigned() {
    // Most numbers (counts, small offsets, lines) fit in one byte.
    if (pos_ < verified_to_ && !(static_cast<std::uint8_t>(s_.records[pos_]) & 0x80))
      return static_cast<std::uint8_t>(s_.records[pos_++]);
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= s_.records.size()) {
        Fail("a record ends inside a number");
        return 0;
      }
      if (pos_ >= verified_to_ && !VerifyHere()) return 0;
      auto b = static_cast<std::uint8_t>(s_.records[pos_++]);
      v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    Fail("a number is too long");
    return 0;
  }
  std::int64_t Signed() {
    std::uint64_t u = Unsigned();
    return static_cast<std::int64_t>((u >> 1) ^ (~(u & 1) + 1));
  }
  std::uint8_t Byte() {
    if (pos_ >= s_.records.size()) {
      Fail("a record ends early");
      return 0;
    }
    if (pos_ >= verified_to_ && !VerifyHere()) return 0;
    return static_cast<std::uint8_t>(s_.records[pos_++]);
  }
  double Double() {
    if (s_.records.size() - pos_ < 8) {
      Fail("a record ends inside a number");
      return 0;
    }
    if (pos_ + 8 > verified_to_ && !s_.graph->Verified(s_.records.data() + pos_, 8)) {
      Stop();
      return 0;
    }
    std::uint64_t bits = 0;
    for (int i = 0; i < 8; ++i)
      bits |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(s_.records[pos_ + i]))
              << (8 * i);
    pos_ += 8;
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
  }
  // A count of items of at least `min_bytes` each.
  std::size_t Count(std::size_t min_bytes) {
    std::uint64_t n = Unsigned();
    if (n > (s_.records.size() - pos_) / min_bytes) {
      Fail("a count of " + std::to_string(n) + " is larger than the rest of the records");
      return 0;
    }
    return static_cast<std::size_t>(n);
  }
  // A string: its heap offset and length.
  std::string_view String() {
    std::uint64_t offset = Unsigned(), size = Unsigned();
    if (ok() && !InRange(offset, size, s_.heap.size())) {
      Fail("a string lies outside the string heap");
      return {};
    }
    if (ok() && !HeapStringOk(s_.heap, offset, size)) {
      Fail("a string begins or ends inside a UTF-8 character");
      return {};
    }
    if (!ok()) return {};
    std::string_view out = s_.HeapString(offset, size);
    if (!s_.graph->Verified(out.data(), out.size())) {
      Stop();
      return {};
    }
    // The heap is not checked as a whole when the file is opened.
    if (std::size_t bad = 0; !IsValidUtf8(out, &bad)) {
      FailAt(static_cast<std::uint64_t>(out.data() - s_.base) + bad,
             "the string heap is not valid UTF-8");
      return {};
    }
    return out;
  }

 private:
  // The checksum of the block at pos_ (which the graph records when it does not match), and
  // where the next block starts.
  bool VerifyHere() {
    if (!s_.graph->Verified(s_.records.data() + pos_)) {
      Stop();
      return false;
    }
    const std::uint64_t at = s_.records_base + pos_;
    const std::uint64_t block_end = (at / binary::kBlockSize + 1) * binary::kBlockSize;
    verified_to_ = std::min<std::uint64_t>(block_end - s_.records_base, s_.records.size());
    return true;
  }
  // A checksum did not match: the graph has the error; reading stops.
  void Stop() { FailAt(0, "a block does not match its checksum"); }

  const CompactGraph::Sections& s_;
  std::size_t pos_;
  std::size_t verified_to_ = 0;  // records before this position are verified
  std::string error_;
  std::size_t error_offset_ = 0;
};

template <typename F>
void ForEachAlias(RecordReader& r, F&& f) {
  std::size_t n = r.Count(2);
  for (std::size_t i = 0; i < n && r.ok(); ++i) {
    std::string_view a = r.String();
    if (r.ok()) f(a);
  }
}

// Calls want(name) for each property; when it returns a non-null PropertyValue*, the value is
// decoded into it (the others are only checked).
template <typename Want>
void ForEachProperty(RecordReader& r, Want&& want) {
  std::size_t n = r.Count(3);
  for (std::size_t i = 0; i < n && r.ok(); ++i) {
    std::string_view name = r.String();
    const std::uint8_t tag = r.Byte();
    if (!r.ok()) return;
    PropertyValue* dest = want(name);
    switch (static_cast<ValueTag>(tag)) {
      case ValueTag::kString: {
        std::string_view s = r.String();
        if (dest && r.ok()) *dest = std::string(s);
        break;
      }
      case ValueTag::kInt: {
        std::int64_t v = r.Signed();
        if (dest) *dest = v;
        break;
      }
      case ValueTag::kDouble: {
        double d = r.Double();
        if (dest) *dest = d;
        break;
      }
      case ValueTag::kBool: {
        std::uint8_t b = r.Byte();
        if (dest) *dest = b != 0;
        break;
      }
      case ValueTag::kList: {
        std::size_t count = r.Count(2);
        std::vector<std::string> list;
        if (dest) list.reserve(count);
        for (std::size_t k = 0; k < count && r.ok(); ++k) {
          std::string_view s = r.String();
          if (dest) list.emplace_back(s);
        }
        if (dest) *dest = std::move(list);
        break;
      }
      default:
        r.Fail("unknown property type " + std::to_string(tag));
        return;
    }
  }
}

template <typename F>
void ForEachEvidence(RecordReader& r, std::size_t num_documents, F&& f) {
  std::size_t n = r.Count(3);
  for (std::size_t i = 0; i < n && r.ok(); ++i) {
    const std::uint64_t d = r.Unsigned();
    const std::int64_t line = r.Signed();
    std::string_view text = r.String();
    if (!r.ok()) return;
    if (d >= num_documents) {
      r.Fail("evidence names document " + std::to_string(d) + " of " +
             std::to_string(num_documents));
      return;
    }
    if (line < std::numeric_limits<int>::min() || line > std::numeric_limits<int>::max()) {
      r.Fail("a line number is out of range");
      return;
    }
    f(static_cast<std::size_t>(d), static_cast<int>(line), text);
  }
}

// Skips a node record's aliases, leaving `r` at its properties.
RecordReader AtNodeProperties(const CompactGraph::Sections& s, std::uint32_t v) {
  RecordReader r(s, s.nodes[v].record_offset, &s.nodes[v], sizeof(binary::NodeEntry));
  ForEachAlias(r, [](std::string_view) {});
  return r;
}

std::optional<PropertyValue> FindProperty(RecordReader& r, std::string_view name) {
  std::optional<PropertyValue> out;
  ForEachProperty(r, [&](std::string_view n) -> PropertyValue* {
    if (out || n != name) return nullptr;
    out.emplace();
    return &*out;
  });
  return out;
}

Properties AllProperties(RecordReader& r) {
  Properties out;
  ForEachProperty(r, [&](std::string_view n) { return &out[std::string(n)]; });
  return out;
}

// The name of document d (< num_documents); fails `r` when its table entry is corrupt.
std::string_view DocumentName(const CompactGraph::Sections& s, std::size_t d, RecordReader& r) {
  const binary::StrRef& ref = s.documents[d];
  const auto at = static_cast<std::uint64_t>(reinterpret_cast<const char*>(&ref) - s.base);
  if (!s.graph->Verified(&ref, sizeof ref)) {
    r.FailAt(at, "a block does not match its checksum");
    return {};
  }
  if (!InRange(ref.offset, ref.size, s.heap.size())) {
    r.FailAt(at, "a document name lies outside the string heap");
    return {};
  }
  std::string_view name = s.HeapString(ref.offset, ref.size);
  if (!s.graph->Verified(name.data(), name.size())) {
    r.FailAt(at, "a block does not match its checksum");
    return {};
  }
  if (!HeapStringOk(s.heap, ref.offset, ref.size) || !IsValidUtf8(name)) {
    r.FailAt(at, "a document name begins or ends inside a UTF-8 character");
    return {};
  }
  return name;
}

std::vector<Evidence> AllEvidence(const CompactGraph::Sections& s, RecordReader& r) {
  std::vector<Evidence> out;
  ForEachEvidence(r, s.num_documents, [&](std::size_t d, int line, std::string_view text) {
    std::string_view doc = DocumentName(s, d, r);
    if (r.ok()) out.push_back({std::string(doc), line, std::string(text)});
  });
  return out;
}

void SkipProperties(RecordReader& r) {
  ForEachProperty(r, [](std::string_view) -> PropertyValue* { return nullptr; });
}

}  // namespace

CompactGraph::~CompactGraph() = default;

Result<std::shared_ptr<const CompactGraph>> CompactGraph::FromStorage(
    std::unique_ptr<Storage> storage, const std::string& origin) {
  // The sections are read in place as arrays of 8-byte fields. Mapped files and heap-allocated
  // strings are aligned; bytes that are not (a view into the middle of a buffer) are copied.
  if (reinterpret_cast<std::uintptr_t>(storage->bytes.data()) % 8 != 0) {
    storage->owned = std::string(storage->bytes);
    storage->mapped.reset();
    storage->bytes = storage->owned;
  }
  std::shared_ptr<CompactGraph> g(new CompactGraph());
  g->storage_ = std::move(storage);
  g->origin_ = origin;
  if (Status s = g->CheckHeader(); !s.ok()) return s;
  return std::shared_ptr<const CompactGraph>(std::move(g));
}

Result<std::shared_ptr<const CompactGraph>> CompactGraph::Open(std::string bytes,
                                                               const std::string& origin) {
  auto storage = std::make_unique<Storage>();
  storage->owned = std::move(bytes);
  storage->bytes = storage->owned;
  return FromStorage(std::move(storage), origin);
}

Result<std::shared_ptr<const CompactGraph>> CompactGraph::OpenUnowned(std::string_view bytes,
                                                                      const std::string& origin) {
  auto storage = std::make_unique<Storage>();
  storage->bytes = bytes;
  return FromStorage(std::move(storage), origin);
}

Result<std::shared_ptr<const CompactGraph>> CompactGraph::OpenFile(const std::string& path) {
  std::optional<MappedFile> mapped = MappedFile::Open(path, /*populate=*/false);
  if (!mapped) {
    auto read = ReadFile(path);
    if (!read.ok()) return read.status();
    return Open(std::move(*read), path);
  }
  auto storage = std::make_unique<Storage>();
  storage->bytes = mapped->bytes();
  storage->mapped = std::move(mapped);
  return FromStorage(std::move(storage), path);
}

std::shared_ptr<const CompactGraph> CompactGraph::FromKnowledgeGraph(const KnowledgeGraph& graph) {
  auto g = Open(SerializeBinaryGraph(graph), "(graph)");
  assert(g.ok());
  return std::move(*g);
}

Status CompactGraph::CheckHeader() {
  const std::string_view bytes = storage_->bytes;
  auto fail = [&](std::uint64_t at, const std::string& what) {
    return Status::ParseError(origin_ + ": corrupt binary graph file at byte " +
                              std::to_string(at) + ": " + what);
  };
  if (bytes.substr(0, binary::kMagicPrefix.size()) != binary::kMagicPrefix)
    return fail(0, "no binary graph file magic");
  if (bytes.size() < 8) return fail(bytes.size(), "the file ends early (truncated?)");
  if (bytes.substr(0, 8) != binary::kMagic) {
    return Status::ParseError(origin_ + ": a binary graph file of format " +
                              std::to_string(static_cast<unsigned char>(bytes[7])) +
                              ", which this cnkg does not read (it reads format " +
                              std::to_string(static_cast<unsigned char>(binary::kMagic[7])) +
                              "); build the graph again with this cnkg");
  }
  if (bytes.size() < sizeof(binary::Header))
    return fail(bytes.size(), "the file ends early (truncated?)");
  binary::Header h;
  std::memcpy(&h, bytes.data(), sizeof h);
  if (h.file_size > bytes.size()) return fail(bytes.size(), "the file ends early (truncated?)");
  if (h.file_size < bytes.size()) return fail(h.file_size, "bytes after the end of the graph");
  const std::uint64_t n = h.num_nodes, m = h.num_rels;
  if (n >= binary::kMaxElements || m >= binary::kMaxElements || h.num_documents > bytes.size() ||
      h.num_folded > bytes.size())
    return fail(8, "a count in the header is out of range");
  const std::uint64_t labels = std::size(kAllLabels);
  const std::uint64_t expected[binary::kNumSections] = {n,
                                                        n * sizeof(binary::NodeEntry),
                                                        m,
                                                        m * sizeof(binary::RelEntry),
                                                        (n + 1) * 4,
                                                        m * sizeof(Adjacent),
                                                        (n + 1) * 4,
                                                        m * sizeof(Adjacent),
                                                        (labels + 1) * 4,
                                                        n * 4,
                                                        n * 4,
                                                        n * 4,
                                                        h.num_folded * sizeof(binary::FoldEntry),
                                                        h.num_documents * sizeof(binary::StrRef),
                                                        m * 4,
                                                        0,
                                                        0,
                                                        0};
  for (std::uint32_t i = 0; i < binary::kNumSections; ++i) {
    const binary::SectionRef& sec = h.sections[i];
    const std::uint64_t at = offsetof(binary::Header, sections) + i * sizeof(binary::SectionRef);
    if (sec.offset % 8 != 0 || sec.offset < sizeof(binary::Header) ||
        !InRange(sec.offset, sec.size, bytes.size()))
      return fail(at, "section " + std::to_string(i) + " lies outside the file");
    if (i < binary::kSchema && sec.size != expected[i])
      return fail(at, "section " + std::to_string(i) + " has the wrong size");
  }
  // The checksums come last and cover every block before them; the header's own block is
  // checked now, everything else when first read.
  const binary::SectionRef& sums = h.sections[binary::kChecksums];
  if (sums.offset + sums.size != bytes.size() ||
      sums.size != (sums.offset + binary::kBlockSize - 1) / binary::kBlockSize * 8)
    return fail(
        offsetof(binary::Header, sections) + binary::kChecksums * sizeof(binary::SectionRef),
        "the checksums do not cover the file");
  base_ = bytes.data();
  checksums_at_ = sums.offset;
  checked_ = std::make_unique<Checked>();
  checked_->blocks = Checked::Bits(sums.size / 8);
  block_bits_ = checked_->blocks.get();
  if (!Verified(bytes.data(), sizeof(binary::Header))) return status();
  auto at = [&](binary::Section i) { return bytes.data() + h.sections[i].offset; };
  auto offset_of = [&](const void* p) {
    return static_cast<std::uint64_t>(static_cast<const char*>(p) - bytes.data());
  };
  num_nodes_ = n;
  num_rels_ = m;
  s_ = std::make_unique<Sections>();
  Sections& s = *s_;
  labels_ = reinterpret_cast<const std::uint8_t*>(at(binary::kLabels));
  types_ = reinterpret_cast<const std::uint8_t*>(at(binary::kTypes));
  s.nodes = reinterpret_cast<const binary::NodeEntry*>(at(binary::kNodes));
  s.rels = reinterpret_cast<const binary::RelEntry*>(at(binary::kRels));
  s.out_offsets = reinterpret_cast<const std::uint32_t*>(at(binary::kOutOffsets));
  s.out_adj = reinterpret_cast<const Adjacent*>(at(binary::kOutAdjacent));
  s.in_offsets = reinterpret_cast<const std::uint32_t*>(at(binary::kInOffsets));
  s.in_adj = reinterpret_cast<const Adjacent*>(at(binary::kInAdjacent));
  s.label_offsets = reinterpret_cast<const std::uint32_t*>(at(binary::kLabelOffsets));
  s.label_nodes = reinterpret_cast<const std::uint32_t*>(at(binary::kLabelNodes));
  s.key_order = reinterpret_cast<const std::uint32_t*>(at(binary::kKeyOrder));
  s.name_order = reinterpret_cast<const std::uint32_t*>(at(binary::kNameOrder));
  s.folded = reinterpret_cast<const binary::FoldEntry*>(at(binary::kFolded));
  s.num_folded = h.num_folded;
  s.documents = reinterpret_cast<const binary::StrRef*>(at(binary::kDocuments));
  s.num_documents = h.num_documents;
  s.edge_order = reinterpret_cast<const std::uint32_t*>(at(binary::kEdgeOrder));
  s.records = bytes.substr(h.sections[binary::kRecords].offset, h.sections[binary::kRecords].size);
  s.records_base = h.sections[binary::kRecords].offset;
  s.heap = bytes.substr(h.sections[binary::kHeap].offset, h.sections[binary::kHeap].size);
  s.base = bytes.data();
  s.graph = this;
  // The property names in use.
  {
    std::string_view schema =
        bytes.substr(h.sections[binary::kSchema].offset, h.sections[binary::kSchema].size);
    if (!Verified(schema.data(), schema.size())) return status();
    std::size_t pos = 0;
    auto varint = [&](std::uint64_t* out) {
      *out = 0;
      for (int shift = 0; shift < 64 && pos < schema.size(); shift += 7) {
        auto b = static_cast<std::uint8_t>(schema[pos++]);
        *out |= static_cast<std::uint64_t>(b & 0x7f) << shift;
        if (!(b & 0x80)) return true;
      }
      return false;
    };
    auto read_names = [&](std::vector<std::string>& names) {
      std::uint64_t count = 0;
      if (!varint(&count) || count > schema.size() - pos) return false;
      for (std::uint64_t i = 0; i < count; ++i) {
        std::uint64_t len = 0;
        if (!varint(&len) || len > schema.size() - pos) return false;
        if (!IsValidUtf8(schema.substr(pos, len))) return false;
        names.emplace_back(schema.substr(pos, len));
        pos += len;
      }
      return true;
    };
    s.node_property_names.resize(labels);
    s.rel_property_names.resize(std::size(kAllRelTypes));
    for (auto& names : s.node_property_names)
      if (!read_names(names))
        return fail(h.sections[binary::kSchema].offset + pos, "the property names are corrupt");
    for (auto& names : s.rel_property_names)
      if (!read_names(names))
        return fail(h.sections[binary::kSchema].offset + pos, "the property names are corrupt");
  }
  // The ends of the adjacency and label runs, so that each run can be checked on its own.
  for (const void* p :
       {static_cast<const void*>(s.out_offsets), static_cast<const void*>(s.out_offsets + n),
        static_cast<const void*>(s.in_offsets), static_cast<const void*>(s.in_offsets + n),
        static_cast<const void*>(s.label_offsets),
        static_cast<const void*>(s.label_offsets + labels)})
    if (!Verified(p, 4)) return status();
  for (const std::uint32_t* offsets : {s.out_offsets, s.in_offsets}) {
    if (offsets[0] != 0 || offsets[n] != m)
      return fail(offset_of(offsets[0] != 0 ? offsets : offsets + n),
                  "the adjacency offsets do not cover the relationships");
  }
  if (s.label_offsets[0] != 0 || s.label_offsets[labels] != n)
    return fail(offset_of(s.label_offsets[0] != 0 ? s.label_offsets : s.label_offsets + labels),
                "the label offsets do not cover the nodes");
  checked_->nodes = Checked::Bits(n);
  checked_->runs[0] = Checked::Bits(n);
  checked_->runs[1] = Checked::Bits(n);
  return Status::Ok();
}

Status CompactGraph::Validate() const {
  const std::string_view bytes = storage_->bytes;
  auto fail = [&](std::uint64_t at, const std::string& what) {
    return Status::ParseError(origin_ + ": corrupt binary graph file at byte " +
                              std::to_string(at) + ": " + what);
  };
  auto offset_of = [&](const void* p) {
    return static_cast<std::uint64_t>(static_cast<const char*>(p) - bytes.data());
  };
  binary::Header h;
  std::memcpy(&h, bytes.data(), sizeof h);
  const std::uint64_t n = num_nodes_, m = num_rels_;
  const std::uint64_t labels = kLabelCount;
  const Sections& s = *s_;
  // Every block against its checksum first: what follows finds what a file written to be
  // wrong (with checksums to match) gets wrong.
  if (!VerifyBlocks(0, checksums_at_ == 0 ? 0 : (checksums_at_ - 1) / binary::kBlockSize))
    return status();
  // Every string is whole characters of a valid UTF-8 heap, so no writer (JSON, XML, CSV, a
  // terminal) is handed bytes that are not text.
  if (std::size_t bad = 0; !IsValidUtf8(s.heap, &bad))
    return fail(h.sections[binary::kHeap].offset + bad, "the string heap is not valid UTF-8");

  // Node and relationship entries first: the checks below rely on them.
  for (std::uint64_t v = 0; v < n; ++v) {
    if (labels_[v] >= labels)
      return fail(offset_of(labels_ + v), "node " + std::to_string(v) + " has an unknown label");
    const binary::NodeEntry& e = s.nodes[v];
    if (!InRange(e.key_offset, e.key_size, s.heap.size()) ||
        !InRange(e.name_offset, e.name_size, s.heap.size()) || e.key_size == 0)
      return fail(offset_of(&e),
                  "node " + std::to_string(v) + " has a key or name outside the string heap");
    if (!HeapStringOk(s.heap, e.key_offset, e.key_size) ||
        !HeapStringOk(s.heap, e.name_offset, e.name_size))
      return fail(offset_of(&e), "node " + std::to_string(v) +
                                     " has a key or name that begins or ends inside a UTF-8 "
                                     "character");
  }
  for (std::uint64_t e = 0; e < m; ++e) {
    if (types_[e] >= std::size(kAllRelTypes))
      return fail(offset_of(types_ + e),
                  "relationship " + std::to_string(e) + " has an unknown type");
    const binary::RelEntry& rel = s.rels[e];
    if (rel.source >= n || rel.target >= n)
      return fail(offset_of(&rel),
                  "relationship " + std::to_string(e) + " joins a node that does not exist");
  }
  // The records, and the indexes: independent, so checked side by side on large files.
  auto check_records = [&]() -> Status {
    for (std::uint64_t v = 0; v < n; ++v) {
      RecordReader r(s, s.nodes[v].record_offset, &s.nodes[v], sizeof(binary::NodeEntry));
      ForEachAlias(r, [](std::string_view) {});
      SkipProperties(r);
      ForEachEvidence(r, s.num_documents, [](std::size_t, int, std::string_view) {});
      if (!r.ok()) return fail(r.error_offset(), "node " + std::to_string(v) + ": " + r.error());
    }
    for (std::uint64_t e = 0; e < m; ++e) {
      RecordReader r(s, s.rels[e].record_offset, &s.rels[e], sizeof(binary::RelEntry));
      SkipProperties(r);
      ForEachEvidence(r, s.num_documents, [](std::size_t, int, std::string_view) {});
      if (!r.ok())
        return fail(r.error_offset(), "relationship " + std::to_string(e) + ": " + r.error());
    }
    return Status::Ok();
  };
  auto check_indexes = [&]() -> Status {
    // Adjacency: each run lists exactly the relationships of its node.
    for (int dir = 0; dir < 2; ++dir) {
      const std::uint32_t* offsets = dir == 0 ? s.out_offsets : s.in_offsets;
      const Adjacent* adj = dir == 0 ? s.out_adj : s.in_adj;
      if (offsets[0] != 0 || offsets[n] != m)
        return fail(offset_of(offsets), "the adjacency offsets do not cover the relationships");
      for (std::uint64_t v = 0; v < n; ++v) {
        if (offsets[v + 1] < offsets[v])
          return fail(offset_of(offsets + v + 1), "the adjacency offsets go backwards");
        for (std::uint32_t i = offsets[v]; i < offsets[v + 1]; ++i) {
          const Adjacent& a = adj[i];
          const bool good =
              a.rel < m &&
              (dir == 0 ? s.rels[a.rel].source == v && s.rels[a.rel].target == a.other
                        : s.rels[a.rel].target == v && s.rels[a.rel].source == a.other) &&
              a.type == types_[a.rel] && a.other_label == labels_[a.other];
          if (!good)
            return fail(offset_of(&a), "an adjacency entry does not match its relationship");
        }
      }
    }
    // Nodes per label.
    if (s.label_offsets[0] != 0 || s.label_offsets[labels] != n)
      return fail(offset_of(s.label_offsets), "the label offsets do not cover the nodes");
    for (std::uint64_t l = 0; l < labels; ++l) {
      if (s.label_offsets[l + 1] < s.label_offsets[l])
        return fail(offset_of(s.label_offsets + l + 1), "the label offsets go backwards");
      for (std::uint32_t i = s.label_offsets[l]; i < s.label_offsets[l + 1]; ++i) {
        const std::uint32_t v = s.label_nodes[i];
        if (v >= n || labels_[v] != l || (i > s.label_offsets[l] && v <= s.label_nodes[i - 1]))
          return fail(offset_of(s.label_nodes + i), "the nodes of a label are out of order");
      }
    }
    // Key and name order (strictly increasing, so every node appears once).
    for (std::uint64_t i = 0; i < n; ++i) {
      if (s.key_order[i] >= n || (i > 0 && key(s.key_order[i - 1]) >= key(s.key_order[i])))
        return fail(offset_of(s.key_order + i), "the keys are out of order or repeat");
      if (s.name_order[i] >= n)
        return fail(offset_of(s.name_order + i), "the names are out of order");
      if (i > 0) {
        const std::uint32_t a = s.name_order[i - 1], b = s.name_order[i];
        if (std::tuple(name(a), a) >= std::tuple(name(b), b))
          return fail(offset_of(s.name_order + i), "the names are out of order");
      }
    }
    for (std::uint64_t i = 0; i < s.num_folded; ++i) {
      const binary::FoldEntry& f = s.folded[i];
      if (f.node >= n || !InRange(f.offset, f.size, s.heap.size()))
        return fail(offset_of(&f), "a folded name lies outside the file");
      if (!HeapStringOk(s.heap, f.offset, f.size))
        return fail(offset_of(&f), "a folded name begins or ends inside a UTF-8 character");
      if (i > 0) {
        const binary::FoldEntry& p = s.folded[i - 1];
        if (std::tuple(s.HeapString(p.offset, p.size), p.node) >=
            std::tuple(s.HeapString(f.offset, f.size), f.node))
          return fail(offset_of(&f), "the folded names are out of order");
      }
    }
    for (std::uint64_t d = 0; d < s.num_documents; ++d) {
      if (!InRange(s.documents[d].offset, s.documents[d].size, s.heap.size()))
        return fail(offset_of(s.documents + d), "a document name lies outside the string heap");
      if (!HeapStringOk(s.heap, s.documents[d].offset, s.documents[d].size))
        return fail(offset_of(s.documents + d),
                    "a document name begins or ends inside a UTF-8 character");
    }
    return Status::Ok();
  };
  auto serial = [&] {
    if (Status st = check_records(); !st.ok()) return st;
    return check_indexes();
  };
  constexpr std::size_t kParallelBytes = 4u << 20;  // below this a thread costs more than it saves
  if (bytes.size() < kParallelBytes) return serial();
  Status records_status;
  std::thread records;
  try {
    records = std::thread([&] { records_status = check_records(); });
  } catch (const std::system_error&) {
    return serial();  // no thread to be had: check on this one
  }
  Status indexes_status = check_indexes();
  records.join();
  // The same error as a serial check would report first.
  if (!records_status.ok()) return records_status;
  return indexes_status;
}

Status CompactGraph::status() const {
  if (!checked_->corrupt.load(std::memory_order_acquire)) return Status::Ok();
  std::lock_guard<std::mutex> lock(checked_->mu);
  return checked_->first;
}

void CompactGraph::Corrupt(std::uint64_t at, const std::string& what) const {
  std::lock_guard<std::mutex> lock(checked_->mu);
  if (checked_->corrupt.load(std::memory_order_relaxed)) return;
  checked_->first = Status::ParseError(origin_ + ": corrupt binary graph file at byte " +
                                       std::to_string(at) + ": " + what);
  checked_->corrupt.store(true, std::memory_order_release);
}

bool CompactGraph::Verified(const void* p, std::size_t size) const {
  if (size == 0) return true;
  const auto offset = static_cast<std::size_t>(static_cast<const char*>(p) - base_);
  const std::size_t first = offset / binary::kBlockSize;
  const std::size_t last = (offset + size - 1) / binary::kBlockSize;
  for (std::size_t b = first; b <= last; ++b)
    if (!Checked::Test(checked_->blocks, b)) return VerifyBlocks(b, last);
  return true;
}

bool CompactGraph::VerifyBlocks(std::size_t first, std::size_t last) const {
  for (std::size_t b = first; b <= last; ++b) {
    if (Checked::Test(checked_->blocks, b)) continue;
    const std::uint64_t begin = b * binary::kBlockSize;
    if (begin >= checksums_at_) continue;  // the checksums themselves: never read as data
    const std::uint64_t end = std::min(begin + binary::kBlockSize, checksums_at_);
    std::uint64_t expected;
    std::memcpy(&expected, base_ + checksums_at_ + 8 * b, sizeof expected);
#ifndef CNKG_FUZZING_IGNORE_CHECKSUMS
    if (XXH3_64bits(base_ + begin, end - begin) != expected) {
      Corrupt(begin, "the " + std::to_string(end - begin) +
                         " bytes from here do not match their checksum (the file was changed or "
                         "damaged after cnkg wrote it)");
      return false;
    }
#else
    (void)expected;
    (void)end;
#endif
    Checked::Set(checked_->blocks, b);
  }
  return true;
}

namespace {

std::uint64_t OffsetIn(std::string_view bytes, const void* p) {
  return static_cast<std::uint64_t>(static_cast<const char*>(p) - bytes.data());
}

}  // namespace

Label CompactGraph::BadLabel(std::uint32_t v) const {
  Corrupt(OffsetIn(storage_->bytes, labels_ + v),
          "node " + std::to_string(v) + " has an unknown label");
  return kAllLabels[0];
}

RelType CompactGraph::BadType(std::uint32_t e) const {
  Corrupt(OffsetIn(storage_->bytes, types_ + e),
          "relationship " + std::to_string(e) + " has an unknown type");
  return kAllRelTypes[0];
}

bool CompactGraph::NodeOk(std::uint32_t v) const {
  if (Checked::Test(checked_->nodes, v)) return true;
  const Sections& s = *s_;
  const binary::NodeEntry& e = s.nodes[v];
  const std::uint64_t at = OffsetIn(storage_->bytes, &e);
  if (!Verified(labels_ + v) || !Verified(&e, sizeof e)) return false;
  if (labels_[v] >= kLabelCount) {
    BadLabel(v);
    return false;
  }
  if (!InRange(e.key_offset, e.key_size, s.heap.size()) ||
      !InRange(e.name_offset, e.name_size, s.heap.size()) || e.key_size == 0) {
    Corrupt(at, "node " + std::to_string(v) + " has a key or name outside the string heap");
    return false;
  }
  if (!HeapStringOk(s.heap, e.key_offset, e.key_size) ||
      !HeapStringOk(s.heap, e.name_offset, e.name_size)) {
    Corrupt(at, "node " + std::to_string(v) +
                    " has a key or name that begins or ends inside a UTF-8 character");
    return false;
  }
  for (std::string_view text :
       {s.HeapString(e.key_offset, e.key_size), s.HeapString(e.name_offset, e.name_size)}) {
    if (!Verified(text.data(), text.size())) return false;
    if (std::size_t bad = 0; !IsValidUtf8(text, &bad)) {
      Corrupt(OffsetIn(storage_->bytes, text.data()) + bad, "the string heap is not valid UTF-8");
      return false;
    }
  }
  Checked::Set(checked_->nodes, v);
  return true;
}

bool CompactGraph::RunOk(int dir, std::uint32_t v) const {
  if (Checked::Test(checked_->runs[dir], v)) return true;
  const Sections& s = *s_;
  const std::uint32_t* offsets = dir == 0 ? s.out_offsets : s.in_offsets;
  const Adjacent* adj = dir == 0 ? s.out_adj : s.in_adj;
  if (!Verified(offsets + v, 2 * sizeof *offsets)) return false;
  const std::uint32_t begin = offsets[v], end = offsets[v + 1];
  if (begin > end || end > num_rels_) {
    Corrupt(OffsetIn(storage_->bytes, offsets + v + 1), "the adjacency offsets go backwards");
    return false;
  }
  if (!Verified(adj + begin, (end - begin) * sizeof(Adjacent))) return false;
  // The checksums say the run is as written; a file written wrong on purpose must still not
  // send a reader out of bounds.
  for (std::uint32_t i = begin; i < end; ++i) {
    if (adj[i].rel >= num_rels_ || adj[i].other >= num_nodes_ || adj[i].type >= kRelTypeCount ||
        adj[i].other_label >= kLabelCount) {
      Corrupt(OffsetIn(storage_->bytes, adj + i),
              "an adjacency entry does not match its relationship");
      return false;
    }
  }
  Checked::Set(checked_->runs[dir], v);
  return true;
}

std::string_view CompactGraph::key(std::uint32_t v) const {
  if (!NodeOk(v)) return {};
  const binary::NodeEntry& e = s_->nodes[v];
  return s_->HeapString(e.key_offset, e.key_size);
}

std::string_view CompactGraph::name(std::uint32_t v) const {
  if (!NodeOk(v)) return {};
  const binary::NodeEntry& e = s_->nodes[v];
  return s_->HeapString(e.name_offset, e.name_size);
}

// Each record accessor reads with a RecordReader, which checks every read, and reports what
// it met; the values read before a problem are returned, but status() is then an error.
#define CNKG_REPORT(r, what)                                                              \
  do {                                                                                    \
    if (!(r).ok()) Corrupt((r).error_offset(), (what) + std::string(": ") + (r).error()); \
  } while (0)

std::vector<std::string> CompactGraph::aliases(std::uint32_t v) const {
  std::vector<std::string> out;
  RecordReader r(*s_, s_->nodes[v].record_offset, &s_->nodes[v], sizeof(binary::NodeEntry));
  ForEachAlias(r, [&](std::string_view a) { out.emplace_back(a); });
  CNKG_REPORT(r, "node " + std::to_string(v));
  return out;
}

std::optional<PropertyValue> CompactGraph::node_property(std::uint32_t v,
                                                         std::string_view name) const {
  RecordReader r = AtNodeProperties(*s_, v);
  auto out = FindProperty(r, name);
  CNKG_REPORT(r, "node " + std::to_string(v));
  return r.ok() ? out : std::nullopt;
}

Properties CompactGraph::node_properties(std::uint32_t v) const {
  RecordReader r = AtNodeProperties(*s_, v);
  Properties out = AllProperties(r);
  CNKG_REPORT(r, "node " + std::to_string(v));
  return out;
}

std::vector<Evidence> CompactGraph::node_evidence(std::uint32_t v) const {
  RecordReader r = AtNodeProperties(*s_, v);
  SkipProperties(r);
  auto out = AllEvidence(*s_, r);
  CNKG_REPORT(r, "node " + std::to_string(v));
  return out;
}

std::size_t CompactGraph::node_evidence_count(std::uint32_t v) const {
  RecordReader r = AtNodeProperties(*s_, v);
  SkipProperties(r);
  std::size_t n = r.Count(3);
  CNKG_REPORT(r, "node " + std::to_string(v));
  return n;
}

Node CompactGraph::node(std::uint32_t v) const {
  Node out;
  out.key = std::string(key(v));
  out.label = label(v);
  out.name = std::string(name(v));
  RecordReader r(*s_, s_->nodes[v].record_offset, &s_->nodes[v], sizeof(binary::NodeEntry));
  ForEachAlias(r, [&](std::string_view a) { out.aliases.emplace_back(a); });
  out.properties = AllProperties(r);
  out.evidence = AllEvidence(*s_, r);
  CNKG_REPORT(r, "node " + std::to_string(v));
  return out;
}

std::uint32_t CompactGraph::Endpoint(std::uint32_t e, bool source) const {
  const binary::RelEntry& rel = s_->rels[e];
  if (!Verified(&rel, sizeof rel)) return 0;
  const std::uint32_t v = source ? rel.source : rel.target;
  if (v < num_nodes_) [[likely]]
    return v;
  Corrupt(OffsetIn(storage_->bytes, &rel),
          "relationship " + std::to_string(e) + " joins a node that does not exist");
  return 0;  // there are nodes: CheckHeader saw the adjacency offsets cover the relationships
}

std::uint32_t CompactGraph::source(std::uint32_t e) const { return Endpoint(e, true); }
std::uint32_t CompactGraph::target(std::uint32_t e) const { return Endpoint(e, false); }

std::optional<PropertyValue> CompactGraph::rel_property(std::uint32_t e,
                                                        std::string_view name) const {
  RecordReader r(*s_, s_->rels[e].record_offset, &s_->rels[e], sizeof(binary::RelEntry));
  auto out = FindProperty(r, name);
  CNKG_REPORT(r, "relationship " + std::to_string(e));
  return r.ok() ? out : std::nullopt;
}

Properties CompactGraph::rel_properties(std::uint32_t e) const {
  RecordReader r(*s_, s_->rels[e].record_offset, &s_->rels[e], sizeof(binary::RelEntry));
  Properties out = AllProperties(r);
  CNKG_REPORT(r, "relationship " + std::to_string(e));
  return out;
}

std::vector<Evidence> CompactGraph::rel_evidence(std::uint32_t e) const {
  RecordReader r(*s_, s_->rels[e].record_offset, &s_->rels[e], sizeof(binary::RelEntry));
  SkipProperties(r);
  auto out = AllEvidence(*s_, r);
  CNKG_REPORT(r, "relationship " + std::to_string(e));
  return out;
}

std::size_t CompactGraph::rel_evidence_count(std::uint32_t e) const {
  RecordReader r(*s_, s_->rels[e].record_offset, &s_->rels[e], sizeof(binary::RelEntry));
  SkipProperties(r);
  std::size_t n = r.Count(3);
  CNKG_REPORT(r, "relationship " + std::to_string(e));
  return n;
}

Edge CompactGraph::edge(std::uint32_t e) const {
  Edge out;
  out.type = type(e);
  RecordReader r(*s_, s_->rels[e].record_offset, &s_->rels[e], sizeof(binary::RelEntry));
  out.properties = AllProperties(r);
  out.evidence = AllEvidence(*s_, r);
  CNKG_REPORT(r, "relationship " + std::to_string(e));
  return out;
}

#undef CNKG_REPORT

void CompactGraph::Prefetch(std::uint32_t v) const {
  __builtin_prefetch(labels_ + v);
  __builtin_prefetch(s_->out_offsets + v);
  __builtin_prefetch(s_->in_offsets + v);
}

void CompactGraph::PrefetchRuns(std::uint32_t v) const {
  // Offsets not yet checked may point anywhere: a prefetch never faults, and only in-range
  // addresses are formed.
  const std::uint32_t out = s_->out_offsets[v], in = s_->in_offsets[v];
  if (out < num_rels_) __builtin_prefetch(s_->out_adj + out);
  if (in < num_rels_) __builtin_prefetch(s_->in_adj + in);
}

std::span<const CompactGraph::Adjacent> CompactGraph::out(std::uint32_t v) const {
  if (!RunOk(0, v)) return {};
  return {s_->out_adj + s_->out_offsets[v], s_->out_adj + s_->out_offsets[v + 1]};
}

std::span<const CompactGraph::Adjacent> CompactGraph::in(std::uint32_t v) const {
  if (!RunOk(1, v)) return {};
  return {s_->in_adj + s_->in_offsets[v], s_->in_adj + s_->in_offsets[v + 1]};
}

std::span<const std::uint32_t> CompactGraph::nodes_with_label(Label label) const {
  const auto l = static_cast<std::size_t>(label);
  if (l >= kLabelCount) return {};
  const Sections& s = *s_;
  if (!Verified(s.label_offsets + l, 2 * sizeof(std::uint32_t))) return {};
  const std::uint32_t begin = s.label_offsets[l], end = s.label_offsets[l + 1];
  if (!(checked_->labels.load(std::memory_order_relaxed) & (1u << l))) {
    if (begin > end || end > num_nodes_) {
      Corrupt(OffsetIn(storage_->bytes, s.label_offsets + l + 1), "the label offsets go backwards");
      return {};
    }
    // Ascending nodes of this label, with nodes of the labels before and after either side.
    const std::uint32_t from = begin > 0 ? begin - 1 : begin;
    const std::uint32_t to = end < num_nodes_ ? end + 1 : end;
    if (!Verified(s.label_nodes + from, (to - from) * sizeof(std::uint32_t))) return {};
    for (std::uint32_t i = from; i < to; ++i)
      if (s.label_nodes[i] < num_nodes_ && !Verified(labels_ + s.label_nodes[i])) return {};
    auto label_at = [&](std::uint32_t i) -> std::uint64_t {
      return s.label_nodes[i] < num_nodes_ ? labels_[s.label_nodes[i]] : kLabelCount;
    };
    for (std::uint32_t i = begin; i < end; ++i) {
      if (label_at(i) != l || (i > begin && s.label_nodes[i] <= s.label_nodes[i - 1])) {
        Corrupt(OffsetIn(storage_->bytes, s.label_nodes + i),
                "the nodes of a label are out of order");
        return {};
      }
    }
    if ((begin > 0 && label_at(begin - 1) >= l) ||
        (end < num_nodes_ && (label_at(end) <= l || label_at(end) >= kLabelCount))) {
      Corrupt(OffsetIn(storage_->bytes,
                       s.label_nodes + (begin > 0 && label_at(begin - 1) >= l ? begin - 1 : end)),
              "the nodes of a label are out of order");
      return {};
    }
    checked_->labels.fetch_or(1u << l, std::memory_order_relaxed);
  }
  return {s.label_nodes + begin, s.label_nodes + end};
}

// Binary search over an index that is checked where it is probed: each probed entry must name a
// sound node and sort strictly between its neighbours, so a corrupt entry on the search's way is
// reported rather than followed.
namespace {

template <typename EntryOk, typename Less>
std::optional<std::size_t> CheckedLowerBound(std::size_t count, EntryOk&& entry_ok, Less&& less) {
  std::size_t lo = 0, hi = count;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (!entry_ok(mid)) return std::nullopt;
    if (less(mid)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo < count && !entry_ok(lo)) return std::nullopt;
  return lo;
}

}  // namespace

bool CompactGraph::OrderEntryOk(const std::uint32_t* order, std::size_t i,
                                bool (*before)(const CompactGraph&, std::uint32_t, std::uint32_t),
                                const char* what) const {
  const std::size_t from = i > 0 ? i - 1 : i, to = std::min(i + 2, num_nodes_);
  if (!Verified(order + from, (to - from) * sizeof *order)) return false;
  auto sound = [&](std::size_t j) { return order[j] < num_nodes_ && NodeOk(order[j]); };
  if (sound(i) && (i == 0 || (sound(i - 1) && before(*this, order[i - 1], order[i]))) &&
      (i + 1 == num_nodes_ || (sound(i + 1) && before(*this, order[i], order[i + 1]))))
    return true;
  Corrupt(OffsetIn(storage_->bytes, order + i), what);
  return false;
}

bool CompactGraph::KeyOrderOk(std::size_t i) const {
  return OrderEntryOk(
      s_->key_order, i,
      [](const CompactGraph& g, std::uint32_t a, std::uint32_t b) { return g.key(a) < g.key(b); },
      "the keys are out of order or repeat");
}

bool CompactGraph::NameOrderOk(std::size_t i) const {
  return OrderEntryOk(
      s_->name_order, i,
      [](const CompactGraph& g, std::uint32_t a, std::uint32_t b) {
        return std::tuple(g.name(a), a) < std::tuple(g.name(b), b);
      },
      "the names are out of order");
}

bool CompactGraph::FoldOk(std::size_t i) const {
  const Sections& s = *s_;
  const std::size_t from = i > 0 ? i - 1 : i, to = std::min(i + 2, s.num_folded);
  if (!Verified(s.folded + from, (to - from) * sizeof(binary::FoldEntry))) return false;
  for (std::size_t j = from; j < to; ++j) {
    const binary::FoldEntry& f = s.folded[j];
    if (InRange(f.offset, f.size, s.heap.size()) && !Verified(s.heap.data() + f.offset, f.size))
      return false;
  }
  auto sound = [&](std::size_t j) {
    const binary::FoldEntry& f = s.folded[j];
    return f.node < num_nodes_ && InRange(f.offset, f.size, s.heap.size()) &&
           HeapStringOk(s.heap, f.offset, f.size) && IsValidUtf8(s.HeapString(f.offset, f.size));
  };
  auto before = [&](std::size_t a, std::size_t b) {
    const binary::FoldEntry &x = s.folded[a], &y = s.folded[b];
    return std::tuple(s.HeapString(x.offset, x.size), x.node) <
           std::tuple(s.HeapString(y.offset, y.size), y.node);
  };
  if (!sound(i)) {
    Corrupt(OffsetIn(storage_->bytes, s.folded + i), "a folded name lies outside the file");
    return false;
  }
  if ((i == 0 || (sound(i - 1) && before(i - 1, i))) &&
      (i + 1 == s.num_folded || (sound(i + 1) && before(i, i + 1))))
    return true;
  Corrupt(OffsetIn(storage_->bytes, s.folded + i), "the folded names are out of order");
  return false;
}

std::optional<std::uint32_t> CompactGraph::FindKey(std::string_view k) const {
  const std::uint32_t* order = s_->key_order;
  auto at = CheckedLowerBound(
      num_nodes_, [&](std::size_t i) { return KeyOrderOk(i); },
      [&](std::size_t i) { return key(order[i]) < k; });
  if (!at || *at == num_nodes_ || key(order[*at]) != k) return std::nullopt;
  return order[*at];
}

std::span<const std::uint32_t> CompactGraph::FindName(std::string_view n) const {
  const std::uint32_t* order = s_->name_order;
  auto lo = CheckedLowerBound(
      num_nodes_, [&](std::size_t i) { return NameOrderOk(i); },
      [&](std::size_t i) { return name(order[i]) < n; });
  if (!lo) return {};
  std::size_t hi = *lo;
  while (hi < num_nodes_ && name(order[hi]) == n) {
    if (!NameOrderOk(hi)) return {};
    ++hi;
  }
  return {order + *lo, order + hi};
}

std::vector<std::uint32_t> CompactGraph::FindFoldedName(std::string_view folded) const {
  const Sections& s = *s_;
  auto text = [&](std::size_t i) { return s.HeapString(s.folded[i].offset, s.folded[i].size); };
  auto lo = CheckedLowerBound(
      s.num_folded, [&](std::size_t i) { return FoldOk(i); },
      [&](std::size_t i) { return text(i) < folded; });
  std::vector<std::uint32_t> out;
  if (!lo) return out;
  // Entries of one text are ordered by node; a node has each folded text once.
  for (std::size_t i = *lo; i < s.num_folded && FoldOk(i) && text(i) == folded; ++i)
    out.push_back(s.folded[i].node);
  return out;
}

std::vector<std::string> CompactGraph::node_property_names(Label label) const {
  const auto l = static_cast<std::size_t>(label);
  return l < s_->node_property_names.size() ? s_->node_property_names[l]
                                            : std::vector<std::string>();
}

std::vector<std::string> CompactGraph::rel_property_names(RelType type) const {
  const auto t = static_cast<std::size_t>(type);
  return t < s_->rel_property_names.size() ? s_->rel_property_names[t] : std::vector<std::string>();
}

Result<KnowledgeGraph> CompactGraph::ToKnowledgeGraph() const {
  auto fail = [&](const std::string& what) {
    return Status::ParseError(origin_ + ": corrupt binary graph file " + what);
  };
  if (Status st = Validate(); !st.ok()) return st;
  KnowledgeGraph kg;
  kg.Reserve(num_nodes_, 0);
  for (std::uint32_t v = 0; v < num_nodes_; ++v) {
    // Keys were checked unique when the file was opened.
    kg.AddNewNode(node(v));
  }
  // Edges go in the graph's original order, without the edge index (rebuilt only if the graph
  // is merged into later); repeated (source, target, type) triples are found by sorting.
  std::vector<bool> seen(num_rels_, false);
  struct Triple {
    std::uint32_t source, target;
    RelType type;
    std::uint32_t rel;
  };
  std::vector<Triple> triples;
  triples.reserve(num_rels_);
  for (std::size_t i = 0; i < num_rels_; ++i) {
    const std::uint32_t e = s_->edge_order[i];
    if (e >= num_rels_ || seen[e]) {
      const auto at = reinterpret_cast<const char*>(s_->edge_order + i) - storage_->bytes.data();
      return fail("at byte " + std::to_string(at) +
                  ": the edge order repeats or misses a relationship");
    }
    seen[e] = true;
    triples.push_back({source(e), target(e), type(e), e});
    kg.AppendEdge(source(e), target(e), edge(e));
  }
  std::sort(triples.begin(), triples.end(), [](const Triple& a, const Triple& b) {
    return std::tie(a.source, a.target, a.type, a.rel) <
           std::tie(b.source, b.target, b.type, b.rel);
  });
  auto same = [](const Triple& a, const Triple& b) {
    return a.source == b.source && a.target == b.target && a.type == b.type;
  };
  if (auto d = std::adjacent_find(triples.begin(), triples.end(), same); d != triples.end())
    return fail("relationship " + std::to_string((d + 1)->rel) + " repeats relationship " +
                std::to_string(d->rel));
  return kg;
}

}  // namespace cnkg
