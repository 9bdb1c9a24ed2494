#include "graph/binary_graph.h"

#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <string>

#include "common/files.h"
#include "common/strings.h"
#include "graph/binary_layout.h"
#include "graph/compact_graph.h"
#include "graph/snapshot.h"

using namespace cnkg;

namespace {

// Every property type, hostile text, parallel edges and shared documents.
KnowledgeGraph Sample() {
  KnowledgeGraph g;
  Node p{
      "person:ada", Label::kPerson, "Ada \"Countess\" Lovelace\n\x01", {"A. Lovelace", ""}, {}, {}};
  p.properties["job_title"] = std::string("Analyst, Engines");
  p.evidence.push_back({"a.txt", 4, "Speakers: Ada"});
  p.evidence.push_back({"b/é.md", 0, ""});
  Node t{"talk:engines", Label::kTalk, "Engines", {}, {}, {}};
  t.properties["seats"] = std::int64_t{-120};
  t.properties["big"] = std::int64_t{9007199254740993};
  t.properties["rating"] = -4.5e-300;
  t.properties["recorded"] = false;
  t.properties["tags"] = std::vector<std::string>{"a", "", "ß"};
  auto vp = g.UpsertNode(p);
  auto vt = g.UpsertNode(t);
  Edge e;
  e.type = RelType::kPresents;
  e.properties["job_title"] = std::string("Analyst");
  e.evidence.push_back({"a.txt", 4, "Speakers: Ada"});
  g.UpsertEdge(vp, vt, e);
  Edge m;
  m.type = RelType::kMentions;
  g.UpsertEdge(vp, vt, m);
  return g;
}

}  // namespace

TEST_CASE("The binary graph file round-trips the graph exactly") {
  KnowledgeGraph g = Sample();
  std::string bytes = SerializeBinaryGraph(g);
  CHECK(IsBinaryGraph(bytes));
  auto back = ParseBinaryGraph(bytes, "g.cnkg");
  REQUIRE(back.ok());
  CHECK(ToNodeLink(*back) == ToNodeLink(g));
  const Node& t = back->node(*back->Find("talk:engines"));
  CHECK(std::get<std::int64_t>(t.properties.at("big")) == 9007199254740993);
  CHECK(std::get<double>(t.properties.at("rating")) == -4.5e-300);
  CHECK(SerializeBinaryGraph(*back) == bytes);
}

TEST_CASE("The binary graph file of an empty graph") {
  auto back = ParseBinaryGraph(SerializeBinaryGraph(KnowledgeGraph()), "e.cnkg");
  REQUIRE(back.ok());
  CHECK(back->num_nodes() == 0);
}

TEST_CASE("A graph loaded from a binary file merges like any other") {
  auto back = ParseBinaryGraph(SerializeBinaryGraph(Sample()), "g.cnkg");
  REQUIRE(back.ok());
  KnowledgeGraph g = std::move(*back);
  Edge e;
  e.type = RelType::kPresents;
  e.evidence.push_back({"c.txt", 9, "again"});
  g.UpsertEdge(*g.Find("person:ada"), *g.Find("talk:engines"), e);
  CHECK(g.num_edges() == 2);
  CHECK(g.edge(*boost::edges(g.graph()).first).evidence.size() == 2);
}

TEST_CASE("Every truncation of a binary graph file is an error, never a crash") {
  std::string bytes = SerializeBinaryGraph(Sample());
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    auto r = ParseBinaryGraph(std::string_view(bytes).substr(0, n), "t.cnkg");
    INFO("length " << n);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == StatusCode::kParseError);
    CHECK(r.status().message().rfind("t.cnkg: corrupt binary graph file ", 0) == 0);
  }
}

// Reads every accessor and index of `g` (not the edge order, which only ToKnowledgeGraph reads).
void ReadEverything(const CompactGraph& g) {
  for (std::uint32_t v = 0; v < g.num_nodes(); ++v) {
    (void)g.node(v);
    (void)g.FindKey(g.key(v));
    (void)g.FindName(g.name(v));
    (void)g.FindFoldedName(FoldName(g.name(v)));
    for (const auto& a : g.out(v)) (void)g.edge(a.rel), (void)g.label(a.other);
    for (const auto& a : g.in(v)) (void)g.rel_evidence(a.rel), (void)g.key(a.other);
  }
  for (Label l : kAllLabels) (void)g.nodes_with_label(l), (void)g.node_property_names(l);
}

