#ifndef CNKG_QUERY_FUNCTIONS_H_
#define CNKG_QUERY_FUNCTIONS_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/bound.h"
#include "query/eval_context.h"
#include "query/value.h"

namespace re2 {
class RE2;
}

namespace cnkg::query {

struct FunctionInfo {
  const char* name;  // as documented, e.g. "toLower"
  Function function;
  int min_args;
  int max_args;  // -1: any number
};

struct AggregateInfo {
  const char* name;
  Aggregate aggregate;
};

// The scalar function with this name (case-insensitive; "lower" and "toLower" are the same), or
// null.
const FunctionInfo* FindFunction(std::string_view name);
// The aggregate function with this name (count, collect, min, max, sum, avg), or null.
const AggregateInfo* FindAggregate(std::string_view name);
// Every function and aggregate name, for suggestions.
std::vector<std::string> AllFunctionNames();

// Calls a scalar function. Null arguments give null (except coalesce). A wrong argument type or
// an impossible value (negative substring start, range step 0, ...) is a runtime error recorded
// in `ctx` (the result is then null).
Value CallFunction(Function f, const std::vector<Value>& args, EvalContext& ctx, SourceSpan span);

// Compiles a =~ pattern: the whole string must match. Returns null and sets *error when RE2
// rejects it.
std::unique_ptr<re2::RE2> CompileRegex(const std::string& pattern, std::string* error);

}  // namespace cnkg::query

#endif  // CNKG_QUERY_FUNCTIONS_H_
