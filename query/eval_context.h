#ifndef CNKG_QUERY_EVAL_CONTEXT_H_
#define CNKG_QUERY_EVAL_CONTEXT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "query/errors.h"
#include "query/graph_view.h"

namespace re2 {
class RE2;
}

namespace cnkg::query {

// Work limits that keep every query bounded in time and memory. A query that exceeds one stops
// with a RuntimeError instead of exhausting the machine.
struct ExecLimits {
  // Relationship expansions, rows, and list elements computed.
  std::uint64_t max_steps = 200'000'000;
  // Rows and values held at once by ORDER BY, DISTINCT, aggregation and long lists.
  std::uint64_t max_stored = 5'000'000;
};

// Per-query state shared by evaluation and the operators: the graph, the first runtime error,
// the work counters and the compiled regular expressions of =~ with computed patterns. Not
// thread-safe.
class EvalContext {
 public:
  EvalContext(const GraphView& view, ExecLimits limits);
  ~EvalContext();
  EvalContext(const EvalContext&) = delete;
  EvalContext& operator=(const EvalContext&) = delete;

  const GraphView& view() const { return view_; }

  bool failed() const { return error_.has_value(); }
  const std::optional<RuntimeError>& error() const { return error_; }
  // Records a runtime error; only the first one is kept.
  void Fail(SourceSpan span, std::string message);

  // Counts `n` units of work; false (and an error) once the step limit is passed.
  bool Charge(std::uint64_t n = 1) {
    steps_ += n;
    return steps_ <= limits_.max_steps || ChargeFailed();
  }
  // Counts values held at once; Release gives them back. False (and an error) past the limit.
  bool Hold(std::uint64_t n) {
    held_ += n;
    return held_ <= limits_.max_stored || HoldFailed();
  }
  void Release(std::uint64_t n) { held_ = n > held_ ? 0 : held_ - n; }

  // The compiled form of a regular expression (RE2 syntax, whole-string match), or null with an
  // error when it does not compile.
  const re2::RE2* Regex(const std::string& pattern, SourceSpan span);

 private:
  bool ChargeFailed();  // records the step limit's error; false
  bool HoldFailed();    // records the memory limit's error; false
  const GraphView& view_;
  ExecLimits limits_;
  std::optional<RuntimeError> error_;
  std::uint64_t steps_ = 0;
  std::uint64_t held_ = 0;
  std::unordered_map<std::string, std::unique_ptr<re2::RE2>> regexes_;
};

}  // namespace cnkg::query

#endif  // CNKG_QUERY_EVAL_CONTEXT_H_
