// Tables of talks: header-driven columns (Title, Speaker(s), Company, Date, Time, Room, Video,
// Slides); a cell holding "Title - Speakers" goes through the grammar. See article_reader.h.

#include <re2/re2.h>

#include <algorithm>
#include <cassert>
#include <cctype>

#include "common/strings.h"
#include "extract/grammar/day_time.h"
#include "extract/grammar/event_names.h"
#include "extract/grammar/links.h"
#include "extract/readers/article_reader.h"
#include "extract/readers/article_text.h"
#include "graph/resolve.h"

namespace cnkg::article {
namespace {

enum class Column {
  kOther,
  kTitle,
  kSpeakers,
  kOrg,
  kLink,
  kDate,
  kTime,
  kRoom,
  kEvent,
  kTrack,
  kYear
};

Column ColumnOf(std::string_view header) {
  static const RE2 title(
      R"((?i)^(?:talk|session|title|talk\s+title|session\s+title|name|topic|what|talk\s+name|presentation|subject|workshop|tutorial|keynote|lightning\s+talk)s?$)");
  static const RE2 speakers(
      R"((?i)^(?:speakers?|presenters?|presented\s+by|by|who|with|co-?speakers?|co-?presenters?|speaker\(s\)|presenter\(s\)|hosts?|panell?ists?|speakers?\s*(?:&|and|/)\s*(?:companies|organi[sz]ations|affiliations))$)");
  static const RE2 org(
      R"((?i)^(?:compan(?:y|ies)|organi[sz]ations?|affiliations?|orgs?|employers?|from)$)");
  static const RE2 link(
      R"((?i)^(?:links?|url|sched|slides|video|videos|recording|recordings|watch|youtube|materials?|resources?)$)");
  static const RE2 date(R"((?i)^(?:date|day|when)$)");
  static const RE2 time(R"((?i)^(?:time|slot|start|hour)s?$)");
  static const RE2 room(R"((?i)^(?:room|location|where|venue|hall|stage)$)");
  static const RE2 event(R"((?i)^(?:event|conference|meetup)s?$)");
  static const RE2 track(R"((?i)^(?:track|type|category|format)s?$)");
  static const RE2 year(R"((?i)^(?:year)s?$)");
  assert(title.ok() && speakers.ok() && org.ok() && link.ok() && date.ok() && time.ok() &&
         room.ok() && event.ok() && track.ok() && year.ok());
  std::string h = HeadingKey(header);
  if (h.size() > 60) return Column::kOther;
  if (RE2::FullMatch(h, title)) return Column::kTitle;
  if (RE2::FullMatch(h, speakers)) return Column::kSpeakers;
  if (RE2::FullMatch(h, org)) return Column::kOrg;
  if (RE2::FullMatch(h, link)) return Column::kLink;
  if (RE2::FullMatch(h, date)) return Column::kDate;
  if (RE2::FullMatch(h, time)) return Column::kTime;
  if (RE2::FullMatch(h, room)) return Column::kRoom;
  if (RE2::FullMatch(h, event)) return Column::kEvent;
  if (RE2::FullMatch(h, track)) return Column::kTrack;
  if (RE2::FullMatch(h, year)) return Column::kYear;
  return Column::kOther;
}

// A cell's entries: split at <br> (kept as '\n' in cells) and ';'.
// A cell that stands for nothing: "—", "-", "n/a", "TBD", "none", "?".
bool Placeholder(std::string_view t) {
  // Without dashes (– — ― −) and ASCII punctuation, is anything left?
  std::string rest(t);
  for (std::string_view dash : {"\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\x95", "\xE2\x88\x92"})
    for (std::size_t at; (at = rest.find(dash)) != std::string::npos;) rest.erase(at, dash.size());
  if (std::none_of(rest.begin(), rest.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
      }))
    return true;
  static const RE2 words(R"((?i)^(?:n/?a|tbd|tba|tbc|none|unknown|not\s+known|-+)\.?$)");
  assert(words.ok());
  return RE2::FullMatch(t, words);
}

// The entries of a cell, one per line; placeholders are no entries.
std::vector<std::string> Entries(const std::string& cell) {
  std::vector<std::string> out;
  for (std::string& line : Split(cell, "\n")) {
    std::string t = CollapseSpaces(line);
    if (!t.empty() && !Placeholder(t)) out.push_back(t);
  }
  return out;
}

}  // namespace

