#include "graph/why.h"

#include <set>

#include "common/strings.h"
#include "graph/lookup.h"

namespace cnkg {
namespace {

using Vertex = KnowledgeGraph::Vertex;

std::string Describe(const Node& n) {
  return std::string(LabelName(n.label)) + " \"" + n.name + "\"";
}

void AppendEvidence(std::string& out, const std::vector<Evidence>& list, const char* indent) {
  for (const Evidence& e : list) {
    out += indent;
    out += e.document;
    if (e.line > 0) out += ":" + std::to_string(e.line);
    if (!e.text.empty()) out += "  " + e.text;
    out += "\n";
  }
}

Status NotFound(const KnowledgeGraph& graph, std::string_view name) {
  std::string msg = "no node named '" + std::string(name) + "'";
  auto s = SuggestNames(graph, name);
  if (!s.empty()) msg += " (did you mean: " + Join(s, "; ") + "?)";
  return Status::NotFound(msg);
}

}  // namespace

Result<std::string> ExplainEntity(const KnowledgeGraph& graph, std::string_view name) {
  auto found = FindByName(graph, name);
  if (found.empty()) return NotFound(graph, name);
  const auto& g = graph.graph();
  std::string out;
  for (Vertex v : found) {
    const Node& n = g[v];
    if (!out.empty()) out += "\n";
    out += n.name + "  [" + std::string(LabelName(n.label)) + "]  " + n.key + "\n";
    if (!n.aliases.empty()) out += "  also known as: " + Join(n.aliases, "; ") + "\n";
    std::set<std::string> docs;
    for (const auto& e : n.evidence) docs.insert(e.document);
    std::vector<std::string> doc_list(docs.begin(), docs.end());
    out += "  documents: " + (doc_list.empty() ? std::string("(none)") : Join(doc_list, ", ")) +
           "\n";
    if (!n.evidence.empty()) {
      out += "  read at:\n";
      AppendEvidence(out, n.evidence, "    ");
    }
    std::size_t degree = boost::out_degree(v, g) + boost::in_degree(v, g);
    if (degree) out += "  relationships (" + std::to_string(degree) + "):\n";
    for (auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      out += "    -[" + std::string(RelTypeName(g[e].type)) + "]-> " +
             Describe(g[boost::target(e, g)]) + "\n";
      AppendEvidence(out, g[e].evidence, "        ");
    }
    for (auto e : boost::make_iterator_range(boost::in_edges(v, g))) {
      out += "    <-[" + std::string(RelTypeName(g[e].type)) + "]- " +
             Describe(g[boost::source(e, g)]) + "\n";
      AppendEvidence(out, g[e].evidence, "        ");
    }
  }
  return out;
}

Result<std::string> ExplainPair(const KnowledgeGraph& graph, std::string_view a,
                                std::string_view b) {
  auto as = FindByName(graph, a);
  if (as.empty()) return NotFound(graph, a);
  auto bs = FindByName(graph, b);
  if (bs.empty()) return NotFound(graph, b);
  std::set<Vertex> bset(bs.begin(), bs.end());
  const auto& g = graph.graph();
  std::string out;
  int edges = 0;
  for (Vertex v : as) {
    for (auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      if (!bset.count(boost::target(e, g))) continue;
      ++edges;
      out += Describe(g[v]) + " -[" + std::string(RelTypeName(g[e].type)) + "]-> " +
             Describe(g[boost::target(e, g)]) + "\n";
      AppendEvidence(out, g[e].evidence, "    ");
    }
    for (auto e : boost::make_iterator_range(boost::in_edges(v, g))) {
      if (!bset.count(boost::source(e, g))) continue;
      ++edges;
      out += Describe(g[boost::source(e, g)]) + " -[" + std::string(RelTypeName(g[e].type)) +
             "]-> " + Describe(g[v]) + "\n";
      AppendEvidence(out, g[e].evidence, "    ");
    }
  }
  if (edges == 0) {
    return Status::NotFound("'" + std::string(a) + "' and '" + std::string(b) +
                            "' are not directly related (try 'cnkg why' on each)");
  }
  return out;
}

}  // namespace cnkg
