#include "graph/snapshot.h"

#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "common/files.h"
#include "common/json_writer.h"
#include "graph/binary_graph.h"

namespace cnkg {
namespace {

using nlohmann::json;

const std::set<std::string>& ReservedNodeMembers() {
  static const std::set<std::string> s = {"id",      "label",    "name",
                                          "aliases", "evidence", "documents"};
  return s;
}
const std::set<std::string>& ReservedLinkMembers() {
  static const std::set<std::string> s = {"source", "target",   "key",
                                          "type",   "evidence", "documents"};
  return s;
}

json PropertyToJson(const PropertyValue& v) {
  return std::visit([](const auto& x) -> json { return json(x); }, v);
}

bool JsonToProperty(const json& j, PropertyValue* out) {
  if (j.is_string()) {
    *out = j.get<std::string>();
  } else if (j.is_boolean()) {
    *out = j.get<bool>();
  } else if (j.is_number_integer()) {
    *out = j.get<std::int64_t>();
  } else if (j.is_number_float()) {
    *out = j.get<double>();
  } else if (j.is_array()) {
    std::vector<std::string> list;
    for (const auto& x : j) {
      if (!x.is_string()) return false;
      list.push_back(x.get<std::string>());
    }
    *out = std::move(list);
  } else {
    return false;  // null and objects are not property values
  }
  return true;
}

// The documents that support a node or edge, in first-seen order.
json DocumentsOf(const std::vector<Evidence>& list) {
  json arr = json::array();
  std::set<std::string> seen;
  for (const Evidence& e : list)
    if (!e.document.empty() && seen.insert(e.document).second) arr.push_back(e.document);
  return arr;
}

json EvidenceToJson(const std::vector<Evidence>& list) {
  json arr = json::array();
  for (const Evidence& e : list) {
    arr.push_back({{"document", e.document}, {"line", e.line}, {"text", e.text}});
  }
  return arr;
}

bool JsonToEvidence(const json& j, std::vector<Evidence>* out) {
  if (!j.is_array()) return false;
  for (const auto& x : j) {
    if (!x.is_object()) return false;
    Evidence e;
    if (x.contains("document") && x["document"].is_string()) e.document = x["document"];
    if (x.contains("line") && x["line"].is_number_integer()) e.line = x["line"];
    if (x.contains("text") && x["text"].is_string()) e.text = x["text"];
    AddEvidence(*out, e);
  }
  return true;
}

}  // namespace

json ToNodeLink(const KnowledgeGraph& kg) {
  const auto& g = kg.graph();
  json nodes = json::array();
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const Node& n = g[v];
    json j = json::object();
    j["id"] = n.key;
    j["label"] = std::string(LabelName(n.label));
    j["name"] = n.name;
    j["aliases"] = n.aliases;
    // A property cannot take the place of a member the file itself uses ("label", "id").
    for (const auto& [k, val] : n.properties)
      if (!ReservedNodeMembers().count(k)) j[k] = PropertyToJson(val);
    j["documents"] = DocumentsOf(n.evidence);
    j["evidence"] = EvidenceToJson(n.evidence);
    nodes.push_back(std::move(j));
  }
  json links = json::array();
  std::map<std::pair<std::size_t, std::size_t>, int> parallel;
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const Edge& ed = g[e];
    auto s = boost::source(e, g), t = boost::target(e, g);
    json j = json::object();
    j["source"] = g[s].key;
    j["target"] = g[t].key;
    j["key"] = parallel[{s, t}]++;
    j["type"] = std::string(RelTypeName(ed.type));
    for (const auto& [k, val] : ed.properties)
      if (!ReservedLinkMembers().count(k)) j[k] = PropertyToJson(val);
    j["documents"] = DocumentsOf(ed.evidence);
    j["evidence"] = EvidenceToJson(ed.evidence);
    links.push_back(std::move(j));
  }
  return json{{"directed", true},
              {"multigraph", true},
              {"graph", {{"generator", "cnkg"}, {"format_version", 1}}},
              {"nodes", std::move(nodes)},
              {"links", std::move(links)}};
}

