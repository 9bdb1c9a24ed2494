#include "query/eval_context.h"

#include <re2/re2.h>

#include "query/functions.h"

namespace cnkg::query {

EvalContext::EvalContext(const GraphView& view, ExecLimits limits) : view_(view), limits_(limits) {}

EvalContext::~EvalContext() = default;

void EvalContext::Fail(SourceSpan span, std::string message) {
  if (!error_) error_ = RuntimeError{std::move(message), span};
}

bool EvalContext::ChargeFailed() {
  Fail({}, "the query is too expensive: it did more than " + std::to_string(limits_.max_steps) +
               " steps of work; narrow the pattern with labels, relationship types or a lower hop "
               "bound");
  return false;
}

bool EvalContext::HoldFailed() {
  Fail({}, "the query needs too much memory: it holds more than " +
               std::to_string(limits_.max_stored) +
               " rows or values at once; add LIMIT or narrow the pattern");
  return false;
}

const re2::RE2* EvalContext::Regex(const std::string& pattern, SourceSpan span) {
  auto it = regexes_.find(pattern);
  if (it != regexes_.end()) return it->second.get();
  std::string error;
  auto re = CompileRegex(pattern, &error);
  if (!re) {
    Fail(span, error);
    return nullptr;
  }
  if (regexes_.size() > 10000) regexes_.clear();  // computed patterns: keep the cache bounded
  const re2::RE2* raw = re.get();
  regexes_.emplace(pattern, std::move(re));
  return raw;
}

}  // namespace cnkg::query
