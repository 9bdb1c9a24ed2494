#include "query/binder.h"

#include <re2/re2.h>

#include <algorithm>
#include <set>

#include "common/strings.h"
#include "query/functions.h"

namespace cnkg::query {
namespace {

enum class VarKind { kNode, kRel, kRelList, kPath, kValue };

struct VarInfo {
  int slot = -1;
  VarKind kind = VarKind::kValue;
  std::vector<Label> labels;   // kNode: the labels it can have (empty: any)
  std::vector<RelType> types;  // kRel, kRelList: the types it can have (empty: any)
};

using Scope = std::map<std::string, VarInfo>;

std::string KindName(VarKind k) {
  switch (k) {
    case VarKind::kNode:
      return "a node";
    case VarKind::kRel:
      return "a relationship";
    case VarKind::kRelList:
      return "a variable-length relationship";
    case VarKind::kPath:
      return "a path";
    case VarKind::kValue:
      return "a value";
  }
  return "?";
}

std::string Quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string JoinQuoted(const std::vector<std::string>& names) {
  std::vector<std::string> q;
  for (const auto& n : names) q.push_back(n);
  return Join(q, ", ");
}

void CollectSlots(const BExpr& e, std::set<int>& out, std::set<int>& locals) {
  if (e.kind == BExprKind::kSlot && !locals.count(e.slot)) out.insert(e.slot);
  const bool scoped = e.kind == BExprKind::kComprehension || e.kind == BExprKind::kQuantifier;
  for (std::size_t i = 0; i < e.children.size(); ++i) {
    if (!e.children[i]) continue;
    if (scoped && i > 0) {
      locals.insert(e.slot);
      CollectSlots(*e.children[i], out, locals);
      locals.erase(e.slot);
    } else {
      CollectSlots(*e.children[i], out, locals);
    }
  }
}

// Where an expression is and what it may contain.
struct ExprContext {
  std::string where;  // "WHERE", "UNWIND", ... for messages
  const Scope* scope = nullptr;
  std::string unknown_hint;                       // appended when a variable is unknown
  std::vector<BAggregate>* aggregates = nullptr;  // non-null: aggregates allowed, collected here
  bool inside_aggregate = false;
  std::set<int>* slots_outside_aggregates = nullptr;
};

class Binder {
 public:
  Binder(std::string_view text, const Schema& schema, const std::map<std::string, Value>& params,
         int default_max_hops)
      : text_(text), schema_(schema), params_(params), default_max_hops_(default_max_hops) {}

  Expected<BoundQuery, BindError> Run(const Query& q) {
    BoundQuery out;
    for (const Clause& c : q.clauses) {
      std::optional<BClause> b;
      if (const auto* m = std::get_if<MatchClause>(&c)) {
        b = BindMatch(*m);
      } else if (const auto* u = std::get_if<UnwindClause>(&c)) {
        b = BindUnwind(*u);
      } else if (const auto* w = std::get_if<WithClause>(&c)) {
        b = BindWith(*w);
      } else if (const auto* r = std::get_if<ReturnClause>(&c)) {
        b = BindReturn(*r);
      }
      if (error_) return *error_;
      out.clauses.push_back(std::move(*b));
    }
    out.num_slots = next_slot_;
    out.notices = std::move(notices_);
    return out;
  }

 private:
  void Fail(SourceSpan span, std::string message) {
    if (!error_) error_ = BindError{std::move(message), span};
  }
  int NewSlot(VarInfo info = {}) {
    info.slot = next_slot_++;
    slot_info_[info.slot] = info;
    return info.slot;
  }

  // ---- Names --------------------------------------------------------------------------------

  std::optional<Label> ResolveLabel(const LabelRef& ref) {
    if (auto l = ParseLabel(ref.name)) return l;
    std::vector<std::string> names;
    for (Label l : kAllLabels) names.emplace_back(LabelName(l));
    std::string best = ClosestName(ref.name, names);
    Fail(ref.span, "unknown label " + Quoted(ref.name) +
                       (best.empty() ? " (known labels: " + JoinQuoted(names) + ")"
                                     : " (did you mean " + Quoted(best) + "?)"));
    return std::nullopt;
  }

