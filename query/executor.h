#ifndef CNKG_QUERY_EXECUTOR_H_
#define CNKG_QUERY_EXECUTOR_H_

#include <cstddef>
#include <string>
#include <vector>

#include "query/bound.h"
#include "query/errors.h"
#include "query/eval_context.h"
#include "query/graph_view.h"
#include "query/planner.h"

namespace cnkg::query {

struct ExecOutput {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
  bool truncated = false;  // more rows than max_rows existed
};

// Runs a planned query as a push pipeline: one row enters the first clause, each MATCH and
// UNWIND multiplies rows, WHERE filters them, WITH and RETURN project, aggregate, deduplicate,
// sort, skip and limit. LIMIT stops the work upstream of it as soon as it has enough rows.
// Matching uses walk semantics (Kuzu's): a relationship may appear more than once in a match.
// `plans` must come from PlanMatches(query, view). `max_rows` (0: no cap) caps the result.
// Fails with the first runtime error.
Expected<ExecOutput, RuntimeError> Execute(const BoundQuery& query,
                                           const std::vector<MatchPlan>& plans,
                                           const GraphView& view, const ExecLimits& limits,
                                           std::size_t max_rows);

}  // namespace cnkg::query

#endif  // CNKG_QUERY_EXECUTOR_H_