Result<KnowledgeGraph> FromNodeLink(const json& doc, const std::string& origin) {
  auto fail = [&](const std::string& what) -> Status {
    return Status::ParseError(origin + ": " + what);
  };
  if (!doc.is_object()) return fail("not a node-link graph: the top level is not an object");
  if (!doc.contains("nodes") || !doc["nodes"].is_array())
    return fail("not a node-link graph: no \"nodes\" array");
  const char* links_name = doc.contains("links") ? "links" : "edges";
  if (doc.contains(links_name) && !doc[links_name].is_array())
    return fail(std::string("\"") + links_name + "\" is not an array");
  KnowledgeGraph kg;
  std::size_t i = 0;
  for (const auto& jn : doc["nodes"]) {
    std::string where = "node " + std::to_string(i++);
    if (!jn.is_object()) return fail(where + " is not an object");
    if (!jn.contains("id") || !jn["id"].is_string() || jn["id"].get<std::string>().empty())
      return fail(where + " has no string \"id\"");
    Node n;
    n.key = jn["id"];
    where += " ('" + n.key + "')";
    if (!jn.contains("label") || !jn["label"].is_string())
      return fail(where + " has no string \"label\"");
    auto label = ParseLabel(jn["label"].get<std::string>());
    if (!label) return fail(where + " has unknown label '" + jn["label"].get<std::string>() + "'");
    n.label = *label;
    if (jn.contains("name") && jn["name"].is_string()) n.name = jn["name"];
    if (jn.contains("aliases")) {
      if (!jn["aliases"].is_array()) return fail(where + ": \"aliases\" is not a list");
      for (const auto& a : jn["aliases"]) {
        if (!a.is_string()) return fail(where + ": an alias is not a string");
        n.aliases.push_back(a);
      }
    }
    if (jn.contains("evidence") && !JsonToEvidence(jn["evidence"], &n.evidence))
      return fail(where + ": \"evidence\" is not a list of objects");
    for (const auto& [k, v] : jn.items()) {
      if (ReservedNodeMembers().count(k)) continue;
      PropertyValue pv;
      if (JsonToProperty(v, &pv)) n.properties.emplace(k, std::move(pv));
    }
    if (kg.Find(n.key)) return fail(where + " repeats an id");
    kg.UpsertNode(n);
  }
  if (doc.contains(links_name)) {
    i = 0;
    for (const auto& jl : doc[links_name]) {
      std::string where = "link " + std::to_string(i++);
      if (!jl.is_object()) return fail(where + " is not an object");
      for (const char* m : {"source", "target", "type"}) {
        if (!jl.contains(m) || !jl[m].is_string())
          return fail(where + " has no string \"" + m + "\"");
      }
      auto type = ParseRelType(jl["type"].get<std::string>());
      if (!type) return fail(where + " has unknown type '" + jl["type"].get<std::string>() + "'");
      auto s = kg.Find(jl["source"].get<std::string>());
      auto t = kg.Find(jl["target"].get<std::string>());
      if (!s)
        return fail(where + " names an unknown source '" + jl["source"].get<std::string>() + "'");
      if (!t)
        return fail(where + " names an unknown target '" + jl["target"].get<std::string>() + "'");
      Edge e;
      e.type = *type;
      if (jl.contains("evidence") && !JsonToEvidence(jl["evidence"], &e.evidence))
        return fail(where + ": \"evidence\" is not a list of objects");
      for (const auto& [k, v] : jl.items()) {
        if (ReservedLinkMembers().count(k)) continue;
        PropertyValue pv;
        if (JsonToProperty(v, &pv)) e.properties.emplace(k, std::move(pv));
      }
      kg.UpsertEdge(*s, *t, e);
    }
  }
  return kg;
}

bool IsBinaryGraphPath(std::string_view path) {
  constexpr std::string_view kExtension = ".cnkg";
  return path.size() > kExtension.size() &&
         path.substr(path.size() - kExtension.size()) == kExtension;
}

Status WriteGraphFile(const KnowledgeGraph& graph, const std::string& path) {
  if (IsBinaryGraphPath(path)) return WriteBinaryGraphFile(graph, path);
  return WriteFileAtomically(path, DumpJson(ToNodeLink(graph), 1) + "\n");
}

Result<KnowledgeGraph> ReadGraphFile(const std::string& path) {
  // Large graph files are mapped rather than copied into memory; anything that cannot be mapped
  // (a pipe, a missing file) is read, which also reports the error.
  std::optional<MappedFile> mapped = MappedFile::Open(path);
  std::string copy;
  std::string_view text;
  if (mapped) {
    text = mapped->bytes();
  } else {
    auto read = ReadFile(path);
    if (!read.ok()) return read.status();
    copy = std::move(*read);
    text = copy;
  }
  if (IsBinaryGraph(text)) return ParseBinaryGraph(text, path);
  json doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    // Find the first parse error's position with the exception-throwing parser.
    try {
      json probe = json::parse(text.begin(), text.end());
      (void)probe;
    } catch (const json::parse_error& e) {
      // Convert the byte offset to line and column.
      std::size_t off = e.byte > 0 ? e.byte - 1 : 0;
      int line = 1, col = 1;
      for (std::size_t k = 0; k < off && k < text.size(); ++k) {
        if (text[k] == '\n') {
          ++line;
          col = 1;
        } else {
          ++col;
        }
      }
      return Status::ParseError(path + ":" + std::to_string(line) + ":" + std::to_string(col) +
                                ": not a graph file: invalid JSON");
    }
    return Status::ParseError(path + ": not a graph file: invalid JSON");
  }
  return FromNodeLink(doc, path);
}

bool IsBinaryGraphFile(const std::string& path) {
  char head[8] = {};
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  const std::size_t n = std::fread(head, 1, sizeof head, f);
  std::fclose(f);
  return IsBinaryGraph(std::string_view(head, n));
}

Result<std::shared_ptr<const CompactGraph>> ReadQueryGraph(const std::string& path) {
  if (IsBinaryGraphFile(path)) return CompactGraph::OpenFile(path);
  auto graph = ReadGraphFile(path);
  if (!graph.ok()) return graph.status();
  return CompactGraph::FromKnowledgeGraph(*graph);
}

}  // namespace cnkg
