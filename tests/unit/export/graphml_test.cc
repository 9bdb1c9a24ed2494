#include "export/graphml.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/strings.h"
#include "export_fixture.h"
#include "graph/snapshot.h"

namespace cnkg {
namespace {

using export_test::MakeNode;

// A minimal XML reader, enough for the subset the writer emits (declaration, elements,
// attributes, text, CDATA sections, the five entities and numeric character references). It fails
// on anything else — a raw '<' or '&' in text, an unknown entity, mismatched tags, characters XML
// forbids — so it doubles as a well-formedness check.
struct XmlElement {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::string text;
  std::vector<XmlElement> children;

  std::vector<const XmlElement*> All(std::string_view child) const {
    std::vector<const XmlElement*> out;
    for (const auto& c : children) {
      if (c.name == child) out.push_back(&c);
    }
    return out;
  }
  const XmlElement* First(std::string_view child) const {
    auto all = All(child);
    return all.empty() ? nullptr : all.front();
  }
  std::optional<std::string> Attr(const std::string& key) const {
    auto it = attributes.find(key);
    if (it == attributes.end()) return std::nullopt;
    return it->second;
  }
};

class TinyXmlReader {
 public:
  explicit TinyXmlReader(std::string_view s) : s_(s) {}

  std::optional<XmlElement> Parse() {
    if (!AllCharactersAllowed()) return std::nullopt;
    if (s_.substr(0, 5) == "<?xml") {
      std::size_t end = s_.find("?>");
      if (end == std::string_view::npos) return std::nullopt;
      pos_ = end + 2;
    }
    SkipSpace();
    XmlElement root;
    if (!ParseElement(&root)) return std::nullopt;
    SkipSpace();
    if (pos_ != s_.size()) return std::nullopt;
    return root;
  }

 private:
  bool AllCharactersAllowed() const {
    // The writer's output must be text a conforming parser accepts: valid UTF-8 (XmlSafeText
    // is the reference) and no C0 control other than tab, line feed and carriage return.
    return XmlSafeText(s_) == s_;
  }

  void SkipSpace() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\t' || s_[pos_] == '\r')) {
      ++pos_;
    }
  }

  static bool IsNameChar(char c) {
    return c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '=' && c != '>' && c != '/' &&
           c != '<' && c != '"' && c != '\'';
  }

  std::string ParseName() {
    std::size_t start = pos_;
    while (pos_ < s_.size() && IsNameChar(s_[pos_])) ++pos_;
    return std::string(s_.substr(start, pos_ - start));
  }

  // Decodes character data up to `stop` (not consumed). Returns false at the end of the input,
  // on a raw '<' inside an attribute value, or on a bad reference.
  bool ParseCharData(char stop, std::string* out) {
    while (pos_ < s_.size() && s_[pos_] != stop) {
      char c = s_[pos_];
      if (c == '<') return false;
      if (c != '&') {
        *out += c;
        ++pos_;
        continue;
      }
      std::size_t semi = s_.find(';', pos_);
      if (semi == std::string_view::npos) return false;
      std::string_view ref = s_.substr(pos_ + 1, semi - pos_ - 1);
      pos_ = semi + 1;
      if (ref == "amp") {
        *out += '&';
      } else if (ref == "lt") {
        *out += '<';
      } else if (ref == "gt") {
        *out += '>';
      } else if (ref == "quot") {
        *out += '"';
      } else if (ref == "apos") {
        *out += '\'';
      } else if (ref.size() > 1 && ref[0] == '#') {
        bool hex = ref[1] == 'x';
        std::string digits(ref.substr(hex ? 2 : 1));
        if (digits.empty()) return false;
        *out += Utf8Encode(static_cast<char32_t>(std::stoul(digits, nullptr, hex ? 16 : 10)));
      } else {
        return false;
      }
    }
    return pos_ < s_.size();
  }

