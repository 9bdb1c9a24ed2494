#ifndef CNKG_EXTRACT_READERS_TALK_LIST_INPUT_H_
#define CNKG_EXTRACT_READERS_TALK_LIST_INPUT_H_

// The input side of the talk-list reader (talk_list.h): it finds the list of talk records in a
// YAML file, a JSON file or text that looks like YAML but is not valid YAML, and hands the
// records over as one small tree type, whichever syntax they came from (talk_list_input.cc: YAML,
// JSON and what is not a talk list; talk_list_lines.cc: line shapes and the tolerant reader of
// text that is not valid YAML). Internal to the reader; its tests use it too.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/core/document.h"

namespace cnkg::talk_list {

// A value of a talk record. Maps keep their keys normalised (NormaliseKey) and in the order
// written.
struct Value {
  enum class Kind : std::uint8_t { kNull, kScalar, kList, kMap };
  Kind kind = Kind::kNull;
  int line = 0;                   // 1-based line where the value is written; 0 when unknown
  std::string scalar;             // kScalar: the text (numbers and booleans as written)
  std::vector<std::string> keys;  // kMap: normalised keys, parallel to items
  std::vector<Value> items;       // kList: the elements; kMap: the values of `keys`

  bool is_scalar() const { return kind == Kind::kScalar; }
  bool is_list() const { return kind == Kind::kList; }
  bool is_map() const { return kind == Kind::kMap; }
  // The value of the first of `names` (normalised keys, in order of preference) this map has;
  // nullptr when it has none or is not a map.
  const Value* Find(std::span<const std::string_view> names) const;
  // The same, with the key found written to *key.
  const Value* Find(std::span<const std::string_view> names, std::string_view* key) const;
};

// The comparison form of a field name: ASCII letters lower-cased, everything but letters, digits
// and non-ASCII bytes dropped, so "startsAt", "start_time", "Start-Time" and "start time" become
// "startsat", "starttime", "starttime", "starttime".
std::string NormaliseKey(std::string_view key);

// Field names, normalised, in order of preference. A record is a talk record when it has one of
// kTitleKeys with a text value (see RecordProblem).
inline constexpr std::string_view kTitleKeys[] = {"title",    "talktitle",   "sessiontitle",
                                                  "talkname", "sessionname", "talk",
                                                  "session",  "topic",       "name"};
inline constexpr std::string_view kSpeakerKeys[] = {
    "speakers", "speaker", "presenters", "presenter", "authors",
    "author",   "by",      "hosts",      "host",      "speakernames"};
inline constexpr std::string_view kEventKeys[] = {"event",     "conference", "meetup",
                                                  "eventname", "venueevent", "conferencename"};
inline constexpr std::string_view kStartKeys[] = {"start",     "startsat", "startat", "starttime",
                                                  "startdate", "datetime", "date",    "when"};
inline constexpr std::string_view kEndKeys[] = {"end", "endsat", "endat", "endtime", "enddate"};
inline constexpr std::string_view kTimeKeys[] = {"time"};
inline constexpr std::string_view kDurationKeys[] = {"durationminutes", "durationmins", "duration",
                                                     "lengthminutes",   "length",       "minutes"};
inline constexpr std::string_view kTypeKeys[] = {"type", "kind", "format", "sessiontype",
                                                 "talktype"};
// Fields of one mapping that are read; the rest of a larger mapping (no talk record has that
// many fields) is ignored, so that looking fields up stays cheap.
inline constexpr std::size_t kMaxFields = 256;
// The list of records under a top-level mapping.
inline constexpr std::string_view kListKeys[] = {"talks",   "sessions", "presentations", "items",
                                                 "entries", "data",     "records"};

// Why `record` is not a talk record, for a warning ("not a mapping", "no title (...)", "not a
// talk record (it has a 'tasks' field)"), or "" when it is one: a mapping with a title-like field
// whose value is text. A record whose only title-like field is "name" must also have a speakers,
// event, date, type, slides or video field (a list of people or of links has names too). A
// record with a field of a configuration or build file (tasks, steps, apiVersion, metadata, ...)
// is not a talk record.
std::string RecordProblem(const Value& record);

// What a document holds, as far as the talk-list reader is concerned.
enum class Source { kNone, kJson, kYaml, kLines };

struct LoadedList {
  Source source = Source::kNone;
  // How strongly the document is a talk list (Reader::recognise): 80 for YAML or JSON, 60 for
  // text read line by line, 0 when it is not a talk list (records may still have been found).
  int claim = 0;
  // The talk records (each a kMap that RecordProblem accepts), in document order.
  std::vector<Value> records;
  // The other fields of a top-level mapping that holds the list ("event", "title"); kNull when
  // the list is the top level.
  Value document;
  // Problems that leave the rest usable: (line, message). At most a few dozen record warnings
  // are kept; the last one then counts the rest.
  std::vector<std::pair<int, std::string>> warnings;
  // When `records` is empty: why, as the end of an error message ("no talk records found ...").
  std::string error;
};

// Collects the records of one list into a LoadedList: keeps the talk records (RecordProblem),
// warns about the other items naming their line (at most a few dozen warnings; one more counts
// the rest). Holds a reference to `out`, which must outlive it. Used by the loaders of
// talk_list_input.cc and talk_list_lines.cc.
class RecordCollector {
 public:
  explicit RecordCollector(LoadedList& out);
  // Keeps `record` (list item `index`, 1-based, written at `line`) or warns why it is skipped.
  void Add(Value record, std::size_t index, int line);
  // Counts list item `index`, which is not a mapping (a number, a string), and warns.
  void AddNonMapping(std::size_t index, int line);
  // A warning about the list, counted against the same cap.
  void Warn(int line, std::string message);
  // Adds the warning that counts the warnings not kept, and sets out.error when no record was
  // kept. Call once, after the last item.
  void Finish();
  // 80 when most list items are mappings and most mappings are talk records; 0 otherwise.
  int ListClaim() const;

