#include "graph/builder.h"

namespace cnkg {

std::string Diagnostic::ToString() const {
  std::string out = document;
  if (line > 0) out += ":" + std::to_string(line);
  out += severity == Severity::kError ? ": error: " : ": warning: ";
  out += message;
  return out;
}

Status AddBatch(const ExtractionBatch& batch, KnowledgeGraph& graph) {
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
    if (!s || !t) {
      return Status::Internal(batch.document + ": relation " + std::string(RelTypeName(r.type)) +
                              " names an unknown key '" + (s ? r.target : r.source) + "'");
    }
    Edge e;
    e.type = r.type;
    e.properties = r.properties;
    AddEvidence(e.evidence, r.evidence);
    graph.UpsertEdge(*s, *t, e);
  }
  return Status::Ok();
}

}  // namespace cnkg
