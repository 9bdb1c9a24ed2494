#include "query/planner.h"

#include <algorithm>
#include <limits>
#include <set>

namespace cnkg::query {
namespace {

// If `pred` is `slot.<one of keys> = value` (either side) with `value` reading only bound slots,
// returns value.
const BExpr* SeekValue(const BExpr& pred, int slot, std::initializer_list<const char*> keys,
                       const std::set<int>& bound) {
  if (pred.kind != BExprKind::kBinary || pred.binary_op != BinaryOp::kEq) return nullptr;
  for (int side = 0; side < 2; ++side) {
    const BExpr& prop = *pred.children[side];
    const BExpr& value = *pred.children[1 - side];
    if (prop.kind != BExprKind::kProperty || prop.children[0]->kind != BExprKind::kSlot ||
        prop.children[0]->slot != slot) {
      continue;
    }
    bool key_match = false;
    for (const char* k : keys) key_match |= prop.name == k;
    if (!key_match) continue;
    bool ready = true;
    for (int s : SlotsRead(value)) ready &= bound.count(s) > 0;
    if (ready) return &value;
  }
  return nullptr;
}

class MatchPlanner {
 public:
  MatchPlanner(const BMatch& match, const GraphView& view) : match_(match), view_(view) {
    for (int s = 0; s < match.first_new_slot; ++s) bound_.insert(s);
    for (const auto& p : match.predicates) pending_.push_back(p.get());
  }

  MatchPlan Run() {
    MatchPlan plan;
    plan.match = &match_;
    plan.pre_predicates = TakeReady();
    for (const BPatternPart& part : match_.parts) plan.parts.push_back(PlanPart(part));
    // Anything left (it cannot normally happen) is checked at the very end.
    if (!pending_.empty()) {
      for (auto it = plan.parts.rbegin(); it != plan.parts.rend(); ++it) {
        if (!it->steps.empty()) {
          for (const BExpr* p : pending_) it->steps.back().predicates.push_back(p);
          pending_.clear();
          break;
        }
      }
      for (const BExpr* p : pending_) plan.pre_predicates.push_back(p);
    }
    return plan;
  }

 private:
  std::vector<const BExpr*> TakeReady() {
    std::vector<const BExpr*> ready, rest;
    for (const BExpr* p : pending_) {
      bool ok = true;
      for (int s : SlotsRead(*p)) ok &= bound_.count(s) > 0;
      (ok ? ready : rest).push_back(p);
    }
    pending_ = std::move(rest);
    return ready;
  }

  // `pred`, when not null, receives the predicate a seek comes from.
  double Cost(const BNodePattern& n, ScanKind* kind, const BExpr** seek,
              const BExpr** pred = nullptr) {
    *seek = nullptr;
    if (bound_.count(n.slot)) {
      *kind = ScanKind::kBound;
      return 0;
    }
    for (const BExpr* p : pending_) {
      if (const BExpr* v = SeekValue(*p, n.slot, {"key", "id"}, bound_)) {
        *kind = ScanKind::kKeySeek;
        *seek = v;
        if (pred) *pred = p;
        return 1;
      }
    }
    for (const BExpr* p : pending_) {
      if (const BExpr* v = SeekValue(*p, n.slot, {"name"}, bound_)) {
        *kind = ScanKind::kNameSeek;
        *seek = v;
        if (pred) *pred = p;
        return 2;
      }
    }
    if (!n.labels.empty()) {
      *kind = ScanKind::kLabelScan;
      double c = 0;
      for (Label l : n.labels) c += static_cast<double>(view_.nodes_with_label(l).size());
      return 3 + c;
    }
    *kind = ScanKind::kAllNodes;
    return 3 + static_cast<double>(view_.num_nodes()) + 0.5;
  }

