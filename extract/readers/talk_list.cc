#include "extract/readers/talk_list.h"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <optional>

#include "common/strings.h"
#include "extract/core/batch_writer.h"
#include "extract/grammar/article_speakers.h"
#include "extract/grammar/day_time.h"
#include "extract/grammar/schedule_time.h"
#include "extract/grammar/talk_reference.h"
#include "extract/readers/talk_list_input.h"
#include "graph/resolve.h"

namespace cnkg {
namespace {

using talk_list::Value;

constexpr std::string_view kPageUrlKeys[] = {"url",  "link",    "permalink", "sched",  "schedurl",
                                             "page", "pageurl", "href",      "website"};
constexpr std::string_view kVideoKeys[] = {"video",   "videourl",   "recording", "recordingurl",
                                           "youtube", "youtubeurl", "videolink"};
constexpr std::string_view kSlidesKeys[] = {"slides",    "slidesurl", "slideurl",
                                            "slidedeck", "deck",      "slideslink"};
constexpr std::string_view kLinksKeys[] = {"links", "urls", "resources"};
constexpr std::string_view kCategoryKeys[] = {"category", "categories"};
constexpr std::string_view kDescriptionKeys[] = {"description", "abstract", "summary", "details",
                                                 "notes"};
constexpr std::string_view kRoomKeys[] = {"room", "location"};
constexpr std::string_view kTrackKeys[] = {"track", "tracks", "stream"};
constexpr std::string_view kDocumentTitleKeys[] = {"title", "name"};
constexpr std::string_view kYearKeys[] = {"year"};
constexpr std::string_view kNameKeys[] = {"name", "title"};
// Fields of a speaker record.
constexpr std::string_view kPersonNameKeys[] = {"fullname", "name", "displayname", "speakername"};
constexpr std::string_view kFirstNameKeys[] = {"firstname", "givenname"};
constexpr std::string_view kLastNameKeys[] = {"lastname", "familyname", "surname"};
constexpr std::string_view kCompanyKeys[] = {
    "company", "companyname", "org", "organization", "organisation", "affiliation", "employer"};
constexpr std::string_view kJobKeys[] = {"jobtitle", "title", "role", "position"};
constexpr std::string_view kTaglineKeys[] = {"tagline"};
// Kinds of record, compared after lower-casing and turning '_' and '-' into spaces; a trailing
// plural 's' is ignored.
constexpr std::string_view kTalkTypes[] = {"talk",
                                           "session",
                                           "keynote",
                                           "lightning talk",
                                           "lightning",
                                           "panel",
                                           "panel discussion",
                                           "workshop",
                                           "tutorial",
                                           "lab",
                                           "presentation",
                                           "demo",
                                           "meetup talk",
                                           "meetup",
                                           "webinar",
                                           "livestream",
                                           "live stream",
                                           "fireside chat",
                                           "breakout",
                                           "breakout session",
                                           "conference talk",
                                           "maintainer talk",
                                           "maintainer track"};
constexpr std::string_view kOtherTypes[] = {
    "blog post",  "blog",        "article",       "post",       "podcast",     "podcast episode",
    "episode",    "video",       "book",          "newsletter", "interview",   "case study",
    "whitepaper", "white paper", "press release", "news",       "announcement"};
// Evidence quotes a line up to this many bytes; a longer line is quoted by the value itself.
constexpr std::size_t kMaxEvidence = 400;
// Warnings about fields kept per document before the rest are only counted.
constexpr int kMaxFieldWarnings = 30;

std::string Cut(std::string_view s, std::size_t max) {
  if (s.size() <= max) return std::string(s);
  std::size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n)) + "...";
}

// `s` for a message: quoted and cut.
std::string Quote(std::string_view s) { return "'" + Cut(s, 80) + "'"; }

// The first text of a value: a scalar, the first scalar of a list, or a mapping's name.
std::string FirstText(const Value* v) {
  if (v == nullptr) return "";
  if (v->is_scalar()) return CollapseSpaces(v->scalar);
  if (v->is_list()) {
    for (const Value& item : v->items) {
      std::string t = FirstText(&item);
      if (!t.empty()) return t;
    }
  }
  if (v->is_map()) {
    if (const Value* name = v->Find(kNameKeys); name && name->is_scalar())
      return CollapseSpaces(name->scalar);
  }
  return "";
}

