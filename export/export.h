#ifndef CNKG_EXPORT_EXPORT_H_
#define CNKG_EXPORT_EXPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "graph/knowledge_graph.h"

namespace cnkg {

// The export formats, by the names the CLI accepts:
// {"json", "cnkg", "graphml", "dot", "cypher", "neo4j-csv", "kuzu"}. "cnkg" is the binary graph
// file (graph/binary_graph.h), which loads fastest.
const std::vector<std::string>& ExportFormatNames();

// Whether `format` writes a directory of files (neo4j-csv, kuzu) rather than one file.
bool IsDirectoryFormat(std::string_view format);

// Serialises the whole graph in a single-file `format` (json, cnkg, graphml, dot, cypher). Fails with
// kInvalidArgument naming the known formats for an unknown one, with kInvalidArgument for a
// directory format (use ExportGraphFiles), or with the writer's own error.
Result<std::string> ExportGraph(const KnowledgeGraph& graph, std::string_view format);

// One file of a directory export: its name inside the directory (a plain file name, no '/') and
// its bytes. `executable` files (scripts) are written with mode 0755, others with 0644.
struct ExportFile {
  std::string name;
  std::string contents;
  bool executable = false;
};

// Serialises the whole graph in a directory `format` (neo4j-csv, kuzu) as the files of that
// directory. Fails like ExportGraph, with kInvalidArgument for a single-file format.
Result<std::vector<ExportFile>> ExportGraphFiles(const KnowledgeGraph& graph,
                                                 std::string_view format);

// Writes `files` as the directory `dir` so that `dir` either keeps what it held or holds exactly
// `files`: the files are written and flushed in a new temporary directory next to `dir`, which
// is then renamed to `dir`. The parent of `dir` must exist.
//  * `dir` missing or empty: it becomes the new directory.
//  * `dir` holding anything: refused (kInvalidArgument) unless `force`. With `force` the old
//    directory is replaced and deleted, but only if it holds nothing except regular files named
//    *.csv, *.cypher or *.sh (what cnkg's directory exports write); otherwise refused
//    (kInvalidArgument) naming one of the other entries, so that --force cannot delete unrelated
//    data.
//  * `dir` is a file or a symbolic link: kIoError.
//  * A file that cannot be written, a missing or read-only parent, a failed rename: kIoError
//    with the operating system's reason; nothing is left behind.
// Every message starts with the path concerned. Precondition: every name in `files` is a
// distinct, non-empty file name that is not "." or "..", has no '/' and does not start with '.'
// (else kInternal).
Status WriteExportDirectory(const std::string& dir, const std::vector<ExportFile>& files,
                            bool force);

}  // namespace cnkg

#endif  // CNKG_EXPORT_EXPORT_H_
