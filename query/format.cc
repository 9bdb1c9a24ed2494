// FormatTable, FormatJson and FormatCsv (declared in query/engine.h).

#include <utf8proc.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "common/json_writer.h"
#include "query/engine.h"

namespace cnkg {
namespace {

using query::Value;
using query::ValueType;
using Json = nlohmann::ordered_json;

Json Documents(const std::vector<Evidence>& evidence) {
  Json arr = Json::array();
  std::set<std::string> seen;
  for (const Evidence& e : evidence)
    if (!e.document.empty() && seen.insert(e.document).second) arr.push_back(e.document);
  return arr;
}

Json PropertyJson(const PropertyValue& p) {
  return std::visit([](const auto& x) -> Json { return Json(x); }, p);
}

Json NodeJson(const query::NodeRef& n) {
  const Node node = n.graph->node(n.id);
  Json j = Json::object();
  j["id"] = node.key;
  j["label"] = std::string(LabelName(node.label));
  j["name"] = node.name;
  j["aliases"] = node.aliases;
  for (const auto& [k, v] : node.properties)
    if (!j.contains(k)) j[k] = PropertyJson(v);
  j["documents"] = Documents(node.evidence);
  return j;
}

Json RelJson(const query::RelRef& r) {
  const Edge edge = r.graph->edge(r.id);
  Json j = Json::object();
  j["type"] = std::string(RelTypeName(edge.type));
  j["source"] = std::string(r.source_node().key());
  j["target"] = std::string(r.target_node().key());
  for (const auto& [k, v] : edge.properties)
    if (!j.contains(k)) j[k] = PropertyJson(v);
  j["documents"] = Documents(edge.evidence);
  j["evidence_count"] = edge.evidence.size();
  return j;
}

Json ToJson(const Value& v) {
  switch (v.type()) {
    case ValueType::kNull:
      return nullptr;
    case ValueType::kBool:
      return v.as_bool();
    case ValueType::kInt:
      return v.as_int();
    case ValueType::kDouble:
      if (!std::isfinite(v.as_double())) return nullptr;
      return v.as_double();
    case ValueType::kString:
      return v.as_string();
    case ValueType::kList: {
      Json arr = Json::array();
      for (const Value& x : v.as_list()) arr.push_back(ToJson(x));
      return arr;
    }
    case ValueType::kMap: {
      Json obj = Json::object();
      for (const auto& [k, x] : v.as_map()) obj[k] = ToJson(x);
      return obj;
    }
    case ValueType::kNode:
      return NodeJson(v.as_node());
    case ValueType::kRel:
      return RelJson(v.as_rel());
    case ValueType::kPath: {
      Json nodes = Json::array(), rels = Json::array();
      for (const auto& n : v.as_path().nodes) nodes.push_back(NodeJson(n));
      for (const auto& r : v.as_path().rels) rels.push_back(RelJson(r));
      return Json{{"nodes", std::move(nodes)}, {"relationships", std::move(rels)}};
    }
  }
  return nullptr;
}

std::string Dump(const Json& j, int indent = -1) { return DumpJson(j, indent); }

// Display width of valid UTF-8 text (East Asian wide characters count 2).
std::size_t Width(std::string_view s) {
  std::size_t w = 0, i = 0;
  while (i < s.size()) {
    utf8proc_int32_t c = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &c);
    if (n <= 0) {
      ++w;
      ++i;
      continue;
    }
    w += static_cast<std::size_t>(std::max(0, utf8proc_charwidth(c)));
    i += static_cast<std::size_t>(n);
  }
  return w;
}

// Cuts text to at most `max` columns, ending with "...".
std::string Cut(const std::string& s, std::size_t max) {
  if (Width(s) <= max) return s;
  std::string out;
  std::size_t w = 0, i = 0;
  while (i < s.size()) {
    utf8proc_int32_t c = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &c);
    std::size_t len = n <= 0 ? 1 : static_cast<std::size_t>(n);
    std::size_t cw = n <= 0 ? 1 : static_cast<std::size_t>(std::max(0, utf8proc_charwidth(c)));
    if (w + cw > max - 3) break;
    out.append(s, i, len);
    w += cw;
    i += len;
  }
  return out + "...";
}

std::string CellText(const Value& v) {
  std::string s = query::ToDisplayString(v);
  std::string out;
  for (char c : s) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return Cut(out, 80);
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvText(const Value& v) {
  switch (v.type()) {
    case ValueType::kNull:
      return "";
    case ValueType::kString:
      return v.as_string();
    case ValueType::kBool:
    case ValueType::kInt:
    case ValueType::kDouble:
      return query::ToDisplayString(v);
    default:
      return Dump(ToJson(v));
  }
}

}  // namespace

std::string FormatTable(const QueryResult& result) {
  const std::size_t n = result.columns.size();
  std::vector<std::size_t> widths(n);
  std::vector<std::vector<std::string>> cells;
  for (std::size_t c = 0; c < n; ++c) widths[c] = Width(Cut(result.columns[c], 80));
  for (const auto& row : result.rows) {
    std::vector<std::string> line;
    for (std::size_t c = 0; c < n && c < row.size(); ++c) {
      line.push_back(CellText(row[c]));
      widths[c] = std::max(widths[c], Width(line.back()));
    }
    cells.push_back(std::move(line));
  }
  std::string rule = "+";
  for (std::size_t c = 0; c < n; ++c) rule += std::string(widths[c] + 2, '-') + "+";
  rule += "\n";
  auto pad = [](const std::string& s, std::size_t width, bool right) {
    std::string fill(width - std::min(width, Width(s)), ' ');
    return right ? fill + s : s + fill;
  };
  std::string out = rule + "|";
  for (std::size_t c = 0; c < n; ++c)
    out += " " + pad(Cut(result.columns[c], 80), widths[c], false) + " |";
  out += "\n" + rule;
  for (std::size_t r = 0; r < cells.size(); ++r) {
    out += "|";
    for (std::size_t c = 0; c < cells[r].size(); ++c) {
      const bool number = result.rows[r][c].is_number();
      out += " " + pad(cells[r][c], widths[c], number) + " |";
    }
    out += "\n";
  }
  if (!cells.empty()) out += rule;
  out += "(" + std::to_string(result.rows.size()) + (result.rows.size() == 1 ? " row)" : " rows)");
  out += "\n";
  return out;
}

std::string FormatJson(const QueryResult& result) {
  Json arr = Json::array();
  for (const auto& row : result.rows) {
    Json obj = Json::object();
    for (std::size_t c = 0; c < result.columns.size() && c < row.size(); ++c)
      obj[result.columns[c]] = ToJson(row[c]);
    arr.push_back(std::move(obj));
  }
  return Dump(arr, 2) + "\n";
}

std::string FormatCsv(const QueryResult& result) {
  std::string out;
  for (std::size_t c = 0; c < result.columns.size(); ++c) {
    if (c) out += ",";
    out += CsvField(result.columns[c]);
  }
  out += "\r\n";
  for (const auto& row : result.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c) out += ",";
      out += CsvField(CsvText(row[c]));
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace cnkg
