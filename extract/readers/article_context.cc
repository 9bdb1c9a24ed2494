// What an article says around its talks: its title, the event and year it is about, and the
// context carried onto the talks below a day heading, a time line or an event label. See
// article_reader.h.

#include <re2/re2.h>

#include <algorithm>
#include <cassert>
#include <map>

#include "common/strings.h"
#include "extract/core/records.h"
#include "extract/grammar/cjk.h"
#include "extract/grammar/day_time.h"
#include "extract/grammar/event_names.h"
#include "extract/grammar/links.h"
#include "extract/grammar/schedule_time.h"
#include "extract/readers/article_reader.h"
#include "extract/readers/article_text.h"
#include "graph/resolve.h"

namespace cnkg::article {
namespace {

int YearIn(std::string_view text) {
  static const RE2 year(R"(\b((?:19|20)\d\d)\b)");
  assert(year.ok());
  int y = 0;
  if (text.size() < 4000) RE2::PartialMatch(text, year, &y);
  return y;
}

}  // namespace

void Reader::FindTitle() {
  const FrontMatter& fm = text_.front_matter;
  if (auto it = fm.fields.find("title"); it != fm.fields.end() && !it->second.empty()) {
    title_ = it->second;
    return;
  }
  for (std::size_t v = 0; v < vlines_.size(); ++v) {
    if (roles_[v] == Role::kTitle) {
      title_ = WithoutLeadingSymbols(Text(v));
      return;
    }
  }
}

void Reader::FindEvent() {
  struct Found {
    EventMention e;
    int line = 0;
    std::string evidence;
    bool stated = false;  // the front matter's event field
  };
  std::vector<Found> found;
  const FrontMatter& fm = text_.front_matter;
  auto fm_line = [&](const std::string& key) {
    return fm.field_lines.count(key) ? fm.field_lines.at(key) : fm.first_line;
  };
  for (const char* key : {"event", "conference", "event.name"}) {
    auto it = fm.fields.find(key);
    if (it == fm.fields.end() || it->second.empty()) continue;
    Found f;
    f.e.name = it->second;
    for (EventMention& x : FindEventNames(it->second)) {
      f.e.region = x.region;
      f.e.year = x.year;
      f.e.family = x.family;
    }
    if (f.e.family.empty()) f.e.family = Slug(f.e.name);
    f.e.score = 100;  // the author said so
    f.line = fm_line(key);
    f.evidence = it->second;
    f.stated = true;
    found.push_back(std::move(f));
  }
  for (const char* key : {"title", "description", "summary", "subtitle", "lead"}) {
    auto it = fm.fields.find(key);
    if (it == fm.fields.end()) continue;
    for (EventMention& e : FindEventNames(it->second))
      found.push_back({std::move(e), fm_line(key), it->second, false});
  }
  // The title and the first paragraphs, up to the first talk or day header.
  int paragraphs = 0;
  for (std::size_t v = 0; v < vlines_.size() && paragraphs < 15; ++v) {
    if (roles_[v] == Role::kTalk || roles_[v] == Role::kDay) break;
    const Block& b = BlockOf(v);
    if (b.kind == BlockKind::kCode) continue;
    std::string text = CollapseSpaces(Text(v));
    if (text.empty()) continue;
    if (vlines_[v].first) ++paragraphs;
    for (EventMention& e : FindEventNames(text)) {
      if (roles_[v] == Role::kTitle) e.score += 1;  // the title names the subject
      found.push_back({std::move(e), vlines_[v].number, text.substr(0, 500), false});
    }
  }
  if (found.empty()) return;
  std::size_t best = 0;
  for (std::size_t k = 1; k < found.size(); ++k)
    if (found[k].e.score > found[best].e.score) best = k;
  const Found& chosen = found[best];
  // Other names of the same event: the same series, and no other year.
  std::vector<const Found*> variants;
  for (const Found& f : found) {
    if (f.e.family != chosen.e.family) continue;
    if (!chosen.e.year.empty() && !f.e.year.empty() && f.e.year != chosen.e.year) continue;
    variants.push_back(&f);
  }
  // The year, for names without one ("KubeCon London"): from a variant, else the post's date.
  int year_hint = 0;
  for (const Found* f : variants)
    if (!year_hint && !f->e.year.empty()) year_hint = std::stoi(f->e.year);
  if (auto it = fm.fields.find("date"); !year_hint && it != fm.fields.end())
    year_hint = YearIn(it->second);
  // The event record: a recognised edition gets its canonical name (graph/resolve.h), from the
  // chosen name or else from a variant that says more ("KubeCon London" beside "KubeCon 2025").
  const Found* named = &chosen;
  if (!CanonicalEventName(chosen.e.name, year_hint)) {
    for (const Found* f : variants) {
      if (CanonicalEventName(f->e.name, year_hint)) {
        named = f;
        break;
      }
    }
  }
  // A bare series name ("KubeCon talks") says which conferences, not which one.
  if (!named->stated && !CanonicalEventName(named->e.name, year_hint) && named->e.score < 3) return;
  EntityRecord record =
      EventRecord(named->e.name, {doc_.name, named->line, named->evidence}, year_hint);
  for (const Found* f : variants) {
    if (f->e.name == record.name) continue;
    if (std::find(record.aliases.begin(), record.aliases.end(), f->e.name) == record.aliases.end())
      record.aliases.push_back(f->e.name);
  }
  event_ = std::move(record);
}

void Reader::FindYear() {
  static const RE2 year_end(R"(\b((?:19|20)\d\d)$)");
  assert(year_end.ok());
  std::string y;
  if (event_ && RE2::PartialMatch(event_->name, year_end, &y)) {
    year_ = std::stoi(y);
    return;
  }
  const FrontMatter& fm = text_.front_matter;
  for (const char* key : {"date", "publishdate", "published", "year"}) {
    auto it = fm.fields.find(key);
    if (it != fm.fields.end() && (year_ = YearIn(it->second)) != 0) return;
  }
  if ((year_ = YearIn(title_)) != 0) return;
  if (auto it = fm.fields.find("title"); it != fm.fields.end() && (year_ = YearIn(it->second)) != 0)
    return;
  for (const char* key : {"description", "summary"}) {
    auto it = fm.fields.find(key);
    if (it != fm.fields.end() && (year_ = YearIn(it->second)) != 0) return;
  }
  // A mail's or post's "Date: Mon, 19 May 2025" header line.
  static const RE2 dated(R"((?i)^\s*(?:date|sent|posted|published)\s*:.*)");
  assert(dated.ok());
  for (std::size_t bi = 0; bi < text_.blocks.size() && bi < 12; ++bi) {
    const std::string& t = text_.blocks[bi].text;
    if (t.size() < 200 && RE2::FullMatch(t, dated) && (year_ = YearIn(t)) != 0) return;
  }
}

void Reader::FindDefaults() {
  static const RE2 zone_statement(
      R"((?i)\btimes?\b[^.]{0,80}?\b((?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[A-Z]{2,4}T)\b)");
  static const RE2 full_date(
      R"((?i)\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?:19|20)\d\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d)\b)");
  assert(zone_statement.ok() && full_date.ok());
  std::vector<std::string> texts;
  const FrontMatter& fm = text_.front_matter;
  for (const char* key : {"title", "description", "summary", "subtitle"})
    if (auto it = fm.fields.find(key); it != fm.fields.end()) texts.push_back(it->second);
  int paragraphs = 0;
  for (std::size_t bi = 0; bi < text_.blocks.size() && paragraphs < 10; ++bi) {
    const Block& b = text_.blocks[bi];
    if (b.kind != BlockKind::kParagraph || b.item >= 0) continue;
    if (roles_[first_vline_[bi]] == Role::kTalk) break;  // the talks begin
    if (roles_[first_vline_[bi]] != Role::kNone) continue;
    ++paragraphs;
    // "Date: Fri, 14 Mar 2025 09:12" in a mail header is when the post was sent.
    static const RE2 sent(R"((?i)^\s*(?:date|sent|posted|published|updated)\s*:)");
    assert(sent.ok());
    if (RE2::PartialMatch(b.text, sent)) continue;
    texts.push_back(NormalizeCjkDateTime(b.Joined()));
  }
  // The event's day: one distinct full date in the opening text; else one day and month there
  // ("last Saturday (24 May)", "5월 24일"), or in the title ("KCD Oslo 2025 — my notes (Tue 7
  // October)"), with the year found elsewhere.
  static const RE2 day_month(
      R"((?i)\b(\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?)\b)");
  // "以下时间均为北京时间", "時間はすべて日本時間（JST）": a zone stated in Chinese, Japanese or
  // Korean.
  static const RE2 cjk_zone_statement(
      R"((?:时间|時間|时区|時刻|시간)[^。.]{0,40}?((?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[A-Z]{2,4}T)\b)");
  assert(day_month.ok() && cjk_zone_statement.ok());
  std::map<std::string, CivilDate> dates;  // ISO date -> date
  auto collect = [&](std::string_view text, const RE2& re, int year_hint) {
    re2::StringPiece input(text);
    std::string d;
    while (RE2::FindAndConsume(&input, re, &d))
      if (auto parsed = ParseDayHeading(d, year_hint); parsed && parsed->date)
        dates.emplace(IsoDate(*parsed->date), *parsed->date);
  };
  for (const std::string& t : texts) {
    if (t.size() > 4000) continue;
    std::string z;
    if (default_zone_.empty() &&
        (RE2::PartialMatch(t, zone_statement, &z) ||
         RE2::PartialMatch(t, cjk_zone_statement, &z)) &&
        ZoneOffsetMinutes(z, false))
      default_zone_ = CollapseSpaces(z);
    collect(t, full_date, 0);
  }
  if (dates.empty() && year_ > 0) {
    for (std::size_t i = 0; i < texts.size() && i < 8; ++i)
      if (texts[i].size() <= 4000) collect(texts[i], day_month, year_);
    if (dates.size() > 1) dates.clear();
  }
  if (dates.empty() && year_ > 0 && title_.size() < 400) collect(title_, day_month, year_);
  if (dates.size() == 1) default_date_ = dates.begin()->second;
}

void Reader::ApplyContext() {
  std::sort(refs_.begin(), refs_.end(), [](const Ref& a, const Ref& b) {
    return a.block != b.block ? a.block < b.block : a.begin < b.begin;
  });
  // Context that holds at each block, updated as the blocks go by.
  struct Day {
    bool active = false;
    std::optional<CivilDate> date;
    int level = 0;  // a heading of this level or higher ends it
  };
  Day day;
  std::optional<TimeLine> time;
  struct Label {
    std::string event;
    int level = 0;
  };
  std::vector<Label> heading_events;  // event headings, innermost last
  Label room_heading;                 // "### Sala Tejo (main room)": the room of the talks below
  std::map<int, std::string> item_events;  // list item -> the event its text names
  std::string list_event;                  // "KubeCon NA 2024 talks:" right before a list
  std::size_t next_ref = 0;
  for (std::size_t bi = 0; bi < text_.blocks.size(); ++bi) {
    const Block& b = text_.blocks[bi];
    const std::size_t v = first_vline_[bi];
    const std::string text = CollapseSpaces(b.Joined());
    const bool ref_block = next_ref < refs_.size() && refs_[next_ref].block == bi &&
                           refs_[next_ref].kind != RefKind::kInline;
    bool label_block = false;
    if (b.kind == BlockKind::kHeading) {
      while (!heading_events.empty() && heading_events.back().level >= b.level)
        heading_events.pop_back();
      if (day.active && b.level <= day.level) day = Day{};
      if (!room_heading.event.empty() && b.level <= room_heading.level) room_heading = Label{};
      time.reset();
      // "#### 11:00 - 11:30 (Room 2)": a heading that is a time slot times the talk under it.
      if (!ref_block) {
        if (auto slot = SlotLine(text)) time = slot;
      }
      if (!ref_block) {
        if (std::string room = RoomHeading(text); !room.empty()) room_heading = {room, b.level};
        if (auto d = ParseDayHeading(text, year_)) {
          std::optional<CivilDate> date = d->date;
          if (!date && day.active && day.date && d->weekday >= 0)
            date = NextWeekday(*day.date, d->weekday);
          day = Day{true, date, b.level};
        } else if (std::string label = EventLabel(text); !label.empty()) {
          heading_events.push_back({label, b.level});
        }
      }
    } else if (b.kind == BlockKind::kParagraph && !ref_block && roles_[v] != Role::kAttached) {
      std::optional<TimeLine> t = ParseTimeLine(text);
      std::optional<DayHeading> d;
      if (b.item < 0 && text.size() < 120) d = ParseDayHeading(text, year_);
      // "06:00–06:35 UTC, livestreamed for ...": a note after the time is no title.
      const bool note = t && !t->rest.empty() &&
                        (std::islower(static_cast<unsigned char>(t->rest[0])) ||
                         t->rest[0] == ',' || t->rest[0] == ';');
      if (t && (t->rest.empty() || note)) {
        time = t;
      } else if (d && (roles_[v] == Role::kDay || Bold(v) || WordsOf(text).size() <= 6)) {
        // A day line in a paragraph ("**Wednesday, March 20**"): until the next day or a
        // top-level section. "Day 2" under a dated day heading keeps the date.
        // A weekday alone after a dated day ("**Tuesday**" after "Monday, 16 June") is the next
        // such day; "Day 2" under a dated day heading keeps the date.
        std::optional<CivilDate> date = d->date;
        if (!date && day.active && day.date && d->weekday >= 0)
          date = NextWeekday(*day.date, d->weekday);
        if (date || !(day.active && day.date)) day = Day{true, date, text_.markdown ? 2 : 1};
        time.reset();
      } else if (b.item >= 0 && b.item_head) {
        if (std::string label = EventLabel(text); !label.empty()) item_events[b.item] = label;
      } else if (b.item < 0) {
        if (std::string label = EventLabel(text); !label.empty()) {
          list_event = label;
          label_block = true;
        }
      }
    }
    if (b.item < 0 && !label_block) list_event.clear();
    while (next_ref < refs_.size() && refs_[next_ref].block == bi) {
      Ref& r = refs_[next_ref++];
      // A time written before the title ("10:30 - 11:00 [Title](...)").
      if (r.kind != RefKind::kInline && r.begin < vlines_[v].end) {
        if (auto own = ParseTimeLine(CollapseSpaces(Text(v))); own && !own->rest.empty()) {
          r.time_range = own->range;
          if (r.venue.empty()) r.venue = own->venue;
        }
      }
      // "**10:55–11:30 · Room 201**\n**Title**": a time line of its own above the title, in
      // the same paragraph.
      if (r.kind != RefKind::kInline && r.time_range.empty() && r.begin >= vlines_[v].end) {
        if (auto own = SlotLine(CollapseSpaces(Text(v)))) {
          r.time_range = own->range;
          if (r.venue.empty()) r.venue = own->venue;
        }
      }
      if (r.time_range.empty() && time) {
        r.time_range = time->range;
        if (r.venue.empty()) r.venue = time->venue;
      }
      if (r.venue.empty() && !room_heading.event.empty()) r.venue = room_heading.event;
      if (!r.date && day.active) r.date = day.date;
      if (r.talk.event.empty()) {
        for (int item = b.item; item >= 0 && r.talk.event.empty();
             item = text_.items[static_cast<std::size_t>(item)].parent) {
          if (item == b.item && b.item_head) continue;  // its own text is the talk
          if (auto it = item_events.find(item); it != item_events.end()) r.talk.event = it->second;
        }
      }
      if (r.talk.event.empty() && b.item >= 0) r.talk.event = list_event;
      if (r.talk.event.empty() && !heading_events.empty())
        r.talk.event = heading_events.back().event;
      if (r.talk.event.empty() && !r.url.empty()) r.talk.event = EventOfSchedLink(r.url);
    }
  }
}

std::optional<TimeLine> SlotLine(std::string_view text) {
  std::optional<TimeLine> t = ParseTimeLine(text);
  if (!t) return std::nullopt;
  if (t->rest.empty()) return t;
  // "10:55–11:30 · Level 2 | Room 201": what follows the time is a place.
  static const RE2 place(
      R"((?i)^[\s·|•,@\-–—]*((?:.*\b(?:room|hall|level|floor|theat(?:re|er)|stage|auditorium|ballroom|salon|suite|track)\b.*|[A-Z]?\d{1,4}[A-Z]?))$)");
  assert(place.ok());
  std::string venue;
  if (WordsOf(t->rest).size() > 8 || !RE2::FullMatch(t->rest, place, &venue)) return std::nullopt;
  t->venue = t->venue.empty() ? CollapseSpaces(venue) : t->venue + " | " + CollapseSpaces(venue);
  t->rest.clear();
  return t;
}

std::string RoomHeading(std::string_view text) {
  std::string t = CollapseSpaces(text);
  // "Sala Tejo (main room)", "Room 3 — workshops": the name before a note.
  static const RE2 note(R"(^(.*?\S)\s*(?:\(.*\)|[—–:|]\s.*|\s-\s.*)$)");
  assert(note.ok());
  std::string head;
  if (RE2::FullMatch(t, note, &head)) t = head;
  if (t.empty() || WordsOf(t).size() > 5) return "";
  static const RE2 room(
      R"((?i)^(?:room|sala|salle|saal|hall|stage|auditorium|aula|theat(?:re|er)|ballroom)\s+\S.*$|^\S.*\s(?:room|hall|stage|auditorium|theat(?:re|er)|ballroom)$)");
  assert(room.ok());
  return RE2::FullMatch(t, room) ? t : "";
}

}  // namespace cnkg::article
