// Speakers named in a session description (grammar/description_speakers.h). Invented people.

#include "extract/grammar/description_speakers.h"

#include <catch2/catch.hpp>

using namespace cnkg;

namespace {

std::string Show(std::string_view text) {
  std::string out;
  for (const HeadingSpeaker& h : SpeakersInDescription(text)) {
    out += h.name;
    if (!h.job_title.empty()) out += " [" + h.job_title + "]";
    if (!h.organization.empty()) out += " (" + h.organization + ")";
    out += "; ";
  }
  return out;
}

}  // namespace

TEST_CASE("Cue lines in a description name the speakers") {
  CHECK(Show("Kubernetes at the edge.\nSpeaker: Ana Silva (Staff Engineer, Initech)") ==
        "Ana Silva [Staff Engineer] (Initech); ");
  CHECK(Show("Speakers: Ana Silva (Initech); Bo Li (Globex)\nMore text.") ==
        "Ana Silva (Initech); Bo Li (Globex); ");
  CHECK(Show("Talk by Ana Silva, Staff Engineer @ Initech") ==
        "Ana Silva [Staff Engineer] (Initech); ");
  CHECK(Show("Presented by Ana Silva, Initech & Bo Li, Globex") ==
        "Ana Silva (Initech); Bo Li (Globex); ");
  CHECK(Show("Lightning talks:\n- Ana Silva (Initech): Tiny Operators\n- Bo Li (Globex) - Big "
             "Clusters") == "Ana Silva (Initech); Bo Li (Globex); ");
  CHECK(Show("Speaker: Ana Silva (Initech). She runs the platform team.") ==
        "Ana Silva (Initech); ");
  CHECK(Show("Speakers: Ana Silva (Initech) and Bo Li (Globex GmbH)") ==
        "Ana Silva (Initech); Bo Li (Globex GmbH); ");
  CHECK(Show("- Ana Silva (Initech): Tiny Operators\n- Bo Li: Big Clusters") ==
        "Ana Silva (Initech); Bo Li; ");
}

TEST_CASE("Descriptions without cue lines name no speakers") {
  CHECK(Show("Join us for pizza and drinks.\nDoors open at 18:00.") == "");
  CHECK(Show("With Kubernetes 1.33 comes a new scheduler.") == "");
  CHECK(Show("- Kubernetes (v1.33): what changed") == "");
  CHECK(Show("- Doors open: 18:00\n- Talks start: 18:30") == "");
  CHECK(Show("") == "");
}
