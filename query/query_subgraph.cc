// QuerySubgraph: the graph elements a query returns, as a graph of their own (export and render
// --query).

#include <string>

#include "query/engine.h"

namespace cnkg {
namespace {

class Collector {
 public:
  explicit Collector(KnowledgeGraph& out) : out_(out) {}

  // Adds every node, relationship and path inside `value`, however deeply nested in lists and
  // maps.
  void Add(const QueryValue& value) {
    switch (value.type()) {
      case query::ValueType::kNode:
        AddNode(value.as_node());
        break;
      case query::ValueType::kRel:
        AddRel(value.as_rel());
        break;
      case query::ValueType::kPath:
        for (const query::NodeRef& n : value.as_path().nodes) AddNode(n);
        for (const query::RelRef& r : value.as_path().rels) AddRel(r);
        break;
      case query::ValueType::kList:
        for (const QueryValue& v : value.as_list()) Add(v);
        break;
      case query::ValueType::kMap:
        for (const auto& [name, v] : value.as_map()) Add(v);
        break;
      default:
        break;
    }
  }

 private:
  KnowledgeGraph::Vertex AddNode(const query::NodeRef& node) {
    if (auto v = out_.Find(node.key())) return *v;
    return out_.UpsertNode(node.graph->node(node.id));
  }

  void AddRel(const query::RelRef& rel) {
    KnowledgeGraph::Vertex s = AddNode(rel.source_node());
    KnowledgeGraph::Vertex t = AddNode(rel.target_node());
    out_.UpsertEdge(s, t, rel.graph->edge(rel.id));
  }

  KnowledgeGraph& out_;
};

}  // namespace

Result<KnowledgeGraph> QuerySubgraph(const KnowledgeGraph& graph, std::string_view text,
                                     const QueryOptions& options) {
  return QuerySubgraph(*CompactGraph::FromKnowledgeGraph(graph), text, options);
}

Result<KnowledgeGraph> QuerySubgraph(const CompactGraph& graph, std::string_view text,
                                     const QueryOptions& options) {
  Result<QueryResult> result = RunQuery(graph, text, options);
  if (!result.ok()) return result.status();
  if (result->rows.empty())
    return Status::NotFound("the query matched nothing, so there is no graph to show");
  KnowledgeGraph out;
  Collector collector(out);
  for (const auto& row : result->rows)
    for (const QueryValue& v : row) collector.Add(v);
  if (out.num_nodes() == 0) {
    return Status::InvalidArgument(
        "the query returned no nodes, relationships or paths (columns: " +
        [&] {
          std::string c;
          for (const auto& name : result->columns) c += (c.empty() ? "" : ", ") + name;
          return c;
        }() +
        "); return them, as in MATCH p = (a)-[r]->(b) RETURN a, r, b or RETURN p");
  }
  return out;
}

}  // namespace cnkg
