#include "query/executor.h"

#include <algorithm>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "query/evaluator.h"
#include "query/operator.h"

namespace cnkg::query {
namespace {

bool LabelIn(const BNodePattern& np, Label label) {
  if (np.labels.empty()) return true;
  return std::find(np.labels.begin(), np.labels.end(), label) != np.labels.end();
}

bool TypeIn(const BRelPattern& rp, RelType type) {
  if (rp.types.empty()) return true;
  return std::find(rp.types.begin(), rp.types.end(), type) != rp.types.end();
}

bool LabelOk(const BNodePattern& np, const NodeRef& n) {
  if (np.labels.empty()) return true;
  return std::find(np.labels.begin(), np.labels.end(), n.label()) != np.labels.end();
}

// ---- MATCH ----------------------------------------------------------------------------------

class MatchOp : public Operator {
 public:
  MatchOp(EvalContext& ctx, const MatchPlan& plan) : Operator(ctx), plan_(plan) {
    scratch_.resize(plan.parts.size());
    for (std::size_t p = 0; p < plan.parts.size(); ++p)
      scratch_[p].resize(plan.parts[p].steps.size());
  }

  bool Push(Row& row) override {
    if (stopped() || !ctx_.Charge()) return false;
    emitted_ = false;
    bool go_on = true;
    bool pre_ok = true;
    for (const BExpr* p : plan_.pre_predicates) {
      if (EvaluatePredicate(*p, row, ctx_) != Tri::kTrue) {
        pre_ok = false;
        break;
      }
    }
    if (ctx_.failed()) return false;
    if (pre_ok) go_on = RunStep(0, 0, row);
    if (ctx_.failed() || !go_on) return false;
    if (plan_.match->optional && !emitted_) {
      for (int s : plan_.match->new_slots) row[s] = Value();
      return Emit(row);
    }
    return true;
  }

 private:
  // Breadth-first search state of a shortest-path step, reused across rows.
  struct Scratch {
    std::vector<int> dist;
    std::vector<std::uint32_t> order;
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> parents;  // (rel, node)
    // The two-sided search: distances from the source and to the target, and what was touched.
    std::vector<int> from_source, to_target;
    std::vector<std::uint32_t> touched;
  };

  // The distance of the shortest path from `from` to `to` (from != to) within `max` hops,
  // searching from both ends, a whole level at a time from the smaller frontier. Leaves in
  // sc.to_target the distance to `to` of every node within *target_levels of it. Returns -1 when
  // there is no such path, -2 when a work limit stopped the search.
  int MeetInTheMiddle(Scratch& sc, const BRelPattern& rel, bool forward, std::uint32_t from,
                      std::uint32_t to, int max,
                      const std::vector<std::pair<const std::string*, Value>>* props,
                      int* target_levels, Row& row) {
    const std::size_t n = ctx_.view().num_nodes();
    if (sc.from_source.size() != n) {
      sc.from_source.assign(n, -1);
      sc.to_target.assign(n, -1);
      sc.touched.clear();
    }
    for (std::uint32_t v : sc.touched) sc.from_source[v] = sc.to_target[v] = -1;
    sc.touched = {from, to};
    sc.from_source[from] = 0;
    sc.to_target[to] = 0;
    std::vector<std::uint32_t> source_front{from}, target_front{to}, next;
    int source_levels = 0;
    *target_levels = 0;
    while (source_levels + *target_levels < max) {
      const bool from_source_side = source_front.size() <= target_front.size();
      std::vector<std::uint32_t>& front = from_source_side ? source_front : target_front;
      std::vector<int>& mine = from_source_side ? sc.from_source : sc.to_target;
      const std::vector<int>& other = from_source_side ? sc.to_target : sc.from_source;
      const int level = (from_source_side ? source_levels : *target_levels) + 1;
      int best = -1;
      next.clear();
      for (std::uint32_t v : front) {
        // Towards the target the pattern is followed backwards.
        bool ok =
            ForEachHop(rel, from_source_side ? forward : !forward, v, props, [&](const Hop& h) {
              if (mine[h.other] >= 0) return true;
              // A node the filter rejects is no meeting point and is not expanded.
              if (h.other != from && h.other != to && !NodeFilterOk(rel, h.other, row)) {
                return !ctx_.failed();
              }
              mine[h.other] = level;
              sc.touched.push_back(h.other);
              next.push_back(h.other);
              if (other[h.other] >= 0 && (best < 0 || level + other[h.other] < best))
                best = level + other[h.other];
              return true;
            });
        if (!ok) return -2;
      }
      ++(from_source_side ? source_levels : *target_levels);
      if (best >= 0) return best;
      if (next.empty()) return -1;
      front.swap(next);
    }
    return -1;
  }

