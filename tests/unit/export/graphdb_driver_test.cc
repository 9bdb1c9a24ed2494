// A stand-in for `cnkg export --format neo4j-csv|cypher|kuzu` used by
// tests/integration/graphdb_test.sh while the CLI does not offer these formats. Hidden: it runs
// only when asked for by its tag, with the environment saying what to do:
//   CNKG_DRIVER_GRAPH=g.json CNKG_DRIVER_FORMAT=kuzu CNKG_DRIVER_OUTPUT=dir [CNKG_DRIVER_FORCE=1]
//     export_test "[.graphdb_driver]"
// Errors are printed as "cnkg: MESSAGE" on stderr and fail the test (exit status 1).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <iostream>
#include <string>

#include "common/files.h"
#include "export/export.h"
#include "graph/snapshot.h"

namespace cnkg {
namespace {

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? "" : v;
}

Status RunDriver() {
  auto graph = ReadGraphFile(Env("CNKG_DRIVER_GRAPH"));
  if (!graph.ok()) return graph.status();
  const std::string format = Env("CNKG_DRIVER_FORMAT");
  const std::string output = Env("CNKG_DRIVER_OUTPUT");
  if (IsDirectoryFormat(format)) {
    auto files = ExportGraphFiles(*graph, format);
    if (!files.ok()) return files.status();
    return WriteExportDirectory(output, *files, Env("CNKG_DRIVER_FORCE") == "1");
  }
  auto text = ExportGraph(*graph, format);
  if (!text.ok()) return text.status();
  return WriteFileAtomically(output, *text);
}

TEST_CASE("graph database export driver", "[.graphdb_driver]") {
  if (Env("CNKG_DRIVER_GRAPH").empty()) return;
  Status s = RunDriver();
  if (!s.ok()) std::cerr << "cnkg: " << s.message() << "\n";
  REQUIRE(s.ok());
}

}  // namespace
}  // namespace cnkg