 private:
  void Skip(std::size_t index, int line, std::string_view problem);

  LoadedList& out_;
  int kept_ = 0;
  int dropped_ = 0;
  std::size_t items_ = 0, maps_ = 0;
};

// How the lines of a text are shaped, to tell YAML-like text from prose (talk_list_lines.cc).
struct LineShapes {
  int structured = 0;  // "key: value" lines and "- item" lines
  int other = 0;       // prose and anything else
  int title_keys = 0;  // "key: value" lines whose key is one of kTitleKeys
};
// Counts the shapes of `doc`'s lines. Blank lines, comments, "---"/"..." and indented lines that
// follow a structured line (block scalars, folded values) count as neither structured nor other.
LineShapes ScanLineShapes(const Document& doc);

// True for Markdown with front matter: a first line "---", a block that does not start with a
// list item, closed by "---" or "...", and a non-blank line after it.
bool IsMarkdownWithFrontMatter(const Document& doc);

// Reads "key: value" records from text that is not valid YAML into `out` (source kLines, claim
// 60 from two talk records on): a record starts at "- key:", at a key line after a blank line,
// or when a key repeats; a key with an empty value is filled by the "- item" lines after it (a
// list; "- name: X" items with their own deeper "key: value" lines) or by indented text (a folded
// scalar); "talks:" (one of kListKeys) above the records is skipped. Quotes around a value are
// removed and "[a, b]" is a list. Linear in the size of the text.
void ReadKeyValueLines(const Document& doc, LoadedList& out);

// Finds the talk records of `doc`:
//  - text starting with '[' or '{' is JSON (or, when it is not valid JSON, flow-style YAML);
//  - other text is YAML when it looks like it (some key is title-like, and "key: value" and
//    "- item" lines outnumber the other non-blank lines; comments, "---" and indented lines that
//    continue a value count as neither); text that looks like YAML but is not valid YAML is read
//    line by line as "key: value" records (claim 60 from two records with a title on), with one
//    warning naming the line where YAML parsing failed;
//  - the records are the top-level list, or the list under one of kListKeys of a top-level
//    mapping.
// Markdown with front matter, the CNCF landscape file and the schedule exports of
// schedule_exports.h are never talk lists (claim 0, no records, `error` says what they are).
// Never throws; runs in time linear in the size of the document (YAML aliases that would repeat
// more text than the document holds are cut off with a warning).
LoadedList LoadTalkList(const Document& doc);

}  // namespace cnkg::talk_list

#endif  // CNKG_EXTRACT_READERS_TALK_LIST_INPUT_H_