  bool ParseElement(XmlElement* e) {
    if (pos_ >= s_.size() || s_[pos_] != '<') return false;
    ++pos_;
    e->name = ParseName();
    if (e->name.empty()) return false;
    for (;;) {
      SkipSpace();
      if (pos_ >= s_.size()) return false;
      if (s_.substr(pos_, 2) == "/>") {
        pos_ += 2;
        return true;
      }
      if (s_[pos_] == '>') {
        ++pos_;
        break;
      }
      std::string attr = ParseName();
      if (attr.empty() || pos_ >= s_.size() || s_[pos_] != '=') return false;
      ++pos_;
      if (pos_ >= s_.size() || (s_[pos_] != '"' && s_[pos_] != '\'')) return false;
      char quote = s_[pos_++];
      std::string value;
      if (!ParseCharData(quote, &value)) return false;
      ++pos_;
      if (!e->attributes.emplace(attr, value).second) return false;  // repeated attribute
    }
    for (;;) {
      if (!ParseCharData('<', &e->text)) return false;  // text up to the next tag
      if (s_.substr(pos_, 9) == "<![CDATA[") {
        std::size_t end = s_.find("]]>", pos_ + 9);
        if (end == std::string_view::npos) return false;
        e->text.append(s_.substr(pos_ + 9, end - pos_ - 9));
        pos_ = end + 3;
        continue;
      }
      if (s_.substr(pos_, 2) == "</") {
        pos_ += 2;
        if (ParseName() != e->name) return false;
        SkipSpace();
        if (pos_ >= s_.size() || s_[pos_] != '>') return false;
        ++pos_;
        return true;
      }
      XmlElement child;
      if (!ParseElement(&child)) return false;
      e->children.push_back(std::move(child));
    }
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

XmlElement ParseOrFail(const std::string& xml) {
  auto root = TinyXmlReader(xml).Parse();
  REQUIRE(root.has_value());
  return *root;
}

// key id -> <key> element, per domain and attr.name.
struct KeyIndex {
  std::map<std::string, const XmlElement*> by_id;
  std::map<std::pair<std::string, std::string>, const XmlElement*> by_name;  // (for, attr.name)
};

KeyIndex IndexKeys(const XmlElement& root) {
  KeyIndex index;
  for (const XmlElement* k : root.All("key")) {
    std::string id = *k->Attr("id");
    REQUIRE(index.by_id.emplace(id, k).second);  // ids are unique across the document
    REQUIRE(
        index.by_name.emplace(std::make_pair(*k->Attr("for"), *k->Attr("attr.name")), k).second);
  }
  return index;
}

// The data of one element by attr.name.
std::map<std::string, std::string> DataOf(const XmlElement& element, const KeyIndex& keys) {
  std::map<std::string, std::string> out;
  for (const XmlElement* d : element.All("data")) {
    const XmlElement* key = keys.by_id.at(*d->Attr("key"));
    out[*key->Attr("attr.name")] = d->text;
  }
  return out;
}

std::string TypeOfKey(const KeyIndex& keys, const std::string& domain, const std::string& name) {
  auto it = keys.by_name.find({domain, name});
  REQUIRE(it != keys.by_name.end());
  return *it->second->Attr("attr.type");
}

const std::vector<std::string>& HostileNames() {
  static const std::vector<std::string> names = {
      "plain",
      "\"quoted\" and \\\"escaped\\\" and trailing backslash \\",
      "two\nlines\tand a tab \\n \\l",
      "<b>&amp;</b>",
      "'}) DETACH DELETE n //",
      "Ana \"]; x -> y",
      "caf\xC3\xA9 \xF0\x9F\x9A\x80 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D, semi; colon",
      "]]> <!-- no --> <?pi?>",
      "  spaced  out  ",
      "carriage\r\nreturn\rhere",
  };
  return names;
}

TEST_CASE("The test's XML reader rejects malformed documents", "[graphml]") {
  CHECK(TinyXmlReader("<a x=\"1\"><b>t&amp;</b></a>").Parse().has_value());
  CHECK_FALSE(TinyXmlReader("<a>Tom & Jerry</a>").Parse().has_value());
  CHECK_FALSE(TinyXmlReader("<a>&nbsp;</a>").Parse().has_value());
  CHECK_FALSE(TinyXmlReader("<a x=\"<\"/>").Parse().has_value());
  CHECK_FALSE(TinyXmlReader("<a x=\"1\" x=\"2\"/>").Parse().has_value());
  CHECK_FALSE(TinyXmlReader("<a><b></a></b>").Parse().has_value());
  CHECK_FALSE(TinyXmlReader("<a>\x01</a>").Parse().has_value());
  CHECK_FALSE(TinyXmlReader("<a>").Parse().has_value());
  CHECK_FALSE(TinyXmlReader("<a><![CDATA[x</a>").Parse().has_value());
}

TEST_CASE("XmlSafeText keeps valid text and replaces what XML 1.0 forbids", "[graphml]") {
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(XmlSafeText("caf\xC3\xA9 \xF0\x9F\x9A\x80 \xD8\xB3 tab\tnl\ncr\r") ==
        "caf\xC3\xA9 \xF0\x9F\x9A\x80 \xD8\xB3 tab\tnl\ncr\r");
  CHECK(XmlSafeText(std::string("a\0b", 3)) == "a" + fffd + "b");
  CHECK(XmlSafeText("bell\x07 esc\x1B") == "bell" + fffd + " esc" + fffd);
  CHECK(XmlSafeText("\xEF\xBF\xBE\xEF\xBF\xBF") == fffd + fffd);   // U+FFFE, U+FFFF
  CHECK(XmlSafeText("bad \xFF byte") == "bad " + fffd + " byte");  // not UTF-8
  CHECK(XmlSafeText("over \xC0\x80 long") == "over " + fffd + fffd + " long");
  CHECK(XmlSafeText("sur \xED\xA0\x80 rogate") == "sur " + fffd + fffd + fffd + " rogate");
  CHECK(XmlSafeText("cut \xE2\x82") == "cut " + fffd + fffd);                    // truncated
  CHECK(XmlSafeText("del \x7F and C1 \xC2\x85") == "del \x7F and C1 \xC2\x85");  // allowed
}

TEST_CASE("XmlEscape escapes markup and protects whitespace from normalization", "[graphml]") {
  CHECK(XmlEscape("<a href=\"x\">Tom & Jerry's</a>") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;");
  CHECK(XmlEscape("&amp;") == "&amp;amp;");
  CHECK(XmlEscape("a\tb\nc\r\nd") == "a&#9;b&#10;c&#13;&#10;d");
  CHECK(XmlEscape("x\x01y") == "x\xEF\xBF\xBDy");
}

TEST_CASE("XmlEscapeText keeps content one chunk, using CDATA when needed", "[graphml]") {
  CHECK(XmlEscapeText("plain \"q\" 'a' > b\tt\nn") == "plain \"q\" 'a' > b\tt\nn");
  CHECK(XmlEscapeText("A & <B>") == "<![CDATA[A & <B>]]>");
  CHECK(XmlEscapeText("x ]]> y") == "<![CDATA[x ]]]><![CDATA[]> y]]>");
  CHECK(XmlEscapeText("]]]>") == "<![CDATA[]]]]><![CDATA[]>]]>");
  CHECK(XmlEscapeText("a\r\nb & c\r") == "a&#13;<![CDATA[\nb & c]]>&#13;");
  CHECK(XmlEscapeText("bad\x02") == "bad\xEF\xBF\xBD");
  CHECK(XmlEscapeText("") == "");
  for (std::string text : {"A & <B>", "x ]]> y", "]]]>]]>", "a\r\nb & c\r", "<![CDATA[x]]>"}) {
    std::string xml = "<a>" + XmlEscapeText(text) + "</a>";
    auto root = TinyXmlReader(xml).Parse();
    REQUIRE(root.has_value());
    CHECK(root->text == text);
  }
}

TEST_CASE("An empty graph is a valid GraphML document with the fixed keys", "[graphml]") {
  KnowledgeGraph kg;
  XmlElement root = ParseOrFail(ToGraphML(kg));
  CHECK(root.name == "graphml");
  CHECK(root.Attr("xmlns") == "http://graphml.graphdrawing.org/xmlns");
  KeyIndex keys = IndexKeys(root);
  CHECK(keys.by_id.count("labels") == 1);
  CHECK(keys.by_id.count("label") == 1);
  const XmlElement* graph = root.First("graph");
  REQUIRE(graph != nullptr);
  CHECK(graph->Attr("edgedefault") == "directed");
  CHECK(graph->All("node").empty());
  CHECK(graph->All("edge").empty());
}

TEST_CASE("Keys are typed, and mixed types are widened consistently", "[graphml]") {
  KnowledgeGraph kg;
  Node a = MakeNode("talk:a", Label::kTalk, "A");
  a.properties["year"] = std::int64_t{2031};
  a.properties["score"] = 2.5;
  a.properties["keynote"] = true;
  a.properties["tags"] = std::vector<std::string>{"x", "y \"z\""};
  a.properties["mixed"] = std::int64_t{7};
  a.properties["number"] = std::int64_t{3};
  a.properties["name"] = std::string("shadows the fixed key");
  a.properties["id"] = std::string("shadows igraph's id");
  Node b = MakeNode("talk:b", Label::kTalk, "B");
  b.properties["mixed"] = std::string("seven");
  b.properties["number"] = 0.25;
  b.properties["keynote"] = false;
  auto va = kg.UpsertNode(a);
  auto vb = kg.UpsertNode(b);
  Edge e;
  e.type = RelType::kMentions;
  e.properties["weight"] = std::int64_t{4};
  e.properties["evidence"] = std::string("shadows the fixed edge key");
  kg.UpsertEdge(va, vb, e);

  XmlElement root = ParseOrFail(ToGraphML(kg));
  KeyIndex keys = IndexKeys(root);
  CHECK(TypeOfKey(keys, "node", "labels") == "string");
  CHECK(TypeOfKey(keys, "node", "name") == "string");
  CHECK(TypeOfKey(keys, "node", "aliases") == "string");
  CHECK(keys.by_name.at({"node", "aliases"})->Attr("attr.list") == "string");
  CHECK(TypeOfKey(keys, "node", "evidence") == "string");
  CHECK(TypeOfKey(keys, "node", "evidence_count") == "long");
  CHECK(TypeOfKey(keys, "node", "year") == "long");
  CHECK(TypeOfKey(keys, "node", "score") == "double");
  CHECK(TypeOfKey(keys, "node", "keynote") == "boolean");
  CHECK(TypeOfKey(keys, "node", "tags") == "string");
  CHECK(keys.by_name.at({"node", "tags"})->Attr("attr.list") == "string");
  CHECK(TypeOfKey(keys, "node", "mixed") == "string");   // long + string
  CHECK(TypeOfKey(keys, "node", "number") == "double");  // long + double
  CHECK(TypeOfKey(keys, "node", "property_name") == "string");
  CHECK(TypeOfKey(keys, "node", "property_id") == "string");
  CHECK(keys.by_name.count({"node", "id"}) == 0);
  CHECK(TypeOfKey(keys, "edge", "label") == "string");
  CHECK(TypeOfKey(keys, "edge", "type") == "string");
  CHECK(TypeOfKey(keys, "edge", "evidence") == "string");
  CHECK(TypeOfKey(keys, "edge", "weight") == "long");
  CHECK(TypeOfKey(keys, "edge", "property_evidence") == "string");

  const XmlElement* graph = root.First("graph");
  auto nodes = graph->All("node");
  REQUIRE(nodes.size() == 2);
  auto da = DataOf(*nodes[0], keys);
  auto db = DataOf(*nodes[1], keys);
  CHECK(da.at("name") == "A");
  CHECK(da.at("property_name") == "shadows the fixed key");
  CHECK(da.at("year") == "2031");
  CHECK(da.at("score") == "2.5");
  CHECK(da.at("keynote") == "true");
  CHECK(da.at("tags") == "[\"x\",\"y \\\"z\\\"\"]");
  CHECK(da.at("mixed") == "7");
  CHECK(db.at("mixed") == "seven");
  CHECK(da.at("number") == "3");
  CHECK(db.at("number") == "0.25");
  CHECK(db.at("keynote") == "false");
  CHECK(db.count("year") == 0);  // absent properties have no data
}

TEST_CASE("Nodes carry APOC labels, names, aliases and evidence", "[graphml]") {
  KnowledgeGraph kg;
  Node p = MakeNode("project:argo-cd", Label::kProject, "Argo CD");
  p.aliases = {"argocd", "Argo \"CD\""};
  p.evidence = {{"doc.md", 3, "uses <Argo> & more"}, {"doc.md", 9, "again"}};
  kg.UpsertNode(p);
  XmlElement root = ParseOrFail(ToGraphML(kg));
  KeyIndex keys = IndexKeys(root);
  const XmlElement* node = root.First("graph")->First("node");
  REQUIRE(node != nullptr);
  CHECK(node->Attr("id") == "project:argo-cd");
  CHECK(node->Attr("labels") == ":Project");
  auto data = DataOf(*node, keys);
  CHECK(data.at("labels") == ":Project");
  CHECK(data.at("name") == "Argo CD");
  CHECK(data.at("aliases") == "[\"argocd\",\"Argo \\\"CD\\\"\"]");
  CHECK(data.at("evidence") ==
        "[{\"document\":\"doc.md\",\"line\":3,\"text\":\"uses <Argo> & more\"},"
        "{\"document\":\"doc.md\",\"line\":9,\"text\":\"again\"}]");
  CHECK(data.at("evidence_count") == "2");
}

TEST_CASE("Parallel edges keep distinct ids and carry their type", "[graphml]") {
  KnowledgeGraph kg;
  auto person = kg.UpsertNode(MakeNode("person:a", Label::kPerson, "A"));
  auto talk = kg.UpsertNode(MakeNode("talk:t", Label::kTalk, "T"));
  Edge presents;
  presents.type = RelType::kPresents;
  presents.evidence = {{"d.md", 1, "x"}};
  Edge mentions;
  mentions.type = RelType::kMentions;
  kg.UpsertEdge(person, talk, presents);
  kg.UpsertEdge(person, talk, mentions);
  kg.UpsertEdge(talk, talk, mentions);  // a self-loop
  XmlElement root = ParseOrFail(ToGraphML(kg));
  KeyIndex keys = IndexKeys(root);
  auto edges = root.First("graph")->All("edge");
  REQUIRE(edges.size() == 3);
  std::set<std::string> ids;
  std::multiset<std::string> types;
  for (const XmlElement* e : edges) {
    REQUIRE(e->Attr("id").has_value());
    ids.insert(*e->Attr("id"));
    auto data = DataOf(*e, keys);
    CHECK(e->Attr("label") == data.at("type"));
    CHECK(data.at("label") == data.at("type"));
    types.insert(data.at("type"));
  }
  CHECK(ids.size() == 3);
  CHECK(types == std::multiset<std::string>{"MENTIONS", "MENTIONS", "PRESENTS"});
  CHECK(edges[0]->Attr("source") == "person:a");
  CHECK(edges[0]->Attr("target") == "talk:t");
  auto first = DataOf(*edges[0], keys);
  CHECK(first.at("type") == "PRESENTS");
  CHECK(first.at("evidence_count") == "1");
}

TEST_CASE("Hostile names and keys come back exactly from the XML", "[graphml]") {
  KnowledgeGraph kg;
  std::vector<std::string> keys_written;
  std::size_t i = 0;
  for (const std::string& name : HostileNames()) {
    Label label = kAllLabels[i % std::size(kAllLabels)];
    std::string key = std::string(KeyPrefix(label)) + ":" + std::to_string(i++) + " " + name;
    Node n = MakeNode(key, label, name);
    n.aliases = {name + " alias"};
    n.properties["note"] = name;
    kg.UpsertNode(n);
    keys_written.push_back(key);
  }
  for (std::size_t k = 1; k < keys_written.size(); ++k) {
    Edge e;
    e.type = kAllRelTypes[k % std::size(kAllRelTypes)];
    e.properties["title"] = HostileNames()[k];
    kg.UpsertEdge(*kg.Find(keys_written[k - 1]), *kg.Find(keys_written[k]), e);
  }
  XmlElement root = ParseOrFail(ToGraphML(kg));
  KeyIndex keys = IndexKeys(root);
  auto nodes = root.First("graph")->All("node");
  REQUIRE(nodes.size() == HostileNames().size());
  for (std::size_t k = 0; k < nodes.size(); ++k) {
    auto data = DataOf(*nodes[k], keys);
    INFO("name " << HostileNames()[k]);
    CHECK(nodes[k]->Attr("id") == keys_written[k]);
    CHECK(data.at("name") == HostileNames()[k]);
    CHECK(data.at("note") == HostileNames()[k]);
  }
  auto edges = root.First("graph")->All("edge");
  REQUIRE(edges.size() == keys_written.size() - 1);
  for (std::size_t k = 0; k < edges.size(); ++k) {
    CHECK(edges[k]->Attr("source") == keys_written[k]);
    CHECK(edges[k]->Attr("target") == keys_written[k + 1]);
    CHECK(DataOf(*edges[k], keys).at("title") == HostileNames()[k + 1]);
  }
}

TEST_CASE("Forbidden characters are replaced and the document stays well-formed", "[graphml]") {
  KnowledgeGraph kg;
  kg.UpsertNode(MakeNode("talk:ctl", Label::kTalk, "nul\x01 bell\x07 bad\xFF end"));
  std::string xml = ToGraphML(kg);
  XmlElement root = ParseOrFail(xml);
  KeyIndex keys = IndexKeys(root);
  auto data = DataOf(*root.First("graph")->First("node"), keys);
  CHECK(data.at("name") == "nul\xEF\xBF\xBD bell\xEF\xBF\xBD bad\xEF\xBF\xBD end");
}

TEST_CASE("The hostile fixture round-trips through GraphML", "[graphml]") {
  auto kg = ReadGraphFile(std::string(CNKG_TEST_DATA_DIR) + "/export/hostile.json");
  REQUIRE(kg.ok());
  XmlElement root = ParseOrFail(ToGraphML(*kg));
  KeyIndex keys = IndexKeys(root);
  auto nodes = root.First("graph")->All("node");
  auto edges = root.First("graph")->All("edge");
  REQUIRE(nodes.size() == kg->num_nodes());
  REQUIRE(edges.size() == kg->num_edges());
  CHECK(kg->num_edges() > 0);
  for (const XmlElement* node : nodes) {
    auto v = kg->Find(*node->Attr("id"));
    REQUIRE(v.has_value());
    const Node& n = kg->node(*v);
    auto data = DataOf(*node, keys);
    CHECK(data.at("name") == n.name);
    CHECK(node->Attr("labels") == ":" + std::string(LabelName(n.label)));
  }
  std::multiset<std::string> got, want;
  for (const XmlElement* e : edges) {
    got.insert(*e->Attr("source") + " " + *e->Attr("label") + " " + *e->Attr("target"));
  }
  const auto& g = kg->graph();
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    want.insert(g[boost::source(e, g)].key + " " + std::string(RelTypeName(g[e].type)) + " " +
                g[boost::target(e, g)].key);
  }
  CHECK(got == want);
}

}  // namespace
}  // namespace cnkg
