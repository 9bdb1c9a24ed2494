// The pretalx/frab schedule reader on inputs the golden files do not cover: detection, every
// message, wrong types, truncated and malformed files, and time placement. All texts are invented.

#include "extract/readers/pretalx.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "extract/core/document.h"
#include "extract/gazetteer/gazetteer.h"
#include "extract/reader.h"
#include "extract/readers/schedule_exports.h"
#include "batch_helpers.h"

using namespace cnkg;
using namespace cnkg::test;

namespace {

std::string Detected(const std::string& name, const std::string& text) {
  const Reader* r = DetectReader(Doc(name, text));
  return r ? std::string(r->name) : "";
}

Result<ExtractionBatch> Read(const std::string& text, const std::string& zone = "") {
  return ExtractPretalx(Doc("p.json", text, zone), Gazetteer::Builtin());
}

// The error of reading `text` (named `name`) with format detection.
std::string ErrorOf(const std::string& name, const std::string& text) {
  auto b = ExtractDocument(Doc(name, text), nullptr, Gazetteer::Builtin());
  REQUIRE_FALSE(b.ok());
  CHECK(b.status().code() == StatusCode::kParseError);
  return b.status().message();
}

// A schedule.json whose one room holds `events` (the text of a JSON array), one event per line.
std::string Schedule(const std::string& events, const std::string& conference_extra =
                                                    R"("time_zone_name": "Europe/Berlin",)") {
  return "{\"schedule\": {\"version\": \"1\", \"conference\": {\n"
         "\"title\": \"Testfeld Cloud Day\", " +
         conference_extra +
         "\n\"days\": [{\"index\": 1, \"date\": \"2024-05-02\", \"rooms\": {\"Room A\": " + events +
         "}}]}}}\n";
}

const char* const kTalk =
    R"({"guid": "g-1", "id": 7, "date": "2024-05-02T10:00:00+02:00", "start": "10:00", )"
    R"("duration": "00:30", "room": "Room A", "title": "Tuning Kubernetes", )"
    R"("subtitle": "A subtitle", "type": "Talk", "track": "Ops", "abstract": "One.", )"
    R"("description": "Two.", "persons": [{"public_name": "Ada Quill", "company": "Initech"}]})";

}  // namespace

TEST_CASE("pretalx: detection of the JSON and XML forms") {
  CHECK(Detected("p.json", Schedule("[" + std::string(kTalk) + "]")) == "pretalx");
  CHECK(RecognisePretalx(Doc("p.json", Schedule("[]"))) == 95);
  CHECK(Detected("f.xml",
                 "<?xml version=\"1.0\"?>\n<schedule>\n<conference><title>X</title>"
                 "</conference></schedule>\n") == "pretalx");
  CHECK(RecognisePretalx(Doc("t.json", R"({"schedule": {"version": "1"}})")) == 0);
  CHECK(RecognisePretalx(Doc("t.xml", "<schedules><conference/></schedules>")) == 0);
}

TEST_CASE("pretalx: --format forced onto another document") {
  auto b = ExtractDocument(Doc("t.yaml", "talks:\n  - title: One\n"), FindReader("pretalx"),
                           Gazetteer::Builtin());
  REQUIRE_FALSE(b.ok());
  CHECK(b.status().message() == "t.yaml: not a pretalx/frab schedule");
  auto s = ExtractDocument(Doc("s.json", R"([{"event_key": "k", "name": "N"}])"),
                           FindReader("pretalx"), Gazetteer::Builtin());
  REQUIRE_FALSE(s.ok());
  CHECK(s.status().message() == "s.json: not a pretalx/frab schedule");
}

TEST_CASE("pretalx: a talk with its fields") {
  auto b = Read(Schedule("[" + std::string(kTalk) + "]"));
  REQUIRE(b.ok());
  CHECK(Warnings(*b).empty());
  auto talks = Talks(*b);
  REQUIRE(talks.size() == 1);
  const EntityRecord& t = *talks[0];
  CHECK(t.name == "Tuning Kubernetes");  // the subtitle is not part of the title
  CHECK(Prop(t, "start") == "2024-05-02T10:00:00+02:00");
  CHECK(Prop(t, "end") == "2024-05-02T10:30:00+02:00");
  CHECK(Prop(t, "description") == "One.\n\nTwo.");
  CHECK(Prop(t, "type") == "Talk");
  CHECK(Prop(t, "pretalx_id") == "g-1");
  CHECK(t.evidence.line == 3);
  CHECK(Entity(*b, Label::kPerson, "Ada Quill") != nullptr);
  CHECK(Entity(*b, Label::kOrganization, "Initech") != nullptr);  // given explicitly
  CHECK(Entity(*b, Label::kEvent, "Testfeld Cloud Day") != nullptr);
  CHECK(Entity(*b, Label::kRoom, "Room A") != nullptr);
  CHECK(Entity(*b, Label::kTrack, "Ops") != nullptr);
  CHECK(Entity(*b, Label::kProject, "Kubernetes") != nullptr);
}

