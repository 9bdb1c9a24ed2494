#include "extract/grammar/speakers.h"

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

namespace cnkg {
namespace {

// Every fixture below is invented; people and organisations are fictional.

struct Expected {
  std::string name;
  std::string title;
  std::string org;
};

struct Case {
  Case(const char* r, std::string l, std::vector<Expected> s, std::string c = "")
      : rule(r), line(std::move(l)), speakers(std::move(s)), continuation(std::move(c)) {}
  const char* rule;
  std::string line;
  std::vector<Expected> speakers;
  std::string continuation;
};

void Check(const Case& c) {
  INFO(c.rule << ": " << c.line);
  SpeakersLine got = ParseSpeakersLine(c.line);
  CHECK(got.title_continuation == c.continuation);
  REQUIRE(got.speakers.size() == c.speakers.size());
  for (std::size_t i = 0; i < c.speakers.size(); ++i) {
    INFO("speaker " << i);
    CHECK(got.speakers[i].name == c.speakers[i].name);
    CHECK(got.speakers[i].job_title == c.speakers[i].title);
    CHECK(got.speakers[i].organization == c.speakers[i].org);
  }
}

TEST_CASE("ParseSpeakersLine reads name, title and organisation", "[speakers]") {
  const std::vector<Case> cases = {
      {"1 basic",
       "Ada Lovelace (Staff Engineer, Acme Corp)",
       {{"Ada Lovelace", "Staff Engineer", "Acme Corp"}}},
      {"1 several",
       " Ada Lovelace (Staff Engineer, Acme Corp); Bo Li (Product Manager, Initech)",
       {{"Ada Lovelace", "Staff Engineer", "Acme Corp"}, {"Bo Li", "Product Manager", "Initech"}}},
      {"2 comma title",
       "Jo Park (VP, Engineering, Initech)",
       {{"Jo Park", "VP, Engineering", "Initech"}}},
      {"2 comma title and legal suffix",
       "Jo Park (Director of Engineering, Storage, Globex, Inc.)",
       {{"Jo Park", "Director of Engineering, Storage", "Globex, Inc."}}},
      {"2 three-part title",
       "Mia Chen (Cloud Ambassador, Co-Organizer, Meetup Circle, Contoso)",
       {{"Mia Chen", "Cloud Ambassador, Co-Organizer, Meetup Circle", "Contoso"}}},
      {"2 legal suffix LLC",
       "Jo Park (Founder, Bright Ideas, LLC)",
       {{"Jo Park", "Founder", "Bright Ideas, LLC"}}},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("ParseSpeakersLine shares one group between several names", "[speakers]") {
  const std::vector<Case> cases = {
      {"3 two names",
       "Ana Silva & Bo Li (Software Engineer, Contoso)",
       {{"Ana Silva", "Software Engineer", "Contoso"}, {"Bo Li", "Software Engineer", "Contoso"}}},
      {"3 long and accented names",
       "Zoë Maria van der Berg & João Pedro da Costa (Site Reliability Engineer, Fabrikam)",
       {{"Zoë Maria van der Berg", "Site Reliability Engineer", "Fabrikam"},
        {"João Pedro da Costa", "Site Reliability Engineer", "Fabrikam"}}},
      {"3 curly apostrophe",
       "Marie D\u2019Arcy & Sean O'Dowd (Professor, Northwind)",
       {{"Marie D\u2019Arcy", "Professor", "Northwind"},
        {"Sean O'Dowd", "Professor", "Northwind"}}},
      {"3 student title",
       "Ana Silva & Bo Li (Student, Tailspin University)",
       {{"Ana Silva", "Student", "Tailspin University"},
        {"Bo Li", "Student", "Tailspin University"}}},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("ParseSpeakersLine tells co-speakers from titles containing '&'", "[speakers]") {
  const std::vector<Case> cases = {
      {"4 co-speaker",
       "Ana Silva (Contoso & Bo Lindqvist, Initech)",
       {{"Ana Silva", "", "Contoso"}, {"Bo Lindqvist", "", "Initech"}}},
      {"4 co-speaker with legal suffix and digit org",
       "Ana Silva (Globex LLC & Tomás Ruiz, 4square Labs)",
       {{"Ana Silva", "", "Globex LLC"}, {"Tomás Ruiz", "", "4square Labs"}}},
      {"4 SVP & General Manager",
       "Ana Silva (SVP & General Manager, Contoso)",
       {{"Ana Silva", "SVP & General Manager", "Contoso"}}},
      {"4 Founder & CEO",
       "Ana Silva (Founder & CEO, Contoso)",
       {{"Ana Silva", "Founder & CEO", "Contoso"}}},
      {"4 long & title",
       "Ana Silva (Foo & Bar Project Creator & Co-Founder & CTO, Contoso)",
       {{"Ana Silva", "Foo & Bar Project Creator & Co-Founder & CTO", "Contoso"}}},
      {"4 maintainer title",
       "Ana Silva (Software Developer & Foo Maintainer, Contoso)",
       {{"Ana Silva", "Software Developer & Foo Maintainer", "Contoso"}}},
      {"4 head of",
       "Ana Silva (Partner & Head of Cloud, Contoso)",
       {{"Ana Silva", "Partner & Head of Cloud", "Contoso"}}},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("ParseSpeakersLine reads a group holding only an organisation", "[speakers]") {
  const std::vector<Case> cases = {
      {"5 one word", "Joe Bloggs (Initech)", {{"Joe Bloggs", "", "Initech"}}},
      {"5 legal suffix with comma",
       "Joe Bloggs (Globex, Inc.)",
       {{"Joe Bloggs", "", "Globex, Inc."}}},
      {"5 legal suffix", "Joe Bloggs (Globex Inc)", {{"Joe Bloggs", "", "Globex Inc"}}},
      {"5 title and LLC",
       "Joe Bloggs (Strategy Lead, Globex LLC)",
       {{"Joe Bloggs", "Strategy Lead", "Globex LLC"}}},
      {"5 suffix and region",
       "Joe Bloggs (Strategy Lead, Initech Inc - USA)",
       {{"Joe Bloggs", "Strategy Lead", "Initech Inc - USA"}}},
      {"5 only a title", "Joe Bloggs (Staff Engineer)", {{"Joe Bloggs", "Staff Engineer", ""}}},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("ParseSpeakersLine drops what is not an organisation", "[speakers]") {
  const std::vector<Case> cases = {
      {"6 pronouns and org", "Ana Silva (she/her, Elastic)", {{"Ana Silva", "", "Elastic"}}},
      {"6 pronouns only", "Ana Silva (they/them)", {{"Ana Silva", "", ""}}},
      {"6 own name", "Ana Silva (Ana Silva, Contoso)", {{"Ana Silva", "", "Contoso"}}},
      {"6 own name accents differ",
       "Ana Sílva (Ana Silva, Contoso)",
       {{"Ana Sílva", "", "Contoso"}}},
      {"6 date and time",
       "Ana Silva (Friday March 3, 2026 10:00am - 11:00am CET)",
       {{"Ana Silva", "", ""}}},
      {"6 independent",
       "Ana Silva (Security Researcher, Independent)",
       {{"Ana Silva", "Security Researcher", ""}}},
      {"6 independent alone", "Ana Silva (Independent)", {{"Ana Silva", "", ""}}},
      {"7 repeated org",
       "Ana Silva (Software Engineer, Contoso, Contoso)",
       {{"Ana Silva", "Software Engineer", "Contoso"}}},
      {"7 repeated org with suffix",
       "Ana Silva (Engineer, Contoso, Inc., Contoso, Inc.)",
       {{"Ana Silva", "Engineer", "Contoso, Inc."}}},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("ParseSpeakersLine matches nested parentheses and varied titles", "[speakers]") {
  const std::vector<Case> cases = {
      {"8 nested",
       "Kai Tanaka (Research Engineer, FABRIKAM HOLDINGS CORPORATION(FHC)); Bo Li (CTO, Initech)",
       {{"Kai Tanaka", "Research Engineer", "FABRIKAM HOLDINGS CORPORATION(FHC)"},
        {"Bo Li", "CTO", "Initech"}}},
      {"8 unclosed",
       "Kai Tanaka (Research Engineer, Contoso",
       {{"Kai Tanaka", "Research Engineer", "Contoso"}}},
      {"9 pipe",
       "Ana Silva (Developer Advocate | Community Lead, Contoso)",
       {{"Ana Silva", "Developer Advocate | Community Lead", "Contoso"}}},
      {"9 at",
       "Ana Silva (Senior Engineer at Contoso, Contoso)",
       {{"Ana Silva", "Senior Engineer at Contoso", "Contoso"}}},
      {"9 slash",
       "Ana Silva & Bo Li (Cofounder/ CTO, Contoso Inc)",
       {{"Ana Silva", "Cofounder/ CTO", "Contoso Inc"},
        {"Bo Li", "Cofounder/ CTO", "Contoso Inc"}}},
      {"9 honorific", "Ana Silva (Mr, Contoso)", {{"Ana Silva", "Mr", "Contoso"}}},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("ParseSpeakersLine recovers a title spilled before the names", "[speakers]") {
  const std::vector<Case> cases = {
      {"10 form A",
       "Rest Of The Title - Ana Silva (Staff Engineer, Contoso)",
       {{"Ana Silva", "Staff Engineer", "Contoso"}},
       "Rest Of The Title"},
      {"10 form A with & ? !",
       "Why We Moved & What Broke?! - Ana Silva (Engineer, Contoso); Bo Li (CTO, Initech)",
       {{"Ana Silva", "Engineer", "Contoso"}, {"Bo Li", "CTO", "Initech"}},
       "Why We Moved & What Broke?!"},
      {"10 form A with co-speaker",
       "Where Now? - Ana Silva (Contoso & Bo Lindqvist, Initech)",
       {{"Ana Silva", "", "Contoso"}, {"Bo Lindqvist", "", "Initech"}},
       "Where Now?"},
      {"10 form A with a dash inside the title",
       "Part One - Part Two - Ana Silva & Bo Li (Engineer, Contoso)",
       {{"Ana Silva", "Engineer", "Contoso"}, {"Bo Li", "Engineer", "Contoso"}},
       "Part One - Part Two"},
      {"11 form B shared org",
       "Intro (Updates and Roadmap - Ana Silva & Bo Li, Contoso)",
       {{"Ana Silva", "", "Contoso"}, {"Bo Li", "", "Contoso"}},
       "Intro, Updates and Roadmap"},
      {"11 form B name only",
       "The How (Where and When of Caching - Ana Silva); Bo Li (Engineer, Contoso)",
       {{"Ana Silva", "", ""}, {"Bo Li", "Engineer", "Contoso"}},
       "The How, Where and When of Caching"},
      {"11 not a region",
       "Ana Silva (Strategy Lead, Initech Inc - USA)",
       {{"Ana Silva", "Strategy Lead", "Initech Inc - USA"}},
       ""},
      {"11 not a time range",
       "Ana Silva (Friday March 3, 2026 10:00am - 11:00am CET)",
       {{"Ana Silva", "", ""}},
       ""},
      {"11 not a department",
       "Ana Silva (Director - Global Operations, Contoso)",
       {{"Ana Silva", "Director - Global Operations", "Contoso"}},
       ""},
      {"11 only the first segment",
       "Bo Li (CTO, Initech); Intro (Updates - Ana Silva)",
       {{"Bo Li", "CTO", "Initech"}, {"Intro", "", "Updates - Ana Silva"}},
       ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("ParseSpeakersLine handles bare names and stray spacing", "[speakers]") {
  const std::vector<Case> cases = {
      {"12 bare name", "Ana Silva", {{"Ana Silva", "", ""}}},
      {"12 bare names", "Ana Silva; Bo Li", {{"Ana Silva", "", ""}, {"Bo Li", "", ""}}},
      {"12 empty", "", {}},
      {"12 whitespace", " \t ", {}},
      {"12 stray spaces and trailing ;",
       "  Ana   Silva  ( Staff  Engineer ,  Contoso ) ;  ;",
       {{"Ana Silva", "Staff Engineer", "Contoso"}}},
      {"12 group without a name", "(Engineer, Contoso); Bo Li", {{"Bo Li", "", ""}}},
      {"12 names joined with and",
       "Ana Silva and Bo Li (Engineer, Contoso)",
       {{"Ana Silva", "Engineer", "Contoso"}, {"Bo Li", "Engineer", "Contoso"}}},
      {"12 unparseable", "?? !!", {{"?? !!", "", ""}}},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("ParseSpeakersLine does not mistake a person for a spill", "[speakers]") {
  const std::vector<Case> cases = {
      {"10 name - org without group", "Ana Silva - Red Hat", {{"Ana Silva - Red Hat", "", ""}}},
      {"11 job title before the dash",
       "Ana Silva (Senior Director - Bo Li, Contoso)",
       {{"Ana Silva", "Senior Director - Bo Li", "Contoso"}}},
      {"6 pronouns in their own group",
       "Ana Silva (she/her) (Staff Engineer, Contoso)",
       {{"Ana Silva", "Staff Engineer", "Contoso"}}},
      {"4 middle initial co-speaker",
       "Ana Silva (Engineer, Contoso & Bo J. Lindqvist, Initech)",
       {{"Ana Silva", "Engineer", "Contoso"}, {"Bo J. Lindqvist", "", "Initech"}}},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("JoinSpilledTitle joins a cut title with its continuation", "[speakers]") {
  struct JoinCase {
    std::string head, continuation, expected;
  };
  const std::vector<JoinCase> cases = {
      {"Caching at Scale", "The How, Where and When", "Caching at Scale: The How, Where and When"},
      {"Stop Doing That!", "A Better Way", "Stop Doing That! A Better Way"},
      {"Is It Worth It?", "Lessons Learned", "Is It Worth It? Lessons Learned"},
      {"Part One.", "Part Two", "Part One. Part Two"},
      {"Keynote:", "Opening", "Keynote: Opening"},
      {"Caching at Scale", "", "Caching at Scale"},
      {"", "Orphan Continuation", "Orphan Continuation"},
      {"  Caching at Scale ", " Tips ", "Caching at Scale: Tips"},
  };
  for (const JoinCase& c : cases) {
    INFO(c.head << " + " << c.continuation);
    CHECK(JoinSpilledTitle(c.head, c.continuation) == c.expected);
  }
}

TEST_CASE("Spill parsing and joining rebuild the full title", "[speakers]") {
  SpeakersLine line = ParseSpeakersLine("Beta (Updates, Roadmap and Q&A - Ana Silva, Contoso)");
  CHECK(line.title_continuation == "Beta, Updates, Roadmap and Q&A");
  CHECK(JoinSpilledTitle("Widget v1.2", line.title_continuation) ==
        "Widget v1.2: Beta, Updates, Roadmap and Q&A");
  REQUIRE(line.speakers.size() == 1);
  CHECK(line.speakers[0].organization == "Contoso");
}

}  // namespace
}  // namespace cnkg
