// Talk references inside prose: links to a talk's page, recording or slides with the speakers
// the sentence gives, quoted or bold titles with their speakers, and titles written plainly
// before "by Speaker" and a recording link. See article_reader.h.

#include <re2/re2.h>

#include <algorithm>
#include <cassert>
#include <set>

#include "common/strings.h"
#include "extract/grammar/event_names.h"
#include "extract/grammar/links.h"
#include "extract/readers/article_reader.h"
#include "extract/readers/article_text.h"

namespace cnkg::article {

void Reader::ReadQuotedTitles(std::size_t bi) {
  const Block& b = text_.blocks[bi];
  static const std::pair<std::string_view, std::string_view> kQuotes[] = {
      {"\xE2\x80\x9C", "\xE2\x80\x9D"},  // “ ”
      {"\xC2\xAB", "\xC2\xBB"},          // « »
      {"\xE3\x80\x8C", "\xE3\x80\x8D"},  // 「 」
      {"\xE3\x80\x8E", "\xE3\x80\x8F"},  // 『 』
      {"\xE3\x80\x8A", "\xE3\x80\x8B"},  // 《 》
      {"\"", "\""}};
  // Candidates: (open, text begin, text end, close end) of each quoted or emphasised span.
  struct Span {
    std::size_t o, begin, c, at;
  };
  std::vector<Span> spans;
  for (const auto& [open, close] : kQuotes) {
    std::size_t at = 0;
    for (int count = 0; count < 200; ++count) {
      std::size_t o = b.text.find(open, at);
      if (o == std::string::npos) break;
      std::size_t begin = o + open.size();
      std::size_t c = b.text.find(close, begin);
      if (c == std::string::npos) break;
      at = c + close.size();
      spans.push_back({o, begin, c, at});
    }
  }
  // "We did not make it to *Title*": an emphasised title inside a sentence.
  for (const TextSpan& e : b.spans)
    if (e.begin > 0 && e.end > e.begin) spans.push_back({e.begin, e.begin, e.end, e.end});
  for (const Span& span : spans) {
    {
      const std::size_t o = span.o, begin = span.begin, c = span.c, at = span.at;
      // A title may wrap (a soft break), never cross a hard one.
      if (c - begin > 300 || b.NextHardBreak(begin) < c) continue;
      // Inside a link or reference already read.
      bool inside = false;
      for (const Ref& r : refs_)
        if (r.block == bi && begin < std::max(r.end, r.begin + 1) && c > r.begin) inside = true;
      for (const TextLink& l : b.links)
        if (l.begin < c && l.end > begin) inside = true;
      if (inside) continue;
      std::string title = Slice(b, begin, c);
      TalkReference t = ReadTalkReference(title, false);
      if (t.title.empty() || WordsOf(t.title).size() < 3 || WordsOf(t.title).size() > 25 ||
          !TitleCase(t.title, true))
        continue;
      std::size_t after_end = std::min(b.text.size(), at + 300);
      after_end = std::min(after_end, b.NextHardBreak(at));
      std::size_t window = o > 300 ? o - 300 : 0;
      std::size_t sentence = b.text.rfind(". ", o);
      sentence = sentence == std::string::npos || sentence < window ? window : sentence + 2;
      sentence = std::min(sentence, o);
      std::string after = Slice(b, at, after_end);
      // Plain text keeps each line a block of its own: a sentence that goes on below goes on in
      // the next line's block.
      if (!text_.markdown && after_end == b.text.size()) {
        for (std::size_t next = bi + 1; next < text_.blocks.size() && after.size() < 300; ++next) {
          const Block& nb = text_.blocks[next];
          const Block& pb = text_.blocks[next - 1];
          std::string_view tail = Trim(after.empty() ? std::string_view(pb.text) : after);
          if (nb.kind != BlockKind::kParagraph || (nb.item != b.item && nb.item >= 0) ||
              nb.first_line() != pb.line_numbers.back() + 1 || tail.empty() ||
              std::string_view(".!?").find(tail.back()) != std::string_view::npos)
            break;
          after += " " + nb.text;
        }
      }
      // "\"Title\" [14:30–15:05, Level 3 | Suite 7]": the slot right after the title.
      std::string slot_range, slot_venue;
      {
        static const RE2 slot(R"(^[\s*_"”’»]*[\[(]([^\[\]()]{3,120})[\])](.*)$)");
        assert(slot.ok());
        std::string inside, tail;
        if (RE2::FullMatch(after, slot, &inside, &tail)) {
          if (auto w = ParseWhen(inside, year_); w && !w->range.empty()) {
            slot_range = w->range;
            slot_venue = w->venue;
            after = tail;
          }
        }
      }
      std::optional<std::vector<HeadingSpeaker>> speakers = SpeakersInRest(after);
      if (!speakers) {
        if (auto s = SpeakerBeforeTitle(Slice(b, sentence, o)))
          speakers = std::vector<HeadingSpeaker>{std::move(*s)};
      }
      // A quoted title that is its line's only text ("1. \"Title\"", "🔹 \"Title\"") names a
      // talk without speakers.
      bool alone = false;
      if (!speakers) {
        std::size_t line_begin = b.text.rfind('\n', o);
        line_begin = line_begin == std::string::npos ? 0 : line_begin + 1;
        std::size_t line_end = b.text.find('\n', at);
        if (line_end == std::string::npos) line_end = b.text.size();
        static const RE2 decoration(R"(^[^\p{L}\p{N}]*(?:\d{1,2}[.)]?)?[^\p{L}\p{N}]*$)");
        static const RE2 closing(R"(^[\s.:!]*$)");
        assert(decoration.ok() && closing.ok());
        alone = RE2::FullMatch(Slice(b, line_begin, o), decoration) &&
                RE2::FullMatch(Slice(b, at, line_end), closing) && WordsOf(t.title).size() >= 4;
      }
      // "I also liked \"Title\"", "we caught \"Title\"": a title the writer watched.
      if (!speakers && !alone) {
        static const RE2 watched(
            R"((?i)\b(?:liked|loved|enjoyed|watched|caught|attended|recommend|saw|missed|make\s+it\s+to|made\s+it\s+to)(?:\s+the\s+(?:talk|session|keynote))?\s*[*_]*$)");
        assert(watched.ok());
        alone = WordsOf(t.title).size() >= 3 && RE2::PartialMatch(Slice(b, sentence, o), watched);
      }
      if (!speakers && !alone) continue;
      if (!speakers) speakers.emplace();
      Ref r;
      r.kind = RefKind::kInline;
      r.level = 9;
      r.block = bi;
      r.begin = o;
      r.end = at;
      r.line = b.LineAt(o);
      r.talk = std::move(t);
      r.talk.speakers = std::move(*speakers);
      r.evidence = Slice(b, sentence, after_end);
      r.time_range = slot_range;
      r.venue = slot_venue;
      refs_.push_back(std::move(r));
    }
  }
}

