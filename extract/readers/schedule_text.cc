#include "extract/readers/schedule_text.h"

#include <re2/re2.h>

#include <algorithm>
#include <cassert>
#include <map>
#include <optional>

#include "common/strings.h"
#include "extract/core/batch_writer.h"
#include "extract/grammar/schedule_time.h"
#include "extract/grammar/speakers.h"
#include "extract/grammar/talk_title.h"
#include "graph/resolve.h"

namespace cnkg {
namespace {

enum class Field { kTime, kSpeakers, kVenue, kType, kDescription };

struct FieldValue {
  std::string value;
  int line = 0;
  std::string text;  // the whole line, for evidence
};

struct Session {
  std::string title;
  int line = 0;
  std::string title_line;
  std::optional<CivilDate> date;
  std::map<Field, FieldValue> fields;
};

const RE2& FieldRe() {
  static const RE2 re(
      R"((?i)^(time|speakers?|venue|location|type|track|description|abstract)\s*:\s*(.*)$)");
  assert(re.ok());
  return re;
}

std::optional<Field> FieldFromName(const std::string& name) {
  std::string n = AsciiLower(name);
  if (n == "time") return Field::kTime;
  if (n == "speakers" || n == "speaker") return Field::kSpeakers;
  if (n == "venue" || n == "location") return Field::kVenue;
  if (n == "type" || n == "track") return Field::kType;
  if (n == "description" || n == "abstract") return Field::kDescription;
  return std::nullopt;
}

// A title line: text ending in '#' (trailing spaces allowed).
bool TitleLine(std::string_view t, std::string* body) {
  if (t.empty() || t.back() != '#') return false;
  while (!t.empty() && (t.back() == '#' || t.back() == ' ')) t.remove_suffix(1);
  t = Trim(t);
  if (t.empty()) return false;
  *body = CollapseSpaces(t);
  return true;
}

bool MentionsChina(std::string_view s) {
  static const RE2 re(R"((?i)\b(china|beijing|shanghai|hong kong|shenzhen|hangzhou)\b)");
  assert(re.ok());
  return RE2::PartialMatch(s, re);
}

}  // namespace

int RecogniseScheduleText(const Document& doc) {
  int titles = 0, fields = 0;
  std::size_t limit = std::min<std::size_t>(doc.lines.size(), 400);
  for (std::size_t i = 0; i < limit; ++i) {
    std::string_view t = Trim(doc.lines[i]);
    std::string body;
    if (TitleLine(t, &body)) ++titles;
    std::string name, value;
    if (RE2::FullMatch(t, FieldRe(), &name, &value) && FieldFromName(name) &&
        AsciiLower(name) != "description")
      ++fields;
  }
  return titles >= 1 && fields >= 1 ? 90 : 0;
}

Venue ParseVenue(std::string_view value) {
  static const RE2 building(R"((?i)^(building|hall|wing|tower|pavilion)\b.*)");
  static const RE2 level(
      R"((?i)^(level|floor|lvl|etage|mezzanine|ground floor)\b.*|.*\b(level|floor)$)");
  // "190 Main St NW", "1105 W Peachtree St": a street address, not a room.
  static const RE2 street(
      R"((?i)^\d+[a-z]?\s+(?:[nsew]\.?\s+)?\S.*\b(st|street|ave|avenue|blvd|boulevard|rd|road|way|dr|drive|lane|ln|place|pl|square|sq|parkway|pkwy|straße|strasse|str|gade|vej|rue|calle|via)\b.*)");
  static const RE2 unknown(R"((?i)^(tba|tbd|tbc|to be (announced|decided|confirmed))$)");
  // "10559 Berlin", "1012 AB Amsterdam", "D-80331 München": a postcode and a city.
  static const RE2 postcode_city(R"(^(?:[A-Z]{1,2}-)?\d{4,5}(?:\s?[A-Z]{2})?\s+\p{Lu}.*)");
  assert(building.ok() && level.ok() && street.ok() && unknown.ok() && postcode_city.ok());
  Venue v;
  std::vector<std::string> parts = Split(value, "|");
  if (parts.empty()) return v;
  std::string last = parts.back();
  parts.pop_back();
  std::vector<std::string> commas = Split(last, ",");
  std::string room = commas.empty() ? "" : commas[0];
  std::size_t city_from = 1;
  // "Hotel, The Pine Room, 190 Main St, City": a room between the venue and its street address.
  // The street may be written with its number after it ("Hauptstraße 12, 10559 Berlin"): then a
  // postcode and city follow it.
  // In third place, a house number then words is a street too ("12 Harbour Quay").
  static const RE2 numbered(R"(^\d{1,5}[A-Za-z]?\s+\p{Lu}[^,\d]*$)");
  assert(numbered.ok());
  // "Ohlauer Str. 41", "Kaiweg 91": words then a house number, a street where a postcode follows.
  static const RE2 number_last(R"(^\p{Lu}[^,\d]+\s\d{1,4}[a-z]?$)");
  assert(number_last.ok());
  const bool second_is_street = commas.size() >= 3 && RE2::FullMatch(commas[1], number_last) &&
                                RE2::FullMatch(commas[2], postcode_city);
  const bool street_third =
      commas.size() >= 3 && !second_is_street &&
      (RE2::FullMatch(commas[2], street) ||
       (RE2::FullMatch(commas[2], numbered) && !RE2::FullMatch(commas[2], postcode_city)) ||
       (commas.size() >= 4 && RE2::FullMatch(commas[3], postcode_city) &&
        !RE2::FullMatch(commas[1], postcode_city)));
  if (parts.empty() && street_third && !RE2::FullMatch(commas[1], street) &&
      !RE2::FullMatch(commas[1], level)) {
    parts.push_back(commas[0]);
    room = commas[1];
    city_from = 2;
  }
  // "Atlantic Room - 2nd Floor": a room with its level after a dash.
  static const RE2 room_level(R"((.+?)\s+[-–]\s+(\S.*))");
  assert(room_level.ok());
  std::string room_part, level_part;
  if (RE2::FullMatch(room, room_level, &room_part, &level_part) &&
      RE2::FullMatch(level_part, level)) {
    room = room_part;
    v.level = level_part;
  }
  // "Hotel | Ballroom | 4th Floor, City": the last part is the level; the room comes before it.
  if (!parts.empty() && RE2::FullMatch(room, level)) {
    v.level = room;
    room = parts.back();
    parts.pop_back();
  }
  if (RE2::FullMatch(room, street) || RE2::FullMatch(room, unknown)) room.clear();
  v.room = room;
  v.city = Join(
      std::vector<std::string>(commas.begin() + std::min(city_from, commas.size()), commas.end()),
      ", ");
  std::vector<std::string> area;
  for (const std::string& p : parts) {
    if (v.building.empty() && RE2::FullMatch(p, building)) {
      v.building = p;
    } else if (v.level.empty() && RE2::FullMatch(p, level)) {
      v.level = p;
    } else if (!RE2::FullMatch(p, level)) {
      area.push_back(p);
    }
  }
  // "Hotel, Level 1, 165 Main St, City": a venue without a room of its own.
  if (commas.size() >= 2 && v.level.empty() && RE2::FullMatch(commas[1], level))
    v.level = commas[1];
  v.area = Join(area, " | ");
  if (v.room.empty() && !area.empty() && !RE2::FullMatch(value, unknown)) v.room = area.back();
  return v;
}

Result<ExtractionBatch> ExtractScheduleText(const Document& doc, const Gazetteer& gazetteer) {
  // Warnings of the first pass, given to the writer once it exists.
  std::vector<Diagnostic> diagnostics;
  auto warn = [&](int line, std::string msg) {
    diagnostics.push_back({Diagnostic::Severity::kWarning, doc.path, line, std::move(msg)});
  };

  // Pass 1: split the document into the event line, day lines and sessions.
  std::string event_name;
  int event_line = 0;
  std::optional<CivilDate> date;
  std::vector<Session> sessions;
  bool in_description = false;
  const std::size_t n = doc.lines.size();
  auto next_nonempty = [&](std::size_t i) -> std::string_view {
    for (std::size_t j = i + 1; j < n; ++j) {
      std::string_view t = Trim(doc.lines[j]);
      if (!t.empty()) return t;
    }
    return {};
  };
  for (std::size_t i = 0; i < n; ++i) {
    const int line_no = static_cast<int>(i + 1);
    std::string_view t = Trim(doc.lines[i]);
    if (t.empty()) continue;
    std::string name, value, body;
    if (RE2::FullMatch(t, FieldRe(), &name, &value)) {
      auto field = FieldFromName(name);
      if (sessions.empty()) {
        warn(line_no, "'" + name + ":' line outside of any session; ignored");
        continue;
      }
      Session& s = sessions.back();
      if (s.fields.count(*field)) {
        warn(line_no, "second '" + name + ":' line in session '" + s.title + "'; ignored");
        continue;
      }
      s.fields[*field] = {CollapseSpaces(value), line_no, std::string(t)};
      in_description = *field == Field::kDescription;
      continue;
    }
    if (TitleLine(t, &body)) {
      in_description = false;
      if (auto d = ParseDayLine(body)) {
        date = d;
        continue;
      }
      if (sessions.empty() && event_name.empty() && ParseDayLine(next_nonempty(i))) {
        event_name = body;
        event_line = line_no;
        continue;
      }
      Session s;
      s.title = body;
      s.line = line_no;
      s.title_line = std::string(t);
      s.date = date;
      sessions.push_back(std::move(s));
      continue;
    }
    if (auto d = ParseDayLine(t); d && sessions.empty()) {
      date = d;
      continue;
    }
    if (!sessions.empty() && in_description) {
      FieldValue& f = sessions.back().fields[Field::kDescription];
      f.value += " " + CollapseSpaces(t);
      continue;
    }
    if (!sessions.empty()) {
      warn(line_no, "unrecognised line in session '" + sessions.back().title + "'; ignored");
    }
    // Lines before the first session ("Total Sessions: 12") are preamble.
  }
  if (sessions.empty()) {
    return Status::ParseError(
        doc.path +
        ": no sessions found (a schedule has 'Title#' lines followed by 'Time:', "
        "'Speakers:', 'Venue:', 'Type:' or 'Description:' lines)");
  }

  // Pass 2: entities and relations.
  BatchWriter out(doc, "schedule", gazetteer);
  for (const Diagnostic& d : diagnostics) out.Warn(d.line, d.message);
  auto warn_at = [&](int line, std::string msg) { out.Warn(line, std::move(msg)); };
  if (!event_name.empty()) {
    int year_hint = 0;
    for (const Session& s : sessions) {
      if (s.date) {
        year_hint = s.date->year;
        break;
      }
    }
    out.SetDocumentEvent(out.AddEvent(event_name, event_line, event_name, year_hint));
  }
  bool china = MentionsChina(event_name);

  // Parse speakers first: a spilled title changes the talk's title and hence its key.
  struct Prepared {
    const Session* s;
    TalkRecord talk;
  };
  std::vector<Prepared> prepared;
  for (const Session& s : sessions) {
    if (s.fields.empty()) {
      warn_at(s.line, "session '" + s.title +
                          "' has no Time, Speakers, Venue, Type or Description line; skipped");
      continue;
    }
    TalkRecord t;
    t.title = s.title;
    t.evidence = {"", s.line, s.title_line};
    if (auto it = s.fields.find(Field::kSpeakers); it != s.fields.end()) {
      SpeakersLine line = ParseSpeakersLine(it->second.value);
      if (!line.title_continuation.empty()) {
        t.title = JoinSpilledTitle(s.title, line.title_continuation);
        t.aliases.push_back(s.title);
      }
      for (SpeakerCredit& c : line.speakers) {
        if (Trim(c.name).empty()) continue;
        t.speakers.push_back(
            {std::move(c.name), std::move(c.job_title), std::move(c.organization), {}});
      }
      t.speakers_evidence = {"", it->second.line, it->second.text};
    }
    if (auto it = s.fields.find(Field::kTime); it != s.fields.end()) {
      bool zone_china = china;
      if (auto v = s.fields.find(Field::kVenue); v != s.fields.end())
        zone_china = zone_china || MentionsChina(v->second.value);
      if (!s.date) {
        warn_at(it->second.line, "no day line before session '" + s.title +
                                     "'; its time is kept as text without a date");
      } else {
        auto time = ParseSessionTime(it->second.value, *s.date, zone_china);
        if (!time.ok()) {
          warn_at(it->second.line, time.status().message() + "; time of '" + s.title + "' skipped");
        } else {
          t.start = time->start;
          t.end = time->end;
          if (!time->warning.empty()) warn_at(it->second.line, time->warning);
        }
      }
      if (t.start.empty()) t.time_text = it->second.value;
    }
    if (auto it = s.fields.find(Field::kDescription); it != s.fields.end())
      t.description = it->second.value;
    if (auto it = s.fields.find(Field::kVenue); it != s.fields.end()) {
      Venue v = ParseVenue(it->second.value);
      if (!v.room.empty()) {
        t.room = RoomRecord{v.room, v.building, v.level, v.area, v.city};
        t.room_evidence = {"", it->second.line, it->second.text};
      } else {
        warn_at(it->second.line, "empty venue in session '" + t.title + "'; ignored");
      }
    }
    if (auto it = s.fields.find(Field::kType); it != s.fields.end() && !it->second.value.empty()) {
      t.track = it->second.value;
      t.track_evidence = {"", it->second.line, it->second.text};
    }
    prepared.push_back({&s, std::move(t)});
  }

  // A title that repeats in the document (breaks, lunch) is one talk per time slot.
  SlotKeys slots;
  for (const Prepared& p : prepared) slots.Count(p.talk);
  for (Prepared& p : prepared) {
    p.talk.key_suffix = slots.SuffixFor(p.talk, std::to_string(p.s->line));
    const std::string talk_key = out.AddTalk(p.talk);
    // Project mentions in the title (as the session is really called) and the description.
    out.AddMentions(p.talk.title, talk_key, p.s->line, p.talk.description);
    if (auto it = p.s->fields.find(Field::kDescription); it != p.s->fields.end())
      out.AddMentions(it->second.value, talk_key, it->second.line);
    p.talk = TalkRecord();  // written: free it, so that a long schedule is not held twice
  }
  return out.Finish();
}

}  // namespace cnkg
