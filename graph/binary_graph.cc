#include "graph/binary_graph.h"

#include <algorithm>
#include <cstdint>
#include <tuple>
#include <cstring>
#include <unordered_map>
#include <utility>
#include <vector>

namespace cnkg {
namespace {

constexpr std::string_view kMagic("CNKGBIN\x01", 8);
constexpr std::string_view kTrailer("END");

enum class ValueTag : std::uint8_t { kString = 0, kInt = 1, kDouble = 2, kBool = 3, kList = 4 };

class Writer {
 public:
  void Raw(std::string_view s) { out_.append(s); }
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
    Unsigned(s.size());
    out_.append(s);
  }
  void Byte(std::uint8_t b) { out_.push_back(static_cast<char>(b)); }
  void Double(double d) {
    std::uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((bits >> (8 * i)) & 0xff));
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads the layout; every read checks the bounds. A failed read sets the error once and makes
// every later read return a zero value, so that callers check ok() at record boundaries.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  std::size_t offset() const { return pos_; }
  void Fail(std::string what) {
    if (error_.empty()) error_ = "at byte " + std::to_string(pos_) + ": " + std::move(what);
    pos_ = bytes_.size();
  }

  bool Expect(std::string_view s, const char* what) {
    if (bytes_.substr(pos_, s.size()) != s) {
      Fail(what);
      return false;
    }
    pos_ += s.size();
    return true;
  }
  std::uint64_t Unsigned() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= bytes_.size()) {
        Fail("the file ends inside a number (truncated?)");
        return 0;
      }
      auto b = static_cast<std::uint8_t>(bytes_[pos_++]);
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
  // A count of items each taking at least `min_bytes`: larger counts than the rest of the file
  // can hold are corrupt (and must not reserve memory).
  std::size_t Count(std::size_t min_bytes = 1) {
    std::uint64_t n = Unsigned();
    if (n > (bytes_.size() - pos_) / min_bytes) {
      Fail("a count of " + std::to_string(n) + " is larger than the rest of the file");
      return 0;
    }
    return static_cast<std::size_t>(n);
  }
  std::string_view View() {
    std::uint64_t n = Unsigned();
    if (n > bytes_.size() - pos_) {
      Fail("a string runs past the end of the file (truncated?)");
      return {};
    }
    std::string_view s = bytes_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  std::string String() { return std::string(View()); }
  std::uint8_t Byte() {
    if (pos_ >= bytes_.size()) {
      Fail("the file ends early (truncated?)");
      return 0;
    }
    return static_cast<std::uint8_t>(bytes_[pos_++]);
  }
  double Double() {
    if (bytes_.size() - pos_ < 8) {
      Fail("the file ends inside a number (truncated?)");
      return 0;
    }
    std::uint64_t bits = 0;
    for (int i = 0; i < 8; ++i)
      bits |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(bytes_[pos_ + i])) << (8 * i);
    pos_ += 8;
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
  }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
  std::string error_;
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

void ReadProperties(Reader& r, Properties& out) {
  std::size_t n = r.Count(2);
  for (std::size_t i = 0; i < n && r.ok(); ++i) {
    std::string name = r.String();
    PropertyValue value;
    switch (static_cast<ValueTag>(r.Byte())) {
      case ValueTag::kString:
        value = r.String();
        break;
      case ValueTag::kInt:
        value = r.Signed();
        break;
      case ValueTag::kDouble:
        value = r.Double();
        break;
      case ValueTag::kBool:
        value = r.Byte() != 0;
        break;
      case ValueTag::kList: {
        std::vector<std::string> list(r.Count());
        for (std::string& s : list) s = r.String();
        value = std::move(list);
        break;
      }
      default:
        r.Fail("unknown property type in property '" + name + "'");
        return;
    }
    out.insert_or_assign(std::move(name), std::move(value));
  }
}

class DocumentTable {
 public:
  std::size_t IndexOf(const std::string& document) {
    auto [it, inserted] = index_.try_emplace(document, documents_.size());
    if (inserted) documents_.push_back(document);
    return it->second;
  }
  const std::vector<std::string>& documents() const { return documents_; }

 private:
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<std::string> documents_;
};

void WriteEvidence(Writer& w, DocumentTable& documents, const std::vector<Evidence>& evidence) {
  w.Unsigned(evidence.size());
  for (const Evidence& e : evidence) {
    w.Unsigned(documents.IndexOf(e.document));
    w.Signed(e.line);
    w.String(e.text);
  }
}

void ReadEvidence(Reader& r, const std::vector<std::string>& documents,
                  std::vector<Evidence>& out) {
  std::size_t n = r.Count(3);
  out.resize(n);
  for (Evidence& e : out) {
    std::uint64_t d = r.Unsigned();
    if (d >= documents.size()) {
      r.Fail("evidence names document " + std::to_string(d) + " of " +
             std::to_string(documents.size()));
      return;
    }
    e.document = documents[d];
    e.line = static_cast<int>(r.Signed());
    e.text = r.String();
  }
}

}  // namespace