TEST_CASE("pretalx: times without offset are placed in time_zone_name or --timezone") {
  const std::string event =
      R"([{"id": 1, "start": "23:30", "duration": "1:00", "title": "Late Talk"}])";
  auto placed = Read(Schedule(event, R"("time_zone_name": "America/Chicago",)"));
  REQUIRE(placed.ok());
  CHECK(Prop(*Talks(*placed)[0], "start") == "2024-05-02T23:30:00-05:00");
  CHECK(Prop(*Talks(*placed)[0], "end") == "2024-05-03T00:30:00-05:00");

  auto by_flag = Read(Schedule(event, ""), "Asia/Tokyo");
  REQUIRE(by_flag.ok());
  CHECK(Prop(*Talks(*by_flag)[0], "start") == "2024-05-02T23:30:00+09:00");
  CHECK(Warnings(*by_flag).empty());

  auto local = Read(Schedule(event, ""));
  REQUIRE(local.ok());
  CHECK(Prop(*Talks(*local)[0], "start") == "2024-05-02T23:30:00");
  CHECK(Warnings(*local) ==
        std::vector<std::string>{
            "p.json: warning: times have no offset and the schedule no known 'time_zone_name'; "
            "kept as local times (give --timezone ZONE to place them)"});

  auto unknown = Read(Schedule(event, R"("time_zone_name": "Mars/Olympus",)"), "UTC");
  REQUIRE(unknown.ok());
  CHECK(Prop(*Talks(*unknown)[0], "start") == "2024-05-02T23:30:00+00:00");
  CHECK(Warnings(*unknown) ==
        std::vector<std::string>{"p.json:2: warning: unknown time zone 'Mars/Olympus' in "
                                 "'time_zone_name'; ignored"});
}

TEST_CASE("pretalx: same-titled breaks stay apart; events without persons have no speakers") {
  auto b = Read(Schedule(
      R"([{"id": 1, "date": "2024-05-02T12:00:00+02:00", "duration": "01:00", "title": "Lunch", "persons": []},)"
      "\n"
      R"({"id": 2, "date": "2024-05-02T18:00:00+02:00", "duration": "01:00", "title": "Lunch"}])"));
  REQUIRE(b.ok());
  CHECK(Talks(*b).size() == 2);
  CHECK(Entity(*b, Label::kPerson, "") == nullptr);
}

TEST_CASE("pretalx: wrong types in one event are warnings and the rest is read") {
  auto b = Read(Schedule(
      "[5,\n"
      R"({"title": {"x": 1}},)"
      "\n"
      R"({"title": "Kept Talk", "date": "tomorrow", "start": "10:00", "duration": "soon", "persons": 5},)"
      "\n"
      R"({"title": "Second Talk", "date": "2024-05-02T11:00:00+02:00", "persons": [3, {"biography": "x"}, "Bo Reed"]}])"));
  REQUIRE(b.ok());
  CHECK(Warnings(*b) ==
        std::vector<std::string>{
            "p.json: warning: event 1 in room 'Room A' of day 1 is a number, expected an "
            "object; skipped",
            "p.json: warning: event 2 in room 'Room A' of day 1 has no 'title'; skipped",
            "p.json:4: warning: 'title' of event 2 in room 'Room A' of day 1 is an object, "
            "expected a string; ignored",
            "p.json:5: warning: 'persons' of 'Kept Talk' is a number, expected an array; its "
            "speakers are left out",
            "p.json:5: warning: 'date' of 'Kept Talk' is not a date-time ('tomorrow', expected "
            "2024-03-23T10:00:00+01:00); read from the day and 'start' instead",
            "p.json:5: warning: 'duration' of 'Kept Talk' is not a duration ('soon', expected "
            "hh:mm); its end is left out",
            "p.json:6: warning: person 1 of 'Second Talk' is a number, expected an object; "
            "skipped",
            "p.json:6: warning: person 2 of 'Second Talk' has no 'public_name' or 'name'; "
            "skipped"});
  auto talks = Talks(*b);
  REQUIRE(talks.size() == 2);
  CHECK(Prop(*talks[0], "start") == "2024-05-02T10:00:00+02:00");
  CHECK(Prop(*talks[0], "end").empty());
  CHECK(Entity(*b, Label::kPerson, "Bo Reed") != nullptr);
}

