#include "export/graphml.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <system_error>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "common/json_writer.h"
#include "export/cypher.h"

namespace cnkg {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The GraphML value type of one key: the column types of the other exports.
using KeyType = ColumnType;

std::string_view KeyTypeName(KeyType t) {
  switch (t) {
    case KeyType::kInt64:
      return "long";
    case KeyType::kDouble:
      return "double";
    case KeyType::kBoolean:
      return "boolean";
    case KeyType::kString:
    case KeyType::kStringList:
      return "string";
  }
  return "string";
}

// The text of `v` as a value of a key of type `as`.
std::string FormatValue(const PropertyValue& v, KeyType as) {
  return std::visit(
      [as](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::int64_t>) {
          return as == KeyType::kDouble ? FormatDouble(static_cast<double>(x)) : std::to_string(x);
        } else if constexpr (std::is_same_v<T, double>) {
          return FormatDouble(x);
        } else if constexpr (std::is_same_v<T, bool>) {
          return x ? "true" : "false";
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          return DumpJson(nlohmann::json(x));
        } else {
          return x;
        }
      },
      v);
}

// One <key> element.
struct KeySpec {
  std::string id;
  std::string domain;  // "node" or "edge"
  std::string attr_name;
  KeyType type = KeyType::kString;
};

// The property keys of one domain: property name -> key.
struct PropertyKeys {
  std::map<std::string, KeySpec> by_property;
};

// Collects the property names and value types of one domain and assigns each a key whose
// attr.name does not collide with `reserved`.
PropertyKeys MakePropertyKeys(const std::map<std::string, std::set<KeyType>>& seen,
                              const std::set<std::string>& reserved, std::string_view domain,
                              std::string_view id_prefix) {
  PropertyKeys out;
  std::set<std::string> used = reserved;
  std::size_t index = 0;
  for (const auto& [name, types] : seen) {
    std::string attr_name = name;
    while (used.count(attr_name)) attr_name = "property_" + attr_name;
    used.insert(attr_name);
    KeySpec spec;
    spec.id = std::string(id_prefix) + std::to_string(index++);
    spec.domain = std::string(domain);
    spec.attr_name = std::move(attr_name);
    spec.type = WidenColumnTypes(types);
    out.by_property.emplace(name, std::move(spec));
  }
  return out;
}

void AppendKey(std::string& out, const KeySpec& k) {
  out += "  <key id=\"";
  out += XmlEscape(k.id);
  out += "\" for=\"";
  out += k.domain;
  out += "\" attr.name=\"";
  out += XmlEscape(k.attr_name);
  out += "\" attr.type=\"";
  out += KeyTypeName(k.type);
  out += "\"";
  if (k.type == KeyType::kStringList) out += " attr.list=\"string\"";
  out += "/>\n";
}

void AppendData(std::string& out, std::string_view key_id, std::string_view value) {
  out += "      <data key=\"";
  out += key_id;
  out += "\">";
  out += XmlEscapeText(value);
  out += "</data>\n";
}

void AppendProperties(std::string& out, const Properties& props, const PropertyKeys& keys) {
  for (const auto& [name, value] : props) {
    const KeySpec& k = keys.by_property.at(name);
    AppendData(out, k.id, FormatValue(value, k.type));
  }
}

// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 if it is not well-formed.
std::size_t DecodeUtf8(std::string_view s, std::size_t i, char32_t* cp) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  auto cont = [&](std::size_t k) { return k < s.size() && (byte(k) & 0xC0) == 0x80; };
  unsigned char b = byte(i);
  if (b < 0x80) {
    *cp = b;
    return 1;
  }
  if (b >= 0xC2 && b <= 0xDF && cont(i + 1)) {
    *cp = ((b & 0x1Fu) << 6) | (byte(i + 1) & 0x3Fu);
    return 2;
  }
  if (b >= 0xE0 && b <= 0xEF && cont(i + 1) && cont(i + 2)) {
    char32_t c = ((b & 0x0Fu) << 12) | ((byte(i + 1) & 0x3Fu) << 6) | (byte(i + 2) & 0x3Fu);
    if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) return 0;  // overlong or surrogate
    *cp = c;
    return 3;
  }
  if (b >= 0xF0 && b <= 0xF4 && cont(i + 1) && cont(i + 2) && cont(i + 3)) {
    char32_t c = ((b & 0x07u) << 18) | ((byte(i + 1) & 0x3Fu) << 12) |
                 ((byte(i + 2) & 0x3Fu) << 6) | (byte(i + 3) & 0x3Fu);
    if (c < 0x10000 || c > 0x10FFFF) return 0;  // overlong or out of range
    *cp = c;
    return 4;
  }
  return 0;
}

bool XmlAllowed(char32_t c) {
  if (c < 0x20) return c == 0x09 || c == 0x0A || c == 0x0D;
  return c != 0xFFFE && c != 0xFFFF;
}

}  // namespace

