#include "query/parser.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <set>

#include "common/strings.h"
#include "query/lexer.h"

namespace cnkg::query {
namespace {

// Words that cannot name a variable.
const std::set<std::string>& ReservedWords() {
  static const std::set<std::string> words = {
      "MATCH", "OPTIONAL", "WHERE",     "RETURN",     "WITH",   "UNWIND", "AS",       "AND",
      "OR",    "XOR",      "NOT",       "IN",         "STARTS", "ENDS",   "CONTAINS", "IS",
      "NULL",  "TRUE",     "FALSE",     "DISTINCT",   "ORDER",  "BY",     "SKIP",     "LIMIT",
      "ASC",   "DESC",     "ASCENDING", "DESCENDING", "CASE",   "WHEN",   "THEN",     "ELSE",
      "END",   "UNION",    "CREATE",    "MERGE",      "DELETE", "DETACH", "SET",      "REMOVE",
      "CALL",  "FOREACH",  "LOAD",      "YIELD"};
  return words;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool IsReserved(const Token& t) {
  return t.kind == TokenKind::kIdentifier && !t.quoted && ReservedWords().count(Upper(t.text)) > 0;
}

class Parser {
 public:
  Parser(std::string_view text, std::vector<Token> tokens)
      : text_(text), tokens_(std::move(tokens)) {}

  Expected<Query, SyntaxError> ParseQuery() {
    Query q;
    while (!error_ && !AtEnd()) {
      if (Peek().kind == TokenKind::kSemicolon) {
        const Token& semi = Next();
        if (!AtEnd()) {
          return SyntaxError{
              "only one statement is allowed; unexpected " + DescribeToken(Peek()) + " after ';'",
              Peek().span};
        }
        (void)semi;
        break;
      }
      if (!q.clauses.empty() && std::holds_alternative<ReturnClause>(q.clauses.back())) {
        if (IsKeyword(Peek(), "UNION"))
          return SyntaxError{"UNION is not supported yet", Peek().span};
        return SyntaxError{
            "RETURN must be the last clause; unexpected " + DescribeToken(Peek()) + " after it",
            Peek().span};
      }
      if (static_cast<int>(q.clauses.size()) >= kMaxClauses) {
        return SyntaxError{
            "the query has too many clauses (at most " + std::to_string(kMaxClauses) + ")",
            Peek().span};
      }
      auto clause = ParseClause();
      if (error_) break;
      q.clauses.push_back(std::move(*clause));
    }
    if (error_) return *error_;
    if (q.clauses.empty()) {
      return SyntaxError{"the query is empty; expected MATCH, UNWIND, WITH or RETURN", Peek().span};
    }
    if (!std::holds_alternative<ReturnClause>(q.clauses.back())) {
      return SyntaxError{"the query must end with RETURN", Peek().span};
    }
    return q;
  }

  Expected<ExprPtr, SyntaxError> ParseStandaloneExpression() {
    ExprPtr e = ParseExpr();
    if (!error_ && !AtEnd()) Fail(Peek().span, "unexpected " + DescribeToken(Peek()));
    if (error_) return *error_;
    return e;
  }

 private:
  // ---- Token helpers ------------------------------------------------------------------------

  const Token& Peek(std::size_t ahead = 0) const {
    std::size_t i = std::min(pos_ + ahead, tokens_.size() - 1);
    return tokens_[i];
  }
  const Token& Next() {
    const Token& t = tokens_[pos_];
    if (pos_ + 1 < tokens_.size()) ++pos_;
    return t;
  }
  bool AtEnd() const { return Peek().kind == TokenKind::kEnd; }
  std::size_t LastEnd() const { return pos_ == 0 ? 0 : tokens_[pos_ - 1].span.end; }

  static bool IsKeyword(const Token& t, std::string_view kw) {
    return t.kind == TokenKind::kIdentifier && !t.quoted && EqualsIgnoreCase(t.text, kw);
  }
  bool AcceptKeyword(std::string_view kw) {
    if (!IsKeyword(Peek(), kw)) return false;
    Next();
    return true;
  }
  bool Accept(TokenKind k) {
    if (Peek().kind != k) return false;
    Next();
    return true;
  }

  // Records the first error; later ones are consequences of it.
  void Fail(SourceSpan span, std::string message) {
    if (!error_) error_ = SyntaxError{std::move(message), span};
  }
  bool Expect(TokenKind k, std::string_view what) {
    if (Accept(k)) return true;
    Fail(Peek().span, "expected " + std::string(what) + " but found " + DescribeToken(Peek()));
    return false;
  }
  bool ExpectKeyword(std::string_view kw) {
    if (AcceptKeyword(kw)) return true;
    Fail(Peek().span, "expected " + std::string(kw) + " but found " + DescribeToken(Peek()));
    return false;
  }

  // A variable name: an identifier that is not a reserved word.
  bool ParseVariableName(std::string* name, SourceSpan* span, std::string_view context) {
    const Token& t = Peek();
    if (t.kind != TokenKind::kIdentifier) {
      Fail(t.span, "expected " + std::string(context) + " but found " + DescribeToken(t));
      return false;
    }
    if (IsReserved(t)) {
      Fail(t.span, "'" + t.text + "' is a reserved word and cannot name a variable (quote it as `" +
                       t.text + "`)");
      return false;
    }
    *name = t.text;
    *span = t.span;
    Next();
    return true;
  }

  // ---- Clauses ------------------------------------------------------------------------------

  std::optional<Clause> ParseClause() {
    const Token& t = Peek();
    const std::size_t begin = t.span.begin;
    if (IsKeyword(t, "MATCH") || (IsKeyword(t, "OPTIONAL") && IsKeyword(Peek(1), "MATCH"))) {
      MatchClause m;
      m.optional = AcceptKeyword("OPTIONAL");
      Next();  // MATCH
      do {
        PatternPart part;
        if (!ParsePatternPart(part)) return std::nullopt;
        m.parts.push_back(std::move(part));
      } while (Accept(TokenKind::kComma));
      if (AcceptKeyword("WHERE")) m.where = ParseExpr();
      m.span = {begin, LastEnd()};
      if (error_) return std::nullopt;
      return Clause(std::move(m));
    }
    if (IsKeyword(t, "OPTIONAL")) {
      Next();
      Fail(Peek().span, "expected MATCH after OPTIONAL but found " + DescribeToken(Peek()));
      return std::nullopt;
    }
    if (AcceptKeyword("UNWIND")) {
      UnwindClause u;
      u.expr = ParseExpr();
      if (error_) return std::nullopt;
      if (!ExpectKeyword("AS")) return std::nullopt;
      if (!ParseVariableName(&u.alias, &u.alias_span, "a variable name after AS"))
        return std::nullopt;
      u.span = {begin, LastEnd()};
      return Clause(std::move(u));
    }
    if (AcceptKeyword("WITH")) {
      WithClause w;
      if (!ParseProjection(w.projection, "WITH")) return std::nullopt;
      if (AcceptKeyword("WHERE")) w.where = ParseExpr();
      w.span = {begin, LastEnd()};
      if (error_) return std::nullopt;
      return Clause(std::move(w));
    }
    if (AcceptKeyword("RETURN")) {
      ReturnClause r;
      if (!ParseProjection(r.projection, "RETURN")) return std::nullopt;
      r.span = {begin, LastEnd()};
      return Clause(std::move(r));
    }
    for (const char* write : {"CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "FOREACH"}) {
      if (IsKeyword(t, write)) {
        Fail(t.span, std::string(write) + " is not supported: the graph is read-only");
        return std::nullopt;
      }
    }
    for (const char* other : {"CALL", "LOAD", "UNION", "USE"}) {
      if (IsKeyword(t, other)) {
        Fail(t.span, std::string(other) + " is not supported yet");
        return std::nullopt;
      }
    }
    if (t.kind == TokenKind::kIdentifier && !t.quoted) {
      std::string best;
      std::size_t best_d = 3;
      for (const char* kw : {"MATCH", "OPTIONAL", "UNWIND", "WITH", "RETURN", "WHERE"}) {
        std::size_t d = EditDistance(t.text, kw);
        if (d < best_d) {
          best_d = d;
          best = kw;
        }
      }
      if (!best.empty() && best_d <= std::max<std::size_t>(1, t.text.size() / 3)) {
        Fail(t.span, "unknown clause '" + t.text + "' (did you mean " + best + "?)");
        return std::nullopt;
      }
    }
    Fail(t.span, "expected a clause (MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN) but found " +
                     DescribeToken(t));
    return std::nullopt;
  }

  bool ParseProjection(Projection& p, std::string_view clause) {
    p.distinct = AcceptKeyword("DISTINCT");
    bool more_items = true;
    if (Peek().kind == TokenKind::kStar) {
      p.star = true;
      p.star_span = Next().span;
      more_items = Accept(TokenKind::kComma);
    }
    while (more_items) {
      ProjectionItem item;
      const std::size_t begin = Peek().span.begin;
      if (AtEnd() || IsKeyword(Peek(), "ORDER") || IsKeyword(Peek(), "SKIP") ||
          IsKeyword(Peek(), "LIMIT")) {
        Fail(Peek().span, "expected an expression after " + std::string(clause) + " but found " +
                              DescribeToken(Peek()));
        return false;
      }
      item.expr = ParseExpr();
      if (error_) return false;
      item.text = std::string(Trim(text_.substr(begin, LastEnd() - begin)));
      if (AcceptKeyword("AS")) {
        if (!ParseVariableName(&item.alias, &item.alias_span, "a name after AS")) return false;
      }
      p.items.push_back(std::move(item));
      more_items = Accept(TokenKind::kComma);
    }
    if (AcceptKeyword("ORDER")) {
      if (!ExpectKeyword("BY")) return false;
      do {
        SortItem s;
        s.expr = ParseExpr();
        if (error_) return false;
        if (AcceptKeyword("DESC") || AcceptKeyword("DESCENDING")) {
          s.descending = true;
        } else if (!AcceptKeyword("ASC")) {
          AcceptKeyword("ASCENDING");
        }
        p.order_by.push_back(std::move(s));
      } while (Accept(TokenKind::kComma));
    }
    if (AcceptKeyword("SKIP")) {
      p.skip = ParseExpr();
      if (error_) return false;
    }
    if (AcceptKeyword("LIMIT")) {
      p.limit = ParseExpr();
      if (error_) return false;
    }
    return !error_;
  }

  // ---- Patterns -----------------------------------------------------------------------------

  bool ParsePatternPart(PatternPart& part) {
    const std::size_t begin = Peek().span.begin;
    if (Peek().kind == TokenKind::kIdentifier && Peek(1).kind == TokenKind::kEq) {
      if (!ParseVariableName(&part.path_variable, &part.path_variable_span, "a path variable")) {
        return false;
      }
      Next();  // '='
    }
    const Token& t = Peek();
    if (t.kind == TokenKind::kIdentifier && Peek(1).kind == TokenKind::kLParen &&
        (EqualsIgnoreCase(t.text, "shortestPath") ||
         EqualsIgnoreCase(t.text, "allShortestPaths"))) {
      part.shortest = EqualsIgnoreCase(t.text, "shortestPath") ? ShortestKind::kShortest
                                                               : ShortestKind::kAllShortest;
      Next();
      Next();
      if (!ParseChain(part)) return false;
      if (!Expect(TokenKind::kRParen, "')' to close " + t.text + "(")) return false;
    } else {
      if (!ParseChain(part)) return false;
    }
    part.span = {begin, LastEnd()};
    return true;
  }

  bool ParseChain(PatternPart& part) {
    NodePattern first;
    if (!ParseNodePattern(first)) return false;
    part.nodes.push_back(std::move(first));
    while (Peek().kind == TokenKind::kMinus || Peek().kind == TokenKind::kLt) {
      if (static_cast<int>(part.rels.size()) >= kMaxPatternLength) {
        Fail(Peek().span, "the pattern is too long (at most " + std::to_string(kMaxPatternLength) +
                              " relationships)");
        return false;
      }
      RelPattern rel;
      if (!ParseRelPattern(rel)) return false;
      NodePattern node;
      if (!ParseNodePattern(node)) return false;
      part.rels.push_back(std::move(rel));
      part.nodes.push_back(std::move(node));
    }
    return true;
  }

  bool ParseLabels(std::vector<LabelRef>& out, std::string_view what) {
    // ':' name (('|' [':'] | ':') name)*
    Next();  // ':'
    while (true) {
      const Token& t = Peek();
      if (t.kind != TokenKind::kIdentifier) {
        Fail(t.span, "expected " + std::string(what) + " but found " + DescribeToken(t));
        return false;
      }
      out.push_back({t.text, t.span});
      Next();
      if (Accept(TokenKind::kPipe)) {
        Accept(TokenKind::kColon);
        continue;
      }
      if (Accept(TokenKind::kColon)) continue;
      return true;
    }
  }

  bool ParseNodePattern(NodePattern& node) {
    const std::size_t begin = Peek().span.begin;
    if (!Expect(TokenKind::kLParen, "'(' to start a node pattern")) return false;
    if (Peek().kind == TokenKind::kIdentifier) {
      if (!ParseVariableName(&node.variable, &node.variable_span, "a variable")) return false;
    }
    if (Peek().kind == TokenKind::kColon && !ParseLabels(node.labels, "a label")) return false;
    if (Peek().kind == TokenKind::kLBrace) {
      node.properties = ParseMapLiteral();
      if (error_) return false;
    } else if (Peek().kind == TokenKind::kParameter) {
      Fail(Peek().span, "a parameter as a property map is not supported; write {key: $value}");
      return false;
    }
    if (!Expect(TokenKind::kRParen, "')' to close the node pattern")) return false;
    node.span = {begin, LastEnd()};
    return true;
  }

  bool ParseHopCount(std::optional<std::int64_t>* out) {
    const Token& t = Peek();
    if (t.kind == TokenKind::kFloat) {
      Fail(t.span, "a hop count must be a whole number");
      return false;
    }
    if (t.kind != TokenKind::kInteger) return true;
    std::int64_t v = 0;
    auto res = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
    if (res.ec != std::errc() || v > 1000000) {
      Fail(t.span, "hop count " + t.text + " is too large");
      return false;
    }
    *out = v;
    Next();
    return true;
  }

  // (r, n | WHERE predicate) after the hops of a variable-length relationship.
  bool ParseRecursiveFilter(RelPattern& rel) {
    const std::size_t begin = Next().span.begin;  // '('
    if (!ParseVariableName(&rel.filter_rel, &rel.filter_rel_span,
                           "a name for the relationships of the filter")) {
      return false;
    }
    if (!Expect(TokenKind::kComma, "',' after the relationship name of the filter")) return false;
    if (!ParseVariableName(&rel.filter_node, &rel.filter_node_span,
                           "a name for the nodes of the filter")) {
      return false;
    }
    if (!Expect(TokenKind::kPipe, "'|' after the names of the filter")) return false;
    if (!AcceptKeyword("WHERE")) {
      Fail(Peek().span, "expected WHERE in the filter but found " + DescribeToken(Peek()));
      return false;
    }
    rel.filter = ParseExpr();
    if (error_) return false;
    if (!Expect(TokenKind::kRParen, "')' to close the filter")) return false;
    rel.filter_span = {begin, LastEnd()};
    return true;
  }

  bool ParseRelPattern(RelPattern& rel) {
    const std::size_t begin = Peek().span.begin;
    const bool left = Accept(TokenKind::kLt);
    if (!Expect(TokenKind::kMinus, left ? "'-' after '<'" : "'-'")) return false;
    if (Accept(TokenKind::kLBracket)) {
      if (Peek().kind == TokenKind::kIdentifier) {
        if (!ParseVariableName(&rel.variable, &rel.variable_span, "a variable")) return false;
      }
      if (Peek().kind == TokenKind::kColon && !ParseLabels(rel.types, "a relationship type")) {
        return false;
      }
      if (Peek().kind == TokenKind::kStar) {
        const std::size_t hops_begin = Next().span.begin;
        rel.variable_length = true;
        if (AcceptKeyword("SHORTEST")) {
          rel.shortest = ShortestKind::kShortest;
        } else if (IsKeyword(Peek(), "ALL") && IsKeyword(Peek(1), "SHORTEST")) {
          Next();
          Next();
          rel.shortest = ShortestKind::kAllShortest;
        }
        if (!ParseHopCount(&rel.min_hops)) return false;
        if (Accept(TokenKind::kDotDot)) {
          if (!ParseHopCount(&rel.max_hops)) return false;
        } else if (rel.min_hops) {
          rel.max_hops = rel.min_hops;  // *3 means exactly 3
        }
        rel.hops_span = {hops_begin, LastEnd()};
        if (Peek().kind == TokenKind::kLParen && !ParseRecursiveFilter(rel)) return false;
      }
      if (Peek().kind == TokenKind::kLBrace) {
        rel.properties = ParseMapLiteral();
        if (error_) return false;
      }
      if (!Expect(TokenKind::kRBracket, "']' to close the relationship pattern")) return false;
    }
    if (!Expect(TokenKind::kMinus, "'-' to finish the relationship pattern")) return false;
    const bool right = Accept(TokenKind::kGt);
    rel.direction =
        left == right ? Direction::kBoth : (left ? Direction::kLeft : Direction::kRight);
    rel.span = {begin, LastEnd()};
    return true;
  }

  // ---- Expressions --------------------------------------------------------------------------

  struct DepthGuard {
    explicit DepthGuard(int& d) : depth(d) { ++depth; }
    ~DepthGuard() { --depth; }
    int& depth;
  };

  ExprPtr Make(ExprKind kind, SourceSpan span) {
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->span = span;
    return e;
  }

  // Adds a child, keeping `height` and the height limit.
  bool AddChild(Expr& parent, ExprPtr child) {
    if (child) parent.height = std::max(parent.height, child->height + 1);
    parent.children.push_back(std::move(child));
    if (parent.height > kMaxExpressionHeight) {
      Fail(parent.span, "the expression is nested too deeply (more than " +
                            std::to_string(kMaxExpressionHeight) + " levels)");
      return false;
    }
    return true;
  }

  ExprPtr MakeBinary(BinaryOp op, ExprPtr l, ExprPtr r) {
    if (!l || !r) return nullptr;
    auto e = Make(ExprKind::kBinary, {l->span.begin, r->span.end});
    e->binary_op = op;
    if (!AddChild(*e, std::move(l)) || !AddChild(*e, std::move(r))) return nullptr;
    return e;
  }

  ExprPtr ParseExpr() {
    DepthGuard guard(depth_);
    if (depth_ > kMaxNesting) {
      Fail(Peek().span, "the expression is nested too deeply (more than " +
                            std::to_string(kMaxNesting) + " levels)");
      return nullptr;
    }
    return ParseOr();
  }

  ExprPtr ParseOr() {
    ExprPtr l = ParseXor();
    while (l && AcceptKeyword("OR")) l = MakeBinary(BinaryOp::kOr, std::move(l), ParseXor());
    return l;
  }
  ExprPtr ParseXor() {
    ExprPtr l = ParseAnd();
    while (l && AcceptKeyword("XOR")) l = MakeBinary(BinaryOp::kXor, std::move(l), ParseAnd());
    return l;
  }
  ExprPtr ParseAnd() {
    ExprPtr l = ParseNot();
    while (l && AcceptKeyword("AND")) l = MakeBinary(BinaryOp::kAnd, std::move(l), ParseNot());
    return l;
  }
  ExprPtr ParseNot() {
    std::vector<std::size_t> nots;
    while (IsKeyword(Peek(), "NOT")) nots.push_back(Next().span.begin);
    ExprPtr e = ParseComparison();
    while (e && !nots.empty()) {
      auto n = Make(ExprKind::kUnary, {nots.back(), e->span.end});
      n->unary_op = UnaryOp::kNot;
      nots.pop_back();
      if (!AddChild(*n, std::move(e))) return nullptr;
      e = std::move(n);
    }
    return e;
  }

  std::optional<BinaryOp> ComparisonOp(TokenKind k) {
    switch (k) {
      case TokenKind::kEq:
        return BinaryOp::kEq;
      case TokenKind::kNeq:
        return BinaryOp::kNeq;
      case TokenKind::kLt:
        return BinaryOp::kLt;
      case TokenKind::kLe:
        return BinaryOp::kLe;
      case TokenKind::kGt:
        return BinaryOp::kGt;
      case TokenKind::kGe:
        return BinaryOp::kGe;
      default:
        return std::nullopt;
    }
  }

  // a < b < c means a < b AND b < c.
  ExprPtr ParseComparison() {
    ExprPtr l = ParseStringListNull();
    if (!l) return nullptr;
    auto op = ComparisonOp(Peek().kind);
    if (!op) return l;
    Next();
    ExprPtr r = ParseStringListNull();
    if (!r) return nullptr;
    if (!ComparisonOp(Peek().kind)) return MakeBinary(*op, std::move(l), std::move(r));
    // A chain: build the conjunction; the middle operands are re-parsed copies.
    std::vector<ExprPtr> operands;
    std::vector<BinaryOp> ops{*op};
    std::vector<std::pair<std::size_t, std::size_t>> token_ranges;
    operands.push_back(std::move(l));
    operands.push_back(std::move(r));
    while (auto next = ComparisonOp(Peek().kind)) {
      Next();
      ops.push_back(*next);
      operands.push_back(ParseStringListNull());
      if (!operands.back()) return nullptr;
    }
    ExprPtr result;
    for (std::size_t i = 0; i < ops.size(); ++i) {
      ExprPtr left = i == 0 ? std::move(operands[0]) : Clone(*operands[i]);
      ExprPtr cmp =
          MakeBinary(ops[i], std::move(left),
                     i + 1 < ops.size() ? Clone(*operands[i + 1]) : std::move(operands[i + 1]));
      if (!cmp) return nullptr;
      result =
          result ? MakeBinary(BinaryOp::kAnd, std::move(result), std::move(cmp)) : std::move(cmp);
      if (!result) return nullptr;
    }
    return result;
  }

  static ExprPtr Clone(const Expr& e) {
    auto c = std::make_unique<Expr>();
    c->kind = e.kind;
    c->span = e.span;
    c->literal = e.literal;
    c->name = e.name;
    c->name_span = e.name_span;
    c->unary_op = e.unary_op;
    c->binary_op = e.binary_op;
    c->quantifier = e.quantifier;
    c->distinct = e.distinct;
    c->negated = e.negated;
    c->has_case_operand = e.has_case_operand;
    c->has_else = e.has_else;
    c->keys = e.keys;
    c->height = e.height;
    for (const auto& child : e.children) c->children.push_back(child ? Clone(*child) : nullptr);
    return c;
  }

  ExprPtr ParseStringListNull() {
    ExprPtr l = ParseAddSub();
    while (l) {
      const Token& t = Peek();
      if (IsKeyword(t, "STARTS") || IsKeyword(t, "ENDS")) {
        const bool starts = IsKeyword(t, "STARTS");
        Next();
        if (!ExpectKeyword("WITH")) return nullptr;
        l = MakeBinary(starts ? BinaryOp::kStartsWith : BinaryOp::kEndsWith, std::move(l),
                       ParseAddSub());
      } else if (IsKeyword(t, "CONTAINS")) {
        Next();
        l = MakeBinary(BinaryOp::kContains, std::move(l), ParseAddSub());
      } else if (IsKeyword(t, "IN")) {
        Next();
        l = MakeBinary(BinaryOp::kIn, std::move(l), ParseAddSub());
      } else if (t.kind == TokenKind::kRegexMatch) {
        Next();
        l = MakeBinary(BinaryOp::kRegexMatch, std::move(l), ParseAddSub());
      } else if (IsKeyword(t, "IS")) {
        Next();
        const bool negated = AcceptKeyword("NOT");
        if (!ExpectKeyword("NULL")) return nullptr;
        auto e = Make(ExprKind::kIsNull, {l->span.begin, LastEnd()});
        e->negated = negated;
        if (!AddChild(*e, std::move(l))) return nullptr;
        l = std::move(e);
      } else {
        break;
      }
    }
    return l;
  }

  ExprPtr ParseAddSub() {
    ExprPtr l = ParseMulDiv();
    while (l) {
      if (Accept(TokenKind::kPlus)) {
        l = MakeBinary(BinaryOp::kAdd, std::move(l), ParseMulDiv());
      } else if (Accept(TokenKind::kMinus)) {
        l = MakeBinary(BinaryOp::kSubtract, std::move(l), ParseMulDiv());
      } else {
        break;
      }
    }
    return l;
  }

  ExprPtr ParseMulDiv() {
    ExprPtr l = ParsePower();
    while (l) {
      if (Accept(TokenKind::kStar)) {
        l = MakeBinary(BinaryOp::kMultiply, std::move(l), ParsePower());
      } else if (Accept(TokenKind::kSlash)) {
        l = MakeBinary(BinaryOp::kDivide, std::move(l), ParsePower());
      } else if (Accept(TokenKind::kPercent)) {
        l = MakeBinary(BinaryOp::kModulo, std::move(l), ParsePower());
      } else {
        break;
      }
    }
    return l;
  }

  ExprPtr ParsePower() {
    ExprPtr l = ParseUnary();
    while (l && Accept(TokenKind::kCaret))
      l = MakeBinary(BinaryOp::kPower, std::move(l), ParseUnary());
    return l;
  }

  ExprPtr ParseUnary() {
    std::vector<std::pair<std::size_t, UnaryOp>> ops;
    while (Peek().kind == TokenKind::kMinus || Peek().kind == TokenKind::kPlus) {
      // -123 is the literal, so that -9223372036854775808 is an INT64.
      if (Peek().kind == TokenKind::kMinus && Peek(1).kind == TokenKind::kInteger) break;
      const Token& t = Next();
      ops.emplace_back(t.span.begin,
                       t.kind == TokenKind::kMinus ? UnaryOp::kNegate : UnaryOp::kPlus);
    }
    ExprPtr e;
    if (Peek().kind == TokenKind::kMinus) {
      const std::size_t begin = Next().span.begin;
      e = ParseIntegerLiteral(true, begin);
      e = e ? ParsePostfix(std::move(e)) : nullptr;
    } else {
      e = ParsePostfix(ParseAtom());
    }
    while (e && !ops.empty()) {
      auto u = Make(ExprKind::kUnary, {ops.back().first, e->span.end});
      u->unary_op = ops.back().second;
      ops.pop_back();
      if (!AddChild(*u, std::move(e))) return nullptr;
      e = std::move(u);
    }
    return e;
  }

  ExprPtr ParseIntegerLiteral(bool negative, std::size_t begin) {
    const Token& t = Next();
    std::string digits = (negative ? "-" : "") + t.text;
    std::int64_t v = 0;
    auto res = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    if (res.ec != std::errc() || res.ptr != digits.data() + digits.size()) {
      Fail({begin, t.span.end}, "integer " + digits + " is out of range for INT64");
      return nullptr;
    }
    auto e = Make(ExprKind::kLiteral, {begin, t.span.end});
    e->literal = Value::Int(v);
    return e;
  }

  ExprPtr ParsePostfix(ExprPtr e) {
    while (e) {
      if (Peek().kind == TokenKind::kDot) {
        Next();
        const Token& key = Peek();
        if (key.kind != TokenKind::kIdentifier) {
          Fail(key.span, "expected a property name after '.' but found " + DescribeToken(key));
          return nullptr;
        }
        Next();
        auto p = Make(ExprKind::kProperty, {e->span.begin, key.span.end});
        p->name = key.text;
        p->name_span = key.span;
        if (!AddChild(*p, std::move(e))) return nullptr;
        e = std::move(p);
      } else if (Peek().kind == TokenKind::kColon && Peek(1).kind == TokenKind::kIdentifier) {
        // A label predicate: n:Talk or n:Talk|Project.
        auto h = Make(ExprKind::kHasLabels, e->span);
        if (!ParseLabels(h->labels, "a label")) return nullptr;
        h->span.end = LastEnd();
        if (!AddChild(*h, std::move(e))) return nullptr;
        e = std::move(h);
      } else if (Peek().kind == TokenKind::kLBracket) {
        Next();
        DepthGuard guard(depth_);
        ExprPtr from, to;
        bool slice = false;
        if (Peek().kind != TokenKind::kDotDot) from = ParseExpr();
        if (error_) return nullptr;
        if (Accept(TokenKind::kDotDot)) {
          slice = true;
          if (Peek().kind != TokenKind::kRBracket) to = ParseExpr();
          if (error_) return nullptr;
        }
        if (!Expect(TokenKind::kRBracket, "']'")) return nullptr;
        auto x = Make(slice ? ExprKind::kSlice : ExprKind::kIndex, {e->span.begin, LastEnd()});
        if (!AddChild(*x, std::move(e)) || !AddChild(*x, std::move(from))) return nullptr;
        if (slice && !AddChild(*x, std::move(to))) return nullptr;
        e = std::move(x);
      } else {
        break;
      }
    }
    return e;
  }

  ExprPtr ParseMapLiteral() {
    const std::size_t begin = Next().span.begin;  // '{'
    auto m = Make(ExprKind::kMap, {begin, begin});
    if (!Accept(TokenKind::kRBrace)) {
      do {
        const Token& key = Peek();
        if (key.kind != TokenKind::kIdentifier && key.kind != TokenKind::kString) {
          Fail(key.span, "expected a property name in the map but found " + DescribeToken(key));
          return nullptr;
        }
        if (std::find(m->keys.begin(), m->keys.end(), key.text) != m->keys.end()) {
          Fail(key.span, "property '" + key.text + "' appears twice in the map");
          return nullptr;
        }
        m->keys.push_back(key.text);
        Next();
        if (!Expect(TokenKind::kColon, "':' after the property name")) return nullptr;
        ExprPtr v = ParseExpr();
        if (!v || !AddChild(*m, std::move(v))) return nullptr;
      } while (Accept(TokenKind::kComma));
      if (!Expect(TokenKind::kRBrace, "'}' to close the map")) return nullptr;
    }
    m->span.end = LastEnd();
    return m;
  }

  ExprPtr ParseAtom() {
    const Token& t = Peek();
    const std::size_t begin = t.span.begin;
    switch (t.kind) {
      case TokenKind::kInteger:
        return ParseIntegerLiteral(false, begin);
      case TokenKind::kFloat: {
        auto e = Make(ExprKind::kLiteral, t.span);
        e->literal = Value::Double(t.number);
        Next();
        return e;
      }
      case TokenKind::kString: {
        auto e = Make(ExprKind::kLiteral, t.span);
        e->literal = Value::String(t.text);
        Next();
        return e;
      }
      case TokenKind::kParameter: {
        auto e = Make(ExprKind::kParameter, t.span);
        e->name = t.text;
        Next();
        return e;
      }
      case TokenKind::kLParen: {
        // A pattern such as (a)-->(b) here is a pattern predicate, which we do not support.
        if (Peek(1).kind == TokenKind::kIdentifier && Peek(2).kind == TokenKind::kRParen &&
            ((Peek(3).kind == TokenKind::kMinus &&
              ((Peek(4).kind == TokenKind::kMinus &&
                (Peek(5).kind == TokenKind::kGt || Peek(5).kind == TokenKind::kLParen)) ||
               Peek(4).kind == TokenKind::kLBracket)) ||
             (Peek(3).kind == TokenKind::kLt && Peek(4).kind == TokenKind::kMinus))) {
          Fail(t.span,
               "pattern predicates are not supported yet; use MATCH or OPTIONAL MATCH "
               "with a WHERE on the matched variables");
          return nullptr;
        }
        Next();
        ExprPtr inner = ParseExpr();
        if (!inner) return nullptr;
        if (!Expect(TokenKind::kRParen, "')'")) return nullptr;
        return inner;
      }
      case TokenKind::kLBracket:
        return ParseListOrComprehension();
      case TokenKind::kLBrace: {
        DepthGuard guard(depth_);
        return ParseMapLiteral();
      }
      case TokenKind::kIdentifier:
        break;
      case TokenKind::kEnd:
        Fail(t.span, "unexpected end of query; expected an expression");
        return nullptr;
      default:
        Fail(t.span, "expected an expression but found " + DescribeToken(t));
        return nullptr;
    }
    // Identifiers: keywords with a meaning here, function calls, variables.
    if (IsKeyword(t, "NULL") || IsKeyword(t, "TRUE") || IsKeyword(t, "FALSE")) {
      auto e = Make(ExprKind::kLiteral, t.span);
      if (IsKeyword(t, "TRUE")) e->literal = Value::Bool(true);
      if (IsKeyword(t, "FALSE")) e->literal = Value::Bool(false);
      Next();
      return e;
    }
    if (IsKeyword(t, "CASE")) return ParseCase();
    if (Peek(1).kind == TokenKind::kLParen && !t.quoted) {
      for (auto [word, q] :
           {std::pair{"all", Quantifier::kAll}, std::pair{"any", Quantifier::kAny},
            std::pair{"none", Quantifier::kNone}, std::pair{"single", Quantifier::kSingle}}) {
        if (EqualsIgnoreCase(t.text, word) && Peek(2).kind == TokenKind::kIdentifier &&
            IsKeyword(Peek(3), "IN")) {
          return ParseQuantifier(q);
        }
      }
      if (EqualsIgnoreCase(t.text, "shortestPath") ||
          EqualsIgnoreCase(t.text, "allShortestPaths")) {
        Fail(t.span, t.text + "(...) is only supported as a pattern in MATCH");
        return nullptr;
      }
      if (EqualsIgnoreCase(t.text, "exists")) {
        Fail(t.span, "exists(...) is not supported; use IS NOT NULL for properties");
        return nullptr;
      }
      return ParseFunctionCall();
    }
    if (IsReserved(t)) {
      Fail(t.span, "expected an expression but found the keyword '" + t.text + "'");
      return nullptr;
    }
    auto e = Make(ExprKind::kVariable, t.span);
    e->name = t.text;
    Next();
    return e;
  }

  ExprPtr ParseFunctionCall() {
    DepthGuard guard(depth_);
    if (depth_ > kMaxNesting) {
      Fail(Peek().span, "the expression is nested too deeply (more than " +
                            std::to_string(kMaxNesting) + " levels)");
      return nullptr;
    }
    const Token& name = Next();
    Next();  // '('
    if (EqualsIgnoreCase(name.text, "count") && Peek().kind == TokenKind::kStar &&
        Peek(1).kind == TokenKind::kRParen) {
      Next();
      Next();
      auto e = Make(ExprKind::kCountStar, {name.span.begin, LastEnd()});
      e->name = "count";
      e->name_span = name.span;
      return e;
    }
    auto e = Make(ExprKind::kFunction, {name.span.begin, name.span.end});
    e->name = name.text;
    e->name_span = name.span;
    e->distinct = AcceptKeyword("DISTINCT");
    if (!Accept(TokenKind::kRParen)) {
      do {
        ExprPtr arg = ParseExpr();
        if (!arg || !AddChild(*e, std::move(arg))) return nullptr;
      } while (Accept(TokenKind::kComma));
      if (!Expect(TokenKind::kRParen, "')' to close the call of " + name.text + "("))
        return nullptr;
    }
    e->span.end = LastEnd();
    return e;
  }

  ExprPtr ParseQuantifier(Quantifier q) {
    DepthGuard guard(depth_);
    const std::size_t begin = Next().span.begin;  // all/any/none/single
    Next();                                       // '('
    auto e = Make(ExprKind::kQuantifier, {begin, begin});
    e->quantifier = q;
    SourceSpan var_span;
    if (!ParseVariableName(&e->name, &var_span, "a variable")) return nullptr;
    e->name_span = var_span;
    Next();  // IN
    ExprPtr list = ParseExpr();
    if (!list || !AddChild(*e, std::move(list))) return nullptr;
    if (!ExpectKeyword("WHERE")) return nullptr;
    ExprPtr pred = ParseExpr();
    if (!pred || !AddChild(*e, std::move(pred))) return nullptr;
    if (!Expect(TokenKind::kRParen, "')'")) return nullptr;
    e->span.end = LastEnd();
    return e;
  }

  ExprPtr ParseListOrComprehension() {
    DepthGuard guard(depth_);
    if (depth_ > kMaxNesting) {
      Fail(Peek().span, "the expression is nested too deeply (more than " +
                            std::to_string(kMaxNesting) + " levels)");
      return nullptr;
    }
    const std::size_t begin = Next().span.begin;  // '['
    if (Peek().kind == TokenKind::kIdentifier && !IsReserved(Peek()) && IsKeyword(Peek(1), "IN")) {
      auto e = Make(ExprKind::kComprehension, {begin, begin});
      e->name = Peek().text;
      e->name_span = Peek().span;
      Next();
      Next();  // IN
      ExprPtr list = ParseExpr();
      if (!list || !AddChild(*e, std::move(list))) return nullptr;
      ExprPtr where, map;
      if (AcceptKeyword("WHERE")) {
        where = ParseExpr();
        if (!where) return nullptr;
      }
      if (Accept(TokenKind::kPipe)) {
        map = ParseExpr();
        if (!map) return nullptr;
      }
      if (!AddChild(*e, std::move(where)) || !AddChild(*e, std::move(map))) return nullptr;
      if (!Expect(TokenKind::kRBracket, "']' to close the list comprehension")) return nullptr;
      e->span.end = LastEnd();
      return e;
    }
    auto e = Make(ExprKind::kList, {begin, begin});
    if (!Accept(TokenKind::kRBracket)) {
      do {
        ExprPtr item = ParseExpr();
        if (!item || !AddChild(*e, std::move(item))) return nullptr;
      } while (Accept(TokenKind::kComma));
      if (!Expect(TokenKind::kRBracket, "']' to close the list")) return nullptr;
    }
    e->span.end = LastEnd();
    return e;
  }

  ExprPtr ParseCase() {
    DepthGuard guard(depth_);
    const std::size_t begin = Next().span.begin;  // CASE
    auto e = Make(ExprKind::kCase, {begin, begin});
    if (!IsKeyword(Peek(), "WHEN")) {
      e->has_case_operand = true;
      ExprPtr operand = ParseExpr();
      if (!operand || !AddChild(*e, std::move(operand))) return nullptr;
    }
    if (!IsKeyword(Peek(), "WHEN")) {
      Fail(Peek().span, "expected WHEN but found " + DescribeToken(Peek()));
      return nullptr;
    }
    while (AcceptKeyword("WHEN")) {
      ExprPtr when = ParseExpr();
      if (!when || !AddChild(*e, std::move(when))) return nullptr;
      if (!ExpectKeyword("THEN")) return nullptr;
      ExprPtr then = ParseExpr();
      if (!then || !AddChild(*e, std::move(then))) return nullptr;
    }
    if (AcceptKeyword("ELSE")) {
      e->has_else = true;
      ExprPtr otherwise = ParseExpr();
      if (!otherwise || !AddChild(*e, std::move(otherwise))) return nullptr;
    }
    if (!ExpectKeyword("END")) return nullptr;
    e->span.end = LastEnd();
    return e;
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  std::optional<SyntaxError> error_;
};

}  // namespace

Expected<Query, SyntaxError> Parse(std::string_view text) {
  auto tokens = Tokenize(text);
  if (!tokens.ok()) return tokens.error();
  Parser p(text, std::move(tokens).value());
  return p.ParseQuery();
}

Expected<ExprPtr, SyntaxError> ParseExpression(std::string_view text) {
  auto tokens = Tokenize(text);
  if (!tokens.ok()) return tokens.error();
  Parser p(text, std::move(tokens).value());
  return p.ParseStandaloneExpression();
}

}  // namespace cnkg::query