void Reader::ReadTables() {
  const std::size_t nb = text_.blocks.size();
  for (std::size_t i = 0; i < nb; ++i) {
    const Block& header = text_.blocks[i];
    if (header.kind != BlockKind::kTableRow || !header.header_row) continue;
    std::vector<Column> cols;
    int title = -1, speakers = -1, org = -1;
    for (std::size_t c = 0; c < header.cells.size(); ++c) {
      Column k = ColumnOf(header.cells[c]);
      // The first column of a kind counts; later ones are descriptions.
      for (Column seen : cols)
        if (seen == k && k != Column::kOther && k != Column::kLink) k = Column::kOther;
      cols.push_back(k);
      if (k == Column::kTitle) title = static_cast<int>(c);
      if (k == Column::kSpeakers) speakers = static_cast<int>(c);
      if (k == Column::kOrg) org = static_cast<int>(c);
    }
    // Without a title column, the first column is the title when a speakers column says the
    // table is about talks.
    if (title < 0 && speakers > 0 && cols[0] == Column::kOther) {
      title = 0;
      cols[0] = Column::kTitle;
    }
    // A title column named only "Name" or "What" makes a talk table only beside a column that
    // only talks have (speakers, date, time, room, event) or a link to a talk.
    static const RE2 weak_title(R"((?i)^(?:name|what|topic|subject)s?$)");
    assert(weak_title.ok());
    if (title >= 0 &&
        RE2::FullMatch(HeadingKey(header.cells[static_cast<std::size_t>(title)]), weak_title)) {
      bool talky = speakers >= 0;
      for (Column c : cols)
        if (c == Column::kDate || c == Column::kTime || c == Column::kRoom || c == Column::kEvent)
          talky = true;
      for (std::size_t k = i + 1;
           !talky && k < nb && text_.blocks[k].kind == BlockKind::kTableRow &&
           text_.blocks[k].table == header.table;
           ++k)
        for (const TextLink& l : text_.blocks[k].links)
          if (IsTalkLink(ClassifyLink(l.url))) talky = true;
      if (!talky) title = -1;
    }
    std::size_t j = i + 1;
    for (; j < nb && text_.blocks[j].kind == BlockKind::kTableRow &&
           text_.blocks[j].table == header.table;
         ++j) {
      if (title < 0) continue;
      const Block& row = text_.blocks[j];
      auto cell = [&](int c) -> std::string {
        return c >= 0 && static_cast<std::size_t>(c) < row.cells.size() ? row.cells[c] : "";
      };
      Ref r;
      r.kind = RefKind::kRow;
      r.level = 10;
      r.block = j;
      r.begin = 0;
      r.end = row.text.size();
      r.line = row.first_line();
      r.evidence = CollapseSpaces(row.text);
      // The title is the cell's first line; lines under it ("<br>*lightning talk, 10 min*") are
      // notes.
      std::string title_text = cell(title);
      if (std::size_t nl = title_text.find('\n'); nl != std::string::npos)
        title_text = title_text.substr(0, nl);
      r.talk = ReadTalkReference(title_text, speakers < 0);
      if (speakers >= 0 || org >= 0) {
        // A speakers column: the title cell's own "- Speakers" split only with affiliation.
        if (r.talk.speakers.empty()) r.talk = ReadTalkReference(title_text, false);
      }
      if (r.talk.title.empty() || LinkWordsOnly(r.talk.title)) continue;
      // A podcast episode, an interview or an article listed beside the talks is no talk: its
      // event cell says so, or its title starts "Episode 12:", "Podcast:", "Interview:".
      {
        static const RE2 other_kind(
            R"((?i)\b(?:podcast|webinar|interview|blog|article|newsletter|book|livestream)s?\b)");
        static const RE2 other_title(
            R"((?i)^\W*(?:(?:podcast\s+)?episode\s*#?\d*|podcast|interview|article|blog\s+post)\s*[:#\-–—])");
        assert(other_kind.ok() && other_title.ok());
        bool other = RE2::PartialMatch(title_text, other_title);
        for (std::size_t c = 0; c < row.cells.size() && c < cols.size(); ++c)
          if (cols[c] == Column::kEvent && RE2::PartialMatch(row.cells[c], other_kind))
            other = true;
        if (other) continue;
      }
      // Links: the title cell's talk link, else a link column's.
      for (std::size_t c = 0; c < row.cells.size() && c < cols.size(); ++c) {
        if (cols[c] != Column::kTitle && cols[c] != Column::kLink) continue;
        std::size_t begin = row.cell_begin[c];
        std::size_t end = c + 1 < row.cell_begin.size() ? row.cell_begin[c + 1] : row.text.size();
        for (const TextLink& l : row.links) {
          if (l.begin < begin || l.end > end || !r.url.empty()) continue;
          if (IsTalkLink(ClassifyLink(l.url)) || cols[c] == Column::kLink) r.url = l.url;
        }
      }
      // Speakers and organisations.
      std::string who = cell(speakers);
      if (!Trim(who).empty()) {
        std::vector<std::string> people = Entries(who);
        std::vector<HeadingSpeaker> parsed;
        bool ok = true;
        for (const std::string& p : people) {
          // "Moderator: Tuva Lie (Fjordline Data)": a labelled entry.
          auto s = ReadSpeakersLine(p, false);
          if (!s) s = ParseLabelledSpeakerList(p);
          if (!s) {
            ok = false;
            break;
          }
          for (HeadingSpeaker& x : *s) parsed.push_back(std::move(x));
        }
        if (!ok) {
          // The whole cell as one list ("Ana Silva, Bo Li & Cy Young").
          std::string joined = who;
          std::replace(joined.begin(), joined.end(), '\n', ';');
          if (auto s = ParseLabelledSpeakerList(joined)) {
            parsed = std::move(*s);
            ok = true;
          }
        }
        if (ok && !parsed.empty()) {
          std::vector<std::string> orgs = Entries(cell(org));
          // "Faro Mobility<br>-": one line per speaker, a placeholder for none.
          std::vector<std::string> lines;
          for (std::string& line : Split(cell(org), "\n"))
            if (!Trim(line).empty()) lines.push_back(Placeholder(Trim(line)) ? "" : line);
          if (lines.size() == parsed.size() && parsed.size() > 1) orgs = lines;
          if (orgs.size() == 1 && parsed.size() > 1) {
            // "Initech & Globex", "Initech / Globex": one organisation per speaker.
            static const RE2 seps(R"(\s*(?:;|&|/|\band\b)\s*)");
            assert(seps.ok());
            std::string list = orgs[0];
            RE2::GlobalReplace(&list, seps, ";");
            std::vector<std::string> split = Split(list, ";");
            if (split.size() == parsed.size()) orgs = split;
          }
          for (std::size_t k = 0; k < parsed.size(); ++k) {
            HeadingSpeaker& s = parsed[k];
            if (!s.organization.empty() || orgs.empty()) continue;
            std::string o = orgs.size() == parsed.size() ? orgs[k]
                            : orgs.size() == 1           ? orgs[0]
                                                         : "";
            o = CollapseSpaces(o);
            if (!o.empty() && !IsNonOrganization(o)) s.organization = o;
          }
          r.talk.speakers = std::move(parsed);
        }
      }
      for (std::size_t c = 0; c < row.cells.size() && c < cols.size(); ++c) {
        std::string value = CollapseSpaces(row.cells[c]);
        switch (cols[c]) {
          case Column::kOther:
          case Column::kTrack:
            r.extra_texts.push_back(value);
            break;
          case Column::kDate:
          case Column::kTime:
            // "2025-05-14 09:15–09:45", "Tue 14 May", "10:00 – 10:30".
            if (auto w = ParseWhen(value, year_)) {
              if (w->date) r.date = w->date;
              if (!w->range.empty()) r.time_range = w->range;
            } else if (auto d = ParseDayLine(value)) {
              r.date = d;
            }
            break;
          case Column::kRoom:
            r.venue = value;
            break;
          case Column::kEvent: {
            std::string label = EventLabel(value);
            r.talk.event = label.empty() ? value : label;
            break;
          }
          default:
            break;
        }
      }
      // "2025" in a Year column completes an event written without its year.
      for (std::size_t c = 0; c < row.cells.size() && c < cols.size(); ++c) {
        static const RE2 four(R"(^\s*((?:19|20)\d\d)\s*$)");
        assert(four.ok());
        std::string y;
        if (cols[c] == Column::kYear && RE2::FullMatch(row.cells[c], four, &y) &&
            !r.talk.event.empty() && r.talk.event.find(y) == std::string::npos)
          r.talk.event += " " + y;
      }
      claimed_[first_vline_[j]] = true;
      roles_[first_vline_[j]] = Role::kTalk;
      refs_.push_back(std::move(r));
    }
    i = j - 1;
  }
}

}  // namespace cnkg::article
