// Talk references in list items and paragraph starts: links to a talk's page, recording or
// slides with the title they give, and titles written with their speakers. See
// article_reader.h.

#include <re2/re2.h>

#include <algorithm>
#include <cassert>

#include "common/strings.h"
#include "extract/grammar/day_time.h"
#include "extract/grammar/event_names.h"
#include "extract/grammar/links.h"
#include "extract/grammar/regex_options.h"
#include "extract/grammar/speaker_text.h"
#include "extract/readers/article_reader.h"
#include "extract/readers/article_text.h"

namespace cnkg::article {

// The part of a block's text between two offsets, soft breaks read as spaces.
// An empty or reversed range gives the empty string.
// Offsets inside a UTF-8 sequence move to its start (a byte window cut "300 bytes away").
std::string Slice(const Block& b, std::size_t begin, std::size_t end) {
  end = std::min(end, b.text.size());
  auto continuation = [&](std::size_t i) {
    return i < b.text.size() && (static_cast<unsigned char>(b.text[i]) & 0xC0) == 0x80;
  };
  while (begin > 0 && continuation(begin)) --begin;
  while (end > 0 && continuation(end)) --end;
  if (begin >= end) return {};
  std::string out = b.text.substr(begin, end - begin);
  for (char& c : out)
    if (c == '\n') c = ' ';
  return CollapseSpaces(out);
}

std::string_view LinkText(const Block& b, const TextLink& l) {
  return std::string_view(b.text).substr(l.begin, l.end - l.begin);
}

// A link text that can be a talk's title: words, not a URL, not "slides" or "here".
bool TitleLike(std::string_view text) {
  std::string t = CollapseSpaces(text);
  if (t.empty() || t.size() > 400 || LinkWordsOnly(t)) return false;
  if (t.find("://") != std::string::npos) return false;
  std::vector<std::string_view> words = WordsOf(t);
  // One word ("Kubernetes!") is too little to go on; a lower-case phrase ("our own session")
  // refers to a talk rather than naming it.
  if (words.size() < 2) return false;
  if (FirstCapitalised(t) || static_cast<unsigned char>(t[0]) >= 0x80) return true;
  // "llm-d in Production: ...": a title that starts with a lower-case project name; most of
  // its other words are capitalised.
  static const std::set<std::string_view> kSmall = {"a",  "an", "the",  "of",   "for",  "and",
                                                    "or", "to", "in",   "on",   "with", "at",
                                                    "by", "vs", "from", "into", "as",   "is"};
  int significant = 0, capitalised = 0;
  for (std::size_t i = 1; i < words.size(); ++i) {
    std::string_view w = words[i];
    if (kSmall.count(w) || !std::isalpha(static_cast<unsigned char>(w[0]))) continue;
    ++significant;
    if (std::isupper(static_cast<unsigned char>(w[0]))) ++capitalised;
  }
  return significant >= 2 && capitalised * 3 >= significant * 2;
}

// The event named in the text before a title ("2024 · KubeCon EU (Paris): "), or "".
std::string EventBefore(std::string_view prefix) {
  std::vector<EventMention> found = FindEventNames(prefix);
  if (found.empty()) return "";
  const EventMention* best = &found.front();
  for (const EventMention& e : found)
    if (e.score > best->score) best = &e;
  std::string name = best->name;
  if (best->year.empty()) {
    static const RE2 year(R"(\b((?:19|20)\d\d)\b)");
    assert(year.ok());
    std::string y;
    if (RE2::PartialMatch(prefix, year, &y)) name += " " + y;
  }
  return name;
}

// True when the text before a title is a label, not a sentence: short, no verb-like prose.
bool LabelPrefix(std::string_view prefix) {
  std::string p = CollapseSpaces(prefix);
  if (p.empty()) return true;
  static const RE2 decoration(R"(^[\s*_"“‘'«\[(#\d.)·•\-–—:|]*$)");
  assert(decoration.ok());
  if (RE2::FullMatch(p, decoration)) return true;
  if (WordsOf(p).size() > 10 || IsProse(p)) return false;
  return true;
}

// The speakers in what follows a title: right after it (" by Ana Silva", " - Ana Silva, Org"),
// or in a later "with"/"by" clause (" — KubeCon 2023, with Ana Silva (Initech)").
std::optional<std::vector<HeadingSpeaker>> SpeakersInRest(std::string_view after) {
  if (auto s = SpeakersAfterTitle(after)) return s;
  static const RE2 clause(
      R"((?i)(?:^|[\s,(;])((?:with|by|featuring|together\s+with|came\s+from|was\s+given\s+by|speakers?\s+(?:are|were|was|is)|run\s+by|led\s+by)\s+\S.*)$)");
  assert(clause.ok());
  std::string_view rest = after.substr(0, std::min<std::size_t>(after.size(), 600));
  std::string from;
  // The first clause that reads as speakers.
  for (int tries = 0; tries < 4 && RE2::PartialMatch(rest, clause, &from); ++tries) {
    static const RE2 other_lead(
        R"((?i)^(?:came\s+from|was\s+given\s+by|speakers?\s+(?:are|were|was|is)|run\s+by|led\s+by)\s+)");
    assert(other_lead.ok());
    std::string as_by = from;
    if (RE2::Replace(&as_by, other_lead, "by ")) {
      if (auto s = SpeakersAfterTitle(as_by)) return s;
    }
    if (auto s = SpeakersAfterTitle(from)) return s;
    std::size_t at = rest.find(from);
    if (at == std::string_view::npos) break;
    rest = rest.substr(at + 4);
  }
  return std::nullopt;
}

// A line that is only a speaker list in parentheses: "(Ana Lima, Initech & Bo Chen)".
bool ParenthesisedSpeakers(std::string_view line) {
  static const RE2 whole(R"(^\s*\(([^()]+)\)[\s.,;]*$)");
  assert(whole.ok());
  std::string inner;
  if (!RE2::FullMatch(line, whole, &inner)) return false;
  return SpeakersAfterTitle(" (" + inner + ")").has_value();
}

// The emphasised span that starts a unit ("**Title** — ..."), when it holds a title.
const TextSpan* LeadingEmphasis(const Block& b, std::size_t begin, std::size_t end) {
  for (const TextSpan& s : b.spans) {
    if (s.end > end) continue;
    std::string before = b.text.substr(begin, s.begin >= begin ? s.begin - begin : 0);
    static const RE2 decoration(R"(^[\s"“‘'«#\d.)·•\-–—:|]*$)");
    assert(decoration.ok());
    if (s.begin < begin || !RE2::FullMatch(before, decoration)) continue;
    std::string text = b.text.substr(s.begin, s.end - s.begin);
    if (TitleLike(text)) return &s;
  }
  return nullptr;
}

// A unit that can be a talk's title on its own: a short capitalised phrase, not a sentence, a
// field, a job ("SRE Intern") or a section name.
bool TitleShaped(const std::string& title, bool emphasised) {
  std::vector<std::string_view> words = WordsOf(title);
  if (words.size() < 2 || words.size() > 25 || title.size() > 300) return false;
  if (!FirstCapitalised(title)) return false;
  char last = title.back();
  // "... at 3 a.m." ends with an abbreviation, not a sentence.
  static const RE2 abbreviation(R"((?i)\b(?:a\.m|p\.m|etc|vs|inc|ltd)\.$)");
  assert(abbreviation.ok());
  if ((last == '.' && !RE2::PartialMatch(title, abbreviation)) || last == ',' || last == ';' ||
      last == ':')
    return false;
  if (FieldLine(title) || LinkWordsOnly(title) || LooksLikeArticleJobTitle(title)) return false;
  if (GenericSection(title) || EndSection(title) || DayLike(title)) return false;
  return emphasised || TitleCase(title, true);
}

// Reads one unit (a list item's text or a paragraph's first line) whose talk links give the
// title. nullopt when it has no talk link naming a talk.
std::optional<Ref> Reader::RefFromLinks(std::size_t v, RefKind kind, int level) {
  const Block& b = BlockOf(v);
  const VLine& l = vlines_[v];
  // The unit: this visual line and, while it has no talk link yet, the soft-wrapped lines after
  // it ("Title part one\n part two: https://..."), up to a line that is a speakers or link line
  // of its own.
  auto has_talk_link = [&](std::size_t from, std::size_t to) {
    for (const TextLink& link : b.links)
      if (link.begin >= from && link.end <= to && IsTalkLink(ClassifyLink(link.url))) return true;
    return false;
  };
  std::size_t end = l.end;
  for (std::size_t k = v + 1; k < vlines_.size() && vlines_[k].block == l.block; ++k) {
    std::size_t index = static_cast<std::size_t>(
        std::lower_bound(b.breaks.begin(), b.breaks.end(), vlines_[k].begin - 1) -
        b.breaks.begin());
    bool soft = index < b.soft_breaks.size() && b.soft_breaks[index];
    if (has_talk_link(l.begin, end)) {
      // "[Title](sched-url)\n(Ana Lima, Initech)", "**[Title](url)**\n— Ana Lima (Initech),
      // a maintainer ...": the speakers wrapped onto the next line.
      if (soft) {
        static const RE2 decoration(R"(^[\s*_)\]]*$)");
        assert(decoration.ok());
        std::size_t link_end = 0;
        for (const TextLink& link : b.links)
          if (link.begin >= l.begin && link.end <= end && IsTalkLink(ClassifyLink(link.url)))
            link_end = std::max(link_end, link.end);
        const bool nothing_after =
            link_end > 0 && RE2::FullMatch(Slice(b, link_end, end), decoration);
        static const RE2 dash_start(R"(^\s*(?:—|–|-{1,2})\s+\S)");
        assert(dash_start.ok());
        if (ParenthesisedSpeakers(Text(k)) ||
            (nothing_after && RE2::PartialMatch(Text(k), dash_start) && SpeakersInRest(Text(k))))
          end = vlines_[k].end;
      }
      break;
    }
    // A link whose text wraps onto this line goes on ("[Title part one\npart two](url)").
    bool inside_link = false;
    for (const TextLink& link : b.links)
      if (link.begin < vlines_[k].begin && link.end > vlines_[k].begin) inside_link = true;
    if (soft && inside_link) {
      end = vlines_[k].end;
      continue;
    }
    // A link line here is this title's link ("Title:\n https://youtu.be/..."); a speakers line
    // is an attachment of its own.
    if (!soft || ReadSpeakersLine(Text(k), true)) break;
    end = vlines_[k].end;
  }
  const TextLink* title_link = nullptr;
  std::vector<const TextLink*> talk_links;
  for (const TextLink& link : b.links) {
    if (link.begin < l.begin || link.end > end || link.image) continue;
    if (!IsTalkLink(ClassifyLink(link.url))) continue;
    talk_links.push_back(&link);
    if (!title_link && !link.autolink && TitleLike(LinkText(b, link))) title_link = &link;
  }
  if (talk_links.empty()) return std::nullopt;
  Ref r;
  r.kind = kind;
  r.level = level;
  r.block = l.block;
  r.line = l.number;
  r.evidence = Slice(b, l.begin, end);
  if (title_link) {
    std::string prefix = Slice(b, l.begin, title_link->begin);
    if (kind != RefKind::kInline && !LabelPrefix(prefix) && kind == RefKind::kParagraph)
      return std::nullopt;  // a link in the middle of prose: an inline reference
    bool sched = ClassifyLink(title_link->url) == LinkKind::kSchedEvent ||
                 ClassifyLink(title_link->url) == LinkKind::kSchedShort;
    r.talk = ReadTalkReference(LinkText(b, *title_link), sched);
    if (r.talk.title.empty() || WordsOf(r.talk.title).size() < 2) return std::nullopt;
    r.url = title_link->url;
    r.begin = title_link->begin;
    r.end = title_link->end;
    // The speakers after the title: on its own line first, else across a wrapped line.
    std::size_t line_end = b.text.find('\n', title_link->end);
    if (line_end == std::string::npos || line_end > end) line_end = end;
    std::optional<std::vector<HeadingSpeaker>> rest =
        SpeakersInRest(Slice(b, title_link->end, line_end));
    if (!rest && line_end < end) rest = SpeakersInRest(Slice(b, title_link->end, end));
    // Speakers read out of the link text that are none of those given after it: the text was
    // a title with a separator of its own ("Title: Subtitle, More").
    if (!r.talk.speakers.empty() && rest && !SharesSpeaker(r.talk.speakers, *rest)) {
      r.talk = ReadTalkReference(LinkText(b, *title_link), sched, /*split_speakers=*/false);
      if (r.talk.title.empty()) return std::nullopt;
    }
    if (r.talk.event.empty()) r.talk.event = EventBefore(prefix);
    if (r.talk.speakers.empty() && rest) r.talk.speakers = std::move(*rest);
    if (r.talk.speakers.empty()) {
      if (auto s = SpeakerBeforeTitle(prefix)) r.talk.speakers.push_back(std::move(*s));
    }
    if (r.talk.speakers.empty()) {
      // "[Title], where Ana Silva from Initech walked through ...": a sentence of prose.
      std::size_t stop = std::min(b.text.size(), title_link->end + 400);
      stop = std::min(stop, b.NextHardBreak(title_link->end));
      if (auto s = SpeakersInProse(prefix, Slice(b, title_link->end, stop)))
        r.talk.speakers = std::move(*s);
    }
  } else if (const TextSpan* bold = LeadingEmphasis(b, l.begin, end)) {
    // "**Title** — Event 2023 ([slides](...), [video](...))": the emphasised text is the title.
    r.talk = ReadTalkReference(Slice(b, bold->begin, bold->end), false);
    if (r.talk.title.empty() || WordsOf(r.talk.title).size() < 2) return std::nullopt;
    std::string after = Slice(b, bold->end, end);
    std::size_t line_end = b.text.find('\n', bold->end);
    if (line_end == std::string::npos || line_end > end) line_end = end;
    if (r.talk.speakers.empty()) {
      if (auto s = SpeakersInRest(Slice(b, bold->end, line_end)))
        r.talk.speakers = std::move(*s);
      else if (line_end < end)
        if (auto s2 = SpeakersInRest(after)) r.talk.speakers = std::move(*s2);
    }
    if (r.talk.event.empty()) r.talk.event = EventBefore(after);
    r.url = talk_links.front()->url;
    r.begin = bold->begin;
    r.end = bold->end;
  } else {
    // The links are notes ("[slides]", a bare URL): the unit's other text is the title.
    std::string rest;
    std::size_t at = l.begin;
    for (const TextLink& link : b.links) {
      if (link.begin < l.begin || link.end > end) continue;
      rest += Slice(b, at, link.begin) + " ";
      at = link.end;
    }
    rest += Slice(b, at, end);
    static const RE2 trailing(R"(^(.*?)[\s:,;\-–—|(\[]*(?:[)\]]\s*)*$)");
    assert(trailing.ok());
    std::string head;
    if (RE2::FullMatch(CollapseSpaces(rest), trailing, &head)) rest = head;
    rest = CollapseSpaces(rest);
    std::vector<std::string_view> words = WordsOf(rest);
    if (words.size() < 2 || words.size() > 30 || LinkWordsOnly(rest)) return std::nullopt;
    if (kind != RefKind::kItem && IsProse(rest)) return std::nullopt;
    TalkReference t = ReadTalkReference(rest, false);
    if (t.speakers.empty()) {
      if (auto by = ReadTitleBySpeakers(rest)) t = std::move(*by);
    }
    if (t.title.empty() || WordsOf(t.title).size() < 2) return std::nullopt;
    r.talk = std::move(t);
    r.url = talk_links.front()->url;
    r.begin = l.begin;
    r.end = end;
  }
  for (std::size_t k = v;
       k < vlines_.size() && vlines_[k].block == l.block && vlines_[k].end <= end; ++k)
    claimed_[k] = true;
  return r;
}

void Reader::ReadItemsAndParagraphs() {
  const std::size_t n = vlines_.size();
  for (std::size_t v = 0; v < n; ++v) {
    if (roles_[v] != Role::kNone || claimed_[v]) continue;
    const Block& b = BlockOf(v);
    const VLine& l = vlines_[v];
    if (b.kind != BlockKind::kParagraph || b.quote) continue;
    const bool item = b.item >= 0 && b.item_head && l.first;
    // In Markdown the first line of a paragraph; in plain text every line was judged as a
    // heading already, so only items.
    const bool paragraph_start = !item && b.item < 0 && l.first && text_.markdown;
    if (!item && !paragraph_start) continue;
    std::string text = CollapseSpaces(Text(v));
    // "\"Title\" by A & B,\nboth from Org": a unit that stops mid-list goes on after the wrap.
    {
      static const RE2 unfinished(R"((?i)(?:[,&]|\band|\bby|\bwith|\bfrom|\bof)$)");
      assert(unfinished.ok());
      for (std::size_t k = v + 1;
           k < n && k <= v + 2 && vlines_[k].block == l.block &&
           (RE2::PartialMatch(text, unfinished) || !speaker_text::IsBalanced(text));
           ++k)
        text += " " + CollapseSpaces(Text(k));
      // '"Title" by Ana Silva, Chief\nScientist at Initech. The talk ...': a quoted title's
      // speakers go on to the end of the sentence.
      static const RE2 quoted_by(R"((?:"|”|»)\s+by\s+\S)");
      static const RE2 sentence_end(R"([.!?]\s*$)");
      assert(quoted_by.ok() && sentence_end.ok());
      if (RE2::PartialMatch(text, quoted_by) && !RE2::PartialMatch(text, sentence_end)) {
        for (std::size_t k = v + 1; k < n && k <= v + 2 && vlines_[k].block == l.block; ++k) {
          std::string next = CollapseSpaces(Text(k));
          std::size_t stop = next.find(". ");
          text += " " + (stop == std::string::npos ? next : next.substr(0, stop + 1));
          if (stop != std::string::npos || RE2::PartialMatch(next, sentence_end)) break;
        }
      }
    }
    if (text.empty() || text.size() > 600) continue;
    const RefKind kind = item ? RefKind::kItem : RefKind::kParagraph;
    const int level = item ? 8 : 7;
    if (auto r = RefFromLinks(v, kind, level)) {
      // "- [Title](url)" with "Speakers: ..." on the lines under it (under the title's last line
      // when it wraps); a speakers line that names everyone the item names and more is the
      // fuller list.
      std::size_t last = v;
      while (last + 1 < n && vlines_[last + 1].block == l.block && vlines_[last + 1].begin < r->end)
        ++last;
      Attached a = AttachedLines(last, true);
      if (a.speakers && !r->talk.speakers.empty() && a.speakers->size() > r->talk.speakers.size()) {
        bool all = true;
        for (const HeadingSpeaker& s : r->talk.speakers)
          if (!SharesSpeaker({s}, *a.speakers)) all = false;
        if (all) r->talk.speakers.clear();
      }
      if (r->talk.speakers.empty()) {
        if (a.speakers) {
          r->talk.speakers = std::move(*a.speakers);
          r->speakers_line = vlines_[a.speakers_line].number;
          r->speakers_evidence = std::string(Text(a.speakers_line));
          for (std::size_t k : a.lines) roles_[k] = Role::kAttached;
        }
      }
      roles_[v] = Role::kTalk;
      refs_.push_back(std::move(*r));
      continue;
    }
    // No talk link: "**Title** - Speakers", "Title - Name, Org & Name, Org", "Title by A, Org",
    // or a title with its speakers, link or time on the lines under it.
    Ref r;
    r.kind = kind;
    r.level = level;
    r.block = l.block;
    r.begin = l.begin;
    r.end = l.end;
    r.line = l.number;
    r.evidence = text;
    bool bold_first = false;
    bool event_labelled = false;
    std::string rest;
    // "*Title* — KubeCon EU, 2025 (with Bo Li, Globex)": an emphasised title that starts an
    // item, then where it was given and with whom.
    if (item) {
      for (const TextSpan& s : b.spans) {
        if (s.strong || s.begin != l.begin || s.end <= s.begin) continue;
        std::string title = Slice(b, s.begin, s.end);
        if (!TitleLike(title)) break;
        std::string after = CollapseSpaces(Slice(b, s.end, b.NextHardBreak(s.end)));
        static const RE2 lead(R"(^\s*(?:—|–|-{1,2}|:|,|\|)\s+(\S.*)$)");
        assert(lead.ok());
        std::string where;
        if (!RE2::FullMatch(after, lead, &where)) break;
        // The people in a parenthesised group ("(with Bo Li, Globex)"), the event before it.
        std::optional<std::vector<HeadingSpeaker>> people;
        static const RE2 group(R"(^(.*?)\s*\(((?:co-?presented\s+)?with\s[^()]*)\)(.*)$)");
        assert(group.ok());
        std::string head, inner, tail;
        if (RE2::FullMatch(where, group, &head, &inner, &tail)) {
          people = ParseSpeakerList(WithoutPeopleLead(inner));
          where = head;
        }
        static const RE2 comma_year(R"(,\s*((?:19|20)\d\d)\b)");
        assert(comma_year.ok());
        RE2::GlobalReplace(&where, comma_year, " \\1");
        std::string note;
        static const RE2 trailing_note(R"(^(.*?)\s*(?:\([^()]*\)|·.*)$)");
        assert(trailing_note.ok());
        if (RE2::FullMatch(where, trailing_note, &note)) where = note;
        auto event = ReadEventLine(where);
        // An event the grammar does not know, written with its year ("DevOpsDays Leeds 2025").
        static const RE2 named_with_year(
            R"(^(\p{Lu}[\p{L}\d&+.'’-]*(?:\s+[\p{L}\d&+][\p{L}\d&+.'’-]*){0,6}\s+(?:19|20)\d\d)(?:,\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2})?$)",
            LargePatternOptions());
        assert(named_with_year.ok());
        std::string named;
        if (!event && RE2::FullMatch(CollapseSpaces(where), named_with_year, &named)) {
          event.emplace();
          event->event = named;
        }
        if (!event && !people) break;
        r.talk = ReadTalkReference(title, false);
        if (event) r.talk.event = event->event;
        if (people) r.talk.speakers = std::move(*people);
        r.begin = s.begin;
        r.end = s.end;
        bold_first = event_labelled = true;
        break;
      }
    }
    for (const TextSpan& s : b.spans) {
      if (bold_first) break;
      if (!s.strong || s.begin < l.begin || s.end > l.end) continue;
      if (s.begin != l.begin) {
        // "11:00–11:30 — **Title** (B207)": a time slot before the bold title.
        static const RE2 separators(R"(^(.*?)[\s—–\-·|:]*$)");
        assert(separators.ok());
        std::string prefix;
        RE2::FullMatch(Slice(b, l.begin, s.begin), separators, &prefix);
        auto slot = SlotLine(CollapseSpaces(prefix));
        if (!slot) continue;
        r.time_range = slot->range;
        if (!slot->venue.empty()) r.venue = slot->venue;
      }
      bold_first = true;
      r.talk = ReadTalkReference(b.text.substr(s.begin, s.end - s.begin), false);
      rest = Slice(b, s.end, l.end);
      break;
    }
    // "2026 · KubeCon EU (Amsterdam): *Title* (with Ana Silva)": an emphasised title after an
    // event.
    if (!bold_first) {
      for (const TextSpan& s : b.spans) {
        if (s.begin < l.begin || s.end > l.end || s.begin == l.begin) continue;
        std::string prefix = Slice(b, l.begin, s.begin);
        std::string event = EventBefore(prefix);
        if (event.empty() || WordsOf(prefix).size() > 12 || IsProse(prefix)) continue;
        std::string title = Slice(b, s.begin, s.end);
        if (!TitleLike(title)) continue;
        r.talk = ReadTalkReference(title, false);
        if (r.talk.event.empty()) r.talk.event = event;
        if (auto sp = SpeakersInRest(Slice(b, s.end, l.end))) r.talk.speakers = std::move(*sp);
        r.begin = s.begin;
        r.end = s.end;
        event_labelled = bold_first = true;
        rest.clear();
        break;
      }
    }
    if (bold_first && !event_labelled) {
      if (r.talk.speakers.empty() && !Trim(rest).empty()) {
        static const RE2 separator(
            R"((?i)^\s*(?:-{1,2}|[\x{2013}\x{2014}:,|]|\bby\b|\bwith\b|\bpresented by\b)?\s*(.*)$)");
        assert(separator.ok());
        std::string who;
        RE2::FullMatch(rest, separator, &who);
        who = CollapseSpaces(who);
        if (who.size() > 2 && who.front() == '(' && who.back() == ')')
          who = who.substr(1, who.size() - 2);
        static const RE2 room_code(R"(^[A-Z]?\d{1,4}[A-Z]?(?:\s*[-–]\s*[A-Z]?\d{1,4}[A-Z]?)?$)");
        static const RE2 room_word(
            R"((?i)(?:^|\s)(?:room|hall|level|stage|theatre|theater|auditorium|ballroom|building|floor)(?:\s|$))");
        assert(room_code.ok() && room_word.ok());
        if (auto s = who.empty() ? std::nullopt : ParseSpeakerList(who)) {
          r.talk.speakers = std::move(*s);
        } else if (auto s2 = SpeakersAfterTitle(rest)) {
          r.talk.speakers = std::move(*s2);
        } else if (!who.empty() && WordsOf(who).size() <= 8 &&
                   (RE2::FullMatch(who, room_code) || RE2::PartialMatch(who, room_word))) {
          if (r.venue.empty()) r.venue = who;  // "**Title** (B207)": the room
        } else if (r.talk.event.empty()) {
          // "**Title** — Open Source Summit NA 2023": an event after the title.
          r.talk.event = EventLabel(who);
        }
      }
    } else if (!event_labelled) {
      r.talk = ReadTalkReference(text, false);
      if (r.talk.speakers.empty()) {
        if (auto by = ReadTitleBySpeakers(text)) {
          if (TitleCase(by->title, true) && Affiliated(by->speakers)) r.talk = std::move(*by);
        }
      }
      if (!r.talk.speakers.empty() &&
          (!Affiliated(r.talk.speakers) || !TitleCase(r.talk.title, true)))
        r.talk.speakers.clear();
    }
    if (r.talk.title.empty() || !TitleShaped(r.talk.title, bold_first)) continue;
    if (r.talk.speakers.empty() && !event_labelled) {
      Attached a = AttachedLines(v, true);
      if (!a.any()) continue;
      if (a.speakers) {
        r.talk.speakers = std::move(*a.speakers);
        r.speakers_line = vlines_[a.speakers_line].number;
        r.speakers_evidence = std::string(Text(a.speakers_line));
      }
      if (a.link) r.url = a.url;
      TakeFields(a, r);
      for (std::size_t k : a.lines) roles_[k] = Role::kAttached;
    }
    if (r.talk.title.empty()) continue;
    roles_[v] = Role::kTalk;
    claimed_[v] = true;
    refs_.push_back(std::move(r));
  }
}

}  // namespace cnkg::article