// ---- Times ------------------------------------------------------------------------------------

struct When {
  std::string iso;   // "2025-04-02T11:00:00+01:00" when a time of day is given
  std::string date;  // "2025-04-02"
  CivilDate civil;
};

std::string Two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// "Z", "+5", "+0530", "-05:00" -> "+00:00", "+05:00", "+05:30", "-05:00"; nullopt when invalid.
std::optional<std::string> Offset(const std::string& z) {
  if (z.empty()) return "";
  if (z == "Z" || z == "z" || z == "UTC") return "+00:00";
  std::string digits;
  for (char c : z.substr(1))
    if (c != ':') digits.push_back(c);
  int hours = 0, minutes = 0;
  if (digits.size() <= 2) {
    hours = std::stoi(digits);
  } else if (digits.size() == 3) {
    hours = std::stoi(digits.substr(0, 1));
    minutes = std::stoi(digits.substr(1));
  } else if (digits.size() == 4) {
    hours = std::stoi(digits.substr(0, 2));
    minutes = std::stoi(digits.substr(2));
  } else {
    return std::nullopt;
  }
  if (hours > 14 || minutes > 59) return std::nullopt;
  return z.substr(0, 1) + Two(hours) + ":" + Two(minutes);
}

// Reads an ISO 8601 date or time, or a date as a schedule's day line writes it.
std::optional<When> ParseWhen(std::string_view text) {
  static const RE2 re(
      R"((\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|t|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)"
      R"(\s*(Z|z|UTC|[+-]\d{1,2}(?::?\d{2})?)?)?)");
  if (!re.ok()) return std::nullopt;
  std::string_view t = Trim(text);
  if (t.empty() || t.size() > 100) return std::nullopt;
  int y = 0, mo = 0, d = 0;
  std::string h, mi, s, z;
  When w;
  if (RE2::FullMatch(t, re, &y, &mo, &d, &h, &mi, &s, &z)) {
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return std::nullopt;
    w.civil = {y, mo, d};
    w.date = std::to_string(y) + "-" + Two(mo) + "-" + Two(d);
    if (!h.empty()) {
      const int hour = std::stoi(h), minute = std::stoi(mi), second = s.empty() ? 0 : std::stoi(s);
      auto offset = Offset(z);
      if (hour > 23 || minute > 59 || second > 60 || !offset) return std::nullopt;
      w.iso = w.date + "T" + Two(hour) + ":" + Two(minute) + ":" + Two(second) + *offset;
    }
    return w;
  }
  auto day = ParseDayLine(t);
  if (!day) return std::nullopt;
  w.civil = *day;
  w.date = std::to_string(day->year) + "-" + Two(day->month) + "-" + Two(day->day);
  return w;
}

// A session's length in minutes: "35", "35 min", "45m", "1h", "1h30", "PT40M"; nullopt for
// anything else or more than a day.
std::optional<int> DurationMinutes(std::string_view text) {
  static const RE2 re(
      R"((?i)^\s*(?:pt)?(?:(\d{1,2})\s*h(?:ours?|rs?)?)?\s*(?:(\d{1,4})\s*(?:m|min|mins|minutes)?)?\s*$)");
  assert(re.ok());
  std::string h, m;
  if (text.empty() || !RE2::FullMatch(text, re, &h, &m) || (h.empty() && m.empty()))
    return std::nullopt;
  int total = (h.empty() ? 0 : std::stoi(h) * 60) + (m.empty() ? 0 : std::stoi(m));
  if (total <= 0 || total > 24 * 60) return std::nullopt;
  return total;
}

// An ISO 8601 time ("2025-11-12T14:30:00-05:00") `minutes` later, in the same offset; "" when
// `iso` is not of that form.
std::string PlusMinutes(const std::string& iso, int minutes) {
  static const RE2 re(R"(^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d))?(.*)$)");
  assert(re.ok());
  int y, mo, d, hh, mm;
  std::string ss, zone;
  if (!RE2::FullMatch(iso, re, &y, &mo, &d, &hh, &mm, &ss, &zone)) return "";
  const long total = DaysFromCivil(CivilDate{y, mo, d}) * 1440 + hh * 60 + mm + minutes;
  const long days = total >= 0 ? total / 1440 : (total - 1439) / 1440;
  const int rest = static_cast<int>(total - days * 1440);
  const CivilDate date = CivilFromDays(days);
  const int seconds = ss.empty() ? 0 : std::stoi(ss);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", date.year, date.month, date.day,
                rest / 60, rest % 60, seconds);
  return buf + zone;
}

