#include "query/value.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <functional>
#include <set>

#include "common/hash.h"

namespace cnkg::query {
namespace {

// -1, 0 or 1 for two numbers; NaN sorts after every other number and equals NaN.
int CompareNumbers(const Value& a, const Value& b) {
  if (a.type() == ValueType::kInt && b.type() == ValueType::kInt) {
    return a.as_int() < b.as_int() ? -1 : (a.as_int() > b.as_int() ? 1 : 0);
  }
  const bool an = a.type() == ValueType::kDouble && std::isnan(a.as_double());
  const bool bn = b.type() == ValueType::kDouble && std::isnan(b.as_double());
  if (an || bn) return an == bn ? 0 : (an ? 1 : -1);
  // long double holds every int64 exactly on the platforms we build for; the comparison of an
  // int64 with a double is then exact.
  const long double x = a.type() == ValueType::kInt ? static_cast<long double>(a.as_int())
                                                    : static_cast<long double>(a.as_double());
  const long double y = b.type() == ValueType::kInt ? static_cast<long double>(b.as_int())
                                                    : static_cast<long double>(b.as_double());
  return x < y ? -1 : (x > y ? 1 : 0);
}

int OrderRank(ValueType t) {
  switch (t) {
    case ValueType::kMap:
      return 0;
    case ValueType::kNode:
      return 1;
    case ValueType::kRel:
      return 2;
    case ValueType::kList:
      return 3;
    case ValueType::kPath:
      return 4;
    case ValueType::kString:
      return 5;
    case ValueType::kBool:
      return 6;
    case ValueType::kInt:
    case ValueType::kDouble:
      return 7;
    case ValueType::kNull:
      return 8;
  }
  return 9;
}

const Value* FindInMap(const ValueMap& m, std::string_view key) {
  for (const auto& [k, v] : m)
    if (k == key) return &v;
  return nullptr;
}

std::vector<std::pair<std::string, const Value*>> SortedEntries(const ValueMap& m) {
  std::vector<std::pair<std::string, const Value*>> out;
  out.reserve(m.size());
  for (const auto& [k, v] : m) out.emplace_back(k, &v);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += c;
    }
  }
  out += "\"";
  return out;
}

void AppendDisplay(std::string& out, const Value& v, bool top);

void AppendNode(std::string& out, const NodeRef& n) {
  out += "(:";
  out += LabelName(n.label());
  out += " ";
  out += Quote(n.name());
  out += ")";
}

void AppendRelBody(std::string& out, const RelRef& r) {
  out += "[:";
  out += RelTypeName(r.type());
  const Properties properties = r.graph->rel_properties(r.id);
  if (!properties.empty()) {
    out += " {";
    bool first = true;
    for (const auto& [k, p] : properties) {
      if (!first) out += ", ";
      first = false;
      out += k + ": ";
      AppendDisplay(out, Value::FromProperty(p), false);
    }
    out += "}";
  }
  out += "]";
}

void AppendDisplay(std::string& out, const Value& v, bool top) {
  switch (v.type()) {
    case ValueType::kNull:
      out += "null";
      return;
    case ValueType::kBool:
      out += v.as_bool() ? "true" : "false";
      return;
    case ValueType::kInt:
      out += std::to_string(v.as_int());
      return;
    case ValueType::kDouble:
      out += FormatDouble(v.as_double());
      return;
    case ValueType::kString:
      out += top ? v.as_string() : Quote(v.as_string());
      return;
    case ValueType::kList: {
      out += "[";
      bool first = true;
      for (const Value& x : v.as_list()) {
        if (!first) out += ", ";
        first = false;
        AppendDisplay(out, x, false);
      }
      out += "]";
      return;
    }
    case ValueType::kMap: {
      out += "{";
      bool first = true;
      for (const auto& [k, x] : v.as_map()) {
        if (!first) out += ", ";
        first = false;
        out += k + ": ";
        AppendDisplay(out, x, false);
      }
      out += "}";
      return;
    }
    case ValueType::kNode:
      AppendNode(out, v.as_node());
      return;
    case ValueType::kRel:
      AppendRelBody(out, v.as_rel());
      return;
    case ValueType::kPath: {
      const PathData& p = v.as_path();
      if (p.nodes.empty()) return;
      AppendNode(out, p.nodes[0]);
      for (std::size_t i = 0; i < p.rels.size(); ++i) {
        const RelRef& r = p.rels[i];
        const bool forward = r.source == p.nodes[i].id;
        out += forward ? "-" : "<-";
        AppendRelBody(out, r);
        out += forward ? "->" : "-";
        AppendNode(out, p.nodes[i + 1]);
      }
      return;
    }
  }
}