  std::optional<RelType> ResolveType(const LabelRef& ref) {
    if (auto t = ParseRelType(ref.name)) return t;
    std::vector<std::string> names;
    for (RelType t : kAllRelTypes) names.emplace_back(RelTypeName(t));
    std::string best = ClosestName(ref.name, names);
    if (best.empty()) {
      // MENTION -> MENTIONS, "presents" -> PRESENTS: compare upper-cased too.
      std::string upper = ref.name;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      best = ClosestName(upper, names);
    }
    Fail(ref.span, "unknown relationship type " + Quoted(ref.name) +
                       (best.empty() ? " (known types: " + JoinQuoted(names) + ")"
                                     : " (did you mean " + Quoted(best) + "?)"));
    return std::nullopt;
  }

  std::string LabelsText(const std::vector<Label>& labels) {
    std::vector<std::string> names;
    for (Label l : labels) names.emplace_back(LabelName(l));
    return Join(names, "|");
  }
  std::string TypesText(const std::vector<RelType>& types) {
    std::vector<std::string> names;
    for (RelType t : types) names.emplace_back(RelTypeName(t));
    return Join(names, "|");
  }

  bool CheckNodeProperty(const std::vector<Label>& labels, const std::string& name,
                         SourceSpan span) {
    if (schema_.NodeHasProperty(labels, name)) return true;
    auto known = schema_.NodePropertyNames(labels);
    std::string best = ClosestName(name, known);
    if (best.empty() && !ClosestName(name, {"title"}).empty()) best = "name";  // a talk's title
    std::string owner = labels.empty() ? "nodes" : LabelsText(labels) + " nodes";
    Fail(span, "unknown property " + Quoted(name) + " of " + owner +
                   (best.empty() ? " (known: " + JoinQuoted(known) + ")"
                                 : " (did you mean " + Quoted(best) + "?)"));
    return false;
  }

  bool CheckRelProperty(const std::vector<RelType>& types, const std::string& name,
                        SourceSpan span) {
    if (schema_.RelHasProperty(types, name)) return true;
    auto known = schema_.RelPropertyNames(types);
    std::string best = ClosestName(name, known);
    std::string owner = types.empty() ? "relationships" : TypesText(types) + " relationships";
    Fail(span, "unknown property " + Quoted(name) + " of " + owner +
                   (best.empty() ? " (known: " + JoinQuoted(known) + ")"
                                 : " (did you mean " + Quoted(best) + "?)"));
    return false;
  }

  void Notice(SourceSpan span, const std::string& message) {
    LineColumn lc = LocateOffset(text_, span.begin);
    notices_.push_back("line " + std::to_string(lc.line) + ", column " + std::to_string(lc.column) +
                       ": " + message);
  }

  // ---- Expressions --------------------------------------------------------------------------

  BExprPtr Make(BExprKind kind, SourceSpan span) {
    auto e = std::make_unique<BExpr>();
    e->kind = kind;
    e->span = span;
    return e;
  }

  const VarInfo* Lookup(const std::string& name, const Scope& scope) {
    for (auto it = locals_.rbegin(); it != locals_.rend(); ++it)
      if (it->first == name) return &it->second;
    auto it = scope.find(name);
    return it == scope.end() ? nullptr : &it->second;
  }

