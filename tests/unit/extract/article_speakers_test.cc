// The heading-speakers grammar of articles: every form in article_speakers.h, table-driven.
// All names, titles and organisations are invented.

#include "extract/grammar/article_speakers.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace cnkg;

namespace {

struct Expected {
  std::string name, job_title, organization;
  std::vector<std::string> aliases;
};

void CheckSpeakers(const std::vector<HeadingSpeaker>& got, const std::vector<Expected>& want) {
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    INFO("speaker " << i);
    CHECK(got[i].name == want[i].name);
    CHECK(got[i].job_title == want[i].job_title);
    CHECK(got[i].organization == want[i].organization);
    CHECK(got[i].organization_aliases == want[i].aliases);
  }
}

}  // namespace

TEST_CASE("SplitTalkHeading reads every heading form") {
  struct Case {
    std::string line, title;
    std::vector<Expected> speakers;
  };
  const std::vector<Case> cases = {
      {"Caching at the Edge - Ana Silva, Initech & Bo Li, Globex",
       "Caching at the Edge",
       {{"Ana Silva", "", "Initech", {}}, {"Bo Li", "", "Globex", {}}}},
      // Two people sharing one organisation.
      {"Caching at the Edge - Ana Silva & Bo Li, Initech",
       "Caching at the Edge",
       {{"Ana Silva", "", "Initech", {}}, {"Bo Li", "", "Initech", {}}}},
      // Job titles with commas and '&'; people separated by ';'.
      {"Keynote: The Road Ahead - Ana Silva, VP, Research & Development, Initech; Bo Li, CTO, "
       "EMEA, Globex",
       "Keynote: The Road Ahead",
       {{"Ana Silva", "VP, Research & Development", "Initech", {}},
        {"Bo Li", "CTO, EMEA", "Globex", {}}}},
      // A job title ending in "& Fellow" is not a second person.
      {"Quiet Schedulers - Cy Young, Staff Engineer & Fellow, Example Foundation",
       "Quiet Schedulers",
       {{"Cy Young", "Staff Engineer & Fellow", "Example Foundation", {}}}},
      // '&' between two people who each have a title and an organisation.
      {"Keynote: Less Toil - Ana Silva, Platform Team Lead, Initech & Bo Li, Solutions Architect, "
       "Initech",
       "Keynote: Less Toil",
       {{"Ana Silva", "Platform Team Lead", "Initech", {}},
        {"Bo Li", "Solutions Architect", "Initech", {}}}},
      // Titles with dashes: the split is at the dash after which names follow.
      {"Pods in the Wild \xE2\x80\x93 Notes From the Field - Ana Silva & Bo Li, Initech",
       "Pods in the Wild \xE2\x80\x93 Notes From the Field",
       {{"Ana Silva", "", "Initech", {}}, {"Bo Li", "", "Initech", {}}}},
      {"Dashboards - Now With Fewer Clicks! - Ana Silva, Senior SDE, Tech Lead, Initech",
       "Dashboards - Now With Fewer Clicks!",
       {{"Ana Silva", "Senior SDE, Tech Lead", "Initech", {}}}},
      // Organisations with a dash or a former name.
      {"Roadmaps for Platform Teams - Ana de Souza, ACME - Acme Bank & Bo Li, Globex",
       "Roadmaps for Platform Teams",
       {{"Ana de Souza", "", "ACME", {"Acme Bank", "ACME - Acme Bank"}},
        {"Bo Li", "", "Globex", {}}}},
      {"Learning by Breaking - Ana Silva, Globex (formerly Initrode) & Bo Li, Initech",
       "Learning by Breaking",
       {{"Ana Silva", "", "Globex", {"Initrode"}}, {"Bo Li", "", "Initech", {}}}},
      // "Title at Organisation" in one part; a legal suffix after a comma.
      {"Faster Builds - Ana Silva, Staff Engineer at Initech",
       "Faster Builds",
       {{"Ana Silva", "Staff Engineer", "Initech", {}}}},
      {"Faster Builds - Ana Silva, Globex, Inc.",
       "Faster Builds",
       {{"Ana Silva", "", "Globex, Inc.", {}}}},
      // No organisation: only a job title, or "Independent".
      {"Faster Builds - Ana Silva, Staff Engineer",
       "Faster Builds",
       {{"Ana Silva", "Staff Engineer", "", {}}}},
      {"Faster Builds - Ana Silva, Independent", "Faster Builds", {{"Ana Silva", "", "", {}}}},
      // The schedule form with parentheses.
      {"Faster Builds - Ana Silva (Initech) & Bo Li (Staff Engineer, Globex)",
       "Faster Builds",
       {{"Ana Silva", "", "Initech", {}}, {"Bo Li", "Staff Engineer", "Globex", {}}}},
      // Accented names and particles.
      {"Faster Builds - Zoë van der Berg, Initech",
       "Faster Builds",
       {{"Zoë van der Berg", "", "Initech", {}}}},
      // Five people, '?' ending the title.
      {"Is This Thing On? - Ana Silva, Initech; Bo Li, Globex; Cy Young, Initrode; Di Chen, "
       "Example Corp; Ed Park, Sample.io",
       "Is This Thing On?",
       {{"Ana Silva", "", "Initech", {}},
        {"Bo Li", "", "Globex", {}},
        {"Cy Young", "", "Initrode", {}},
        {"Di Chen", "", "Example Corp", {}},
        {"Ed Park", "", "Sample.io", {}}}},
      // Speakers in a closing group.
      {"Faster Builds (Ana Silva, Initech & Bo Li, Globex)",
       "Faster Builds",
       {{"Ana Silva", "", "Initech", {}}, {"Bo Li", "", "Globex", {}}}},
      {"Kubernetes at Scale (Part 2) - Ana Silva, Initech",
       "Kubernetes at Scale (Part 2)",
       {{"Ana Silva", "", "Initech", {}}}},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    auto got = SplitTalkHeading(c.line);
    REQUIRE(got.has_value());
    CHECK(got->title == c.title);
    CheckSpeakers(got->speakers, c.speakers);
  }
}