Value DocumentsValue(const std::vector<Evidence>& evidence) {
  ValueList docs;
  std::set<std::string_view> seen;
  for (const Evidence& e : evidence)
    if (!e.document.empty() && seen.insert(e.document).second)
      docs.push_back(Value::String(e.document));
  return Value::List(std::move(docs));
}

Value EvidenceValue(const std::vector<Evidence>& evidence) {
  ValueList list;
  for (const Evidence& e : evidence) {
    list.push_back(Value::Map({{"document", Value::String(e.document)},
                               {"line", Value::Int(e.line)},
                               {"text", Value::String(e.text)}}));
  }
  return Value::List(std::move(list));
}

Value AliasesValue(const std::vector<std::string>& aliases) {
  ValueList list;
  for (const auto& a : aliases) list.push_back(Value::String(a));
  return Value::List(std::move(list));
}

}  // namespace

std::string_view ValueTypeName(ValueType type) {
  switch (type) {
    case ValueType::kNull:
      return "NULL";
    case ValueType::kBool:
      return "BOOL";
    case ValueType::kInt:
      return "INT64";
    case ValueType::kDouble:
      return "DOUBLE";
    case ValueType::kString:
      return "STRING";
    case ValueType::kList:
      return "LIST";
    case ValueType::kMap:
      return "MAP";
    case ValueType::kNode:
      return "NODE";
    case ValueType::kRel:
      return "REL";
    case ValueType::kPath:
      return "PATH";
  }
  return "?";
}

Value Value::List(ValueList items) {
  return Value(Rep(std::make_shared<const ValueList>(std::move(items))));
}
Value Value::Map(ValueMap entries) {
  return Value(Rep(std::make_shared<const ValueMap>(std::move(entries))));
}
Value Value::Path(PathData p) { return Value(Rep(std::make_shared<const PathData>(std::move(p)))); }

Value Value::FromProperty(const PropertyValue& p) {
  return std::visit(
      [](const auto& x) -> Value {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::string>) {
          return Value::String(x);
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return Value::Int(x);
        } else if constexpr (std::is_same_v<T, double>) {
          return Value::Double(x);
        } else if constexpr (std::is_same_v<T, bool>) {
          return Value::Bool(x);
        } else {
          ValueList list;
          for (const auto& s : x) list.push_back(Value::String(s));
          return Value::List(std::move(list));
        }
      },
      p);
}

double Value::as_number() const {
  return type() == ValueType::kInt ? static_cast<double>(as_int()) : as_double();
}

Tri Equals(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Tri::kNull;
  if (a.is_number() && b.is_number()) {
    if ((a.type() == ValueType::kDouble && std::isnan(a.as_double())) ||
        (b.type() == ValueType::kDouble && std::isnan(b.as_double()))) {
      return Tri::kFalse;
    }
    return CompareNumbers(a, b) == 0 ? Tri::kTrue : Tri::kFalse;
  }
  if (a.type() != b.type()) return Tri::kFalse;
  switch (a.type()) {
    case ValueType::kBool:
      return a.as_bool() == b.as_bool() ? Tri::kTrue : Tri::kFalse;
    case ValueType::kString:
      return a.as_string() == b.as_string() ? Tri::kTrue : Tri::kFalse;
    case ValueType::kNode:
      return a.as_node().id == b.as_node().id ? Tri::kTrue : Tri::kFalse;
    case ValueType::kRel:
      return a.as_rel().id == b.as_rel().id ? Tri::kTrue : Tri::kFalse;
    case ValueType::kList: {
      const ValueList& x = a.as_list();
      const ValueList& y = b.as_list();
      if (x.size() != y.size()) return Tri::kFalse;
      Tri result = Tri::kTrue;
      for (std::size_t i = 0; i < x.size(); ++i) {
        Tri t = Equals(x[i], y[i]);
        if (t == Tri::kFalse) return Tri::kFalse;
        if (t == Tri::kNull) result = Tri::kNull;
      }
      return result;
    }
    case ValueType::kMap: {
      const ValueMap& x = a.as_map();
      const ValueMap& y = b.as_map();
      if (x.size() != y.size()) return Tri::kFalse;
      Tri result = Tri::kTrue;
      for (const auto& [k, v] : x) {
        const Value* w = FindInMap(y, k);
        if (!w) return Tri::kFalse;
        Tri t = Equals(v, *w);
        if (t == Tri::kFalse) return Tri::kFalse;
        if (t == Tri::kNull) result = Tri::kNull;
      }
      return result;
    }
    case ValueType::kPath: {
      const PathData& x = a.as_path();
      const PathData& y = b.as_path();
      if (x.nodes.size() != y.nodes.size()) return Tri::kFalse;
      for (std::size_t i = 0; i < x.nodes.size(); ++i)
        if (x.nodes[i].id != y.nodes[i].id) return Tri::kFalse;
      for (std::size_t i = 0; i < x.rels.size(); ++i)
        if (x.rels[i].id != y.rels[i].id) return Tri::kFalse;
      return Tri::kTrue;
    }
    default:
      return Tri::kFalse;
  }
}