  BExprPtr BindExpr(const Expr& e, ExprContext& ctx) {
    if (error_) return nullptr;
    switch (e.kind) {
      case ExprKind::kLiteral: {
        auto b = Make(BExprKind::kConstant, e.span);
        b->value = e.literal;
        return b;
      }
      case ExprKind::kParameter: {
        auto it = params_.find(e.name);
        if (it == params_.end()) {
          Fail(e.span,
               "missing parameter $" + e.name + " (pass it with --param " + e.name + "=VALUE)");
          return nullptr;
        }
        auto b = Make(BExprKind::kConstant, e.span);
        b->value = it->second;
        return b;
      }
      case ExprKind::kVariable: {
        const VarInfo* v = Lookup(e.name, *ctx.scope);
        if (!v) {
          std::vector<std::string> names;
          for (const auto& [n, unused] : *ctx.scope)
            if (!n.empty() && n[0] != ' ') names.push_back(n);
          for (const auto& [n, unused] : locals_) names.push_back(n);
          std::string best = ClosestName(e.name, names);
          Fail(e.span, "unknown variable " + Quoted(e.name) +
                           (best.empty() ? "" : " (did you mean " + Quoted(best) + "?)") +
                           ctx.unknown_hint);
          return nullptr;
        }
        auto b = Make(BExprKind::kSlot, e.span);
        b->slot = v->slot;
        if (ctx.slots_outside_aggregates && !ctx.inside_aggregate) {
          bool local = false;
          for (const auto& [n, info] : locals_) local |= info.slot == v->slot;
          if (!local) ctx.slots_outside_aggregates->insert(v->slot);
        }
        return b;
      }
      case ExprKind::kProperty: {
        auto child = BindExpr(*e.children[0], ctx);
        if (!child) return nullptr;
        if (child->kind == BExprKind::kSlot) {
          auto it = slot_info_.find(child->slot);
          if (it != slot_info_.end()) {
            const VarInfo& info = it->second;
            const std::string& var = e.children[0]->name;
            switch (info.kind) {
              case VarKind::kNode:
                if (!CheckNodeProperty(info.labels, e.name, e.name_span)) return nullptr;
                break;
              case VarKind::kRel:
                if (!CheckRelProperty(info.types, e.name, e.name_span)) return nullptr;
                break;
              case VarKind::kRelList:
                Fail(e.span, Quoted(var) +
                                 " is a variable-length relationship (a list of "
                                 "relationships); use [r IN " +
                                 var + " | r." + e.name + "]");
                return nullptr;
              case VarKind::kPath:
                Fail(e.span, Quoted(var) + " is a path and has no properties; use nodes(" + var +
                                 ") or relationships(" + var + ")");
                return nullptr;
              case VarKind::kValue:
                break;
            }
          }
        }
        auto b = Make(BExprKind::kProperty, e.span);
        b->name = e.name;
        b->children.push_back(std::move(child));
        return b;
      }
      case ExprKind::kList:
      case ExprKind::kMap:
      case ExprKind::kUnary:
      case ExprKind::kBinary:
      case ExprKind::kIsNull:
      case ExprKind::kIndex:
      case ExprKind::kSlice:
      case ExprKind::kCase: {
        static const std::map<ExprKind, BExprKind> kinds = {
            {ExprKind::kList, BExprKind::kList},     {ExprKind::kMap, BExprKind::kMap},
            {ExprKind::kUnary, BExprKind::kUnary},   {ExprKind::kBinary, BExprKind::kBinary},
            {ExprKind::kIsNull, BExprKind::kIsNull}, {ExprKind::kIndex, BExprKind::kIndex},
            {ExprKind::kSlice, BExprKind::kSlice},   {ExprKind::kCase, BExprKind::kCase}};
        auto b = Make(kinds.at(e.kind), e.span);
        b->keys = e.keys;
        b->unary_op = e.unary_op;
        b->binary_op = e.binary_op;
        b->negated = e.negated;
        b->has_case_operand = e.has_case_operand;
        b->has_else = e.has_else;
        for (const auto& c : e.children) {
          if (!c) {
            b->children.push_back(nullptr);
            continue;
          }
          auto bc = BindExpr(*c, ctx);
          if (!bc) return nullptr;
          b->children.push_back(std::move(bc));
        }
        if (b->kind == BExprKind::kBinary && b->binary_op == BinaryOp::kRegexMatch &&
            b->children[1]->kind == BExprKind::kConstant &&
            b->children[1]->value.type() == ValueType::kString) {
          std::string err;
          auto re = CompileRegex(b->children[1]->value.as_string(), &err);
          if (!re) {
            Fail(e.children[1]->span, err);
            return nullptr;
          }
          b->regex = std::move(re);
        }
        return b;
      }
      case ExprKind::kCountStar:
      case ExprKind::kFunction:
        return BindCall(e, ctx);
      case ExprKind::kHasLabels: {
        auto child = BindExpr(*e.children[0], ctx);
        if (!child) return nullptr;
        auto b = Make(BExprKind::kCall, e.span);
        b->function = Function::kHasLabels;
        b->name = "label check";
        b->children.push_back(std::move(child));
        for (const LabelRef& l : e.labels) {
          auto label = ResolveLabel(l);
          if (!label) return nullptr;
          auto name = Make(BExprKind::kConstant, l.span);
          name->value = Value::String(std::string(LabelName(*label)));
          b->children.push_back(std::move(name));
        }
        return b;
      }
      case ExprKind::kComprehension:
      case ExprKind::kQuantifier: {
        auto list = BindExpr(*e.children[0], ctx);
        if (!list) return nullptr;
        auto b = Make(
            e.kind == ExprKind::kComprehension ? BExprKind::kComprehension : BExprKind::kQuantifier,
            e.span);
        b->quantifier = e.quantifier;
        b->slot = NewSlot();
        b->children.push_back(std::move(list));
        locals_.emplace_back(e.name, slot_info_[b->slot]);
        ExprContext inner = ctx;
        inner.aggregates = nullptr;  // no aggregates inside the per-element parts
        inner.where = "a list comprehension";
        for (std::size_t i = 1; i < e.children.size(); ++i) {
          if (!e.children[i]) {
            b->children.push_back(nullptr);
            continue;
          }
          auto bc = BindExpr(*e.children[i], inner);
          if (!bc) {
            locals_.pop_back();
            return nullptr;
          }
          b->children.push_back(std::move(bc));
        }
        locals_.pop_back();
        return b;
      }
    }
    return nullptr;
  }

