#ifndef CNKG_QUERY_ENGINE_H_
#define CNKG_QUERY_ENGINE_H_

// The query engine: a read-only subset of Cypher over the in-memory knowledge graph, and the
// `talks`, `path` and `neighbors` shortcuts built on it.
//
// Pipeline (query/): lexer -> parser (AST) -> binder -> planner -> executor, each stage with its
// own error type (SyntaxError, BindError, RuntimeError); RunQuery is the one boundary that turns
// them into Status messages. No query can crash the process: nesting depth, expression height,
// pattern length and the work done (relationship expansions, rows held for sorting, grouping and
// DISTINCT) are bounded, and exceeding a bound is an error.
//
// Supported:
//   MATCH and OPTIONAL MATCH, several of them, each with comma-separated patterns.
//   Node patterns (n:Label {prop: value}); labels are alternatives: (n:Talk|Document) (Kuzu
//   also reads (n:Talk:Document) that way, and so do we, since a node has one label).
//   Relationship patterns -[r:A|B {prop: value}]-> in either direction or none ("--", "-->",
//   "<--" and "-[]-" forms), variable length *, *3, *1..4, *..4, *2.. (a missing upper bound is
//   capped at QueryOptions::default_max_hops, with a notice).
//   Path variables p = (...); shortestPath(...) and allShortestPaths(...) over one relationship
//   pattern, and Kuzu's [* SHORTEST 1..4] / [* ALL SHORTEST 1..4] (breadth-first search; from
//   both ends when both are bound or pinned down by a key or name).
//   Kuzu's recursive filter on a variable-length relationship, [*1..4 (r, n | WHERE pred)]: no
//   intermediate node of a walk or shortest path fails pred, which is applied during the search
//   (the ends are not filtered). pred may read n and variables bound before the MATCH, not yet
//   r. (Kuzu 0.11.3 itself gets SHORTEST with such a filter wrong; its plain walks agree.)
//   WHERE with =, <>, <, <=, >, >=, AND, OR, XOR, NOT, IN [..], STARTS WITH, ENDS WITH,
//   CONTAINS, =~ (RE2 syntax, whole string), IS [NOT] NULL, label checks n:Talk|Project;
//   + - * / % ^; CASE; list
//   comprehensions [x IN l WHERE .. | ..]; all/any/none/single(x IN l WHERE ..); l[i], l[a..b].
//   UNWIND, WITH (and WITH ... WHERE), RETURN, with AS, DISTINCT, *, ORDER BY ... ASC|DESC,
//   SKIP, LIMIT; aggregates count(*), count([DISTINCT] x), collect([DISTINCT] x), min, max, sum,
//   avg.
//   Functions: labels, label, type, id (the key), keys, properties, length, nodes,
//   relationships (rels), startNode, endNode, toLower (lower), toUpper (upper), size, coalesce,
//   toString, toInteger, toFloat, toBoolean, trim, ltrim, rtrim, substring, replace, split,
//   left, right, reverse, head, last, tail, abs, ceil, floor, round, sqrt, sign, range,
//   is_trail, is_acyclic.
//   Parameters $name, from QueryOptions::params.
// Matching follows Kuzu where openCypher implementations differ: walk semantics (a relationship
// may repeat within a match; Neo4j forbids that), so `(a)-[:PRESENTS]->(t)<-[:PRESENTS]-(b)`
// also pairs a with itself. Nulls sort last in ascending order and first in descending order.
// Without ORDER BY, rows come in graph order, which is deterministic but not meaningful.
//
// Properties: nodes expose key (also id), name, label, aliases, documents (the documents in
// their evidence), evidence (a list of {document, line, text}), evidence_count, and every stored
// property ("start", "job_title", "maturity", ...). Relationships expose type, source and target
// (endpoint keys), documents, evidence, evidence_count and their stored properties ("title").
// An unknown label, relationship type, property or function is an error that suggests the
// closest known name.

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "graph/compact_graph.h"
#include "graph/knowledge_graph.h"
#include "query/value.h"

namespace cnkg {

using QueryValue = query::Value;

struct QueryOptions {
  // Parameter values by name (without '$'), as given by --param name=value. A value that reads
  // as JSON (a number, true, false, null, a "quoted string", an array or object) has that type;
  // anything else is a string.
  std::map<std::string, std::string> params;
  // 0: no cap. Otherwise at most this many rows are returned, with a notice when there were more.
  std::size_t max_rows = 0;
  // The upper bound of a variable-length relationship written without one. Must be >= 1.
  int default_max_hops = 10;
};

struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<QueryValue>> rows;
  // Things the user should know (a capped variable-length pattern, truncated output), one line
  // each, for stderr.
  std::vector<std::string> notices;
  // The graph the node and relationship values refer to, when the call that made the result
  // also made that graph (the KnowledgeGraph overloads); null when the caller owns it.
  std::shared_ptr<const CompactGraph> graph;
};

// Parses, binds, plans and runs `text` over `graph`. Node and relationship values in the result
// point into `graph`, which must outlive the result.
// Errors (the message is for the user):
//   kParseError: a syntax error, "line L, column C: MESSAGE\n<the line>\n<caret under the spot>".
//   kInvalidArgument: an unknown label, type, property, function or variable (with the closest
//     known name), a missing parameter, a misplaced aggregate, bad SKIP/LIMIT (same location
//     format); a runtime error such as a type mismatch, an invalid regular expression or
//     integer overflow (located when it can be); a query that exceeds the work limits; a bad
//     default_max_hops.
//   kParseError: "ORIGIN: corrupt binary graph file at byte N: WHAT" when the query read a
//     corrupt part of a graph file (see CompactGraph::status()); it wins over other errors.
//   kInternal: a bug, reported instead of crashing.
// Formatting a result reads the graph again: check graph.status() after formatting too.
Result<QueryResult> RunQuery(const CompactGraph& graph, std::string_view text,
                             const QueryOptions& options);
