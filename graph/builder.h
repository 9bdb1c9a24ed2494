#ifndef CNKG_GRAPH_BUILDER_H_
#define CNKG_GRAPH_BUILDER_H_

#include "common/status.h"
#include "graph/batch.h"
#include "graph/knowledge_graph.h"

namespace cnkg {

// Merges `batch` into `graph`: entities are upserted by key (same key, one node; evidence
// unioned), then relations are upserted between the keyed nodes. Fails with kInternal, leaving
// the graph unchanged, if a relation names a key that is neither in the batch nor in the graph:
// that is an extractor bug, not a user error.
Status AddBatch(const ExtractionBatch& batch, KnowledgeGraph& graph);

}  // namespace cnkg

#endif  // CNKG_GRAPH_BUILDER_H_
