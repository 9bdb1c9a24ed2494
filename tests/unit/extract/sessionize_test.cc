// The Sessionize reader: time zones and broken input, with the messages a user sees.

#include "extract/readers/sessionize.h"

#include <catch2/catch.hpp>

#include "extract/gazetteer/gazetteer.h"
#include "extract/reader.h"
#include "extract/readers/schedule_exports.h"

using namespace cnkg;

namespace {

Result<ExtractionBatch> Read(const std::string& text, const std::string& zone = "") {
  auto doc = MakeDocument("s.json", text);
  REQUIRE(doc.ok());
  doc->time_zone = zone;
  return ExtractSessionize(*doc, Gazetteer::Builtin());
}

constexpr const char* kAll =
    R"({"sessions": [{"id": "1", "title": "Intro", "startsAt": "2026-07-01T09:00:00",
        "endsAt": "2026-07-01T09:30:00", "speakers": []}], "speakers": [], "rooms": []})";

std::string StartOf(const ExtractionBatch& b) {
  for (const EntityRecord& e : b.entities)
    if (e.label == Label::kTalk) return std::get<std::string>(e.properties.at("start"));
  return "";
}

}  // namespace

TEST_CASE("Sessionize local times are placed by --timezone, else kept with one warning") {
  auto placed = Read(kAll, "Europe/London");
  REQUIRE(placed.ok());
  CHECK(StartOf(*placed) == "2026-07-01T09:00:00+01:00");
  CHECK(placed->diagnostics.empty());
  auto local = Read(kAll);
  REQUIRE(local.ok());
  CHECK(StartOf(*local) == "2026-07-01T09:00:00");
  REQUIRE(local->diagnostics.size() == 1);
  CHECK(local->diagnostics[0].ToString() ==
        "s.json:1: warning: Sessionize times have no zone; kept as local times (give --timezone "
        "ZONE to place them)");
}

TEST_CASE("Broken Sessionize files are errors naming the file and what was expected") {
  auto r = Read(R"({"sessions": [{"id": "1", "title": "Intro"}], "speakers": [], "rooms": [)");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().rfind("s.json:1: not valid JSON (syntax error while parsing", 0) == 0);
  r = Read(R"({"sessions": "none", "speakers": [], "rooms": []})");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() ==
        "s.json: 'sessions' is a string, expected an array (a Sessionize export)");
  r = Read(R"({"sessions": [], "speakers": [], "rooms": []})");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() == "s.json: a Sessionize export without sessions");
  r = Read("- title: x\n");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() == "s.json: not a Sessionize JSON export");
}

TEST_CASE("A truncated Sessionize download is still read by the Sessionize reader") {
  auto doc = MakeDocument("cut.json",
                          "{\"sessions\": [\n {\"id\": \"1\", \"title\": \"Intro\",\n"
                          "  \"isServiceSession\": false");
  REQUIRE(doc.ok());
  CHECK(DetectScheduleExport(*doc) == ScheduleExport::kSessionize);
  auto r = ExtractDocument(*doc, nullptr, Gazetteer::Builtin());
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() ==
        "cut.json:3: not valid JSON (syntax error while parsing object - unexpected end of input; "
        "expected '}'), so not read as a Sessionize JSON export");
}

TEST_CASE("A session with a wrong field is read without it, with a warning") {
  auto r = Read(R"({"sessions": [{"id": "1", "title": "Intro", "speakers": 5},
                   {"id": "2", "title": 7, "speakers": []}], "speakers": [], "rooms": []})");
  REQUIRE(r.ok());
  REQUIRE(r->diagnostics.size() == 2);
  CHECK(r->diagnostics[0].ToString() == "s.json: warning: session '2' has no text title; skipped");
  CHECK(r->diagnostics[1].ToString() ==
        "s.json:1: warning: 'speakers' of session 'Intro' is a number, expected an array; "
        "speakers skipped");
}