  struct Hop {
    RelRef rel;
    std::uint32_t other;
    Label other_label;
  };

  // Whether node v may be an intermediate node of a walk of `rel`: true unless the recursive
  // filter's predicate is not true for it (or fails; see ctx_.failed()).
  bool NodeFilterOk(const BRelPattern& rel, std::uint32_t v, Row& row) {
    if (!rel.node_filter) return true;
    row[rel.filter_slot] = Value::Node(ctx_.view().node(v));
    return EvaluatePredicate(*rel.node_filter, row, ctx_) == Tri::kTrue;
  }

  const BPatternPart& Part(std::size_t p) const { return *plan_.parts[p].part; }

  // Runs step s of part p and everything after it. False: stop everything.
  bool RunStep(std::size_t p, std::size_t s, Row& row) {
    if (p == plan_.parts.size()) {
      emitted_ = true;
      return Emit(row);
    }
    const PartPlan& pp = plan_.parts[p];
    if (s == pp.steps.size()) return RunStep(p + 1, 0, row);
    const MatchStep& step = pp.steps[s];
    if (step.is_start) return Start(p, s, row);
    const BRelPattern& rel = Part(p).rels[step.rel];
    if (rel.shortest != ShortestKind::kNone) return Shortest(p, s, row);
    if (rel.variable_length) return VarExpand(p, s, row);
    return Expand(p, s, row);
  }

  // After a step bound its slots: the path, the predicates, then the next step.
  bool Continue(std::size_t p, std::size_t s, Row& row) {
    const MatchStep& step = plan_.parts[p].steps[s];
    if (step.assemble_path && !AssemblePath(Part(p), row)) return true;
    for (const BExpr* pred : step.predicates) {
      Tri t = EvaluatePredicate(*pred, row, ctx_);
      if (ctx_.failed()) return false;
      if (t != Tri::kTrue) return true;
    }
    return RunStep(p, s + 1, row);
  }

  // Binds (or, if already bound, compares) the node of a step. False: it does not fit.
  // `label_ok`: the caller already checked the label.
  bool PlaceNode(const BNodePattern& np, bool bind, const NodeRef& n, Row& row,
                 bool label_ok = false) {
    if (!label_ok && !LabelOk(np, n)) return false;
    if (bind) {
      row[np.slot].SetNode(n);
      return true;
    }
    const Value& v = row[np.slot];
    return v.type() == ValueType::kNode && v.as_node().id == n.id;
  }

  // The nodes a key seek (kKeySeek) or a name seek (kNameSeek) of `value` finds for this row, in
  // graph order; none when the value is not a string. Sets *ok to false when evaluating the
  // value failed.
  std::vector<std::uint32_t> Seek(ScanKind kind, const BExpr& value, Row& row, bool* ok) {
    Value v = Evaluate(value, row, ctx_);
    *ok = !ctx_.failed();
    if (!*ok || v.type() != ValueType::kString) return {};
    const GraphView& view = ctx_.view();
    if (kind == ScanKind::kKeySeek) {
      auto node = view.FindKey(v.as_string());
      return node ? std::vector<std::uint32_t>{*node} : std::vector<std::uint32_t>{};
    }
    auto found = view.FindName(v.as_string());
    return {found.begin(), found.end()};
  }