void CheckOneLine(const Status& s, const std::string& origin) {
  CHECK(s.code() == StatusCode::kParseError);
  CHECK(s.message().rfind(origin + ": corrupt binary graph file at byte ", 0) == 0);
  CHECK(s.message().find('\n') == std::string::npos);
}

// Enough nodes, relationships and text for the file to span many checksum blocks.
KnowledgeGraph ManyBlocks() {
  KnowledgeGraph g = Sample();
  for (int i = 0; i < 120; ++i) {
    Node n{"talk:m" + std::to_string(i), Label::kTalk, "M" + std::to_string(i),
           {"m" + std::to_string(i)},    {},           {}};
    n.properties["start"] = std::string("2026-01-0") + std::to_string(i % 9 + 1);
    n.evidence.push_back(
        {"m.txt", i, "a line about talk " + std::to_string(i) + std::string(60, '.')});
    auto v = g.UpsertNode(n);
    Edge e;
    e.type = RelType::kMentions;
    e.evidence.push_back({"m.txt", i, "mention " + std::to_string(i)});
    g.UpsertEdge(v, *g.Find("talk:engines"), e);
  }
  return g;
}

TEST_CASE("Every flipped byte of a binary graph file is found by the first read of its block") {
  const std::string bytes = SerializeBinaryGraph(ManyBlocks());
  REQUIRE(bytes.size() > 6 * binary::kBlockSize);
  binary::Header h;
  std::memcpy(&h, bytes.data(), sizeof h);
  // The blocks an accessor reads: every section but the edge order (and the checksums).
  auto read_lazily = [&](std::size_t byte) {
    const std::size_t block = byte / binary::kBlockSize;
    for (std::uint32_t i = 0; i < binary::kChecksums; ++i) {
      const binary::SectionRef& sec = h.sections[i];
      if (i == binary::kEdgeOrder || sec.size == 0) continue;
      if (sec.offset / binary::kBlockSize <= block &&
          block <= (sec.offset + sec.size - 1) / binary::kBlockSize)
        return true;
    }
    return block == 0;  // the header
  };
  for (std::size_t i = 8; i < h.sections[binary::kChecksums].offset; i += 7) {
    std::string b = bytes;
    b[i] = static_cast<char>(b[i] ^ 0x10);
    INFO("byte " << i);
    auto opened = CompactGraph::Open(b, "f.cnkg");
    if (!opened.ok()) {
      CheckOneLine(opened.status(), "f.cnkg");
      continue;
    }
    const CompactGraph& g = **opened;
    ReadEverything(g);
    if (read_lazily(i)) {
      REQUIRE_FALSE(g.status().ok());
      CheckOneLine(g.status(), "f.cnkg");
    }
    CHECK_FALSE(g.Validate().ok());
    CHECK_FALSE(ParseBinaryGraph(b, "f.cnkg").ok());
  }
}

TEST_CASE("A damaged block is reported by the read that meets it, naming the block") {
  const std::string bytes = SerializeBinaryGraph(ManyBlocks());
  binary::Header h;
  std::memcpy(&h, bytes.data(), sizeof h);
  // A byte in the middle of the heap, past the header's block.
  const std::size_t at = h.sections[binary::kHeap].offset + h.sections[binary::kHeap].size / 2;
  REQUIRE(at >= binary::kBlockSize);
  std::string b = bytes;
  b[at] = static_cast<char>(b[at] ^ 0x20);
  auto opened = CompactGraph::Open(b, "d.cnkg");
  REQUIRE(opened.ok());  // only the header's block is checked at open
  const CompactGraph& g = **opened;
  CHECK(g.status().ok());
  ReadEverything(g);
  const std::size_t block = at / binary::kBlockSize * binary::kBlockSize;
  CHECK(g.status().message() ==
        "d.cnkg: corrupt binary graph file at byte " + std::to_string(block) + ": the " +
            std::to_string(std::min<std::size_t>(binary::kBlockSize,
                                                 h.sections[binary::kChecksums].offset - block)) +
            " bytes from here do not match their checksum (the file was changed or damaged "
            "after cnkg wrote it)");
  CHECK(g.Validate().message() == g.status().message());
}

