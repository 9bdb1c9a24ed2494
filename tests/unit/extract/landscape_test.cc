#include "extract/gazetteer/landscape.h"

#include <catch2/catch.hpp>
#include <string>

using namespace cnkg;

namespace {

// An invented landscape in the landscape2 data.yml layout.
constexpr const char* kYaml = R"(# comment
landscape:
  - category:
    name: Orchestration
    subcategories:
      - subcategory:
        name: Scheduling
        items:
          - item:
            name: Quokka Scheduler (QS)
            homepage_url: https://quokka.example/
            project: sandbox
            repo_url: https://github.com/quokka/scheduler
            crunchbase: https://www.crunchbase.com/organization/cloud-native-computing-foundation
            description: >-
              Schedules   batch jobs
              fairly.
            second_path:
              - "Wasm / Orchestration & Management"
            extra:
              accepted: '2024-01-02'
          - item:
            name: Quokka Lite
            homepage_url: https://lite.example/
            organization:
              name: quokka-labs
            extra:
              parent_project: Quokka Scheduler
      - subcategory:
        name: Empty
        items:
  - category:
    name: Special
    subcategories:
      - subcategory:
        name: Kubernetes Certified Service Provider
        items:
          - item:
            name: Acme Consulting (KCSP)
            homepage_url: https://acme.example/
            crunchbase: https://www.crunchbase.com/organization/acme-consulting
)";

LandscapeItem Item(std::string name, std::string category = "Orchestration",
                   std::string subcategory = "Scheduling") {
  LandscapeItem item;
  item.name = std::move(name);
  item.category = std::move(category);
  item.subcategory = std::move(subcategory);
  return item;
}

}  // namespace

TEST_CASE("Landscape items are read with their listing and facts") {
  Result<std::vector<LandscapeItem>> r = ParseLandscape(kYaml, "landscape.yml");
  REQUIRE(r.ok());
  REQUIRE(r->size() == 3);
  const LandscapeItem& q = (*r)[0];
  CHECK(q.name == "Quokka Scheduler (QS)");
  CHECK(q.category == "Orchestration");
  CHECK(q.subcategory == "Scheduling");
  CHECK(q.project == "sandbox");
  CHECK(q.homepage_url == "https://quokka.example/");
  CHECK(q.repo_url == "https://github.com/quokka/scheduler");
  CHECK(q.description == "Schedules batch jobs fairly.");
  CHECK(q.second_paths == std::vector<std::string>{"Wasm / Orchestration & Management"});
  CHECK(q.accepted == "2024-01-02");
  CHECK(q.line == 10);
  CHECK_FALSE(q.allow_duplicate_repo);
  const LandscapeItem& lite = (*r)[1];
  CHECK(lite.project.empty());
  CHECK(lite.organization == "quokka-labs");
  CHECK(lite.parent_project == "Quokka Scheduler");
  CHECK(lite.repo_url.empty());
  CHECK((*r)[2].category == "Special");
  CHECK((*r)[2].subcategory == "Kubernetes Certified Service Provider");
}

TEST_CASE("Landscape errors are Status values naming the place") {
  auto error = [](const char* yaml) {
    Result<std::vector<LandscapeItem>> r = ParseLandscape(yaml, "l.yml");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == StatusCode::kParseError);
    return r.status().message();
  };
  CHECK(error("other: 1\n") == "l.yml: no 'landscape' list at the top level");
  CHECK(error("landscape:\n  - category:\n    name: A\n    subcategories: 3\n") ==
        "l.yml:4:20: 'subcategories' of 'A' is not a list");
  CHECK(ParseLandscape("landscape: []\n", "l.yml").ok());
  Result<std::vector<LandscapeItem>> missing = ReadLandscape("/nonexistent/landscape.yml");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == StatusCode::kNotFound);
}

TEST_CASE("Landscape YAML errors give the line and the column") {
  // An unclosed flow sequence: the error is where the parser gave up.
  Result<std::vector<LandscapeItem>> r = ParseLandscape("landscape: [unclosed\n", "l.yml");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == StatusCode::kParseError);
  CHECK(r.status().message().rfind("l.yml:2:1: invalid YAML: ", 0) == 0);
  // A stray closing bracket in the middle of the fourth line.
  r = ParseLandscape("landscape:\n  - category:\n    name: A\n    x: ]\n", "l.yml");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() == "l.yml:4:8: invalid YAML: illegal flow end");
}

