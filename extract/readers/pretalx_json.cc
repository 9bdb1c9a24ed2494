// The JSON form of a pretalx/frab schedule (schedule.json, the c3voc schema): see pretalx.h.

#include <nlohmann/json.hpp>

#include "common/strings.h"
#include "extract/core/json_text.h"
#include "extract/readers/pretalx_schedule.h"

namespace cnkg::pretalx {
namespace {

// Members in document order, so that events are read in the order they are written and the line
// finder walks the text once.
using Json = nlohmann::ordered_json;

// Fields whose value names the person's organisation. pretalx itself has none; some exports and
// converters add one.
constexpr const char* kOrganizationKeys[] = {"company", "organization", "organisation",
                                             "affiliation"};

const Json* Find(const Json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

class Reader {
 public:
  explicit Reader(const Document& doc) : doc_(doc), finder_(doc.text) {}

  Result<Schedule> Read(const Json& root);

 private:
  void Warn(int line, std::string message) {
    schedule_.warnings.push_back(
        {Diagnostic::Severity::kWarning, doc_.path, line, std::move(message)});
  }
  Status Error(int line, const std::string& message) const {
    return Status::ParseError(doc_.path + (line > 0 ? ":" + std::to_string(line) : "") + ": " +
                              message);
  }
  std::string LineText(int line) const {
    if (line <= 0 || line > static_cast<int>(doc_.lines.size())) return "";
    return std::string(Trim(doc_.lines[line - 1]));
  }
  // The line where the member name `key` is written next.
  int KeyLine(const char* key) { return finder_.LineOf(key); }
  // The string value of `object`'s member `key`, trimmed: a number is written as text unless
  // `text_only`, an absent or null member is "". Another kind is warned about (`what` names the
  // owner: "'Title'") and read as "".
  std::string Str(const Json& object, const char* key, const std::string& what,
                  bool text_only = false);
  void ReadDay(const Json& day, int index);
  void ReadEvent(const Json& event, const Event& context, const std::string& where);
  void ReadPersons(const Json& persons, Event& e);

  const Document& doc_;
  JsonLineFinder finder_;
  Schedule schedule_;
};

std::string Reader::Str(const Json& object, const char* key, const std::string& what,
                        bool text_only) {
  const Json* v = Find(object, key);
  if (v == nullptr || v->is_null()) return "";
  if (v->is_string()) return std::string(Trim(v->get_ref<const std::string&>()));
  if (v->is_number() && !text_only) return v->dump();
  Warn(KeyLine(key), "'" + std::string(key) + "' of " + what + " is " + JsonKind(*v) +
                         ", expected a string; ignored");
  return "";
}

Result<Schedule> Reader::Read(const Json& root) {
  const Json* schedule = Find(root, "schedule");
  if (schedule == nullptr || !schedule->is_object())
    return Error(1, "no \"schedule\" object, expected {\"schedule\": {\"conference\": {...}}}");
  const Json* conference = Find(*schedule, "conference");
  if (conference == nullptr)
    return Error(0, "the schedule has no 'conference', which lists the days and their events");
  if (!conference->is_object())
    return Error(KeyLine("conference"),
                 "'conference' is " + JsonKind(*conference) + ", expected an object");
  schedule_.title = Str(*conference, "title", "the conference");
  if (!schedule_.title.empty()) {
    schedule_.title_line = finder_.LineOf(schedule_.title);
    schedule_.title_text = LineText(schedule_.title_line);
  }
  schedule_.conference_start = Str(*conference, "start", "the conference");
  schedule_.time_zone = Str(*conference, "time_zone_name", "the conference");
  if (!schedule_.time_zone.empty()) schedule_.time_zone_line = finder_.LineOf(schedule_.time_zone);
  const Json* days = Find(*conference, "days");
  if (days == nullptr)
    return Error(schedule_.title_line,
                 "the conference has no 'days', which list the events; nothing to read");
  if (!days->is_array())
    return Error(KeyLine("days"),
                 "'days' of the conference is " + JsonKind(*days) + ", expected an array of days");
  int index = 0;
  for (const Json& day : *days) ReadDay(day, ++index);
  return std::move(schedule_);
}

void Reader::ReadDay(const Json& day, int index) {
  const std::string what = "day " + std::to_string(index);
  if (!day.is_object()) {
    Warn(0, what + " is " + JsonKind(day) + ", expected an object; skipped");
    return;
  }
  Event context;
  context.day_date = Str(day, "date", what);
  context.day_start = Str(day, "day_start", what);
  const Json* rooms = Find(day, "rooms");
  if (rooms == nullptr) return;  // a day without events
  if (!rooms->is_object()) {
    Warn(KeyLine("rooms"), "'rooms' of " + what + " is " + JsonKind(*rooms) +
                               ", expected an object of rooms; skipped");
    return;
  }
  for (const auto& [room, events] : rooms->items()) {
    const std::string where = "room '" + room + "' of " + what;
    if (!events.is_array()) {
      Warn(finder_.LineOf(room),
           where + " is " + JsonKind(events) + ", expected an array of events; skipped");
      continue;
    }
    context.room = room;
    int n = 0;
    for (const Json& event : events)
      ReadEvent(event, context, "event " + std::to_string(++n) + " in " + where);
  }
}

void Reader::ReadEvent(const Json& event, const Event& context, const std::string& where) {
  ++schedule_.listed;
  if (!event.is_object()) {
    Warn(0, where + " is " + JsonKind(event) + ", expected an object; skipped");
    return;
  }
  Event e = context;
  e.title = CollapseSpaces(Str(event, "title", where, /*text_only=*/true));
  if (e.title.empty()) {
    Warn(0, where + " has no 'title'; skipped");
    return;
  }
  e.line = finder_.LineOf(e.title);
  e.line_text = LineText(e.line);
  const std::string what = "'" + e.title + "'";
  for (const char* key : {"guid", "id", "code"}) {
    if (e.id.empty()) e.id = Str(event, key, what);
  }
  e.date = Str(event, "date", what);
  e.start = Str(event, "start", what);
  e.duration = Str(event, "duration", what);
  if (std::string room = Str(event, "room", what); !room.empty()) e.room = room;
  e.url = Str(event, "url", what);
  e.track = Str(event, "track", what);
  e.type = Str(event, "type", what);
  e.language = Str(event, "language", what);
  e.abstract = Str(event, "abstract", what);
  if (!e.abstract.empty()) e.abstract_line = finder_.LineOf(e.abstract);
  e.description = Str(event, "description", what);
  if (!e.description.empty()) e.description_line = finder_.LineOf(e.description);
  if (const Json* persons = Find(event, "persons"); persons != nullptr && !persons->is_null()) {
    if (persons->is_array()) {
      ReadPersons(*persons, e);
    } else {
      Warn(KeyLine("persons"), "'persons' of " + what + " is " + JsonKind(*persons) +
                                   ", expected an array; its speakers are left out");
    }
  }
  schedule_.events.push_back(std::move(e));
}

void Reader::ReadPersons(const Json& persons, Event& e) {
  int n = 0;
  for (const Json& person : persons) {
    const std::string what = "person " + std::to_string(++n) + " of '" + e.title + "'";
    Person p;
    if (person.is_string()) {
      p.name = CollapseSpaces(person.get_ref<const std::string&>());
    } else if (person.is_object()) {
      for (const char* key : {"public_name", "name", "full_name"})
        if (p.name.empty()) p.name = CollapseSpaces(Str(person, key, what));
      for (const char* key : kOrganizationKeys)
        if (p.organization.empty()) p.organization = CollapseSpaces(Str(person, key, what));
    } else {
      Warn(e.line, what + " is " + JsonKind(person) + ", expected an object; skipped");
      continue;
    }
    if (p.name.empty()) {
      Warn(e.line, what + " has no 'public_name' or 'name'; skipped");
      continue;
    }
    p.line = finder_.LineOf(p.name);
    e.persons.push_back(std::move(p));
  }
}

}  // namespace

Result<Schedule> ReadJsonSchedule(const Document& doc) {
  const Json root = Json::parse(doc.text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return JsonSyntaxStatus(doc, kWhat);
  return Reader(doc).Read(root);
}

}  // namespace cnkg::pretalx