TEST_CASE("A file written wrong with matching checksums gives errors or a graph, never a crash") {
  const std::string bytes = SerializeBinaryGraph(Sample());
  for (std::size_t i = 8; i < bytes.size(); ++i) {
    for (unsigned char x : {0x01, 0x80, 0xff}) {
      std::string b = bytes;
      b[i] = static_cast<char>(b[i] ^ x);
      ResealBinaryGraph(b);
      INFO("byte " << i << " ^ " << int{x});
      auto r = ParseBinaryGraph(b, "f.cnkg");
      if (!r.ok()) CheckOneLine(r.status(), "f.cnkg");
      // Whatever Open accepts, every accessor and index can read without going astray.
      auto opened = CompactGraph::Open(b, "f.cnkg");
      if (!opened.ok()) continue;
      ReadEverything(**opened);
      if (!(*opened)->status().ok()) CheckOneLine((*opened)->status(), "f.cnkg");
    }
  }
}

TEST_CASE("Opening a binary graph file checks its header only; the rest is checked as read") {
  const std::string bytes = SerializeBinaryGraph(Sample());
  binary::Header h;
  std::memcpy(&h, bytes.data(), sizeof h);
  // Point the second node's record past the end of the records.
  const std::size_t entry = h.sections[binary::kNodes].offset + sizeof(binary::NodeEntry);
  binary::NodeEntry node;
  std::memcpy(&node, bytes.data() + entry, sizeof node);
  node.record_offset = h.sections[binary::kRecords].size + 5;
  std::string b = bytes;
  std::memcpy(b.data() + entry, &node, sizeof node);
  ResealBinaryGraph(b);
  auto opened = CompactGraph::Open(b, "r.cnkg");
  REQUIRE(opened.ok());
  const CompactGraph& g = **opened;
  CHECK(g.status().ok());
  (void)g.node(0);  // sound
  CHECK(g.status().ok());
  CHECK(g.node_properties(1).empty());
  REQUIRE_FALSE(g.status().ok());
  const std::string expected =
      "r.cnkg: corrupt binary graph file at byte " +
      std::to_string(h.sections[binary::kRecords].offset + h.sections[binary::kRecords].size) +
      ": node 1: a record starts past the end of the records";
  CHECK(g.status().message() == expected);
  // The first problem stays the one reported.
  (void)g.node_evidence(1);
  CHECK(g.status().message() == expected);
  CHECK(g.Validate().message() == expected);
  CHECK(ParseBinaryGraph(b, "r.cnkg").status().message() == expected);
}

TEST_CASE("A corrupt adjacency run or index entry is reported by the read that meets it") {
  const std::string bytes = SerializeBinaryGraph(Sample());
  binary::Header h;
  std::memcpy(&h, bytes.data(), sizeof h);
  SECTION("an adjacency entry naming another relationship") {
    std::string b = bytes;
    const std::size_t at = h.sections[binary::kOutAdjacent].offset;  // node 0's first out-entry
    binary::Adjacent a;
    std::memcpy(&a, b.data() + at, sizeof a);
    a.other = 7777;  // no such node
    std::memcpy(b.data() + at, &a, sizeof a);
    ResealBinaryGraph(b);
    auto g = CompactGraph::Open(b, "a.cnkg");
    REQUIRE(g.ok());
    const std::uint32_t owner = (*g)->source(a.rel);
    CHECK((*g)->out(owner).empty());
    CHECK((*g)->status().message() == "a.cnkg: corrupt binary graph file at byte " +
                                          std::to_string(at) +
                                          ": an adjacency entry does not match its relationship");
  }
  SECTION("a key index entry out of order") {
    std::string b = bytes;
    const std::size_t at = h.sections[binary::kKeyOrder].offset;
    std::uint32_t first, second;
    std::memcpy(&first, b.data() + at, 4);
    std::memcpy(&second, b.data() + at + 4, 4);
    std::memcpy(b.data() + at, &second, 4);
    std::memcpy(b.data() + at + 4, &first, 4);
    ResealBinaryGraph(b);
    auto g = CompactGraph::Open(b, "k.cnkg");
    REQUIRE(g.ok());
    CHECK_FALSE((*g)->FindKey("person:ada").has_value());
    CHECK((*g)->status().message().rfind("k.cnkg: corrupt binary graph file at byte ", 0) == 0);
    CHECK((*g)->status().message().find("the keys are out of order or repeat") !=
          std::string::npos);
  }
}

