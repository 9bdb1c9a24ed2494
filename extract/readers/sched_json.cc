#include "extract/readers/sched_json.h"

#include <re2/re2.h>

#include <algorithm>
#include <cassert>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "common/json_writer.h"
#include "common/strings.h"
#include "extract/core/batch_writer.h"
#include "extract/core/json_text.h"
#include "extract/grammar/local_time.h"
#include "extract/grammar/sched_summary.h"
#include "extract/markup/markdown.h"
#include "extract/readers/schedule_exports.h"
#include "extract/readers/schedule_text.h"

namespace cnkg {
namespace {

// Members in document order.
using Json = nlohmann::ordered_json;

constexpr std::string_view kWhat = "a sched JSON export";

// Where the elements of the top-level array of a JSON text that parses are written: the byte
// range of each, in order.
std::vector<std::pair<std::size_t, std::size_t>> ElementRanges(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  int depth = 0;
  bool in_string = false;
  std::size_t start = 0;
  bool in_element = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
      continue;
    }
    const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (depth == 1 && !in_element && !space && c != ',' && c != ']') {
      in_element = true;
      start = i;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
    }
    if (in_element && (depth == 1 ? c == ',' || c == '}' || c == ']' : depth == 0)) {
      const std::size_t end = c == ',' || depth == 0 ? i : i + 1;
      out.emplace_back(start, end);
      in_element = false;
    }
  }
  return out;
}

class Reader {
 public:
  Reader(const Document& doc, const Gazetteer& gazetteer)
      : doc_(doc), out_(doc, "sched-json", gazetteer) {
    for (std::size_t i = 0; i < doc.text.size(); ++i)
      if (doc.text[i] == '\n') newlines_.push_back(i);
  }
  Result<ExtractionBatch> Read(const Json& sessions);

 private:
  int LineAt(std::size_t offset) const {
    return 1 + static_cast<int>(std::lower_bound(newlines_.begin(), newlines_.end(), offset) -
                                newlines_.begin());
  }
  // The line where the string `value` is written in the current session; the session's line when
  // it is not found (written with other escapes).
  int LineOf(std::string_view value) const {
    const std::string needle = DumpJson(Json(std::string(value)));
    const std::size_t at = doc_.text.find(needle, range_.first);
    return at != std::string::npos && at < range_.second ? LineAt(at) : session_line_;
  }
  std::string LineText(int line) const {
    if (line <= 0 || line > static_cast<int>(doc_.lines.size())) return "";
    return std::string(Trim(doc_.lines[line - 1]));
  }
  void Warn(int line, std::string message) {
    if (!first_warning_) first_warning_ = Diagnostic{{}, doc_.path, line, message};
    out_.Warn(line, std::move(message));
  }
  // The line where the member `key` of the current session is written; the session's line when
  // it is not found.
  int KeyLine(std::string_view key) const { return LineOf(key); }
  // The string value of `object`'s member `key`, trimmed: a number is written as text unless
  // `text_only`, an absent or null member is "". Another kind is warned about and read as "".
  std::string Str(const Json& object, const char* key, bool text_only = false);
  // Reads "speakers" or "moderators": a list of records or names, or a comma-separated string.
  // False when the field has a kind it cannot be (warned about, saying `instead` what is done).
  bool People(const Json& session, const char* key, std::string_view instead,
              std::vector<SpeakerRecord>* people);
  std::optional<TalkRecord> ReadSession(const Json& session);
  // The date-time `key` of `session` in ISO 8601, placed in the zone when there is one; "" when
  // it is missing or cannot be read (warned about). `text` receives it as written.
  std::string Time(const Json& session, const char* key, const std::string& title,
                   std::string* text);

  const Document& doc_;
  BatchWriter out_;
  std::vector<std::size_t> newlines_;
  std::pair<std::size_t, std::size_t> range_{0, 0};  // the current session's bytes
  int session_line_ = 0;
  int description_line_ = 0;  // of the session read last
  std::string what_;          // "session 3", for messages
  std::string zone_;
  bool unplaced_ = false;
  std::optional<Diagnostic> first_warning_;
};

std::string Reader::Str(const Json& object, const char* key, bool text_only) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return "";
  if (it->is_string()) return std::string(Trim(it->get_ref<const std::string&>()));
  if (it->is_number() && !text_only) return it->dump();
  Warn(KeyLine(key), "'" + std::string(key) + "' of " + what_ + " is " + JsonKind(*it) +
                         ", expected a string; ignored");
  return "";
}

