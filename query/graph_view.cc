#include "query/graph_view.h"

#include <algorithm>

#include "common/strings.h"
#include "query/errors.h"

namespace cnkg::query {
namespace {

// Properties the extractors write (see extract/), known even when a given graph has none yet.
const std::vector<std::string>& ExtractorNodeProperties(Label label) {
  static const std::map<Label, std::vector<std::string>> table = {
      {Label::kEvent, {}},
      {Label::kTalk, {"start", "end", "time", "description", "url"}},
      {Label::kPerson, {"job_title"}},
      {Label::kOrganization,
       {"homepage", "cncf_member", "cncf_end_user", "kcsp", "training_partner"}},
      {Label::kProject,
       {"cncf", "maturity", "category", "subcategory", "homepage", "repo", "accepted", "parent"}},
      {Label::kRoom, {"building", "level", "area", "city"}},
      {Label::kTrack, {}},
      {Label::kDocument, {"path", "format", "title"}},
      {Label::kCategory, {"level", "parent"}},
  };
  static const std::vector<std::string> none;
  auto it = table.find(label);
  return it == table.end() ? none : it->second;
}

const std::vector<std::string>& ExtractorRelProperties(RelType type) {
  static const std::map<RelType, std::vector<std::string>> table = {
      {RelType::kPresents, {"job_title"}},
      {RelType::kAffiliatedWith, {"title"}},
  };
  static const std::vector<std::string> none;
  auto it = table.find(type);
  return it == table.end() ? none : it->second;
}

const std::vector<std::uint32_t>& Empty() {
  static const std::vector<std::uint32_t> empty;
  return empty;
}

}  // namespace

GraphView::GraphView(const KnowledgeGraph& graph) : graph_(graph) {
  const auto& g = graph.graph();
  const std::size_t n = boost::num_vertices(g);
  nodes_.reserve(n);
  out_.resize(n);
  in_.resize(n);
  by_label_.resize(std::size(kAllLabels));
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const Node& node = g[v];
    const auto id = static_cast<std::uint32_t>(nodes_.size());
    nodes_.push_back(&node);
    by_label_[static_cast<std::size_t>(node.label)].push_back(id);
    out_[id].reserve(boost::out_degree(v, g));
    in_[id].reserve(boost::in_degree(v, g));
  }
  rels_.reserve(boost::num_edges(g));
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    for (auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      const auto id = static_cast<std::uint32_t>(rels_.size());
      const auto s = static_cast<std::uint32_t>(v);
      const auto t = static_cast<std::uint32_t>(boost::target(e, g));
      rels_.push_back({s, t, &g[e]});
      out_[s].push_back({id, t});
    }
  }
  for (std::uint32_t id = 0; id < rels_.size(); ++id) {
    in_[rels_[id].target].push_back({id, rels_[id].source});
  }
}

RelRef GraphView::rel(std::uint32_t e) const {
  const RelEntry& r = rels_[e];
  return {e, r.source, r.target, r.edge, nodes_[r.source], nodes_[r.target]};
}

const std::vector<std::uint32_t>& GraphView::nodes_with_label(Label label) const {
  const auto i = static_cast<std::size_t>(label);
  return i < by_label_.size() ? by_label_[i] : Empty();
}

std::optional<std::uint32_t> GraphView::FindKey(std::string_view key) const {
  auto v = graph_.Find(key);
  if (!v) return std::nullopt;
  return static_cast<std::uint32_t>(*v);
}

const std::vector<std::uint32_t>& GraphView::FindName(const std::string& name) const {
  if (!by_name_built_) {
    for (std::uint32_t v = 0; v < nodes_.size(); ++v) by_name_[nodes_[v]->name].push_back(v);
    by_name_built_ = true;
  }
  auto it = by_name_.find(name);
  return it == by_name_.end() ? Empty() : it->second;
}

const std::set<std::string>& GraphView::node_properties(Label label) const {
  auto it = node_props_.find(label);
  if (it != node_props_.end()) return it->second;
  std::set<std::string>& names = node_props_[label];
  for (std::uint32_t v : nodes_with_label(label))
    for (const auto& [k, unused] : nodes_[v]->properties) names.insert(k);
  return names;
}

const std::set<std::string>& GraphView::rel_properties(RelType type) const {
  auto it = rel_props_.find(type);
  if (it != rel_props_.end()) return it->second;
  std::set<std::string>& names = rel_props_[type];
  for (const RelEntry& r : rels_)
    if (r.edge->type == type)
      for (const auto& [k, unused] : r.edge->properties) names.insert(k);
  return names;
}

const std::vector<std::string>& BuiltinNodeMembers() {
  static const std::vector<std::string> members = {
      "key", "id", "name", "label", "aliases", "documents", "evidence", "evidence_count"};
  return members;
}

const std::vector<std::string>& BuiltinRelMembers() {
  static const std::vector<std::string> members = {"type",      "source",   "target",
                                                   "documents", "evidence", "evidence_count"};
  return members;
}

std::vector<std::string> Schema::NodePropertyNames(const std::vector<Label>& labels) const {
  std::set<std::string> names(BuiltinNodeMembers().begin(), BuiltinNodeMembers().end());
  auto add = [&](Label l) {
    for (const auto& p : ExtractorNodeProperties(l)) names.insert(p);
    for (const auto& p : view_.node_properties(l)) names.insert(p);
  };
  if (labels.empty()) {
    for (Label l : kAllLabels) add(l);
  } else {
    for (Label l : labels) add(l);
  }
  return {names.begin(), names.end()};
}

std::vector<std::string> Schema::RelPropertyNames(const std::vector<RelType>& types) const {
  std::set<std::string> names(BuiltinRelMembers().begin(), BuiltinRelMembers().end());
  auto add = [&](RelType t) {
    for (const auto& p : ExtractorRelProperties(t)) names.insert(p);
    for (const auto& p : view_.rel_properties(t)) names.insert(p);
  };
  if (types.empty()) {
    for (RelType t : kAllRelTypes) add(t);
  } else {
    for (RelType t : types) add(t);
  }
  return {names.begin(), names.end()};
}

bool Schema::NodeHasProperty(const std::vector<Label>& labels, std::string_view name) const {
  auto names = NodePropertyNames(labels);
  return std::binary_search(names.begin(), names.end(), std::string(name));
}

bool Schema::RelHasProperty(const std::vector<RelType>& types, std::string_view name) const {
  auto names = RelPropertyNames(types);
  return std::binary_search(names.begin(), names.end(), std::string(name));
}

std::string ClosestName(std::string_view wrong, const std::vector<std::string>& candidates) {
  for (const auto& c : candidates)
    if (EqualsIgnoreCase(c, wrong)) return c;
  std::string best;
  std::size_t best_d = std::string::npos;
  for (const auto& c : candidates) {
    std::size_t d = EditDistance(wrong, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  // One edit is a typo from four letters on ("Tlak"), or from three when the candidate is longer
  // ("nme" for "name"); one- and two-letter names are too short to guess from.
  const std::size_t shortest = std::min(wrong.size(), best.size());
  const std::size_t allowed =
      shortest >= 4 ? std::max<std::size_t>(1, shortest / 3) : (shortest == 3 ? 1 : 0);
  if (!best.empty() && best_d <= allowed) return best;
  const std::string lw = AsciiLower(wrong);
  if (lw.size() >= 3) {
    for (const auto& c : candidates) {
      const std::string lc = AsciiLower(c);
      if (lc.size() >= 3 &&
          (lc.find(lw) != std::string::npos || lw.find(lc) != std::string::npos)) {
        return c;
      }
    }
  }
  return "";
}

}  // namespace cnkg::query
