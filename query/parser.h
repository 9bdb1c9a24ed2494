#ifndef CNKG_QUERY_PARSER_H_
#define CNKG_QUERY_PARSER_H_

#include <string_view>

#include "query/ast.h"
#include "query/errors.h"

namespace cnkg::query {

// Limits that keep every query's tree small enough to walk recursively without exhausting the
// stack. Exceeding one is a syntax error.
inline constexpr int kMaxNesting = 100;  // parentheses, lists, maps, calls inside each other
inline constexpr int kMaxExpressionHeight = 500;  // e.g. a chain of 500 ANDs
inline constexpr int kMaxClauses = 100;
inline constexpr int kMaxPatternLength = 64;  // relationships in one comma-separated part

// Parses the read-only Cypher subset described in query/engine.h into a tree. Fails with the
// first syntax error, located at the offending token: unexpected tokens name what was expected,
// a mistyped clause keyword gets a suggestion, and write clauses (CREATE, MERGE, SET, DELETE,
// ...) are refused because the graph is read-only. The query must end with RETURN.
Expected<Query, SyntaxError> Parse(std::string_view text);

// Parses a single expression (the whole text); for tests.
Expected<ExprPtr, SyntaxError> ParseExpression(std::string_view text);

}  // namespace cnkg::query

#endif  // CNKG_QUERY_PARSER_H_
