// Headings and heading-like lines: which are the title, talks, days, sections of talks, the end
// of the talks, or ordinary sections. See article_reader.h.

#include <re2/re2.h>

#include <algorithm>
#include <cassert>
#include <set>

#include "common/strings.h"
#include "extract/grammar/cjk.h"
#include "extract/grammar/day_time.h"
#include "extract/grammar/event_names.h"
#include "extract/grammar/links.h"
#include "extract/grammar/talk_title.h"
#include "extract/readers/article_reader.h"
#include "extract/readers/article_text.h"
#include "graph/resolve.h"

namespace cnkg::article {

bool Reader::Bold(std::size_t v) const {
  const Block& b = BlockOf(v);
  const VLine& l = vlines_[v];
  std::string_view text = Text(v);
  std::size_t end = l.end;
  // "**Title**:" counts too.
  while (end > l.begin && (b.text[end - 1] == ':' || b.text[end - 1] == ' ')) --end;
  if (end <= l.begin || text.empty()) return false;
  for (const TextSpan& s : b.spans)
    if (s.strong && s.begin <= l.begin && s.end >= end) return true;
  return false;
}

bool Reader::InItemHead(std::size_t v) const {
  const Block& b = BlockOf(v);
  return b.item >= 0 && b.item_head;
}

bool Reader::Headingish(std::size_t v) const {
  const Block& b = BlockOf(v);
  if (b.kind == BlockKind::kHeading) return true;
  if (b.kind != BlockKind::kParagraph) return false;
  if (!text_.markdown) return b.item < 0 && !b.quote;
  // In a block quote only a bold line is a heading ("> **Title**\n> Ana Silva, Initech").
  if (b.quote && !(vlines_[v].first && Bold(v))) return false;
  // In Markdown, a bold line of its own that is not a list item: the paragraph's first line,
  // or a later one under a bold time line ("**10:55–11:30 · Room 201**\n**Title**").
  if (b.item >= 0 || !Bold(v) ||
      !(vlines_[v].end == b.text.size() || b.text[vlines_[v].end] == '\n'))
    return false;
  if (vlines_[v].first) return true;
  if (v == 0 || vlines_[v - 1].block != vlines_[v].block || !Bold(v - 1)) return false;
  return SlotLine(CollapseSpaces(Text(v - 1))).has_value();
}

// A line that only links the talk above it: "- Talk on sched.com", "[Slides](...) | [Video]",
// a bare sched or YouTube URL. Returns the URL (possibly empty) through *url.
bool Reader::IsTalkLinkLine(std::size_t v, std::string* url) const {
  static const RE2 words(
      R"((?i)\b(sched(\.com)?|youtube|youtu\.be|slides?|slide\s+deck|recording|video|vimeo|speakerdeck)\b)");
  assert(words.ok());
  const Block& b = BlockOf(v);
  const VLine& l = vlines_[v];
  if (b.kind != BlockKind::kParagraph) return false;
  std::string_view text = Text(v);
  if (text.size() > 300) return false;
  // The line with every link's text taken out: what is left must be link words or nothing.
  std::string rest;
  bool talk_link = false, any_link = false;
  std::size_t at = l.begin;
  std::string first_url;
  for (const TextLink& link : b.links) {
    if (link.begin < l.begin || link.end > l.end) continue;
    any_link = true;
    std::string_view link_text = std::string_view(b.text).substr(link.begin, link.end - link.begin);
    bool generic = link.autolink || LinkWordsOnly(link_text);
    if (!generic) return false;  // a link named like a talk is a reference of its own
    rest += b.text.substr(at, link.begin - at) + " ";
    at = link.end;
    if (first_url.empty()) first_url = link.url;
    if (IsTalkLink(ClassifyLink(link.url))) {
      talk_link = true;
      if (url->empty()) *url = link.url;
    }
  }
  rest += b.text.substr(at, l.end - at);
  std::string bare = CollapseSpaces(rest);
  static const RE2 separators(R"(^[\s|/,&·•\-–—()\[\]:]*$)");
  assert(separators.ok());
  if (talk_link && (bare.empty() || RE2::FullMatch(bare, separators) || LinkWordsOnly(bare)))
    return true;
  if (bare.empty()) return false;
  if (WordsOf(bare).size() <= 8 && LinkWordsOnly(bare) && RE2::PartialMatch(text, words)) {
    if (url->empty() && any_link) *url = first_url;
    return true;
  }
  return false;
}

Reader::Attached Reader::AttachedLines(std::size_t v, bool bare_list) const {
  static const RE2 field(
      R"((?i)^\W*(when|time|date|where|room|location|venue|hall|stage|track|type|format|level|duration|slot|日時|日程|時間|時刻|日付|时间|日期|会場|場所|会场|地点|地點|房间|ルーム)\W*\s*:\s*(\S.*)$)");
  assert(field.ok());
  Attached a;
  std::size_t k = v;
  const int item = BlockOf(v).item;
  for (int taken = 0; taken < 6; ++taken) {
    k = NextNonBlank(k);
    if (k >= vlines_.size()) break;
    const Block& b = BlockOf(k);
    if (b.kind != BlockKind::kParagraph) break;
    // Under a list item, only its own lines belong to it.
    if (item >= 0 &&
        !(b.item >= 0 &&
          (b.item == item || text_.items[static_cast<std::size_t>(b.item)].parent == item)))
      break;
    std::string url;
    if (IsTalkLinkLine(k, &url)) {
      a.link = true;
      if (a.url.empty()) a.url = url;
      a.lines.push_back(k);
      continue;
    }
    std::string text = CollapseSpaces(Text(k));
    // "🕐 10:20 ~ 11:00", "📍 Hall 2", "🎤 Ana Silva (Initech)": emoji used as field labels.
    {
      static const std::pair<std::string_view, std::string_view> kEmojiLabels[] = {
          {"\xF0\x9F\x95\x90", "Time: "},     {"\xF0\x9F\x95\x92", "Time: "},  // 🕐 🕒
          {"\xE2\x8F\xB0", "Time: "},         {"\xF0\x9F\x95\x91", "Time: "},  // ⏰ 🕑
          {"\xF0\x9F\x93\x85", "Date: "},     {"\xF0\x9F\x93\x86", "Date: "},  // 📅 📆
          {"\xF0\x9F\x93\x8D", "Room: "},     {"\xF0\x9F\x8F\x9B", "Room: "},  // 📍 🏛
          {"\xF0\x9F\x8E\xA4", "Speakers: "},                                  // 🎤
          {"\xF0\x9F\x97\xA3", "Speakers: "}};                                 // 🗣
      for (const auto& [emoji, label] : kEmojiLabels) {
        if (text.rfind(emoji, 0) != 0) continue;
        std::size_t at = emoji.size();
        // A variation selector after the emoji.
        if (text.compare(at, 3, "\xEF\xB8\x8F") == 0) at += 3;
        text = std::string(label) + CollapseSpaces(text.substr(at));
        break;
      }
    }
    std::string name, value;
    const std::string fields_text = CollapseSpaces(NormalizeCjkDateTime(text));
    if (fields_text.size() < 300 && RE2::FullMatch(fields_text, field, &name, &value)) {
      name = AsciiLower(name);
      static const std::set<std::string> kWhen = {"when", "time", "date", "slot", "日時", "日程",
                                                  "時間", "時刻", "日付", "时间", "日期"};
      if (kWhen.count(name)) {
        if (auto w = ParseWhen(value, year_)) {
          if (w->date) a.date = w->date;
          if (!w->range.empty()) a.time_range = w->range;
          if (!w->venue.empty() && a.venue.empty()) a.venue = w->venue;
        }
      } else if (name == "where" || name == "room" || name == "location" || name == "venue" ||
                 name == "hall" || name == "stage" || name == "会場" || name == "場所" ||
                 name == "会场" || name == "地点" || name == "地點" || name == "房间" ||
                 name == "ルーム") {
        a.venue = CollapseSpaces(value);
      }
      a.fields = true;
      a.lines.push_back(k);
      continue;
    }
    // "18:30-18:40   Welcome": the next entry of an agenda, not a time for this one.
    if (auto next_entry = ParseTimeLine(text);
        next_entry && !next_entry->rest.empty() && !SlotLine(text))
      break;
    // "(June 10, 11:00–11:35 HKT, Room 421)": a time line of its own. In plain text a blank
    // line ends the entry: a time after one starts the next entry ("18:30 CEST\nTitle").
    // In either, a time line with lines of its own below it ("**10:55–11:30 · Room 201**\n
    // **Title**") introduces them.
    const bool after_blank =
        (!text_.markdown && vlines_[k].number > vlines_[k == 0 ? 0 : k - 1].number + 1) ||
        (vlines_[k].first && k + 1 < vlines_.size() && vlines_[k + 1].block == vlines_[k].block);
    if (text.size() < 160 && !after_blank) {
      std::string inner = text;
      if (inner.size() > 2 && inner.front() == '(' && inner.back() == ')')
        inner = inner.substr(1, inner.size() - 2);
      // It starts with the date or time, and is no sentence ("... reviewing the slides at 1am").
      static const RE2 starts_when(
          R"((?i)^\W*(?:\d|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|day\s+\d|(?:room|hall|stage|level|track|sala|salle|auditorium|theat(?:re|er)|ballroom|main\s+stage)\b))");
      assert(starts_when.ok());
      auto w =
          RE2::PartialMatch(inner, starts_when) || (WordsOf(inner).size() <= 6 && !IsProse(inner))
              ? ParseWhen(inner, year_)
              : std::nullopt;
      if (w && !w->range.empty() && WordsOf(inner).size() <= 22) {
        if (w->date) a.date = w->date;
        a.time_range = w->range;
        if (!w->venue.empty() && a.venue.empty()) a.venue = w->venue;
        a.fields = true;
        a.lines.push_back(k);
        continue;
      }
    }
    // "*KubeCon EU 2025, London* · with Bo Li from Globex", "KCD Warsaw 2025 | solo": the
    // event the talk was given at, then who gave it.
    if (taken == 0 && a.event.empty()) {
      if (auto meta = ReadEventLine(text)) {
        a.event = meta->event;
        a.fields = true;
        a.lines.push_back(k);
        if (meta->speakers && !a.speakers) {
          a.speakers = std::move(meta->speakers);
          a.speakers_line = k;
        }
        continue;
      }
    }
    // A bare list ("Ana Silva, Initech & Bo Li, Globex") counts right under the title only, as
    // a line of its own (after a <br> or a line break).
    bool own_line = taken == 0 && (bare_list || !vlines_[k].first);
    std::optional<std::vector<HeadingSpeaker>> parsed = ReadSpeakersLine(text, own_line);
    // "Title<br>Ana Silva<br>Room 3, 11:00": a name alone on a line broken off with <br>.
    if (!parsed && own_line && !vlines_[k].first) {
      std::size_t index = static_cast<std::size_t>(
          std::lower_bound(b.breaks.begin(), b.breaks.end(), vlines_[k].begin - 1) -
          b.breaks.begin());
      bool hard = index < b.soft_breaks.size() && !b.soft_breaks[index];
      std::string name = CollapseSpaces(Text(k));
      if (hard && LooksLikeArticlePersonName(name)) {
        HeadingSpeaker s;
        s.name = name;
        parsed = std::vector<HeadingSpeaker>{std::move(s)};
      }
    }
    if (parsed) {
      if (!a.speakers) {
        a.speakers = std::move(parsed);
        a.speakers_line = k;
      } else {
        for (HeadingSpeaker& s : *parsed) a.speakers->push_back(std::move(s));
      }
      a.lines.push_back(k);
      for (const TextLink& link : b.links)
        if (a.url.empty() && link.begin >= vlines_[k].begin && link.end <= vlines_[k].end &&
            IsTalkLink(ClassifyLink(link.url)))
          a.url = link.url;
      continue;
    }
    break;
  }
  return a;
}

std::optional<EventLine> ReadEventLine(std::string_view line) {
  std::string text = CollapseSpaces(line);
  if (text.empty() || text.size() > 300) return std::nullopt;
  static const RE2 split(R"(^(.+?)(?:\s+[·|•—–-]\s+(.*))?$)");
  assert(split.ok());
  std::string head, tail;
  if (!RE2::FullMatch(text, split, &head, &tail)) return std::nullopt;
  // The event and nothing else, maybe with its city: "KubeCon + CloudNativeCon Europe 2025,
  // London", "KCD Warsaw 2025".
  auto whole_event = [](std::string_view t) -> std::string {
    std::vector<EventMention> found = FindEventNames(t);
    if (found.size() != 1 || found[0].begin != 0 || found[0].end != t.size()) return "";
    return found[0].name;
  };
  std::string event = whole_event(head);
  if (event.empty()) {
    std::size_t comma = head.rfind(", ");
    if (comma == std::string::npos) return std::nullopt;
    std::string city = head.substr(comma + 2);
    static const RE2 city_shape(R"(^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}$)");
    assert(city_shape.ok());
    if (!RE2::FullMatch(city, city_shape)) return std::nullopt;
    event = whole_event(std::string_view(head).substr(0, comma));
  }
  if (event.empty()) return std::nullopt;
  EventLine out;
  out.event = event;
  static const RE2 alone(
      R"((?i)^(?:solo|alone|on my own|by myself|keynote|lightning talk|talk|workshop|tutorial|panel)\b.*$)");
  assert(alone.ok());
  if (tail.empty() || RE2::FullMatch(tail, alone)) return out;
  if (auto s = SpeakersInRest(" " + tail)) {
    out.speakers = std::move(*s);
    return out;
  }
  return std::nullopt;
}

void Reader::TakeFields(const Attached& a, Ref& r) {
  if (!a.event.empty() && r.talk.event.empty()) r.talk.event = a.event;
  if (a.date) r.date = a.date;
  if (!a.time_range.empty()) r.time_range = a.time_range;
  if (!a.venue.empty()) r.venue = a.venue;
}

// Reads a heading-like line as a talk if some cue says it is one; nullopt otherwise.
std::optional<Ref> Reader::TalkFromHeading(std::size_t v, bool explicit_heading) {
  const Block& b = BlockOf(v);
  VLine l = vlines_[v];
  std::string raw = std::string(Text(v));
  // A bold title wrapped over several lines ("**From Logs to Insights: ... and\nClickHouse**"):
  // the heading is the whole bold span, and what is attached comes after it.
  std::size_t last = v;
  if (!explicit_heading && Bold(v)) {
    for (const TextSpan& s : b.spans) {
      if (!s.strong || s.begin > l.begin || s.end <= l.end) continue;
      while (last + 1 < vlines_.size() && vlines_[last + 1].block == l.block &&
             vlines_[last + 1].begin < s.end)
        ++last;
      break;
    }
    if (last != v) {
      l.end = vlines_[last].end;
      raw = std::string(b.text.substr(l.begin, l.end - l.begin));
      std::replace(raw.begin(), raw.end(), '\n', ' ');
    }
  }
  std::string text = CollapseSpaces(raw);
  if (text.empty() || text.size() > 600) return std::nullopt;
  if (FieldLine(text) || SlotLine(text)) return std::nullopt;
  // "18:40-19:20   Title" in a plain-text agenda: the time, then the title.
  std::optional<TimeLine> slot;
  if (!text_.markdown) {
    if (auto t = ParseTimeLine(text); t && !t->rest.empty() && WordsOf(t->rest).size() >= 2) {
      slot = t;
      text = t->rest;
      // '18:10-18:50  "Title part one,\n  part two"': a quoted title that wraps.
      if (std::count(text.begin(), text.end(), '"') == 1 && last + 1 < vlines_.size() &&
          vlines_[last + 1].number == vlines_[last].number + 1) {
        ++last;
        text += " " + CollapseSpaces(Text(last));
      }
    }
  }
  // "Henrik:  https://speakerdeck.com/...": a name and a link, no title.
  {
    static const RE2 label_url(R"(^[^:]{1,40}:\s+(?:https?://|www\.)\S+$)");
    assert(label_url.ok());
    if (RE2::FullMatch(text, label_url)) return std::nullopt;
  }
  Attached attached = AttachedLines(last, Bold(v) || explicit_heading || slot.has_value());
  for (std::size_t k = v + 1; k <= last && slot; ++k) attached.lines.push_back(k);
  if (slot && !attached.speakers && NonTalkSession(text)) return std::nullopt;
  if (slot) {
    if (attached.time_range.empty()) attached.time_range = slot->range;
    if (attached.venue.empty()) attached.venue = slot->venue;
  }
  for (std::size_t k = v + 1; k <= last; ++k) attached.lines.push_back(k);
  std::string url = attached.url;
  bool link_follows = attached.link;
  // Links in the heading itself.
  const TextLink* title_link = nullptr;
  for (const TextLink& link : b.links) {
    if (link.begin < l.begin || link.end > l.end || !IsTalkLink(ClassifyLink(link.url))) continue;
    if (url.empty() || !link_follows) url = link.url;
    link_follows = true;
    std::string_view lt = std::string_view(b.text).substr(link.begin, link.end - link.begin);
    if (!title_link && !link.autolink && !LinkWordsOnly(lt)) title_link = &link;
  }
  Ref r;
  r.kind = RefKind::kHeading;
  r.block = l.block;
  r.begin = l.begin;
  r.end = l.end;
  r.url = url;
  r.line = l.number;
  r.evidence = text;
  r.level = b.kind == BlockKind::kHeading ? b.level : (Bold(v) ? 7 : 0);
  std::vector<std::string_view> words = WordsOf(text);
  bool terminal = EndsSentence(text) || text.back() == '.';
  auto with = [&](TalkReference t) {
    r.talk = std::move(t);
    return !r.talk.title.empty();
  };
  // A heading that links the talk by its title: "### [Title](sched-url) - Ana Silva, Initech".
  if (title_link) {
    std::string_view lt =
        std::string_view(b.text).substr(title_link->begin, title_link->end - title_link->begin);
    bool sched = ClassifyLink(title_link->url) == LinkKind::kSchedEvent;
    TalkReference t = ReadTalkReference(lt, sched || explicit_heading);
    std::string after(std::string_view(b.text).substr(title_link->end, l.end - title_link->end));
    if (t.speakers.empty()) {
      if (auto s = SpeakersAfterTitle(after)) t.speakers = std::move(*s);
    }
    if (t.speakers.empty() && attached.speakers) {
      t.speakers = std::move(*attached.speakers);
      r.speakers_line = vlines_[attached.speakers_line].number;
      r.speakers_evidence = std::string(Text(attached.speakers_line));
    }
    r.url = title_link->url;
    if (!with(std::move(t))) return std::nullopt;
    for (std::size_t k : attached.lines) roles_[k] = Role::kAttached;
    TakeFields(attached, r);
    return r;
  }
  // A heading that links a talk only with generic words ("TAG [Talk](sched.co/x)"): the talk is
  // named elsewhere by the same link.
  if (!url.empty() && !attached.link && !attached.speakers) {
    bool generic_only = true;
    for (const TextLink& link : b.links)
      if (link.begin >= l.begin && link.end <= l.end && !link.autolink &&
          !LinkWordsOnly(std::string_view(b.text).substr(link.begin, link.end - link.begin)))
        generic_only = false;
    if (generic_only && explicit_heading) {
      r.url_only = true;
      r.talk = ReadTalkReference(text, false);
      return r;
    }
  }
  // A speakers line (or a time) under the heading.
  if ((attached.speakers || attached.fields) && !terminal && words.size() <= 30 && !DayLike(text) &&
      !EndSection(text) && FirstCapitalised(text)) {
    // The heading may name the speakers itself ("Title — Ana Silva"); a speakers line wins.
    TalkReference t = ReadTalkReference(text, explicit_heading && !attached.speakers);
    if (attached.speakers) {
      t.speakers = std::move(*attached.speakers);
      r.speakers_line = vlines_[attached.speakers_line].number;
      r.speakers_evidence = std::string(Text(attached.speakers_line));
    }
    if (!with(std::move(t))) return std::nullopt;
    for (std::size_t k : attached.lines) roles_[k] = Role::kAttached;
    TakeFields(attached, r);
    return r;
  }
  {
    TalkReference t = ReadTalkReference(text, true);
    if (!t.speakers.empty()) {
      bool affiliated = Affiliated(t.speakers);
      bool legal_end = terminal && IsLegalSuffix(std::string(words.back()));
      bool shaped = !terminal || legal_end;
      if (shaped && (link_follows || explicit_heading ||
                     (affiliated && (TitleCase(t.title, true) || text_.markdown)) ||
                     (TitleCase(t.title, true) && TitleCase(t.speakers[0].name, false)))) {
        if (!with(std::move(t))) return std::nullopt;
        for (std::size_t k : attached.lines) roles_[k] = Role::kAttached;
        TakeFields(attached, r);
        return r;
      }
    }
  }
  // "My talk at KCD Zurich 2025: Title".
  if (TalkReference mine = ReadTalkReference(text, false);
      mine.first_person && WordsOf(mine.title).size() >= 2) {
    if (!with(std::move(mine))) return std::nullopt;
    for (std::size_t k : attached.lines) roles_[k] = Role::kAttached;
    TakeFields(attached, r);
    return r;
  }
  // "Title by Ana Silva, Initech" in a heading.
  if (explicit_heading && !terminal) {
    if (auto t = ReadTitleBySpeakers(text);
        t && WordsOf(t->title).size() >= 3 && TitleCase(t->title, true)) {
      if (!with(std::move(*t))) return std::nullopt;
      for (std::size_t k : attached.lines) roles_[k] = Role::kAttached;
      TakeFields(attached, r);
      return r;
    }
  }
  if (terminal || words.size() > 30) return std::nullopt;
  if (DayLike(text) || EndSection(text) || GenericSection(text)) return std::nullopt;
  // (A line of prose above a "Recording:" line is the end of a description, not a title.)
  if (link_follows && FirstCapitalised(text) && (!IsProse(text) || TitleCase(text, true))) {
    if (!with(ReadTalkReference(text, false))) return std::nullopt;
    for (std::size_t k : attached.lines) roles_[k] = Role::kAttached;
    TakeFields(attached, r);
    return r;
  }
  if (HasSessionPrefix(text)) {
    std::vector<std::string> aliases = TalkTitleAliases(text);
    std::string bare = aliases.empty() ? text : aliases.back();
    std::size_t next = NextNonBlank(v);
    bool next_prose = next < vlines_.size() && IsProse(Text(next));
    if (TitleCase(bare, true) && (explicit_heading || next_prose)) {
      if (!with(ReadTalkReference(text, false))) return std::nullopt;
      return r;
    }
  }
  return std::nullopt;
}

// Plain text: "Who Touched My Cluster? Runtime Forensics With Inspektor\nGadget and
// Tetragon\nSpeakers: ..." — a title wrapped over two lines above its speakers line. The line
// above joins when it is right above, starts the entry (after a blank line, a time line or the
// block's start) and reads as the start of a title.
void Reader::JoinWrappedTitle(std::size_t v, Ref& r) {
  if (text_.markdown || v == 0 || r.talk.speakers.empty() || r.speakers_line == 0) return;
  const std::size_t u = v - 1;
  if (vlines_[u].number + 1 != vlines_[v].number || roles_[u] != Role::kNone || claimed_[u] ||
      !Headingish(u))
    return;
  std::string first = CollapseSpaces(Text(u));
  std::vector<std::string_view> words = WordsOf(first);
  if (words.empty() || words.size() > 16 || FieldLine(first) || !FirstCapitalised(first) ||
      first.back() == '.' || first.back() == ':' || first.back() == ',' || EndsSentence(first))
    return;
  if (auto w = ParseWhen(first, year_); w && !w->range.empty()) return;  // a time line
  // What is above the first line: nothing, a blank line or a time line.
  if (u > 0 && vlines_[u - 1].number + 1 == vlines_[u].number) {
    auto w = ParseWhen(CollapseSpaces(Text(u - 1)), year_);
    if (!w || w->range.empty()) return;
  }
  std::string joined = first + " " + CollapseSpaces(Text(v));
  if (WordsOf(joined).size() > 25 || !TitleCase(joined, true)) return;
  TalkReference t = ReadTalkReference(joined, false);
  if (t.title.empty()) return;
  t.speakers = std::move(r.talk.speakers);
  r.talk = std::move(t);
  r.evidence = joined;
  r.line = vlines_[u].number;
  r.block = vlines_[u].block;
  r.begin = vlines_[u].begin;
  roles_[u] = Role::kAttached;
}

void Reader::AssignRoles() {
  const std::size_t n = vlines_.size();
  bool in_talk_section = false;
  bool seen_content = false;
  for (std::size_t v = 0; v < n; ++v) {
    const Block& b = BlockOf(v);
    if (b.kind == BlockKind::kCode || b.kind == BlockKind::kRule || b.kind == BlockKind::kHtml)
      continue;
    if (roles_[v] == Role::kAttached) continue;
    std::string text = CollapseSpaces(Text(v));
    if (!Headingish(v) || text.size() > 600 || CodeLike(text) || FieldLine(text)) {
      if (!text.empty()) seen_content = true;
      continue;
    }
    const bool explicit_heading = b.kind == BlockKind::kHeading;
    // The document's title: the first line of a plain-text post, or the first '#' heading when
    // nothing but front matter precedes it.
    if (!seen_content && (explicit_heading ? b.level == 1 : !text_.markdown)) {
      seen_content = true;
      std::string url;
      std::size_t next = NextNonBlank(v);
      bool link_follows = next < n && IsTalkLinkLine(next, &url);
      bool speakers = !ReadTalkReference(text, false).speakers.empty();
      if (!link_follows && !speakers && WordsOf(text).size() <= 20 && !EndsSentence(text)) {
        roles_[v] = Role::kTitle;
        continue;
      }
    }
    seen_content = true;
    if (explicit_heading && SlotLine(text)) {
      roles_[v] = Role::kSection;  // "#### 11:00 - 11:30 (Room 2)": the time of what follows
      continue;
    }
    if (auto talk = TalkFromHeading(v, explicit_heading)) {
      // "Day 1 - Keynotes" has the shape of "Title - Speaker"; it is a talk only when a talk link
      // or a session prefix says so.
      std::string unused;
      std::size_t next = NextNonBlank(v);
      bool linked = !talk->url.empty() || (next < n && IsTalkLinkLine(next, &unused));
      bool day = talk->talk.speakers.empty() ? DayLike(text) : BareDay(talk->talk.title);
      if (!day || linked || HasSessionPrefix(text)) {
        JoinWrappedTitle(v, *talk);
        roles_[v] = Role::kTalk;
        claimed_[v] = true;
        refs_.push_back(std::move(*talk));
        continue;
      }
    }
    bool heading_shape = WordsOf(text).size() <= 12 && !EndsSentence(text);
    if (heading_shape && (DayLike(text) || ParseDayHeading(text, 0))) {
      roles_[v] = Role::kDay;
      in_talk_section = true;
      continue;
    }
    if (heading_shape && EndSection(text)) {
      roles_[v] = Role::kEnd;
      in_talk_section = false;
      continue;
    }
    if (heading_shape && TalkSectionName(text)) {
      roles_[v] = Role::kTalkSection;
      in_talk_section = true;
      continue;
    }
    if (explicit_heading) {
      roles_[v] =
          GenericSection(text) || !EventLabel(text).empty() ? Role::kSection : Role::kUndecided;
      continue;
    }
    if (Bold(v)) continue;
    // Plain text: a short Title Case line followed by prose, inside a section of talks.
    std::vector<std::string_view> words = WordsOf(text);
    if (text_.markdown || !in_talk_section || words.size() < 3 || words.size() > 14) continue;
    if (EndsSentence(text) || GenericSection(text) || NonTalkSession(text) ||
        !TitleCase(text, false))
      continue;
    // "Status: Running": a field of command output, not a heading.
    static const RE2 field(R"(^[\w.-]+:\s*\S+$)");
    assert(field.ok());
    if (RE2::FullMatch(text, field)) continue;
    if (AllCaps(text)) continue;  // "NAME STATUS AGE": column headers of command output
    std::size_t next = NextNonBlank(v);
    if (next >= n || BlockOf(next).item >= 0 || BlockOf(next).kind != BlockKind::kParagraph ||
        !IsProse(Text(next)))
      continue;
    std::string after = CollapseSpaces(Text(next));
    char last = after.empty() ? ' ' : after.back();
    if (WordsOf(after).size() < 8 && last != '.' && last != '!' && last != '?') continue;
    Ref r;
    r.kind = RefKind::kHeading;
    r.block = vlines_[v].block;
    r.begin = vlines_[v].begin;
    r.end = vlines_[v].end;
    r.level = 0;
    r.line = vlines_[v].number;
    r.evidence = text;
    r.talk = ReadTalkReference(text, false);
    r.talk.speakers.clear();
    if (r.talk.title.empty()) continue;
    roles_[v] = Role::kTalk;
    claimed_[v] = true;
    refs_.push_back(std::move(r));
  }
  DecideUndecided();
}

// Markdown headings without a cue of their own are talks when they sit under a day or a talks
// section, or beside headings of the same level that are talks.
void Reader::DecideUndecided() {
  std::vector<std::size_t> headings;
  for (std::size_t v = 0; v < vlines_.size(); ++v)
    if (BlockOf(v).kind == BlockKind::kHeading) headings.push_back(v);
  std::set<std::size_t> talk_headings;
  for (const Ref& r : refs_)
    if (r.kind == RefKind::kHeading && !r.url_only) talk_headings.insert(first_vline_[r.block]);
  // Each heading's parent: the nearest heading before it of a lower level (a stack of the open
  // sections, so linear in the number of headings). Its siblings are the headings of its level
  // with the same parent: they share one section, and "beside a talk heading" is a property of
  // the (parent, level) pair, worked out once.
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> parent_of(headings.size(), kNone);
  std::set<std::pair<std::size_t, int>> with_talk;  // (parent, level) with a talk heading
  {
    std::vector<std::size_t> open;
    for (std::size_t h = 0; h < headings.size(); ++h) {
      const int level = BlockOf(headings[h]).level;
      while (!open.empty() && BlockOf(headings[open.back()]).level >= level) open.pop_back();
      if (!open.empty()) parent_of[h] = open.back();
      open.push_back(h);
      if (talk_headings.count(headings[h])) with_talk.emplace(parent_of[h], level);
    }
  }
  for (std::size_t h = 0; h < headings.size(); ++h) {
    std::size_t v = headings[h];
    if (roles_[v] != Role::kUndecided) continue;
    const int level = BlockOf(v).level;
    const std::size_t parent = parent_of[h];
    bool talk_parent = parent != kNone && (roles_[headings[parent]] == Role::kDay ||
                                           roles_[headings[parent]] == Role::kTalkSection);
    bool talk_sibling = with_talk.count({parent, level}) > 0;
    std::string text = CollapseSpaces(Text(v));
    std::vector<std::string_view> words = WordsOf(text);
    if ((talk_parent || talk_sibling) && words.size() >= 3 && words.size() <= 25 &&
        !EndsSentence(text) && !NonTalkSession(text) && TitleCase(text, true)) {
      Ref r;
      r.kind = RefKind::kHeading;
      r.block = vlines_[v].block;
      r.begin = vlines_[v].begin;
      r.end = vlines_[v].end;
      r.level = level;
      r.line = vlines_[v].number;
      r.evidence = text;
      r.talk = ReadTalkReference(text, false);
      r.talk.speakers.clear();
      const Block& b = BlockOf(v);
      for (const TextLink& link : b.links)
        if (r.url.empty() && IsTalkLink(ClassifyLink(link.url))) r.url = link.url;
      if (r.talk.title.empty()) {
        roles_[v] = Role::kSection;
        continue;
      }
      roles_[v] = Role::kTalk;
      claimed_[v] = true;
      refs_.push_back(std::move(r));
    } else {
      roles_[v] = Role::kSection;
    }
  }
}

}  // namespace cnkg::article