bool Reader::People(const Json& session, const char* key, std::string_view instead,
                    std::vector<SpeakerRecord>* people) {
  auto it = session.find(key);
  if (it == session.end() || it->is_null()) return true;
  if (it->is_string()) {
    for (const std::string& name : Split(it->get_ref<const std::string&>(), ","))
      if (std::string n = CollapseSpaces(name); !n.empty()) people->push_back({n, "", "", {}});
    return true;
  }
  if (!it->is_array()) {
    Warn(KeyLine(key), "'" + std::string(key) + "' of " + what_ + " is " + JsonKind(*it) +
                           ", expected an array or a string; " + std::string(instead));
    return false;
  }
  int n = 0;
  for (const Json& person : *it) {
    ++n;
    if (person.is_string()) {
      if (std::string name = CollapseSpaces(person.get_ref<const std::string&>()); !name.empty())
        people->push_back({name, "", "", {}});
      continue;
    }
    const std::string who = std::string(key) + " " + std::to_string(n) + " of " + what_;
    if (!person.is_object()) {
      Warn(KeyLine(key), who + " is " + JsonKind(person) + ", expected an object; skipped");
      continue;
    }
    SpeakerRecord s{CollapseSpaces(Str(person, "name")),
                    CollapseSpaces(Str(person, "position")),
                    CollapseSpaces(Str(person, "company")),
                    {}};
    if (s.name.empty()) {
      Warn(KeyLine(key), who + " has no 'name'; skipped");
      continue;
    }
    people->push_back(std::move(s));
  }
  return true;
}

std::string Reader::Time(const Json& session, const char* key, const std::string& title,
                         std::string* written_text) {
  const std::string text = Str(session, key);
  if (written_text != nullptr) *written_text = text;
  if (text.empty()) return "";
  auto written = ParseIsoDateTime(text);
  if (!written) {
    Warn(LineOf(text), "'" + std::string(key) + "' of '" + title + "' is not a date-time ('" +
                           text + "', expected 2025-11-13 09:00); left out");
    return "";
  }
  std::optional<int> offset = written->offset_seconds;
  if (!offset && !zone_.empty()) offset = ZoneOffsetSeconds(zone_, written->local);
  if (!offset) unplaced_ = true;
  return FormatIsoDateTime(written->local, offset);
}

// The title of a session called `name` whose speakers are `people`: the name without the last
// " - " after which one of them is named; nullopt when no such dash is found.
std::optional<std::string> CutSpeakerTail(const std::string& name,
                                          const std::vector<SpeakerRecord>& people) {
  for (std::size_t dash = name.rfind(" - "); dash != std::string::npos && dash > 0;
       dash = name.rfind(" - ", dash - 1)) {
    const std::string_view rest = std::string_view(name).substr(dash + 3);
    for (const SpeakerRecord& p : people)
      if (StartsWithIgnoreCase(rest, p.name)) return std::string(Trim(name.substr(0, dash)));
  }
  return std::nullopt;
}

bool LooksLikeHtml(std::string_view text) {
  static const RE2 re(R"((?i)</?(p|br|a|b|i|em|strong|ul|ol|li|div|span|h[1-6])\b[^>]*>)");
  assert(re.ok());
  return RE2::PartialMatch(text, re);
}

std::optional<TalkRecord> Reader::ReadSession(const Json& session) {
  if (!session.is_object()) {
    Warn(session_line_, what_ + " is " + JsonKind(session) + ", expected an object; skipped");
    return std::nullopt;
  }
  const std::string name = CollapseSpaces(Str(session, "name", /*text_only=*/true));
  if (name.empty()) {
    Warn(session_line_, what_ + " has no 'name'; skipped");
    return std::nullopt;
  }
  if (auto it = session.find("name"); it != session.end() && it->is_string())
    session_line_ = LineOf(it->get_ref<const std::string&>());
  TalkRecord t;
  t.evidence = {"", session_line_, LineText(session_line_)};
  std::vector<SpeakerRecord> people;
  const bool speakers_read = People(session, "speakers", "read from the name instead", &people);
  const bool listed = speakers_read && session.contains("speakers");
  People(session, "moderators", "ignored", &people);
  const SchedSummary summary = SplitSchedSummary(name);
  if (!listed) {
    t.title = summary.title;
    for (const HeadingSpeaker& s : summary.speakers)
      t.speakers.push_back({s.name, s.job_title, s.organization, s.organization_aliases});
  } else {
    // The list says who speaks; the name repeats them after its last " - ".
    auto cut = CutSpeakerTail(name, people);
    t.title = cut ? *cut : people.empty() ? name : summary.title;
    t.speakers = std::move(people);
    // A list of bare names (the string form): the name's tail may say where they work.
    for (SpeakerRecord& s : t.speakers) {
      if (!s.organization.empty()) continue;
      for (const HeadingSpeaker& h : summary.speakers) {
        if (FoldName(h.name) != FoldName(s.name)) continue;
        s.organization = h.organization;
        s.organization_aliases = h.organization_aliases;
        if (s.job_title.empty()) s.job_title = h.job_title;
      }
    }
    if (!t.speakers.empty()) {
      const int line = LineOf(t.speakers.front().name);
      t.speakers_evidence = {"", line, LineText(line)};
    }
  }
  if (t.title != name) t.aliases.push_back(name);
  std::string start_text;
  t.start = Time(session, "event_start", t.title, &start_text);
  t.end = Time(session, "event_end", t.title, nullptr);
  if (t.start.empty()) t.time_text = start_text;
  if (std::string venue = Str(session, "venue"); !venue.empty()) {
    Venue v = ParseVenue(venue);
    if (!v.room.empty()) {
      t.room = RoomRecord{v.room, v.building, v.level, v.area, v.city};
      const int line = LineOf(venue);
      t.room_evidence = {"", line, LineText(line)};
    }
  }
  if (std::string track = CollapseSpaces(Str(session, "event_type")); !track.empty()) {
    const int line = LineOf(track);
    t.track = track;
    t.track_evidence = {"", line, LineText(line)};
  }
  if (std::string sub = CollapseSpaces(Str(session, "event_subtype")); !sub.empty())
    t.properties["subtype"] = sub;
  std::string description = Str(session, "description");
  description_line_ = description.empty() ? session_line_ : LineOf(description);
  if (LooksLikeHtml(description)) description = std::string(Trim(HtmlText(description)));
  t.description = description;
  std::string id = Str(session, "id");
  if (id.empty()) id = Str(session, "event_key");
  if (!id.empty()) t.properties["sched_id"] = id;
  return t;
}

