#ifndef CNKG_EXTRACT_CORE_BATCH_WRITER_H_
#define CNKG_EXTRACT_CORE_BATCH_WRITER_H_

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "common/hash.h"
#include "extract/core/document.h"
#include "graph/batch.h"

namespace cnkg {

class Gazetteer;

// The one place where readers turn what they read into graph records. A reader fills TalkRecords
// (and events, mentions, warnings) and the writer makes the entities and relations: the Document
// node, Event, Talk, Person, Organization, Room and Track nodes, and PRESENTS, AFFILIATED_WITH,
// PART_OF, FROM, HELD_IN, IN_TRACK and MENTIONS, each with its evidence. Every reader therefore
// keys, names and relates things the same way.

// One person credited on a talk, as a reader read them. Strings are trimmed UTF-8.
struct SpeakerRecord {
  std::string name;
  // "Staff Engineer", "VP, Sales", "Maintainer"; empty when none is given.
  std::string job_title;
  // The organisation as written, legal suffix kept ("Initech, Inc."); empty when none is given.
  // A text that names no organisation ("Independent") is dropped by the writer.
  std::string organization;
  // Other names of the organisation read from the text ("(formerly X)" -> "X").
  std::vector<std::string> organization_aliases;
};

// Where a talk took place: the room's own name and what the venue text says around it.
struct RoomRecord {
  std::string name;  // "Exhibit Hall B2"; required
  std::string building, level, area, city;
};

// A talk as a reader read it.
struct TalkRecord {
  std::string title;                 // as the session is called; required
  std::vector<std::string> aliases;  // other names (as written, a cut title); TalkTitleAliases
                                     // of the title are added by the writer
  std::vector<SpeakerRecord> speakers;
  Evidence evidence;  // the line that names the talk (document is filled in by the writer)
  // The line that names the speakers; the talk's evidence when its line is 0.
  Evidence speakers_evidence;
  std::string start, end;  // ISO 8601 with offset when known
  std::string time_text;   // a time that could not be read, kept as written
  std::string description;
  std::string url;
  std::optional<RoomRecord> room;
  Evidence room_evidence;
  std::string track;
  Evidence track_evidence;
  // The Event the talk is PART_OF: a key returned by BatchWriter::AddEvent, or empty for the
  // document's event (BatchWriter::SetDocumentEvent), or none.
  std::string event_key;
  // Appended to the key to keep apart sessions that share a title in one event ("Coffee Break"
  // at two times): the start time, a line number. Empty for most talks. Readers of whole
  // schedules (SlotKeys) key every session without speakers by its start, so that a one-day
  // schedule and a whole-event calendar key "Coffee Break" alike.
  std::string key_suffix;
  Properties properties;  // further properties (e.g. "type", "sched_id")
};

// The key_suffix that readers of whole schedules give their sessions: a session without speakers
// (a break, a keynote slot) is a slot of its event and is keyed by its start, and so is a session
// whose title repeats in the document; a tiebreak (a UID, a line number) is added when the start
// is empty or shared by another session of the same title. Count every talk of the document
// first, then ask for each one's suffix.
class SlotKeys {
 public:
  void Count(const TalkRecord& talk);
  // The suffix of a counted talk; empty for a talk with speakers whose title is unique.
  std::string SuffixFor(const TalkRecord& talk, std::string_view tiebreak) const;

 private:
  std::map<std::string, int> titles_, slots_;  // Slug(title), Slug(title) + "@" + start
};

// Builds one document's ExtractionBatch. Holds references to `doc` and `gazetteer`, which must
// outlive it. Not thread-safe; one writer per document.
class BatchWriter {
 public:
  // `format` is the name of the reader (the Document node's "format" property).
  BatchWriter(const Document& doc, std::string_view format, const Gazetteer& gazetteer);

  const Document& document() const { return doc_; }
  const std::string& document_key() const { return document_key_; }
  // Sets a property of the Document node ("title").
  void SetDocumentProperty(const std::string& name, PropertyValue value);

  // Adds the Event called `name` (canonical names for known editions, see EventRecord in
  // records.h) once, and returns its key; a second call for the same event adds its spellings as
  // aliases. `year_hint` (0 if unknown) resolves names without a year.
  std::string AddEvent(std::string_view name, int line, std::string_view evidence_text,
                       int year_hint = 0);
  // Adds an event record made by the caller (same merging as AddEvent). Returns its key.
  std::string AddEvent(EntityRecord event);
  // The event that talks without an event_key are PART_OF; empty for none.
  void SetDocumentEvent(std::string key) { document_event_ = std::move(key); }
  const std::string& document_event() const { return document_event_; }
  // The display name of the event with this key, or "" if the writer has none.
  std::string EventName(const std::string& key) const;

