#ifndef CNKG_EXTRACT_READERS_ARTICLE_READER_H_
#define CNKG_EXTRACT_READERS_ARTICLE_READER_H_

// The article reader's internals, shared by article*.cc. Not a public interface: use article.h.
//
// How it works
// ------------
// 1. markup/ turns the document into blocks (headings, paragraphs, list items, table rows) with
//    their links, emphasis and source lines. The reader looks at them as visual lines (VLine):
//    a heading, a line of a paragraph, a table row.
// 2. Talk references are found wherever the structure puts them (article_headings.cc,
//    article_refs.cc, article_tables.cc), and each is read with the one talk-reference grammar
//    (grammar/talk_reference.h):
//      - headings and heading-like lines ("Title - Speaker, Org", a heading followed by a
//        speakers line or a talk link, a session prefix, a heading among talk headings);
//      - list items and paragraph starts ("[Title](sched-url) - Name, Org", "**Title** by A",
//        "Title: https://youtu.be/...");
//      - links to a talk's page, recording or slides anywhere in prose, with the speakers the
//        sentence gives before or after them;
//      - rows of tables with a title column.
// 3. Context is carried onto the references below it (article_context.cc): day headings and
//    time lines give dates, times and rooms; event headings, event labels and event list items
//    give each talk its event; the sched subdomain of a talk's link does too.
// 4. References to the same session (the same sched id or recording) are one talk; each talk's
//    section (its text, up to the next reference or heading) gives its project mentions.

#include <re2/re2.h>

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/status.h"
#include "extract/core/batch_writer.h"
#include "extract/core/document.h"
#include "extract/grammar/day_time.h"
#include "extract/grammar/schedule_time.h"
#include "extract/grammar/talk_reference.h"
#include "extract/markup/text_doc.h"
#include "graph/batch.h"

namespace cnkg {

class Gazetteer;

namespace article {

// One visual line of a block: a heading, a table row, or a line of a paragraph (split at soft
// and hard breaks and <br>).
struct VLine {
  std::size_t block = 0;
  std::size_t begin = 0, end = 0;  // byte offsets of the line in the block's text
  int number = 0;                  // source line
  bool first = false;              // the first visual line of its block
};

// What a heading or heading-like line is.
enum class Role {
  kNone,         // body text
  kTitle,        // the document's title
  kTalk,         // a talk heading
  kDay,          // "Day 1 - KubeCon": opens a section of talks
  kTalkSection,  // "Keynotes", "Talks I attended": opens a section of talks
  kEnd,          // "Conclusion", "Recordings": ends the talks before it
  kSection,      // any other heading
  kAttached,     // a talk link or speakers line under a talk heading
  kUndecided,    // a Markdown heading decided by its siblings
};

enum class RefKind {
  kHeading,    // a heading (or a heading-like line of plain text)
  kItem,       // a list item's own text
  kParagraph,  // the first line of a paragraph
  kInline,     // a link or quoted title inside prose
  kRow,        // a table row
};

// Part of a block's text.
struct Range {
  std::size_t block = 0;
  std::size_t begin = 0, end = 0;
};

// A talk reference found in the document.
struct Ref {
  RefKind kind = RefKind::kHeading;
  std::size_t block = 0;
  std::size_t begin = 0, end = 0;  // where in the block it is named (the anchor)
  // Heading level 1..6; 0 for a plain-text line; 7 for a bold line or paragraph start; 8 for a
  // list item; 9 for an inline reference; 10 for a table row.
  int level = 0;
  TalkReference talk;
  std::string url;      // the talk's sched, recording or slides link
  std::string link_id;  // TalkLinkId(url)
  int line = 0;
  std::string evidence;
  int speakers_line = 0;  // where the speakers are written, when not on `line`
  std::string speakers_evidence;
  std::vector<std::string> extra_texts;  // table cells that describe the talk
  // The reference names its talk only by a link with generic text ("TAG [Talk](sched.co/x)"):
  // it joins the talk named elsewhere with the same link, or is dropped.
  bool url_only = false;
  // Context (article_context.cc).
  std::string event;  // the talk's own event, as written; "" for the document's
  std::optional<CivilDate> date;
  std::string time_range;  // "10:30 - 11:00 CET"
  std::string venue;       // "Level 0 | Hall | Room J"
  std::vector<Range> section;
  bool dropped = false;
};

class Reader {
 public:
  // Keeps references to `doc` and `gazetteer`, which must outlive the reader.
  Reader(const Document& doc, const Gazetteer& gazetteer);
  Result<ExtractionBatch> Read();

  // The block text of a visual line.
  std::string_view Text(const VLine& v) const;
  std::string_view Text(std::size_t v) const { return Text(vlines_[v]); }
  // The URLs of the links in block `b` that overlap [begin, end), one per line: context for the
  // project names there (a link to a project's repository says which project a name means).
  std::string LinkUrls(const Block& b, std::size_t begin, std::size_t end) const;
  // Adds the project mentions in b.text[begin, end) to `source_key`: a wrapped line is read with
  // the next (a name may be split by the wrap), a hard break (<br>) ends a piece, each mention's
  // evidence names its own source line, and the links there are the context.
  void AddTextMentions(BatchWriter& out, const Block& b, std::size_t begin, std::size_t end,
                       const std::string& source_key) const;