void Reader::ReadInline() {
  // Links already read as the title of a reference.
  std::set<std::pair<std::size_t, std::size_t>> used;  // (block, link begin)
  for (const Ref& r : refs_) used.insert({r.block, r.begin});
  for (std::size_t bi = 0; bi < text_.blocks.size(); ++bi) {
    const Block& b = text_.blocks[bi];
    if (b.kind != BlockKind::kParagraph) continue;
    // The whole block is a reference already (a heading-like line, an item read above).
    bool whole = false;
    for (const Ref& r : refs_)
      if (r.block == bi && r.kind != RefKind::kInline && r.begin == 0 && r.end >= b.text.size())
        whole = true;
    if (whole) continue;
    for (const TextLink& link : b.links) {
      if (link.image || link.autolink || used.count({bi, link.begin})) continue;
      if (!IsTalkLink(ClassifyLink(link.url))) continue;
      // Already inside a reference of this block (a list item's title link read above).
      bool inside = false;
      for (const Ref& r : refs_)
        if (r.block == bi && link.begin >= r.begin && link.end <= r.end) inside = true;
      if (inside) continue;
      if (!TitleLike(LinkText(b, link))) {
        if (LinkWordsOnly(LinkText(b, link))) continue;  // "[recording]": read below
        // "[our own session](sched-url)": the text around it belongs to the talk named
        // elsewhere with the same link.
        Ref r;
        r.kind = RefKind::kInline;
        r.level = 9;
        r.block = bi;
        r.begin = link.begin;
        r.end = link.end;
        r.line = b.LineAt(link.begin);
        r.url = link.url;
        r.url_only = true;
        r.evidence = Slice(b, link.begin, link.end);
        used.insert({bi, link.begin});
        refs_.push_back(std::move(r));
        continue;
      }
      Ref r;
      r.kind = RefKind::kInline;
      r.level = 9;
      r.block = bi;
      r.begin = link.begin;
      r.end = link.end;
      r.line = b.LineAt(link.begin);
      r.url = link.url;
      bool sched = ClassifyLink(link.url) == LinkKind::kSchedEvent ||
                   ClassifyLink(link.url) == LinkKind::kSchedShort;
      r.talk = ReadTalkReference(LinkText(b, link), sched);
      if (r.talk.title.empty() || WordsOf(r.talk.title).size() < 2) continue;
      // The sentence around the link gives the speakers (looking at most 300 bytes away).
      const std::size_t window = link.begin > 300 ? link.begin - 300 : 0;
      std::size_t sentence = b.text.rfind(". ", link.begin);
      sentence = sentence == std::string::npos || sentence < window ? window : sentence + 2;
      sentence = std::min(sentence, link.begin);  // a link text that starts with '. '
      std::string before = Slice(b, sentence, link.begin);
      std::size_t after_end = std::min(b.text.size(), link.end + 300);
      after_end = std::min(after_end, b.NextHardBreak(link.end));
      std::string after = Slice(b, link.end, after_end);
      if (r.talk.speakers.empty()) {
        if (auto s = SpeakersAfterTitle(after)) r.talk.speakers = std::move(*s);
      }
      if (r.talk.speakers.empty()) {
        if (auto s = SpeakerBeforeTitle(before)) r.talk.speakers.push_back(std::move(*s));
      }
      if (r.talk.speakers.empty()) {
        if (auto s = SpeakersInProse(before, after)) r.talk.speakers = std::move(*s);
      }
      if (r.talk.event.empty()) {
        std::string label = EventLabel(before);
        if (!label.empty()) r.talk.event = label;
      }
      {
        std::size_t line_begin = b.text.rfind('\n', link.begin);
        line_begin = line_begin == std::string::npos ? 0 : line_begin + 1;
        std::size_t line_end = b.text.find('\n', link.begin);
        if (line_end == std::string::npos) line_end = b.text.size();
        if (line_end - line_begin > 600) {
          line_begin = std::max(line_begin, window);
          line_end = std::min(line_end, link.end + 300);
        }
        r.evidence = Slice(b, line_begin, line_end);
      }
      used.insert({bi, link.begin});
      refs_.push_back(std::move(r));
    }
    // "I caught Platform APIs Nobody Asked For by Ana Silva, Initech ([recording](...))": a
    // title written plainly, named by its capitalised words before "by" and a talk link after.
    for (const TextLink& link : b.links) {
      if (!IsTalkLink(ClassifyLink(link.url))) continue;
      if (!(link.autolink || LinkWordsOnly(LinkText(b, link)))) continue;
      bool inside = false;
      for (const Ref& r : refs_)
        if (r.block == bi && link.begin >= r.begin && link.begin < std::max(r.end, r.begin + 1))
          inside = true;
      if (inside) continue;
      const std::size_t window = link.begin > 400 ? link.begin - 400 : 0;
      std::size_t sentence = b.text.rfind(". ", link.begin);
      sentence = sentence == std::string::npos || sentence < window ? window : sentence + 2;
      sentence = std::min(sentence, link.begin);  // a link text that starts with '. '
      std::string before = Slice(b, sentence, link.begin);
      static const RE2 by(R"(^(.*?)\s+by\s+([^()]+?)[\s,(\[:-]*$)");
      assert(by.ok());
      std::string head, who;
      if (!RE2::FullMatch(before, by, &head, &who)) continue;
      auto speakers = ParseSpeakerList(who);
      if (!speakers) continue;
      // The title: the capitalised run that ends the text before "by".
      std::vector<std::string_view> words = WordsOf(head);
      std::size_t start = words.size();
      while (start > 0) {
        std::string_view w = words[start - 1];
        bool capital = !w.empty() && (std::isupper(static_cast<unsigned char>(w[0])) ||
                                      std::isdigit(static_cast<unsigned char>(w[0])));
        static const std::set<std::string_view> kSmall = {
            "a",  "an", "the", "of",   "for",  "and", "or", "to", "in",  "on",   "with", "at",
            "by", "vs", "vs.", "from", "into", "&",   "-",  "is", "are", "your", "our",  "my"};
        if (!capital && !kSmall.count(w)) break;
        if (w.back() == ':' || w.back() == '.' || w.back() == ',') {
          if (start != words.size()) break;
        }
        --start;
      }
      while (start < words.size() && !std::isupper(static_cast<unsigned char>(words[start][0])) &&
             !std::isdigit(static_cast<unsigned char>(words[start][0])))
        ++start;
      if (words.size() - start < 3) continue;
      std::string title;
      for (std::size_t k = start; k < words.size(); ++k) title += std::string(words[k]) + " ";
      TalkReference t = ReadTalkReference(title, false);
      if (t.title.empty() || WordsOf(t.title).size() < 3 || !TitleCase(t.title, true)) continue;
      Ref r;
      r.kind = RefKind::kInline;
      r.level = 9;
      r.block = bi;
      std::size_t title_at = b.text.find(std::string(words[start]), sentence);
      r.begin = title_at == std::string::npos ? sentence : title_at;
      r.end = link.end;
      r.line = b.LineAt(r.begin);
      r.url = link.url;
      r.talk = std::move(t);
      r.talk.speakers = std::move(*speakers);
      r.evidence = Slice(b, sentence, link.end);
      refs_.push_back(std::move(r));
    }
    // Quoted titles in prose with their speakers: "“Title” by Ana Silva from Initech",
    // "Ana Silva's talk “Title”", "「Title」by 佐藤 花子さん".
    ReadQuotedTitles(bi);
    // Quoted or bold titles without a link, followed by their speakers: "**“Title”** by Ana
    // Silva from Initech". Links are sorted by position, so overlap is a binary search.
    for (const TextSpan& s : b.spans) {
      if (!s.strong || s.end - s.begin > 400) continue;
      if (s.begin == 0 && !text_.markdown) continue;
      auto next_link =
          std::lower_bound(b.links.begin(), b.links.end(), s.begin,
                           [](const TextLink& l, std::size_t at) { return l.end <= at; });
      if (next_link != b.links.end() && next_link->begin < s.end) continue;
      std::string title = Slice(b, s.begin, s.end);
      TalkReference t = ReadTalkReference(title, false);
      if (t.title.empty() || WordsOf(t.title).size() < 3 || !TitleCase(t.title, true)) continue;
      bool inside = false;
      for (const Ref& r : refs_)
        if (r.block == bi && s.begin >= r.begin && s.begin < std::max(r.end, r.begin + 1))
          inside = true;
      if (inside) continue;
      std::size_t after_end = std::min(b.text.size(), s.end + 300);
      std::size_t nl = b.text.find('\n', s.end);
      if (nl != std::string::npos && nl < after_end) after_end = nl;
      std::string after = Slice(b, s.end, after_end);
      auto speakers = SpeakersAfterTitle(after);
      if (!speakers) continue;
      Ref r;
      r.kind = s.begin == 0 ? RefKind::kParagraph : RefKind::kInline;
      r.level = s.begin == 0 ? 7 : 9;
      r.block = bi;
      r.begin = s.begin;
      r.end = s.end;
      r.line = b.LineAt(s.begin);
      r.talk = std::move(t);
      r.talk.speakers = std::move(*speakers);
      r.evidence = CollapseSpaces(
          Slice(b, s.begin, after_end == std::string::npos ? b.text.size() : after_end));
      refs_.push_back(std::move(r));
    }
  }
}

}  // namespace cnkg::article