std::optional<int> CompareForPredicate(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) {
    if ((a.type() == ValueType::kDouble && std::isnan(a.as_double())) ||
        (b.type() == ValueType::kDouble && std::isnan(b.as_double()))) {
      return std::nullopt;
    }
    return CompareNumbers(a, b);
  }
  if (a.type() != b.type()) return std::nullopt;
  switch (a.type()) {
    case ValueType::kString: {
      int c = a.as_string().compare(b.as_string());
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case ValueType::kBool:
      return static_cast<int>(a.as_bool()) - static_cast<int>(b.as_bool());
    default:
      return std::nullopt;
  }
}

int CompareForOrder(const Value& a, const Value& b) {
  const int ra = OrderRank(a.type()), rb = OrderRank(b.type());
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (a.type()) {
    case ValueType::kNull:
      return 0;
    case ValueType::kInt:
    case ValueType::kDouble:
      return CompareNumbers(a, b);
    case ValueType::kBool:
      return static_cast<int>(a.as_bool()) - static_cast<int>(b.as_bool());
    case ValueType::kString: {
      int c = a.as_string().compare(b.as_string());
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case ValueType::kNode: {
      auto x = a.as_node().id, y = b.as_node().id;
      return x < y ? -1 : (x > y ? 1 : 0);
    }
    case ValueType::kRel: {
      auto x = a.as_rel().id, y = b.as_rel().id;
      return x < y ? -1 : (x > y ? 1 : 0);
    }
    case ValueType::kList: {
      const ValueList& x = a.as_list();
      const ValueList& y = b.as_list();
      for (std::size_t i = 0; i < x.size() && i < y.size(); ++i)
        if (int c = CompareForOrder(x[i], y[i])) return c;
      return x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0);
    }
    case ValueType::kMap: {
      auto x = SortedEntries(a.as_map());
      auto y = SortedEntries(b.as_map());
      for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
        if (int c = x[i].first.compare(y[i].first)) return c < 0 ? -1 : 1;
        if (int c = CompareForOrder(*x[i].second, *y[i].second)) return c;
      }
      return x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0);
    }
    case ValueType::kPath: {
      const PathData& x = a.as_path();
      const PathData& y = b.as_path();
      // Compare the alternating sequence node, rel, node, ...
      std::size_t n = std::min(x.nodes.size(), y.nodes.size());
      for (std::size_t i = 0; i < n; ++i) {
        if (x.nodes[i].id != y.nodes[i].id) return x.nodes[i].id < y.nodes[i].id ? -1 : 1;
        if (i < x.rels.size() && i < y.rels.size() && x.rels[i].id != y.rels[i].id)
          return x.rels[i].id < y.rels[i].id ? -1 : 1;
      }
      return x.nodes.size() < y.nodes.size() ? -1 : (x.nodes.size() > y.nodes.size() ? 1 : 0);
    }
  }
  return 0;
}

bool Equivalent(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) return CompareNumbers(a, b) == 0;
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case ValueType::kNull:
      return true;
    case ValueType::kList: {
      const ValueList& x = a.as_list();
      const ValueList& y = b.as_list();
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i)
        if (!Equivalent(x[i], y[i])) return false;
      return true;
    }
    case ValueType::kMap: {
      const ValueMap& x = a.as_map();
      const ValueMap& y = b.as_map();
      if (x.size() != y.size()) return false;
      for (const auto& [k, v] : x) {
        const Value* w = FindInMap(y, k);
        if (!w || !Equivalent(v, *w)) return false;
      }
      return true;
    }
    default:
      return CompareForOrder(a, b) == 0;
  }
}