bool IsBinaryGraph(std::string_view bytes) { return bytes.substr(0, kMagic.size()) == kMagic; }

std::string SerializeBinaryGraph(const KnowledgeGraph& graph) {
  const auto& g = graph.graph();
  // The document table comes first in the file but is known only after the records: write the
  // records to their own buffer.
  DocumentTable documents;
  Writer body;
  body.Unsigned(graph.num_nodes());
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const Node& n = g[v];
    body.String(n.key);
    body.String(LabelName(n.label));
    body.String(n.name);
    body.Unsigned(n.aliases.size());
    for (const std::string& a : n.aliases) body.String(a);
    WriteProperties(body, n.properties);
    WriteEvidence(body, documents, n.evidence);
  }
  body.Unsigned(graph.num_edges());
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const Edge& ed = g[e];
    body.Unsigned(boost::source(e, g));
    body.Unsigned(boost::target(e, g));
    body.String(RelTypeName(ed.type));
    WriteProperties(body, ed.properties);
    WriteEvidence(body, documents, ed.evidence);
  }
  body.Raw(kTrailer);
  Writer out;
  out.Raw(kMagic);
  out.Unsigned(documents.documents().size());
  for (const std::string& d : documents.documents()) out.String(d);
  std::string head = out.Take();
  head += body.Take();
  return head;
}

Result<KnowledgeGraph> ParseBinaryGraph(std::string_view bytes, const std::string& origin) {
  Reader r(bytes);
  auto fail = [&](const std::string& what) {
    return Status::ParseError(origin + ": corrupt binary graph file " + what);
  };
  if (!r.Expect(kMagic, "no binary graph file magic")) return fail(r.error());
  std::vector<std::string> documents(r.Count());
  for (std::string& d : documents) d = r.String();
  if (!r.ok()) return fail(r.error());

  KnowledgeGraph kg;
  const std::size_t num_nodes = r.Count(4);
  kg.Reserve(num_nodes, 0);
  for (std::size_t i = 0; i < num_nodes && r.ok(); ++i) {
    const std::size_t start = r.offset();
    Node n;
    n.key = r.String();
    const std::string_view label_name = r.View();
    auto label = ParseLabel(label_name);
    if (r.ok() && !label)
      r.Fail("node " + std::to_string(i) + " has unknown label '" + std::string(label_name) + "'");
    n.label = label.value_or(Label::kProject);
    n.name = r.String();
    n.aliases.resize(r.Count());
    for (std::string& a : n.aliases) a = r.String();
    ReadProperties(r, n.properties);
    ReadEvidence(r, documents, n.evidence);
    if (!r.ok()) break;
    if (n.key.empty()) return fail("at byte " + std::to_string(start) + ": a node has no key");
    const std::string key = n.key;
    if (!kg.AddNewNode(std::move(n)))
      return fail("at byte " + std::to_string(start) + ": node '" + key + "' repeats a key");
  }
  // Edges are appended without the edge index (rebuilt only if the graph is merged into later);
  // repeated (source, target, type) triples are found by sorting them afterwards.
  const std::size_t num_edges = r.Count(4);
  struct Triple {
    std::uint64_t source, target;
    RelType type;
    std::size_t index;
  };
  std::vector<Triple> triples;
  triples.reserve(num_edges);
  for (std::size_t i = 0; i < num_edges && r.ok(); ++i) {
    const std::uint64_t s = r.Unsigned(), t = r.Unsigned();
    const std::string_view type_name = r.View();
    auto type = ParseRelType(type_name);
    if (r.ok() && !type)
      r.Fail("edge " + std::to_string(i) + " has unknown type '" + std::string(type_name) + "'");
    if (r.ok() && (s >= kg.num_nodes() || t >= kg.num_nodes()))
      r.Fail("edge " + std::to_string(i) + " joins a node that does not exist");
    Edge e;
    e.type = type.value_or(RelType::kMentions);
    ReadProperties(r, e.properties);
    ReadEvidence(r, documents, e.evidence);
    if (!r.ok()) break;
    triples.push_back({s, t, e.type, i});
    kg.AppendEdge(s, t, std::move(e));
  }
  if (r.ok()) {
    std::sort(triples.begin(), triples.end(), [](const Triple& a, const Triple& b) {
      return std::tie(a.source, a.target, a.type, a.index) <
             std::tie(b.source, b.target, b.type, b.index);
    });
    auto same = [](const Triple& a, const Triple& b) {
      return a.source == b.source && a.target == b.target && a.type == b.type;
    };
    if (auto d = std::adjacent_find(triples.begin(), triples.end(), same); d != triples.end())
      return fail("edge " + std::to_string((d + 1)->index) + " repeats the relationship of edge " +
                  std::to_string(d->index));
  }
  if (r.ok()) r.Expect(kTrailer, "the file ends early (truncated?)");
  if (!r.ok()) return fail(r.error());
  if (r.offset() != bytes.size())
    return fail("at byte " + std::to_string(r.offset()) + ": bytes after the end of the graph");
  return kg;
}

}  // namespace cnkg
