// sched's session names: title and speaker list (grammar/sched_summary.h). Invented names.

#include "extract/grammar/sched_summary.h"

#include <catch2/catch.hpp>

using namespace cnkg;

namespace {

// "Name [job] (Org)" per speaker, joined with "; ".
std::string Show(const SchedSummary& s) {
  std::string out = s.title + " =>";
  for (const HeadingSpeaker& h : s.speakers) {
    out += " " + h.name;
    if (!h.job_title.empty()) out += " [" + h.job_title + "]";
    if (!h.organization.empty()) out += " (" + h.organization + ")";
    out += ";";
  }
  return out;
}

}  // namespace

TEST_CASE("A sched summary splits at the last dash before the speakers") {
  CHECK(Show(SplitSchedSummary("Part One - Part Two - Ana Silva, Initech")) ==
        "Part One - Part Two => Ana Silva (Initech);");
  CHECK(Show(SplitSchedSummary("Coffee Break ☕")) == "Coffee Break ☕ =>");
  CHECK(Show(SplitSchedSummary("Rust Day Hosted by Initech - Sold Out")) ==
        "Rust Day Hosted by Initech - Sold Out =>");
  CHECK(Show(SplitSchedSummary("Rust Day - AM SESSION")) == "Rust Day - AM SESSION =>");
  CHECK(Show(SplitSchedSummary("Rust Day - Full Day Event | PASS REQUIRED")) ==
        "Rust Day - Full Day Event | PASS REQUIRED =>");
  CHECK(Show(SplitSchedSummary("Feature Flags - The Hard Parts")) ==
        "Feature Flags - The Hard Parts =>");
  CHECK(Show(SplitSchedSummary("Ingress – It Depends! - Bo Li, Globex")) ==
        "Ingress – It Depends! => Bo Li (Globex);");
}

TEST_CASE("Groups share their last field; without groups each person has their own") {
  CHECK(
      Show(SplitSchedSummary("T - Ana Silva, Bo Li & Cy Dunn, Initech Research; Di Ek, Globex")) ==
      "T => Ana Silva (Initech Research); Bo Li (Initech Research); Cy Dunn (Initech Research); "
      "Di Ek (Globex);");
  CHECK(Show(SplitSchedSummary("T - Ana Silva, Red Bank & Bo Li, Globex")) ==
        "T => Ana Silva (Red Bank); Bo Li (Globex);");
  CHECK(Show(SplitSchedSummary("T - Ana Silva, Bo Li, Initech")) ==
        "T => Ana Silva (Initech); Bo Li (Initech);");
  CHECK(Show(SplitSchedSummary("T - Ana Silva, Initech & Bo Li")) ==
        "T => Ana Silva (Initech); Bo Li;");
  CHECK(Show(SplitSchedSummary("T - Tomo & Bo Li, Globex")) ==
        "T => Tomo (Globex); Bo Li (Globex);");
  CHECK(Show(SplitSchedSummary("T - Will Case, Globex")) == "T => Will Case (Globex);");
}

TEST_CASE("Keynote fields: job title then company; roles are no company") {
  CHECK(Show(SplitSchedSummary(
            "Keynote: T - Ana Silva, VP, Research & Development, Initech & Bo Li, CTO, Globex")) ==
        "Keynote: T => Ana Silva [VP, Research & Development] (Initech); Bo Li [CTO] (Globex);");
  CHECK(Show(SplitSchedSummary("Project Lightning Talk: T - Ana Silva, Lead Maintainer")) ==
        "Project Lightning Talk: T => Ana Silva [Lead Maintainer];");
  CHECK(Show(SplitSchedSummary("T - Ana Silva, Technical Steering Committee")) ==
        "T => Ana Silva [Technical Steering Committee];");
  CHECK(Show(SplitSchedSummary("T - Ana Silva, Director, Cloud & Bo Li, CTO, Cloud, Initech")) ==
        "T => Ana Silva [Director, Cloud] (Initech); Bo Li [CTO, Cloud] (Initech);");
}

TEST_CASE("A label after the speakers is no part of the title") {
  SchedSummary s = SplitSchedSummary("Edge at Sea - Ana Silva, Initech - Sold Out");
  CHECK(Show(s) == "Edge at Sea => Ana Silva (Initech);");
  CHECK(s.label == "Sold Out");
  CHECK(SplitSchedSummary("Rust Day - Sold Out").label.empty());
}

TEST_CASE("After a job title the last field is the organisation, committee or not") {
  CHECK(Show(SplitSchedSummary(
            "Keynote: T - Ana Silva & Bo Li, Co-Chairs, Summit Program Committee")) ==
        "Keynote: T => Ana Silva [Co-Chairs] (Summit Program Committee); Bo Li [Co-Chairs] (Summit "
        "Program Committee);");
}

TEST_CASE("Legal suffixes, nicknames and moderators") {
  CHECK(Show(SplitSchedSummary("T - Ana Silva, Initech, Inc. & Bo Li, Globex")) ==
        "T => Ana Silva (Initech, Inc.); Bo Li (Globex);");
  CHECK(Show(SplitSchedSummary("T - Ana \"Ace\" Silva, Initech")) ==
        "T => Ana \"Ace\" Silva (Initech);");
  CHECK(Show(SplitSchedSummary("T - Moderated by Ana Silva; Bo Li, Globex; Cy Dunn, Initech")) ==
        "T => Ana Silva; Bo Li (Globex); Cy Dunn (Initech);");
}
