#ifndef CNKG_TESTS_UNIT_EXTRACT_GOLDEN_H_
#define CNKG_TESTS_UNIT_EXTRACT_GOLDEN_H_

// The loop that the reader golden tests share (article_golden_test.cc, schedule_golden_test.cc):
// every input document in a folder of tests/data is read, its graph summarised as JSON, and the
// summary compared with the document's <case>.expected.json. Run a test with CNKG_UPDATE_GOLDEN=1
// set to rewrite the expected files after a deliberate change (then review the diff).

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <variant>
#include <vector>

#include "common/files.h"
#include "common/status.h"
#include "extract/core/document.h"
#include "graph/batch.h"
#include "graph/builder.h"
#include "graph/knowledge_graph.h"

namespace cnkg::golden {

// The string property `key` of `p`, or "" when `p` has none. A present property must hold a
// string (a std::bad_variant_access otherwise fails the test).
inline std::string Str(const Properties& p, const std::string& key) {
  auto it = p.find(key);
  return it == p.end() ? "" : std::get<std::string>(it->second);
}

// The presenters of talk `v`, in edge order: {"name", "job_title", "orgs": [names]}.
inline nlohmann::json Presenters(const KnowledgeGraph& kg, KnowledgeGraph::Vertex v) {
  const auto& g = kg.graph();
  nlohmann::json speakers = nlohmann::json::array();
  for (auto e : boost::make_iterator_range(boost::in_edges(v, g))) {
    if (g[e].type != RelType::kPresents) continue;
    auto pv = boost::source(e, g);
    nlohmann::json s = {{"name", g[pv].name}, {"job_title", Str(g[e].properties, "job_title")}};
    nlohmann::json orgs = nlohmann::json::array();
    for (auto a : boost::make_iterator_range(boost::out_edges(pv, g)))
      if (g[a].type == RelType::kAffiliatedWith) orgs.push_back(g[boost::target(a, g)].name);
    s["orgs"] = orgs;
    speakers.push_back(s);
  }
  return speakers;
}

// The batch's diagnostics as printed, in order.
inline nlohmann::json DiagnosticStrings(const ExtractionBatch& batch) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& d : batch.diagnostics) out.push_back(d.ToString());
  return out;
}

// Runs one Catch2 SECTION, named by the file name, per file of CNKG_TEST_DATA_DIR/`subdir` that
// `is_input` accepts, in file-name order; call it from a TEST_CASE. Each document is named by its
// file name alone (so that evidence does not depend on the checkout's path), read with
// `extract`, which must succeed, added to an empty graph, and summarised with `summarise`; the
// summary must equal the JSON in the file of the same name with the extension
// ".expected.json". Both callbacks may use Catch2 assertions. Finally checks that there were at
// least `min_cases` inputs.
inline void RunGoldenFiles(
    const std::string& subdir, const std::function<bool(const std::filesystem::path&)>& is_input,
    const std::function<Result<ExtractionBatch>(const Document&)>& extract,
    const std::function<nlohmann::json(const KnowledgeGraph&, const ExtractionBatch&)>& summarise,
    int min_cases) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(CNKG_TEST_DATA_DIR) / subdir;
  const bool update = std::getenv("CNKG_UPDATE_GOLDEN") != nullptr;
  int cases = 0;
  std::vector<fs::path> inputs;
  for (const auto& e : fs::directory_iterator(dir))
    if (is_input(e.path())) inputs.push_back(e.path());
  std::sort(inputs.begin(), inputs.end());
  for (const fs::path& input : inputs) {
    SECTION(input.filename().string()) {
      auto bytes = ReadFile(input.string());
      REQUIRE(bytes.ok());
      auto doc = MakeDocument(input.filename().string(), *bytes);
      REQUIRE(doc.ok());
      auto batch = extract(*doc);
      REQUIRE(batch.ok());
      KnowledgeGraph kg;
      REQUIRE(AddBatch(*batch, kg).ok());
      nlohmann::json got = summarise(kg, *batch);
      fs::path expected_path = input;
      expected_path.replace_extension(".expected.json");
      if (update) {
        std::ofstream(expected_path) << got.dump(1) << "\n";
      }
      auto expected = ReadFile(expected_path.string());
      REQUIRE(expected.ok());
      INFO("golden file " << expected_path.string() << "; got:\n" << got.dump(1));
      CHECK(nlohmann::json::parse(*expected) == got);
    }
    ++cases;
  }
  CHECK(cases >= min_cases);
}

}  // namespace cnkg::golden

#endif  // CNKG_TESTS_UNIT_EXTRACT_GOLDEN_H_
