#include "query/evaluator.h"

#include <re2/re2.h>

#include <cmath>
#include <limits>

#include "query/functions.h"

namespace cnkg::query {
namespace {

// Bounds on values a query builds, so that repeated doubling cannot exhaust memory.
constexpr std::size_t kMaxStringBytes = 16 << 20;
constexpr std::size_t kMaxListSize = 10'000'000;

std::string TypeName(const Value& v) { return std::string(ValueTypeName(v.type())); }

Value OpError(EvalContext& ctx, const BExpr& e, const Value& a, const Value& b) {
  ctx.Fail(e.span, "cannot apply '" + std::string(BinaryOpText(e.binary_op)) + "' to " +
                       TypeName(a) + " and " + TypeName(b));
  return Value();
}

Value Overflow(EvalContext& ctx, const BExpr& e) {
  ctx.Fail(e.span, "integer overflow in '" + std::string(BinaryOpText(e.binary_op)) + "'");
  return Value();
}

// Text of a scalar for string concatenation.
bool ConcatText(const Value& v, std::string* out) {
  switch (v.type()) {
    case ValueType::kString:
      *out = v.as_string();
      return true;
    case ValueType::kInt:
    case ValueType::kDouble:
    case ValueType::kBool:
      *out = ToDisplayString(v);
      return true;
    default:
      return false;
  }
}

Value Arithmetic(const BExpr& e, const Value& a, const Value& b, EvalContext& ctx) {
  if (a.is_null() || b.is_null()) return Value();
  const BinaryOp op = e.binary_op;
  if (op == BinaryOp::kAdd) {
    if (a.type() == ValueType::kList || b.type() == ValueType::kList) {
      ValueList out;
      if (a.type() == ValueType::kList) {
        out = a.as_list();
      } else {
        out.push_back(a);
      }
      if (b.type() == ValueType::kList) {
        out.insert(out.end(), b.as_list().begin(), b.as_list().end());
      } else {
        out.push_back(b);
      }
      if (out.size() > kMaxListSize) {
        ctx.Fail(e.span,
                 "the list would have more than " + std::to_string(kMaxListSize) + " elements");
        return Value();
      }
      if (!ctx.Charge(out.size())) return Value();
      return Value::List(std::move(out));
    }
    if (a.type() == ValueType::kString || b.type() == ValueType::kString) {
      std::string x, y;
      if (!ConcatText(a, &x) || !ConcatText(b, &y)) return OpError(ctx, e, a, b);
      if (x.size() + y.size() > kMaxStringBytes) {
        ctx.Fail(e.span,
                 "the string would be longer than " + std::to_string(kMaxStringBytes) + " bytes");
        return Value();
      }
      if (!ctx.Charge(1 + (x.size() + y.size()) / 64)) return Value();
      return Value::String(x + y);
    }
  }
  if (!a.is_number() || !b.is_number()) return OpError(ctx, e, a, b);
  if (op == BinaryOp::kPower) return Value::Double(std::pow(a.as_number(), b.as_number()));
  if (a.type() == ValueType::kInt && b.type() == ValueType::kInt) {
    const std::int64_t x = a.as_int(), y = b.as_int();
    std::int64_t r = 0;
    switch (op) {
      case BinaryOp::kAdd:
        if (__builtin_add_overflow(x, y, &r)) return Overflow(ctx, e);
        return Value::Int(r);
      case BinaryOp::kSubtract:
        if (__builtin_sub_overflow(x, y, &r)) return Overflow(ctx, e);
        return Value::Int(r);
      case BinaryOp::kMultiply:
        if (__builtin_mul_overflow(x, y, &r)) return Overflow(ctx, e);
        return Value::Int(r);
      case BinaryOp::kDivide:
        if (y == 0) {
          ctx.Fail(e.span, "division by zero");
          return Value();
        }
        if (x == std::numeric_limits<std::int64_t>::min() && y == -1) return Overflow(ctx, e);
        return Value::Int(x / y);
      case BinaryOp::kModulo:
        if (y == 0) {
          ctx.Fail(e.span, "division by zero in '%'");
          return Value();
        }
        if (y == -1) return Value::Int(0);
        return Value::Int(x % y);
      default:
        break;
    }
  }
  const double x = a.as_number(), y = b.as_number();
  switch (op) {
    case BinaryOp::kAdd:
      return Value::Double(x + y);
    case BinaryOp::kSubtract:
      return Value::Double(x - y);
    case BinaryOp::kMultiply:
      return Value::Double(x * y);
    case BinaryOp::kDivide:
      return Value::Double(x / y);
    case BinaryOp::kModulo:
      return Value::Double(std::fmod(x, y));
    default:
      break;
  }
  return OpError(ctx, e, a, b);
}

// The boolean operand of AND, OR, XOR, NOT.
bool AsTri(const Value& v, const BExpr& e, EvalContext& ctx, Tri* out) {
  if (v.is_null()) {
    *out = Tri::kNull;
    return true;
  }
  if (v.type() == ValueType::kBool) {
    *out = v.as_bool() ? Tri::kTrue : Tri::kFalse;
    return true;
  }
  std::string op = e.kind == BExprKind::kUnary ? "NOT" : std::string(BinaryOpText(e.binary_op));
  ctx.Fail(e.span, op + " expects BOOL operands, got " + TypeName(v));
  return false;
}

Tri Not(Tri t) { return t == Tri::kNull ? t : (t == Tri::kTrue ? Tri::kFalse : Tri::kTrue); }

Value Logical(const BExpr& e, Row& row, EvalContext& ctx) {
  Tri a;
  if (!AsTri(Evaluate(*e.children[0], row, ctx), e, ctx, &a)) return Value();
  if (e.binary_op == BinaryOp::kAnd && a == Tri::kFalse) return Value::Bool(false);
  if (e.binary_op == BinaryOp::kOr && a == Tri::kTrue) return Value::Bool(true);
  Tri b;
  if (!AsTri(Evaluate(*e.children[1], row, ctx), e, ctx, &b)) return Value();
  switch (e.binary_op) {
    case BinaryOp::kAnd:
      if (b == Tri::kFalse) return Value::Bool(false);
      return (a == Tri::kNull || b == Tri::kNull) ? Value() : Value::Bool(true);
    case BinaryOp::kOr:
      if (b == Tri::kTrue) return Value::Bool(true);
      return (a == Tri::kNull || b == Tri::kNull) ? Value() : Value::Bool(false);
    default:  // XOR
      if (a == Tri::kNull || b == Tri::kNull) return Value();
      return Value::Bool(a != b);
  }
}

Value In(const BExpr& e, const Value& x, const Value& list, EvalContext& ctx) {
  if (list.is_null()) return Value();
  if (list.type() != ValueType::kList) {
    ctx.Fail(e.span, "IN expects a LIST on the right, got " + TypeName(list));
    return Value();
  }
  bool unknown = false;
  for (const Value& item : list.as_list()) {
    Tri t = Equals(x, item);
    if (t == Tri::kTrue) return Value::Bool(true);
    if (t == Tri::kNull) unknown = true;
  }
  return unknown ? Value() : Value::Bool(false);
}

Value StringPredicate(const BExpr& e, const Value& a, const Value& b, EvalContext& ctx) {
  if (a.type() != ValueType::kString || b.type() != ValueType::kString) return Value();
  const std::string& s = a.as_string();
  const std::string& t = b.as_string();
  switch (e.binary_op) {
    case BinaryOp::kStartsWith:
      return Value::Bool(s.size() >= t.size() && s.compare(0, t.size(), t) == 0);
    case BinaryOp::kEndsWith:
      return Value::Bool(s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0);
    case BinaryOp::kContains:
      return Value::Bool(s.find(t) != std::string::npos);
    case BinaryOp::kRegexMatch: {
      const re2::RE2* re = e.regex ? e.regex.get() : ctx.Regex(t, e.children[1]->span);
      if (!re) return Value();
      return Value::Bool(re2::RE2::FullMatch(s, *re));
    }
    default:
      return Value();
  }
}

Value Binary(const BExpr& e, Row& row, EvalContext& ctx) {
  switch (e.binary_op) {
    case BinaryOp::kAnd:
    case BinaryOp::kOr:
    case BinaryOp::kXor:
      return Logical(e, row, ctx);
    default:
      break;
  }
  Value a = Evaluate(*e.children[0], row, ctx);
  Value b = Evaluate(*e.children[1], row, ctx);
  if (ctx.failed()) return Value();
  switch (e.binary_op) {
    case BinaryOp::kEq:
      return TriValue(Equals(a, b));
    case BinaryOp::kNeq:
      return TriValue(Not(Equals(a, b)));
    case BinaryOp::kLt:
    case BinaryOp::kLe:
    case BinaryOp::kGt:
    case BinaryOp::kGe: {
      auto c = CompareForPredicate(a, b);
      if (!c) return Value();
      switch (e.binary_op) {
        case BinaryOp::kLt:
          return Value::Bool(*c < 0);
        case BinaryOp::kLe:
          return Value::Bool(*c <= 0);
        case BinaryOp::kGt:
          return Value::Bool(*c > 0);
        default:
          return Value::Bool(*c >= 0);
      }
    }
    case BinaryOp::kIn:
      return In(e, a, b, ctx);
    case BinaryOp::kStartsWith:
    case BinaryOp::kEndsWith:
    case BinaryOp::kContains:
    case BinaryOp::kRegexMatch:
      return StringPredicate(e, a, b, ctx);
    default:
      return Arithmetic(e, a, b, ctx);
  }
}

Value Property(const BExpr& e, const Value& base, EvalContext& ctx) {
  switch (base.type()) {
    case ValueType::kNull:
      return Value();
    case ValueType::kNode:
      return NodeProperty(base.as_node(), e.name);
    case ValueType::kRel:
      return RelProperty(base.as_rel(), e.name);
    case ValueType::kMap:
      for (const auto& [k, v] : base.as_map())
        if (k == e.name) return v;
      return Value();
    default:
      ctx.Fail(e.span,
               "cannot read property '" + e.name + "' of a value of type " + TypeName(base));
      return Value();
  }
}

// Resolves a possibly negative index against a size; false when out of range.
bool ResolveIndex(std::int64_t i, std::size_t size, std::size_t* out) {
  const auto n = static_cast<std::int64_t>(size);
  if (i < 0) i += n;
  if (i < 0 || i >= n) return false;
  *out = static_cast<std::size_t>(i);
  return true;
}

Value Index(const BExpr& e, const Value& base, const Value& index, EvalContext& ctx) {
  if (base.is_null() || index.is_null()) return Value();
  if (base.type() == ValueType::kList) {
    if (index.type() != ValueType::kInt) {
      ctx.Fail(e.span, "a list index must be an INT64, got " + TypeName(index));
      return Value();
    }
    std::size_t i;
    if (!ResolveIndex(index.as_int(), base.as_list().size(), &i)) return Value();
    return base.as_list()[i];
  }
  if (index.type() == ValueType::kString) {
    BExpr prop;
    prop.span = e.span;
    prop.name = index.as_string();
    if (base.type() == ValueType::kNode || base.type() == ValueType::kRel ||
        base.type() == ValueType::kMap) {
      return Property(prop, base, ctx);
    }
  }
  ctx.Fail(e.span, "cannot index a value of type " + TypeName(base) + " with " + TypeName(index));
  return Value();
}

Value Slice(const BExpr& e, const Value& base, const Value* from, const Value* to,
            EvalContext& ctx) {
  if (base.is_null() || (from && from->is_null()) || (to && to->is_null())) return Value();
  if (base.type() != ValueType::kList) {
    ctx.Fail(e.span, "cannot slice a " + TypeName(base) + "; slicing needs a LIST");
    return Value();
  }
  if ((from && from->type() != ValueType::kInt) || (to && to->type() != ValueType::kInt)) {
    ctx.Fail(e.span, "slice bounds must be INT64");
    return Value();
  }
  const auto n = static_cast<std::int64_t>(base.as_list().size());
  auto clamp = [n](std::int64_t i) {
    if (i < 0) i += n;
    return std::max<std::int64_t>(0, std::min(i, n));
  };
  const std::int64_t a = from ? clamp(from->as_int()) : 0;
  const std::int64_t b = to ? clamp(to->as_int()) : n;
  if (a >= b) return Value::List({});
  return Value::List(ValueList(base.as_list().begin() + a, base.as_list().begin() + b));
}

Value Comprehension(const BExpr& e, Row& row, EvalContext& ctx) {
  Value list = Evaluate(*e.children[0], row, ctx);
  if (list.is_null() || ctx.failed()) return Value();
  if (list.type() != ValueType::kList) {
    ctx.Fail(e.children[0]->span, "expected a LIST to iterate over, got " + TypeName(list));
    return Value();
  }
  const BExpr* where = e.children[1].get();
  const BExpr* map = e.kind == BExprKind::kComprehension ? e.children[2].get() : nullptr;
  ValueList out;
  int trues = 0;
  bool unknown = false;
  for (const Value& item : list.as_list()) {
    if (!ctx.Charge()) return Value();
    row[e.slot] = item;
    if (where) {
      Tri t = EvaluatePredicate(*where, row, ctx);
      if (ctx.failed()) return Value();
      if (e.kind == BExprKind::kQuantifier) {
        if (t == Tri::kTrue) ++trues;
        if (t == Tri::kNull) unknown = true;
        const bool decided = (e.quantifier == Quantifier::kAll && t == Tri::kFalse) ||
                             (e.quantifier == Quantifier::kAny && t == Tri::kTrue) ||
                             (e.quantifier == Quantifier::kNone && t == Tri::kTrue) ||
                             (e.quantifier == Quantifier::kSingle && trues > 1);
        if (decided) return Value::Bool(e.quantifier == Quantifier::kAny);
        continue;
      }
      if (t != Tri::kTrue) continue;
    }
    out.push_back(map ? Evaluate(*map, row, ctx) : item);
    if (ctx.failed()) return Value();
  }
  if (e.kind == BExprKind::kQuantifier) {
    if (unknown && !(e.quantifier == Quantifier::kSingle && trues > 1)) return Value();
    switch (e.quantifier) {
      case Quantifier::kAll:
        return Value::Bool(true);
      case Quantifier::kAny:
        return Value::Bool(false);
      case Quantifier::kNone:
        return Value::Bool(true);
      case Quantifier::kSingle:
        return Value::Bool(trues == 1);
    }
  }
  return Value::List(std::move(out));
}

Value Case(const BExpr& e, Row& row, EvalContext& ctx) {
  std::size_t i = 0;
  Value operand;
  if (e.has_case_operand) operand = Evaluate(*e.children[i++], row, ctx);
  const std::size_t pairs_end = e.children.size() - (e.has_else ? 1 : 0);
  for (; i + 1 < pairs_end; i += 2) {
    bool hit;
    if (e.has_case_operand) {
      hit = Equals(operand, Evaluate(*e.children[i], row, ctx)) == Tri::kTrue;
    } else {
      hit = EvaluatePredicate(*e.children[i], row, ctx) == Tri::kTrue;
    }
    if (ctx.failed()) return Value();
    if (hit) return Evaluate(*e.children[i + 1], row, ctx);
  }
  return e.has_else ? Evaluate(*e.children.back(), row, ctx) : Value();
}

}  // namespace

Value Evaluate(const BExpr& e, Row& row, EvalContext& ctx) {
  if (ctx.failed()) return Value();
  switch (e.kind) {
    case BExprKind::kConstant:
      return e.value;
    case BExprKind::kSlot:
      return row[e.slot];
    case BExprKind::kProperty:
      return Property(e, Evaluate(*e.children[0], row, ctx), ctx);
    case BExprKind::kList: {
      ValueList out;
      out.reserve(e.children.size());
      for (const auto& c : e.children) out.push_back(Evaluate(*c, row, ctx));
      return Value::List(std::move(out));
    }
    case BExprKind::kMap: {
      ValueMap out;
      for (std::size_t i = 0; i < e.children.size(); ++i)
        out.emplace_back(e.keys[i], Evaluate(*e.children[i], row, ctx));
      return Value::Map(std::move(out));
    }
    case BExprKind::kCall: {
      std::vector<Value> args;
      args.reserve(e.children.size());
      for (const auto& c : e.children) args.push_back(Evaluate(*c, row, ctx));
      if (ctx.failed()) return Value();
      return CallFunction(e.function, args, ctx, e.span);
    }
    case BExprKind::kUnary: {
      Value v = Evaluate(*e.children[0], row, ctx);
      if (ctx.failed()) return Value();
      if (e.unary_op == UnaryOp::kNot) {
        Tri t;
        if (!AsTri(v, e, ctx, &t)) return Value();
        return TriValue(Not(t));
      }
      if (v.is_null()) return Value();
      if (v.type() == ValueType::kInt) {
        if (e.unary_op == UnaryOp::kPlus) return v;
        if (v.as_int() == std::numeric_limits<std::int64_t>::min()) {
          ctx.Fail(e.span, "integer overflow in unary '-'");
          return Value();
        }
        return Value::Int(-v.as_int());
      }
      if (v.type() == ValueType::kDouble) {
        return e.unary_op == UnaryOp::kPlus ? v : Value::Double(-v.as_double());
      }
      ctx.Fail(e.span, std::string("cannot apply unary '") +
                           (e.unary_op == UnaryOp::kNegate ? "-" : "+") + "' to " + TypeName(v));
      return Value();
    }
    case BExprKind::kBinary:
      return Binary(e, row, ctx);
    case BExprKind::kIsNull: {
      Value v = Evaluate(*e.children[0], row, ctx);
      return Value::Bool(v.is_null() != e.negated);
    }
    case BExprKind::kIndex: {
      Value base = Evaluate(*e.children[0], row, ctx);
      Value index = Evaluate(*e.children[1], row, ctx);
      if (ctx.failed()) return Value();
      return Index(e, base, index, ctx);
    }
    case BExprKind::kSlice: {
      Value base = Evaluate(*e.children[0], row, ctx);
      Value from, to;
      if (e.children[1]) from = Evaluate(*e.children[1], row, ctx);
      if (e.children[2]) to = Evaluate(*e.children[2], row, ctx);
      if (ctx.failed()) return Value();
      return Slice(e, base, e.children[1] ? &from : nullptr, e.children[2] ? &to : nullptr, ctx);
    }
    case BExprKind::kCase:
      return Case(e, row, ctx);
    case BExprKind::kComprehension:
    case BExprKind::kQuantifier:
      return Comprehension(e, row, ctx);
  }
  return Value();
}

Tri EvaluatePredicate(const BExpr& e, Row& row, EvalContext& ctx) {
  Value v = Evaluate(e, row, ctx);
  if (ctx.failed()) return Tri::kNull;
  if (v.is_null()) return Tri::kNull;
  if (v.type() == ValueType::kBool) return v.as_bool() ? Tri::kTrue : Tri::kFalse;
  ctx.Fail(e.span, "a condition must be BOOL, got " + TypeName(v));
  return Tri::kNull;
}

}  // namespace cnkg::query
