#ifndef CNKG_EXTRACT_READERS_TALK_LIST_H_
#define CNKG_EXTRACT_READERS_TALK_LIST_H_

#include "common/status.h"
#include "extract/core/document.h"
#include "graph/batch.h"

namespace cnkg {

class Gazetteer;

// Reader for structured talk lists: a YAML file or a JSON array of talk records, such as a
// static site's data file of talks, a speaker's list of past talks or a meetup's archive.
//
//   - title: Policy as Code With Kyverno        [{"talk_title": "...",
//     presenters: Ana Silva, Initech & Bo Li      "speakers": [{"fullName": "Ana Silva",
//     event: KubeCon EU 2025                                    "company": "Initech"}],
//     date: 2025-04-02T11:00:00+01:00             "startsAt": "2025-04-02T11:00:00Z",
//     type: talk                                  "links": ["https://..."]}]
//     url: https://example.org/talks/kyverno
//
// The list is the top level, or the list under "talks", "sessions", "presentations", "items",
// "entries", "data" or "records" of a top-level mapping, whose "event" (or "conference") is then
// the event of every talk without one and whose "title" is the Document's title. Fields are
// matched by meaning, ignoring case, '_', '-' and spaces ("startsAt" = "starts_at"):
//  - title: title, talk_title, session_title, talk, session, topic, name (a record titled only
//    by "name" needs a speakers, event, date, type, abstract, slides or video field too);
//  - speakers: speakers, speaker, presenters, presenter, authors, author, by, hosts, host: a
//    text ("Ana Silva, Initech & Bo Li, Globex", read by ParseHeadingSpeakers in
//    grammar/article_speakers.h; failing that, plain names split at ',', ';', '&' and " and "), a
//    list of texts (each one speaker, with an organisation when the grammar reads one) or a list
//    of records (name, fullName or firstName + lastName; company, org, organization,
//    organisation, affiliation or employer; title, role, job_title or position; a tagline
//    "Role at Company" or "Role @ Company" gives what those leave empty);
//  - event: event, conference, meetup, event_name (text, or a mapping with a name) -> the
//    talk's Event, resolved with the year of the talk's date;
//  - start: start, startsAt, start_time, start_date, datetime, date, when; end: end, endsAt,
//    end_time. An ISO 8601 time ("2025-04-02T11:00:00Z", "2025-04-02 11:00") becomes `start` /
//    `end`, its offset kept (Z as +00:00; none: local time). A date alone ("2025-04-02",
//    "April 2, 2025") becomes the property "date"; with it, a "time" field ("11:00 - 11:30
//    CEST"), or a start and end written as times of day ("11:00", "11:30"), give start and end
//    (a time without a zone is kept as local time, with a warning as in schedules). A start that
//    is none of these is kept as the property "time", with a warning;
//  - links: url, link, permalink, sched, page, href -> `url`; video, recording, youtube ->
//    property "video"; slides, deck -> property "slides"; "links" (a URL, a list of URLs or of
//    {name, url} records, or a mapping of kinds to URLs) is sorted into those by its names or
//    its URLs (YouTube and Vimeo are videos; PDF, Speaker Deck, SlideShare are slides). `url` is
//    the first page URL, else the video, else the slides. Only http(s) URLs are kept;
//  - type: type, kind, format, session_type, talk_type, and category when it names a type. Talks
//    are talks, sessions, keynotes, lightning talks, panels, workshops, tutorials, labs,
//    presentations, demos, meetup talks, webinars, livestreams, fireside chats and breakouts,
//    and every record whose type is not known (the type is kept as the property "type"). Blog
//    posts, articles, posts, podcasts and episodes, videos, books, newsletters, interviews, case
//    studies, white papers, press releases and news are not talks: they make no Talk node, but
//    the projects their title and description name are mentioned by the Document. A category
//    that is not a type is the talk's track when it has none;
//  - description, abstract, summary, details, notes -> `description`;
//  - room, location -> the Room; track, tracks, stream -> the Track.
// Each talk's evidence is the line of its title (for JSON, the line where the title's string is
// written inside its record). Projects named in a talk's title or description are MENTIONS of
// the talk and of the Document. A talk is keyed like every reader's talks (BatchWriter::TalkKey),
// so a title listed twice with speakers (one talk given at two events) is one Talk node, PART_OF
// both events.
//
// Text that looks like such a YAML list but is not valid YAML (a tab, a colon in an unquoted
// title, bad indentation) is read line by line as "key: value" records, with one warning naming
// the line where YAML parsing failed.

// How strongly `doc` is a talk list (see Reader::recognise in reader.h): 80 for valid YAML or
// JSON whose list items are mostly talk records, 60 for YAML-like text that is not valid YAML
// but holds at least two "key: value" records with a title, 0 otherwise — in particular for
// Markdown with front matter, the CNCF landscape file, Sessionize, pretalx/frab and iCalendar
// exports (schedule_exports.h), prose, and an empty list. Never fails.
int RecogniseTalkList(const Document& doc);

// Extracts the talks of a talk list as described above. Problems that leave the rest usable are
// warnings naming their line: a list item that is not a talk record, a speaker that is not a
// name, a date that cannot be read, the YAML error of text read line by line. Fails with
// kParseError naming the file only when nothing usable is found (no talk, no event and no project
// mention), when the document is not a talk list at all, or when it is one of the exports of
// schedule_exports.h ("PATH: a Sessionize JSON export, not a talk list (leave out --format to
// read it)").
// `gazetteer` finds project mentions and is only used during the call. Never throws; runs in
// time linear in the size of the document.
Result<ExtractionBatch> ExtractTalkList(const Document& doc, const Gazetteer& gazetteer);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_READERS_TALK_LIST_H_
