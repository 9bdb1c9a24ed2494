#include "graph/builder.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <unordered_set>

#include "common/strings.h"
#include "graph/resolve.h"

namespace cnkg {

std::string Diagnostic::ToString() const {
  std::string out = document;
  if (line > 0) out += ":" + std::to_string(line);
  if (line > 0 && column > 0) out += ":" + std::to_string(column);
  out += severity == Severity::kError ? ": error: " : ": warning: ";
  out += message;
  return out;
}

namespace {

Status CheckRelations(const ExtractionBatch& batch, const KnowledgeGraph& graph) {
  std::unordered_set<std::string_view> keys;
  keys.reserve(batch.entities.size());
  for (const EntityRecord& e : batch.entities) keys.insert(e.key);
  for (const RelationRecord& r : batch.relations) {
    for (const std::string* k : {&r.source, &r.target}) {
      if (!keys.count(*k) && !graph.Find(*k)) {
        return Status::Internal(batch.document + ": relation " + std::string(RelTypeName(r.type)) +
                                " names an unknown key '" + *k + "'");
      }
    }
  }
  return Status::Ok();
}

// Adds the batch with keys replaced through `remap`; an entity whose key is in `rename` takes that
// display name (its own becomes an alias). The batch's records are moved from.
void Apply(ExtractionBatch& batch, KnowledgeGraph& graph,
           const std::unordered_map<std::string, std::string>& remap,
           const std::unordered_map<std::string, std::string>& rename = {}) {
  auto mapped = [&](std::string& k) -> std::string {
    auto it = remap.find(k);
    return it == remap.end() ? std::move(k) : it->second;
  };
  for (EntityRecord& e : batch.entities) {
    Node n;
    n.label = e.label;
    n.aliases = std::move(e.aliases);
    if (auto r = rename.find(e.key); r != rename.end() && r->second != e.name) {
      n.aliases.insert(n.aliases.begin(), std::move(e.name));
      n.name = r->second;
    } else {
      n.name = std::move(e.name);
    }
    n.key = mapped(e.key);
    n.properties = std::move(e.properties);
    AddEvidence(n.evidence, std::move(e.evidence));
    graph.UpsertNode(std::move(n));
  }
  for (RelationRecord& r : batch.relations) {
    Edge e;
    e.type = r.type;
    e.properties = std::move(r.properties);
    AddEvidence(e.evidence, std::move(r.evidence));
    graph.UpsertEdge(*graph.Find(mapped(r.source)), *graph.Find(mapped(r.target)), std::move(e));
  }
}

// The order in which labels are resolved: talks last, so that their events are known.
int ResolveRank(Label l) {
  switch (l) {
    case Label::kEvent:
      return 0;
    case Label::kTalk:
      return 2;
    default:
      return 1;
  }
}

}  // namespace

Status AddBatch(const ExtractionBatch& batch, KnowledgeGraph& graph) {
  CNKG_RETURN_IF_ERROR(CheckRelations(batch, graph));
  ExtractionBatch copy = batch;
  Apply(copy, graph, {});
  return Status::Ok();
}

void AliasRules::AddVariant(Label label, std::string_view canonical, std::string_view variant) {
  canonical_[label][FoldName(variant)] = std::string(canonical);
  canonical_[label][FoldName(canonical)] = std::string(canonical);
}

void AliasRules::Forbid(Label label, std::string_view a, std::string_view b) {
  std::string x = FoldName(a), y = FoldName(b);
  if (y < x) std::swap(x, y);
  forbidden_[label].emplace(x, y);
}

std::optional<std::string> AliasRules::CanonicalFor(Label label, std::string_view name) const {
  auto l = canonical_.find(label);
  if (l == canonical_.end()) return std::nullopt;
  auto it = l->second.find(FoldName(name));
  if (it == l->second.end()) return std::nullopt;
  return it->second;
}

bool AliasRules::Forbids(Label label, std::string_view a, std::string_view b) const {
  auto l = forbidden_.find(label);
  if (l == forbidden_.end()) return false;
  std::string x = FoldName(a), y = FoldName(b);
  if (y < x) std::swap(x, y);
  return l->second.count({x, y}) > 0;
}

GraphBuilder::GraphBuilder(KnowledgeGraph& graph, AliasRules rules)
    : graph_(graph), rules_(std::move(rules)) {
  Reindex();
}

std::string GraphBuilder::TalkNameKey(std::string_view folded, std::string_view event) {
  std::string key = std::to_string(folded.size());
  key += ':';
  key += folded;
  key += event;
  return key;
}

void GraphBuilder::Reindex() {
  names_.clear();
  urls_.clear();
  talk_names_.clear();
  for (auto v : boost::make_iterator_range(boost::vertices(graph_.graph()))) IndexVertex(v);
}

void GraphBuilder::IndexVertex(KnowledgeGraph::Vertex v) {
  const Node& n = graph_.node(v);
  // Lists stay sorted, so that a name shared by thousands of vertices (a break in every copy
  // of a schedule) costs a binary search, not a scan, per vertex indexed.
  auto insert = [v](std::vector<KnowledgeGraph::Vertex>& list) {
    auto at = std::lower_bound(list.begin(), list.end(), v);
    if (at == list.end() || *at != v) list.insert(at, v);
  };
  std::vector<std::string> events;  // a talk's events; "" for none
  if (n.label == Label::kTalk) {
    for (auto e : boost::make_iterator_range(boost::out_edges(v, graph_.graph())))
      if (graph_.edge(e).type == RelType::kPartOf)
        events.push_back(graph_.node(boost::target(e, graph_.graph())).key);
    if (events.empty()) events.emplace_back();
  }
  auto add = [&](const std::string& name) {
    if (name.empty()) return;
    std::string folded = FoldName(name);
    if (n.label == Label::kTalk)
      for (const std::string& e : events) insert(talk_names_[TalkNameKey(folded, e)]);
    insert(names_[n.label][std::move(folded)]);
  };
  add(n.name);
  for (const auto& a : n.aliases) add(a);
  if (n.label == Label::kTalk) {
    auto it = n.properties.find("url");
    if (it != n.properties.end() && std::holds_alternative<std::string>(it->second)) {
      insert(urls_[std::get<std::string>(it->second)]);
    }
  }
}

namespace {

// Minutes since 1970 of an ISO 8601 time with a UTC offset ("2026-03-24T17:00:00+01:00",
// "…Z"); -1 when `iso` is not of that form (no offset: a local time, comparable to nothing).
long long UtcMinutes(const std::string& iso) {
  int y, mo, d, h, mi, oh = 0, om = 0;
  char sign = 0;
  if (iso.size() < 16 || std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) != 5)
    return -1;
  std::string rest = iso.substr(16);
  if (rest.size() >= 3 && rest[0] == ':') rest = rest.substr(3);  // seconds: slots are minutes
  if (rest == "Z") {
    sign = '+';
  } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':') {
    sign = rest[0];
    oh = std::atoi(rest.substr(1, 2).c_str());
    om = std::atoi(rest.substr(4, 2).c_str());
  } else {
    return -1;
  }
  // Days from civil (Howard Hinnant).
  y -= mo <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const long long yoe = y - era * 400;
  const long long doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const long long days = era * 146097 + doe - 719468;
  const long long offset = (sign == '-' ? -1 : 1) * (oh * 60 + om);
  return days * 1440 + h * 60 + mi - offset;
}

