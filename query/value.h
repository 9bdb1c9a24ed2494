#ifndef CNKG_QUERY_VALUE_H_
#define CNKG_QUERY_VALUE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "graph/compact_graph.h"
#include "graph/model.h"

namespace cnkg::query {

// A node of the graph as a query sees it: its number (graph order) and the graph. The pointer
// refers to the CompactGraph the query ran over, which must outlive the value.
struct NodeRef {
  std::uint32_t id = 0;
  const CompactGraph* graph = nullptr;

  Label label() const { return graph->label(id); }
  std::string_view key() const { return graph->key(id); }
  std::string_view name() const { return graph->name(id); }
};

// A relationship: its number (grouped by source node) and its endpoints. Same lifetime rule as
// NodeRef.
struct RelRef {
  std::uint32_t id = 0;
  std::uint32_t source = 0;
  std::uint32_t target = 0;
  const CompactGraph* graph = nullptr;

  RelType type() const { return graph->type(id); }
  NodeRef source_node() const { return {source, graph}; }
  NodeRef target_node() const { return {target, graph}; }
};

class Value;
using ValueList = std::vector<Value>;
using ValueMap = std::vector<std::pair<std::string, Value>>;  // in insertion order, unique keys

// A path: nodes.size() == rels.size() + 1; rels[i] joins nodes[i] and nodes[i + 1] in either
// direction.
struct PathData {
  std::vector<NodeRef> nodes;
  std::vector<RelRef> rels;
};

// The type of a query value, named as in Kuzu ("INT64", "STRING", ...) in error messages.
enum class ValueType { kNull, kBool, kInt, kDouble, kString, kList, kMap, kNode, kRel, kPath };
std::string_view ValueTypeName(ValueType type);

// A value a query computes: null, bool, int64, double, string, list, map, node, relationship or
// path. Copying is cheap for lists, maps and paths (they are shared and immutable).
class Value {
 public:
  Value() = default;
  static Value Null() { return Value(); }
  static Value Bool(bool b) { return Value(Rep(b)); }
  static Value Int(std::int64_t i) { return Value(Rep(i)); }
  static Value Double(double d) { return Value(Rep(d)); }
  static Value String(std::string s) { return Value(Rep(std::move(s))); }
  static Value List(ValueList items);
  static Value Map(ValueMap entries);
  static Value Node(NodeRef n) { return Value(Rep(n)); }
  static Value Rel(RelRef r) { return Value(Rep(r)); }
  static Value Path(PathData p);
  // Converts a graph property (string, int, double, bool or list of strings).
  static Value FromProperty(const PropertyValue& p);

  // Makes this value the node `n` / relationship `r`, in place when it already is one (the
  // match loop's hot path: no temporary, no visit of the old alternative).
  void SetNode(NodeRef n) {
    if (auto* p = std::get_if<NodeRef>(&rep_)) {
      *p = n;
    } else {
      rep_.emplace<NodeRef>(n);
    }
  }
  void SetRel(RelRef r) {
    if (auto* p = std::get_if<RelRef>(&rep_)) {
      *p = r;
    } else {
      rep_.emplace<RelRef>(r);
    }
  }

  ValueType type() const { return static_cast<ValueType>(rep_.index()); }
  bool is_null() const { return type() == ValueType::kNull; }
  bool is_number() const { return type() == ValueType::kInt || type() == ValueType::kDouble; }

  // Accessors; calling one for another type is a bug (asserted by std::get).
  bool as_bool() const { return std::get<bool>(rep_); }
  std::int64_t as_int() const { return std::get<std::int64_t>(rep_); }
  double as_double() const { return std::get<double>(rep_); }
  // The numeric value of an INT64 or DOUBLE as double.
  double as_number() const;
  const std::string& as_string() const { return std::get<std::string>(rep_); }
  const ValueList& as_list() const { return *std::get<std::shared_ptr<const ValueList>>(rep_); }
  const ValueMap& as_map() const { return *std::get<std::shared_ptr<const ValueMap>>(rep_); }
  const NodeRef& as_node() const { return std::get<NodeRef>(rep_); }
  const RelRef& as_rel() const { return std::get<RelRef>(rep_); }
  const PathData& as_path() const { return *std::get<std::shared_ptr<const PathData>>(rep_); }

 private:
  using Rep = std::variant<std::monostate, bool, std::int64_t, double, std::string,
                           std::shared_ptr<const ValueList>, std::shared_ptr<const ValueMap>,
                           NodeRef, RelRef, std::shared_ptr<const PathData>>;
  explicit Value(Rep rep) : rep_(std::move(rep)) {}
  Rep rep_;
};

// Three-valued logic: a boolean or null.
enum class Tri { kFalse, kTrue, kNull };
inline Value TriValue(Tri t) { return t == Tri::kNull ? Value() : Value::Bool(t == Tri::kTrue); }

// Cypher `=`: null when either side is (or, for lists, when an element comparison is) null;
// integers and doubles compare numerically; values of different types are not equal; nodes and
// relationships are equal when they are the same graph element.
Tri Equals(const Value& a, const Value& b);

// Cypher `<` and friends: returns -1, 0 or 1, or nullopt when the two cannot be compared
// (different types, null, NaN, or non-orderable types such as nodes).
std::optional<int> CompareForPredicate(const Value& a, const Value& b);

// The total order ORDER BY, min() and max() use: maps < nodes < relationships < lists < paths <
// strings < booleans < numbers < null, so nulls sort last in ascending order. NaN sorts after
// every other number.
int CompareForOrder(const Value& a, const Value& b);

// Equivalence for DISTINCT and grouping: like Equals, but null is equivalent to null, NaN to NaN,
// and the answer is never unknown. Hash agrees with it.
bool Equivalent(const Value& a, const Value& b);
std::size_t HashValue(const Value& v);

struct ValueHash {
  std::size_t operator()(const Value& v) const { return HashValue(v); }
};
struct ValueEquivalent {
  bool operator()(const Value& a, const Value& b) const { return Equivalent(a, b); }
};
struct RowHash {
  std::size_t operator()(const std::vector<Value>& row) const;
};
struct RowEquivalent {
  bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const;
};

// The shortest text that reads back as the same double, always with a '.' or exponent so that
// it reads as a float ("1.0", "0.25", "1e+100"); "NaN", "Infinity", "-Infinity" otherwise.
std::string FormatDouble(double d);

// Human-readable text of a value, as the table output shows it: strings as they are at the top
// level and quoted inside lists and maps; nodes as (:Label "name"); relationships as
// [:TYPE {property: value}]; paths as (:A "x")-[:T]->(:B "y").
std::string ToDisplayString(const Value& v);

// A node's or relationship's property by name, including the built-in members (see
// query/engine.h). Returns null for a property the element does not have.
Value NodeProperty(const NodeRef& n, std::string_view name);
Value RelProperty(const RelRef& r, std::string_view name);
// Every property of a node or relationship, built-in members included, sorted by name.
ValueMap NodeProperties(const NodeRef& n);
ValueMap RelProperties(const RelRef& r);

}  // namespace cnkg::query

#endif  // CNKG_QUERY_VALUE_H_