// A time of day as a start or end field may hold it: "10:00", "6.30pm", "9am CET".
bool LooksLikeClock(std::string_view text) {
  static const RE2 re(R"((?i)(\d{1,2}[:.]\d{2}|\d{1,2}\s*[ap]\.?m\.?)\b.{0,30})");
  return re.ok() && RE2::FullMatch(Trim(text), re);
}

// ---- Links ------------------------------------------------------------------------------------

enum class LinkKind { kPage, kVideo, kSlides };

bool IsUrl(std::string_view s) {
  if (!StartsWithIgnoreCase(s, "http://") && !StartsWithIgnoreCase(s, "https://")) return false;
  return s.size() > 10 && s.find_first_of(" \t\n") == std::string_view::npos;
}

LinkKind KindOfUrl(std::string_view url) {
  const std::string u = AsciiLower(url);
  for (std::string_view host : {"youtube.com/", "youtu.be/", "vimeo.com/"})
    if (u.find(host) != std::string::npos) return LinkKind::kVideo;
  for (std::string_view host :
       {"speakerdeck.com/", "slideshare.net/", "docs.google.com/presentation", "slides.com/"})
    if (u.find(host) != std::string::npos) return LinkKind::kSlides;
  const std::string path = u.substr(0, u.find_first_of("?#"));
  if (path.size() > 4 && path.compare(path.size() - 4, 4, ".pdf") == 0) return LinkKind::kSlides;
  return LinkKind::kPage;
}

// The kind a link's name ("Slides", "recording", "sched") says, if it says one.
std::optional<LinkKind> KindOfName(std::string_view name) {
  const std::string n = talk_list::NormaliseKey(name);
  for (std::string_view w : {"video", "recording", "youtube", "watch"})
    if (n.find(w) != std::string::npos) return LinkKind::kVideo;
  for (std::string_view w : {"slide", "deck", "pdf"})
    if (n.find(w) != std::string::npos) return LinkKind::kSlides;
  for (std::string_view w : {"url", "link", "page", "sched", "session", "talk", "website"})
    if (n.find(w) != std::string::npos) return LinkKind::kPage;
  return std::nullopt;
}

struct Links {
  std::string page, video, slides;
  void Add(LinkKind kind, const std::string& url) {
    std::string& slot = kind == LinkKind::kVideo    ? video
                        : kind == LinkKind::kSlides ? slides
                                                    : page;
    if (slot.empty()) slot = url;
  }
};

// Sorts the URLs of `v` into `links`; `hint` is the kind the field's name says.
void ReadLinks(const Value& v, std::optional<LinkKind> hint, Links& links) {
  if (v.is_scalar()) {
    std::string url(Trim(v.scalar));
    if (IsUrl(url)) links.Add(hint ? *hint : KindOfUrl(url), url);
  } else if (v.is_list()) {
    for (const Value& item : v.items) ReadLinks(item, hint, links);
  } else if (v.is_map()) {
    static constexpr std::string_view kUrl[] = {"url", "href", "link"};
    static constexpr std::string_view kLabel[] = {"name", "title", "type", "label", "kind"};
    if (const Value* url = v.Find(kUrl); url && url->is_scalar()) {
      std::optional<LinkKind> kind = KindOfName(FirstText(v.Find(kLabel)));
      ReadLinks(*url, kind ? kind : hint, links);
      return;
    }
    for (std::size_t i = 0; i < v.keys.size(); ++i) {
      std::optional<LinkKind> kind = KindOfName(v.keys[i]);
      ReadLinks(v.items[i], kind ? kind : hint, links);
    }
  }
}

// ---- Kinds of record ----------------------------------------------------------------------------

enum class TypeClass { kUnknown, kTalk, kOther };

