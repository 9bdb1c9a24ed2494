#ifndef CNKG_QUERY_ENGINE_INTERNAL_H_
#define CNKG_QUERY_ENGINE_INTERNAL_H_

#include <string_view>

#include "query/engine.h"
#include "query/eval_context.h"

namespace cnkg::query {

// RunQuery with explicit work limits (RunQuery uses the defaults of ExecLimits). For tests that
// need small limits, such as the fuzz test.
Result<QueryResult> RunQueryWithLimits(const CompactGraph& graph, std::string_view text,
                                       const QueryOptions& options, const ExecLimits& limits);
Result<QueryResult> RunQueryWithLimits(const KnowledgeGraph& graph, std::string_view text,
                                       const QueryOptions& options, const ExecLimits& limits);

}  // namespace cnkg::query

#endif  // CNKG_QUERY_ENGINE_INTERNAL_H_
