// Data-driven tests of the article reader: each tests/data/article/<case>.md or <case>.txt is read
// and the resulting graph summarised as JSON (event, talks with speakers, organisations and
// project mentions, the document's mentions, warnings), which must equal <case>.expected.json.
// Run with CNKG_UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change (then
// review the diff).

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "extract/core/document.h"
#include "extract/gazetteer/gazetteer.h"
#include "extract/reader.h"
#include "extract/readers/article.h"
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
  json events = json::array();
  json document_projects = json::array();
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const Node& n = g[v];
    if (n.label == Label::kEvent) {
      events.push_back({{"key", n.key}, {"name", n.name}, {"aliases", n.aliases}});
    }
    if (n.label == Label::kDocument) {
      for (auto e : boost::make_iterator_range(boost::out_edges(v, g)))
        if (g[e].type == RelType::kMentions)
          document_projects.push_back(g[boost::target(e, g)].name);
    }
    if (n.label != Label::kTalk) continue;
    json t = {{"key", n.key},
              {"title", n.name},
              {"aliases", n.aliases},
              {"url", Str(n.properties, "url")},
              {"line", n.evidence.empty() ? 0 : n.evidence.front().line}};
    // Times and rooms only where a talk has them, so that most cases stay short.
    for (const char* key : {"start", "end", "date"})
      if (!Str(n.properties, key).empty()) t[key] = Str(n.properties, key);
    json speakers = json::array(), projects = json::array();
    for (auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      const Node& target = g[boost::target(e, g)];
      switch (g[e].type) {
        case RelType::kPartOf:
          t["event"] = target.name;
          break;
        case RelType::kMentions:
          projects.push_back(target.name);
          break;
        case RelType::kHeldIn:
          t["room"] = target.name;
          break;
        default:
          break;
      }
    }
    for (auto e : boost::make_iterator_range(boost::in_edges(v, g))) {
      if (g[e].type != RelType::kPresents) continue;
      auto pv = boost::source(e, g);
      json s = {{"name", g[pv].name}, {"job_title", Str(g[e].properties, "job_title")}};
      json orgs = json::array();
      for (auto a : boost::make_iterator_range(boost::out_edges(pv, g))) {
        if (g[a].type != RelType::kAffiliatedWith) continue;
        const Node& o = g[boost::target(a, g)];
        orgs.push_back(
            {{"name", o.name}, {"aliases", o.aliases}, {"title", Str(g[a].properties, "title")}});
      }
      s["orgs"] = orgs;
      speakers.push_back(s);
    }
    std::sort(projects.begin(), projects.end());
    t["speakers"] = speakers;
    t["projects"] = projects;
    talks.push_back(t);
  }
  std::sort(talks.begin(), talks.end(),
            [](const json& a, const json& b) { return a["line"] < b["line"]; });
  std::sort(document_projects.begin(), document_projects.end());
  json warnings = json::array();
  for (const auto& d : batch.diagnostics) warnings.push_back(d.ToString());
  return {{"events", events},
          {"talks", talks},
          {"document_projects", document_projects},
          {"warnings", warnings}};
}

}  // namespace

TEST_CASE("Article golden files") {
  golden::RunGoldenFiles(
      "article",
      [](const fs::path& path) {
        if (path.filename().string().find(".expected.") != std::string::npos) return false;
        return path.extension() == ".txt" || path.extension() == ".md";
      },
      [](const Document& doc) {
        CHECK(DetectReader(doc) == FindReader("article"));
        return ExtractArticle(doc, Gazetteer::Builtin());
      },
      Summarise, 6);
}
