#include "query/engine.h"

#include <exception>
#include <nlohmann/json.hpp>

#include "query/binder.h"
#include "query/engine_internal.h"
#include "query/executor.h"
#include "query/graph_view.h"
#include "query/parser.h"
#include "query/planner.h"

namespace cnkg {
namespace {

using query::Value;

Value FromJson(const nlohmann::json& j) {
  if (j.is_null()) return Value();
  if (j.is_boolean()) return Value::Bool(j.get<bool>());
  if (j.is_number_integer()) {
    if (j.is_number_unsigned() && j.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
      return Value::Double(j.get<double>());
    }
    return Value::Int(j.get<std::int64_t>());
  }
  if (j.is_number()) return Value::Double(j.get<double>());
  if (j.is_string()) return Value::String(j.get<std::string>());
  if (j.is_array()) {
    query::ValueList list;
    for (const auto& x : j) list.push_back(FromJson(x));
    return Value::List(std::move(list));
  }
  query::ValueMap map;
  for (auto it = j.begin(); it != j.end(); ++it) map.emplace_back(it.key(), FromJson(it.value()));
  return Value::Map(std::move(map));
}

// A --param value: JSON when it reads as JSON, a string otherwise.
Value ParamValue(const std::string& text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Value::String(text);
  return FromJson(j);
}

Result<QueryResult> Run(const CompactGraph& graph, std::string_view text,
                        const QueryOptions& options, const query::ExecLimits& limits) {
  if (options.default_max_hops < 1) {
    return Status::InvalidArgument("the default hop bound must be at least 1, got " +
                                   std::to_string(options.default_max_hops));
  }
  auto parsed = query::Parse(text);
  if (!parsed.ok()) {
    return Status::ParseError(query::RenderAt(text, parsed.error().span, parsed.error().message));
  }
  query::GraphView view(graph);
  query::Schema schema(view);
  std::map<std::string, Value> params;
  for (const auto& [name, value] : options.params) params[name] = ParamValue(value);
  auto bound = query::Bind(parsed.value(), text, schema, params, options.default_max_hops);
  if (!bound.ok()) {
    return Status::InvalidArgument(
        query::RenderAt(text, bound.error().span, bound.error().message));
  }
  auto plans = query::PlanMatches(bound.value(), view);
  auto out = query::Execute(bound.value(), plans, view, limits, options.max_rows);
  if (!out.ok()) {
    const query::RuntimeError& e = out.error();
    if (e.span.end > e.span.begin) {
      return Status::InvalidArgument(query::RenderAt(text, e.span, e.message));
    }
    return Status::InvalidArgument(e.message);
  }
  QueryResult result;
  result.columns = std::move(out.value().columns);
  result.rows = std::move(out.value().rows);
  result.notices = std::move(bound.value().notices);
  if (out.value().truncated) {
    result.notices.push_back("output truncated to " + std::to_string(options.max_rows) +
                             " rows (--max-rows); more rows matched");
  }
  return result;
}

}  // namespace

Result<QueryResult> RunQuery(const CompactGraph& graph, std::string_view text,
                             const QueryOptions& options) {
  return query::RunQueryWithLimits(graph, text, options, query::ExecLimits{});
}

Result<QueryResult> RunQuery(const KnowledgeGraph& graph, std::string_view text,
                             const QueryOptions& options) {
  return query::RunQueryWithLimits(graph, text, options, query::ExecLimits{});
}

namespace query {

Result<QueryResult> RunQueryWithLimits(const KnowledgeGraph& graph, std::string_view text,
                                       const QueryOptions& options, const ExecLimits& limits) {
  auto compact = CompactGraph::FromKnowledgeGraph(graph);
  auto result = RunQueryWithLimits(*compact, text, options, limits);
  if (result.ok()) result->graph = compact;
  return result;
}

Result<QueryResult> RunQueryWithLimits(const CompactGraph& graph, std::string_view text,
                                       const QueryOptions& options, const ExecLimits& limits) {
  // The pipeline reports every expected failure as a value; this only turns a bug (or memory
  // exhaustion) into an error message instead of a crash.
  try {
    auto result = Run(graph, text, options, limits);
    // A corruption met while reading the graph (see CompactGraph) wins over the answer and over
    // any error it caused.
    if (!graph.status().ok()) return graph.status();
    return result;
  } catch (const std::exception& e) {
    return Status::Internal(std::string("query failed unexpectedly: ") + e.what());
  }
}

}  // namespace query
}  // namespace cnkg
