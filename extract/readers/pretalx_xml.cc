// The XML form of a pretalx/frab schedule (schedule.xml): see pretalx.h.

#include <algorithm>
#include <pugixml.hpp>

#include "common/strings.h"
#include "extract/readers/pretalx_schedule.h"

namespace cnkg::pretalx {
namespace {

// The 1-based line of byte offsets of a text.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') newlines_.push_back(i);
  }
  int LineOf(std::ptrdiff_t offset) const {
    if (offset < 0) return 0;
    const auto it =
        std::lower_bound(newlines_.begin(), newlines_.end(), static_cast<std::size_t>(offset));
    return static_cast<int>(it - newlines_.begin()) + 1;
  }

 private:
  std::vector<std::size_t> newlines_;
};

class Reader {
 public:
  explicit Reader(const Document& doc) : doc_(doc), lines_(doc.text) {}

  Result<Schedule> Read(const pugi::xml_document& xml);

 private:
  int LineOf(const pugi::xml_node& node) const { return lines_.LineOf(node.offset_debug()); }
  std::string LineText(int line) const {
    if (line <= 0 || line > static_cast<int>(doc_.lines.size())) return "";
    return std::string(Trim(doc_.lines[line - 1]));
  }
  void Warn(int line, std::string message) {
    schedule_.warnings.push_back(
        {Diagnostic::Severity::kWarning, doc_.path, line, std::move(message)});
  }
  // The trimmed text of the child element `name` of `node`; "" when it has none.
  static std::string Text(const pugi::xml_node& node, const char* name) {
    return std::string(Trim(node.child(name).text().get()));
  }
  // The same for a text that may span lines: its line, and the line of each of its bytes.
  std::string LongText(const pugi::xml_node& node, const char* name, int* line, LineAt* line_at);
  void ReadEvent(const pugi::xml_node& event, const Event& context, const std::string& where);

  const Document& doc_;
  LineIndex lines_;
  Schedule schedule_;
};

std::string Reader::LongText(const pugi::xml_node& node, const char* name, int* line,
                             LineAt* line_at) {
  const pugi::xml_node element = node.child(name);
  const pugi::xml_node content = element.first_child();
  const std::string_view raw = element.text().get();
  const std::string text(Trim(raw));
  if (text.empty()) return text;
  const std::size_t lead = raw.find(text);
  int first = LineOf(content ? content : element);
  if (first == 0) first = LineOf(node);
  first += static_cast<int>(std::count(raw.begin(), raw.begin() + lead, '\n'));
  *line = first;
  *line_at = [text, first](std::size_t i) {
    i = std::min(i, text.size());
    return first + static_cast<int>(std::count(text.begin(), text.begin() + i, '\n'));
  };
  return text;
}

Result<Schedule> Reader::Read(const pugi::xml_document& xml) {
  const pugi::xml_node root = xml.child("schedule");
  if (!root)
    return Status::ParseError(doc_.path + ": the root element is not <schedule>, so not read as " +
                              std::string(kWhat));
  const pugi::xml_node conference = root.child("conference");
  schedule_.title = CollapseSpaces(Text(conference, "title"));
  if (!schedule_.title.empty()) {
    schedule_.title_line = LineOf(conference.child("title"));
    schedule_.title_text = LineText(schedule_.title_line);
  }
  schedule_.conference_start = Text(conference, "start");
  schedule_.time_zone = Text(conference, "time_zone_name");
  if (!schedule_.time_zone.empty())
    schedule_.time_zone_line = LineOf(conference.child("time_zone_name"));
  int day_index = 0;
  for (const pugi::xml_node& day : root.children("day")) {
    ++day_index;
    Event context;
    context.day_date = std::string(Trim(day.attribute("date").value()));
    context.day_start = std::string(Trim(day.attribute("start").value()));
    for (const pugi::xml_node& room : day.children("room")) {
      context.room = CollapseSpaces(room.attribute("name").value());
      const std::string where = "room '" + context.room + "' of day " + std::to_string(day_index);
      int n = 0;
      for (const pugi::xml_node& event : room.children("event"))
        ReadEvent(event, context, "event " + std::to_string(++n) + " in " + where);
    }
  }
  if (day_index == 0 && schedule_.events.empty())
    return Status::ParseError(doc_.path + ":" + std::to_string(LineOf(root)) +
                              ": the schedule has no <day> elements, which list the events; "
                              "nothing to read");
  return std::move(schedule_);
}

void Reader::ReadEvent(const pugi::xml_node& event, const Event& context,
                       const std::string& where) {
  ++schedule_.listed;
  Event e = context;
  e.title = CollapseSpaces(Text(event, "title"));
  if (e.title.empty()) {
    Warn(LineOf(event), where + " has no <title>; skipped");
    return;
  }
  e.line = LineOf(event.child("title"));
  e.line_text = LineText(e.line);
  e.id = std::string(Trim(event.attribute("guid").value()));
  if (e.id.empty()) e.id = std::string(Trim(event.attribute("id").value()));
  e.date = Text(event, "date");
  e.start = Text(event, "start");
  e.duration = Text(event, "duration");
  if (std::string room = CollapseSpaces(Text(event, "room")); !room.empty()) e.room = room;
  e.url = Text(event, "url");
  e.track = CollapseSpaces(Text(event, "track"));
  e.type = CollapseSpaces(Text(event, "type"));
  e.language = Text(event, "language");
  e.abstract = LongText(event, "abstract", &e.abstract_line, &e.abstract_line_at);
  e.description = LongText(event, "description", &e.description_line, &e.description_line_at);
  int n = 0;
  for (const pugi::xml_node& person : event.child("persons").children("person")) {
    ++n;
    Person p;
    p.name = CollapseSpaces(person.text().get());
    if (p.name.empty()) {
      Warn(LineOf(person),
           "person " + std::to_string(n) + " of '" + e.title + "' has no name; skipped");
      continue;
    }
    p.line = LineOf(person);
    e.persons.push_back(std::move(p));
  }
  schedule_.events.push_back(std::move(e));
}

}  // namespace

Result<Schedule> ReadXmlSchedule(const Document& doc) {
  pugi::xml_document xml;
  const pugi::xml_parse_result parsed =
      xml.load_buffer(doc.text.data(), doc.text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    const int line = LineIndex(doc.text).LineOf(parsed.offset);
    return Status::ParseError(doc.path + ":" + std::to_string(std::max(line, 1)) +
                              ": not well-formed XML (" + parsed.description() +
                              "), so not read as " + std::string(kWhat));
  }
  return Reader(doc).Read(xml);
}

}  // namespace cnkg::pretalx
