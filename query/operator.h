#ifndef CNKG_QUERY_OPERATOR_H_
#define CNKG_QUERY_OPERATOR_H_

// The push operators query execution chains together (internal to query/): executor.cc holds
// MATCH, UNWIND, filtering, projection, sorting and paging; aggregate_op.cc grouping and
// DISTINCT.

#include <memory>

#include "query/bound.h"
#include "query/eval_context.h"
#include "query/evaluator.h"

namespace cnkg::query {

// A push operator: rows go in through Push, results go to the next operator.
class Operator {
 public:
  explicit Operator(EvalContext& ctx) : ctx_(ctx) {}
  virtual ~Operator() = default;
  Operator(const Operator&) = delete;
  Operator& operator=(const Operator&) = delete;

  // Processes one row (which it may modify). Returns false when no more rows are wanted: the
  // operators downstream have enough, or an error occurred.
  virtual bool Push(Row& row) = 0;
  // No more rows will come: operators that hold rows send them now. Always passed on.
  virtual void Finish() {
    if (next_) next_->Finish();
  }
  void set_next(Operator* next) { next_ = next; }

 protected:
  bool Emit(Row& row) {
    if (stopped_ || ctx_.failed()) return false;
    if (!next_->Push(row)) stopped_ = true;
    return !stopped_ && !ctx_.failed();
  }
  bool stopped() const { return stopped_ || ctx_.failed(); }

  EvalContext& ctx_;
  Operator* next_ = nullptr;
  bool stopped_ = false;
};

// Grouping and aggregation of a projection with aggregates (proj.aggregates not empty). Groups
// rows on the ids of the graph elements their keys read, and merges groups whose key values
// turn out equal when it finishes.
std::unique_ptr<Operator> MakeAggregateOp(EvalContext& ctx, const BProjection& proj, int num_slots);
// Drops rows whose items read the same graph elements (by id) as an earlier row; rows whose
// items read other values pass. Goes before the projection of a DISTINCT without aggregates.
std::unique_ptr<Operator> MakeIdDistinctOp(EvalContext& ctx, const BProjection& proj);
// Drops rows whose projected items equal an earlier row's.
std::unique_ptr<Operator> MakeDistinctOp(EvalContext& ctx, const BProjection& proj);

}  // namespace cnkg::query

#endif  // CNKG_QUERY_OPERATOR_H_