  bool Start(std::size_t p, std::size_t s, Row& row) {
    const MatchStep& step = plan_.parts[p].steps[s];
    const BNodePattern& np = Part(p).nodes[step.node];
    const GraphView& view = ctx_.view();
    auto try_node = [&](std::uint32_t v) {
      if (!ctx_.Charge()) return false;
      if (!PlaceNode(np, step.bind_node, view.node(v), row)) return true;
      return Continue(p, s, row);
    };
    switch (step.scan) {
      case ScanKind::kBound: {
        const Value& v = row[np.slot];
        if (v.type() != ValueType::kNode || !LabelOk(np, v.as_node())) return true;
        return Continue(p, s, row);
      }
      case ScanKind::kKeySeek:
      case ScanKind::kNameSeek: {
        bool ok = true;
        for (std::uint32_t v : Seek(step.scan, *step.seek_value, row, &ok))
          if (!try_node(v)) return false;
        return ok;
      }
      case ScanKind::kLabelScan:
        for (Label l : np.labels)
          for (std::uint32_t v : view.nodes_with_label(l))
            if (!try_node(v)) return false;
        return true;
      case ScanKind::kAllNodes:
        for (std::uint32_t v = 0; v < view.num_nodes(); ++v)
          if (!try_node(v)) return false;
        return true;
    }
    return true;
  }

  // Which adjacency lists an expansion follows.
  static void Directions(const BRelPattern& rel, bool forward, bool* out, bool* in) {
    switch (rel.direction) {
      case Direction::kRight:
        *out = forward;
        *in = !forward;
        break;
      case Direction::kLeft:
        *out = !forward;
        *in = forward;
        break;
      case Direction::kBoth:
        *out = *in = true;
        break;
    }
  }

  // Calls f(Hop) for every relationship from `from` that fits the pattern's types and
  // direction (and, for variable length, the hop property values). Stops when f returns false.
  template <typename F>
  // `prefetch`: the nodes reached will be expanded in turn (see below).
  bool ForEachHop(const BRelPattern& rel, bool forward, std::uint32_t from,
                  const std::vector<std::pair<const std::string*, Value>>* hop_props, F&& f,
                  bool prefetch = true) {
    bool use_out = false, use_in = false;
    Directions(rel, forward, &use_out, &use_in);
    const GraphView& view = ctx_.view();
    // The type and the endpoints come from the adjacency entry, not from the relationship
    // table (which would cost a cache miss per hop on large graphs).
    auto visit = [&](const GraphView::Adjacent& adj, bool outgoing) {
      if (!ctx_.Charge()) return false;
      if (!TypeIn(rel, static_cast<RelType>(adj.type))) return true;
      const RelRef r = outgoing ? RelRef{adj.rel, from, adj.other, &view.graph()}
                                : RelRef{adj.rel, adj.other, from, &view.graph()};
      if (hop_props) {
        for (const auto& [key, value] : *hop_props)
          if (Equals(RelProperty(r, *key), value) != Tri::kTrue) return true;
      }
      return f(Hop{r, adj.other, static_cast<Label>(adj.other_label)});
    };
    // The nodes reached are usually expanded next, from scattered places in the file: their
    // adjacency is fetched a few entries ahead, so that it is in cache when its turn comes.
    const CompactGraph& graph = view.graph();
    auto run = [&](std::span<const GraphView::Adjacent> list, bool outgoing) {
      const std::size_t n = list.size();
      for (std::size_t i = 0; i < n; ++i) {
        if (prefetch) {
          if (i + 8 < n) graph.Prefetch(list[i + 8].other);
          if (i + 4 < n) graph.PrefetchRuns(list[i + 4].other);
        }
        if (!outgoing && use_out && list[i].other == from) continue;  // a self-loop, seen going out
        if (!visit(list[i], outgoing)) return false;
      }
      return true;
    };
    if (use_out && !run(view.out(from), true)) return false;
    if (use_in && !run(view.in(from), false)) return false;
    return true;
  }

