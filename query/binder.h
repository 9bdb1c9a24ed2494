#ifndef CNKG_QUERY_BINDER_H_
#define CNKG_QUERY_BINDER_H_

#include <map>
#include <string>
#include <string_view>

#include "query/ast.h"
#include "query/bound.h"
#include "query/errors.h"
#include "query/graph_view.h"

namespace cnkg::query {

// Resolves the names of a parsed query against the graph's schema and the parameters:
// variables (defined before use; WITH starts a new scope), labels and relationship types
// (unknown ones suggest the closest known one), property names (checked against what nodes of
// the pattern's labels can have), functions (name and number of arguments), aggregates (only in
// RETURN and WITH, not nested), parameters (each $name must be given), constant regular
// expressions (compiled here), SKIP and LIMIT (non-negative integers), and variable-length
// bounds (a missing upper bound becomes `default_max_hops`, with a notice). `text` is the query
// text, used to locate notices. Fails with the first problem found.
Expected<BoundQuery, BindError> Bind(const Query& query, std::string_view text,
                                     const Schema& schema,
                                     const std::map<std::string, Value>& params,
                                     int default_max_hops);

}  // namespace cnkg::query

#endif  // CNKG_QUERY_BINDER_H_