  PartPlan PlanPart(const BPatternPart& part) {
    PartPlan plan;
    plan.part = &part;
    int start = 0;
    double best = std::numeric_limits<double>::infinity();
    MatchStep first;
    first.is_start = true;
    for (std::size_t i = 0; i < part.nodes.size(); ++i) {
      ScanKind kind;
      const BExpr* seek;
      double c = Cost(part.nodes[i], &kind, &seek);
      if (c < best) {
        best = c;
        start = static_cast<int>(i);
        first.scan = kind;
        first.seek_value = seek;
      }
    }
    first.node = start;
    first.bind_node = !bound_.count(part.nodes[start].slot);
    bound_.insert(part.nodes[start].slot);
    plan.steps.push_back(std::move(first));
    plan.steps.back().predicates = TakeReady();

    auto expand = [&](int from, int to, int rel, bool forward) {
      MatchStep s;
      s.node = to;
      s.from_node = from;
      s.rel = rel;
      s.forward = forward;
      s.bind_rel = !bound_.count(part.rels[rel].slot);
      bound_.insert(part.rels[rel].slot);
      s.bind_node = !bound_.count(part.nodes[to].slot);
      const BRelPattern& rp = part.rels[rel];
      const bool single_hop = !rp.variable_length && rp.shortest == ShortestKind::kNone;
      if (s.bind_node && (rp.shortest != ShortestKind::kNone || single_hop)) {
        ScanKind kind;
        const BExpr *seek, *pred = nullptr;
        Cost(part.nodes[to], &kind, &seek, &pred);
        if (kind == ScanKind::kKeySeek || kind == ScanKind::kNameSeek) {
          s.target_scan = kind;
          s.target_seek_value = seek;
          // A single hop keeps only the nodes the seek finds, which is the predicate's meaning
          // (an equality with a string; nothing for any other value): it is not checked again.
          if (single_hop) std::erase(pending_, pred);
        }
      }
      bound_.insert(part.nodes[to].slot);
      plan.steps.push_back(std::move(s));
    };
    const int n = static_cast<int>(part.nodes.size());
    for (int i = start; i + 1 < n; ++i) {
      expand(i, i + 1, i, true);
      plan.steps.back().predicates = TakeReady();
    }
    for (int i = start; i > 0; --i) {
      expand(i, i - 1, i - 1, false);
      plan.steps.back().predicates = TakeReady();
    }
    if (part.path_slot >= 0) {
      plan.steps.back().assemble_path = true;
      bound_.insert(part.path_slot);
      for (const BExpr* p : TakeReady()) plan.steps.back().predicates.push_back(p);
    }
    return plan;
  }

  const BMatch& match_;
  const GraphView& view_;
  std::set<int> bound_;
  std::vector<const BExpr*> pending_;
};

const char* ScanName(ScanKind k) {
  switch (k) {
    case ScanKind::kBound:
      return "bound";
    case ScanKind::kKeySeek:
      return "key-seek";
    case ScanKind::kNameSeek:
      return "name-seek";
    case ScanKind::kLabelScan:
      return "label-scan";
    case ScanKind::kAllNodes:
      return "all-nodes";
  }
  return "?";
}

}  // namespace

std::vector<MatchPlan> PlanMatches(const BoundQuery& query, const GraphView& view) {
  std::vector<MatchPlan> out;
  for (const BClause& c : query.clauses)
    if (const auto* m = std::get_if<BMatch>(&c)) out.push_back(MatchPlanner(*m, view).Run());
  return out;
}

std::string DescribePlan(const MatchPlan& plan) {
  std::string out;
  if (!plan.pre_predicates.empty())
    out += "filter(" + std::to_string(plan.pre_predicates.size()) + ") ";
  for (std::size_t p = 0; p < plan.parts.size(); ++p) {
    if (p) out += "; ";
    for (const MatchStep& s : plan.parts[p].steps) {
      if (s.is_start) {
        out += std::string(ScanName(s.scan)) + "(n" + std::to_string(s.node) + ")";
      } else {
        const BRelPattern& r = plan.parts[p].part->rels[s.rel];
        out += std::string(" expand") + (r.shortest != ShortestKind::kNone ? "-shortest" : "") +
               (r.variable_length && r.shortest == ShortestKind::kNone ? "-var" : "") + "(n" +
               std::to_string(s.from_node) + "->n" + std::to_string(s.node) +
               (s.target_seek_value ? std::string(", ") + ScanName(s.target_scan) : "") + ")";
      }
      if (!s.predicates.empty()) out += "[" + std::to_string(s.predicates.size()) + "]";
    }
  }
  return out;
}

}  // namespace cnkg::query