 private:
  friend struct Attachments;
  // article_headings.cc
  void AssignRoles();
  bool Headingish(std::size_t v) const;
  bool Bold(std::size_t v) const;
  std::optional<Ref> TalkFromHeading(std::size_t v, bool explicit_heading);
  void DecideUndecided();
  // article_refs.cc
  void ReadItemsAndParagraphs();
  void ReadInline();
  void ReadQuotedTitles(std::size_t block);
  std::optional<Ref> RefFromLinks(std::size_t v, RefKind kind, int level);
  // article_tables.cc
  void ReadTables();
  // article_context.cc
  void FindTitle();
  void FindYear();
  void FindDefaults();
  void FindEvent();
  void ApplyContext();
  // article_authors.cc
  void FindAuthors();
  void ApplyAuthors();
  // article.cc
  void MergeRefs();
  // A talk named again by the main part of its title ("[Title (PDF)](slides)" beside
  // "Title: Subtitle") is one talk.
  void MergeShortTitles();
  // True when one of the first `paragraphs` paragraphs matches `re` somewhere; its first group
  // goes to `capture` when given.
  bool OpeningSays(int paragraphs, const RE2& re, std::string* capture = nullptr) const;
  // A line that repeats a talk's title ("NOTES" sections after an agenda) refers to that talk:
  // the text under it is the talk's too.
  void FindRepeatedTitles();
  // Joins the line above a plain-text talk's title line when the title wraps onto two lines.
  void JoinWrappedTitle(std::size_t v, Ref& r);
  void SetSections();
  ExtractionBatch Build();
  std::size_t NextNonBlank(std::size_t v) const { return v + 1; }
  bool IsTalkLinkLine(std::size_t v, std::string* url) const;
  // Lines right under a title that belong to it: talk links, speakers lines ("Speakers:",
  // "Moderator:" and "Panelists:" lines add up) and fields ("When:", "Room:").
  struct Attached {
    std::vector<std::size_t> lines;
    std::string url;
    bool link = false;
    std::optional<std::vector<HeadingSpeaker>> speakers;
    std::size_t speakers_line = 0;
    bool fields = false;  // a When/Time/Date/Room line
    std::optional<CivilDate> date;
    std::string time_range;
    std::string venue;
    std::string event;  // "*KCD Warsaw 2025* · solo": the event a line under the title names
    // True when something says the title above is a talk: a link, speakers or a time.
    bool any() const { return link || speakers || fields; }
  };
  // Copies what `a` says about dates, times and rooms onto `r`.
  static void TakeFields(const Attached& a, Ref& r);
  Attached AttachedLines(std::size_t v, bool bare_list) const;
  const Block& BlockOf(std::size_t v) const { return text_.blocks[vlines_[v].block]; }
  bool InItemHead(std::size_t v) const;

  const Document& doc_;
  const Gazetteer& gazetteer_;
  TextDoc text_;
  std::vector<VLine> vlines_;
  std::vector<std::size_t> first_vline_;  // per block: its first visual line
  std::vector<Role> roles_;               // per visual line
  std::vector<bool> claimed_;             // per visual line: read as (part of) a reference
  std::vector<Ref> refs_;
  std::string title_;
  int year_ = 0;  // the year the document is about (0 if unknown)
  std::optional<EntityRecord> event_;
  std::set<std::string> warnings_;    // messages warned once
  std::vector<std::string> authors_;  // the article's authors (front matter, "I'm Ana Silva")
  std::string author_org_;            // where the author says they work ("I work at Initech")
  bool first_person_page_ = false;    // "talks I have given": the author presents every talk
  // What the article says of all its times: "Times are local (CEST, UTC+2)", "This page lists
  // the second day, Thursday 16 October 2025".
  std::string default_zone_;
  std::optional<CivilDate> default_date_;
};

// Helpers of the unit readers (article_refs.cc), shared with article_inline.cc.

// The part of a block's text between two offsets, soft breaks read as spaces.
std::string Slice(const Block& b, std::size_t begin, std::size_t end);
// The text of a link.
std::string_view LinkText(const Block& b, const TextLink& l);
// A link text that can be a talk's title: words, not a URL, not "slides" or "here".
bool TitleLike(std::string_view text);
// A line under a talk's title that names the event it was given at and maybe who gave it:
// "KubeCon + CloudNativeCon Europe 2025, London · with Bo Li from Globex", "KCD Warsaw 2025 |
// solo". nullopt when the line says anything else.
struct EventLine {
  std::string event;
  std::optional<std::vector<HeadingSpeaker>> speakers;
};
std::optional<EventLine> ReadEventLine(std::string_view line);

// "2025-05-14".
std::string IsoDate(const CivilDate& d);

// A line that is only a time slot, maybe with its place: "10:55–11:30", "10:55–11:30 · Level 2 |
// Room 201". nullopt for a time followed by anything else (a title).
std::optional<TimeLine> SlotLine(std::string_view text);

// The room a heading names when the talks below it are in that room: "Sala Tejo (main room)"
// -> "Sala Tejo", "Room 3", "Main Hall". "" for any other heading.
std::string RoomHeading(std::string_view text);

// The event named in the text before a title ("2024 · KubeCon EU (Paris): "), or "".
std::string EventBefore(std::string_view prefix);
// True when the text before a title is a label, not a sentence.
bool LabelPrefix(std::string_view prefix);
// The speakers in what follows a title: right after it, or in a later "with"/"by" clause.
std::optional<std::vector<HeadingSpeaker>> SpeakersInRest(std::string_view after);
// The emphasised span that starts a unit ("**Title** — ..."), when it holds a title.
const TextSpan* LeadingEmphasis(const Block& b, std::size_t begin, std::size_t end);
// A unit that can be a talk's title on its own: a short capitalised phrase, not a sentence, a
// field, a job ("SRE Intern") or a section name.
bool TitleShaped(const std::string& title, bool emphasised);

}  // namespace article
}  // namespace cnkg

#endif  // CNKG_EXTRACT_READERS_ARTICLE_READER_H_