  BExprPtr BindCall(const Expr& e, ExprContext& ctx) {
    const bool star = e.kind == ExprKind::kCountStar;
    const AggregateInfo* agg = star ? nullptr : FindAggregate(e.name);
    if (star || agg) {
      const std::string name = star ? "count(*)" : AsciiLower(e.name) + "()";
      if (!ctx.aggregates) {
        Fail(e.span, "aggregate function " + name + " is not allowed in " + ctx.where);
        return nullptr;
      }
      if (ctx.inside_aggregate) {
        Fail(e.span, "aggregate functions cannot be nested (" + name + " inside another)");
        return nullptr;
      }
      BAggregate a;
      a.kind = star ? Aggregate::kCountStar : agg->aggregate;
      a.distinct = e.distinct;
      if (!star) {
        if (e.children.size() != 1) {
          Fail(e.span, name + " takes 1 argument, got " + std::to_string(e.children.size()));
          return nullptr;
        }
        ExprContext inner = ctx;
        inner.inside_aggregate = true;
        a.arg = BindExpr(*e.children[0], inner);
        if (!a.arg) return nullptr;
      }
      a.slot = NewSlot();
      auto b = Make(BExprKind::kSlot, e.span);
      b->slot = a.slot;
      ctx.aggregates->push_back(std::move(a));
      return b;
    }
    const FunctionInfo* info = FindFunction(e.name);
    if (!info) {
      std::string best = ClosestName(e.name, AllFunctionNames());
      Fail(e.name_span, "unknown function " + Quoted(e.name) +
                            (best.empty() ? "" : " (did you mean " + Quoted(best) + "?)"));
      return nullptr;
    }
    if (e.distinct) {
      Fail(e.span, "DISTINCT is only allowed in aggregate functions (count, collect, ...)");
      return nullptr;
    }
    const int n = static_cast<int>(e.children.size());
    if (n < info->min_args || (info->max_args >= 0 && n > info->max_args)) {
      std::string expected =
          info->max_args < 0
              ? "at least " + std::to_string(info->min_args)
              : (info->min_args == info->max_args
                     ? std::to_string(info->min_args)
                     : std::to_string(info->min_args) + " to " + std::to_string(info->max_args));
      const bool one = info->min_args == 1 && info->max_args == 1;
      Fail(e.span, std::string(info->name) + "() takes " + expected +
                       (one ? " argument" : " arguments") + ", got " + std::to_string(n));
      return nullptr;
    }
    auto b = Make(BExprKind::kCall, e.span);
    b->function = info->function;
    b->name = info->name;
    for (const auto& c : e.children) {
      auto bc = BindExpr(*c, ctx);
      if (!bc) return nullptr;
      b->children.push_back(std::move(bc));
    }
    return b;
  }

  static void SplitAnd(BExprPtr e, std::vector<BExprPtr>& out) {
    if (e->kind == BExprKind::kBinary && e->binary_op == BinaryOp::kAnd) {
      SplitAnd(std::move(e->children[0]), out);
      SplitAnd(std::move(e->children[1]), out);
    } else {
      out.push_back(std::move(e));
    }
  }

  // ---- MATCH --------------------------------------------------------------------------------

  BExprPtr PropertyEquals(int slot, const std::string& key, BExprPtr value, SourceSpan span) {
    auto var = Make(BExprKind::kSlot, span);
    var->slot = slot;
    auto prop = Make(BExprKind::kProperty, span);
    prop->name = key;
    prop->children.push_back(std::move(var));
    auto eq = Make(BExprKind::kBinary, span);
    eq->binary_op = BinaryOp::kEq;
    eq->children.push_back(std::move(prop));
    eq->children.push_back(std::move(value));
    return eq;
  }

