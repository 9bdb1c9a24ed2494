// Grouping, aggregation and DISTINCT (see query/operator.h).
//
// Rows are grouped on the identities of the graph elements their keys read rather than on the
// keys' values: `RETURN o.name, count(DISTINCT t)` groups on o's id and counts t's ids, so no
// name is read and no value is built per row. Distinct elements can have equal values (two
// people of the same name), so when the groups are done their keys are evaluated once each and
// groups with equal keys are merged. Rows whose keys read anything other than nodes,
// relationships and nulls (an UNWIND list, a WITH value) are grouped on values as before.

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "query/id_table.h"
#include "query/operator.h"

namespace cnkg::query {
namespace {

// The identity of a value for grouping (see id_table.h); false for other values.
bool Identity(const Value& v, std::uint64_t* out) {
  switch (v.type()) {
    case ValueType::kNode:
      *out = kNodeTag | v.as_node().id;
      return true;
    case ValueType::kRel:
      *out = kRelTag | v.as_rel().id;
      return true;
    case ValueType::kNull:
      *out = kNullIdentity;
      return true;
    default:
      return false;
  }
}

// The slots a list of expressions reads, each once; `usable` false when there are more than two
// (an identity key holds two).
std::vector<int> KeySlots(const std::vector<const BExpr*>& exprs, bool* usable) {
  std::vector<int> slots;
  for (const BExpr* e : exprs)
    for (int s : SlotsRead(*e))
      if (std::find(slots.begin(), slots.end(), s) == slots.end()) slots.push_back(s);
  *usable = slots.size() <= 2;
  return slots;
}

// The identity key of a row: the identities of `slots` (at most two), or false when one of
// them holds another kind of value.
bool IdentityKey(const Row& row, const std::vector<int>& slots, std::uint64_t* a,
                 std::uint64_t* b) {
  *a = kNullIdentity;  // no slots: every row has the same key
  *b = 0;
  if (!slots.empty() && !Identity(row[slots[0]], a)) return false;
  if (slots.size() > 1 && !Identity(row[slots[1]], b)) return false;
  return true;
}

class AggregateOp : public Operator {
 public:
  AggregateOp(EvalContext& ctx, const BProjection& proj, int num_slots)
      : Operator(ctx), proj_(proj), num_slots_(num_slots) {
    std::vector<const BExpr*> keys;
    for (const BItem& item : proj_.items)
      if (!item.has_aggregate) keys.push_back(item.expr.get());
    has_keys_ = !keys.empty();
    key_slots_ = KeySlots(keys, &by_identity_);
    seen_node_.resize(proj_.aggregates.size());
    seen_rel_.resize(proj_.aggregates.size());
  }

  bool Push(Row& row) override {
    std::size_t g;
    std::uint64_t a, b;
    if (!has_keys_) {
      if (groups_.empty() && !NewGroup(row, {})) return false;
      g = 0;
    } else if (by_identity_ && IdentityKey(row, key_slots_, &a, &b)) {
      if (a == last_a_ && b == last_b_) {
        g = current_;  // rows of a group often come one after another
      } else {
        auto [found, inserted] =
            by_id_.FindOrInsert(a, b, static_cast<std::uint32_t>(groups_.size()));
        if (inserted && !NewGroup(row, {})) return false;
        g = found;
        last_a_ = a;
        last_b_ = b;
      }
    } else {
      last_a_ = last_b_ = 0;  // the cached identity key is not current_'s any more
      std::vector<Value> key = KeyValues(row);
      if (ctx_.failed()) return false;
      auto it = by_value_.find(key);
      if (it == by_value_.end()) {
        g = groups_.size();
        by_value_.emplace(key, g);
        if (!NewGroup(row, std::move(key))) return false;
      } else {
        g = it->second;
      }
    }
    if (g != current_) {
      // Only the newest group can follow another one while groups come in runs.
      if (g + 1 != groups_.size()) LeaveRuns();
      if (runs_) ForgetRun();
      current_ = g;
    }
    Group& group = groups_[g];
    for (std::size_t i = 0; i < proj_.aggregates.size(); ++i) {
      const BAggregate& agg = proj_.aggregates[i];
      State& st = group.states[i];
      if (agg.kind == Aggregate::kCountStar) {
        ++st.count;
        continue;
      }
      Value computed;
      const Value* v = &computed;
      if (agg.arg->kind == BExprKind::kSlot) {
        v = &row[agg.arg->slot];
      } else {
        computed = Evaluate(*agg.arg, row, ctx_);
        if (ctx_.failed()) return false;
      }
      if (v->is_null()) continue;
      if (agg.distinct) {
        std::uint64_t id;
        if (agg.kind == Aggregate::kCount && Identity(*v, &id)) {
          // count(DISTINCT element): a (group, aggregate) and id pair, nothing else kept.
          if (CountFirst(g, i, id)) {
            ++st.id_count;
            if (!ctx_.Hold(1)) return false;
          }
          continue;
        }
        if (!st.seen.insert(*v).second) continue;
        if (!ctx_.Hold(1)) return false;
      }
      if (!Update(agg, st, *v)) return false;
    }
    return true;
  }