TEST_CASE("Binary graph file errors name the file and the place") {
  std::string bytes = SerializeBinaryGraph(Sample());
  auto trailing = ParseBinaryGraph(bytes + "x", "g.cnkg");
  REQUIRE_FALSE(trailing.ok());
  CHECK(trailing.status().message() == "g.cnkg: corrupt binary graph file at byte " +
                                           std::to_string(bytes.size()) +
                                           ": bytes after the end of the graph");
  auto truncated = ParseBinaryGraph(bytes.substr(0, bytes.size() - 2), "g.cnkg");
  REQUIRE_FALSE(truncated.ok());
  CHECK(truncated.status().message() == "g.cnkg: corrupt binary graph file at byte " +
                                            std::to_string(bytes.size() - 2) +
                                            ": the file ends early (truncated?)");
  auto not_binary = ParseBinaryGraph("{\"nodes\": []}", "g.cnkg");
  REQUIRE_FALSE(not_binary.ok());
  CHECK(not_binary.status().message() ==
        "g.cnkg: corrupt binary graph file at byte 0: no binary graph file magic");
  std::string old = bytes;
  old[7] = '\x01';
  auto old_format = ParseBinaryGraph(old, "g.cnkg");
  REQUIRE_FALSE(old_format.ok());
  CHECK(old_format.status().message() ==
        "g.cnkg: a binary graph file of format 1, which this cnkg does not read (it reads format "
        "3); build the graph again with this cnkg");
  // The first node's label byte (the labels section comes first, after the header).
  std::string label = bytes;
  label[sizeof(binary::Header)] = 42;
  ResealBinaryGraph(label);
  auto bad_label = ParseBinaryGraph(label, "g.cnkg");
  REQUIRE_FALSE(bad_label.ok());
  CHECK(bad_label.status().message() == "g.cnkg: corrupt binary graph file at byte " +
                                            std::to_string(sizeof(binary::Header)) +
                                            ": node 0 has an unknown label");
}

TEST_CASE("A binary graph file whose strings are not UTF-8 is refused") {
  KnowledgeGraph g;
  g.UpsertNode(Node{"person:zoe", Label::kPerson, "Zo\xC3\xAB Quux", {}, {}, {}});
  const std::string bytes = SerializeBinaryGraph(g);
  const std::size_t e = bytes.find("Zo\xC3\xAB");
  REQUIRE(e != std::string::npos);
  std::string broken = bytes;
  broken[e + 3] = 'A';  // "Zo\xC3A": a lead byte without its continuation byte
  ResealBinaryGraph(broken);
  auto r = ParseBinaryGraph(broken, "z.cnkg");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() == "z.cnkg: corrupt binary graph file at byte " +
                                    std::to_string(e + 2) + ": the string heap is not valid UTF-8");
  // A name that begins inside a character: each string is whole characters, not only the heap.
  binary::Header h;
  std::memcpy(&h, bytes.data(), sizeof h);
  const std::size_t entry = h.sections[binary::kNodes].offset;
  binary::NodeEntry node;
  std::memcpy(&node, bytes.data() + entry, sizeof node);
  REQUIRE(bytes.substr(h.sections[binary::kHeap].offset + node.name_offset, 4) == "Zo\xC3\xAB");
  node.name_offset += 3;
  node.name_size -= 3;
  std::string cut = bytes;
  std::memcpy(cut.data() + entry, &node, sizeof node);
  ResealBinaryGraph(cut);
  auto c = ParseBinaryGraph(cut, "z.cnkg");
  REQUIRE_FALSE(c.ok());
  CHECK(c.status().message() == "z.cnkg: corrupt binary graph file at byte " +
                                    std::to_string(entry) +
                                    ": node 0 has a key or name that begins or ends inside a "
                                    "UTF-8 character");
}

