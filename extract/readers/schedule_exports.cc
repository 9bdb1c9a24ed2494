#include "extract/readers/schedule_exports.h"

#include <algorithm>

#include "common/strings.h"

namespace cnkg {
namespace {

using nlohmann::json;

// List elements looked at when deciding a list's shape.
constexpr std::size_t kShapeSample = 3;

bool Has(const json& object, const char* key) {
  return object.is_object() && object.find(key) != object.end();
}

bool HasArray(const json& object, const char* key) {
  if (!object.is_object()) return false;
  auto it = object.find(key);
  return it != object.end() && it->is_array();
}

// True when one of the first list elements of `list` satisfies `shape`.
template <typename Shape>
bool SomeElement(const json& list, Shape shape) {
  if (!list.is_array()) return false;
  const std::size_t n = std::min(list.size(), kShapeSample);
  for (std::size_t i = 0; i < n; ++i)
    if (list[i].is_object() && shape(list[i])) return true;
  return false;
}

std::string_view SkipSpace(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) ++i;
  return s.substr(i);
}

// Skips "<?...?>", "<!--...-->" and "<!...>" prologue parts. Returns false when one is not closed.
bool SkipXmlPrologue(std::string_view& s) {
  for (;;) {
    s = SkipSpace(s);
    std::string_view close;
    if (s.substr(0, 2) == "<?") {
      close = "?>";
    } else if (s.substr(0, 4) == "<!--") {
      close = "-->";
    } else if (s.substr(0, 2) == "<!") {
      close = ">";
    } else {
      return true;
    }
    std::size_t end = s.find(close, 2);
    if (end == std::string_view::npos) return false;
    s.remove_prefix(end + close.size());
  }
}

// Member names that only Sessionize's records use (session, speaker and GridSmart records).
constexpr std::string_view kSessionizeMembers[] = {
    "isServiceSession", "isPlenumSession", "categoryItems", "questionAnswers", "isConfirmed",
    "liveUrl",          "recordingUrl",    "timeSlots",     "tagLine"};

// Reads the start of a JSON text that does not parse (a truncated download) far enough to tell
// whether it begins as a pretalx/frab schedule ({"schedule": {... "conference": ...), as sched's
// export ([{"event_key": ...} or [{"event_start": ..., "name": ...}) or as Sessionize data (a
// record with a member only Sessionize writes, such as "isServiceSession"), so that the reader of
// that export, rather than no reader, reports where the text breaks. Stops at the syntax error or
// as soon as it has decided.
class LeadingKeys : public nlohmann::json_sax<json> {
 public:
  ScheduleExport found = ScheduleExport::kNone;

