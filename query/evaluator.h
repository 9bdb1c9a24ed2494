#ifndef CNKG_QUERY_EVALUATOR_H_
#define CNKG_QUERY_EVALUATOR_H_

#include <vector>

#include "query/bound.h"
#include "query/eval_context.h"
#include "query/value.h"

namespace cnkg::query {

using Row = std::vector<Value>;

// Evaluates a bound expression over `row` (indexed by slot). List comprehensions write their
// element variable into its slot of `row`. Type errors, overflow, bad regular expressions and
// exhausted limits are recorded in `ctx` (the first one wins) and yield null; callers check
// ctx.failed().
Value Evaluate(const BExpr& e, Row& row, EvalContext& ctx);

// Evaluates a predicate: true, false or null (unknown). A non-boolean, non-null result is a
// runtime error.
Tri EvaluatePredicate(const BExpr& e, Row& row, EvalContext& ctx);

}  // namespace cnkg::query

#endif  // CNKG_QUERY_EVALUATOR_H_