std::size_t HashValue(const Value& v) {
  switch (v.type()) {
    case ValueType::kNull:
      return 0x6e756c6c;
    case ValueType::kBool:
      return v.as_bool() ? 0x74727565 : 0x66616c73;
    case ValueType::kInt:
      return std::hash<std::int64_t>()(v.as_int());
    case ValueType::kDouble: {
      double d = v.as_double();
      if (std::isnan(d)) return 0x4e614e;
      // Integral doubles hash like the equal int64 so that 1 and 1.0 group together.
      if (std::trunc(d) == d && d >= -9.2e18 && d <= 9.2e18)
        return std::hash<std::int64_t>()(static_cast<std::int64_t>(d));
      return std::hash<double>()(d);
    }
    case ValueType::kString:
      return std::hash<std::string>()(v.as_string());
    case ValueType::kList: {
      std::size_t h = 0x6c697374;
      for (const Value& x : v.as_list()) h = HashMix(h, HashValue(x));
      return h;
    }
    case ValueType::kMap: {
      std::size_t h = 0x6d6170;
      for (const auto& [k, x] : v.as_map())
        h += HashMix(std::hash<std::string>()(k), HashValue(x));  // order-insensitive
      return h;
    }
    case ValueType::kNode:
      return HashMix(0x6e6f6465, v.as_node().id);
    case ValueType::kRel:
      return HashMix(0x72656c, v.as_rel().id);
    case ValueType::kPath: {
      std::size_t h = 0x70617468;
      for (const auto& n : v.as_path().nodes) h = HashMix(h, n.id);
      for (const auto& r : v.as_path().rels) h = HashMix(h, r.id);
      return h;
    }
  }
  return 0;
}

std::size_t RowHash::operator()(const std::vector<Value>& row) const {
  std::size_t h = row.size();
  for (const Value& v : row) h = HashMix(h, HashValue(v));
  return h;
}

bool RowEquivalent::operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!Equivalent(a[i], b[i])) return false;
  return true;
}

std::string FormatDouble(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof(buf), d);
  std::string s(buf, res.ptr);
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}

std::string ToDisplayString(const Value& v) {
  std::string out;
  AppendDisplay(out, v, true);
  return out;
}

Value NodeProperty(const NodeRef& n, std::string_view name) {
  const CompactGraph& g = *n.graph;
  if (name == "key" || name == "id") return Value::String(std::string(n.key()));
  if (name == "name") return Value::String(std::string(n.name()));
  if (name == "label") return Value::String(std::string(LabelName(n.label())));
  if (name == "aliases") return AliasesValue(g.aliases(n.id));
  if (name == "documents") return DocumentsValue(g.node_evidence(n.id));
  if (name == "evidence") return EvidenceValue(g.node_evidence(n.id));
  if (name == "evidence_count")
    return Value::Int(static_cast<std::int64_t>(g.node_evidence_count(n.id)));
  auto p = g.node_property(n.id, name);
  if (!p) return Value();
  return Value::FromProperty(*p);
}

Value RelProperty(const RelRef& r, std::string_view name) {
  const CompactGraph& g = *r.graph;
  if (name == "type") return Value::String(std::string(RelTypeName(r.type())));
  if (name == "source") return Value::String(std::string(r.source_node().key()));
  if (name == "target") return Value::String(std::string(r.target_node().key()));
  if (name == "documents") return DocumentsValue(g.rel_evidence(r.id));
  if (name == "evidence") return EvidenceValue(g.rel_evidence(r.id));
  if (name == "evidence_count")
    return Value::Int(static_cast<std::int64_t>(g.rel_evidence_count(r.id)));
  auto p = g.rel_property(r.id, name);
  if (!p) return Value();
  return Value::FromProperty(*p);
}

ValueMap NodeProperties(const NodeRef& n) {
  ValueMap out;
  for (const char* k :
       {"aliases", "documents", "evidence", "evidence_count", "id", "key", "label", "name"}) {
    out.emplace_back(k, NodeProperty(n, k));
  }
  for (const auto& [k, p] : n.graph->node_properties(n.id))
    if (!FindInMap(out, k)) out.emplace_back(k, Value::FromProperty(p));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

ValueMap RelProperties(const RelRef& r) {
  ValueMap out;
  for (const char* k : {"documents", "evidence", "evidence_count", "source", "target", "type"})
    out.emplace_back(k, RelProperty(r, k));
  for (const auto& [k, p] : r.graph->rel_properties(r.id))
    if (!FindInMap(out, k)) out.emplace_back(k, Value::FromProperty(p));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

}  // namespace cnkg::query
