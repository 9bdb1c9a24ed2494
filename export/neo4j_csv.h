#ifndef CNKG_EXPORT_NEO4J_CSV_H_
#define CNKG_EXPORT_NEO4J_CSV_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "export/export.h"
#include "graph/knowledge_graph.h"

namespace cnkg {

// Serializes `graph` as the input of `neo4j-admin database import full` (Neo4j 5): the files of
// one directory, to be written with WriteExportDirectory. The graph is only read.
//
//  * "<Label>.csv" for every label that has nodes ("Talk.csv"), with the header
//      id:ID,:LABEL,name:string,aliases:string[],documents:string[],evidence:string,
//      evidence_count:long,<column>:<type>,...
//    and one row per node in graph order. `id` is the node key (ids are unique across labels,
//    so one ID space serves every file); :LABEL is the label.
//  * "<TYPE>.csv" for every relationship type that has edges ("PRESENTS.csv"), with the header
//      :START_ID,:END_ID,:TYPE,documents:string[],evidence:string,evidence_count:long,<columns>
//    and one row per edge in graph order.
//  * "import.sh", a POSIX shell script that runs neo4j-admin on these files (see below).
// Property columns are those of DescribeTables (export/cypher.h), typed string, long, double,
// boolean or string[]; a Temporal column is typed datetime or localdatetime.
//
// CSV: fields separated by ',', records ended by a line feed, UTF-8 (SafeUtf8). Every string is
// quoted with '"', a '"' inside doubled, everything else (commas, line breaks, backslashes,
// control characters) kept as it is; numbers and booleans are not quoted. A property the node
// or edge does not have is an empty, unquoted field, which neo4j-admin reads as no property;
// an empty string is "" and stays an empty string. A list is one quoted field whose elements are
// joined by the array delimiter: the first of ';', '|', U+001F, U+001E, U+E000, U+E001, ...
// that occurs in no list element of the graph. An empty list is an empty, unquoted field (Neo4j
// then has no such property), and so is a list holding only one empty string.
//
// import.sh, run from anywhere, changes to its own directory (so that no ',' or '=' in the
// directory's path can split neo4j-admin's file lists) and runs
//   "${NEO4J_ADMIN:-neo4j-admin}" database import full --delimiter=, --quote='"'
//     --array-delimiter=U+XXXX --multiline-fields=true
//     --legacy-style-quoting=false --trim-strings=false --ignore-empty-strings=false
//     --id-type=string --nodes=Talk.csv ... --relationships=PRESENTS.csv ...
//     "$@" "${CNKG_NEO4J_DATABASE:-neo4j}"
// passing its own arguments on; a relative $NEO4J_ADMIN is taken from the caller's directory.
//
// Fails with kInvalidArgument only if every candidate array delimiter occurs in the lists.
Result<std::vector<ExportFile>> ToNeo4jCsv(const KnowledgeGraph& graph);

// The CSV field for `text`: SafeUtf8(text) between double quotes, each '"' doubled.
std::string CsvQuote(std::string_view text);

// Every list element a CSV export of `graph` holds (aliases, documents, list properties), after
// SafeUtf8, sorted and without repeats; the CSV writers pick list separators that occur in none.
std::vector<std::string> AllListElements(const KnowledgeGraph& graph);

}  // namespace cnkg

#endif  // CNKG_EXPORT_NEO4J_CSV_H_
