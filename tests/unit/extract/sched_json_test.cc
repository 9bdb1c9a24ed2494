// The sched JSON export reader on inputs the golden files do not cover: detection, every message,
// wrong types, truncated files and time placement. All texts are invented.

#include "extract/readers/sched_json.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "extract/core/document.h"
#include "extract/gazetteer/gazetteer.h"
#include "extract/reader.h"
#include "batch_helpers.h"

using namespace cnkg;
using namespace cnkg::test;

namespace {

std::string Detected(const std::string& text) {
  const Reader* r = DetectReader(Doc("s.json", text));
  return r ? std::string(r->name) : "";
}

Result<ExtractionBatch> Read(const std::string& text, const std::string& zone = "") {
  return ExtractSchedJson(Doc("s.json", text, zone), Gazetteer::Builtin());
}

std::string ErrorOf(const std::string& text) {
  auto b = ExtractDocument(Doc("s.json", text), nullptr, Gazetteer::Builtin());
  REQUIRE_FALSE(b.ok());
  CHECK(b.status().code() == StatusCode::kParseError);
  return b.status().message();
}

bool Related(const ExtractionBatch& b, const std::string& source_name, RelType type,
             const std::string& target_name) {
  auto key_of = [&](const std::string& name) {
    for (const auto& e : b.entities)
      if (e.name == name) return e.key;
    return std::string();
  };
  const std::string s = key_of(source_name), t = key_of(target_name);
  for (const auto& r : b.relations)
    if (r.source == s && r.target == t && r.type == type) return true;
  return false;
}

const char* const kSession =
    "[\n"
    "{\"event_key\": \"k1\", \"active\": \"Y\",\n"
    "\"name\": \"Flags - Not Dashes: Operating Kubernetes - Ana Silva, Initech\",\n"
    "\"event_start\": \"2025-11-13 09:00\", \"event_end\": \"2025-11-13 09:30\",\n"
    "\"event_type\": \"Operations\", \"venue\": \"Building C | Level 2 | Room C201\",\n"
    "\"id\": \"abc\", \"description\": \"<p>Running <em>Kubernetes</em> well.</p>\",\n"
    "\"speakers\": [{\"name\": \"Ana Silva\", \"company\": \"Initech\", \"position\": "
    "\"Staff Engineer\"}]}\n"
    "]\n";

}  // namespace

TEST_CASE("sched json: detection") {
  CHECK(Detected(kSession) == "sched-json");
  CHECK(Detected(R"([{"event_start": "2025-11-13 09:00", "name": "A"}])") == "sched-json");
  CHECK(RecogniseSchedJson(Doc("s.json", R"([{"title": "A"}])")) == 0);
  CHECK(RecogniseSchedJson(Doc("s.json", "[]")) == 0);
}

TEST_CASE("sched json: --format forced onto another document") {
  auto b = ExtractDocument(Doc("t.yaml", "talks:\n  - title: One\n"), FindReader("sched-json"),
                           Gazetteer::Builtin());
  REQUIRE_FALSE(b.ok());
  CHECK(b.status().message() == "t.yaml: not a sched JSON export");
  auto p = ExtractDocument(Doc("p.json", R"({"schedule": {"conference": {}}})"),
                           FindReader("sched-json"), Gazetteer::Builtin());
  REQUIRE_FALSE(p.ok());
  CHECK(p.status().message() == "p.json: not a sched JSON export");
}

TEST_CASE("sched json: a session with its fields") {
  auto b = Read(kSession);
  REQUIRE(b.ok());
  CHECK(Warnings(*b) ==
        std::vector<std::string>{"s.json: warning: times have no zone; kept as local times (give "
                                 "--timezone ZONE to place them)"});
  auto talks = Talks(*b);
  REQUIRE(talks.size() == 1);
  const EntityRecord& t = *talks[0];
  CHECK(t.name == "Flags - Not Dashes: Operating Kubernetes");
  CHECK(t.evidence.line == 3);
  CHECK(Prop(t, "start") == "2025-11-13T09:00:00");
  CHECK(Prop(t, "end") == "2025-11-13T09:30:00");
  CHECK(Prop(t, "description") == "Running Kubernetes well.");
  CHECK(Prop(t, "sched_id") == "abc");
  CHECK(Related(*b, "Ana Silva", RelType::kPresents, t.name));
  CHECK(Related(*b, "Ana Silva", RelType::kAffiliatedWith, "Initech"));
  CHECK(Related(*b, t.name, RelType::kHeldIn, "Room C201"));
  CHECK(Related(*b, t.name, RelType::kInTrack, "Operations"));
  CHECK(Related(*b, t.name, RelType::kMentions, "Kubernetes"));
}