  // Binds a variable that a pattern element introduces or refers to.
  // (r, n | WHERE predicate) of a variable-length relationship: r and n are known only inside
  // the predicate, which may filter the nodes (Kuzu applies it to the intermediate ones) but not
  // yet the relationships.
  bool BindRecursiveFilter(const RelPattern& rp, BRelPattern& br, const BMatch& out,
                           ExprContext& ctx) {
    for (const auto& [name, span] : {std::pair{rp.filter_rel, rp.filter_rel_span},
                                     std::pair{rp.filter_node, rp.filter_node_span}}) {
      if (scope_.count(name)) {
        Fail(span, "variable " + Quoted(name) + " is already defined");
        return false;
      }
    }
    if (rp.filter_rel == rp.filter_node) {
      Fail(rp.filter_node_span, "the filter names its relationship and its node alike");
      return false;
    }
    VarInfo rel_info;
    rel_info.kind = VarKind::kRel;
    rel_info.types = br.types;
    const int rel_slot = NewSlot(rel_info);
    scope_[rp.filter_rel] = slot_info_[rel_slot];
    VarInfo node_info;
    node_info.kind = VarKind::kNode;
    const int node_slot = NewSlot(node_info);
    scope_[rp.filter_node] = slot_info_[node_slot];
    auto predicate = BindExpr(*rp.filter, ctx);
    scope_.erase(rp.filter_rel);
    scope_.erase(rp.filter_node);
    if (!predicate) return false;
    for (int s : SlotsRead(*predicate)) {
      if (s == rel_slot) {
        Fail(rp.filter_rel_span, "a filter on the relationships (" + Quoted(rp.filter_rel) +
                                     ") of a variable-length pattern is not supported; only "
                                     "its nodes can be filtered");
        return false;
      }
      if (s != node_slot && s >= out.first_new_slot) {
        Fail(rp.filter_span,
             "a filter can only refer to its own names and to variables bound before this MATCH");
        return false;
      }
    }
    br.node_filter = std::move(predicate);
    br.filter_slot = node_slot;
    return true;
  }

  int PatternVariable(const std::string& name, SourceSpan span, VarKind kind,
                      const std::vector<Label>& labels, const std::vector<RelType>& types,
                      bool* reused) {
    *reused = false;
    if (name.empty()) {
      VarInfo info;
      info.kind = kind;
      info.labels = labels;
      info.types = types;
      return NewSlot(info);
    }
    auto it = scope_.find(name);
    if (it != scope_.end()) {
      VarInfo& v = it->second;
      if (v.kind != kind || kind == VarKind::kRelList || kind == VarKind::kPath) {
        if (kind == VarKind::kRelList && v.kind == VarKind::kRelList) {
          Fail(span, "variable-length relationship " + Quoted(name) + " cannot be used twice");
        } else if (kind == VarKind::kPath || v.kind == VarKind::kPath) {
          Fail(span, "variable " + Quoted(name) + " is already defined");
        } else {
          Fail(span, Quoted(name) + " is already " + KindName(v.kind) + "; it cannot also be " +
                         KindName(kind));
        }
        return -1;
      }
      // A repeated node narrows what the binder knows about its labels.
      if (kind == VarKind::kNode && !labels.empty()) {
        if (v.labels.empty()) {
          v.labels = labels;
        } else {
          std::vector<Label> both;
          for (Label l : v.labels)
            if (std::find(labels.begin(), labels.end(), l) != labels.end()) both.push_back(l);
          if (!both.empty()) v.labels = both;
        }
        slot_info_[v.slot] = v;
      }
      if (kind == VarKind::kRel && !types.empty() && v.types.empty()) {
        v.types = types;
        slot_info_[v.slot] = v;
      }
      *reused = true;
      return v.slot;
    }
    VarInfo info;
    info.kind = kind;
    info.labels = labels;
    info.types = types;
    int slot = NewSlot(info);
    scope_[name] = slot_info_[slot];
    return slot;
  }

