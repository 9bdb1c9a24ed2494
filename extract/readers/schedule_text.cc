#include "extract/readers/schedule_text.h"

#include <re2/re2.h>

#include <algorithm>
#include <cassert>
#include <filesystem>
#include <map>
#include <optional>

#include "common/strings.h"
#include "extract/gazetteer/mentions.h"
#include "extract/core/records.h"
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

std::string BaseName(const std::string& path) {
  std::string b = std::filesystem::path(path).filename().string();
  return b.empty() ? path : b;
}

}  // namespace

bool LooksLikeScheduleText(const Document& doc) {
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
  return titles >= 1 && fields >= 1;
}

Venue ParseVenue(std::string_view value) {
  Venue v;
  std::vector<std::string> parts = Split(value, "|");
  if (parts.empty()) return v;
  std::string last = parts.back();
  parts.pop_back();
  std::size_t comma = last.find(',');
  if (comma != std::string::npos) {
    v.room = std::string(Trim(std::string_view(last).substr(0, comma)));
    v.city = CollapseSpaces(std::string_view(last).substr(comma + 1));
  } else {
    v.room = CollapseSpaces(last);
  }
  static const RE2 building(R"((?i)^(building|hall|wing|tower|pavilion)\b.*)");
  static const RE2 level(R"((?i)^(level|floor|lvl|etage|mezzanine|ground floor)\b.*|.*\b(level|floor)$)");
  assert(building.ok() && level.ok());
  std::vector<std::string> area;
  for (const std::string& p : parts) {
    if (v.building.empty() && RE2::FullMatch(p, building)) {
      v.building = p;
    } else if (v.level.empty() && RE2::FullMatch(p, level)) {
      v.level = p;
    } else {
      area.push_back(p);
    }
  }
  v.area = Join(area, " | ");
  if (v.room.empty() && !area.empty()) v.room = area.back();
  return v;
}

