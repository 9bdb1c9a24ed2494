#ifndef CNKG_QUERY_AST_H_
#define CNKG_QUERY_AST_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "query/errors.h"
#include "query/value.h"

namespace cnkg::query {

// The syntax tree the parser builds. It owns its parts (unique_ptr) and records where each came
// from in the query text so that later stages can point at it.

enum class ExprKind {
  kLiteral,        // literal
  kParameter,      // $name
  kVariable,       // name
  kProperty,       // children[0].name
  kList,           // [children...]
  kMap,            // {keys[i]: children[i]}
  kFunction,       // name(children...), `distinct` for count(DISTINCT x)
  kCountStar,      // count(*)
  kUnary,          // unary_op children[0]
  kBinary,         // children[0] binary_op children[1]
  kIsNull,         // children[0] IS [NOT] NULL (`negated` for IS NOT NULL)
  kIndex,          // children[0][children[1]]
  kSlice,          // children[0][children[1]..children[2]]; absent bounds are null children
  kCase,           // CASE [children[0]] WHEN children[1] THEN children[2] ... [ELSE last]
  kComprehension,  // [name IN children[0] WHERE children[1] | children[2]]; absent parts null
  kQuantifier,     // all|any|none|single(name IN children[0] WHERE children[1])
  kHasLabels,      // children[0]:Label1|Label2 (true when the node has one of `labels`)
};

enum class UnaryOp { kNot, kNegate, kPlus };

enum class BinaryOp {
  kOr,
  kXor,
  kAnd,
  kEq,
  kNeq,
  kLt,
  kLe,
  kGt,
  kGe,
  kIn,
  kStartsWith,
  kEndsWith,
  kContains,
  kRegexMatch,
  kAdd,
  kSubtract,
  kMultiply,
  kDivide,
  kModulo,
  kPower,
};

enum class Quantifier { kAll, kAny, kNone, kSingle };

std::string_view BinaryOpText(BinaryOp op);  // "AND", "=", "STARTS WITH", "+", ...

struct LabelRef {
  std::string name;
  SourceSpan span;
};

struct Expr {
  ExprKind kind = ExprKind::kLiteral;
  SourceSpan span;
  Value literal;         // kLiteral
  std::string name;      // variable, parameter, property key, function or bound variable
  SourceSpan name_span;  // where `name` is written (property key, function name)
  UnaryOp unary_op = UnaryOp::kNot;
  BinaryOp binary_op = BinaryOp::kAnd;
  Quantifier quantifier = Quantifier::kAll;
  bool distinct = false;                        // kFunction
  bool negated = false;                         // kIsNull
  bool has_case_operand = false;                // kCase: children[0] is the operand
  bool has_else = false;                        // kCase: the last child is the ELSE value
  std::vector<std::string> keys;                // kMap
  std::vector<LabelRef> labels;                 // kHasLabels
  std::vector<std::unique_ptr<Expr>> children;  // may hold nulls where documented above
  int height = 1;  // of the tree rooted here; the parser keeps it bounded
};

using ExprPtr = std::unique_ptr<Expr>;

// The canonical text of an expression (keywords upper-case, single spaces), used to recognise
// the same expression written twice, e.g. in RETURN and ORDER BY.
std::string CanonicalText(const Expr& e);

struct NodePattern {
  std::string variable;  // empty for an anonymous node
  SourceSpan span;       // the whole "( ... )"
  SourceSpan variable_span;
  std::vector<LabelRef> labels;  // alternatives: (n:A|B) or (n:A:B)
  ExprPtr properties;            // a kMap, or null
};

// The direction of a relationship pattern as written, left to right.
enum class Direction { kRight, kLeft, kBoth };  // -[]->, <-[]-, -[]- (or <-[]->)

enum class ShortestKind { kNone, kShortest, kAllShortest };

struct RelPattern {
  std::string variable;
  SourceSpan span;
  SourceSpan variable_span;
  std::vector<LabelRef> types;  // alternatives: [:A|B]
  Direction direction = Direction::kBoth;
  bool variable_length = false;  // has '*'
  std::optional<std::int64_t> min_hops, max_hops;
  SourceSpan hops_span;                         // the "*1..4" part
  ShortestKind shortest = ShortestKind::kNone;  // Kuzu's [* SHORTEST 1..4]
  ExprPtr properties;
  // Kuzu's recursive relationship filter, [*1..4 (r, n | WHERE predicate)]: the names it gives
  // each hop's relationship and each intermediate node, and the predicate.
  std::string filter_rel, filter_node;
  SourceSpan filter_rel_span, filter_node_span, filter_span;
  ExprPtr filter;
};

// One comma-separated part of a MATCH: an optional path variable and a chain node (rel node)*,
// possibly wrapped in shortestPath(...) or allShortestPaths(...).
struct PatternPart {
  std::string path_variable;
  SourceSpan path_variable_span;
  ShortestKind shortest = ShortestKind::kNone;
  SourceSpan span;
  std::vector<NodePattern> nodes;  // nodes.size() == rels.size() + 1
  std::vector<RelPattern> rels;
};

struct MatchClause {
  bool optional = false;
  std::vector<PatternPart> parts;
  ExprPtr where;
  SourceSpan span;
};

struct UnwindClause {
  ExprPtr expr;
  std::string alias;
  SourceSpan alias_span;
  SourceSpan span;
};

struct ProjectionItem {
  ExprPtr expr;
  std::string alias;  // empty when not given
  SourceSpan alias_span;
  std::string text;  // the expression as written (the column name without an alias)
};

struct SortItem {
  ExprPtr expr;
  bool descending = false;
};

struct Projection {
  bool distinct = false;
  bool star = false;  // RETURN * (possibly followed by more items)
  SourceSpan star_span;
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order_by;
  ExprPtr skip;
  ExprPtr limit;
};

struct WithClause {
  Projection projection;
  ExprPtr where;
  SourceSpan span;
};

struct ReturnClause {
  Projection projection;
  SourceSpan span;
};

using Clause = std::variant<MatchClause, UnwindClause, WithClause, ReturnClause>;

struct Query {
  std::vector<Clause> clauses;  // the last one is a ReturnClause
};

}  // namespace cnkg::query

#endif  // CNKG_QUERY_AST_H_