  bool Expand(std::size_t p, std::size_t s, Row& row) {
    const MatchStep& step = plan_.parts[p].steps[s];
    const BPatternPart& part = Part(p);
    const BRelPattern& rel = part.rels[step.rel];
    const BNodePattern& target = part.nodes[step.node];
    const Value& from = row[part.nodes[step.from_node].slot];
    if (from.type() != ValueType::kNode) return true;
    // A target pinned down by its key or name: only the nodes the seek finds (ascending).
    const std::vector<std::uint32_t>* only = nullptr;
    std::vector<std::uint32_t> sought;
    if (step.target_seek_value) {
      bool ok = true;
      only = SoughtTargets(step, row, &sought, &ok);
      if (!ok) return false;
    }
    const std::vector<MatchStep>& steps = plan_.parts[p].steps;
    const bool expanded_next = s + 1 < steps.size() && steps[s + 1].from_node == step.node;
    return ForEachHop(
        rel, step.forward, from.as_node().id, nullptr,
        [&](const Hop& hop) {
          if (only && !std::binary_search(only->begin(), only->end(), hop.other)) return true;
          if (step.bind_rel) {
            row[rel.slot].SetRel(hop.rel);
          } else {
            const Value& r = row[rel.slot];
            if (r.type() != ValueType::kRel || r.as_rel().id != hop.rel.id) return true;
          }
          if (!LabelIn(target, hop.other_label)) return true;
          if (!PlaceNode(target, step.bind_node, ctx_.view().node(hop.other), row,
                         /*label_ok=*/true))
            return true;
          return Continue(p, s, row);
        },
        expanded_next);
  }

  // The nodes the target seek of an expansion finds, ascending: computed once per query when
  // the sought value reads no variable, else for this row into *scratch. *ok is false when
  // evaluating the value failed.
  const std::vector<std::uint32_t>* SoughtTargets(const MatchStep& step, Row& row,
                                                  std::vector<std::uint32_t>* scratch, bool* ok) {
    auto cached = sought_.find(&step);
    if (cached != sought_.end()) return &cached->second;
    *scratch = Seek(step.target_scan, *step.target_seek_value, row, ok);
    if (!*ok) return scratch;
    if (SlotsRead(*step.target_seek_value).empty())
      return &sought_.emplace(&step, std::move(*scratch)).first->second;
    return scratch;
  }

  // The values of a variable-length pattern's hop properties for this row.
  std::vector<std::pair<const std::string*, Value>> HopProperties(const BRelPattern& rel,
                                                                  Row& row) {
    std::vector<std::pair<const std::string*, Value>> out;
    for (const auto& [key, expr] : rel.hop_properties)
      out.emplace_back(&key, Evaluate(*expr, row, ctx_));
    return out;
  }

  // Binds the relationship list and the end node of a variable-length match, then continues.
  bool EmitWalk(std::size_t p, std::size_t s, Row& row, std::uint32_t end,
                const std::vector<RelRef>& rels) {
    const MatchStep& step = plan_.parts[p].steps[s];
    const BPatternPart& part = Part(p);
    if (!PlaceNode(part.nodes[step.node], step.bind_node, ctx_.view().node(end), row)) return true;
    ValueList list;
    list.reserve(rels.size());
    for (const RelRef& r : rels) list.push_back(Value::Rel(r));
    if (!step.forward) std::reverse(list.begin(), list.end());
    row[part.rels[step.rel].slot] = Value::List(std::move(list));
    return Continue(p, s, row);
  }

