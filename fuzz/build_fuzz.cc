// The whole build on one document, as `cnkg build FILE -o g.cnkg` and then `cnkg export` run it:
// the first byte picks the file's extension, the rest is the document; its format is detected,
// it is read and merged into a graph that already holds another document, replaced by itself
// (as a second build of the same file does), and the graph is written in every export format.
// Invariants: no crash, hang or sanitizer report; errors and warnings are one line and never
// internal; every format writes.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "export/export.h"
#include "extract/core/document.h"
#include "extract/gazetteer/gazetteer.h"
#include "extract/reader.h"
#include "fuzz/fuzz_util.h"
#include "graph/binary_graph.h"
#include "graph/builder.h"

using namespace cnkg;

namespace {

// A document already in the graph: the fuzzed one merges with it.
const ExtractionBatch& EarlierBatch() {
  static const ExtractionBatch batch = [] {
    auto doc = MakeDocument("earlier.txt",
                            "DemoCon 2026#\n"
                            "Monday, March 2, 2026#\n"
                            "Batch jobs with Kueue and Volcano#\n"
                            "Time: 10:00 - 10:30\n"
                            "Speakers: Ana Silva, Acme; Bo Chen, Initech\n"
                            "Venue: Hall A\n");
    if (!doc.ok()) fuzz::Fail(doc.status().message());
    auto b = ExtractDocument(*doc, nullptr, Gazetteer::Builtin());
    if (!b.ok()) fuzz::Fail(b.status().message());
    return std::move(*b);
  }();
  return batch;
}

Result<ExtractionBatch> Extract(const std::string& path, std::string_view bytes) {
  auto doc = MakeDocument(path, std::string(bytes));
  if (!doc.ok()) return doc.status();
  for (const Diagnostic& d : doc->diagnostics) fuzz::CheckMessage(d.message);
  return ExtractDocument(*doc, nullptr, Gazetteer::Builtin());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const char* const kNames[] = {"doc.txt", "doc.md",  "doc.json",      "doc.yaml",
                                       "doc.ics", "doc.xml", "landscape.yml", "doc"};
  if (size == 0) return 0;
  const std::string path = kNames[data[0] % std::size(kNames)];
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);

  auto batch = Extract(path, bytes);
  if (!batch.ok()) {
    fuzz::CheckUserError(batch.status());
    return 0;
  }
  for (const Diagnostic& d : batch->diagnostics) fuzz::CheckMessage(d.message);
  KnowledgeGraph graph;
  GraphBuilder builder(graph);
  fuzz::CheckUserError(builder.Add(EarlierBatch()));
  fuzz::CheckUserError(builder.Add(*batch));
  // The same document built again replaces its share of the graph.
  builder.RemoveDocument(batch->document);
  fuzz::CheckUserError(builder.Add(std::move(*batch)));

  for (const std::string& format : ExportFormatNames()) {
    if (IsDirectoryFormat(format)) {
      auto files = ExportGraphFiles(graph, format);
      if (!files.ok()) fuzz::Fail(format + ": " + files.status().message());
    } else {
      auto text = ExportGraph(graph, format);
      if (!text.ok()) fuzz::Fail(format + ": " + text.status().message());
    }
  }
  auto back = ParseBinaryGraph(SerializeBinaryGraph(graph), "fuzz.cnkg");
  if (!back.ok()) fuzz::Fail(back.status().message());
  return 0;
}
