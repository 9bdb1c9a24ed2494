// Data-driven tests of the schedule reader: each tests/data/schedule/<case>.txt is read and the
// resulting graph summarised as JSON, which must equal <case>.expected.json. Run with
// CNKG_UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change (then review the
// diff).

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "extract/core/document.h"
#include "extract/gazetteer/gazetteer.h"
#include "extract/readers/schedule_text.h"
#include "golden.h"
#include "graph/builder.h"

using namespace cnkg;
using cnkg::golden::Str;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

json Summarise(const KnowledgeGraph& kg, const ExtractionBatch& batch) {
  const auto& g = kg.graph();
  json talks = json::array();
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const Node& n = g[v];
    if (n.label != Label::kTalk) continue;
    json t = {{"key", n.key}, {"title", n.name}, {"aliases", n.aliases},
              {"start", Str(n.properties, "start")}, {"end", Str(n.properties, "end")}};
    json projects = json::array();
    for (auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      const Node& target = g[boost::target(e, g)];
      switch (g[e].type) {
        case RelType::kHeldIn: t["room"] = target.name; break;
        case RelType::kInTrack: t["track"] = target.name; break;
        case RelType::kPartOf: t["event"] = target.name; break;
        case RelType::kMentions: projects.push_back(target.name); break;
        default: break;
      }
    }
    std::sort(projects.begin(), projects.end());
    t["speakers"] = golden::Presenters(kg, v);
    t["projects"] = projects;
    talks.push_back(t);
  }
  return {{"talks", talks}, {"warnings", golden::DiagnosticStrings(batch)}};
}

}  // namespace

TEST_CASE("Schedule golden files") {
  golden::RunGoldenFiles(
      "schedule", [](const fs::path& path) { return path.extension() == ".txt"; },
      [](const Document& doc) { return ExtractScheduleText(doc, Gazetteer::Builtin()); }, Summarise,
      4);
}

TEST_CASE("A document without sessions is an error naming the file") {
  auto doc = MakeDocument("notes.txt", "Just some prose.\nNothing scheduled here.\n");
  REQUIRE(doc.ok());
  CHECK_FALSE(RecogniseScheduleText(*doc) > 0);
  auto r = ExtractScheduleText(*doc, Gazetteer::Builtin());
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() ==
        "notes.txt: no sessions found (a schedule has 'Title#' lines followed by 'Time:', "
        "'Speakers:', 'Venue:', 'Type:' or 'Description:' lines)");
}