  std::optional<BClause> BindMatch(const MatchClause& m) {
    BMatch out;
    out.optional = m.optional;
    out.first_new_slot = next_slot_;
    ExprContext ctx;
    ctx.where = m.optional ? "OPTIONAL MATCH" : "MATCH";
    ctx.scope = &scope_;
    for (const PatternPart& part : m.parts) {
      BPatternPart bp;
      bp.span = part.span;
      if (part.shortest != ShortestKind::kNone && part.rels.size() != 1) {
        Fail(part.span, std::string(part.shortest == ShortestKind::kShortest ? "shortestPath"
                                                                             : "allShortestPaths") +
                            "() needs a pattern with exactly one relationship, like "
                            "shortestPath((a)-[*..6]-(b))");
        return std::nullopt;
      }
      for (std::size_t i = 0; i < part.nodes.size(); ++i) {
        const NodePattern& np = part.nodes[i];
        BNodePattern bn;
        bn.span = np.span;
        for (const LabelRef& l : np.labels) {
          auto label = ResolveLabel(l);
          if (!label) return std::nullopt;
          if (std::find(bn.labels.begin(), bn.labels.end(), *label) == bn.labels.end())
            bn.labels.push_back(*label);
        }
        bool reused = false;
        bn.slot =
            PatternVariable(np.variable, np.variable_span, VarKind::kNode, bn.labels, {}, &reused);
        if (bn.slot < 0) return std::nullopt;
        if (np.properties) {
          const auto& known = slot_info_[bn.slot].labels;
          for (std::size_t k = 0; k < np.properties->keys.size(); ++k) {
            const std::string& key = np.properties->keys[k];
            if (!CheckNodeProperty(known, key, np.properties->children[k]->span)) {
              return std::nullopt;
            }
            auto value = BindExpr(*np.properties->children[k], ctx);
            if (!value) return std::nullopt;
            out.predicates.push_back(
                PropertyEquals(bn.slot, key, std::move(value), np.properties->children[k]->span));
          }
        }
        bp.nodes.push_back(std::move(bn));
        if (i < part.rels.size()) {
          const RelPattern& rp = part.rels[i];
          BRelPattern br;
          br.span = rp.span;
          br.direction = rp.direction;
          for (const LabelRef& t : rp.types) {
            auto type = ResolveType(t);
            if (!type) return std::nullopt;
            if (std::find(br.types.begin(), br.types.end(), *type) == br.types.end())
              br.types.push_back(*type);
          }
          br.shortest = part.shortest != ShortestKind::kNone ? part.shortest : rp.shortest;
          br.variable_length = rp.variable_length || br.shortest != ShortestKind::kNone;
          if (br.variable_length) {
            br.min_hops = static_cast<int>(rp.min_hops.value_or(1));
            if (rp.max_hops) {
              br.max_hops = static_cast<int>(*rp.max_hops);
            } else if (!rp.variable_length) {
              br.max_hops = 1;  // shortestPath((a)-[:T]-(b)): one hop
            } else {
              br.max_hops = std::max(default_max_hops_, br.min_hops);
              Notice(rp.hops_span,
                     "variable-length relationship without an upper bound; capped "
                     "at " +
                         std::to_string(br.max_hops) + " hops");
            }
            if (br.min_hops > br.max_hops) {
              Fail(rp.hops_span, "the lower bound " + std::to_string(br.min_hops) +
                                     " is greater than the upper bound " +
                                     std::to_string(br.max_hops));
              return std::nullopt;
            }
            if (br.shortest != ShortestKind::kNone && br.min_hops > 1) {
              Fail(rp.hops_span, "a shortest path's lower bound must be 0 or 1");
              return std::nullopt;
            }
          }
          bool reused = false;
          br.slot = PatternVariable(rp.variable, rp.variable_span,
                                    br.variable_length ? VarKind::kRelList : VarKind::kRel, {},
                                    br.types, &reused);
          if (br.slot < 0) return std::nullopt;
          if (rp.properties) {
            const auto& known = slot_info_[br.slot].types;
            for (std::size_t k = 0; k < rp.properties->keys.size(); ++k) {
              const std::string& key = rp.properties->keys[k];
              if (!CheckRelProperty(known, key, rp.properties->children[k]->span)) {
                return std::nullopt;
              }
              auto value = BindExpr(*rp.properties->children[k], ctx);
              if (!value) return std::nullopt;
              if (br.variable_length) {
                for (int s : SlotsRead(*value)) {
                  if (s >= out.first_new_slot) {
                    Fail(rp.properties->children[k]->span,
                         "a property of a variable-length relationship can only refer to "
                         "variables bound before this MATCH");
                    return std::nullopt;
                  }
                }
                br.hop_properties.emplace_back(key, std::move(value));
              } else {
                out.predicates.push_back(PropertyEquals(br.slot, key, std::move(value),
                                                        rp.properties->children[k]->span));
              }
            }
          }
          if (rp.filter && !BindRecursiveFilter(rp, br, out, ctx)) return std::nullopt;
          bp.rels.push_back(std::move(br));
        }
      }
      if (!part.path_variable.empty()) {
        if (scope_.count(part.path_variable)) {
          Fail(part.path_variable_span,
               "variable " + Quoted(part.path_variable) + " is already defined");
          return std::nullopt;
        }
        VarInfo info;
        info.kind = VarKind::kPath;
        bp.path_slot = NewSlot(info);
        scope_[part.path_variable] = slot_info_[bp.path_slot];
      }
      out.parts.push_back(std::move(bp));
    }
    if (m.where) {
      ctx.where = "WHERE";
      auto w = BindExpr(*m.where, ctx);
      if (!w) return std::nullopt;
      SplitAnd(std::move(w), out.predicates);
    }
    for (int s = out.first_new_slot; s < next_slot_; ++s) out.new_slots.push_back(s);
    return BClause(std::move(out));
  }

