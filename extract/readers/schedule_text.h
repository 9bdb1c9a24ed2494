#ifndef CNKG_EXTRACT_READERS_SCHEDULE_TEXT_H_
#define CNKG_EXTRACT_READERS_SCHEDULE_TEXT_H_

#include <string>
#include <string_view>

#include "common/status.h"
#include "extract/core/document.h"
#include "graph/batch.h"

namespace cnkg {

class Gazetteer;

// Reader for the sched-style text export of a conference schedule:
//
//   Event Name#                      the first title line before the first day line
//   Thursday, November 13, 2025#     a day line; it sets the date of the sessions after it
//   Session Title#                   a session: a line ending in '#', followed by any of
//   Time: 9:00am EST - 9:30am EST
//   Speakers: Name (Job title, Organisation); ...
//   Venue: Building | Level | Room, City, Region, Country
//   Type: TRACK NAME
//   Description: text...
//
// Produces Event, Talk, Person, Organization, Project, Room, Track and Document entities with
// PRESENTS, AFFILIATED_WITH, MENTIONS, HELD_IN, IN_TRACK, PART_OF and FROM relations, each with
// the line that supports it as evidence.

// How strongly the document looks like this format (see Reader::recognise in reader.h): 90
// when it has a "Title#" line and a field line, 0 otherwise.
int RecogniseScheduleText(const Document& doc);

// The parts of a Venue: value. The room is the last '|' part before the city.
struct Venue {
  std::string room;      // "Exhibit Hall B2"; empty when the value is empty
  std::string building;  // "Building B"
  std::string level;     // "Level 1"
  std::string area;      // other '|' parts between the level and the room, joined with " | "
  std::string city;      // "Atlanta, GA, USA"
};
Venue ParseVenue(std::string_view value);

// Extracts the schedule. Problems that leave the rest usable (an unknown time zone, a session
// without any field, an unreadable time) are warnings in batch.diagnostics and the session or
// field is skipped. Fails with kParseError when the document holds no session at all. `gazetteer`
// finds project mentions; it must outlive the call.
Result<ExtractionBatch> ExtractScheduleText(const Document& doc, const Gazetteer& gazetteer);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_READERS_SCHEDULE_TEXT_H_