// The same over a KnowledgeGraph, which is first laid out as a CompactGraph (kept alive by the
// result's `graph`): for small graphs and tests; large graphs are queried from their binary file.
Result<QueryResult> RunQuery(const KnowledgeGraph& graph, std::string_view text,
                             const QueryOptions& options);

// A table for people: a header, one line per row, and "(N rows)". Strings are shown as they
// are; nodes as (:Label "name"), relationships as [:TYPE {properties}], paths as
// (:A "x")-[:T]->(:B "y"); cells longer than 80 columns are cut with "...". Numbers are
// right-aligned.
std::string FormatTable(const QueryResult& result);
// A JSON array with one object per row, members in column order. Nodes become objects like the
// graph file's nodes ({"id", "label", "name", "aliases", properties..., "documents"});
// relationships {"type", "source", "target", properties..., "documents", "evidence_count"};
// paths {"nodes": [...], "relationships": [...]}; NaN and infinities become null.
std::string FormatJson(const QueryResult& result);
// RFC 4180 CSV (CRLF line ends, fields quoted when needed): a header line, then the rows.
// Null is an empty field; lists, maps, nodes, relationships and paths are written as their
// compact JSON.
std::string FormatCsv(const QueryResult& result);

// ---- Shortcuts. Names resolve like graph/lookup.h FindByName (key, name or alias, ignoring
// case and accents). A name that matches nothing fails with kNotFound and suggestions; one that
// matches several nodes fails with kInvalidArgument listing them (give the key to choose).

// The graph elements `text` returns, as a graph of their own: every node, relationship and path
// in its result (nested in lists and maps too), with the endpoints of every relationship. Nodes
// keep their keys, properties and evidence; only the returned relationships are kept (not every
// relationship between returned nodes). Errors: those of RunQuery; kNotFound when the query
// matches no row; kInvalidArgument when its rows hold no node, relationship or path (the message
// says how to return them).
Result<KnowledgeGraph> QuerySubgraph(const CompactGraph& graph, std::string_view text,
                                     const QueryOptions& options);
Result<KnowledgeGraph> QuerySubgraph(const KnowledgeGraph& graph, std::string_view text,
                                     const QueryOptions& options);

// The Cypher text of `cnkg talks`: talks that mention every project in `mentions`, have a
// speaker affiliated with every organisation in `orgs`, and are in one of `tracks` (a talk has
// one track, so several tracks mean any of them); an empty list does not filter. Columns: talk,
// event, start, track, speakers (sorted), key; ordered by start time, then title.
Result<std::string> TalksQuery(const CompactGraph& graph, const std::vector<std::string>& mentions,
                               const std::vector<std::string>& orgs,
                               const std::vector<std::string>& tracks);
Result<std::string> TalksQuery(const KnowledgeGraph& graph,
                               const std::vector<std::string>& mentions,
                               const std::vector<std::string>& orgs,
                               const std::vector<std::string>& tracks);

// `cnkg path`: a shortest path between the nodes named `from` and `to`, ignoring direction,
// within `max_hops` (>= 1) relationships, printed hop by hop with each relationship's evidence.
// Documents are hubs that say nothing about how two things are connected (a post mentioning
// both), so no Document lies inside a path unless `via` is Document: then exactly one does, the
// node the path passes through. A Document may always be `from` or `to`. FROM relationships
// (talk -> the document it was read from) are not followed unless `from`, `to` or `via` is a
// Document: through them every talk of a schedule is two hops from every other. Among equally
// short paths, one without events, rooms and tracks is preferred.
// With `via`, the path must pass through an intermediate node with that label (the shortest
// such path). Fails with kNotFound when there is no such path (when one would pass through a
// document, the message says so and suggests --via Document), kInvalidArgument when from and to
// are the same node or max_hops < 1.
Result<std::string> ExplainPath(const CompactGraph& graph, std::string_view from,
                                std::string_view to, int max_hops, std::optional<Label> via);
Result<std::string> ExplainPath(const KnowledgeGraph& graph, std::string_view from,
                                std::string_view to, int max_hops, std::optional<Label> via);

// The Cypher text ExplainPath runs (for --explain style output and tests).
Result<std::string> PathQuery(const CompactGraph& graph, std::string_view from, std::string_view to,
                              int max_hops, std::optional<Label> via);
Result<std::string> PathQuery(const KnowledgeGraph& graph, std::string_view from,
                              std::string_view to, int max_hops, std::optional<Label> via);

// `cnkg neighbors`: every node within `depth` (>= 1) relationships of the node NAME refers to,
// ignoring direction, optionally only those with `label`. Columns: hops (the distance), label,
// name, key, via_relationship (the type of the last hop), via (the node before it on a shortest
// path); ordered by hops, label, name, key.
Result<QueryResult> Neighbors(const CompactGraph& graph, std::string_view name, int depth,
                              std::optional<Label> label);
Result<QueryResult> Neighbors(const KnowledgeGraph& graph, std::string_view name, int depth,
                              std::optional<Label> label);

}  // namespace cnkg

#endif  // CNKG_QUERY_ENGINE_H_