TEST_CASE("Landscape items without a name are skipped with a warning naming the line") {
  constexpr const char* kNameless =
      "landscape:\n"
      "  - category:\n"
      "    name: A\n"
      "    subcategories:\n"
      "      - subcategory:\n"
      "        name: B\n"
      "        items:\n"
      "          - item:\n"
      "            homepage_url: https://nameless.example/\n"
      "          - item:\n"
      "            name: Wombat\n";
  std::vector<Diagnostic> warnings;
  Result<std::vector<LandscapeItem>> r = ParseLandscape(kNameless, "l.yml", &warnings);
  REQUIRE(r.ok());
  REQUIRE(r->size() == 1);
  CHECK((*r)[0].name == "Wombat");
  CHECK((*r)[0].line == 11);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].ToString() == "l.yml:8:13: warning: an item of 'B' has no name; skipped");
  // The two-argument form still reads the file; the warning is not reported.
  Result<std::vector<LandscapeItem>> quiet = ParseLandscape(kNameless, "l.yml");
  REQUIRE(quiet.ok());
  CHECK(quiet->size() == 1);
}

TEST_CASE("A landscape category without a name is skipped with its items, with a warning") {
  constexpr const char* kNameless =
      "landscape:\n"
      "  - category:\n"
      "    title: not a name\n"
      "    subcategories:\n"
      "      - subcategory:\n"
      "        name: Orphans\n"
      "        items:\n"
      "          - item:\n"
      "            name: Lost\n"
      "  - category:\n"
      "    name: Kept\n"
      "    subcategories:\n"
      "      - subcategory:\n"
      "        name: Inner\n"
      "        items:\n"
      "          - item:\n"
      "            name: Found\n";
  std::vector<Diagnostic> warnings;
  std::vector<LandscapeCategory> categories;
  auto r = ParseLandscape(kNameless, "l.yml", &warnings, &categories);
  REQUIRE(r.ok());
  REQUIRE(r->size() == 1);
  CHECK((*r)[0].name == "Found");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].ToString() ==
        "l.yml:2:5: warning: a category has no name; skipped with its items");
  REQUIRE(categories.size() == 2);
  CHECK(categories[0].category == "Kept");
  CHECK(categories[1].subcategory == "Inner");
}

TEST_CASE("Landscape fields the reader does not know are ignored") {
  constexpr const char* kUnknown =
      "landscape:\n"
      "  - category:\n"
      "    name: A\n"
      "    colour: teal\n"
      "    subcategories:\n"
      "      - subcategory:\n"
      "        name: B\n"
      "        items:\n"
      "          - item:\n"
      "            name: Wombat\n"
      "            mascot: {kind: marsupial, legs: 4}\n"
      "            twitter: https://example.org/wombat\n"
      "            extra:\n"
      "              annual_review_date: 2024-05-06\n"
      "              accepted: '2023-01-02'\n";
  std::vector<Diagnostic> warnings;
  Result<std::vector<LandscapeItem>> r = ParseLandscape(kUnknown, "l.yml", &warnings);
  REQUIRE(r.ok());
  REQUIRE(r->size() == 1);
  CHECK((*r)[0].name == "Wombat");
  CHECK((*r)[0].accepted == "2023-01-02");
  CHECK(warnings.empty());
}

TEST_CASE("Crunchbase organisation slugs") {
  CHECK(CrunchbaseOrganization("https://www.crunchbase.com/organization/red-hat") == "red-hat");
  CHECK(CrunchbaseOrganization("https://crunchbase.com/organization/acme/") == "acme");
  CHECK(CrunchbaseOrganization("https://example.com/organization/acme").empty());
  CHECK(CrunchbaseOrganization("").empty());
}

TEST_CASE("Landscape names split into name, abbreviation and annotation") {
  ItemName n = SplitItemName(Item("Open Policy Agent (OPA)"));
  CHECK(n.base == "Open Policy Agent");
  CHECK(n.abbreviation == "OPA");
  CHECK(n.annotation.empty());

  n = SplitItemName(Item("Envoy (Wasm)", "Wasm", "Runtimes"));
  CHECK(n.base == "Envoy");
  CHECK(n.abbreviation.empty());
  CHECK(n.annotation == "Wasm");

  n = SplitItemName(Item("Acme (KCSP)", "Special", "Kubernetes Certified Service Provider"));
  CHECK(n.base == "Acme");
  CHECK(n.annotation == "KCSP");

  n = SplitItemName(
      Item("Acme (KCNTP)", "Special", "Kubernetes and Cloud Native Training Partner"));
  CHECK(n.annotation == "KCNTP");

  n = SplitItemName(Item("Acme (member)", "CNCF Members", "Gold"));
  CHECK(n.base == "Acme");
  CHECK(n.annotation == "member");

  n = SplitItemName(Item("Azure Kubernetes Service (AKS) (Wasm)", "Wasm", "Hosted Platforms"));
  CHECK(n.base == "Azure Kubernetes Service");
  CHECK(n.abbreviation == "AKS");
  CHECK(n.annotation == "Wasm");

  n = SplitItemName(Item("Logging Operator (Kube Logging)"));
  CHECK(n.base == "Logging Operator");
  CHECK(n.abbreviation == "Kube Logging");

  n = SplitItemName(Item("  Plain   Name "));
  CHECK(n.base == "Plain Name");
  CHECK(n.abbreviation.empty());

  CHECK(SplitItemName(Item("(Odd)")).base == "(Odd)");
}