TEST_CASE("SplitTalkHeading refuses lines without speakers") {
  const std::vector<std::string> lines = {
      "Keynote: Closing Remarks",
      "Day 1 - KubeCon",
      "Day 0 - Co-located Events",
      "Observability - The Good Parts",
      "Observability - Done Right",
      "Our booth - the blue one near the stairs - was busy.",
      "This - in our view - is not acceptable",
      "- 12-14 May 2027 -> Some City",
      "NAME - READY STATUS",
      "",
      " - Ana Silva, Initech",  // no title before the dash
      "Kubernetes at Scale (Part 2)",
      "Open Policy Agent (OPA)",
      "(Ana Silva, Initech)",
  };
  for (const std::string& l : lines) {
    INFO(l);
    CHECK_FALSE(SplitTalkHeading(l).has_value());
  }
}

TEST_CASE("ParseHeadingSpeakers needs plausible names") {
  CHECK(ParseHeadingSpeakers("Ana Silva, Initech").has_value());
  CHECK_FALSE(ParseHeadingSpeakers("The Good Parts").has_value());
  CHECK_FALSE(ParseHeadingSpeakers("Ana Silva, Initech & the rest of the team").has_value());
  CHECK_FALSE(ParseHeadingSpeakers("Cloud Native Summits").has_value());
  CHECK_FALSE(ParseHeadingSpeakers("NAME STATUS").has_value());
  CHECK_FALSE(ParseHeadingSpeakers("").has_value());
}

TEST_CASE("Person-name and job-title shapes") {
  CHECK(LooksLikeArticlePersonName("Ana Silva"));
  CHECK(LooksLikeArticlePersonName("Jean-Luc O'Neill"));
  CHECK(LooksLikeArticlePersonName("J. R. Smith"));
  CHECK_FALSE(LooksLikeArticlePersonName("Ana"));
  CHECK_FALSE(LooksLikeArticlePersonName("Senior Engineer"));
  CHECK_FALSE(LooksLikeArticlePersonName("Cloud Native"));
  CHECK_FALSE(LooksLikeArticlePersonName("Ana Silva2"));
  CHECK(LooksLikeArticleJobTitle("Staff Engineer"));
  CHECK(LooksLikeArticleJobTitle("Head of Platform"));
  CHECK(LooksLikeArticleJobTitle("Founder & CEO"));
  CHECK_FALSE(LooksLikeArticleJobTitle("Initech"));
}

TEST_CASE("A very long line is never split") {
  std::string line = "Title - Ana Silva, " + std::string(1000, 'x');
  CHECK_FALSE(SplitTalkHeading(line).has_value());
}

TEST_CASE("A team at a firm: the team joins the job title, the firm is the organisation") {
  auto s = ParseHeadingSpeakers(
      "Mia Park, Staff Engineer, Storage Platform team at Initech; Leo Brandt, Globex");
  REQUIRE(s);
  REQUIRE(s->size() == 2);
  CHECK((*s)[0].name == "Mia Park");
  CHECK((*s)[0].organization == "Initech");
  CHECK((*s)[0].job_title == "Staff Engineer, Storage Platform team");
  CHECK((*s)[1].organization == "Globex");
  auto lab = ParseHeadingSpeakers("Ana Silva, Research Lab at Globex");
  REQUIRE(lab);
  CHECK((*lab)[0].organization == "Globex");
  CHECK((*lab)[0].job_title == "Research Lab");
}

TEST_CASE("'Job at Org' and 'Area at Org' after a name give the organisation") {
  auto s = ParseHeadingSpeakers(
      "Tove Berg, CTO at Lindholm Freight & Arjun Rao, VP Engineering at Kestrel");
  REQUIRE(s);
  CheckSpeakers(*s, {{"Tove Berg", "CTO", "Lindholm Freight", {}},
                     {"Arjun Rao", "VP Engineering", "Kestrel", {}}});
  auto t = ParseHeadingSpeakers("Mei Tan, Staff Engineer, Developer Platform at Quayside Bank");
  REQUIRE(t);
  CheckSpeakers(*t, {{"Mei Tan", "Staff Engineer, Developer Platform", "Quayside Bank", {}}});
}
