// Data-driven tests of the schedule-export readers (iCalendar, Sessionize, pretalx/frab, sched
// JSON): each tests/data/exports/<case>.ics, .json or .xml is read through format detection and
// the resulting graph summarised as JSON, which must equal <case>.expected.json. Run with
// CNKG_UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change (then review the
// diff).

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "extract/core/document.h"
#include "extract/gazetteer/gazetteer.h"
#include "extract/reader.h"
#include "golden.h"
#include "graph/builder.h"

using namespace cnkg;
using cnkg::golden::Str;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

json Summarise(const KnowledgeGraph& kg, const ExtractionBatch& batch) {
  const auto& g = kg.graph();
  json talks = json::array(), events = json::array();
  std::string format;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const Node& n = g[v];
    if (n.label == Label::kEvent) events.push_back(n.name);
    if (n.label == Label::kDocument) format = Str(n.properties, "format");
    if (n.label != Label::kTalk) continue;
    json t = {{"title", n.name},
              {"start", Str(n.properties, "start")},
              {"end", Str(n.properties, "end")}};
    for (const char* p : {"url", "type", "description"}) {
      std::string value = Str(n.properties, p);
      if (std::string_view(p) == "description" && value.size() > 60)
        value = value.substr(0, 60) + "...";
      if (!value.empty()) t[p] = value;
    }
    json projects = json::array();
    for (auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      const Node& target = g[boost::target(e, g)];
      switch (g[e].type) {
        case RelType::kHeldIn: {
          json room = {{"name", target.name}};
          for (const char* p : {"building", "level"})
            if (!Str(target.properties, p).empty()) room[p] = Str(target.properties, p);
          t["room"] = room;
          break;
        }
        case RelType::kInTrack:
          t["track"] = target.name;
          break;
        case RelType::kPartOf:
          t["event"] = target.name;
          break;
        case RelType::kMentions:
          projects.push_back(target.name);
          break;
        default:
          break;
      }
    }
    std::sort(projects.begin(), projects.end());
    t["speakers"] = golden::Presenters(kg, v);
    t["projects"] = projects;
    talks.push_back(t);
  }
  std::sort(talks.begin(), talks.end(), [](const json& a, const json& b) {
    return std::make_pair(a["start"], a["title"]) < std::make_pair(b["start"], b["title"]);
  });
  return {{"format", format}, {"events", events}, {"talks", talks}, {"warnings", golden::DiagnosticStrings(batch)}};
}

}  // namespace

TEST_CASE("Schedule export golden files") {
  golden::RunGoldenFiles(
      "exports",
      [](const fs::path& path) {
        const std::string ext = path.extension().string();
        const std::string name = path.filename().string();
        return (ext == ".ics" || ext == ".xml" || ext == ".json") &&
               name.find(".expected.") == std::string::npos;
      },
      [](const Document& doc) { return ExtractDocument(doc, nullptr, Gazetteer::Builtin()); },
      Summarise, 2);
}
