#include "extract/readers/sessionize.h"

#include <re2/re2.h>

#include <cassert>
#include <map>
#include <set>

#include "common/strings.h"
#include "extract/core/batch_writer.h"
#include "extract/core/json_text.h"
#include "extract/grammar/local_time.h"
#include "extract/grammar/tagline.h"
#include "extract/readers/schedule_exports.h"

namespace cnkg {
namespace {

using nlohmann::json;

// A JSON value as text: strings as they are, numbers written out (ids are either).
std::string Scalar(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_number_unsigned()) return std::to_string(v.get<unsigned long long>());
  return "";
}

std::string Field(const json& object, const char* key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  return it == object.end() ? "" : std::string(Trim(Scalar(*it)));
}

const json* Member(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

struct Speaker {
  std::string name;
  std::string tagline;
  std::string company;  // from a question about the company
};

struct Input {
  std::vector<const json*> sessions;         // session objects, in the order found
  std::vector<const json*> speakers;         // speaker records
  std::map<std::string, std::string> rooms;  // id -> name
  // Category item id -> (category name, item name), from the All view.
  std::map<std::string, std::pair<std::string, std::string>> category_items;
  std::map<std::string, std::string> questions;  // id -> question text
};

// Where a wrong type stops the reading: "'sessions' is a string, expected an array".
struct TypeError {
  std::string message;
};

void RequireArray(const json& v, const std::string& what) {
  if (!v.is_array()) throw TypeError{"'" + what + "' is " + JsonKind(v) + ", expected an array"};
}

bool IsSessionRecord(const json& v) {
  return v.is_object() && v.contains("title") &&
         (v.contains("startsAt") || v.contains("speakers") || v.contains("isServiceSession"));
}

bool IsSpeakerRecord(const json& v) {
  return v.is_object() && (v.contains("fullName") || v.contains("firstName"));
}

// Collects sessions, speakers, rooms and categories from any of the views.
void Collect(const json& v, Input& in, int depth) {
  if (depth > 6) return;
  if (v.is_array()) {
    for (const json& e : v) {
      if (IsSessionRecord(e)) {
        in.sessions.push_back(&e);
      } else if (IsSpeakerRecord(e)) {
        in.speakers.push_back(&e);
      } else if (e.is_object()) {
        Collect(e, in, depth + 1);
      }
    }
    return;
  }
  if (!v.is_object()) return;
  // GridSmart day: rooms -> sessions, or timeSlots -> rooms -> session.
  for (const char* key : {"sessions", "speakers", "rooms", "timeSlots", "agenda", "categories",
                          "questions", "groups"}) {
    const json* m = Member(v, key);
    if (m == nullptr) continue;
    const std::string k = key;
    if (k == "rooms" && m->is_array()) {
      for (const json& r : *m) {
        if (!r.is_object()) continue;
        const std::string id = Field(r, "id"), name = Field(r, "name");
        if (!id.empty() && !name.empty()) in.rooms.emplace(id, name);
        if (const json* s = Member(r, "sessions")) {
          RequireArray(*s, "rooms[].sessions");
          Collect(*s, in, depth + 1);
        }
        if (const json* s = Member(r, "session"); s && IsSessionRecord(*s))
          in.sessions.push_back(s);
      }
      continue;
    }
    if (k == "categories" && m->is_array()) {
      for (const json& c : *m) {
        const std::string cname = Field(c, "title");
        if (const json* items = Member(c, "items"); items && items->is_array())
          for (const json& item : *items)
            in.category_items.emplace(Field(item, "id"),
                                      std::make_pair(cname, Field(item, "name")));
      }
      continue;
    }
    if (k == "questions" && m->is_array()) {
      for (const json& q : *m) in.questions.emplace(Field(q, "id"), Field(q, "question"));
      continue;
    }
    if (k == "speakers" && m->is_array() && !m->empty() && !(*m)[0].is_object()) continue;
    RequireArray(*m, k);
    Collect(*m, in, depth + 1);
  }
}

// How a category name ranks as the track: 0 best; -1 never.
int TrackRank(const std::string& category) {
  static const RE2 never(R"((?i).*\b(level|audience|language|difficulty|experience|length)\b.*)");
  static const RE2 track(R"((?i).*\b(track|stream|topic|theme)s?\b.*)");
  static const RE2 format(R"((?i).*\b(format|type|kind)s?\b.*)");
  assert(never.ok() && track.ok() && format.ok());
  if (RE2::FullMatch(category, never)) return -1;
  if (RE2::FullMatch(category, track)) return 0;
  if (RE2::FullMatch(category, format)) return 1;
  return 2;
}

// The session's categories as (category, item) pairs, from either shape.
std::vector<std::pair<std::string, std::string>> Categories(const json& s, const Input& in) {
  std::vector<std::pair<std::string, std::string>> out;
  if (const json* cats = Member(s, "categories"); cats && cats->is_array()) {
    for (const json& c : *cats) {
      const std::string cname = Field(c, "name");
      if (const json* items = Member(c, "categoryItems"); items && items->is_array())
        for (const json& item : *items) out.emplace_back(cname, Field(item, "name"));
    }
  }
  if (const json* ids = Member(s, "categoryItems"); ids && ids->is_array()) {
    for (const json& id : *ids)
      if (auto it = in.category_items.find(Scalar(id)); it != in.category_items.end())
        out.push_back(it->second);
  }
  return out;
}

// A category name as a property name that every export can write: "Session format" ->
// "session_format" (lower-case ASCII letters, digits and '_').
std::string PropertyName(std::string_view category) {
  std::string out;
  for (char c : AsciiLower(category)) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (word) {
      out += c;
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  // Names the graph file uses itself ("label", "name", "id") or that a digit starts are prefixed.
  static constexpr std::string_view kReserved[] = {
      "id",   "label",  "name",   "aliases", "evidence", "documents",   "key",
      "type", "source", "target", "start",   "end",      "description", "url"};
  bool reserved = out.empty() || (out[0] >= '0' && out[0] <= '9');
  for (std::string_view r : kReserved) reserved = reserved || out == r;
  return reserved ? "category_" + out : out;
}

bool IsCompanyQuestion(std::string_view question) {
  static const RE2 re(R"((?i).*\b(company|organi[sz]ation|employer|affiliation)\b.*)");
  assert(re.ok());
  return RE2::FullMatch(question, re);
}

}  // namespace

int RecogniseSessionize(const Document& doc) {
  return DetectScheduleExport(doc) == ScheduleExport::kSessionize ? 95 : 0;
}

Result<ExtractionBatch> ExtractSessionize(const Document& doc, const Gazetteer& gazetteer) {
  const std::size_t first = doc.text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos || (doc.text[first] != '{' && doc.text[first] != '['))
    return NotThisExport(doc, ScheduleExport::kSessionize);
  const json root = json::parse(doc.text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return JsonSyntaxStatus(doc, "a Sessionize JSON export");
  if (!LooksLikeSessionizeJson(root)) return NotThisExport(doc, ScheduleExport::kSessionize);
  Input in;
  try {
    Collect(root, in, 0);
  } catch (const TypeError& e) {
    return Status::ParseError(doc.path + ": " + e.message + " (a Sessionize export)");
  }

  BatchWriter out(doc, "sessionize", gazetteer);
  JsonLineFinder lines(doc.text);
  // Speakers by id and by name.
  std::map<std::string, Speaker> by_id, by_name;
  for (const json* r : in.speakers) {
    Speaker sp;
    sp.name = Field(*r, "fullName");
    if (sp.name.empty())
      sp.name = CollapseSpaces(Field(*r, "firstName") + " " + Field(*r, "lastName"));
    if (sp.name.empty()) continue;
    sp.tagline = Field(*r, "tagLine");
    if (const json* qa = Member(*r, "questionAnswers"); qa && qa->is_array()) {
      for (const json& a : *qa) {
        std::string q = Field(a, "question");
        if (q.empty()) q = in.questions[Field(a, "questionId")];
        if (IsCompanyQuestion(q)) sp.company = Field(a, "answerValue");
        if (sp.company.empty() && IsCompanyQuestion(q)) sp.company = Field(a, "answer");
      }
    }
    const std::string id = Field(*r, "id");
    if (!id.empty()) by_id.emplace(id, sp);
    by_name.emplace(FoldName(sp.name), sp);
  }
  auto credit = [](const Speaker& sp) {
    SpeakerRecord rec;
    rec.name = sp.name;
    Tagline t = ParseTagline(sp.tagline, sp.name);
    rec.job_title = t.job_title;
    rec.organization = sp.company.empty() ? t.organization : sp.company;
    return rec;
  };

  // Sessions, once each by id.
  std::set<std::string> seen;
  struct Prepared {
    TalkRecord talk;
    int line;
    std::string id;
  };
  std::vector<Prepared> prepared;
  bool zone_warned = false;
  const bool zone_known = !doc.time_zone.empty() && IsKnownTimeZone(doc.time_zone);
  auto place = [&](const std::string& text, int line) -> std::string {
    auto w = ParseIsoDateTime(text);
    if (!w) return "";
    std::optional<int> offset = w->offset_seconds;
    if (!offset && zone_known) offset = ZoneOffsetSeconds(doc.time_zone, w->local);
    if (!offset && !zone_warned) {
      zone_warned = true;
      out.Warn(line,
               "Sessionize times have no zone; kept as local times (give --timezone ZONE to "
               "place them)");
    }
    return FormatIsoDateTime(w->local, offset);
  };
  for (const json* sp : in.sessions) {
    const json& s = *sp;
    const std::string id = Field(s, "id");
    if (!id.empty() && !seen.insert(id).second) continue;
    const json* title_v = Member(s, "title");
    if (title_v == nullptr || !title_v->is_string()) {
      out.Warn(0, "session " + (id.empty() ? std::string("without id") : "'" + id + "'") +
                      " has no text title; skipped");
      continue;
    }
    Prepared p;
    TalkRecord& t = p.talk;
    t.title = CollapseSpaces(title_v->get<std::string>());
    if (t.title.empty()) continue;
    p.line = lines.LineOf(title_v->get<std::string>());
    p.id = id;
    t.evidence = {"", p.line, t.title};
    t.description = Trim(Field(s, "description"));
    t.start = place(Field(s, "startsAt"), p.line);
    if (!t.start.empty()) t.end = place(Field(s, "endsAt"), p.line);
    std::string room = Field(s, "room");
    if (room.empty()) {
      if (auto it = in.rooms.find(Field(s, "roomId")); it != in.rooms.end()) room = it->second;
    }
    if (!room.empty()) {
      t.room = RoomRecord{room, "", "", "", ""};
      t.room_evidence = {"", p.line, room};
    }
    int best = 99;
    for (const auto& [category, item] : Categories(s, in)) {
      if (item.empty()) continue;
      const int rank = TrackRank(category);
      if (rank >= 0 && rank < best) {
        best = rank;
        t.track = item;
        t.track_evidence = {"", p.line, category + ": " + item};
      }
      if (!category.empty()) t.properties[PropertyName(category)] = item;
    }
    if (!id.empty()) t.properties["sessionize_id"] = id;
    if (const json* svc = Member(s, "isServiceSession");
        svc && svc->is_boolean() && svc->get<bool>())
      t.properties["type"] = std::string("service");
    if (const json* speakers = Member(s, "speakers")) {
      if (!speakers->is_array()) {
        out.Warn(p.line, "'speakers' of session '" + t.title + "' is " + JsonKind(*speakers) +
                             ", expected an array; speakers skipped");
      } else {
        for (const json& ref : *speakers) {
          const std::string ref_id = ref.is_object() ? Field(ref, "id") : Scalar(ref);
          const std::string ref_name = ref.is_object() ? Field(ref, "name") : "";
          Speaker sp2;
          if (auto it = by_id.find(ref_id); !ref_id.empty() && it != by_id.end()) {
            sp2 = it->second;
          } else if (auto it2 = by_name.find(FoldName(ref_name));
                     !ref_name.empty() && it2 != by_name.end()) {
            sp2 = it2->second;
          } else {
            sp2.name = ref_name;
          }
          if (sp2.name.empty()) continue;
          t.speakers.push_back(credit(sp2));
        }
      }
    }
    prepared.push_back(std::move(p));
  }
  // The Speakers view alone: each person's sessions by name.
  if (in.sessions.empty()) {
    for (const json* r : in.speakers) {
      const json* sessions = Member(*r, "sessions");
      if (sessions == nullptr || !sessions->is_array()) continue;
      Speaker sp = by_name[FoldName(Field(*r, "fullName"))];
      for (const json& ref : *sessions) {
        const std::string name = CollapseSpaces(Field(ref, "name"));
        if (name.empty()) continue;
        Prepared p;
        p.talk.title = name;
        p.line = lines.LineOf(Field(ref, "name"));
        p.talk.evidence = {"", p.line, name};
        p.id = Field(ref, "id");
        if (!p.id.empty()) p.talk.properties["sessionize_id"] = p.id;
        if (!sp.name.empty()) p.talk.speakers.push_back(credit(sp));
        prepared.push_back(std::move(p));
      }
    }
  }
  if (prepared.empty())
    return Status::ParseError(doc.path + ": a Sessionize export without sessions");

  // Software a session defines ("kfoo, an open source tool for ...") is a project everywhere.
  for (const Prepared& p : prepared)
    out.AddLocalProjects(out.UnknownDefinedProjects(p.talk.title + ".\n" + p.talk.description));
  SlotKeys slots;
  for (const Prepared& p : prepared) slots.Count(p.talk);
  for (Prepared& p : prepared) {
    p.talk.key_suffix = slots.SuffixFor(p.talk, p.id);
    const std::string key = out.AddTalk(p.talk);
    out.AddMentions(p.talk.title, key, p.line, p.talk.description);
    if (!p.talk.description.empty()) out.AddMentions(p.talk.description, key, p.line);
  }
  return out.Finish();
}

}  // namespace cnkg
