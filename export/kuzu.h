#ifndef CNKG_EXPORT_KUZU_H_
#define CNKG_EXPORT_KUZU_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "export/export.h"
#include "graph/knowledge_graph.h"

namespace cnkg {

// Serializes `graph` for the Kuzu graph database (checked with Kuzu 0.11.3): the files of one
// directory, to be written with WriteExportDirectory. The graph is only read.
//
// Files:
//  * "schema.cypher": one CREATE NODE TABLE per label (all nine, so that a query naming a label
//    the graph lacks still binds) and one CREATE REL TABLE per relationship type (all nine),
//    connecting the label pairs of KuzuEndpoints plus every other pair the graph's edges
//    connect; then one staging node table per CSV file ("_cnkg_import_<file name less .csv>",
//    a SERIAL key and the file's columns, lists as STRING).
//  * "<Label>.csv" per label that has nodes, "<TYPE>_<FromLabel>_<ToLabel>.csv" per label pair a
//    relationship type connects in the graph.
//  * "copy.cypher" and "index.cypher": the layout of Kuzu's own EXPORT DATABASE, so that
//    `IMPORT DATABASE 'DIR'` loads everything in one statement. Kuzu runs schema.cypher, then
//    copy.cypher, whose statements must be plain `COPY table FROM 'file'` (file paths relative to
//    the directory; Kuzu keeps only the header and parallel options): each CSV file goes into its
//    staging table. Then it runs index.cypher, which, despite the name, is where any statement
//    may go: one `COPY table FROM (MATCH (s:staging) RETURN ...)` per file rebuilds the values as
//    load.cypher does, then every staging table is dropped. Both files are empty when the graph
//    is (Kuzu rejects a file of comments only). Kuzu puts the directory path inside a "..."
//    literal, so IMPORT DATABASE fails on a directory path holding '"' or '\'.
//  * "load.cypher": one COPY statement per CSV file, to run after schema.cypher with this
//    directory as the working directory (the CSV paths are relative), then a DROP TABLE per
//    staging table.
// The scripts hold one statement per line, ending with ';', after comment lines starting with
// "//".
//
// Tables and columns carry the graph's names, so one Cypher query reads cnkg and Kuzu alike:
// node table = label, with `id` STRING PRIMARY KEY (the key), `name` STRING, `aliases` STRING[],
// `documents` STRING[], `evidence` STRING (EvidenceJson), `evidence_count` INT64, then the
// property columns of DescribeTables (export/cypher.h) as STRING, INT64, DOUBLE, BOOLEAN or
// STRING[]; rel table = type, with `documents`, `evidence`, `evidence_count` and its property
// columns. Date-times stay STRING, as in cnkg.
//
// CSV (UTF-8, SafeUtf8): a header line of column names, ',' between fields, '"' quoting with '"'
// doubled, and nothing else escaped. Because Kuzu's own list syntax in CSV cannot carry every
// string (it trims spaces, keeps quotes and turns empty elements into nulls), and a quoted empty
// field reads as null, load.cypher reads each file through LOAD WITH HEADERS, index.cypher from
// its staging table, and both rebuild:
//  * lists: a list is written as one string, each element preceded by U+001E and the elements
//    separated by a separator that occurs in no element (the first free one of U+001F, '|',
//    U+001D, U+001C, U+E000, U+E001, ...); the empty list is the empty string. load.cypher and
//    index.cypher split it with string_split and strip the U+001E from each part.
//  * nulls: a string or list property the node or edge does not have is written as a null
//    marker, "\N" (or "\NN", "\NNN", ... when "\N" is itself a value), which load.cypher names
//    in null_strings; empty strings stay empty strings. A missing number or boolean is an empty
//    field. copy.cypher cannot name null_strings, so in a staging table an empty string or list
//    reads as null and the marker as itself; index.cypher swaps them back.
//
// Fails with kInvalidArgument only if every candidate list separator occurs in the lists.
Result<std::vector<ExportFile>> ToKuzu(const KnowledgeGraph& graph);

// The (source label, target label) pairs the graph model defines for `type` (graph/model.h).
const std::vector<std::pair<Label, Label>>& KuzuEndpoints(RelType type);

}  // namespace cnkg

#endif  // CNKG_EXPORT_KUZU_H_
