#include "query/ast.h"

#include "common/strings.h"

namespace cnkg::query {
namespace {

void Append(std::string& out, const Expr* e);

void AppendLiteral(std::string& out, const Value& v) {
  if (v.type() == ValueType::kString) {
    out += "'";
    for (char c : v.as_string()) {
      if (c == '\'' || c == '\\') out += '\\';
      out += c;
    }
    out += "'";
  } else {
    out += ToDisplayString(v);
  }
}

void Append(std::string& out, const Expr* e) {
  if (!e) {
    out += "<none>";
    return;
  }
  switch (e->kind) {
    case ExprKind::kLiteral:
      AppendLiteral(out, e->literal);
      return;
    case ExprKind::kParameter:
      out += "$" + e->name;
      return;
    case ExprKind::kVariable:
      out += e->name;
      return;
    case ExprKind::kProperty:
      Append(out, e->children[0].get());
      out += "." + e->name;
      return;
    case ExprKind::kList:
      out += "[";
      for (std::size_t i = 0; i < e->children.size(); ++i) {
        if (i) out += ", ";
        Append(out, e->children[i].get());
      }
      out += "]";
      return;
    case ExprKind::kMap:
      out += "{";
      for (std::size_t i = 0; i < e->children.size(); ++i) {
        if (i) out += ", ";
        out += e->keys[i] + ": ";
        Append(out, e->children[i].get());
      }
      out += "}";
      return;
    case ExprKind::kFunction:
      out += AsciiLower(e->name) + "(";
      if (e->distinct) out += "DISTINCT ";
      for (std::size_t i = 0; i < e->children.size(); ++i) {
        if (i) out += ", ";
        Append(out, e->children[i].get());
      }
      out += ")";
      return;
    case ExprKind::kCountStar:
      out += "count(*)";
      return;
    case ExprKind::kUnary:
      out += e->unary_op == UnaryOp::kNot ? "NOT " : (e->unary_op == UnaryOp::kNegate ? "-" : "+");
      out += "(";
      Append(out, e->children[0].get());
      out += ")";
      return;
    case ExprKind::kBinary:
      out += "(";
      Append(out, e->children[0].get());
      out += " ";
      out += BinaryOpText(e->binary_op);
      out += " ";
      Append(out, e->children[1].get());
      out += ")";
      return;
    case ExprKind::kIsNull:
      out += "(";
      Append(out, e->children[0].get());
      out += e->negated ? " IS NOT NULL)" : " IS NULL)";
      return;
    case ExprKind::kIndex:
      Append(out, e->children[0].get());
      out += "[";
      Append(out, e->children[1].get());
      out += "]";
      return;
    case ExprKind::kSlice:
      Append(out, e->children[0].get());
      out += "[";
      if (e->children[1]) Append(out, e->children[1].get());
      out += "..";
      if (e->children[2]) Append(out, e->children[2].get());
      out += "]";
      return;
    case ExprKind::kCase: {
      out += "CASE";
      std::size_t i = 0;
      if (e->has_case_operand) {
        out += " ";
        Append(out, e->children[i++].get());
      }
      std::size_t pairs_end = e->children.size() - (e->has_else ? 1 : 0);
      for (; i + 1 < pairs_end; i += 2) {
        out += " WHEN ";
        Append(out, e->children[i].get());
        out += " THEN ";
        Append(out, e->children[i + 1].get());
      }
      if (e->has_else) {
        out += " ELSE ";
        Append(out, e->children.back().get());
      }
      out += " END";
      return;
    }
    case ExprKind::kComprehension:
      out += "[" + e->name + " IN ";
      Append(out, e->children[0].get());
      if (e->children[1]) {
        out += " WHERE ";
        Append(out, e->children[1].get());
      }
      if (e->children[2]) {
        out += " | ";
        Append(out, e->children[2].get());
      }
      out += "]";
      return;
    case ExprKind::kHasLabels:
      Append(out, e->children[0].get());
      for (std::size_t i = 0; i < e->labels.size(); ++i) out += (i ? "|" : ":") + e->labels[i].name;
      return;
    case ExprKind::kQuantifier: {
      static const char* kNames[] = {"all", "any", "none", "single"};
      out += kNames[static_cast<int>(e->quantifier)];
      out += "(" + e->name + " IN ";
      Append(out, e->children[0].get());
      out += " WHERE ";
      Append(out, e->children[1].get());
      out += ")";
      return;
    }
  }
}

}  // namespace

std::string_view BinaryOpText(BinaryOp op) {
  switch (op) {
    case BinaryOp::kOr:
      return "OR";
    case BinaryOp::kXor:
      return "XOR";
    case BinaryOp::kAnd:
      return "AND";
    case BinaryOp::kEq:
      return "=";
    case BinaryOp::kNeq:
      return "<>";
    case BinaryOp::kLt:
      return "<";
    case BinaryOp::kLe:
      return "<=";
    case BinaryOp::kGt:
      return ">";
    case BinaryOp::kGe:
      return ">=";
    case BinaryOp::kIn:
      return "IN";
    case BinaryOp::kStartsWith:
      return "STARTS WITH";
    case BinaryOp::kEndsWith:
      return "ENDS WITH";
    case BinaryOp::kContains:
      return "CONTAINS";
    case BinaryOp::kRegexMatch:
      return "=~";
    case BinaryOp::kAdd:
      return "+";
    case BinaryOp::kSubtract:
      return "-";
    case BinaryOp::kMultiply:
      return "*";
    case BinaryOp::kDivide:
      return "/";
    case BinaryOp::kModulo:
      return "%";
    case BinaryOp::kPower:
      return "^";
  }
  return "?";
}

std::string CanonicalText(const Expr& e) {
  std::string out;
  Append(out, &e);
  return out;
}

}  // namespace cnkg::query
