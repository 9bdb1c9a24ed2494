#ifndef CNKG_QUERY_PLANNER_H_
#define CNKG_QUERY_PLANNER_H_

#include <string>
#include <vector>

#include "query/bound.h"
#include "query/graph_view.h"

namespace cnkg::query {

// The physical plan of a bound query: for each MATCH, where each comma-separated part starts
// (the cheapest node: one already bound, one fixed by key or name equality, the smallest label)
// and the order in which its relationships are expanded, with every predicate attached to the
// earliest step after which all the variables it reads are bound. The other clauses map one to
// one onto operators. The plan points into the BoundQuery, which must outlive it.

enum class ScanKind {
  kBound,      // the node's variable is already bound: check it
  kKeySeek,    // node.key = value (or node.id): one index lookup
  kNameSeek,   // node.name = value: the exact-name index
  kLabelScan,  // every node of the pattern's labels
  kAllNodes,   // every node
};

struct MatchStep {
  bool is_start = false;
  // Start: the node pattern to scan. Expand: the node pattern reached.
  int node = 0;
  ScanKind scan = ScanKind::kAllNodes;
  const BExpr* seek_value = nullptr;  // kKeySeek, kNameSeek
  // Expand: from node pattern `from_node` over rel pattern `rel`; `forward` when going left to
  // right in the pattern as written.
  int from_node = 0;
  int rel = 0;
  bool forward = true;
  bool bind_node = true;       // false: the node's slot is already bound and is compared
  bool bind_rel = true;        // false: the relationship's slot is already bound and is compared
  bool assemble_path = false;  // the part's path variable is complete after this step
  // Expand to an unbound node that a key or name pins down (kKeySeek, kNameSeek with
  // target_seek_value): a single hop keeps only the nodes the seek finds (the equality is then
  // not checked again); a shortest path searches for each of them from both ends.
  ScanKind target_scan = ScanKind::kAllNodes;
  const BExpr* target_seek_value = nullptr;
  std::vector<const BExpr*> predicates;  // checked after this step
};

struct PartPlan {
  const BPatternPart* part = nullptr;
  std::vector<MatchStep> steps;
};

struct MatchPlan {
  const BMatch* match = nullptr;
  std::vector<const BExpr*> pre_predicates;  // read only slots bound before the MATCH
  std::vector<PartPlan> parts;
};

// Plans every MATCH of `query` in order. Never fails.
std::vector<MatchPlan> PlanMatches(const BoundQuery& query, const GraphView& view);

// A readable description of a match plan, for tests and debugging.
std::string DescribePlan(const MatchPlan& plan);

}  // namespace cnkg::query

#endif  // CNKG_QUERY_PLANNER_H_
