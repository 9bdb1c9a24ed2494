#include "graph/why.h"

#include <set>

#include "common/strings.h"
#include "graph/lookup.h"

namespace cnkg {
namespace {

std::string Describe(const CompactGraph& g, std::uint32_t v) {
  return std::string(LabelName(g.label(v))) + " \"" + std::string(g.name(v)) + "\"";
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

Status NotFound(const CompactGraph& graph, std::string_view name) {
  std::string msg = "no node named '" + std::string(name) + "'";
  auto s = SuggestNames(graph, name);
  if (!s.empty()) msg += " (did you mean: " + Join(s, "; ") + "?)";
  return Status::NotFound(msg);
}

}  // namespace

Result<std::string> ExplainEntity(const CompactGraph& graph, std::string_view name) {
  auto found = FindByName(graph, name);
  if (found.empty()) return NotFound(graph, name);
  std::string out;
  for (std::uint32_t v : found) {
    const Node n = graph.node(v);
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
    const std::size_t degree = graph.out(v).size() + graph.in(v).size();
    if (degree) out += "  relationships (" + std::to_string(degree) + "):\n";
    for (const auto& a : graph.out(v)) {
      out += "    -[" + std::string(RelTypeName(graph.type(a.rel))) + "]-> " +
             Describe(graph, a.other) + "\n";
      AppendEvidence(out, graph.rel_evidence(a.rel), "        ");
    }
    for (const auto& a : graph.in(v)) {
      out += "    <-[" + std::string(RelTypeName(graph.type(a.rel))) + "]- " +
             Describe(graph, a.other) + "\n";
      AppendEvidence(out, graph.rel_evidence(a.rel), "        ");
    }
  }
  return out;
}

Result<std::string> ExplainPair(const CompactGraph& graph, std::string_view a,
                                std::string_view b) {
  auto as = FindByName(graph, a);
  if (as.empty()) return NotFound(graph, a);
  auto bs = FindByName(graph, b);
  if (bs.empty()) return NotFound(graph, b);
  std::set<std::uint32_t> bset(bs.begin(), bs.end());
  std::string out;
  int edges = 0;
  for (std::uint32_t v : as) {
    for (const auto& e : graph.out(v)) {
      if (!bset.count(e.other)) continue;
      ++edges;
      out += Describe(graph, v) + " -[" + std::string(RelTypeName(graph.type(e.rel))) + "]-> " +
             Describe(graph, e.other) + "\n";
      AppendEvidence(out, graph.rel_evidence(e.rel), "    ");
    }
    for (const auto& e : graph.in(v)) {
      if (!bset.count(e.other)) continue;
      ++edges;
      out += Describe(graph, e.other) + " -[" + std::string(RelTypeName(graph.type(e.rel))) +
             "]-> " + Describe(graph, v) + "\n";
      AppendEvidence(out, graph.rel_evidence(e.rel), "    ");
    }
  }
  if (edges == 0) {
    return Status::NotFound("'" + std::string(a) + "' and '" + std::string(b) +
                            "' are not directly related (try 'cnkg why' on each)");
  }
  return out;
}

Result<std::string> ExplainEntity(const KnowledgeGraph& graph, std::string_view name) {
  return ExplainEntity(*CompactGraph::FromKnowledgeGraph(graph), name);
}

Result<std::string> ExplainPair(const KnowledgeGraph& graph, std::string_view a,
                                std::string_view b) {
  return ExplainPair(*CompactGraph::FromKnowledgeGraph(graph), a, b);
}

}  // namespace cnkg
