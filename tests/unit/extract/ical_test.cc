// The iCalendar reader on broken input: every message a user sees.

#include "extract/readers/ical.h"

#include <catch2/catch.hpp>

#include "extract/gazetteer/gazetteer.h"

using namespace cnkg;

namespace {

std::string ErrorOf(const std::string& name, const std::string& text) {
  auto doc = MakeDocument(name, text);
  REQUIRE(doc.ok());
  auto r = ExtractICalendar(*doc, Gazetteer::Builtin());
  REQUIRE_FALSE(r.ok());
  return r.status().message();
}

constexpr const char* kEvent =
    "BEGIN:VEVENT\r\nUID:1\r\nDTSTART:20260414T070000Z\r\nSUMMARY:Intro to Kubernetes\r\n";

}  // namespace

TEST_CASE("A truncated calendar is an error naming the line") {
  CHECK(ErrorOf("a.ics", std::string("BEGIN:VCALENDAR\r\n") + kEvent) ==
        "a.ics:5: the calendar ends inside the VEVENT of line 2 (truncated? expected END:VEVENT "
        "and END:VCALENDAR)");
  CHECK(ErrorOf("a.ics", std::string("BEGIN:VCALENDAR\r\n") + kEvent + "END:VEVENT\r\n") ==
        "a.ics:6: the calendar does not end with END:VCALENDAR (truncated?)");
  CHECK(ErrorOf("a.ics", std::string("BEGIN:VCALENDAR\r\n") + kEvent + kEvent +
                             "END:VEVENT\r\nEND:VCALENDAR\r\n") ==
        "a.ics:6: a VEVENT begins inside the VEVENT of line 2 (END:VEVENT missing)");
}

TEST_CASE("A calendar without sessions is an error") {
  CHECK(ErrorOf("a.ics", "BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n") ==
        "a.ics: a calendar without any VEVENT (no sessions to read)");
  CHECK(ErrorOf("a.ics", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nEND:VEVENT\nEND:VCALENDAR\n") ==
        "a.ics: no VEVENT with a SUMMARY (no sessions to read)");
  CHECK(ErrorOf("notes.txt", "Some notes\n") == "notes.txt: not an iCalendar (.ics) export");
}

TEST_CASE("A bad DTSTART skips the time of its session with a warning") {
  auto doc = MakeDocument(
      "a.ics",
      "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nDTSTART:2026-04-14 nonsense\nSUMMARY:Intro\n"
      "END:VEVENT\nEND:VCALENDAR\n");
  REQUIRE(doc.ok());
  auto r = ExtractICalendar(*doc, Gazetteer::Builtin());
  REQUIRE(r.ok());
  REQUIRE(r->diagnostics.size() == 1);
  CHECK(r->diagnostics[0].ToString() ==
        "a.ics:4: warning: DTSTART of 'Intro' is not a date-time; time skipped");
}