  bool null() override { return Value(); }
  bool boolean(bool) override { return Value(); }
  bool number_integer(number_integer_t) override { return Value(); }
  bool number_unsigned(number_unsigned_t) override { return Value(); }
  bool number_float(number_float_t, const string_t&) override { return Value(); }
  bool string(string_t&) override { return Value(); }
  bool binary(binary_t&) override { return Value(); }
  bool start_object(std::size_t) override {
    if (depth_ == 1 && key_ == "schedule" && top_object_) in_schedule_ = true;
    if (depth_ == 1 && top_array_) ++elements_;
    if (depth_ == 0) top_object_ = true;
    ++depth_;
    key_.clear();
    return elements_ <= static_cast<int>(kShapeSample);
  }
  bool key(string_t& k) override {
    key_ = k;
    // Members only Sessionize's session, speaker and grid records have.
    if (depth_ >= 2) {
      for (std::string_view m : kSessionizeMembers)
        if (k == m) return Decide(ScheduleExport::kSessionize);
    }
    if (depth_ == 2 && in_schedule_ && k == "conference") return Decide(ScheduleExport::kPretalx);
    if (depth_ == 2 && top_array_) {
      if (k == "event_key") return Decide(ScheduleExport::kSchedJson);
      has_start_ = has_start_ || k == "event_start";
      has_name_ = has_name_ || k == "name";
      if (has_start_ && has_name_) return Decide(ScheduleExport::kSchedJson);
    }
    return true;
  }
  bool end_object() override {
    --depth_;
    if (depth_ == 1) in_schedule_ = false, has_start_ = has_name_ = false;
    return depth_ > 0;
  }
  bool start_array(std::size_t) override {
    if (depth_ == 0) top_array_ = true;
    if (depth_ == 1 && top_array_) ++elements_;
    ++depth_;
    return elements_ <= static_cast<int>(kShapeSample);
  }
  bool end_array() override { return --depth_ > 0; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  bool Value() {
    if (depth_ == 1 && top_array_) ++elements_;
    return depth_ > 0 && elements_ <= static_cast<int>(kShapeSample);
  }
  bool Decide(ScheduleExport kind) {
    found = kind;
    return false;
  }
  int depth_ = 0;
  int elements_ = 0;
  bool top_object_ = false, top_array_ = false, in_schedule_ = false;
  bool has_start_ = false, has_name_ = false;
  std::string key_;
};

// The export a JSON text that does not parse starts as (LeadingKeys), or kNone.
ScheduleExport BrokenJsonExport(std::string_view text) {
  std::string_view s = SkipSpace(text);
  if (s.empty() || (s[0] != '{' && s[0] != '[')) return ScheduleExport::kNone;
  bool marked = false;
  for (std::string_view marker : {"\"schedule\"", "\"event_key\"", "\"event_start\""})
    marked = marked || s.find(marker) != std::string_view::npos;
  for (std::string_view member : kSessionizeMembers)
    marked = marked || s.find("\"" + std::string(member) + "\"") != std::string_view::npos;
  if (!marked) return ScheduleExport::kNone;
  LeadingKeys sax;
  json::sax_parse(s.begin(), s.end(), &sax);
  return sax.found;
}

ScheduleExport JsonExport(const json& value) {
  if (LooksLikeSessionizeJson(value)) return ScheduleExport::kSessionize;
  if (LooksLikePretalxJson(value)) return ScheduleExport::kPretalx;
  if (LooksLikeSchedJson(value)) return ScheduleExport::kSchedJson;
  return ScheduleExport::kNone;
}

}  // namespace

bool LooksLikeICalendar(std::string_view text) {
  std::string_view s = SkipSpace(text);
  constexpr std::string_view kBegin = "BEGIN:VCALENDAR";
  if (!StartsWithIgnoreCase(s, kBegin)) return false;
  std::string_view rest = s.substr(kBegin.size());
  return rest.empty() || rest[0] == '\r' || rest[0] == '\n' || rest[0] == ' ';
}

bool LooksLikeSessionizeJson(const json& value) {
  if (value.is_object()) {
    if (Has(value, "sessions") && Has(value, "speakers") &&
        (Has(value, "rooms") || Has(value, "categories")))
      return true;
    return Has(value, "agenda") && Has(value, "speakers");
  }
  if (!value.is_array()) return false;
  return SomeElement(value, [](const json& e) {
    // GridSmart: one element per day.
    if (Has(e, "date") && (HasArray(e, "rooms") || HasArray(e, "timeSlots"))) return true;
    // Sessions view: one element per group of sessions.
    if ((Has(e, "groupId") || Has(e, "groupName")) && HasArray(e, "sessions")) return true;
    // Speakers view: one element per person.
    return Has(e, "fullName") &&
           (Has(e, "tagLine") || HasArray(e, "sessions") || Has(e, "profilePicture"));
  });
}

bool LooksLikePretalxJson(const json& value) {
  if (!value.is_object()) return false;
  auto it = value.find("schedule");
  return it != value.end() && it->is_object() && Has(*it, "conference");
}

bool LooksLikeSchedJson(const json& value) {
  return SomeElement(value, [](const json& e) {
    return (Has(e, "event_key") || Has(e, "event_start")) && Has(e, "name");
  });
}

bool LooksLikePretalxXml(std::string_view text) {
  std::string_view s = text.substr(0, std::min<std::size_t>(text.size(), 64 * 1024));
  if (!SkipXmlPrologue(s)) return false;
  constexpr std::string_view kRoot = "<schedule";
  if (s.substr(0, kRoot.size()) != kRoot || s.size() == kRoot.size()) return false;
  const char after = s[kRoot.size()];
  if (after != '>' && after != ' ' && after != '\n' && after != '\r' && after != '\t' &&
      after != '/')
    return false;
  return s.find("<conference") != std::string_view::npos;
}

ScheduleExport DetectScheduleExport(std::string_view text, const json& parsed) {
  if (LooksLikeICalendar(text)) return ScheduleExport::kICalendar;
  if (LooksLikePretalxXml(text)) return ScheduleExport::kPretalx;
  if (parsed.is_discarded()) return BrokenJsonExport(text);
  return JsonExport(parsed);
}

ScheduleExport DetectScheduleExport(const Document& doc) {
  std::string_view s = SkipSpace(doc.text);
  // JSON is parsed only when it has a member name that one of the shapes needs.
  bool marked = false;
  for (std::string_view marker :
       {"\"sessions\"", "\"agenda\"", "\"rooms\"", "\"timeSlots\"", "\"fullName\"", "\"schedule\"",
        "\"event_key\"", "\"event_start\""})
    marked = marked || s.find(marker) != std::string_view::npos;
  if (s.empty() || (s[0] != '[' && s[0] != '{') || !marked)
    return DetectScheduleExport(doc.text, json(json::value_t::discarded));
  const json parsed = json::parse(doc.text, nullptr, /*allow_exceptions=*/false);
  return DetectScheduleExport(doc.text, parsed);
}

std::string_view ScheduleExportName(ScheduleExport kind) {
  switch (kind) {
    case ScheduleExport::kICalendar:
      return "an iCalendar (.ics) export";
    case ScheduleExport::kSessionize:
      return "a Sessionize JSON export";
    case ScheduleExport::kPretalx:
      return "a pretalx/frab schedule";
    case ScheduleExport::kSchedJson:
      return "a sched JSON export";
    case ScheduleExport::kNone:
      break;
  }
  return "";
}

Status NotThisExport(const Document& doc, ScheduleExport kind) {
  return Status::ParseError(doc.path + ": not " + std::string(ScheduleExportName(kind)));
}

}  // namespace cnkg
