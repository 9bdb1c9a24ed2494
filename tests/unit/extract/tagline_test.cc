// Speaker taglines (grammar/tagline.h). Invented people and companies.

#include "extract/grammar/tagline.h"

#include <catch2/catch.hpp>

using namespace cnkg;

namespace {

std::string Show(std::string_view tagline, std::string_view own_name = {}) {
  Tagline t = ParseTagline(tagline, own_name);
  return "[" + t.job_title + "] (" + t.organization + ")";
}

}  // namespace

TEST_CASE("Taglines that name a company") {
  CHECK(Show("Platform Engineer at Initech") == "[Platform Engineer] (Initech)");
  CHECK(Show("Staff SRE @ Globex Labs") == "[Staff SRE] (Globex Labs)");
  CHECK(Show("Chief grumbler @hooli") == "[Chief grumbler] (hooli)");
  CHECK(Show("Head of Platform, Umbrella Systems") == "[Head of Platform] (Umbrella Systems)");
  CHECK(Show("Vandelay Industries, Senior Engineer") == "[Senior Engineer] (Vandelay Industries)");
  CHECK(Show("Principal Engineer - Stark Logistics") == "[Principal Engineer] (Stark Logistics)");
  CHECK(Show("Initrode - Lead Tinkerer") == "[Lead Tinkerer] (Initrode)");
  CHECK(Show("Staff Engineer, Runtime - Contoso") == "[Staff Engineer, Runtime] (Contoso)");
  CHECK(Show("Massive Dynamic") == "[] (Massive Dynamic)");
  CHECK(Show("Ana Silva, CTO @ kestrel.io", "Ana Silva") == "[CTO] (kestrel.io)");
}

TEST_CASE("Taglines that name no company") {
  CHECK(Show("Developer Advocate") == "[Developer Advocate] ()");
  CHECK(Show("Envoy maintainer") == "[Envoy maintainer] ()");
  CHECK(Show("Director of Sales - EMEA") == "[Director of Sales - EMEA] ()");
  CHECK(Show("Always learning") == "[] ()");
  CHECK(Show("Bo builds platforms for a living. He also bakes bread on weekends.") == "[] ()");
  CHECK(Show("") == "[] ()");
  CHECK(ParseTagline("Platform Engineer, CKA").organization.empty());
  CHECK(ParseTagline("SRE, CNCF Ambassador").organization.empty());
}