  // The key a talk gets: its title; a talk without speakers scoped to its event (or, without one,
  // to this document), so that "Opening Remarks" at two events stays two talks; then the
  // key_suffix. A suffix that is an ISO time with an offset is written in UTC, so that documents
  // that write one slot in different offsets key it alike.
  std::string TalkKey(const TalkRecord& talk) const;

  // Adds the talk, its speakers, their organisations, its room, track and event, and the
  // relations between them. Mentions are not read here (see AddMentions). Returns the talk's key.
  // A talk added twice under one key (the same session named twice) is one node.
  std::string AddTalk(const TalkRecord& talk);

  // Finds the projects the gazetteer knows in `text` (line `line` of the document; URLs and file
  // paths are not read) and adds a MENTIONS relation from `source_key` (a Talk or the Document)
  // to each, with the sentence around the name as evidence; a sub-project ("Foo Operator") is
  // mentioned with its parent. At most a few pieces of evidence are kept per source and project,
  // so that a huge repetitive text stays cheap.
  // `context` (a talk's description, for its title) may confirm an everyday-word name by its
  // context cues (Gazetteer::FindMentions); it is not scanned itself.
  void AddMentions(std::string_view text, const std::string& source_key, int line,
                   std::string_view context = {});
  // As above for a text that spans source lines (a paragraph whose lines wrap, read as one so
  // that a name split by the wrap is found): the byte at offset i of `text` is on line
  // line_at(i), which is the line each mention's evidence names.
  // `continues_sentence`: the text continues a sentence begun before it (the next line of a
  // hard-wrapped paragraph), so its first word is no sentence start.
  void AddMentions(std::string_view text, const std::string& source_key,
                   const std::function<int(std::size_t)>& line_at, std::string_view context = {},
                   bool continues_sentence = false);

  // Adds an entity made by the reader (a landscape project, a category). Its evidence's document
  // is set to this document.
  void Add(EntityRecord entity);

  // Software the document itself names and defines (grammar/project_definitions.h) that the
  // gazetteer does not know: from now on AddMentions finds these names too, as written, whole
  // words, and mentions them as Projects (not CNCF projects).
  void AddLocalProjects(const std::vector<std::string>& names);
  // The software `text` names and defines (FindDefinedProjects) that the gazetteer does not know
  // by exactly that name: the names to give AddLocalProjects.
  std::vector<std::string> UnknownDefinedProjects(std::string_view text) const;

  // Adds a relation between two keys of this batch (or of the graph it is added to).
  void Relate(const std::string& source, const std::string& target, RelType type, int line,
              std::string_view evidence_text, Properties properties = {});

  // A problem that leaves the rest of the document readable. The message may quote the document:
  // it is made one line (OneLineMessage: control characters escaped), as is every diagnostic
  // the writer is given.
  void Warn(int line, std::string message);
  // A diagnostic made by the caller, kept as it is but for its message made one line.
  void AddDiagnostic(Diagnostic d);

  // True when some MENTIONS relation was added.
  bool has_mentions() const { return mentions_ > 0; }
  std::size_t talk_count() const { return talks_.size(); }

  // The batch. The writer must not be used afterwards.
  ExtractionBatch Finish();

 private:
  Evidence Ev(int line, std::string_view text);
  void AddEntity(EntityRecord e);
  // Scans text[begin, begin + piece.size()); `piece` has URLs and paths blanked out.
  void ScanPiece(std::string_view piece, std::string_view original, const std::string& source,
                 const std::function<int(std::size_t)>& line_at, std::size_t begin,
                 std::string_view context, bool continues_sentence);

  const Document& doc_;
  const SharedString doc_name_;  // doc_.name, shared by every evidence
  SharedString last_text_;       // the text Ev() quoted last
  const Gazetteer& gazetteer_;
  ExtractionBatch batch_;
  std::string document_key_;
  std::string document_event_;
  struct PairHash {
    std::size_t operator()(const std::pair<std::string, std::string>& p) const {
      return HashMix(std::hash<std::string>()(p.first), std::hash<std::string>()(p.second));
    }
  };
  // Lookups only (never iterated), so hashed.
  std::unordered_map<std::string, std::size_t> entity_index_;  // key -> position in batch_.entities
  std::unordered_set<std::string> talks_;
  std::unordered_map<std::pair<std::string, std::string>, int, PairHash> mention_evidence_;
  std::unordered_map<std::size_t, std::string> project_keys_;  // gazetteer entry -> project key
  std::vector<std::string> local_projects_;
  // Speakers and their organisations, as written, of two words or more: their names are no
  // project mentions ("Kettle & Crane" does not mention Crane, "Pedro Lima" not Lima).
  std::vector<std::string> masked_names_;
  std::map<std::pair<std::string, int>, std::string> event_keys_;  // (name, year) -> key
  int mentions_ = 0;
};

}  // namespace cnkg

#endif  // CNKG_EXTRACT_CORE_BATCH_WRITER_H_