  bool VarExpand(std::size_t p, std::size_t s, Row& row) {
    const MatchStep& step = plan_.parts[p].steps[s];
    const BPatternPart& part = Part(p);
    const BRelPattern& rel = part.rels[step.rel];
    const Value& from = row[part.nodes[step.from_node].slot];
    if (from.type() != ValueType::kNode) return true;
    auto props = HopProperties(rel, row);
    if (ctx_.failed()) return false;
    const auto* props_ptr = props.empty() ? nullptr : &props;
    const std::size_t min = static_cast<std::size_t>(rel.min_hops);
    const std::size_t max = static_cast<std::size_t>(rel.max_hops);

    // Depth-first over walks (relationships and nodes may repeat), without recursion so that a
    // large hop bound cannot exhaust the stack. Each frame lists the hops out of its node.
    struct Frame {
      std::uint32_t node;
      std::vector<Hop> hops;
      std::size_t next = 0;
    };
    auto hops_of = [&](std::uint32_t v, std::vector<Hop>& out) {
      return ForEachHop(rel, step.forward, v, props_ptr, [&](const Hop& h) {
        out.push_back(h);
        return true;
      });
    };
    std::vector<Frame> stack;
    std::vector<RelRef> walk;
    const std::uint32_t start = from.as_node().id;
    if (min == 0 && !EmitWalk(p, s, row, start, walk)) return false;
    if (max == 0) return true;
    stack.push_back({start, {}, 0});
    if (!hops_of(start, stack.back().hops)) return false;
    while (!stack.empty()) {
      Frame& f = stack.back();
      if (f.next >= f.hops.size()) {
        stack.pop_back();
        if (!walk.empty()) walk.pop_back();
        continue;
      }
      const Hop hop = f.hops[f.next++];
      walk.push_back(hop.rel);
      if (walk.size() >= min && !EmitWalk(p, s, row, hop.other, walk)) return false;
      const bool inside = walk.size() < max && NodeFilterOk(rel, hop.other, row);
      if (ctx_.failed()) return false;
      if (inside) {
        stack.push_back({hop.other, {}, 0});
        if (!hops_of(hop.other, stack.back().hops)) return false;
      } else {
        walk.pop_back();
      }
    }
    return true;
  }

  bool Shortest(std::size_t p, std::size_t s, Row& row) {
    const MatchStep& step = plan_.parts[p].steps[s];
    const BPatternPart& part = Part(p);
    const BRelPattern& rel = part.rels[step.rel];
    const BNodePattern& target_pattern = part.nodes[step.node];
    const Value& from_value = row[part.nodes[step.from_node].slot];
    if (from_value.type() != ValueType::kNode) return true;
    auto props = HopProperties(rel, row);
    if (ctx_.failed()) return false;
    const auto* props_ptr = props.empty() ? nullptr : &props;
    const std::uint32_t from = from_value.as_node().id;

    std::optional<std::uint32_t> fixed_target;
    if (!step.bind_node) {
      const Value& t = row[target_pattern.slot];
      if (t.type() != ValueType::kNode) return true;
      fixed_target = t.as_node().id;
    } else if (step.target_seek_value) {
      // The target is pinned down by its key or name: search for each candidate from both ends.
      bool ok = true;
      for (std::uint32_t t : Seek(step.target_scan, *step.target_seek_value, row, &ok)) {
        if (!PlaceNode(target_pattern, true, ctx_.view().node(t), row)) continue;
        if (!ShortestTo(p, s, row, from, t, props_ptr)) return false;
      }
      return ok;
    }
    return ShortestTo(p, s, row, from, fixed_target, props_ptr);
  }

