#include "extract/core/alias_file.h"

#include <catch2/catch.hpp>

using namespace cnkg;

TEST_CASE("Alias files map variants and forbid pairs") {
  auto r = ParseAliasFile(R"(
Organization:
  Google:
    - Google Cloud
    - Alphabet
Person:
  Katie Example: Katie E
forbid:
  Organization:
    - [Gen, Gen Digital]
)",
                          "a.yml");
  REQUIRE(r.ok());
  CHECK(r->CanonicalFor(Label::kOrganization, "google cloud") == "Google");
  CHECK(r->CanonicalFor(Label::kOrganization, "Google") == "Google");
  CHECK(r->CanonicalFor(Label::kPerson, "Katie E") == "Katie Example");
  CHECK_FALSE(r->CanonicalFor(Label::kProject, "Google"));
  CHECK(r->Forbids(Label::kOrganization, "gen digital", "GEN"));
  CHECK(ParseAliasFile("", "empty.yml").ok());
}

TEST_CASE("Alias file errors name file, line and column") {
  auto msg = [](const char* text) {
    auto r = ParseAliasFile(text, "a.yml");
    REQUIRE_FALSE(r.ok());
    return r.status().message();
  };
  CHECK(msg("Organization: [unclosed\n").rfind("a.yml:2:1: invalid YAML: ", 0) == 0);
  CHECK(msg("Planet:\n  Earth: [Terra]\n") ==
        "a.yml:1:1: unknown label 'Planet' (known: Event, Talk, Person, Organization, Project, "
        "Room, Track, Document, Category, forbid)");
  CHECK(msg("- a\n- b\n") == "a.yml:1:1: an alias file maps node labels to canonical names");
  CHECK(msg("Person:\n  - Ada\n") ==
        "a.yml:2:3: 'Person' maps canonical names to lists of variants");
  CHECK(msg("forbid:\n  Person:\n    - [a, b, c]\n") ==
        "a.yml:3:7: expected a pair of names such as [Gen, Gen Digital]");
  auto missing = ReadAliasFile("/nonexistent/aliases.yml");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message() == "/nonexistent/aliases.yml: no such file");
}