TypeClass ClassifyType(std::string_view text) {
  std::string s = AsciiLower(text);
  std::replace(s.begin(), s.end(), '_', ' ');
  std::replace(s.begin(), s.end(), '-', ' ');
  s = CollapseSpaces(s);
  std::string singular = s;
  if (singular.size() > 1 && singular.back() == 's') singular.pop_back();
  auto in = [&](std::span<const std::string_view> list) {
    return std::find(list.begin(), list.end(), s) != list.end() ||
           std::find(list.begin(), list.end(), singular) != list.end();
  };
  if (in(kTalkTypes)) return TypeClass::kTalk;
  if (in(kOtherTypes)) return TypeClass::kOther;
  return TypeClass::kUnknown;
}

// ---- The reader -------------------------------------------------------------------------------

class ListReader {
 public:
  ListReader(const Document& doc, BatchWriter& out) : doc_(doc), out_(out) {}

  void Warn(int line, std::string message) {
    if (warnings_ < kMaxFieldWarnings) out_.Warn(line, std::move(message));
    ++warnings_;
  }
  void FinishWarnings() {
    if (warnings_ > kMaxFieldWarnings)
      out_.Warn(0, std::to_string(warnings_ - kMaxFieldWarnings) + " more warnings not shown");
  }

  // The evidence text of `line`: the line, or `fallback` when the line is very long.
  std::string LineText(int line, std::string_view fallback) const {
    if (line >= 1 && static_cast<std::size_t>(line) <= doc_.lines.size()) {
      std::string_view t = Trim(doc_.lines[line - 1]);
      if (t.size() <= kMaxEvidence) return std::string(t);
    }
    return Cut(Trim(fallback), kMaxEvidence);
  }