  // ---- UNWIND -------------------------------------------------------------------------------

  std::optional<BClause> BindUnwind(const UnwindClause& u) {
    BUnwind out;
    ExprContext ctx;
    ctx.where = "UNWIND";
    ctx.scope = &scope_;
    out.expr = BindExpr(*u.expr, ctx);
    if (!out.expr) return std::nullopt;
    if (scope_.count(u.alias)) {
      Fail(u.alias_span, "variable " + Quoted(u.alias) + " is already defined");
      return std::nullopt;
    }
    out.slot = NewSlot();
    scope_[u.alias] = slot_info_[out.slot];
    return BClause(std::move(out));
  }

  // ---- WITH and RETURN ----------------------------------------------------------------------

  std::optional<std::int64_t> BindCount(const Expr& e, const char* what) {
    Value v;
    if (e.kind == ExprKind::kLiteral) {
      v = e.literal;
    } else if (e.kind == ExprKind::kParameter) {
      auto it = params_.find(e.name);
      if (it == params_.end()) {
        Fail(e.span,
             "missing parameter $" + e.name + " (pass it with --param " + e.name + "=VALUE)");
        return std::nullopt;
      }
      v = it->second;
    } else {
      Fail(e.span, std::string(what) + " must be an integer or a parameter");
      return std::nullopt;
    }
    if (v.type() != ValueType::kInt || v.as_int() < 0) {
      Fail(e.span,
           std::string(what) + " must be a non-negative integer, got " + ToDisplayString(v));
      return std::nullopt;
    }
    return v.as_int();
  }

