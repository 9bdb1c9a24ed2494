#ifndef CNKG_QUERY_BOUND_H_
#define CNKG_QUERY_BOUND_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "graph/model.h"
#include "query/ast.h"
#include "query/value.h"

namespace re2 {
class RE2;
}

namespace cnkg::query {

// The binder's output: the query with every name resolved. Variables are numbered slots of one
// row (the same numbering for the whole query); labels and types are enums; functions are
// resolved; parameters are replaced by their values.

enum class Function {
  kLabels,
  kLabel,
  kType,
  kId,
  kKeys,
  kProperties,
  kLength,
  kNodes,
  kRelationships,
  kStartNode,
  kEndNode,
  kToLower,
  kToUpper,
  kSize,
  kCoalesce,
  kToString,
  kToInteger,
  kToFloat,
  kToBoolean,
  kTrim,
  kLTrim,
  kRTrim,
  kSubstring,
  kReplace,
  kSplit,
  kLeft,
  kRight,
  kReverse,
  kHead,
  kLast,
  kTail,
  kAbs,
  kCeil,
  kFloor,
  kRound,
  kSqrt,
  kSign,
  kRange,
  kIsTrail,
  kIsAcyclic,
  kHasLabels,  // n:Label in an expression; arguments: the node, then the label names
};

enum class Aggregate { kCountStar, kCount, kCollect, kMin, kMax, kSum, kAvg };

enum class BExprKind {
  kConstant,       // value
  kSlot,           // slot
  kProperty,       // children[0].name
  kList,           // [children...]
  kMap,            // {keys[i]: children[i]}
  kCall,           // function(children...)
  kUnary,          // unary_op children[0]
  kBinary,         // children[0] binary_op children[1]
  kIsNull,         // children[0] IS [NOT] NULL
  kIndex,          // children[0][children[1]]
  kSlice,          // children[0][children[1]..children[2]] (null children for absent bounds)
  kCase,           // as ExprKind::kCase
  kComprehension,  // [slot IN children[0] WHERE children[1] | children[2]]
  kQuantifier,     // quantifier(slot IN children[0] WHERE children[1])
};

struct BExpr {
  BExprKind kind = BExprKind::kConstant;
  SourceSpan span;
  Value value;
  int slot = -1;
  std::string name;
  Function function = Function::kLabels;
  UnaryOp unary_op = UnaryOp::kNot;
  BinaryOp binary_op = BinaryOp::kAnd;
  Quantifier quantifier = Quantifier::kAll;
  bool negated = false;
  bool has_case_operand = false;
  bool has_else = false;
  std::vector<std::string> keys;
  std::vector<std::unique_ptr<BExpr>> children;
  // For =~ with a constant pattern: compiled once by the binder.
  std::shared_ptr<const re2::RE2> regex;
};
using BExprPtr = std::unique_ptr<BExpr>;

// The slots an expression reads (excluding the local variables of comprehensions), sorted.
std::vector<int> SlotsRead(const BExpr& e);

struct BNodePattern {
  int slot = -1;
  std::vector<Label> labels;  // any of them; empty: any label
  SourceSpan span;
};

struct BRelPattern {
  int slot = -1;               // holds a REL, or for variable length a LIST of REL
  std::vector<RelType> types;  // any of them; empty: any type
  Direction direction = Direction::kBoth;
  bool variable_length = false;  // also true for shortest paths
  int min_hops = 1;
  int max_hops = 1;
  ShortestKind shortest = ShortestKind::kNone;
  // For variable-length relationships, property equalities every hop must satisfy. Their values
  // only read slots bound before the MATCH.
  std::vector<std::pair<std::string, BExprPtr>> hop_properties;
  // For variable-length relationships, the predicate of a recursive filter
  // (r, n | WHERE predicate) every intermediate node must pass, with the node in filter_slot;
  // it reads no other slot bound by this MATCH. Null: none.
  BExprPtr node_filter;
  int filter_slot = -1;
  SourceSpan span;
};

struct BPatternPart {
  int path_slot = -1;
  std::vector<BNodePattern> nodes;
  std::vector<BRelPattern> rels;
  SourceSpan span;
};

struct BMatch {
  bool optional = false;
  std::vector<BPatternPart> parts;
  // Conjuncts that must all be true: the WHERE clause split at top-level AND, and the property
  // maps of node and single-hop relationship patterns as equalities.
  std::vector<BExprPtr> predicates;
  // Slots are numbered in binding order, so a pattern slot below this one was bound by an
  // earlier clause and is checked rather than bound.
  int first_new_slot = 0;
  std::vector<int> new_slots;  // slots this clause binds (set to null by OPTIONAL MATCH)
};

struct BUnwind {
  BExprPtr expr;
  int slot = -1;
};

struct BAggregate {
  Aggregate kind = Aggregate::kCountStar;
  bool distinct = false;
  BExprPtr arg;  // null for count(*)
  int slot = -1;
};

struct BItem {
  BExprPtr expr;  // reads aggregate results through their slots
  int slot = -1;
  std::string column;
  bool has_aggregate = false;
};

struct BSortKey {
  BExprPtr expr;
  bool descending = false;
};

struct BProjection {
  bool distinct = false;
  std::vector<BItem> items;
  std::vector<BAggregate> aggregates;  // empty: no aggregation
  std::vector<BSortKey> order_by;
  std::optional<std::int64_t> skip;
  std::optional<std::int64_t> limit;
};

struct BWith {
  BProjection projection;
  std::vector<BExprPtr> where;  // conjuncts
};

struct BReturn {
  BProjection projection;
};

using BClause = std::variant<BMatch, BUnwind, BWith, BReturn>;

struct BoundQuery {
  std::vector<BClause> clauses;
  int num_slots = 0;
  std::vector<std::string> notices;  // e.g. an unbounded variable-length pattern was capped
};

}  // namespace cnkg::query

#endif  // CNKG_QUERY_BOUND_H_