TEST_CASE("A large binary graph file is checked on two threads with the same errors") {
  // Over 4 MiB, so that records and indexes are checked side by side.
  KnowledgeGraph g;
  for (int i = 0; i < 6000; ++i) {
    Node n{"talk:t" + std::to_string(i), Label::kTalk, "T" + std::to_string(i), {}, {}, {}};
    n.evidence.push_back(
        {"a.txt", i, std::string(800, static_cast<char>('a' + i % 26)) + std::to_string(i)});
    auto v = g.UpsertNode(n);
    if (i > 0) {
      Edge e;
      e.type = RelType::kMentions;
      e.evidence.push_back({"a.txt", i, "x"});
      g.UpsertEdge(v, v - 1, e);
    }
  }
  const std::string bytes = SerializeBinaryGraph(g);
  REQUIRE(bytes.size() > (4u << 20));
  auto ok = ParseBinaryGraph(bytes, "big.cnkg");
  REQUIRE(ok.ok());
  CHECK(ToNodeLink(*ok) == ToNodeLink(g));
  // A broken record (found by the records check) and a broken index (by the indexes check): the
  // record's error is reported, as a serial check would.
  binary::Header h;
  std::memcpy(&h, bytes.data(), sizeof h);
  std::string both = bytes;
  const std::size_t rel0 = h.sections[binary::kRels].offset;
  const std::uint64_t far = h.sections[binary::kRecords].size + 1;
  std::memcpy(both.data() + rel0 + 8, &far, sizeof far);  // relationship 0's record offset
  const std::size_t key0 = h.sections[binary::kKeyOrder].offset;
  std::swap(both[key0], both[key0 + 4]);  // the first two keys out of order
  ResealBinaryGraph(both);
  auto r = ParseBinaryGraph(both, "big.cnkg");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().find(": relationship 0: a record starts past the end") !=
        std::string::npos);
  std::string index_only = bytes;
  std::swap(index_only[key0], index_only[key0 + 4]);
  ResealBinaryGraph(index_only);
  auto r2 = ParseBinaryGraph(index_only, "big.cnkg");
  REQUIRE_FALSE(r2.ok());
  CHECK(r2.status().message() == "big.cnkg: corrupt binary graph file at byte " +
                                     std::to_string(key0 + 4) +
                                     ": the keys are out of order or repeat");
}

TEST_CASE("Equal strings are stored once") {
  KnowledgeGraph g;
  Node base{"talk:x", Label::kTalk, "X", {}, {}, {}};
  const std::string line(1000, 'q');
  for (int i = 0; i < 50; ++i) {
    Node n = base;
    n.key += std::to_string(i);
    n.evidence.push_back({"a.txt", 1, line});
    g.UpsertNode(n);
  }
  CHECK(SerializeBinaryGraph(g).size() < 10 * line.size());
}

TEST_CASE("Strings are stored once however many there are") {
  // Thousands of distinct keys and a hundred lines quoted over and over, as separate copies and
  // as shared ones: the heap's index grows many times over.
  KnowledgeGraph g;
  std::vector<std::string> lines;
  for (int i = 0; i < 100; ++i) lines.push_back(std::to_string(i) + std::string(500, 'l'));
  for (int i = 0; i < 5000; ++i) {
    Node n{"talk:t" + std::to_string(i), Label::kTalk, "T" + std::to_string(i), {}, {}, {}};
    n.evidence.push_back({"a.txt", i, std::string(lines[i % 100])});
    n.evidence.push_back({"b.txt", i, SharedString(lines[(i + 1) % 100])});
    g.UpsertNode(std::move(n));
  }
  const std::string bytes = SerializeBinaryGraph(g);
  // Stored per quote, the lines alone would take 5 MB.
  CHECK(bytes.size() < 1000000);
  auto back = ParseBinaryGraph(bytes, "many.cnkg");
  REQUIRE(back.ok());
  CHECK(ToNodeLink(*back) == ToNodeLink(g));
}

