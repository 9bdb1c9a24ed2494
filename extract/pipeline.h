#ifndef CNKG_EXTRACT_PIPELINE_H_
#define CNKG_EXTRACT_PIPELINE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/status.h"
#include "extract/core/document.h"
#include "extract/reader.h"
#include "graph/batch.h"
#include "graph/builder.h"
#include "graph/knowledge_graph.h"

namespace cnkg {

class Gazetteer;

// How far a build has got, for a progress display.
struct BuildProgress {
  std::size_t documents_done = 0;   // read, extracted and merged (or failed)
  std::size_t documents_total = 0;  // inputs found
  std::uint64_t bytes_done = 0;     // sizes of the documents done
  std::uint64_t bytes_total = 0;    // sizes of all inputs
};

// One line of progress, without a line end: "cnkg: 120 of 1000 documents, 4.8 of 40.0 MB,
// 2.4 MB/s, 2 s". `seconds` is the time since the build began.
std::string FormatBuildProgress(const BuildProgress& progress, double seconds);

struct BuildOptions {
  const Reader* reader = nullptr;  // read every input with this reader; null: detect per document
  std::string time_zone;  // Document::time_zone of every input (`--timezone`); empty for none
  // Threads that read and extract documents: 0 for one per core, 1 for none besides the
  // caller's. Whatever the number, the graph, the report and the diagnostics are the same: the
  // batches are merged in input order by the calling thread.
  int jobs = 0;
  // Called on the calling thread once the inputs are known (nothing done yet) and after each
  // document is merged (or has failed). May be empty.
  std::function<void(const BuildProgress&)> progress;
};

// What a build did, for the caller to report.
struct BuildReport {
  int documents_read = 0;
  std::vector<std::string> documents_replaced;  // already in the graph; their old share removed
  std::vector<Diagnostic> diagnostics;          // warnings and errors, in input order
  bool has_errors() const;
};

// The lines to print for `diagnostics`, in order: errors always; warnings one per line, except
// that after `per_kind` warnings of one kind in one document (the same message once quoted names
// and numbers are set aside: "time of '…' skipped") the rest of that kind are counted and
// summarised, after the document's last diagnostic, as "cnkg: warning: FILE: … and N more
// warnings like "MESSAGE" (--verbose prints them all)". `verbose` prints every warning. Lines
// have no trailing newline. Never fails.
std::vector<std::string> DiagnosticLines(const std::vector<Diagnostic>& diagnostics, bool verbose,
                                         int per_kind = 3);

struct InputFile {
  std::string path;
  bool from_directory = false;  // found by walking a directory rather than named directly
  std::string name;             // the document's identity (Document::name)
};

// Expands the inputs: a file stays itself, named by its path as given; a directory becomes the
// regular files under it (recursively, sorted, hidden entries skipped), each named by the
// folder's name and its path below it (DocumentIdentity). A missing input is an error
// diagnostic.
std::vector<InputFile> ExpandInputs(const std::vector<std::string>& inputs, BuildReport& report);

// The number of threads `jobs` stands for: itself when positive, else the number of cores (at
// least 1).
int EffectiveJobs(int jobs);

// Reads, extracts and merges every input through `builder`. Documents are read and extracted on
// up to options.jobs threads at once (a few documents ahead of the merge, to bound memory) and
// merged in input order on the calling thread; `gazetteer` must not change meanwhile. A file named
// directly that cannot be read or recognised is an error; a file found inside a directory that is
// binary, empty or of no known format is skipped with a warning. A document whose identity
// (Document::name) is already in the graph replaces its earlier contributions (incremental builds);
// two inputs with the same identity in one build are an error. Documents that fail leave the graph
// untouched; the others are added.
void BuildGraph(const std::vector<std::string>& inputs, const BuildOptions& options,
                const Gazetteer& gazetteer, GraphBuilder& builder, BuildReport& report);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_PIPELINE_H_
