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

}  // namespace

const std::set<std::string>& GraphView::node_properties(Label label) const {
  auto it = node_props_.find(label);
  if (it != node_props_.end()) return it->second;
  auto names = graph_.node_property_names(label);
  return node_props_[label] = std::set<std::string>(names.begin(), names.end());
}

const std::set<std::string>& GraphView::rel_properties(RelType type) const {
  auto it = rel_props_.find(type);
  if (it != rel_props_.end()) return it->second;
  auto names = graph_.rel_property_names(type);
  return rel_props_[type] = std::set<std::string>(names.begin(), names.end());
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