TEST_CASE("pretalx: structure errors are one-line parse errors") {
  auto err = [](const std::string& text) {
    auto b = Read(text);
    REQUIRE_FALSE(b.ok());
    CHECK(b.status().code() == StatusCode::kParseError);
    return b.status().message();
  };
  CHECK(err("{\"schedule\": {\"conference\": {\"title\": \"T\",\n\"days\": \"x\"}}}") ==
        "p.json:2: 'days' of the conference is a string, expected an array of days");
  CHECK(err("{\"schedule\": {\n\"conference\": 5}}") ==
        "p.json:2: 'conference' is a number, expected an object");
  CHECK(err("{\"schedule\": {\"conference\": {\n\"title\": \"T\"}}}") ==
        "p.json:2: the conference has no 'days', which list the events; nothing to read");
  CHECK(err(Schedule("[]")) ==
        "p.json: no events found (a pretalx/frab schedule lists them under "
        "schedule.conference.days[].rooms)");
  CHECK(err("{\"schedule\": {\"conference\": {\"days\": [\"x\"]}}}") ==
        "p.json: no event could be read; the first problem: day 1 is a string, expected an "
        "object; skipped");
  CHECK(err(Schedule("\"none\"")) ==
        "p.json:3: no event could be read; the first problem: room 'Room A' of day 1 is a "
        "string, expected an array of events; skipped");
  CHECK(err("{\"schedule\": {\"conference\": {\"days\": [{\"rooms\": [1]}]}}}") ==
        "p.json:1: no event could be read; the first problem: 'rooms' of day 1 is an array, "
        "expected an object of rooms; skipped");
}

TEST_CASE("pretalx: a truncated schedule.json names the line where it breaks") {
  const std::string whole = Schedule("[" + std::string(kTalk) + "]");
  const std::string cut = whole.substr(0, whole.find("\"duration\""));
  CHECK(Detected("p.json", cut) == "pretalx");
  CHECK(ErrorOf("p.json", cut) ==
        "p.json:3: not valid JSON (syntax error while parsing object key - unexpected end of "
        "input; expected string literal), so not read as a pretalx/frab schedule");
  // Too little to tell what it is: no reader claims it.
  CHECK(Detected("p.json", "{\"schedule\": {\"vers") == "");
}

TEST_CASE("pretalx: the XML form") {
  const std::string xml =
      "<?xml version=\"1.0\"?>\n"
      "<schedule>\n"
      "<conference><title>Testfeld &amp; Friends</title>"
      "<time_zone_name>Europe/Berlin</time_zone_name></conference>\n"
      "<day index=\"1\" date=\"2024-05-02\" start=\"2024-05-02T08:00:00+02:00\">\n"
      "<room name=\"Room A\">\n"
      "<event guid=\"g-9\" id=\"9\"><start>09:00</start><duration>00:45</duration>\n"
      "<title>Helm &lt;3 Charts</title><track/><type>Talk</type>\n"
      "<persons><person id=\"1\">Ada Quill</person><person id=\"2\"> </person></persons>\n"
      "</event>\n"
      "<event id=\"10\"><title/></event>\n"
      "</room></day></schedule>\n";
  auto b = ExtractPretalx(Doc("f.xml", xml), Gazetteer::Builtin());
  REQUIRE(b.ok());
  CHECK(Warnings(*b) == std::vector<std::string>{
                            "f.xml:8: warning: person 2 of 'Helm <3 Charts' has no name; skipped",
                            "f.xml:10: warning: event 2 in room 'Room A' of day 1 has no "
                            "<title>; skipped"});
  auto talks = Talks(*b);
  REQUIRE(talks.size() == 1);
  CHECK(talks[0]->name == "Helm <3 Charts");
  CHECK(talks[0]->evidence.line == 7);
  CHECK(Prop(*talks[0], "start") == "2024-05-02T09:00:00+02:00");
  CHECK(Prop(*talks[0], "end") == "2024-05-02T09:45:00+02:00");
  CHECK(Prop(*talks[0], "pretalx_id") == "g-9");
  CHECK(Entity(*b, Label::kEvent, "Testfeld & Friends") != nullptr);
  CHECK(Entity(*b, Label::kTrack, "") == nullptr);
}

TEST_CASE("pretalx: malformed XML is a parse error with its line") {
  CHECK(ErrorOf("f.xml",
                "<schedule>\n<conference><title>T</title></conference>\n<day>\n"
                "<room name=\"A\"></day>\n</schedule>\n") ==
        "f.xml:4: not well-formed XML (Start-end tags mismatch), so not read as a pretalx/frab "
        "schedule");
  CHECK(ErrorOf("f.xml", "<schedule>\n<conference><title>T</title></conference>\n</schedule>\n") ==
        "f.xml:1: the schedule has no <day> elements, which list the events; nothing to read");
  CHECK(ErrorOf("f.xml",
                "<schedule>\n<conference><title>T</title></conference>\n<day>"
                "<room><event/></room></day>\n</schedule>\n") ==
        "f.xml:3: no event could be read; the first problem: event 1 in room '' of day 1 has no "
        "<title>; skipped");
}
