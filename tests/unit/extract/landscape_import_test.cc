#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "extract/core/document.h"
#include "extract/reader.h"
#include "extract/gazetteer/gazetteer.h"
#include "extract/readers/landscape_import.h"
#include "graph/builder.h"
#include "graph/knowledge_graph.h"

using namespace cnkg;

namespace {

// Invented member entries; each crunchbase slug exercises one case of the alias rule.
constexpr const char* kMembers = R"(landscape:
  - category:
    name: CNCF Members
    subcategories:
      - subcategory:
        name: Silver
        items:
          - item:
            name: Wombat Works (member)
            homepage_url: https://wombat.example
            crunchbase: https://www.crunchbase.com/organization/marsupial-systems
          - item:
            name: Numbat (member)
            homepage_url: https://numbat.example
            crunchbase: https://www.crunchbase.com/organization/numbat-software
          - item:
            name: Quoll (member)
            homepage_url: https://quoll.example
            crunchbase: https://www.crunchbase.com/organization/quoll-9f3a
          - item:
            name: Bilby (member)
            homepage_url: https://bilby.example
            crunchbase: https://www.crunchbase.com/organization/bilby-2
          - item:
            name: Dingo Cloud (member)
            homepage_url: https://cloud.dingo.example
            crunchbase: https://www.crunchbase.com/organization/dingo
          - item:
            name: Emu, Inc. (member)
            homepage_url: https://emu.example
            crunchbase: https://www.crunchbase.com/organization/emu-inc
)";

const EntityRecord& Entity(const ExtractionBatch& batch, const std::string& key) {
  auto it = std::find_if(batch.entities.begin(), batch.entities.end(),
                         [&](const EntityRecord& e) { return e.key == key; });
  REQUIRE(it != batch.entities.end());
  return *it;
}

bool HasAlias(const EntityRecord& e, const std::string& alias) {
  return std::find(e.aliases.begin(), e.aliases.end(), alias) != e.aliases.end();
}

ExtractionBatch Import(const char* yaml) {
  Result<Document> doc = MakeDocument("members.yml", yaml);
  REQUIRE(doc.ok());
  Result<ExtractionBatch> batch = ExtractLandscape(*doc, Gazetteer::Builtin());
  REQUIRE(batch.ok());
  return *batch;
}

}  // namespace

TEST_CASE("A member's crunchbase name becomes an organisation alias") {
  ExtractionBatch batch = Import(kMembers);
  // A former or longer company name.
  CHECK(HasAlias(Entity(batch, "org:wombat-works"), "Marsupial Systems"));
  CHECK(HasAlias(Entity(batch, "org:numbat"), "Numbat Software"));
}

TEST_CASE("Crunchbase slugs with a disambiguation suffix give no alias") {
  ExtractionBatch batch = Import(kMembers);
  CHECK(Entity(batch, "org:quoll").aliases.empty());
  CHECK(Entity(batch, "org:bilby").aliases.empty());
}

TEST_CASE("A crunchbase name that is part of the member's name is its parent, no alias") {
  ExtractionBatch batch = Import(kMembers);
  CHECK_FALSE(HasAlias(Entity(batch, "org:dingo-cloud"), "Dingo"));
}

TEST_CASE("A crunchbase name equal to the member's name without its legal suffix adds nothing") {
  ExtractionBatch batch = Import(kMembers);
  const EntityRecord& emu = Entity(batch, "org:emu");
  CHECK(emu.name == "Emu");
  CHECK(emu.aliases == std::vector<std::string>{"Emu, Inc."});
}

TEST_CASE("A speaker's affiliation written as a crunchbase name joins the landscape member") {
  KnowledgeGraph graph;
  GraphBuilder builder(graph);
  REQUIRE(builder.Add(Import(kMembers)).ok());
  Result<Document> schedule = MakeDocument(
      "day1.txt",
      "Wallaby Days 2026#\nTuesday, March 24, 2026#\nScheduling at Scale#\n"
      "Time: 9:00am CET - 9:30am CET\nSpeakers: Ada Lovelace (Engineer, Marsupial Systems)\n");
  REQUIRE(schedule.ok());
  Result<ExtractionBatch> talks =
      ExtractDocument(*schedule, nullptr, Gazetteer::Builtin());
  REQUIRE(talks.ok());
  REQUIRE(builder.Add(*talks).ok());
  CHECK(graph.Find("org:wombat-works").has_value());
  CHECK_FALSE(graph.Find("org:marsupial-systems").has_value());
}