Result<ExtractionBatch> Reader::Read(const Json& sessions) {
  if (!doc_.time_zone.empty()) {
    if (IsKnownTimeZone(doc_.time_zone))
      zone_ = doc_.time_zone;
    else
      Warn(0, "unknown time zone '" + doc_.time_zone + "'; times kept as local times");
  }
  const auto ranges = ElementRanges(doc_.text);
  struct Prepared {
    TalkRecord talk;
    int description_line;
  };
  std::vector<Prepared> prepared;
  int inactive = 0;
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    range_ = i < ranges.size() ? ranges[i] : std::make_pair(std::size_t{0}, doc_.text.size());
    session_line_ = LineAt(range_.first);
    what_ = "session " + std::to_string(i + 1);
    const Json& session = sessions[i];
    if (auto active = session.is_object() ? session.find("active") : session.end();
        active != session.end() && *active == "N") {
      ++inactive;
      continue;
    }
    if (auto talk = ReadSession(session)) prepared.push_back({std::move(*talk), description_line_});
  }
  if (prepared.empty()) {
    if (first_warning_)
      return Status::ParseError(
          doc_.path + (first_warning_->line > 0 ? ":" + std::to_string(first_warning_->line) : "") +
          ": no session could be read; the first problem: " + first_warning_->message);
    if (inactive > 0)
      return Status::ParseError(doc_.path +
                                ": every session is inactive (\"active\": \"N\"); "
                                "nothing to read");
    return Status::ParseError(doc_.path + ": no sessions found (" + std::string(kWhat) +
                              " is a list of sessions with \"name\" and \"event_start\")");
  }
  if (inactive > 0)
    out_.Warn(0, std::to_string(inactive) + " inactive session" + (inactive > 1 ? "s" : "") +
                     " (\"active\": \"N\") skipped");
  if (unplaced_)
    out_.Warn(0, "times have no zone; kept as local times (give --timezone ZONE to place them)");

  // A title that repeats (breaks, lunch) is one talk per time slot.
  SlotKeys slots;
  for (const Prepared& p : prepared) slots.Count(p.talk);
  for (Prepared& p : prepared) {
    p.talk.key_suffix = slots.SuffixFor(p.talk, std::to_string(p.talk.evidence.line));
    const std::string key = out_.AddTalk(p.talk);
    out_.AddMentions(p.talk.title, key, p.talk.evidence.line, p.talk.description);
    if (!p.talk.description.empty()) out_.AddMentions(p.talk.description, key, p.description_line);
  }
  return out_.Finish();
}

}  // namespace

int RecogniseSchedJson(const Document& doc) {
  return DetectScheduleExport(doc) == ScheduleExport::kSchedJson ? 95 : 0;
}

Result<ExtractionBatch> ExtractSchedJson(const Document& doc, const Gazetteer& gazetteer) {
  if (DetectScheduleExport(doc) != ScheduleExport::kSchedJson)
    return NotThisExport(doc, ScheduleExport::kSchedJson);
  const Json sessions = Json::parse(doc.text, nullptr, /*allow_exceptions=*/false);
  if (sessions.is_discarded()) return JsonSyntaxStatus(doc, kWhat);
  if (!sessions.is_array())
    return Status::ParseError(doc.path + ":1: the export is " + JsonKind(sessions) +
                              ", expected an array of sessions");
  return Reader(doc, gazetteer).Read(sessions);
}

}  // namespace cnkg