  void Finish() override {
    if (groups_.empty() && !has_keys_ && !ctx_.failed()) NewGroup(Row(num_slots_), {});
    if (has_keys_ && !ctx_.failed()) MergeEqualKeys();
    for (Group& group : groups_) {
      if (stopped()) break;
      if (group.merged) continue;
      for (std::size_t i = 0; i < proj_.aggregates.size(); ++i)
        group.row[proj_.aggregates[i].slot] = Result(proj_.aggregates[i], group.states[i]);
      std::size_t k = 0;  // the next of the group's key values, when it kept them
      for (const BItem& item : proj_.items) {
        if (!item.has_aggregate && k < group.key.size()) {
          group.row[item.slot] = std::move(group.key[k++]);
        } else {
          group.row[item.slot] = Evaluate(*item.expr, group.row, ctx_);
        }
      }
      if (ctx_.failed() || !Emit(group.row)) break;
    }
    groups_.clear();
    Operator::Finish();
  }

 private:
  struct State {
    std::int64_t count = 0;
    std::int64_t id_count = 0;  // count(DISTINCT element): the elements counted by id
    bool sum_is_double = false;
    std::int64_t isum = 0;
    double dsum = 0;
    Value best;
    ValueList list;
    std::unordered_set<Value, ValueHash, ValueEquivalent> seen;
  };
  struct Group {
    Row row;  // the group's first row
    std::vector<State> states;
    std::vector<Value> key;  // the key values, for groups made on values
    bool merged = false;     // merged into an earlier group with the same key values
  };
  using ValueIndex = std::unordered_map<std::vector<Value>, std::size_t, RowHash, RowEquivalent>;

  static std::uint64_t DistinctKey(std::size_t group, std::size_t aggregate) {
    return ((static_cast<std::uint64_t>(group) << 16) | aggregate) + 1;
  }

  // Whether element `id` (an identity) is new to aggregate i of group g. While every group's
  // rows come in one run (the usual case: the groups' elements are the outer loop of the
  // match), a bitset of the elements the current group has counted says it all (a few KB, in
  // cache, cleared from the log when the group ends), and the pairs are only logged; after
  // that, a hash set of (group, aggregate, element) answers.
  bool CountFirst(std::size_t g, std::size_t i, std::uint64_t id) {
    if (runs_) {
      std::vector<std::uint64_t>& seen = (id & kRelTag) ? seen_rel_[i] : seen_node_[i];
      if (seen.empty())
        seen.assign(((id & kRelTag) ? ctx_.view().num_rels() : ctx_.view().num_nodes()) / 64 + 1,
                    0);
      const std::uint32_t n = static_cast<std::uint32_t>(id);
      if (n / 64 < seen.size() && g < Counted::kMaxGroups && i < Counted::kMaxAggregates) {
        const std::uint64_t bit = std::uint64_t{1} << (n % 64);
        if (seen[n / 64] & bit) return false;
        seen[n / 64] |= bit;
        log_.push_back(Counted::Pack(g, i, id));
        return true;
      }
      LeaveRuns();
    }
    return distinct_ids_.Insert(DistinctKey(g, i), id);
  }

  // The current group's run ended: its elements leave the bitsets.
  void ForgetRun() {
    for (std::size_t k = run_start_; k < log_.size(); ++k) {
      const Counted c = log_[k];
      const std::uint64_t id = c.id();
      std::vector<std::uint64_t>& seen =
          (id & kRelTag) ? seen_rel_[c.aggregate()] : seen_node_[c.aggregate()];
      const auto n = static_cast<std::uint32_t>(id);
      seen[n / 64] &= ~(std::uint64_t{1} << (n % 64));
    }
    run_start_ = log_.size();
  }

  // Groups no longer come in runs: the logged pairs go into the hash set.
  void LeaveRuns() {
    if (!runs_) return;
    runs_ = false;
    for (Counted c : log_) distinct_ids_.Insert(DistinctKey(c.group(), c.aggregate()), c.id());
    log_ = {};
    for (auto* sets : {&seen_node_, &seen_rel_})
      for (auto& set : *sets) set = std::vector<std::uint64_t>();
  }

  // Calls f(group, aggregate, identity) for every element counted by count(DISTINCT ...).
  template <typename F>
  void ForEachCounted(F&& f) const {
    for (Counted c : log_) f(c.group(), c.aggregate(), c.id());
    distinct_ids_.ForEach([&](std::uint64_t key, std::uint64_t id, std::uint32_t) {
      f((key - 1) >> 16, (key - 1) & 0xffff, id);
    });
  }

