// One reader on one document: the bytes are read as the file CNKG_FUZZ_PATH with the reader
// CNKG_FUZZ_READER forced (as `cnkg build --format`), merged into a graph, and the graph is
// written as a binary graph file and read back. Built once per reader (fuzz/CMakeLists.txt).
//
// Invariants: no crash, hang, leak or sanitizer report; errors and warnings are one line; no
// internal error; the graph the reader made is text through and through (the binary graph file
// refuses strings that are not UTF-8), so it reads back.

#include <cstddef>
#include <cstdint>
#include <string>

#include "extract/core/document.h"
#include "extract/gazetteer/gazetteer.h"
#include "extract/reader.h"
#include "fuzz/fuzz_util.h"
#include "graph/binary_graph.h"
#include "graph/builder.h"

#ifndef CNKG_FUZZ_READER
#error "CNKG_FUZZ_READER (a reader's --format name) must be defined"
#endif
#ifndef CNKG_FUZZ_PATH
#error "CNKG_FUZZ_PATH (the file name the input is read as) must be defined"
#endif

using namespace cnkg;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Gazetteer& gazetteer = Gazetteer::Builtin();
  static const Reader* reader = FindReader(CNKG_FUZZ_READER);
  if (reader == nullptr) fuzz::Fail("no reader called " CNKG_FUZZ_READER);

  auto doc = MakeDocument(CNKG_FUZZ_PATH, std::string(reinterpret_cast<const char*>(data), size));
  if (!doc.ok()) {
    fuzz::CheckUserError(doc.status());
    return 0;
  }
  for (const Diagnostic& d : doc->diagnostics) fuzz::CheckMessage(d.message);
  auto batch = ExtractDocument(*doc, reader, gazetteer);
  if (!batch.ok()) {
    fuzz::CheckUserError(batch.status());
    return 0;
  }
  for (const Diagnostic& d : batch->diagnostics) fuzz::CheckMessage(d.message);
  fuzz::CheckBatchText(*batch);

  KnowledgeGraph graph;
  GraphBuilder builder(graph);
  Status added = builder.Add(std::move(*batch));
  fuzz::CheckUserError(added);
  auto back = ParseBinaryGraph(SerializeBinaryGraph(graph), "fuzz.cnkg");
  if (!back.ok()) fuzz::Fail(back.status().message());
  if (back->num_nodes() != graph.num_nodes() || back->num_edges() != graph.num_edges())
    fuzz::Fail("the graph file lost nodes or relationships");
  return 0;
}