  // Shortest above, from `from` to `fixed_target` (bound in the row) or, when nullopt, to every
  // node the pattern reaches.
  bool ShortestTo(std::size_t p, std::size_t s, Row& row, std::uint32_t from,
                  std::optional<std::uint32_t> fixed_target,
                  const std::vector<std::pair<const std::string*, Value>>* props_ptr) {
    const MatchStep& step = plan_.parts[p].steps[s];
    const BPatternPart& part = Part(p);
    const BRelPattern& rel = part.rels[step.rel];
    const BNodePattern& target_pattern = part.nodes[step.node];
    const bool all = rel.shortest == ShortestKind::kAllShortest;
    const int min = rel.min_hops, max = rel.max_hops;

    Scratch& sc = scratch_[p][s];
    // With both ends bound, a search from both ends finds the distance first, visiting far
    // fewer nodes on a large graph; the search below then keeps to the nodes on a shortest path.
    // It keeps every parent of such a node (each lies on a shortest path too) in the same order,
    // so it finds the same paths in the same order as a full search.
    int distance = -1, target_levels = 0;
    if (fixed_target && *fixed_target != from) {
      distance = MeetInTheMiddle(sc, rel, step.forward, from, *fixed_target, max, props_ptr,
                                 &target_levels, row);
      if (distance == -2) return false;
      if (distance == -1) return true;  // no path within max hops
    }
    auto on_shortest_path = [&](std::uint32_t w, int level) {
      if (distance < 0 || level < distance - target_levels) return true;
      return sc.to_target[w] == distance - level;
    };

    // Breadth-first search from `from`, level by level, up to `max` hops.
    const std::size_t n = ctx_.view().num_nodes();
    if (sc.dist.size() != n) {
      sc.dist.assign(n, -1);
      sc.parents.assign(n, {});
    }
    for (std::uint32_t v : sc.order) {
      sc.dist[v] = -1;
      sc.parents[v].clear();
    }
    sc.order.clear();
    sc.dist[from] = 0;
    sc.order.push_back(from);
    for (std::size_t i = 0; i < sc.order.size(); ++i) {
      const std::uint32_t v = sc.order[i];
      const int d = sc.dist[v];
      if (d >= max) continue;
      if (fixed_target && sc.dist[*fixed_target] >= 0 && d >= sc.dist[*fixed_target]) break;
      // A node the filter rejects may end a path but not lie inside one.
      if (v != from && !NodeFilterOk(rel, v, row)) {
        if (ctx_.failed()) return false;
        continue;
      }
      bool ok = ForEachHop(rel, step.forward, v, props_ptr, [&](const Hop& h) {
        int& dw = sc.dist[h.other];
        if (dw < 0 && !on_shortest_path(h.other, d + 1)) return true;
        if (dw < 0) {
          dw = d + 1;
          sc.order.push_back(h.other);
          sc.parents[h.other].push_back({h.rel.id, v});
        } else if (all && dw == d + 1) {
          sc.parents[h.other].push_back({h.rel.id, v});
        }
        return true;
      });
      if (!ok) return false;
    }

    auto reachable = [&](std::uint32_t t) {
      const int d = sc.dist[t];
      return d >= 0 && d >= min && d <= max && !(d == 0 && min > 0);
    };
    if (fixed_target) {
      if (!reachable(*fixed_target)) return true;
      if (!LabelOk(target_pattern, ctx_.view().node(*fixed_target))) return true;
      return EmitShortest(p, s, row, from, *fixed_target, all);
    }
    // Copy the targets: continuing may not touch this step's scratch, but stay safe.
    const std::vector<std::uint32_t> targets = sc.order;
    for (std::uint32_t t : targets) {
      if (!reachable(t)) continue;
      if (!PlaceNode(target_pattern, true, ctx_.view().node(t), row)) continue;
      if (!EmitShortest(p, s, row, from, t, all)) return false;
    }
    return true;
  }

  // Emits the shortest path (or all of them) from `from` to `t` recorded in the scratch.
  bool EmitShortest(std::size_t p, std::size_t s, Row& row, std::uint32_t from, std::uint32_t t,
                    bool all) {
    Scratch& sc = scratch_[p][s];
    const GraphView& view = ctx_.view();
    std::vector<RelRef> rels;  // from t back towards `from`
    if (!all) {
      for (std::uint32_t v = t; v != from;) {
        const auto& [rel_id, prev] = sc.parents[v].front();
        rels.push_back(view.rel(rel_id));
        v = prev;
      }
      std::reverse(rels.begin(), rels.end());
      return EmitWalk(p, s, row, t, rels);
    }
    // Every combination of parents, depth first.
    std::vector<std::pair<std::uint32_t, std::size_t>> stack{{t, 0}};
    while (!stack.empty()) {
      auto& [v, next] = stack.back();
      if (v == from) {
        std::vector<RelRef> path(rels.rbegin(), rels.rend());
        if (!ctx_.Charge() || !EmitWalk(p, s, row, t, path)) return false;
        stack.pop_back();
        if (!rels.empty()) rels.pop_back();
        continue;
      }
      if (next >= sc.parents[v].size()) {
        stack.pop_back();
        if (!rels.empty()) rels.pop_back();
        continue;
      }
      const auto [rel_id, prev] = sc.parents[v][next++];
      rels.push_back(view.rel(rel_id));
      stack.push_back({prev, 0});
    }
    return true;
  }