// True when both are times with offsets and they name different instants.
bool DifferentInstants(const std::string& a, const std::string& b) {
  const long long x = UtcMinutes(a), y = UtcMinutes(b);
  return x >= 0 && y >= 0 && x != y;
}

}  // namespace

Status GraphBuilder::Add(const ExtractionBatch& batch) { return Add(ExtractionBatch(batch)); }

Status GraphBuilder::Add(ExtractionBatch&& batch) {
  CNKG_RETURN_IF_ERROR(CheckRelations(batch, graph_));

  // Gather each key's label, names and url.
  struct Incoming {
    Label label;
    std::string name;
    std::vector<std::string> names;    // name, aliases, and other names seen under the key
    std::vector<std::string> written;  // the names documents wrote (for merge reports)
    std::string url;
    std::string start;  // a talk's start, ISO 8601
  };
  std::unordered_map<std::string, Incoming> incoming;
  std::vector<std::string> order;
  for (const EntityRecord& e : batch.entities) {
    auto [it, inserted] = incoming.try_emplace(e.key, Incoming{e.label, e.name, {}, {}, {}, {}});
    if (inserted) order.push_back(e.key);
    auto add = [](std::vector<std::string>& list, const std::string& s) {
      if (!s.empty() && std::find(list.begin(), list.end(), s) == list.end()) list.push_back(s);
    };
    add(it->second.names, e.name);
    for (const auto& a : e.aliases) add(it->second.names, a);
    // Aliases of projects and events come from data (the gazetteer, the editions table), not
    // from the document; an organisation's aliases hold the document's own spelling.
    add(it->second.written, e.name);
    if (e.label == Label::kOrganization)
      for (const auto& a : e.aliases) add(it->second.written, a);
    if (auto u = e.properties.find("url");
        u != e.properties.end() && std::holds_alternative<std::string>(u->second))
      it->second.url = std::get<std::string>(u->second);
    if (auto st = e.properties.find("start");
        st != e.properties.end() && std::holds_alternative<std::string>(st->second))
      it->second.start = std::get<std::string>(st->second);
  }
  std::stable_sort(order.begin(), order.end(), [&](const std::string& a, const std::string& b) {
    return ResolveRank(incoming[a].label) < ResolveRank(incoming[b].label);
  });
  // Events of each incoming talk, by (original) key.
  std::unordered_map<std::string, std::vector<std::string>> talk_events;
  for (const RelationRecord& r : batch.relations)
    if (r.type == RelType::kPartOf) talk_events[r.source].push_back(r.target);

  std::unordered_map<std::string, std::string> remap, rename;
  auto mapped = [&](const std::string& k) {
    auto it = remap.find(k);
    return it == remap.end() ? k : it->second;
  };
  auto record = [&](const Incoming& in, const std::string& node_key, const std::string& reason) {
    auto v = graph_.Find(node_key);
    std::string node_name = v ? graph_.node(*v).name : in.name;
    for (const std::string& n : in.written) {
      if (n == node_name) continue;
      if (!merge_seen_.emplace(node_key, n, reason).second) continue;
      merges_.push_back({in.label, n, node_key, node_name, reason, batch.document});
    }
  };

  for (const std::string& key : order) {
    Incoming& in = incoming[key];
    std::string target_key;
    std::string reason;
    // 1. The user's alias file names a canonical entity.
    for (const std::string& n : in.names) {
      if (auto c = rules_.CanonicalFor(in.label, n)) {
        target_key = MakeKey(in.label, *c);
        // If the canonical node does not exist yet, the incoming entity becomes it.
        if (!graph_.Find(target_key)) rename[key] = *c;
        reason = "alias file: '" + n + "' is a variant of '" + *c + "'";
        break;
      }
    }
    // 2. The same key: names equal after normalisation.
    if (target_key.empty() && graph_.Find(key)) {
      target_key = key;
      reason = "same name after normalisation";
    }
    // 3. A name or alias equal to exactly one other node's (of the same label).
    if (target_key.empty() && in.label != Label::kDocument && in.label != Label::kRoom) {
      std::vector<KnowledgeGraph::Vertex> candidates;
      std::string via;
      auto consider = [&](KnowledgeGraph::Vertex v, const std::string& why) {
        if (std::find(candidates.begin(), candidates.end(), v) != candidates.end()) return;
        if (in.label == Label::kTalk) {
          // Never across events: the candidate's events and ours must overlap if both known.
          std::vector<std::string> ours;
          for (const auto& e : talk_events[key]) ours.push_back(mapped(e));
          std::vector<std::string> theirs;
          for (auto e : boost::make_iterator_range(boost::out_edges(v, graph_.graph())))
            if (graph_.edge(e).type == RelType::kPartOf)
              theirs.push_back(graph_.node(boost::target(e, graph_.graph())).key);
          bool overlap = ours.empty() || theirs.empty();
          for (const auto& e : ours)
            if (std::find(theirs.begin(), theirs.end(), e) != theirs.end()) overlap = true;
          if (!overlap) return;
          // Nor across time slots: a session at another time of the same event is another
          // session ("Closing Remarks" on each day).
          auto st = graph_.node(v).properties.find("start");
          if (st != graph_.node(v).properties.end() &&
              std::holds_alternative<std::string>(st->second) &&
              DifferentInstants(in.start, std::get<std::string>(st->second)))
            return;
        }
        candidates.push_back(v);
        if (via.empty()) via = why;
      };
      if (in.label == Label::kTalk && !in.url.empty()) {
        if (auto it = urls_.find(in.url); it != urls_.end())
          for (auto v : it->second) consider(v, "same url " + in.url);
      }
      if (candidates.empty() && in.label == Label::kTalk && !talk_events[key].empty()) {
        // Only talks of one of our events, or of none, can pass `consider`.
        std::vector<std::string> buckets = {""};
        for (const auto& e : talk_events[key]) buckets.push_back(mapped(e));
        for (const std::string& n : in.names) {
          const std::string folded = FoldName(n);
          for (const std::string& b : buckets) {
            auto list = talk_names_.find(TalkNameKey(folded, b));
            if (list == talk_names_.end()) continue;
            for (auto v : list->second) consider(v, "same name or alias '" + n + "'");
          }
        }
      } else if (candidates.empty()) {
        auto& index = names_[in.label];
        for (const std::string& n : in.names) {
          auto it = index.find(FoldName(n));
          if (it == index.end()) continue;
          for (auto v : it->second) consider(v, "same name or alias '" + n + "'");
        }
      }
      if (candidates.size() == 1) {
        target_key = graph_.node(candidates[0]).key;
        reason = via;
      }
    }
    // 4. A forbidden pair keeps the incoming entity apart.
    if (!target_key.empty()) {
      if (auto v = graph_.Find(target_key)) {
        const Node& t = graph_.node(*v);
        std::vector<std::string> theirs = t.aliases;
        theirs.push_back(t.name);
        bool forbidden = false;
        for (const auto& a : in.names)
          for (const auto& b : theirs)
            if (FoldName(a) != FoldName(b) && rules_.Forbids(in.label, a, b)) forbidden = true;
        if (forbidden) {
          target_key = key == target_key ? key + "~" + Slug(in.name) : key;
          reason.clear();
        }
      }
    }
    if (target_key.empty()) target_key = key;
    if (target_key != key) remap[key] = target_key;
    if (!reason.empty()) record(in, target_key, reason);
  }

  // Within the batch, several spellings under one key are merges too (e.g. legal suffixes).
  for (const std::string& key : order) {
    const Incoming& in = incoming[key];
    if (in.label == Label::kOrganization && in.written.size() > 1 && !graph_.Find(mapped(key)))
      record(in, mapped(key), "organisation name normalisation");
  }

  // Talks that gain an event without being entities of the batch are indexed again too.
  std::vector<std::string> joined;
  for (const RelationRecord& r : batch.relations)
    if (r.type == RelType::kPartOf && !incoming.count(r.source)) joined.push_back(mapped(r.source));
  Apply(batch, graph_, remap, rename);
  for (const std::string& key : order) {
    if (auto v = graph_.Find(mapped(key))) IndexVertex(*v);
  }
  for (const std::string& key : joined)
    if (auto v = graph_.Find(key)) IndexVertex(*v);
  // Keep merge records' node names current (the node may have been created by this batch).
  for (auto& m : merges_)
    if (auto v = graph_.Find(m.node_key)) m.node_name = graph_.node(*v).name;
  return Status::Ok();
}

bool GraphBuilder::HasDocument(std::string_view document) const {
  return graph_.Find(MakeKey(Label::kDocument, document)).has_value();
}

std::size_t GraphBuilder::RemoveDocument(std::string_view document) {
  const auto& g = graph_.graph();
  auto keep = [&](std::vector<Evidence> list) {
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&](const Evidence& e) { return e.document == document; }),
               list.end());
    return list;
  };
  KnowledgeGraph rebuilt;
  std::size_t removed = 0;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    Node n = g[v];
    bool had = !n.evidence.empty();
    n.evidence = keep(std::move(n.evidence));
    if (had && n.evidence.empty()) {
      ++removed;
      continue;
    }
    rebuilt.UpsertNode(n);
  }
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    Edge ed = g[e];
    bool had = !ed.evidence.empty();
    ed.evidence = keep(std::move(ed.evidence));
    if (had && ed.evidence.empty()) continue;
    auto s = rebuilt.Find(g[boost::source(e, g)].key);
    auto t = rebuilt.Find(g[boost::target(e, g)].key);
    if (!s || !t) continue;
    rebuilt.UpsertEdge(*s, *t, ed);
  }
  graph_ = std::move(rebuilt);
  Reindex();
  return removed;
}

}  // namespace cnkg