Result<ExtractionBatch> ExtractScheduleText(const Document& doc, const Gazetteer& gazetteer) {
  ExtractionBatch batch;
  batch.document = doc.path;
  auto warn = [&](int line, std::string msg) {
    batch.diagnostics.push_back({Diagnostic::Severity::kWarning, doc.path, line, std::move(msg)});
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
        doc.path + ": no sessions found (a schedule has 'Title#' lines followed by 'Time:', "
                   "'Speakers:', 'Venue:', 'Type:' or 'Description:' lines)");
  }

  // Pass 2: entities and relations.
  const std::string doc_key = MakeKey(Label::kDocument, BaseName(doc.path));
  batch.entities.push_back(DocumentRecord(doc.path, DocumentFormat::kScheduleText));
  std::string event_key, event_display;
  if (!event_name.empty()) {
    int year_hint = 0;
    for (const Session& s : sessions) {
      if (s.date) {
        year_hint = s.date->year;
        break;
      }
    }
    EntityRecord e = EventRecord(event_name, {doc.path, event_line, event_name}, year_hint);
    event_key = e.key;
    event_display = e.name;
    batch.entities.push_back(std::move(e));
  }
  bool china = MentionsChina(event_name);

  auto relate = [&](const std::string& s, const std::string& t, RelType type, Evidence ev,
                    Properties props = {}) {
    RelationRecord r;
    r.source = s;
    r.target = t;
    r.type = type;
    r.evidence = std::move(ev);
    r.properties = std::move(props);
    batch.relations.push_back(std::move(r));
  };

  // Parse speakers first: a spilled title changes the talk's title and hence its key.
  struct Prepared {
    const Session* s;
    std::string title;
    std::vector<std::string> aliases;
    SpeakersLine speakers;
    std::string start, end;
  };
  std::vector<Prepared> prepared;
  for (const Session& s : sessions) {
    if (s.fields.empty()) {
      warn(s.line, "session '" + s.title +
                       "' has no Time, Speakers, Venue, Type or Description line; skipped");
      continue;
    }
    Prepared p{&s, s.title, {}, {}, {}, {}};
    if (auto it = s.fields.find(Field::kSpeakers); it != s.fields.end()) {
      p.speakers = ParseSpeakersLine(it->second.value);
      if (!p.speakers.title_continuation.empty()) {
        p.title = JoinSpilledTitle(s.title, p.speakers.title_continuation);
        p.aliases.push_back(s.title);
      }
    }
    for (auto& a : TalkTitleAliases(p.title)) p.aliases.push_back(a);
    if (auto it = s.fields.find(Field::kTime); it != s.fields.end()) {
      bool zone_china = china;
      if (auto v = s.fields.find(Field::kVenue); v != s.fields.end())
        zone_china = zone_china || MentionsChina(v->second.value);
      if (!s.date) {
        warn(it->second.line, "no day line before session '" + s.title +
                                  "'; its time is kept as text without a date");
      } else {
        auto t = ParseSessionTime(it->second.value, *s.date, zone_china);
        if (!t.ok()) {
          warn(it->second.line, t.status().message() + "; time of '" + s.title + "' skipped");
        } else {
          p.start = t->start;
          p.end = t->end;
          if (!t->warning.empty()) warn(it->second.line, t->warning);
        }
      }
    }
    prepared.push_back(std::move(p));
  }

  std::map<std::string, int> title_count;
  for (const Prepared& p : prepared) ++title_count[Slug(p.title)];

  for (const Prepared& p : prepared) {
    const Session& s = *p.s;
    // A title that repeats in the document (breaks, lunch) is one talk per time slot; a session
    // without speakers is scoped to its event so that "Coffee Break" at two events stays apart.
    std::string key_name = p.title;
    if (p.speakers.speakers.empty() && !event_display.empty()) key_name += " @ " + event_display;
    if (title_count[Slug(p.title)] > 1) key_name += " @ " + (p.start.empty() ? std::to_string(s.line) : p.start);
    EntityRecord talk;
    talk.key = MakeKey(Label::kTalk, key_name);
    talk.label = Label::kTalk;
    talk.name = p.title;
    talk.aliases = p.aliases;
    talk.evidence = {doc.path, s.line, s.title_line};
    if (!p.start.empty()) {
      talk.properties["start"] = p.start;
      talk.properties["end"] = p.end;
    } else if (auto it = s.fields.find(Field::kTime); it != s.fields.end()) {
      talk.properties["time"] = it->second.value;
    }
    if (auto it = s.fields.find(Field::kDescription); it != s.fields.end() && !it->second.value.empty())
      talk.properties["description"] = it->second.value;
    const std::string talk_key = talk.key;
    batch.entities.push_back(std::move(talk));
    relate(talk_key, doc_key, RelType::kFrom, {doc.path, s.line, s.title_line});
    if (!event_key.empty()) relate(talk_key, event_key, RelType::kPartOf, {doc.path, s.line, s.title_line});

    if (auto it = s.fields.find(Field::kSpeakers); it != s.fields.end()) {
      Evidence ev{doc.path, it->second.line, it->second.text};
      for (const SpeakerCredit& c : p.speakers.speakers) {
        if (Trim(c.name).empty()) continue;
        EntityRecord person;
        person.key = MakeKey(Label::kPerson, c.name);
        person.label = Label::kPerson;
        person.name = CollapseSpaces(c.name);
        person.evidence = ev;
        if (!c.job_title.empty()) person.properties["job_title"] = c.job_title;
        const std::string person_key = person.key;
        batch.entities.push_back(std::move(person));
        Properties pres;
        if (!c.job_title.empty()) pres["job_title"] = c.job_title;
        relate(person_key, talk_key, RelType::kPresents, ev, pres);
        if (!c.organization.empty() && !IsNonOrganization(c.organization)) {
          EntityRecord org;
          org.key = MakeKey(Label::kOrganization, c.organization);
          org.label = Label::kOrganization;
          org.name = CanonicalOrganizationName(c.organization);
          org.aliases = OrganizationAliases(c.organization);
          org.evidence = ev;
          const std::string org_key = org.key;
          batch.entities.push_back(std::move(org));
          Properties aff;
          if (!c.job_title.empty()) aff["title"] = c.job_title;
          relate(person_key, org_key, RelType::kAffiliatedWith, ev, aff);
        }
      }
    }
    if (auto it = s.fields.find(Field::kVenue); it != s.fields.end()) {
      Venue v = ParseVenue(it->second.value);
      if (!v.room.empty()) {
        EntityRecord room;
        room.key = MakeKey(Label::kRoom, v.city.empty() ? v.room : v.room + " @ " + v.city);
        room.label = Label::kRoom;
        room.name = v.room;
        room.evidence = {doc.path, it->second.line, it->second.text};
        if (!v.building.empty()) room.properties["building"] = v.building;
        if (!v.level.empty()) room.properties["level"] = v.level;
        if (!v.area.empty()) room.properties["area"] = v.area;
        if (!v.city.empty()) room.properties["city"] = v.city;
        const std::string room_key = room.key;
        batch.entities.push_back(std::move(room));
        relate(talk_key, room_key, RelType::kHeldIn, {doc.path, it->second.line, it->second.text});
      } else {
        warn(it->second.line, "empty venue in session '" + p.title + "'; ignored");
      }
    }
    if (auto it = s.fields.find(Field::kType); it != s.fields.end()) {
      if (!it->second.value.empty()) {
        EntityRecord track;
        track.key = MakeKey(Label::kTrack, it->second.value);
        track.label = Label::kTrack;
        track.name = it->second.value;
        track.evidence = {doc.path, it->second.line, it->second.text};
        const std::string track_key = track.key;
        batch.entities.push_back(std::move(track));
        relate(talk_key, track_key, RelType::kInTrack, {doc.path, it->second.line, it->second.text});
      }
    }
    // Project mentions in the title (as the session is really called) and the description.
    AddProjectMentions(gazetteer, p.title, talk_key, doc.path, s.line, batch);
    if (auto it = s.fields.find(Field::kDescription); it != s.fields.end())
      AddProjectMentions(gazetteer, it->second.value, talk_key, doc.path, it->second.line, batch);
  }
  std::stable_sort(batch.diagnostics.begin(), batch.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
  return batch;
}

}  // namespace cnkg