  bool AssemblePath(const BPatternPart& part, Row& row) {
    const Value& first = row[part.nodes[0].slot];
    if (first.type() != ValueType::kNode) return false;
    PathData path;
    path.nodes.push_back(first.as_node());
    const GraphView& view = ctx_.view();
    for (std::size_t i = 0; i < part.rels.size(); ++i) {
      const Value& r = row[part.rels[i].slot];
      if (r.type() == ValueType::kRel) {
        const Value& next = row[part.nodes[i + 1].slot];
        if (next.type() != ValueType::kNode) return false;
        path.rels.push_back(r.as_rel());
        path.nodes.push_back(next.as_node());
      } else if (r.type() == ValueType::kList) {
        for (const Value& x : r.as_list()) {
          const RelRef& rr = x.as_rel();
          const std::uint32_t cur = path.nodes.back().id;
          path.rels.push_back(rr);
          path.nodes.push_back(view.node(rr.source == cur ? rr.target : rr.source));
        }
      } else {
        return false;
      }
    }
    row[part.path_slot] = Value::Path(std::move(path));
    return true;
  }

  const MatchPlan& plan_;
  // SoughtTargets' answers for seeks whose value reads no variable.
  std::unordered_map<const MatchStep*, std::vector<std::uint32_t>> sought_;
  bool emitted_ = false;
  std::vector<std::vector<Scratch>> scratch_;
};

// ---- UNWIND, WHERE ----------------------------------------------------------------------------

class UnwindOp : public Operator {
 public:
  UnwindOp(EvalContext& ctx, const BUnwind& u) : Operator(ctx), u_(u) {}
  bool Push(Row& row) override {
    Value v = Evaluate(*u_.expr, row, ctx_);
    if (ctx_.failed()) return false;
    if (v.is_null()) return true;
    if (v.type() != ValueType::kList) {
      row[u_.slot] = v;
      return Emit(row);
    }
    for (const Value& x : v.as_list()) {
      if (!ctx_.Charge()) return false;
      row[u_.slot] = x;
      if (!Emit(row)) return false;
    }
    return true;
  }

 private:
  const BUnwind& u_;
};

class FilterOp : public Operator {
 public:
  FilterOp(EvalContext& ctx, const std::vector<BExprPtr>& predicates)
      : Operator(ctx), predicates_(predicates) {}
  bool Push(Row& row) override {
    for (const auto& p : predicates_) {
      Tri t = EvaluatePredicate(*p, row, ctx_);
      if (ctx_.failed()) return false;
      if (t != Tri::kTrue) return true;
    }
    return Emit(row);
  }

 private:
  const std::vector<BExprPtr>& predicates_;
};

// ---- Projection ---------------------------------------------------------------------------

class ProjectOp : public Operator {
 public:
  ProjectOp(EvalContext& ctx, const BProjection& proj) : Operator(ctx), proj_(proj) {}
  bool Push(Row& row) override {
    for (const BItem& item : proj_.items) row[item.slot] = Evaluate(*item.expr, row, ctx_);
    if (ctx_.failed()) return false;
    return Emit(row);
  }

 private:
  const BProjection& proj_;
};

class SortOp : public Operator {
 public:
  SortOp(EvalContext& ctx, const std::vector<BSortKey>& keys) : Operator(ctx), keys_(keys) {}
  bool Push(Row& row) override {
    if (!ctx_.Hold(1)) return false;
    Entry e;
    for (const BSortKey& k : keys_) e.keys.push_back(Evaluate(*k.expr, row, ctx_));
    if (ctx_.failed()) return false;
    e.row = row;
    rows_.push_back(std::move(e));
    return true;
  }
  void Finish() override {
    if (!ctx_.failed()) {
      std::stable_sort(rows_.begin(), rows_.end(), [this](const Entry& a, const Entry& b) {
        for (std::size_t i = 0; i < keys_.size(); ++i) {
          int c = CompareForOrder(a.keys[i], b.keys[i]);
          if (c != 0) return keys_[i].descending ? c > 0 : c < 0;
        }
        return false;
      });
      for (Entry& e : rows_)
        if (!Emit(e.row)) break;
    }
    rows_.clear();
    Operator::Finish();
  }

