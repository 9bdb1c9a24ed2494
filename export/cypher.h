#ifndef CNKG_EXPORT_CYPHER_H_
#define CNKG_EXPORT_CYPHER_H_

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/json_writer.h"
#include "common/status.h"
#include "common/strings.h"  // SafeUtf8
#include "graph/knowledge_graph.h"

namespace cnkg {

// The Cypher export, and the table view of the graph that the three exports for property-graph
// databases share (this file, export/neo4j_csv.h and export/kuzu.h), so that a node or a
// relationship has the same labels, type, property names and property types in Neo4j and Kuzu
// whichever export loaded it.

// ----- The table view -----

// The type of one property column.
enum class ColumnType { kString, kInt64, kDouble, kBoolean, kStringList };

// The column type of one property value.
ColumnType ColumnTypeOf(const PropertyValue& value);

// The single type all of `types` (not empty) can be written as: the type itself if there is
// one; kDouble for a mix of kInt64 and kDouble; kString for any other mix.
ColumnType WidenColumnTypes(const std::set<ColumnType>& types);

// The shortest text that reads back as `d`; NaN and the infinities as "NaN", "Infinity" and
// "-Infinity", which Java's Double.parseDouble, Python's float() and C's strtod all accept.
std::string FormatDouble(double d);

// A string column whose every value is an ISO 8601 date-time: with a UTC offset or 'Z'
// ("2026-03-24T09:10:00+01:00") it is a kDateTime, without one ("2026-03-24T09:10") a
// kLocalDateTime. Only the Neo4j exports use this (as datetime / localdatetime values); Kuzu
// keeps the text, as cnkg does.
enum class Temporal { kNone, kDateTime, kLocalDateTime };

// One property of a label or a relationship type as a column.
struct PropertyColumn {
  std::string property;  // the name in the graph
  std::string column;    // the name in the exports (see DescribeTables)
  ColumnType type = ColumnType::kString;
  Temporal temporal = Temporal::kNone;
};

// The columns of every node label and relationship type, and the (source label, target label)
// pairs each relationship type connects in the graph.
struct GraphTables {
  std::map<Label, std::vector<PropertyColumn>> node_columns;       // every label, maybe empty
  std::map<RelType, std::vector<PropertyColumn>> edge_columns;     // every type, maybe empty
  std::map<RelType, std::set<std::pair<Label, Label>>> endpoints;  // only types with edges
};

// The fixed columns that come before the property columns, named as cnkg's query language names
// these members. Nodes: the key as "id", then "name", "aliases" (a string list), "documents"
// (DocumentsOf), "evidence" (EvidenceJson) and "evidence_count". Relationships: "documents",
// "evidence" and "evidence_count", after the endpoints ("from" and "to" in Kuzu's files).
inline constexpr std::string_view kNodeFixedColumns[] = {"id",        "name",     "aliases",
                                                         "documents", "evidence", "evidence_count"};
inline constexpr std::string_view kEdgeFixedColumns[] = {"from", "to", "documents", "evidence",
                                                         "evidence_count"};

// Builds the table view of `graph`, which is only read. For each label (and each relationship
// type) every property name used by its nodes (edges) becomes one column, in name order:
//  * Column names are identifiers ([A-Za-z][A-Za-z0-9_]*) that differ from the fixed columns and
//    from each other ignoring case (Kuzu compares names without case): a property name that
//    already is one is kept; otherwise each byte outside [A-Za-z0-9_] becomes '_' and a name that
//    does not start with a letter gets the prefix "property_"; while the result collides, it gets
//    the prefix "property_" (again).
//  * Column types: a property whose values all have one type keeps it; integers mixed with
//    doubles become kDouble; any other mix becomes kString (see ColumnText).
//  * A kString column whose every value is a valid ISO 8601 date-time, all with or all without a
//    UTC offset, is marked kDateTime or kLocalDateTime.
GraphTables DescribeTables(const KnowledgeGraph& graph);

// The text of `value` in a column of type `type`, for every type but kStringList: strings as
// they are; integers in decimal; doubles in the shortest form that reads back exactly ("NaN",
// "Infinity" and "-Infinity" for the special values; an integer in a kDouble column is written
// as a double); booleans as "true" / "false"; a string list (only in a kString column) as a JSON
// array. The text is not made SafeUtf8.
std::string ColumnText(const PropertyValue& value, ColumnType type);

// The documents named in `evidence`, each once, in order of first appearance; empty names are
// left out.
std::vector<std::string> DocumentsOf(const std::vector<Evidence>& evidence);

// The evidence list as a JSON array of {"document", "line", "text"} objects, as the GraphML
// export writes it (invalid UTF-8 becomes U+FFFD; other characters are kept as they are).
std::string EvidenceJson(const std::vector<Evidence>& evidence);

// The first code point of `preferred`, then of U+E000..U+F8FF (the private use area), that
// occurs in none of `texts`; nullopt if every one does. Used to pick list separators.
std::optional<char32_t> UnusedCharacter(const std::vector<char32_t>& preferred,
                                        const std::vector<std::string>& texts);

// ----- Cypher text -----

// A Cypher string literal holding SafeUtf8(text): single-quoted, with every backslash written
// as \\ and every single quote as \'. Every other character, line breaks and control characters
// included, is written as it is: both Neo4j and Kuzu read raw characters inside a literal, and
// these two escapes are the only ones they decode alike (Kuzu 0.11 reads "\n" as "n"). So a
// literal can never end early, whatever the text holds.
std::string CypherString(std::string_view text);

// A backquoted Cypher identifier: `name`, with every backquote doubled.
std::string CypherIdentifier(std::string_view name);

// Serializes `graph` as a Cypher script for Neo4j 5 (cypher-shell -f FILE). The graph is only
// read; the function does not fail today (the Result is for the format dispatch).
//
// The script is UTF-8 text made of statements that each end with ";" and a line feed, in four
// sections each opened by a comment line, in this order:
//   "// constraints": one uniqueness constraint on `id` per label, named cnkg_<Label>_id
//       (CREATE CONSTRAINT ... IF NOT EXISTS FOR (n:`Talk`) REQUIRE n.`id` IS UNIQUE);
//   "// nodes": one statement per node, in graph order:
//       MERGE (n:`Talk` {`id`: '<key>'}) SET n.`name` = '...', n.`aliases` = ['...'],
//         n.`documents` = ['...'], n.`evidence` = '<json>', n.`evidence_count` = 1,
//         n.`<column>` = <value>, ...;
//   "// relationships": one statement per edge, in graph order:
//       MATCH (a:`Person` {`id`: '<key>'}), (b:`Talk` {`id`: '<key>'})
//         MERGE (a)-[r:`PRESENTS`]->(b) SET r.`documents` = [...], r.`evidence` = '...',
//         r.`evidence_count` = 1, ...;
//   "// temporal properties": for each Temporal column, one statement turning its text into a
//       Neo4j datetime or localdatetime, so that the values have the types the neo4j-csv export
//       gives them (MATCH (n:`Talk`) WHERE n.`start` IS NOT NULL SET n.`start` = datetime(...)).
// Labels, types and columns are those of DescribeTables; a property the node or edge does not
// have is not set. Every text from the graph appears only inside a CypherString literal, and
// every statement has one of the fixed shapes above, so no name can change what a statement
// does. Numbers are Cypher number literals (a double always has a '.' or an exponent; NaN and
// infinities are 0.0/0.0, 1.0/0.0 and -1.0/0.0); booleans are true and false.
//
// The "nodes" and "relationships" sections also run unchanged in Kuzu 0.11 once the tables
// exist (the kuzu export's schema.cypher, less its staging tables), which is how the tests check
// them.
Result<std::string> ToCypher(const KnowledgeGraph& graph);

}  // namespace cnkg

#endif  // CNKG_EXPORT_CYPHER_H_
