// The `talks`, `path` and `neighbors` shortcuts (declared in query/engine.h). Each resolves the
// user's names first, then builds Cypher text and runs it through RunQuery, so that they are the
// same engine as `cnkg query`.

#include <set>

#include "common/strings.h"
#include "graph/lookup.h"
#include "query/engine.h"

namespace cnkg {
namespace {

using query::Value;
using query::ValueType;

std::string Describe(const query::NodeRef& n) {
  return std::string(LabelName(n.label())) + " \"" + std::string(n.name()) + "\"";
}

// A Cypher string literal.
std::string Literal(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string LabelWord(std::optional<Label> label) {
  if (!label) return "node";
  switch (*label) {
    case Label::kOrganization:
      return "organisation";
    default:
      return AsciiLower(LabelName(*label));
  }
}

// The one node NAME refers to.
Result<query::NodeRef> Resolve(const CompactGraph& graph, std::string_view name,
                               std::optional<Label> label) {
  auto found = FindByName(graph, name, label);
  if (found.empty()) {
    std::string msg = "no " + LabelWord(label) + " named '" + std::string(name) + "'";
    std::vector<std::string> suggestions;
    for (const std::string& s : SuggestNames(graph, name, 20)) {
      if (label && FindByName(graph, s, label).empty()) continue;
      suggestions.push_back(s);
      if (suggestions.size() == 5) break;
    }
    if (!suggestions.empty()) msg += " (did you mean: " + Join(suggestions, "; ") + "?)";
    return Status::NotFound(msg);
  }
  if (found.size() > 1) {
    std::vector<std::string> candidates;
    for (std::uint32_t v : found) {
      candidates.push_back(std::string(graph.name(v)) + " [" +
                           std::string(LabelName(graph.label(v))) + ", key " +
                           std::string(graph.key(v)) + "]");
    }
    return Status::InvalidArgument(
        "'" + std::string(name) + "' is ambiguous: it names " + std::to_string(found.size()) +
        " nodes: " + Join(candidates, "; ") + " (give the key to choose one)");
  }
  return query::NodeRef{found.front(), &graph};
}

std::string KeyList(const std::vector<query::NodeRef>& nodes) {
  std::vector<std::string> keys;
  for (const query::NodeRef& n : nodes) keys.push_back(Literal(n.key()));
  return "[" + Join(keys, ", ") + "]";
}

void AppendEvidence(std::string& out, const std::vector<Evidence>& list) {
  for (const Evidence& e : list) {
    out += "        " + e.document;
    if (e.line > 0) out += ":" + std::to_string(e.line);
    if (!e.text.empty()) {
      std::string text = CollapseSpaces(e.text);
      if (Utf8Length(text) > 200) {
        // Cut at a character boundary near 200 code points.
        std::size_t i = 0, count = 0;
        while (i < text.size() && count < 197) {
          ++i;
          while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
          ++count;
        }
        text = text.substr(0, i) + "...";
      }
      out += "  " + text;
    }
    out += "\n";
  }
}

// Appends the hops of `path` after its first node.
void AppendHops(std::string& out, const query::PathData& path) {
  for (std::size_t i = 0; i < path.rels.size(); ++i) {
    const query::RelRef& r = path.rels[i];
    const bool forward = r.source == path.nodes[i].id;
    const std::string type(RelTypeName(r.type()));
    out += std::string("    ") + (forward ? "-[" + type + "]->" : "<-[" + type + "]-") + " " +
           Describe(path.nodes[i + 1]) + "\n";
    AppendEvidence(out, r.graph->rel_evidence(r.id));
  }
}

}  // namespace

Result<std::string> TalksQuery(const CompactGraph& graph, const std::vector<std::string>& mentions,
                               const std::vector<std::string>& orgs,
                               const std::vector<std::string>& tracks) {
  std::string q = "MATCH (t:Talk)\n";
  for (const std::string& m : mentions) {
    auto node = Resolve(graph, m, Label::kProject);
    if (!node.ok()) return node.status();
    q += "MATCH (t)-[:MENTIONS]->(:Project {key: " + Literal(node->key()) + "})\n";
  }
  for (const std::string& o : orgs) {
    auto node = Resolve(graph, o, Label::kOrganization);
    if (!node.ok()) return node.status();
    q += "MATCH (t)<-[:PRESENTS]-(:Person)-[:AFFILIATED_WITH]->(:Organization {key: " +
         Literal(node->key()) + "})\n";
  }
  std::vector<query::NodeRef> track_nodes;
  for (const std::string& tr : tracks) {
    auto node = Resolve(graph, tr, Label::kTrack);
    if (!node.ok()) return node.status();
    track_nodes.push_back(*node);
  }
  if (!track_nodes.empty()) {
    q += "MATCH (t)-[:IN_TRACK]->(filter_track:Track)\nWHERE filter_track.key IN " +
         KeyList(track_nodes) + "\n";
  }
  q += "WITH DISTINCT t\n"
       "OPTIONAL MATCH (t)-[:IN_TRACK]->(track:Track)\n"
       "WITH t, min(track.name) AS track\n"
       "OPTIONAL MATCH (t)-[:PART_OF]->(event:Event)\n"
       "WITH t, track, min(event.name) AS event\n"
       "OPTIONAL MATCH (t)<-[:PRESENTS]-(speaker:Person)\n"
       "WITH t, track, event, speaker ORDER BY speaker.name\n"
       "WITH t, track, event, collect(speaker.name) AS speakers\n"
       "RETURN t.name AS talk, event, t.start AS start, track, speakers, t.key AS key\n"
       "ORDER BY start, talk, key\n";
  return q;
}

namespace {

// The relationship types a path may follow. FROM only records which document a talk was read
// from: through it every talk of a schedule is two hops from every other, which explains nothing,
// so paths avoid it unless they start or end at a document (or pass through one, `via`).
// `semantic_only` keeps the relationships that say something about the entities (who presents,
// works where, what is mentioned, landscape categories and backers), leaving out the schedule
// structure (event, room, track).
std::string PathTypes(const query::NodeRef& a, const query::NodeRef& b, std::optional<Label> via,
                      bool semantic_only) {
  if (!semantic_only &&
      (a.label() == Label::kDocument || b.label() == Label::kDocument || via == Label::kDocument)) {
    return "";
  }
  std::vector<std::string> names;
  for (RelType t : kAllRelTypes) {
    if (t == RelType::kFrom) continue;
    if (semantic_only &&
        (t == RelType::kPartOf || t == RelType::kHeldIn || t == RelType::kInTrack)) {
      continue;
    }
    names.emplace_back(RelTypeName(t));
  }
  return ":" + Join(names, "|");
}

// Documents are hubs too: a post or a schedule mentions many projects, and two things it
// mentions are no closer for it. So no Document lies inside a path: one may only end it, or be
// the node --via Document passes through (each half of that path ends there). Kuzu's recursive
// filter, which the engine applies during its breadth-first search.
constexpr std::string_view kNoDocumentInside = " (r, n | WHERE label(n) <> 'Document')";

std::string BuildPathQuery(const query::NodeRef& a, const query::NodeRef& b, int max_hops,
                           std::optional<Label> via, const std::string& types,
                           bool documents_inside = false) {
  const std::string hops = std::to_string(max_hops);
  const std::string rel = "-[" + types + "*1.." + hops +
                          (documents_inside ? "" : std::string(kNoDocumentInside)) + "]-";
  std::string q =
      "MATCH (a {key: " + Literal(a.key()) + "}), (b {key: " + Literal(b.key()) + "})\n";
  if (!via) return q + "MATCH p = shortestPath((a)" + rel + "(b))\nRETURN p\n";
  // The shortest path through a node of the label: the best split over every such node.
  return q + "MATCH p1 = shortestPath((a)" + rel + "(v:" + std::string(LabelName(*via)) +
         "))\nWHERE v <> a AND v <> b\n"
         "MATCH p2 = shortestPath((v)" +
         rel +
         "(b))\n"
         "WITH p1, p2, length(p1) + length(p2) AS hops\nWHERE hops <= " +
         hops +
         "\n"
         "RETURN p1, p2, hops\nORDER BY hops\nLIMIT 1\n";
}

struct PathEnds {
  query::NodeRef a;
  query::NodeRef b;
};

Result<PathEnds> ResolvePathEnds(const CompactGraph& graph, std::string_view from,
                                 std::string_view to, int max_hops) {
  if (max_hops < 1) {
    return Status::InvalidArgument("--max-hops must be at least 1, got " +
                                   std::to_string(max_hops));
  }
  auto a = Resolve(graph, from, std::nullopt);
  if (!a.ok()) return a.status();
  auto b = Resolve(graph, to, std::nullopt);
  if (!b.ok()) return b.status();
  if (a->id == b->id) {
    return Status::InvalidArgument("'" + std::string(from) + "' and '" + std::string(to) +
                                   "' are the same node (" + std::string(a->key()) + ")");
  }
  return PathEnds{*a, *b};
}

// Runs a path query; nullopt when it finds no path.
Result<std::optional<query::PathData>> FindPath(const CompactGraph& graph, const std::string& q,
                                                bool via) {
  auto result = RunQuery(graph, q, QueryOptions{});
  if (!result.ok()) return result.status();
  if (result->rows.empty()) return std::optional<query::PathData>();
  query::PathData path = result->rows[0][0].as_path();
  if (via) {
    const query::PathData& second = result->rows[0][1].as_path();
    path.rels.insert(path.rels.end(), second.rels.begin(), second.rels.end());
    path.nodes.insert(path.nodes.end(), second.nodes.begin() + 1, second.nodes.end());
  }
  return std::optional<query::PathData>(std::move(path));
}

}  // namespace

Result<std::string> PathQuery(const CompactGraph& graph, std::string_view from, std::string_view to,
                              int max_hops, std::optional<Label> via) {
  auto ends = ResolvePathEnds(graph, from, to, max_hops);
  if (!ends.ok()) return ends.status();
  return BuildPathQuery(ends->a, ends->b, max_hops, via, PathTypes(ends->a, ends->b, via, false));
}

Result<std::string> ExplainPath(const CompactGraph& graph, std::string_view from,
                                std::string_view to, int max_hops, std::optional<Label> via) {
  auto ends = ResolvePathEnds(graph, from, to, max_hops);
  if (!ends.ok()) return ends.status();
  const query::NodeRef a = ends->a;
  const query::NodeRef b = ends->b;
  auto found = FindPath(graph, BuildPathQuery(a, b, max_hops, via, PathTypes(a, b, via, false)),
                        via.has_value());
  if (!found.ok()) return found.status();
  if (!*found) {
    std::string message = "no path between " + Describe(a) + " and " + Describe(b) + " within " +
                          std::to_string(max_hops) + " hops" +
                          (via ? " through a " + std::string(LabelName(*via)) + " node" : "");
    // Say so when a path exists once documents may lie inside it.
    if (!via) {
      auto through = FindPath(
          graph, BuildPathQuery(a, b, max_hops, via, PathTypes(a, b, via, false), true), false);
      if (!through.ok()) return through.status();
      if (*through) {
        message +=
            " that does not pass through a document; documents are hubs that paths "
            "avoid unless asked: try --via Document";
      }
    }
    return Status::NotFound(message);
  }
  query::PathData path = std::move(**found);
  // Among equally short paths, prefer one that says something about the entities over one that
  // only shares an event, a room or a track.
  const int hops = static_cast<int>(path.rels.size());
  auto semantic =
      FindPath(graph, BuildPathQuery(a, b, hops, via, PathTypes(a, b, via, true)), via.has_value());
  if (!semantic.ok()) return semantic.status();
  if (*semantic && static_cast<int>((*semantic)->rels.size()) == hops) path = std::move(**semantic);

  const std::size_t n = path.rels.size();
  std::string out = "Shortest path from " + Describe(a) + " to " + Describe(b) +
                    (via ? " through a " + std::string(LabelName(*via)) + " node" : "") + ": " +
                    std::to_string(n) + (n == 1 ? " hop" : " hops") + "\n";
  out += "    " + Describe(path.nodes[0]) + "\n";
  AppendHops(out, path);
  return out;
}

Result<QueryResult> Neighbors(const CompactGraph& graph, std::string_view name, int depth,
                              std::optional<Label> label) {
  if (depth < 1) {
    return Status::InvalidArgument("--depth must be at least 1, got " + std::to_string(depth));
  }
  auto a = Resolve(graph, name, std::nullopt);
  if (!a.ok()) return a.status();
  std::string target = label ? "n:" + std::string(LabelName(*label)) : "n";
  std::string q = "MATCH (a {key: " + Literal(a->key()) +
                  "})\n"
                  "MATCH p = shortestPath((a)-[*1.." +
                  std::to_string(depth) + "]-(" + target +
                  "))\n"
                  "RETURN length(p) AS hops, label(n) AS label, n.name AS name, n.key AS key,\n"
                  "       type(last(relationships(p))) AS via_relationship,\n"
                  "       nodes(p)[-2].name AS via\n"
                  "ORDER BY hops, label, name, key\n";
  return RunQuery(graph, q, QueryOptions{});
}

// ---- The same over a KnowledgeGraph (tests, JSON graph files).

Result<std::string> TalksQuery(const KnowledgeGraph& graph,
                               const std::vector<std::string>& mentions,
                               const std::vector<std::string>& orgs,
                               const std::vector<std::string>& tracks) {
  return TalksQuery(*CompactGraph::FromKnowledgeGraph(graph), mentions, orgs, tracks);
}

Result<std::string> PathQuery(const KnowledgeGraph& graph, std::string_view from,
                              std::string_view to, int max_hops, std::optional<Label> via) {
  return PathQuery(*CompactGraph::FromKnowledgeGraph(graph), from, to, max_hops, via);
}

Result<std::string> ExplainPath(const KnowledgeGraph& graph, std::string_view from,
                                std::string_view to, int max_hops, std::optional<Label> via) {
  return ExplainPath(*CompactGraph::FromKnowledgeGraph(graph), from, to, max_hops, via);
}

Result<QueryResult> Neighbors(const KnowledgeGraph& graph, std::string_view name, int depth,
                              std::optional<Label> label) {
  auto compact = CompactGraph::FromKnowledgeGraph(graph);
  auto result = Neighbors(*compact, name, depth, label);
  if (result.ok()) result->graph = compact;
  return result;
}

}  // namespace cnkg
