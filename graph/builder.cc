#include "graph/builder.h"

#include <unordered_set>

namespace cnkg {

std::string Diagnostic::ToString() const {
  std::string out = document;
  if (line > 0) out += ":" + std::to_string(line);
  out += severity == Severity::kError ? ": error: " : ": warning: ";
  out += message;
  return out;
}

Status AddBatch(const ExtractionBatch& batch, KnowledgeGraph& graph) {
  // Check first so that a bad batch leaves the graph as it was.
  std::unordered_set<std::string> keys;
  for (const EntityRecord& e : batch.entities) keys.insert(e.key);
  for (const RelationRecord& r : batch.relations) {
    for (const std::string* k : {&r.source, &r.target}) {
      if (!keys.count(*k) && !graph.Find(*k)) {
        return Status::Internal(batch.document + ": relation " +
                                std::string(RelTypeName(r.type)) + " names an unknown key '" +
                                *k + "'");
      }
    }
  }
  for (const EntityRecord& e : batch.entities) {
    Node n;
    n.key = e.key;
    n.label = e.label;
    n.name = e.name;
    n.aliases = e.aliases;
    n.properties = e.properties;
    AddEvidence(n.evidence, e.evidence);
    graph.UpsertNode(n);
  }
  for (const RelationRecord& r : batch.relations) {
    auto s = graph.Find(r.source);
    auto t = graph.Find(r.target);
    Edge e;
    e.type = r.type;
    e.properties = r.properties;
    AddEvidence(e.evidence, r.evidence);
    graph.UpsertEdge(*s, *t, e);
  }
  return Status::Ok();
}

}  // namespace cnkg
