// Talks the article's own author gave: a speaker's page of "talks I have given", a post about
// "my talk at KCD Zurich", a post that says "Yesterday I gave this talk". The author (front
// matter author/authors/contributors, or "I'm Ana Silva" in the first paragraphs) presents
// them, with the organisation they say they work at, and with the co-speakers the text names
// ("with Bo Li from Globex"). See article_reader.h.

#include <re2/re2.h>

#include <algorithm>
#include <cassert>
#include <map>
#include <set>

#include "common/strings.h"
#include "extract/grammar/regex_options.h"
#include "extract/grammar/speaker_text.h"
#include "extract/readers/article_reader.h"
#include "extract/readers/article_text.h"
#include "graph/resolve.h"

namespace cnkg::article {
namespace {

// The part of a regular expression that reads a capitalised name of up to five words.
#define CNKG_NAME \
  R"(\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|da|di|del|der|la|le)){0,4})"
// An organisation: capitalised words, "&", "of", "and".
#define CNKG_ORG \
  R"([\p{Lu}\d][\p{L}\d&.'’-]*(?:\s+(?:[\p{Lu}\d&][\p{L}\d&.'’-]*|of|and|de|&)){0,4})"

bool SameName(std::string_view a, std::string_view b) { return FoldName(a) == FoldName(b); }

std::string TrimOrg(std::string org) {
  // "Palomar Freight. These are...": the organisation ends with its sentence.
  if (std::size_t stop = org.find(". "); stop != std::string::npos) org.resize(stop + 1);
  while (!org.empty() && (org.back() == '.' || org.back() == ',') &&
         !IsLegalSuffix(speaker_text::Words(org).back()))
    org.pop_back();
  // "Initech and" / "Globex of": a small word left at the end.
  static const RE2 tail(R"(^(.*?)\s+(?:of|and|de|&)$)");
  assert(tail.ok());
  std::string head;
  if (RE2::FullMatch(org, tail, &head)) org = head;
  return CollapseSpaces(org);
}

}  // namespace

void Reader::FindAuthors() {
  const FrontMatter& fm = text_.front_matter;
  for (const char* key : {"author", "authors", "contributors", "speaker", "speakers"}) {
    auto it = fm.fields.find(key);
    if (it == fm.fields.end()) continue;
    for (const std::string& part : Split(it->second, ",")) {
      std::string name = CollapseSpaces(part);
      if (LooksLikeArticlePersonName(name) || speaker_text::Words(name).size() == 1) {
        if (LooksLikeArticlePersonName(name))
          if (std::none_of(authors_.begin(), authors_.end(),
                           [&](const std::string& a) { return SameName(a, name); }))
            authors_.push_back(name);
      }
    }
  }
  // The first paragraphs: "I'm Ana Silva, a principal engineer at Initech", "I work on the
  // platform team at Initech", "talks I have given".
  static const RE2 im(R"((?:^|[.!?]\s+|\s)I(?:'m|’m|\s+am)\s+()" CNKG_NAME R"()\s*,)",
                      LargePatternOptions());
  static const RE2 role_at(R"((?:^|[\s(])I(?:'m|’m|\s+am)\s+(?:)" CNKG_NAME
                           R"(\s*,\s+)?(?:a|an|the)\s+[^.;!?]{0,80}?\s+(at|with|for)\s+()" CNKG_ORG
                           R"())",
                           LargePatternOptions());
  static const RE2 work_at(
      R"((?:^|[\s(])I\s+(?:currently\s+)?work\s+(?:(?:on|in)\s+[^.;!?]{0,80}?\s+)?(at|for|with)\s+()" CNKG_ORG
      R"())",
      LargePatternOptions());
  // "At Initech, where I'm a security engineer": the place of work comes first.
  static const RE2 at_where(R"((?:^|[\s(])(?:At|at)\s+()" CNKG_ORG
                            R"(),\s+where\s+I(?:'m|’m|\s+\w+)\b)",
                            LargePatternOptions());
  static const RE2 page_cue(
      R"((?i)\b(?:talks?|sessions?|presentations?|workshops?)\s+(?:that\s+)?i(?:'ve|’ve|\s+have)?\s+(?:given|gave|delivered|presented|done|did|held)\b|\bmy\s+(?:past\s+|recent\s+|conference\s+|public\s+|previous\s+)?(?:talks|presentations|sessions)\b|\bi\s+(?:speak|have\s+spoken|'ve\s+spoken|’ve\s+spoken)\s+(?:at|about|on|a\s+few|regularly)\b)");
  assert(im.ok() && role_at.ok() && work_at.ok() && at_where.ok() && page_cue.ok());
  // A page titled for its talks: "Speaking", "Talks I have given", "My conference talks".
  static const RE2 page_title(
      R"((?i)^\W*(?:(?:public\s+|conference\s+)?speaking(?:\s+engagements)?|(?:my\s+)?(?:past\s+|conference\s+|public\s+)?(?:talks|presentations)(?:\s+(?:&|and)\s+\w+)?)\W*$)");
  assert(page_title.ok());
  {
    auto it = fm.fields.find("title");
    if (it != fm.fields.end() && RE2::FullMatch(CollapseSpaces(it->second), page_title))
      first_person_page_ = true;
    int headings = 0;
    for (std::size_t bi = 0; bi < text_.blocks.size() && headings < 3; ++bi) {
      const Block& b = text_.blocks[bi];
      if (b.kind != BlockKind::kHeading) continue;
      ++headings;
      std::string t = CollapseSpaces(b.Joined());
      if (RE2::FullMatch(t, page_title) || (t.size() < 200 && RE2::PartialMatch(t, page_cue)))
        first_person_page_ = true;
    }
  }
  // A profile byline before the post (a social-media post copied with its header): the first
  // line a person's name, the next their headline "Senior Engineer at Initech | ...".
  if (authors_.empty() && text_.blocks.size() >= 2) {
    const Block& first = text_.blocks[0];
    const Block& second = text_.blocks[1];
    std::string name = CollapseSpaces(first.Joined());
    std::string headline = CollapseSpaces(second.Joined());
    static const RE2 at_org(R"(^[^|·•]*?\s(?:at|@)\s+([^|·•,]+?)\s*(?:[|·•,].*)?$)");
    assert(at_org.ok());
    std::string org;
    if (first.kind != BlockKind::kHeading && second.first_line() <= first.first_line() + 2 &&
        LooksLikeArticlePersonName(name) && headline.size() < 300 &&
        RE2::FullMatch(headline, at_org, &org)) {
      authors_.push_back(name);
      org = TrimOrg(org);
      if (author_org_.empty() && !org.empty() && !IsNonOrganization(org)) author_org_ = org;
    }
  }
  int paragraphs = 0;
  for (std::size_t bi = 0; bi < text_.blocks.size() && paragraphs < 20; ++bi) {
    const Block& b = text_.blocks[bi];
    if (b.kind != BlockKind::kParagraph) continue;
    ++paragraphs;
    std::string t = CollapseSpaces(b.Joined());
    if (t.size() > 4000) t = t.substr(0, 4000);
    std::string name, org, preposition;
    // Only sentences in the first person can say who the author is.
    const bool first_person =
        t.find("I'm") != std::string::npos || t.find("I’m") != std::string::npos ||
        t.find("I am") != std::string::npos || t.find("I work") != std::string::npos ||
        t.find("I currently") != std::string::npos || t.find("where I ") != std::string::npos;
    if (first_person && RE2::PartialMatch(t, im, &name) && LooksLikeArticlePersonName(name) &&
        std::none_of(authors_.begin(), authors_.end(),
                     [&](const std::string& a) { return SameName(a, name); }))
      authors_.push_back(CollapseSpaces(name));
    if (author_org_.empty() && first_person &&
        (RE2::PartialMatch(t, role_at, &preposition, &org) ||
         RE2::PartialMatch(t, work_at, &preposition, &org) ||
         (RE2::PartialMatch(t, at_where, &org) && (preposition = "at", true)))) {
      org = TrimOrg(org);
      // "at Palomar Freight" names a place of work; "with Ana Silva" may name a person.
      if (!org.empty() && !IsNonOrganization(org) &&
          (preposition == "at" || !LooksLikeArticlePersonName(org)))
        author_org_ = org;
    }
    if (RE2::PartialMatch(t, page_cue)) first_person_page_ = true;
  }
}

bool Reader::OpeningSays(int paragraphs, const RE2& re, std::string* capture) const {
  for (std::size_t bi = 0; bi < text_.blocks.size() && paragraphs > 0; ++bi) {
    const Block& b = text_.blocks[bi];
    if (b.kind != BlockKind::kParagraph) continue;
    --paragraphs;
    std::string t = CollapseSpaces(b.Joined());
    if (t.size() >= 4000) continue;
    if (capture ? RE2::PartialMatch(t, re, capture) : RE2::PartialMatch(t, re)) return true;
  }
  return false;
}

void Reader::ApplyAuthors() {
  // "Yesterday I gave this talk", "my talk", "I presented": said of one talk, in its section.
  static const RE2 post_cue(
      R"((?i)\b(?:i|we)\s+(?:gave|presented|delivered|held|did|co-presented|ran)\s+(?:this|my|our|a|the)\s+(?:[\w-]+\s+){0,2}(?:talk|session|keynote|presentation|workshop|tutorial|lightning\s+talk)\b|\bmy\s+(?:[\w-]+\s+){0,2}(?:talk|session|keynote|presentation|workshop|tutorial|slides|slide\s+deck|deck)\b|\bi\s+(?:co-?presented|presented|spoke|co-?hosted)\b)");
  static const RE2 with(
      R"((?:^|\s)with\s+(?:(?:my|our)\s+(?:[\w-]+\s+){0,2}?((?i:teammate|colleague|co-?worker|team\s+mate))\s+)?()" CNKG_NAME
      R"()(?:\s+(?:from|of|at)\s+()" CNKG_ORG R"()|\s*\(([^()]+)\))?)",
      LargePatternOptions());
  assert(post_cue.ok() && with.ok());
  // A post about one talk that names none by a reference of its own: the post's title is the
  // talk.
  bool any = std::any_of(refs_.begin(), refs_.end(), [](const Ref& r) { return !r.dropped; });
  if (!any && authors_.size() == 1 && !title_.empty()) {
    const bool cue = OpeningSays(5, post_cue);
    TalkReference t = ReadTalkReference(title_, false);
    if (cue && !t.title.empty() && WordsOf(t.title).size() >= 2 && WordsOf(t.title).size() <= 25) {
      Ref r;
      r.kind = RefKind::kHeading;
      r.level = 1;
      r.talk = std::move(t);
      r.talk.speakers.clear();
      r.evidence = title_;
      // The title's heading when the body repeats it, else the front matter's title line.
      std::size_t block = 0;
      r.line = text_.front_matter.field_lines.count("title")
                   ? text_.front_matter.field_lines.at("title")
                   : 1;
      for (std::size_t v = 0; v < vlines_.size(); ++v) {
        if (roles_[v] == Role::kTitle) {
          block = vlines_[v].block;
          r.line = vlines_[v].number;
          break;
        }
      }
      r.block = block;
      r.talk.first_person = true;
      refs_.push_back(std::move(r));
      SetSections();
    }
  }
  // A post whose opening says "I gave a talk" and that names one talk: that talk is the
  // author's.
  bool one_talk_post = false;
  std::set<std::string> titles;
  for (const Ref& r : refs_)
    if (!r.dropped) titles.insert(Slug(r.talk.title));
  if (titles.size() == 1) one_talk_post = OpeningSays(3, post_cue);
  // "Our team gave TWO talks this year": the talks listed right after such a sentence, as many
  // as it says, are the author's.
  {
    static const RE2 gave_n(
        R"((?i)\b(?:i|we|our\s+team|my\s+team)\s+(?:gave|presented|delivered|did|had|ran)\s+(?:(two|three|four|2|3|4)\s+)(?:talks|sessions|presentations)\b)");
    assert(gave_n.ok());
    for (std::size_t bi = 0; bi < text_.blocks.size(); ++bi) {
      const Block& b = text_.blocks[bi];
      if (b.kind != BlockKind::kParagraph) continue;
      std::string t = CollapseSpaces(b.Joined());
      std::string count_word;
      if (t.size() > 2000 || !RE2::PartialMatch(t, gave_n, &count_word)) continue;
      static const std::map<std::string, int> kCounts = {{"two", 2}, {"three", 3}, {"four", 4},
                                                         {"2", 2},   {"3", 3},     {"4", 4}};
      auto it = kCounts.find(AsciiLower(count_word));
      if (it == kCounts.end()) continue;
      int left = it->second;
      std::set<std::string> seen;
      for (Ref& r : refs_) {
        if (left == 0) break;
        if (r.dropped || r.block <= bi) continue;
        if (seen.insert(Slug(r.talk.title)).second) {
          r.talk.first_person = true;
          --left;
        }
      }
    }
  }
  for (Ref& r : refs_) {
    if (r.dropped) continue;
    // Plain text: the line right under a list item's talk ("1) \"Title\"\nI co-presented this
    // with ...") speaks of it too.
    std::string below;
    if (!text_.markdown && !r.section.empty()) {
      const std::size_t last = r.section.back().block;
      if (last + 1 < text_.blocks.size()) {
        const Block& nb = text_.blocks[last + 1];
        if (nb.kind == BlockKind::kParagraph && nb.item < 0 &&
            nb.first_line() == text_.blocks[last].last_line() + 1)
          below = CollapseSpaces(nb.Joined());
      }
    }
    bool mine = r.talk.first_person || first_person_page_ || one_talk_post;
    if (!mine && below.size() < 4000 && RE2::PartialMatch(below, post_cue)) mine = true;
    if (!mine) {
      // A first-person cue in the talk's own text.
      for (const Range& range : r.section) {
        const Block& b = text_.blocks[range.block];
        std::string t = CollapseSpaces(b.text.substr(range.begin, range.end - range.begin));
        if (t.size() < 4000 && RE2::PartialMatch(t, post_cue)) {
          mine = true;
          break;
        }
      }
    }
    if (!mine || authors_.size() != 1) continue;
    const std::string& author = authors_.front();
    bool listed = std::any_of(r.talk.speakers.begin(), r.talk.speakers.end(),
                              [&](const HeadingSpeaker& s) { return SameName(s.name, author); });
    if (!listed) {
      HeadingSpeaker s;
      s.name = author;
      s.organization = author_org_;
      r.talk.speakers.insert(r.talk.speakers.begin(), std::move(s));
    }
    // Co-speakers: "with Bo Li from Globex" in the talk's unit or its first paragraph.
    std::vector<std::string> texts = {r.evidence};
    if (!below.empty() && RE2::PartialMatch(below, post_cue)) texts.push_back(below);
    for (const Range& range : r.section) {
      const Block& b = text_.blocks[range.block];
      if (b.kind != BlockKind::kParagraph || range.block == r.block) continue;
      std::string t = CollapseSpaces(b.Joined().substr(range.begin, range.end - range.begin));
      if (RE2::PartialMatch(t, post_cue)) texts.push_back(t);
      break;
    }
    for (const std::string& t : texts) {
      re2::StringPiece input(t.data(), std::min<std::size_t>(t.size(), 4000));
      std::string mate, name, org, paren;
      while (RE2::FindAndConsume(&input, with, &mate, &name, &org, &paren)) {
        name = CollapseSpaces(name);
        // "Bo Li. We showed": the name ends with its sentence.
        if (std::size_t stop = name.find(". "); stop != std::string::npos) {
          name.resize(stop);
          org.clear();
          paren.clear();
        }
        while (!name.empty() && name.back() == '.') name.pop_back();
        if (!LooksLikeArticlePersonName(name) || SameName(name, author)) continue;
        if (std::any_of(r.talk.speakers.begin(), r.talk.speakers.end(),
                        [&](const HeadingSpeaker& s) { return SameName(s.name, name); }))
          continue;
        HeadingSpeaker s;
        s.name = name;
        std::string o = TrimOrg(org.empty() ? paren : org);
        // "also Initech" in parentheses.
        if (o.rfind("also ", 0) == 0) o = o.substr(5);
        if (!o.empty() && !IsNonOrganization(o) && !LooksLikeArticleJobTitle(o)) s.organization = o;
        // "with my teammate Bo Li": the author's colleague, at the author's organisation.
        if (s.organization.empty() && !mate.empty()) s.organization = author_org_;
        r.talk.speakers.push_back(std::move(s));
      }
    }
  }
  // "Unless a line says otherwise, every speaker listed here works at Initech": the page's
  // default organisation, for speakers given without one.
  {
    static const RE2 default_org(
        R"((?i)\b(?:every|all|each)\s+(?:of\s+the\s+)?(?:speakers?|presenters?)\s+(?:listed\s+|named\s+|on\s+this\s+page\s+)?(?:here\s+|below\s+|above\s+)?(?:works?|is|are)\s+(?:at|from|with|for)\s+()" CNKG_ORG
        R"())",
        LargePatternOptions());
    assert(default_org.ok());
    std::string org;
    if (OpeningSays(10, default_org, &org)) org = TrimOrg(org);
    if (!org.empty() && !IsNonOrganization(org)) {
      static const RE2 none_after(
          R"((?i)^[\s,(—–-]*(?:independent|freelance|freelancer|self-employed)\b)");
      assert(none_after.ok());
      for (Ref& r : refs_) {
        if (r.dropped) continue;
        for (HeadingSpeaker& sp : r.talk.speakers) {
          if (!sp.organization.empty()) continue;
          // "Bongani Zulu (Independent)": said to have none.
          bool none = false;
          for (const std::string* text : {&r.evidence, &r.speakers_evidence}) {
            std::size_t at = text->find(sp.name);
            if (at != std::string::npos &&
                RE2::PartialMatch(std::string_view(*text).substr(at + sp.name.size()), none_after))
              none = true;
          }
          if (!none) sp.organization = org;
        }
      }
      if (author_org_.empty()) author_org_ = org;
    }
  }
  // A co-presenter the talk's text names: "Yuki co-presented this one with her Initech
  // colleague Bo Li", "Ana presented together with her colleague Bo Li (also Initech)".
  static const RE2 co_presenter(
      R"((?:co-?presented|presented|gave|delivered|shared\s+the\s+stage)\s+(?:(?:this|it|the\s+talk|this\s+one|this\s+talk)\s+)?(?:together\s+)?with\s+(?:(?:his|her|their)\s+(?:(\p{Lu}[\p{L}\d&.'’-]*(?:\s+\p{Lu}[\p{L}\d&.'’-]*){0,3})\s+)?(?:colleague|teammate|co-?worker)\s+)?()" CNKG_NAME
      R"()(?:\s*\((?:also\s+)?([^()]+)\))?)",
      LargePatternOptions());
  assert(co_presenter.ok());
  for (Ref& r : refs_) {
    if (r.dropped || r.talk.speakers.empty()) continue;
    for (const Range& range : r.section) {
      const Block& b = text_.blocks[range.block];
      if (b.kind != BlockKind::kParagraph || range.block == r.block) continue;
      if (roles_[first_vline_[range.block]] == Role::kAttached) continue;  // its speakers line
      std::string t = CollapseSpaces(b.Joined().substr(range.begin, range.end - range.begin));
      if (t.size() > 4000) break;
      std::string org, name, paren;
      if (RE2::PartialMatch(t, co_presenter, &org, &name, &paren)) {
        name = CollapseSpaces(name);
        if (std::size_t stop = name.find(". "); stop != std::string::npos) {
          name.resize(stop);
          paren.clear();
        }
        while (!name.empty() && name.back() == '.') name.pop_back();
        const bool known =
            std::any_of(r.talk.speakers.begin(), r.talk.speakers.end(),
                        [&](const HeadingSpeaker& s) { return SameName(s.name, name); });
        if (LooksLikeArticlePersonName(name) && !known) {
          HeadingSpeaker s;
          s.name = name;
          std::string o = TrimOrg(!paren.empty() ? paren : org);
          if (o.empty() &&
              (t.find("colleague") != std::string::npos ||
               t.find("teammate") != std::string::npos || t.find("co-worker") != std::string::npos))
            o = r.talk.speakers.front().organization;  // a colleague of the speaker
          if (!o.empty() && !IsNonOrganization(o) && !LooksLikeArticleJobTitle(o))
            s.organization = o;
          r.talk.speakers.push_back(std::move(s));
        }
      }
      break;  // the talk's first paragraph only
    }
  }
  // A speaker named by one word ("Ravi did his talk") is the author or speaker of the document
  // whose name starts with it, when there is exactly one.
  std::vector<std::string> full = authors_;
  for (const Ref& r : refs_)
    for (const HeadingSpeaker& s : r.talk.speakers)
      if (speaker_text::Words(s.name).size() >= 2) full.push_back(s.name);
  for (Ref& r : refs_) {
    for (HeadingSpeaker& s : r.talk.speakers) {
      if (speaker_text::Words(s.name).size() != 1) continue;
      std::string match;
      int count = 0;
      for (const std::string& f : full) {
        std::vector<std::string> w = speaker_text::Words(f);
        if (!w.empty() && SameName(w.front(), s.name) && !SameName(f, match)) {
          match = f;
          ++count;
        }
      }
      if (count == 1) s.name = match;
    }
  }
}

}  // namespace cnkg::article