  std::vector<Value> KeyValues(Row& row) {
    std::vector<Value> key;
    for (const BItem& item : proj_.items)
      if (!item.has_aggregate) key.push_back(Evaluate(*item.expr, row, ctx_));
    return key;
  }

  bool NewGroup(const Row& row, std::vector<Value> key) {
    if (!ctx_.Hold(1)) return false;
    Group g;
    g.row = row;
    g.states.resize(proj_.aggregates.size());
    g.key = std::move(key);
    groups_.push_back(std::move(g));
    return true;
  }

  // Groups made on element ids whose key values equal an earlier group's are merged into it, in
  // the order the groups were made (so rows keep coming in order of first appearance).
  void MergeEqualKeys() {
    if (by_id_.size() == 0) return;  // every group was made on distinct values
    // The first group of each key, found through the keys the groups keep (which Finish then
    // emits instead of evaluating them again).
    const auto hash = [this](std::size_t g) { return RowHash()(groups_[g].key); };
    const auto equal = [this](std::size_t a, std::size_t b) {
      return RowEquivalent()(groups_[a].key, groups_[b].key);
    };
    std::unordered_set<std::size_t, decltype(hash), decltype(equal)> first(groups_.size(), hash,
                                                                           equal);
    std::vector<std::uint32_t> into(groups_.size());
    bool any = false;
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      Group& group = groups_[g];
      if (group.key.empty()) group.key = KeyValues(group.row);
      if (ctx_.failed()) return;
      auto [it, inserted] = first.insert(g);
      into[g] = static_cast<std::uint32_t>(*it);
      if (inserted) continue;
      any = true;
      group.merged = true;
      Merge(groups_[*it], group);
      if (ctx_.failed()) return;
    }
    if (!any || (distinct_ids_.size() == 0 && log_.empty())) return;
    // Count the distinct elements of the merged groups again.
    for (Group& group : groups_)
      for (State& st : group.states) st.id_count = 0;
    IdMap recount;
    ForEachCounted([&](std::size_t g, std::size_t i, std::uint64_t id) {
      if (recount.Insert(DistinctKey(into[g], i), id)) ++groups_[into[g]].states[i].id_count;
    });
  }

  // Adds what `from` aggregated to `to` (id_count is recounted by the caller).
  void Merge(Group& to, Group& from) {
    for (std::size_t i = 0; i < proj_.aggregates.size(); ++i) {
      const BAggregate& agg = proj_.aggregates[i];
      State &dst = to.states[i], &src = from.states[i];
      if (agg.distinct) {
        for (const Value& v : src.seen)
          if (dst.seen.insert(v).second && !Update(agg, dst, v)) return;
        continue;
      }
      switch (agg.kind) {
        case Aggregate::kCountStar:
        case Aggregate::kCount:
          dst.count += src.count;
          break;
        case Aggregate::kCollect:
          for (Value& v : src.list) dst.list.push_back(std::move(v));
          break;
        case Aggregate::kMin:
        case Aggregate::kMax:
          if (!src.best.is_null() && !Update(agg, dst, src.best)) return;
          break;
        case Aggregate::kSum:
        case Aggregate::kAvg:
          dst.count += src.count;
          if (src.sum_is_double || dst.sum_is_double) {
            if (!dst.sum_is_double) dst.dsum = static_cast<double>(dst.isum);
            dst.dsum += src.sum_is_double ? src.dsum : static_cast<double>(src.isum);
            dst.sum_is_double = true;
          } else if (__builtin_add_overflow(dst.isum, src.isum, &dst.isum)) {
            ctx_.Fail(agg.arg->span, "integer overflow in sum()");
            return;
          }
          break;
      }
    }
  }

  bool Update(const BAggregate& a, State& st, const Value& v) {
    switch (a.kind) {
      case Aggregate::kCountStar:
      case Aggregate::kCount:
        ++st.count;
        return true;
      case Aggregate::kCollect:
        if (!ctx_.Hold(1)) return false;
        st.list.push_back(v);
        return true;
      case Aggregate::kMin:
      case Aggregate::kMax: {
        if (st.best.is_null()) {
          st.best = v;
        } else {
          int c = CompareForOrder(v, st.best);
          if ((a.kind == Aggregate::kMin && c < 0) || (a.kind == Aggregate::kMax && c > 0))
            st.best = v;
        }
        return true;
      }
      case Aggregate::kSum:
      case Aggregate::kAvg: {
        if (!v.is_number()) {
          ctx_.Fail(a.arg->span, std::string(a.kind == Aggregate::kSum ? "sum" : "avg") +
                                     "() expects numbers, got " +
                                     std::string(ValueTypeName(v.type())));
          return false;
        }
        ++st.count;
        if (v.type() == ValueType::kDouble || st.sum_is_double || a.kind == Aggregate::kAvg) {
          if (!st.sum_is_double) {
            st.dsum = static_cast<double>(st.isum);
            st.sum_is_double = true;
          }
          st.dsum += v.as_number();
        } else if (__builtin_add_overflow(st.isum, v.as_int(), &st.isum)) {
          ctx_.Fail(a.arg->span, "integer overflow in sum()");
          return false;
        }
        return true;
      }
    }
    return true;
  }

