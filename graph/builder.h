#ifndef CNKG_GRAPH_BUILDER_H_
#define CNKG_GRAPH_BUILDER_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/status.h"
#include "graph/batch.h"
#include "graph/knowledge_graph.h"

namespace cnkg {

// Merges `batch` into `graph` by key only: entities are upserted by key (same key, one node;
// evidence unioned), then relations are upserted between the keyed nodes. Fails with kInternal,
// leaving the graph unchanged, if a relation names a key that is neither in the batch nor in the
// graph: that is an extractor bug, not a user error. GraphBuilder adds name resolution on top.
Status AddBatch(const ExtractionBatch& batch, KnowledgeGraph& graph);

// A user's merge rules (the --aliases file): per label, variants that name a canonical entity,
// and pairs of names that must never be merged. Names are compared after FoldName.
class AliasRules {
 public:
  void AddVariant(Label label, std::string_view canonical, std::string_view variant);
  void Forbid(Label label, std::string_view a, std::string_view b);
  // The canonical name for `name`, if the rules map it (the canonical name maps to itself).
  std::optional<std::string> CanonicalFor(Label label, std::string_view name) const;
  bool Forbids(Label label, std::string_view a, std::string_view b) const;
  bool empty() const { return canonical_.empty() && forbidden_.empty(); }

 private:
  std::map<Label, std::unordered_map<std::string, std::string>> canonical_;
  std::map<Label, std::set<std::pair<std::string, std::string>>> forbidden_;
};

// One merge the builder made: an entity read from `document` under `incoming` became part of the
// node `node_key` (named `node_name`) because of `reason`.
struct MergeRecord {
  Label label = Label::kPerson;
  std::string incoming;
  std::string node_key;
  std::string node_name;
  std::string reason;
  std::string document;
};

// Adds extraction batches to a graph, resolving each entity to an existing node when it is the
// same real-world entity: same key (names equal after Unicode, accent and case folding, and, for
// organisations, legal suffixes and the alias table), a user alias rule, or a name or alias equal
// to another node's name or alias of the same label (talks also by the same `url`; a talk never
// merges with a talk of another event by alias). A name shared by several nodes is ambiguous and
// merges with none. Keeps `graph` by reference; `graph` must outlive the builder and must not be
// changed behind its back.
class GraphBuilder {
 public:
  explicit GraphBuilder(KnowledgeGraph& graph, AliasRules rules = {});

  // Resolves and adds one batch. Same errors as AddBatch; on error the graph is unchanged.
  Status Add(const ExtractionBatch& batch);
  // The same, taking the batch's records rather than copying them; on error `batch` is as it was.
  Status Add(ExtractionBatch&& batch);

  // Removes every contribution of the document `document` (as named in Evidence::document): its
  // evidence goes from every node and edge, and nodes and edges left with no evidence are
  // removed. Returns the number of nodes removed.
  std::size_t RemoveDocument(std::string_view document);

  // True if the graph has the Document node of the document `document`.
  bool HasDocument(std::string_view document) const;

  const std::vector<MergeRecord>& merges() const { return merges_; }

 private:
  void Reindex();
  void IndexVertex(KnowledgeGraph::Vertex v);
  // The talk_names_ key of a folded name and an event key: the name's length, ':', the name and
  // the event key, so that no two pairs share a key.
  static std::string TalkNameKey(std::string_view folded, std::string_view event);

  KnowledgeGraph& graph_;
  AliasRules rules_;
  // Per label: folded name or alias -> vertices with it.
  std::map<Label, std::unordered_map<std::string, std::vector<KnowledgeGraph::Vertex>>> names_;
  std::unordered_map<std::string, std::vector<KnowledgeGraph::Vertex>> urls_;
  // Talks only: (folded name or alias, key of an event the talk is PART_OF, "" for a talk of
  // no event) -> vertices, so that an incoming talk is compared with the same-named talks of
  // its own events rather than with every talk of that name (a "Lunch" in each of a thousand
  // schedules). One flat map keyed by TalkNameKey: a map per name cost about 400 bytes a talk.
  // A talk may stay listed under an event set it has since outgrown; every candidate is checked
  // against the graph anyway.
  std::unordered_map<std::string, std::vector<KnowledgeGraph::Vertex>> talk_names_;
  std::vector<MergeRecord> merges_;
  std::set<std::tuple<std::string, std::string, std::string>> merge_seen_;
};

}  // namespace cnkg

#endif  // CNKG_GRAPH_BUILDER_H_