std::string XmlSafeText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t cp = 0;
    std::size_t n = DecodeUtf8(text, i, &cp);
    if (n == 0) {
      out += kReplacement;  // one replacement per invalid byte
      ++i;
    } else if (!XmlAllowed(cp)) {
      out += kReplacement;
      i += n;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string XmlEscape(std::string_view text) {
  std::string safe = XmlSafeText(text);
  std::string out;
  out.reserve(safe.size() + safe.size() / 8);
  for (char c : safe) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\t':
        out += "&#9;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string XmlEscapeText(std::string_view text) {
  const std::string safe = XmlSafeText(text);
  std::string out;
  out.reserve(safe.size() + 16);
  // Carriage returns cannot be literal (not even in CDATA), so they split the text into runs.
  std::size_t start = 0;
  while (start <= safe.size()) {
    std::size_t end = safe.find('\r', start);
    if (end == std::string::npos) end = safe.size();
    std::string_view run = std::string_view(safe).substr(start, end - start);
    if (run.find_first_of("&<") != std::string_view::npos ||
        run.find("]]>") != std::string_view::npos) {
      // One CDATA section; a "]]>" inside is split across two sections.
      out += "<![CDATA[";
      for (std::size_t i = 0; i < run.size(); ++i) {
        out += run[i];
        if (run[i] == ']' && run.substr(i, 3) == "]]>") {
          out += "]]><![CDATA[";
          // The second ']' and the '>' follow in the next section.
        }
      }
      out += "]]>";
    } else {
      out += run;
    }
    if (end == safe.size()) break;
    out += "&#13;";
    start = end + 1;
  }
  return out;
}

std::string ToGraphML(const KnowledgeGraph& kg) {
  const auto& g = kg.graph();

  // Property names and the value types seen for each, per domain.
  std::map<std::string, std::set<KeyType>> node_seen, edge_seen;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    for (const auto& [name, value] : g[v].properties) node_seen[name].insert(ColumnTypeOf(value));
  }
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    for (const auto& [name, value] : g[e].properties) edge_seen[name].insert(ColumnTypeOf(value));
  }

  const std::vector<KeySpec> node_fixed = {
      {"labels", "node", "labels", KeyType::kString},
      {"name", "node", "name", KeyType::kString},
      {"aliases", "node", "aliases", KeyType::kStringList},
      {"evidence", "node", "evidence", KeyType::kString},
      {"evidence_count", "node", "evidence_count", KeyType::kInt64},
  };
  const std::vector<KeySpec> edge_fixed = {
      {"label", "edge", "label", KeyType::kString},
      {"type", "edge", "type", KeyType::kString},
      {"edge_evidence", "edge", "evidence", KeyType::kString},
      {"edge_evidence_count", "edge", "evidence_count", KeyType::kInt64},
  };
  // "id" is reserved because igraph stores element ids in an attribute of that name.
  std::set<std::string> node_reserved = {"id"}, edge_reserved = {"id"};
  for (const auto& k : node_fixed) node_reserved.insert(k.attr_name);
  for (const auto& k : edge_fixed) edge_reserved.insert(k.attr_name);
  PropertyKeys node_keys = MakePropertyKeys(node_seen, node_reserved, "node", "np");
  PropertyKeys edge_keys = MakePropertyKeys(edge_seen, edge_reserved, "edge", "ep");

  std::string out;
  out +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
      " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
      " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
      " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const auto& k : node_fixed) AppendKey(out, k);
  for (const auto& [name, k] : node_keys.by_property) AppendKey(out, k);
  for (const auto& k : edge_fixed) AppendKey(out, k);
  for (const auto& [name, k] : edge_keys.by_property) AppendKey(out, k);
  out += "  <graph id=\"G\" edgedefault=\"directed\">\n";

  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const Node& n = g[v];
    const std::string labels = ":" + std::string(LabelName(n.label));
    out += "    <node id=\"";
    out += XmlEscape(n.key);
    out += "\" labels=\"";
    out += XmlEscape(labels);
    out += "\">\n";
    AppendData(out, "labels", labels);
    AppendData(out, "name", n.name);
    AppendData(out, "aliases", DumpJson(nlohmann::json(n.aliases)));
    AppendData(out, "evidence", EvidenceJson(n.evidence));
    AppendData(out, "evidence_count", std::to_string(n.evidence.size()));
    AppendProperties(out, n.properties, node_keys);
    out += "    </node>\n";
  }

  std::size_t edge_index = 0;
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const Edge& ed = g[e];
    const std::string type(RelTypeName(ed.type));
    out += "    <edge id=\"e";
    out += std::to_string(edge_index++);
    out += "\" source=\"";
    out += XmlEscape(g[boost::source(e, g)].key);
    out += "\" target=\"";
    out += XmlEscape(g[boost::target(e, g)].key);
    out += "\" label=\"";
    out += XmlEscape(type);
    out += "\">\n";
    AppendData(out, "label", type);
    AppendData(out, "type", type);
    AppendData(out, "edge_evidence", EvidenceJson(ed.evidence));
    AppendData(out, "edge_evidence_count", std::to_string(ed.evidence.size()));
    AppendProperties(out, ed.properties, edge_keys);
    out += "    </edge>\n";
  }

  out += "  </graph>\n</graphml>\n";
  return out;
}

}  // namespace cnkg