 private:
  struct Entry {
    std::vector<Value> keys;
    Row row;
  };
  const std::vector<BSortKey>& keys_;
  std::vector<Entry> rows_;
};

class SkipOp : public Operator {
 public:
  SkipOp(EvalContext& ctx, std::int64_t n) : Operator(ctx), left_(n) {}
  bool Push(Row& row) override {
    if (left_ > 0) {
      --left_;
      return true;
    }
    return Emit(row);
  }

 private:
  std::int64_t left_;
};

class LimitOp : public Operator {
 public:
  LimitOp(EvalContext& ctx, std::int64_t n) : Operator(ctx), left_(n) {}
  bool Push(Row& row) override {
    if (left_ <= 0) return false;
    --left_;
    if (!Emit(row)) return false;
    return left_ > 0;
  }

 private:
  std::int64_t left_;
};

class ResultSink : public Operator {
 public:
  ResultSink(EvalContext& ctx, const BProjection& proj, std::size_t max_rows, ExecOutput& out)
      : Operator(ctx), proj_(proj), max_rows_(max_rows), out_(out) {
    for (const BItem& item : proj.items) out_.columns.push_back(item.column);
  }
  bool Push(Row& row) override {
    if (max_rows_ && out_.rows.size() >= max_rows_) {
      out_.truncated = true;
      return false;
    }
    if (!ctx_.Hold(1)) return false;
    std::vector<Value> r;
    r.reserve(proj_.items.size());
    for (const BItem& item : proj_.items) r.push_back(row[item.slot]);
    out_.rows.push_back(std::move(r));
    return true;
  }
  void Finish() override {}

 private:
  const BProjection& proj_;
  std::size_t max_rows_;
  ExecOutput& out_;
};

void AddProjection(EvalContext& ctx, const BProjection& proj, int num_slots,
                   std::vector<std::unique_ptr<Operator>>& ops) {
  if (!proj.aggregates.empty()) {
    ops.push_back(MakeAggregateOp(ctx, proj, num_slots));
  } else {
    // Rows that repeat the same graph elements project to the same values: dropped first, on
    // their ids, before any property is read.
    if (proj.distinct) ops.push_back(MakeIdDistinctOp(ctx, proj));
    ops.push_back(std::make_unique<ProjectOp>(ctx, proj));
  }
  if (proj.distinct) ops.push_back(MakeDistinctOp(ctx, proj));
  if (!proj.order_by.empty()) ops.push_back(std::make_unique<SortOp>(ctx, proj.order_by));
  if (proj.skip && *proj.skip > 0) ops.push_back(std::make_unique<SkipOp>(ctx, *proj.skip));
  if (proj.limit) ops.push_back(std::make_unique<LimitOp>(ctx, *proj.limit));
}

}  // namespace

Expected<ExecOutput, RuntimeError> Execute(const BoundQuery& query,
                                           const std::vector<MatchPlan>& plans,
                                           const GraphView& view, const ExecLimits& limits,
                                           std::size_t max_rows) {
  EvalContext ctx(view, limits);
  ExecOutput out;
  std::vector<std::unique_ptr<Operator>> ops;
  std::size_t match_index = 0;
  for (const BClause& c : query.clauses) {
    if (std::holds_alternative<BMatch>(c)) {
      ops.push_back(std::make_unique<MatchOp>(ctx, plans[match_index++]));
    } else if (const auto* u = std::get_if<BUnwind>(&c)) {
      ops.push_back(std::make_unique<UnwindOp>(ctx, *u));
    } else if (const auto* w = std::get_if<BWith>(&c)) {
      AddProjection(ctx, w->projection, query.num_slots, ops);
      if (!w->where.empty()) ops.push_back(std::make_unique<FilterOp>(ctx, w->where));
    } else if (const auto* r = std::get_if<BReturn>(&c)) {
      AddProjection(ctx, r->projection, query.num_slots, ops);
      ops.push_back(std::make_unique<ResultSink>(ctx, r->projection, max_rows, out));
    }
  }
  for (std::size_t i = 0; i + 1 < ops.size(); ++i) ops[i]->set_next(ops[i + 1].get());
  Row row(static_cast<std::size_t>(query.num_slots));
  ops.front()->Push(row);
  ops.front()->Finish();
  if (ctx.failed()) return *ctx.error();
  return out;
}

}  // namespace cnkg::query