TEST_CASE("sched json: --timezone places the local times") {
  auto b = Read(kSession, "America/New_York");
  REQUIRE(b.ok());
  CHECK(Warnings(*b).empty());
  CHECK(Prop(*Talks(*b)[0], "start") == "2025-11-13T09:00:00-05:00");
  auto unknown = Read(kSession, "Mars/Olympus");
  REQUIRE(unknown.ok());
  CHECK(Warnings(*unknown) ==
        std::vector<std::string>{
            "s.json: warning: unknown time zone 'Mars/Olympus'; times kept as local times",
            "s.json: warning: times have no zone; kept as local times (give --timezone ZONE to "
            "place them)"});
}

TEST_CASE("sched json: without speakers[] the name's tail gives the speakers") {
  auto b = Read(
      R"([{"event_key": "k", "name": "Tuning Envoy - Bo Li, Globex", "event_start": "2025-11-13 10:00"}])",
      "UTC");
  REQUIRE(b.ok());
  CHECK(Talks(*b)[0]->name == "Tuning Envoy");
  CHECK(Related(*b, "Bo Li", RelType::kAffiliatedWith, "Globex"));
}

TEST_CASE("sched json: wrong types are warnings and the rest is read") {
  auto b = Read(
      "[7,\n"
      "{\"event_key\": \"a\", \"name\": 5},\n"
      "{\"event_key\": \"b\", \"name\": \"Tuning Envoy - Bo Li, Globex\",\n"
      "  \"event_start\": \"soon\", \"speakers\": 3, \"moderators\": {\"x\": 1}},\n"
      "{\"event_key\": \"c\", \"name\": \"Second Talk\", \"event_start\": \"2025-11-13 11:00\",\n"
      "  \"venue\": [1], \"speakers\": [4, {\"company\": \"Initech\"}, \"Cy Do\"]},\n"
      "{\"event_key\": \"d\", \"active\": \"N\", \"name\": \"Gone\"}\n"
      "]\n",
      "UTC");
  REQUIRE(b.ok());
  CHECK(Warnings(*b) ==
        std::vector<std::string>{
            "s.json: warning: 1 inactive session (\"active\": \"N\") skipped",
            "s.json:1: warning: session 1 is a number, expected an object; skipped",
            "s.json:2: warning: 'name' of session 2 is a number, expected a string; ignored",
            "s.json:2: warning: session 2 has no 'name'; skipped",
            "s.json:4: warning: 'speakers' of session 3 is a number, expected an array or a "
            "string; read from the name instead",
            "s.json:4: warning: 'moderators' of session 3 is an object, expected an array or a "
            "string; ignored",
            "s.json:4: warning: 'event_start' of 'Tuning Envoy' is not a date-time ('soon', "
            "expected 2025-11-13 09:00); left out",
            "s.json:6: warning: speakers 1 of session 4 is a number, expected an object; skipped",
            "s.json:6: warning: speakers 2 of session 4 has no 'name'; skipped",
            "s.json:6: warning: 'venue' of session 4 is an array, expected a string; ignored"});
  auto talks = Talks(*b);
  REQUIRE(talks.size() == 2);
  CHECK(talks[0]->name == "Tuning Envoy");
  CHECK(Prop(*talks[0], "time") == "soon");
  CHECK(Related(*b, "Bo Li", RelType::kPresents, "Tuning Envoy"));
  CHECK(Related(*b, "Cy Do", RelType::kPresents, "Second Talk"));
  CHECK(Entity(*b, Label::kTalk, "Gone") == nullptr);
}

TEST_CASE("sched json: nothing usable is a one-line parse error") {
  CHECK(ErrorOf("[\n{\"event_key\": \"a\", \"name\": 5}\n]") ==
        "s.json:2: no session could be read; the first problem: 'name' of session 1 is a "
        "number, expected a string; ignored");
  CHECK(ErrorOf(R"([{"event_key": "a", "active": "N", "name": "Gone"}])") ==
        "s.json: every session is inactive (\"active\": \"N\"); nothing to read");
  auto forced = ExtractDocument(Doc("s.json", R"({"event_key": "a", "name": "x"})"),
                                FindReader("sched-json"), Gazetteer::Builtin());
  REQUIRE_FALSE(forced.ok());
  CHECK(forced.status().message() == "s.json: not a sched JSON export");
}

TEST_CASE("sched json: a truncated export names the line where it breaks") {
  const std::string cut = std::string(kSession).substr(0, std::string(kSession).find("\"id\""));
  CHECK(Detected(cut) == "sched-json");
  CHECK(ErrorOf(cut) ==
        "s.json:5: not valid JSON (syntax error while parsing object key - unexpected end of "
        "input; expected string literal), so not read as a sched JSON export");
}

TEST_CASE("sched json: same-titled sessions stay apart") {
  auto b = Read(R"([{"event_key": "a", "name": "Lunch", "event_start": "2025-11-13 12:00"},)"
                R"({"event_key": "b", "name": "Lunch", "event_start": "2025-11-14 12:00"}])",
                "UTC");
  REQUIRE(b.ok());
  CHECK(Talks(*b).size() == 2);
}