  Value Result(const BAggregate& a, State& st) {
    switch (a.kind) {
      case Aggregate::kCountStar:
      case Aggregate::kCount:
        return Value::Int(st.count + st.id_count);
      case Aggregate::kCollect:
        return Value::List(std::move(st.list));
      case Aggregate::kMin:
      case Aggregate::kMax:
        return st.best;
      case Aggregate::kSum:
        return st.sum_is_double ? Value::Double(st.dsum) : Value::Int(st.isum);
      case Aggregate::kAvg:
        if (st.count == 0) return Value();
        return Value::Double(st.dsum / static_cast<double>(st.count));
    }
    return Value();
  }

  const BProjection& proj_;
  int num_slots_;
  bool has_keys_ = false;
  bool by_identity_ = false;
  std::vector<int> key_slots_;
  IdMap by_id_;
  ValueIndex by_value_;
  std::vector<Group> groups_;
  // The group of the last row, and its identity key (0, 0: none) to skip the lookup.
  std::size_t current_ = 0;
  std::uint64_t last_a_ = 0, last_b_ = 0;
  // count(DISTINCT element): see CountFirst.
  // A logged (group, aggregate, element) in 8 bytes: the group in 23 bits, the aggregate in 8,
  // whether the element is a relationship in 1, its id in 32.
  struct Counted {
    std::uint64_t bits;
    static constexpr std::size_t kMaxGroups = std::size_t{1} << 23, kMaxAggregates = 256;
    static Counted Pack(std::size_t g, std::size_t i, std::uint64_t id) {
      return {static_cast<std::uint64_t>(g) << 41 | static_cast<std::uint64_t>(i) << 33 |
              ((id & kRelTag) ? std::uint64_t{1} << 32 : 0) | (id & 0xffffffffu)};
    }
    std::size_t group() const { return bits >> 41; }
    std::size_t aggregate() const { return (bits >> 33) & 0xff; }
    std::uint64_t id() const {
      return ((bits >> 32) & 1 ? kRelTag : kNodeTag) | (bits & 0xffffffffu);
    }
  };
  bool runs_ = true;
  std::vector<Counted> log_;
  std::vector<std::vector<std::uint64_t>> seen_node_, seen_rel_;  // per aggregate
  std::size_t run_start_ = 0;  // where the current group's entries in log_ begin
  IdMap distinct_ids_;
};

class DistinctOp : public Operator {
 public:
  DistinctOp(EvalContext& ctx, const BProjection& proj) : Operator(ctx), proj_(proj) {}
  bool Push(Row& row) override {
    std::vector<Value> key;
    key.reserve(proj_.items.size());
    for (const BItem& item : proj_.items) key.push_back(row[item.slot]);
    if (!seen_.insert(std::move(key)).second) return true;
    if (!ctx_.Hold(1)) return false;
    return Emit(row);
  }

 private:
  const BProjection& proj_;
  std::unordered_set<std::vector<Value>, RowHash, RowEquivalent> seen_;
};

class IdDistinctOp : public Operator {
 public:
  IdDistinctOp(EvalContext& ctx, const BProjection& proj) : Operator(ctx) {
    std::vector<const BExpr*> items;
    for (const BItem& item : proj.items) items.push_back(item.expr.get());
    slots_ = KeySlots(items, &usable_);
  }
  bool Push(Row& row) override {
    std::uint64_t a, b;
    if (usable_ && IdentityKey(row, slots_, &a, &b)) {
      if (!seen_.Insert(a, b)) return true;
      if (!ctx_.Hold(1)) return false;
    }
    return Emit(row);
  }

 private:
  std::vector<int> slots_;
  bool usable_ = false;
  IdMap seen_;
};

}  // namespace

std::unique_ptr<Operator> MakeAggregateOp(EvalContext& ctx, const BProjection& proj,
                                          int num_slots) {
  return std::make_unique<AggregateOp>(ctx, proj, num_slots);
}

std::unique_ptr<Operator> MakeIdDistinctOp(EvalContext& ctx, const BProjection& proj) {
  return std::make_unique<IdDistinctOp>(ctx, proj);
}

std::unique_ptr<Operator> MakeDistinctOp(EvalContext& ctx, const BProjection& proj) {
  return std::make_unique<DistinctOp>(ctx, proj);
}

}  // namespace cnkg::query
