#ifndef CNKG_EXTRACT_READERS_PRETALX_SCHEDULE_H_
#define CNKG_EXTRACT_READERS_PRETALX_SCHEDULE_H_

// Internal to the pretalx/frab reader (pretalx.cc, pretalx_json.cc, pretalx_xml.cc): a schedule
// as the JSON and the XML form both give it, before anything is made of it. Both forms are read
// into these structs, and one writer (WriteSchedule) turns them into graph records, so that the
// two forms of one schedule make the same graph.

#include <functional>
#include <string>
#include <vector>

#include "common/status.h"
#include "extract/core/document.h"
#include "graph/batch.h"

namespace cnkg {

class Gazetteer;

namespace pretalx {

// The format's name in messages.
inline constexpr std::string_view kWhat = "a pretalx/frab schedule";

// One person of an event, as written. Strings are trimmed.
struct Person {
  std::string name;          // "public_name", else "name" (JSON); the element text (XML)
  std::string organization;  // only when the data names one ("company", "organization", ...)
  int line = 0;              // where the name is written; 0 when not known
};

// One entry of a text field that spans lines: the byte at offset i of `text` is on line
// line_at(i). Unset when the line of every byte is `line`.
using LineAt = std::function<int(std::size_t)>;

// One scheduled event (a talk, a workshop, a break), its fields as written (trimmed).
struct Event {
  std::string title;
  int line = 0;           // the line of the title
  std::string line_text;  // that line, for evidence
  std::string id;         // "guid", else "id" or "code"
  std::string date;       // "2024-03-23T10:00:00+01:00"; may be empty
  std::string day_date;   // "2024-03-23": the date of the day it is listed under
  std::string day_start;  // "2024-03-23T09:00:00+01:00": when that day begins; may be empty
  std::string start;      // "10:00"
  std::string duration;   // "00:30"
  std::string room, track, type, language, url;
  std::string abstract, description;
  int abstract_line = 0, description_line = 0;
  LineAt abstract_line_at, description_line_at;
  std::vector<Person> persons;
};

// A schedule: its conference and its events in document order.
struct Schedule {
  std::string title;  // the conference title; may be empty
  int title_line = 0;
  std::string title_text;
  std::string time_zone;  // "Europe/Berlin"; may be empty
  int time_zone_line = 0;
  std::string conference_start;  // "2024-03-23"; may be empty
  std::vector<Event> events;
  // Problems that skipped an event or a field, in document order.
  std::vector<Diagnostic> warnings;
  // The number of events that were listed, read or not.
  int listed = 0;
};

// Reads the JSON form (schedule.json). Fails with a one-line kParseError naming the file (and the
// line, when it is known) when the text is not JSON or its structure leaves no list of days.
Result<Schedule> ReadJsonSchedule(const Document& doc);

// Reads the XML form (schedule.xml). Fails with a one-line kParseError naming the file and the
// line when the text is not well-formed XML or has no <schedule> root.
Result<Schedule> ReadXmlSchedule(const Document& doc);

// Turns `schedule` into the batch: an Event for the conference, a Talk per event with its
// speakers, room, track, times and project mentions. Fails with kParseError naming the file when
// the schedule holds no event that could be read (repeating the first warning, when there is
// one, which says why). `gazetteer` must outlive the call.
Result<ExtractionBatch> WriteSchedule(const Document& doc, const Gazetteer& gazetteer,
                                      Schedule schedule);

}  // namespace pretalx
}  // namespace cnkg

#endif  // CNKG_EXTRACT_READERS_PRETALX_SCHEDULE_H_
