#include "graph/resolve.h"

#include <catch2/catch.hpp>

using namespace cnkg;

TEST_CASE("Legal suffixes are dropped from organisation names") {
  CHECK(StripLegalSuffix("Red Hat, Inc.") == "Red Hat");
  CHECK(StripLegalSuffix("ConfigHub Inc") == "ConfigHub");
  CHECK(StripLegalSuffix("Initech Inc - USA") == "Initech");
  CHECK(StripLegalSuffix("Globex LLC") == "Globex");
  CHECK(StripLegalSuffix("Umbrella Holdings GmbH") == "Umbrella Holdings");
  CHECK(StripLegalSuffix("Inc.") == "Inc.");
  CHECK(StripLegalSuffix("Contoso") == "Contoso");
  CHECK(IsLegalSuffix("LLC"));
  CHECK(IsLegalSuffix("inc."));
  CHECK_FALSE(IsLegalSuffix("Labs"));
}

TEST_CASE("Canonical organisation names merge spellings") {
  CHECK(CanonicalOrganizationName("Google LLC") == "Google");
  CHECK(CanonicalOrganizationName("Amazon Web Services") == "AWS");
  CHECK(CanonicalOrganizationName("Acme Widgets, Inc.") == "Acme Widgets");
  CHECK(MakeKey(Label::kOrganization, "solo.io") == MakeKey(Label::kOrganization, "Solo.io"));
  CHECK(MakeKey(Label::kOrganization, "Red Hat, Inc.") == MakeKey(Label::kOrganization, "Red Hat"));
  CHECK(MakeKey(Label::kOrganization, "FABRIKAM HOLDINGS CORPORATION(FHC)") ==
        MakeKey(Label::kOrganization, "Fabrikam Holdings"));
}

TEST_CASE("Organisation aliases come from the raw form") {
  auto a = OrganizationAliases("FABRIKAM HOLDINGS CORPORATION(FHC)");
  CHECK(std::find(a.begin(), a.end(), "FHC") != a.end());
  CHECK(std::find(a.begin(), a.end(), "FABRIKAM HOLDINGS CORPORATION") != a.end());
  CHECK(OrganizationAliases("Contoso").empty());
}

TEST_CASE("Words that name no organisation") {
  for (const char* s : {"Independent", "independent", "she/her", "They/Them", "Self-employed", ""})
    CHECK(IsNonOrganization(s));
  for (const char* s : {"Contoso", "Herbal Labs", "Shell"}) CHECK_FALSE(IsNonOrganization(s));
}

TEST_CASE("Keys are prefix and slug") {
  CHECK(MakeKey(Label::kPerson, "Amélie Varenne") == "person:amelie-varenne");
  CHECK(MakeKey(Label::kProject, "Argo CD") == "project:argo-cd");
  CHECK(MakeKey(Label::kTalk, "Hello, World!") == "talk:hello-world");
  CHECK(MakeKey(Label::kDocument, "a.txt") == "doc:a-txt");
}

TEST_CASE("KubeCon editions have one canonical name") {
  const std::string eu = "KubeCon + CloudNativeCon Europe 2025";
  CHECK(CanonicalEventName("KubeCon + CloudNativeCon Europe 2025") == eu);
  CHECK(CanonicalEventName("KubeCon EU 2025") == eu);
  CHECK(CanonicalEventName("KubeCon London 2025") == eu);
  CHECK(CanonicalEventName("KubeCon London", 2025) == eu);
  CHECK_FALSE(CanonicalEventName("KubeCon London"));  // two London editions
  CHECK(CanonicalEventName("KubeCon Atlanta") == "KubeCon + CloudNativeCon North America 2025");
  CHECK(CanonicalEventName("kubecon na 2024") == "KubeCon + CloudNativeCon North America 2024");
  CHECK(CanonicalEventName("KubeCon Europe", 2026) == "KubeCon + CloudNativeCon Europe 2026");
  CHECK_FALSE(CanonicalEventName("KubeCon 2025"));
  CHECK_FALSE(CanonicalEventName("Harbour Cloud Summit 2026"));
  CHECK(MakeKey(Label::kEvent, "KubeCon EU 2025") == MakeKey(Label::kEvent, eu));
  auto aliases = EventAliases(eu);
  for (const char* a : {"KubeCon Europe 2025", "KubeCon EU 2025", "KubeCon London 2025"})
    CHECK(std::find(aliases.begin(), aliases.end(), a) != aliases.end());
  CHECK(EventAliases("Harbour Cloud Summit 2026").empty());
}

TEST_CASE("A known KubeCon edition has the UTC offset of its local time") {
  CHECK(EventUtcOffsetMinutes("KubeCon EU 2025") == 60);  // London in April: summer time
  CHECK(EventUtcOffsetMinutes("KubeCon + CloudNativeCon Europe 2024") == 60);  // Paris, March
  CHECK(EventUtcOffsetMinutes("KubeCon + CloudNativeCon Europe 2023") == 120);
  CHECK(EventUtcOffsetMinutes("KubeCon NA 2025") == -300);  // Atlanta after summer time
  CHECK(EventUtcOffsetMinutes("KubeCon India 2024") == 330);
  CHECK(EventUtcOffsetMinutes("KubeCon London", 2025) == 60);
  CHECK_FALSE(EventUtcOffsetMinutes("KubeCon London"));        // which London edition?
  CHECK_FALSE(EventUtcOffsetMinutes("KubeCon Europe", 2031));  // not in the table
  CHECK_FALSE(EventUtcOffsetMinutes("KCD Zurich 2025"));
  CHECK_FALSE(EventUtcOffsetMinutes(""));
}