TEST_CASE("A CompactGraph reads nodes, relationships and indexes in place") {
  KnowledgeGraph kg = Sample();
  Node other{
      "person:bob", Label::kPerson, "Bob", {"Robert", "ADA \"countess\" lovelace\n\x01"}, {}, {}};
  kg.UpsertNode(other);
  auto opened = CompactGraph::Open(SerializeBinaryGraph(kg), "g.cnkg");
  REQUIRE(opened.ok());
  const CompactGraph& g = **opened;
  REQUIRE(g.num_nodes() == 3);
  REQUIRE(g.num_rels() == 2);
  CHECK(g.key(0) == "person:ada");
  CHECK(g.label(1) == Label::kTalk);
  CHECK(g.name(2) == "Bob");
  CHECK(g.aliases(0) == kg.node(0).aliases);
  CHECK(g.aliases(0).front() == "A. Lovelace");
  CHECK(std::get<std::int64_t>(*g.node_property(1, "seats")) == -120);
  CHECK(std::get<std::vector<std::string>>(*g.node_property(1, "tags")) ==
        std::vector<std::string>{"a", "", "ß"});
  CHECK_FALSE(g.node_property(1, "nope"));
  CHECK(g.node_properties(1).size() == 5);
  CHECK(g.node_evidence_count(0) == 2);
  CHECK(g.node_evidence(0)[1].document == "b/é.md");
  CHECK(g.node(0).name == kg.node(0).name);
  // Relationships: both leave Ada for the talk.
  CHECK(g.out(0).size() == 2);
  CHECK(g.in(1).size() == 2);
  CHECK(g.in(0).empty());
  for (const auto& a : g.out(0)) {
    CHECK(g.source(a.rel) == 0);
    CHECK(a.other == 1);
  }
  const std::uint32_t presents = g.type(0) == RelType::kPresents ? 0 : 1;
  CHECK(std::get<std::string>(*g.rel_property(presents, "job_title")) == "Analyst");
  CHECK(g.rel_evidence(presents).size() == 1);
  CHECK(g.rel_evidence_count(1 - presents) == 0);
  CHECK(g.edge(presents).type == RelType::kPresents);
  // Indexes.
  CHECK(g.FindKey("talk:engines") == 1u);
  CHECK_FALSE(g.FindKey("talk:engine"));
  CHECK(std::vector<std::uint32_t>(g.FindName("Bob").begin(), g.FindName("Bob").end()) ==
        std::vector<std::uint32_t>{2});
  CHECK(g.FindName("bob").empty());
  CHECK(g.FindFoldedName(FoldName("robert")) == std::vector<std::uint32_t>{2});
  // Ada's name is also Bob's alias: both, in graph order.
  CHECK(g.FindFoldedName(FoldName(kg.node(0).name)) == std::vector<std::uint32_t>{0, 2});
  CHECK(g.nodes_with_label(Label::kPerson).size() == 2);
  CHECK(g.nodes_with_label(Label::kEvent).empty());
  CHECK(g.node_property_names(Label::kTalk) ==
        std::vector<std::string>{"big", "rating", "recorded", "seats", "tags"});
  CHECK(g.rel_property_names(RelType::kPresents) == std::vector<std::string>{"job_title"});
  CHECK(g.rel_property_names(RelType::kMentions).empty());
}

TEST_CASE("A CompactGraph keeps the graph's edge order for the KnowledgeGraph it gives back") {
  KnowledgeGraph kg;
  auto a = kg.UpsertNode({"person:a", Label::kPerson, "A", {}, {}, {}});
  auto b = kg.UpsertNode({"person:b", Label::kPerson, "B", {}, {}, {}});
  auto t = kg.UpsertNode({"talk:t", Label::kTalk, "T", {}, {}, {}});
  Edge e;
  e.type = RelType::kPresents;
  kg.UpsertEdge(b, t, e);  // b's edge first, though b is numbered after a
  kg.UpsertEdge(a, t, e);
  auto back = ParseBinaryGraph(SerializeBinaryGraph(kg), "g.cnkg");
  REQUIRE(back.ok());
  CHECK(ToNodeLink(*back) == ToNodeLink(kg));
}

TEST_CASE("Graph files ending in .cnkg are binary, and are read whatever their name") {
  auto dir = std::filesystem::temp_directory_path() / "cnkg_binary_graph_test";
  std::filesystem::create_directories(dir);
  const std::string binary = (dir / "g.cnkg").string(), json = (dir / "g.json").string();
  REQUIRE(WriteGraphFile(Sample(), binary).ok());
  REQUIRE(WriteGraphFile(Sample(), json).ok());
  auto bytes = ReadFile(binary);
  REQUIRE(bytes.ok());
  CHECK(IsBinaryGraph(*bytes));
  // The file is written section by section, with the same bytes as the serialised graph.
  CHECK(*bytes == SerializeBinaryGraph(Sample()));
  CHECK(WriteBinaryGraphFile(KnowledgeGraph(), binary).ok());
  CHECK(*ReadFile(binary) == SerializeBinaryGraph(KnowledgeGraph()));
  Status bad = WriteBinaryGraphFile(Sample(), (dir / "missing" / "g.cnkg").string());
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.message().rfind((dir / "missing" / "g.cnkg").string() + ": cannot write: ", 0) == 0);
  REQUIRE(WriteGraphFile(Sample(), binary).ok());
  const std::string renamed = (dir / "g.data").string();
  std::filesystem::copy_file(binary, renamed, std::filesystem::copy_options::overwrite_existing);
  auto a = ReadGraphFile(renamed), b = ReadGraphFile(json);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(ToNodeLink(*a) == ToNodeLink(*b));
  CHECK(IsBinaryGraphPath("x.cnkg"));
  CHECK_FALSE(IsBinaryGraphPath(".cnkg.json"));
  std::filesystem::remove_all(dir);
}
