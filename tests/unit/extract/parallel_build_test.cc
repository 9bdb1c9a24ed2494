// The parallel build (extract/pipeline.h BuildGraph with BuildOptions::jobs): whatever the number
// of threads, the graph, the report and the diagnostics are those of a one-thread build.

#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extract/gazetteer/gazetteer.h"
#include "extract/pipeline.h"
#include "graph/binary_graph.h"
#include "graph/builder.h"

using namespace cnkg;
namespace fs = std::filesystem;

namespace {

struct Built {
  std::string bytes;  // the binary graph file
  std::vector<std::string> diagnostics;
  int documents_read = 0;
  std::vector<BuildProgress> progress;
};

Built Build(const std::vector<std::string>& inputs, int jobs) {
  KnowledgeGraph graph;
  GraphBuilder builder(graph, AliasRules());
  BuildReport report;
  BuildOptions options;
  options.jobs = jobs;
  Built out;
  options.progress = [&](const BuildProgress& p) { out.progress.push_back(p); };
  BuildGraph(inputs, options, Gazetteer::Builtin(), builder, report);
  out.bytes = SerializeBinaryGraph(graph);
  for (const Diagnostic& d : report.diagnostics) out.diagnostics.push_back(d.ToString());
  out.documents_read = report.documents_read;
  return out;
}

// A folder of invented documents: every test data folder's inputs plus files that fail (empty,
// binary, unknown format) and a schedule written twice under different names.
std::string MixedFolder() {
  const fs::path dir =
      fs::temp_directory_path() / ("cnkg_parallel_build_test_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  int n = 0;
  for (const char* sub : {"schedule", "article", "exports", "talk_list"}) {
    for (const auto& e : fs::directory_iterator(fs::path(CNKG_TEST_DATA_DIR) / sub)) {
      const std::string name = e.path().filename().string();
      if (!e.is_regular_file() || name.find(".expected") != std::string::npos) continue;
      char prefix[16];
      std::snprintf(prefix, sizeof prefix, "%03d-", n++);
      fs::copy_file(e.path(), dir / (prefix + name));
    }
  }
  std::ofstream(dir / "empty.txt").close();
  std::ofstream(dir / "binary.bin") << std::string("ab\0cd", 5);
  std::ofstream(dir / "notes.txt") << "Nothing to see here.\n";
  return dir.string();
}

}  // namespace

TEST_CASE("A build on several threads equals the one-thread build, byte for byte", "[parallel]") {
  const std::string folder = MixedFolder();
  const Built one = Build({folder}, 1);
  REQUIRE(one.documents_read > 20);
  REQUIRE(!one.diagnostics.empty());
  for (int jobs : {2, 3, 8, 0}) {
    INFO("jobs " << jobs);
    const Built many = Build({folder}, jobs);
    CHECK(many.documents_read == one.documents_read);
    CHECK(many.diagnostics == one.diagnostics);
    CHECK(many.bytes == one.bytes);
  }
  fs::remove_all(folder);
}

TEST_CASE("Files named directly keep their order and errors on any number of threads",
          "[parallel]") {
  const std::string folder = MixedFolder();
  std::vector<std::string> inputs;
  for (const auto& e : fs::directory_iterator(folder)) inputs.push_back(e.path().string());
  std::sort(inputs.begin(), inputs.end(), std::greater<>());  // not the folder's order
  inputs.push_back(folder + "/missing.txt");
  const Built one = Build(inputs, 1);
  const Built four = Build(inputs, 4);
  CHECK(four.diagnostics == one.diagnostics);
  CHECK(four.bytes == one.bytes);
  // The empty, binary, unknown and missing files are each reported.
  for (const char* bad : {"empty.txt", "binary.bin", "notes.txt", "missing.txt"}) {
    INFO(bad);
    CHECK(std::any_of(one.diagnostics.begin(), one.diagnostics.end(),
                      [&](const std::string& d) { return d.find(bad) != std::string::npos; }));
  }
  fs::remove_all(folder);
}

TEST_CASE("Progress is reported first with the totals, then after each document, in order",
          "[parallel]") {
  const std::string folder = MixedFolder();
  for (int jobs : {1, 3}) {
    const Built b = Build({folder}, jobs);
    REQUIRE(b.progress.size() > 1);
    CHECK(b.progress.front().documents_done == 0);
    CHECK(b.progress.front().bytes_done == 0);
    CHECK(b.progress.front().bytes_total == b.progress.back().bytes_total);
    for (std::size_t i = 0; i < b.progress.size(); ++i) {
      CHECK(b.progress[i].documents_done == i);
      CHECK(b.progress[i].documents_total == b.progress.size() - 1);
      if (i > 0) CHECK(b.progress[i].bytes_done >= b.progress[i - 1].bytes_done);
    }
    CHECK(b.progress.back().bytes_done == b.progress.back().bytes_total);
    CHECK(b.progress.back().bytes_total > 0);
  }
  fs::remove_all(folder);
}

TEST_CASE("FormatBuildProgress says documents, megabytes, speed and time", "[parallel]") {
  BuildProgress p;
  p.documents_done = 120;
  p.documents_total = 1000;
  p.bytes_done = 4'800'000;
  p.bytes_total = 40'000'000;
  CHECK(FormatBuildProgress(p, 2.0) ==
        "cnkg: 120 of 1000 documents, 4.8 of 40.0 MB, 2.4 MB/s, 2 s");
  p.documents_done = 0;
  p.documents_total = 1;
  p.bytes_done = 0;
  CHECK(FormatBuildProgress(p, 0) == "cnkg: 0 of 1 document, 0.0 of 40.0 MB, 0.0 MB/s, 0 s");
}

TEST_CASE("EffectiveJobs is the number given, or one per core", "[parallel]") {
  CHECK(EffectiveJobs(3) == 3);
  CHECK(EffectiveJobs(0) >= 1);
  CHECK(EffectiveJobs(-2) >= 1);
}
