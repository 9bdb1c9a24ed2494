// The query language: the bytes are a Cypher query, parsed, bound, planned and run over the
// query tests' fixture graph (tests/data/queries/fixture.json, which the seed queries are written
// against), and the result is printed as a table, JSON and CSV (as `cnkg query` does).
// Invariants: no crash, hang or sanitizer report; errors say something and are never internal;
// every query stops within its work limits.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz/fuzz_util.h"
#include "graph/compact_graph.h"
#include "graph/snapshot.h"
#include "query/engine.h"
#include "query/engine_internal.h"

#ifndef CNKG_QUERY_FIXTURE
#error "CNKG_QUERY_FIXTURE (the path of tests/data/queries/fixture.json) must be defined"
#endif

using namespace cnkg;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::shared_ptr<const CompactGraph> graph = [] {
    auto g = ReadQueryGraph(CNKG_QUERY_FIXTURE);
    if (!g.ok()) fuzz::Fail(g.status().message());
    return *g;
  }();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  QueryOptions options;
  options.max_rows = 1000;
  options.default_max_hops = 4;
  // The parameters the seed queries use, so that they run rather than stop at a missing one.
  for (const char* name : {"name", "org", "project", "maturity"}) options.params[name] = "x";
  for (const char* name : {"n", "skip", "limit", "min"}) options.params[name] = "2";
  options.params["names"] = "[\"a\", \"b\"]";
  // Small work limits: a query that would do more work (cnkg's default is 200 million steps, a
  // few seconds) ends in the same "too expensive" error, so the fuzzer spends its time on
  // other queries. 250,000 steps take about 15 ms in a release build and stay well under the
  // one-second timeout in the instrumented fuzz build (2 million did not: a variable-length
  // walk over a cycle took more than a second there, 0.1 s in release).
  query::ExecLimits limits;
  limits.max_steps = 250'000;
  limits.max_stored = 50'000;
  auto result = query::RunQueryWithLimits(*graph, text, options, limits);
  if (!result.ok()) {
    // Syntax errors point at the spot on the lines under the message.
    fuzz::CheckUserError(result.status(), /*one_line=*/false);
    return 0;
  }
  (void)FormatTable(*result);
  (void)FormatJson(*result);
  (void)FormatCsv(*result);
  return 0;
}