  // Binds a projection; `new_scope` receives the variables it defines.
  bool BindProjection(const Projection& p, bool is_with, BProjection& out, Scope& new_scope) {
    out.distinct = p.distinct;
    struct Source {
      const Expr* expr = nullptr;  // null for items from '*'
      std::string column;
      const VarInfo* var = nullptr;
      SourceSpan span;
    };
    std::vector<Source> sources;
    if (p.star) {
      for (const auto& [name, info] : scope_) {
        if (name.empty() || name[0] == ' ') continue;
        sources.push_back({nullptr, name, &info, p.star_span});
      }
      if (sources.empty()) {
        Fail(p.star_span,
             std::string(is_with ? "WITH" : "RETURN") + " * needs at least one variable in scope");
        return false;
      }
    }
    for (const ProjectionItem& item : p.items) {
      Source s;
      s.expr = item.expr.get();
      s.span = item.expr->span;
      if (!item.alias.empty()) {
        s.column = item.alias;
      } else if (item.expr->kind == ExprKind::kVariable) {
        s.column = item.expr->name;
      } else if (is_with) {
        Fail(item.expr->span,
             "expression " + Quoted(item.text) + " in WITH must be given a name (add AS name)");
        return false;
      } else {
        s.column = item.text;
      }
      sources.push_back(s);
    }
    std::set<std::string> columns;
    for (const Source& s : sources) {
      if (!columns.insert(s.column).second) {
        Fail(s.span, "column name " + Quoted(s.column) +
                         " is used twice; give one of them "
                         "another name with AS");
        return false;
      }
    }

    ExprContext ctx;
    ctx.where = is_with ? "WITH" : "RETURN";
    ctx.scope = &scope_;
    ctx.aggregates = &out.aggregates;
    std::vector<std::set<int>> outside(sources.size());
    for (std::size_t i = 0; i < sources.size(); ++i) {
      const Source& s = sources[i];
      BItem item;
      item.column = s.column;
      const std::size_t aggs_before = out.aggregates.size();
      ctx.slots_outside_aggregates = &outside[i];
      if (s.expr) {
        item.expr = BindExpr(*s.expr, ctx);
        if (!item.expr) return false;
      } else {
        item.expr = Make(BExprKind::kSlot, s.span);
        item.expr->slot = s.var->slot;
        outside[i].insert(s.var->slot);
      }
      item.has_aggregate = out.aggregates.size() > aggs_before;
      out.items.push_back(std::move(item));
    }
    if (!out.aggregates.empty()) {
      std::set<int> keyed;
      for (const BItem& item : out.items)
        if (!item.has_aggregate)
          for (int s : SlotsRead(*item.expr)) keyed.insert(s);
      for (std::size_t i = 0; i < out.items.size(); ++i) {
        if (!out.items[i].has_aggregate) continue;
        for (int s : outside[i]) {
          if (keyed.count(s)) continue;
          std::string var;
          for (const auto& [name, info] : scope_)
            if (info.slot == s) var = name;
          Fail(sources[i].span, "variable " + Quoted(var) + " is used outside an aggregate in " +
                                    Quoted(out.items[i].column) +
                                    " but is not a grouping key; return it as a column of its "
                                    "own or aggregate it");
          return false;
        }
      }
    }

    // The variables after the projection.
    for (std::size_t i = 0; i < out.items.size(); ++i) {
      BItem& item = out.items[i];
      VarInfo info;
      if (item.expr->kind == BExprKind::kSlot && !item.has_aggregate) {
        auto it = slot_info_.find(item.expr->slot);
        if (it != slot_info_.end()) info = it->second;
      }
      item.slot = NewSlot(info);
      new_scope[item.column] = slot_info_[item.slot];
    }

    // ORDER BY sees the projected names, and the earlier variables unless the projection
    // aggregates or is DISTINCT.
    const bool narrow = out.distinct || !out.aggregates.empty();
    Scope order_scope = narrow ? new_scope : scope_;
    if (!narrow)
      for (const auto& [name, info] : new_scope) order_scope[name] = info;
    ExprContext order_ctx;
    order_ctx.where = "ORDER BY";
    order_ctx.scope = &order_scope;
    if (narrow) {
      order_ctx.unknown_hint =
          " (after DISTINCT or an aggregation, ORDER BY can only use the returned columns)";
    }
    for (const SortItem& s : p.order_by) {
      BSortKey key;
      key.descending = s.descending;
      const std::string canon = CanonicalText(*s.expr);
      for (std::size_t i = 0; i < p.items.size() && !key.expr; ++i) {
        if (CanonicalText(*p.items[i].expr) == canon) {
          key.expr = Make(BExprKind::kSlot, s.expr->span);
          key.expr->slot = out.items[i + (out.items.size() - p.items.size())].slot;
        }
      }
      if (!key.expr) {
        key.expr = BindExpr(*s.expr, order_ctx);
        if (!key.expr) {
          if (error_ && error_->message.find("aggregate function") == 0) {
            error_->message = "an aggregate in ORDER BY must also be returned: add it to " +
                              std::string(is_with ? "WITH" : "RETURN") +
                              " with AS and order by "
                              "that name";
          }
          return false;
        }
      }
      out.order_by.push_back(std::move(key));
    }
    if (p.skip) {
      out.skip = BindCount(*p.skip, "SKIP");
      if (!out.skip) return false;
    }
    if (p.limit) {
      out.limit = BindCount(*p.limit, "LIMIT");
      if (!out.limit) return false;
    }
    return true;
  }

  std::optional<BClause> BindWith(const WithClause& w) {
    BWith out;
    Scope new_scope;
    if (!BindProjection(w.projection, true, out.projection, new_scope)) return std::nullopt;
    scope_ = std::move(new_scope);
    if (w.where) {
      ExprContext ctx;
      ctx.where = "WHERE";
      ctx.scope = &scope_;
      auto e = BindExpr(*w.where, ctx);
      if (!e) return std::nullopt;
      SplitAnd(std::move(e), out.where);
    }
    return BClause(std::move(out));
  }

  std::optional<BClause> BindReturn(const ReturnClause& r) {
    BReturn out;
    Scope new_scope;
    if (!BindProjection(r.projection, false, out.projection, new_scope)) return std::nullopt;
    return BClause(std::move(out));
  }

  std::string_view text_;
  const Schema& schema_;
  const std::map<std::string, Value>& params_;
  int default_max_hops_;
  int next_slot_ = 0;
  Scope scope_;
  std::map<int, VarInfo> slot_info_;
  std::vector<std::pair<std::string, VarInfo>> locals_;  // comprehension variables, innermost last
  std::vector<std::string> notices_;
  std::optional<BindError> error_;
};

}  // namespace

std::vector<int> SlotsRead(const BExpr& e) {
  std::set<int> out, locals;
  CollectSlots(e, out, locals);
  return {out.begin(), out.end()};
}

Expected<BoundQuery, BindError> Bind(const Query& query, std::string_view text,
                                     const Schema& schema,
                                     const std::map<std::string, Value>& params,
                                     int default_max_hops) {
  return Binder(text, schema, params, default_max_hops).Run(query);
}

}  // namespace cnkg::query