  void ReadDocument(const Value& d, const std::vector<Value>& records) {
    for (const Value& r : records) {
      if (year_ != 0) break;
      if (auto w = ParseWhen(FirstText(r.Find(talk_list::kStartKeys)))) year_ = w->civil.year;
    }
    if (!d.is_map()) return;
    if (auto w = ParseWhen(FirstText(d.Find(talk_list::kStartKeys)))) year_ = w->civil.year;
    if (const Value* y = d.Find(kYearKeys); y && y->is_scalar()) {
      const std::string t(Trim(y->scalar));
      if (t.size() == 4 &&
          std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }))
        year_ = std::stoi(t);
    }
    if (const Value* title = d.Find(kDocumentTitleKeys); title && title->is_scalar())
      out_.SetDocumentProperty("title", CollapseSpaces(title->scalar));
    if (const Value* event = d.Find(talk_list::kEventKeys)) {
      const std::string name = FirstText(event);
      if (!name.empty()) {
        out_.SetDocumentEvent(out_.AddEvent(name, event->line, LineText(event->line, name), year_));
        ++events_;
      }
    }
    if (const Value* desc = d.Find(kDescriptionKeys); desc && desc->is_scalar())
      out_.AddMentions(desc->scalar, out_.document_key(), desc->line);
  }

  void ReadRecord(const Value& r) {
    const Value* title_value = nullptr;
    for (std::string_view k : talk_list::kTitleKeys) {
      const Value* v = r.Find(std::span(&k, 1));
      if (v && v->is_scalar() && !Trim(v->scalar).empty()) {
        title_value = v;
        break;
      }
    }
    if (title_value == nullptr) return;  // RecordProblem rules these out
    TalkRecord t;
    t.title = CollapseSpaces(title_value->scalar);
    const int line = title_value->line ? title_value->line : r.line;
    t.evidence = {"", line, LineText(line, t.title)};
    const Value* desc = r.Find(kDescriptionKeys);
    if (desc && desc->is_scalar()) t.description = std::string(Trim(desc->scalar));
    const int desc_line = desc && desc->line ? desc->line : line;

    std::string type = FirstText(r.Find(talk_list::kTypeKeys));
    TypeClass kind = ClassifyType(type);
    std::string category_track;
    if (std::string category = FirstText(r.Find(kCategoryKeys)); !category.empty()) {
      TypeClass c = ClassifyType(category);
      if (c == TypeClass::kUnknown) {
        category_track = category;
      } else if (type.empty()) {
        type = category;
        kind = c;
      }
    }
    if (kind == TypeClass::kOther) {  // a blog post, a podcast: not a talk
      out_.AddMentions(t.title, out_.document_key(), line);
      out_.AddMentions(t.description, out_.document_key(), desc_line);
      return;
    }
    if (!type.empty()) t.properties["type"] = type;

    if (const Value* speakers = r.Find(talk_list::kSpeakerKeys)) {
      ReadSpeakers(*speakers, t);
      const int sl = speakers->line ? speakers->line : line;
      t.speakers_evidence = {"", sl, LineText(sl, t.title)};
      // "authors": [...], "affiliation": "Orbitline": an organisation for the whole record.
      std::string shared = FirstText(r.Find(kCompanyKeys));
      if (!shared.empty())
        for (SpeakerRecord& s : t.speakers)
          if (s.organization.empty()) s.organization = shared;
    }
    ReadTimes(r, line, t);
    int year = year_;
    if (auto it = t.properties.find("date"); it != t.properties.end())
      year = std::stoi(std::get<std::string>(it->second).substr(0, 4));
    else if (!t.start.empty())
      year = std::stoi(t.start.substr(0, 4));
    if (const Value* event = r.Find(talk_list::kEventKeys)) {
      const std::string name = FirstText(event);
      const int el = event->line ? event->line : line;
      if (!name.empty()) {
        t.event_key = out_.AddEvent(name, el, LineText(el, name), year);
        ++events_;
      }
    }
    Links links;
    if (const Value* v = r.Find(kPageUrlKeys)) ReadLinks(*v, LinkKind::kPage, links);
    if (const Value* v = r.Find(kVideoKeys)) ReadLinks(*v, LinkKind::kVideo, links);
    if (const Value* v = r.Find(kSlidesKeys)) ReadLinks(*v, LinkKind::kSlides, links);
    if (const Value* v = r.Find(kLinksKeys)) ReadLinks(*v, std::nullopt, links);
    t.url = !links.page.empty() ? links.page : !links.video.empty() ? links.video : links.slides;
    if (!links.video.empty()) t.properties["video"] = links.video;
    if (!links.slides.empty()) t.properties["slides"] = links.slides;
    if (const Value* room = r.Find(kRoomKeys);
        room && room->is_scalar() && !Trim(room->scalar).empty()) {
      t.room = RoomRecord{CollapseSpaces(room->scalar), "", "", "", ""};
      const int rl = room->line ? room->line : line;
      t.room_evidence = {"", rl, LineText(rl, room->scalar)};
    }
    const Value* track = r.Find(kTrackKeys);
    t.track = track ? FirstText(track) : category_track;
    if (!t.track.empty()) {
      const int tl = track && track->line ? track->line : line;
      t.track_evidence = {"", tl, LineText(tl, t.track)};
    }

    const std::string key = out_.AddTalk(t);
    out_.AddMentions(t.title, key, line, t.description);
    out_.AddMentions(t.description, key, desc_line);
    out_.AddMentions(t.title, out_.document_key(), line, t.description);
    out_.AddMentions(t.description, out_.document_key(), desc_line);
  }

  int events() const { return events_; }

 private:
  // Reads the start and end. The first of kStartKeys that is a full time wins; else the first
  // date, with the time of day from "time" or from a start (and end) written as a clock time
  // ("10:00"). A start that is neither is kept as text, with a warning.
  void ReadTimes(const Value& r, int line, TalkRecord& t) {
    std::optional<When> when;
    std::string clock, unreadable;  // a start written as a time of day; one that is neither
    int clock_line = 0, unreadable_line = 0;
    for (std::string_view k : talk_list::kStartKeys) {
      const Value* v = r.Find(std::span(&k, 1));
      const std::string text = FirstText(v);
      if (text.empty()) continue;
      const int vl = v->line ? v->line : line;
      if (auto w = ParseWhen(text)) {
        if (!w->iso.empty()) {
          when = w;
          break;
        }
        if (!when) when = w;
      } else if (LooksLikeClock(text) && clock.empty()) {
        clock = text;
        clock_line = vl;
      } else if (unreadable.empty()) {
        unreadable = text;
        unreadable_line = vl;
      }
    }
    const Value* end_value = r.Find(talk_list::kEndKeys);
    const std::string end_text = FirstText(end_value);
    auto end = ParseWhen(end_text);
    if (when && !when->iso.empty()) {
      t.start = when->iso;
      if (end && !end->iso.empty()) {
        t.end = end->iso;
      } else if (auto minutes = DurationMinutes(FirstText(r.Find(talk_list::kDurationKeys)))) {
        t.end = PlusMinutes(t.start, *minutes);  // "duration_minutes": 35
      }
      return;
    }
    const Value* time = r.Find(talk_list::kTimeKeys);
    std::string time_text = FirstText(time);
    int time_line = time && time->line ? time->line : line;
    if (time_text.empty() && !clock.empty()) {
      time_text = clock;
      time_line = clock_line;
      if (!end && LooksLikeClock(end_text)) time_text += " - " + end_text;
    }
    if (!when) {
      if (!unreadable.empty()) {
        Warn(unreadable_line, "date " + Quote(unreadable) + " of " + Quote(t.title) +
                                  " is neither a date nor an ISO 8601 time; kept as text");
        t.time_text = unreadable;
      } else {
        t.time_text = time_text;
      }
      return;
    }
    t.properties["date"] = when->date;
    if (time_text.empty()) return;
    // A time with no zone is the event's local time, when the event is a known edition.
    std::string event;
    if (const Value* e = r.Find(talk_list::kEventKeys)) event = FirstText(e);
    if (event.empty() && !out_.document_event().empty())
      event = out_.EventName(out_.document_event());
    auto range = ParseSessionTime(time_text, when->civil, false,
                                  EventUtcOffsetMinutes(event, when->civil.year));
    if (!range.ok()) {
      Warn(time_line, range.status().message() + "; time of " + Quote(t.title) + " kept as text");
      t.time_text = time_text;
      return;
    }
    t.start = range->start;
    t.end = range->end;
    if (!range->warning.empty())
      Warn(time_line, range->warning + " (time of " + Quote(t.title) + ")");
  }

  void ReadSpeakers(const Value& v, TalkRecord& t) {
    if (v.is_scalar()) {
      SpeakersFromText(v.scalar, /*split=*/true, v.line, t);
    } else if (v.is_map()) {
      SpeakerFromRecord(v, t);
    } else if (v.is_list()) {
      for (const Value& item : v.items) {
        if (item.is_scalar()) SpeakersFromText(item.scalar, /*split=*/false, item.line, t);
        if (item.is_map()) SpeakerFromRecord(item, t);
      }
    }
  }

  static bool PlausibleName(std::string_view s) {
    if (s.empty() || s.size() > 80 || s.find("://") != std::string_view::npos ||
        s.find('@') != std::string_view::npos)
      return false;
    bool letter = false;
    int words = 1;
    for (char c : s) {
      if (c >= '0' && c <= '9') return false;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80)
        letter = true;
      if (c == ' ') ++words;
    }
    return letter && words <= 6;
  }

  void SpeakersFromText(std::string_view raw, bool split, int line, TalkRecord& t) {
    const std::string text = CollapseSpaces(raw);
    if (text.empty()) return;
    // A flow sequence the tolerant reader kept as text: "[ {name: A, org: X}, {name: B} ]".
    if (text.front() == '[' && text.back() == ']' && text.find('{') != std::string::npos) {
      try {
        YAML::Node n = YAML::Load(text);
        if (n.IsSequence()) {
          for (const YAML::Node& item : n) {
            if (!item.IsMap()) continue;
            SpeakerRecord s;
            for (const auto& kv : item) {
              if (!kv.first.IsScalar() || !kv.second.IsScalar()) continue;
              std::string key = AsciiLower(kv.first.Scalar());
              if (key == "name" || key == "fullname" || key == "full_name")
                s.name = kv.second.Scalar();
              if (key == "org" || key == "company" || key == "organization" ||
                  key == "organisation" || key == "affiliation" || key == "employer")
                s.organization = kv.second.Scalar();
              if (key == "title" || key == "role" || key == "jobtitle" || key == "job_title")
                s.job_title = kv.second.Scalar();
            }
            if (!s.name.empty()) t.speakers.push_back(std::move(s));
          }
          return;
        }
      } catch (const YAML::Exception&) {
        // Not YAML after all: read as text below.
      }
    }
    // The article grammar first ("A (Org) & B (Org)", "A and B, both from Org"), then "Name -
    // Org".
    if (auto parsed = split ? ParseLabelledSpeakerList(text) : ParseSpeakerList(text)) {
      for (HeadingSpeaker& s : *parsed)
        t.speakers.push_back({std::move(s.name), std::move(s.job_title), std::move(s.organization),
                              std::move(s.organization_aliases)});
      return;
    }
    if (TalkReference dash = ReadTalkReference("x - " + text, false);
        dash.title == "x" && dash.speakers.size() == 1) {
      HeadingSpeaker& s = dash.speakers.front();
      t.speakers.push_back({std::move(s.name), std::move(s.job_title), std::move(s.organization),
                            std::move(s.organization_aliases)});
      return;
    }
    if (auto parsed = ParseHeadingSpeakers(text)) {
      for (HeadingSpeaker& s : *parsed)
        t.speakers.push_back({std::move(s.name), std::move(s.job_title), std::move(s.organization),
                              std::move(s.organization_aliases)});
      return;
    }
    std::vector<std::string> names{text};
    if (split) {
      std::string joined = text;
      for (std::string_view sep : {" and ", "&", ","}) {
        for (std::size_t p; (p = joined.find(sep)) != std::string::npos;)
          joined.replace(p, sep.size(), ";");
      }
      names = Split(joined, ";");
    }
    for (const std::string& name : names) {
      if (PlausibleName(name)) {
        t.speakers.push_back({name, "", "", {}});
      } else {
        Warn(line ? line : t.evidence.line, "speaker " + Quote(name) + " of " + Quote(t.title) +
                                                " is not a person's name; skipped");
      }
    }
  }

  void SpeakerFromRecord(const Value& v, TalkRecord& t) {
    SpeakerRecord s;
    s.name = FirstText(v.Find(kPersonNameKeys));
    if (s.name.empty())
      s.name = CollapseSpaces(FirstText(v.Find(kFirstNameKeys)) + " " +
                              FirstText(v.Find(kLastNameKeys)));
    if (s.name.empty()) {
      Warn(v.line ? v.line : t.evidence.line,
           "a speaker of " + Quote(t.title) + " has no name; skipped");
      return;
    }
    s.job_title = FirstText(v.Find(kJobKeys));
    s.organization = FirstText(v.Find(kCompanyKeys));
    if (s.job_title.empty() || s.organization.empty()) {
      const std::string tagline = FirstText(v.Find(kTaglineKeys));
      std::size_t at = tagline.find(" @ ");
      std::size_t len = 3;
      if (at == std::string::npos) {
        at = tagline.rfind(" at ");
        len = 4;
      }
      if (at != std::string::npos) {
        if (s.job_title.empty()) s.job_title = std::string(Trim(tagline.substr(0, at)));
        if (s.organization.empty()) s.organization = std::string(Trim(tagline.substr(at + len)));
      }
    }
    if (s.organization.empty() && s.name.find_first_of(",(") != std::string::npos) {
      if (auto parsed = ParseHeadingSpeakers(s.name); parsed && parsed->size() == 1) {
        HeadingSpeaker& h = parsed->front();
        s.name = h.name;
        if (s.job_title.empty()) s.job_title = h.job_title;
        s.organization = h.organization;
        s.organization_aliases = h.organization_aliases;
      }
    }
    t.speakers.push_back(std::move(s));
  }

  const Document& doc_;
  BatchWriter& out_;
  int year_ = 0;
  int events_ = 0;
  int warnings_ = 0;
};

}  // namespace

int RecogniseTalkList(const Document& doc) { return talk_list::LoadTalkList(doc).claim; }

Result<ExtractionBatch> ExtractTalkList(const Document& doc, const Gazetteer& gazetteer) {
  talk_list::LoadedList in = talk_list::LoadTalkList(doc);
  if (in.records.empty())
    return Status::ParseError(doc.path + ": " +
                              (in.error.empty() ? "no talk records found" : in.error));
  BatchWriter out(doc, "talk-list", gazetteer);
  for (auto& [line, message] : in.warnings) out.Warn(line, std::move(message));
  ListReader reader(doc, out);
  reader.ReadDocument(in.document, in.records);
  for (const Value& r : in.records) reader.ReadRecord(r);
  reader.FinishWarnings();
  if (out.talk_count() == 0 && reader.events() == 0 && !out.has_mentions())
    return Status::ParseError(doc.path + ": nothing usable found (" +
                              std::to_string(in.records.size()) +
                              " records, none a talk: blog posts, podcasts or other kinds that "
                              "name no known project)");
  return out.Finish();
}

}  // namespace cnkg
