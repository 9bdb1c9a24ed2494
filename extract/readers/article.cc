#include "extract/readers/article.h"

#include <re2/re2.h>

#include <algorithm>
#include <cassert>
#include <filesystem>
#include <map>
#include <set>

#include "common/strings.h"
#include "extract/core/records.h"
#include "extract/gazetteer/gazetteer.h"
#include "extract/gazetteer/wrapped_names.h"
#include "extract/grammar/links.h"
#include "extract/grammar/project_definitions.h"
#include "extract/grammar/schedule_time.h"
#include "extract/markup/markdown.h"
#include "extract/readers/article_reader.h"
#include "extract/readers/article_text.h"
#include "graph/resolve.h"

namespace cnkg {
namespace article {
namespace {

bool MentionsChina(std::string_view s) {
  static const RE2 re(R"((?i)\b(china|beijing|shanghai|hong kong|shenzhen|hangzhou)\b)");
  assert(re.ok());
  return s.size() < 4000 && RE2::PartialMatch(s, re);
}

// A venue as an article writes it beside a time: "Level 1, South Hall 3A", "Level 0 | Hall |
// Room J", "Platform Engineering Day, Level 3, ICC Capital Suite 2". The room is the last part
// that is not a level or a building.
RoomRecord ArticleVenue(std::string_view text) {
  static const RE2 seps(R"(\s*(?:\||,|;|\x{00B7}|\s/\s)\s*)");
  static const RE2 level(
      R"((?i)^(?:level|floor|lvl|etage|mezzanine|ground\s+floor)\b.*|.*\b(?:level|floor)$)");
  static const RE2 building(R"((?i)^(?:building|bldg|tower|wing)\b.*)");
  assert(seps.ok() && level.ok() && building.ok());
  std::string list(text);
  RE2::GlobalReplace(&list, seps, "\x01");
  RoomRecord out;
  std::vector<std::string> parts;
  for (const std::string& p : Split(list, "\x01")) {
    std::string part = CollapseSpaces(p);
    if (!part.empty()) parts.push_back(part);
  }
  for (std::size_t i = parts.size(); i-- > 0;) {
    const std::string& part = parts[i];
    if (RE2::FullMatch(part, level)) {
      if (out.level.empty()) out.level = part;
    } else if (RE2::FullMatch(part, building)) {
      if (out.building.empty()) out.building = part;
    } else if (out.name.empty()) {
      out.name = part;
    }
  }
  if (out.name.empty() && !parts.empty()) out.name = parts.back();
  return out;
}

}  // namespace

std::string IsoDate(const CivilDate& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

Reader::Reader(const Document& doc, const Gazetteer& gazetteer)
    : doc_(doc), gazetteer_(gazetteer), text_(ReadTextDoc(doc)) {
  for (std::size_t bi = 0; bi < text_.blocks.size(); ++bi) {
    const Block& b = text_.blocks[bi];
    first_vline_.push_back(vlines_.size());
    std::size_t begin = 0;
    std::size_t k = 0;
    while (true) {
      std::size_t nl = b.text.find('\n', begin);
      std::size_t end = nl == std::string::npos ? b.text.size() : nl;
      vlines_.push_back(
          {bi, begin, end, b.line_numbers[std::min(k, b.line_numbers.size() - 1)], k == 0});
      if (nl == std::string::npos) break;
      begin = nl + 1;
      ++k;
    }
  }
  roles_.assign(vlines_.size(), Role::kNone);
  claimed_.assign(vlines_.size(), false);
}

std::string_view Reader::Text(const VLine& v) const {
  return std::string_view(text_.blocks[v.block].text).substr(v.begin, v.end - v.begin);
}

void Reader::MergeRefs() {
  for (Ref& r : refs_) r.link_id = r.url.empty() ? "" : TalkLinkId(r.url);
  // The first reference of each session (by link) is the talk; later ones join it.
  std::map<std::string, std::size_t> by_link;
  for (std::size_t i = 0; i < refs_.size(); ++i) {
    Ref& r = refs_[i];
    if (r.link_id.empty() || r.url_only) continue;
    auto [it, added] = by_link.emplace(r.link_id, i);
    if (added) continue;
    Ref& first = refs_[it->second];
    if (first.talk.speakers.empty() && !r.talk.speakers.empty()) {
      first.talk.speakers = r.talk.speakers;
      first.speakers_line = r.speakers_line ? r.speakers_line : r.line;
      first.speakers_evidence = r.speakers_line ? r.speakers_evidence : r.evidence;
    }
    r.dropped = true;
  }
  for (Ref& r : refs_) {
    if (!r.url_only) continue;
    r.dropped = true;
    if (by_link.count(r.link_id)) continue;
    // Named only by a link that no other reference gives: a talk if its own text is a title.
    std::vector<std::string_view> words = WordsOf(r.talk.title);
    if (words.size() >= 3 && TitleCase(r.talk.title, true) && !GenericSection(r.talk.title) &&
        !NonTalkSession(r.talk.title)) {
      r.url_only = false;
      r.dropped = false;
    }
  }
}

// Each reference's text, for its project mentions: a heading's lines up to the next heading of
// its level or a talk; a list item with its nested lines; a paragraph (or the part of it from an
// inline reference to the next one) and the paragraphs after it up to the next reference or
// heading; a table row.
void Reader::SetSections() {
  for (Ref& r : refs_) r.section.clear();
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < refs_.size(); ++i) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return refs_[a].block != refs_[b].block ? refs_[a].block < refs_[b].block
                                            : refs_[a].begin < refs_[b].begin;
  });
  // The references starting in each block, by position.
  std::map<std::size_t, std::vector<std::size_t>> at_block;
  for (std::size_t i : order) at_block[refs_[i].block].push_back(i);
  const std::size_t nb = text_.blocks.size();
  auto block_role = [&](std::size_t bi) { return roles_[first_vline_[bi]]; };
  auto other_ref_in = [&](std::size_t bi, std::size_t self) {
    auto it = at_block.find(bi);
    if (it == at_block.end()) return false;
    for (std::size_t k : it->second)
      if (k != self && !refs_[k].url_only) return true;
    return false;
  };
  for (std::size_t idx : order) {
    Ref& r = refs_[idx];
    const Block& own = text_.blocks[r.block];
    auto blocks_after = [&](std::size_t from, auto stop) {
      for (std::size_t bi = from; bi < nb; ++bi) {
        if (stop(bi)) break;
        const Block& b = text_.blocks[bi];
        if (b.kind == BlockKind::kRule) continue;
        if (other_ref_in(bi, idx)) {
          // The text before the first reference of that block.
          std::size_t first = at_block[bi].front();
          if (refs_[first].begin > 0 && refs_[first].kind == RefKind::kInline)
            r.section.push_back({bi, 0, refs_[first].begin});
          break;
        }
        r.section.push_back({bi, 0, b.text.size()});
      }
    };
    switch (r.kind) {
      case RefKind::kRow:
        r.section.push_back({r.block, 0, own.text.size()});
        break;
      case RefKind::kItem: {
        r.section.push_back({r.block, 0, own.text.size()});
        const ListItem& item = text_.items[static_cast<std::size_t>(own.item)];
        blocks_after(r.block + 1, [&](std::size_t bi) {
          return bi >= item.end_block || text_.blocks[bi].kind == BlockKind::kHeading;
        });
        break;
      }
      case RefKind::kHeading: {
        r.section.push_back({r.block, 0, own.text.size()});
        const int level = r.level;
        blocks_after(r.block + 1, [&](std::size_t bi) {
          const Block& b = text_.blocks[bi];
          Role role = block_role(bi);
          if (role == Role::kDay || role == Role::kEnd || role == Role::kTalkSection ||
              role == Role::kTitle)
            return true;
          if (b.kind == BlockKind::kHeading && (level == 0 || level >= 7 || b.level <= level))
            return true;
          // Plain text: a heading-like line that is a talk ends it (checked by other_ref_in).
          return false;
        });
        break;
      }
      case RefKind::kParagraph:
      case RefKind::kInline: {
        // From the previous reference in this block (or the block's start) to the next one.
        std::size_t from = 0, to = own.text.size();
        const std::vector<std::size_t>& here = at_block[r.block];
        auto pos = std::find(here.begin(), here.end(), idx);
        if (pos != here.begin()) from = refs_[*(pos - 1)].end;
        if (pos + 1 != here.end()) to = refs_[*(pos + 1)].begin;
        if (pos == here.begin() && r.kind == RefKind::kInline) from = 0;
        r.section.push_back({r.block, from, to});
        if (pos + 1 != here.end()) break;
        // In a list item, the item's own text and lines; else the paragraphs after it.
        if (own.item >= 0) {
          const ListItem& item = text_.items[static_cast<std::size_t>(own.item)];
          blocks_after(r.block + 1, [&](std::size_t bi) {
            return bi >= item.end_block || text_.blocks[bi].kind == BlockKind::kHeading;
          });
        } else {
          blocks_after(r.block + 1, [&](std::size_t bi) {
            const Block& b = text_.blocks[bi];
            Role role = block_role(bi);
            return b.kind == BlockKind::kHeading || role == Role::kDay || role == Role::kEnd ||
                   role == Role::kTalkSection;
          });
        }
        break;
      }
    }
  }
}

void Reader::FindRepeatedTitles() {
  std::map<std::string, std::size_t> titles;  // slug -> the first reference with that title
  for (std::size_t i = 0; i < refs_.size(); ++i) {
    const Ref& r = refs_[i];
    if (!r.dropped && !r.url_only && WordsOf(r.talk.title).size() >= 3)
      titles.emplace(Slug(r.talk.title), i);
  }
  if (titles.empty()) return;
  std::set<std::size_t> ref_blocks;
  for (const Ref& r : refs_) ref_blocks.insert(r.block);
  for (std::size_t v = 0; v < vlines_.size(); ++v) {
    if (claimed_[v] || ref_blocks.count(vlines_[v].block) || !Headingish(v)) continue;
    if (roles_[v] != Role::kNone && roles_[v] != Role::kSection && roles_[v] != Role::kUndecided)
      continue;
    std::string text = CollapseSpaces(Text(v));
    if (text.size() > 300) continue;
    TalkReference t = ReadTalkReference(text, false);
    auto first = t.title.empty() ? titles.end() : titles.find(Slug(t.title));
    if (first == titles.end()) continue;
    Ref r;
    r.kind = RefKind::kHeading;
    r.block = vlines_[v].block;
    r.begin = vlines_[v].begin;
    r.end = vlines_[v].end;
    r.level = BlockOf(v).kind == BlockKind::kHeading ? BlockOf(v).level : 0;
    r.line = vlines_[v].number;
    r.evidence = text;
    // The same talk: its speakers, event and link as the first reference gives them.
    const Ref& original = refs_[first->second];
    r.talk = original.talk;
    r.url = original.url;
    r.link_id = original.link_id;
    r.speakers_line = original.speakers_line;
    r.speakers_evidence = original.speakers_evidence;
    roles_[v] = Role::kTalk;
    claimed_[v] = true;
    refs_.push_back(std::move(r));
  }
  std::sort(refs_.begin(), refs_.end(), [](const Ref& a, const Ref& b) {
    return a.block != b.block ? a.block < b.block : a.begin < b.begin;
  });
}

void Reader::MergeShortTitles() {
  // "[Short Title (PDF)](slides)" under the talk "Short Title: The Long Subtitle": the main part
  // of a title named again, without speakers of its own, is the same talk.
  for (Ref& a : refs_) {
    if (a.dropped || !a.talk.speakers.empty() || a.talk.title.empty()) continue;
    const std::string short_slug = Slug(a.talk.title);
    for (Ref& b : refs_) {
      if (&a == &b || b.dropped || b.talk.title.size() <= a.talk.title.size()) continue;
      if (!a.talk.event.empty() && a.talk.event != b.talk.event) continue;
      std::size_t colon = b.talk.title.find(':');
      if (colon == std::string::npos || Slug(b.talk.title.substr(0, colon)) != short_slug) continue;
      a.dropped = true;
      if (b.url.empty()) b.url = a.url;
      break;
    }
    if (a.dropped) continue;
    // Or a heading that no cue made a talk: the heading is the talk's full title.
    for (const Block& h : text_.blocks) {
      if (h.kind != BlockKind::kHeading) continue;
      std::string text = CollapseSpaces(h.Joined());
      std::size_t colon = text.find(':');
      if (colon == std::string::npos || Slug(text.substr(0, colon)) != short_slug) continue;
      TalkReference full = ReadTalkReference(text, false);
      if (full.title.empty() || !full.speakers.empty()) continue;
      a.talk.title = full.title;
      a.talk.raw_title = full.raw_title;
      break;
    }
  }
}

ExtractionBatch Reader::Build() {
  BatchWriter out(doc_, "article", gazetteer_);
  for (const Diagnostic& d : text_.diagnostics) out.AddDiagnostic(d);
  const std::string doc_key = out.document_key();
  if (!title_.empty()) out.SetDocumentProperty("title", title_);
  if (event_) out.SetDocumentEvent(out.AddEvent(*event_));
  const bool china = (event_ && MentionsChina(event_->name)) || MentionsChina(title_);
  // Software the article defines that the gazetteer does not know ("a tool called X").
  {
    std::vector<std::string> local;
    auto consider = [&](std::string_view text) {
      for (std::string& name : out.UnknownDefinedProjects(text)) local.push_back(std::move(name));
    };
    for (const Block& b : text_.blocks)
      if (b.kind == BlockKind::kParagraph || b.kind == BlockKind::kHeading ||
          b.kind == BlockKind::kTableRow)
        consider(b.Joined());
    for (const Ref& r : refs_)
      if (!r.dropped) consider(r.talk.title);
    // "[descheduler](https://github.com/kubernetes-sigs/descheduler)": a repository named by
    // its link.
    for (const Block& b : text_.blocks)
      for (const TextLink& link : b.links) {
        if (link.image || link.autolink || link.end <= link.begin) continue;
        std::string name = ProjectNamedByRepoLink(LinkText(b, link), link.url);
        if (name.empty()) continue;
        bool known = false;
        for (const ProjectMention& m : gazetteer_.FindMentions(name))
          if (m.begin == 0 && m.end == name.size()) known = true;
        if (!known) local.push_back(std::move(name));
      }
    out.AddLocalProjects(local);
  }

  // Talks that share a title: at different events they are different talks (keyed with their
  // event); at one event with different links, different sessions (keyed with their link).
  std::map<std::string, std::set<std::string>> links_of;   // title @ event -> link ids
  std::map<std::string, std::set<std::string>> events_of;  // title -> events
  for (const Ref& r : refs_) {
    if (r.dropped) continue;
    links_of[Slug(r.talk.title) + "@" + r.talk.event].insert(r.link_id);
    events_of[Slug(r.talk.title)].insert(r.talk.event);
  }

  bool warned_zone = false;
  std::map<std::string, std::string> key_of_link;
  for (Ref& r : refs_) {
    if (r.dropped) continue;
    TalkRecord t;
    t.title = r.talk.title;
    if (r.talk.raw_title != r.talk.title) t.aliases.push_back(r.talk.raw_title);
    for (const HeadingSpeaker& s : r.talk.speakers)
      t.speakers.push_back({s.name, s.job_title, s.organization, s.organization_aliases});
    t.evidence = {"", r.line, r.evidence};
    if (r.speakers_line > 0) t.speakers_evidence = {"", r.speakers_line, r.speakers_evidence};
    t.url = r.url;
    if (!r.talk.session_label.empty()) t.properties["type"] = r.talk.session_label;
    if (!r.talk.event.empty()) t.event_key = out.AddEvent(r.talk.event, r.line, r.evidence, year_);
    if (events_of[Slug(r.talk.title)].size() > 1 && !t.speakers.empty())
      t.key_suffix = t.event_key.empty() ? "document event" : out.EventName(t.event_key);
    if (links_of[Slug(r.talk.title) + "@" + r.talk.event].size() > 1 && !r.link_id.empty())
      t.key_suffix += (t.key_suffix.empty() ? "" : " ") + r.link_id;
    if (!r.time_range.empty() && !r.date) r.date = default_date_;
    if (!r.time_range.empty() && !default_zone_.empty() &&
        r.time_range.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos)
      r.time_range += " " + default_zone_;
    if (!r.time_range.empty() && r.date) {
      // A time with no zone is the event's local time, when the event is a known edition.
      const std::string event = !t.event_key.empty() ? out.EventName(t.event_key)
                                : event_             ? event_->name
                                                     : "";
      auto time = ParseSessionTime(r.time_range, *r.date, china, EventUtcOffsetMinutes(event));
      if (time.ok()) {
        t.start = time->start;
        t.end = time->end;
        if (!time->warning.empty() && !warned_zone) {
          out.Warn(r.line, time->warning);
          warned_zone = true;
        }
      } else {
        t.time_text = r.time_range;
      }
    } else if (!r.time_range.empty()) {
      t.time_text = r.time_range;
    }
    if (r.date && t.start.empty()) t.properties["date"] = IsoDate(*r.date);
    if (!r.venue.empty()) {
      RoomRecord room = ArticleVenue(r.venue);
      if (!room.name.empty()) {
        t.room = std::move(room);
        t.room_evidence = t.evidence;
      }
    }
    const std::string key = out.AddTalk(t);
    if (!r.link_id.empty()) key_of_link[r.link_id] = key;
    // The title with the talk's text as context: a cue there confirms an everyday-word name in
    // a Title Cased title ("Flux" beside "GitOps").
    std::string context;
    for (const Range& range : r.section) {
      if (context.size() > 3000) break;
      context += text_.blocks[range.block].text.substr(range.begin, range.end - range.begin);
      context += '\n';
    }
    if (!r.url.empty()) context += r.url + '\n';
    out.AddMentions(t.title, key, r.line, context);
    out.AddMentions(t.title, doc_key, r.line, context);
    for (const std::string& x : r.extra_texts) out.AddMentions(x, key, r.line);
    for (const Range& range : r.section)
      AddTextMentions(out, text_.blocks[range.block], range.begin, range.end, key);
  }
  // References that join a talk named elsewhere add their text to it.
  for (Ref& r : refs_) {
    if (!r.dropped || r.link_id.empty()) continue;
    auto it = key_of_link.find(r.link_id);
    if (it == key_of_link.end()) continue;
    for (const Range& range : r.section)
      AddTextMentions(out, text_.blocks[range.block], range.begin, range.end, it->second);
  }

  // The document mentions every project named anywhere in it.
  const FrontMatter& fm = text_.front_matter;
  for (const char* key : {"title", "description", "summary", "subtitle", "lead"}) {
    auto it = fm.fields.find(key);
    if (it == fm.fields.end()) continue;
    int line = fm.field_lines.count(key) ? fm.field_lines.at(key) : fm.first_line;
    out.AddMentions(it->second, doc_key, line);
  }
  for (const Block& b : text_.blocks) {
    if (b.kind == BlockKind::kRule) continue;
    AddTextMentions(out, b, 0, b.text.size(), doc_key);
  }
  return out.Finish();
}

std::string Reader::LinkUrls(const Block& b, std::size_t begin, std::size_t end) const {
  std::string out;
  for (const TextLink& l : b.links) {
    if (l.end < begin || l.begin >= end || l.url.empty()) continue;
    out += l.url;
    out += '\n';
  }
  return out;
}

void Reader::AddTextMentions(BatchWriter& out, const Block& b, std::size_t begin, std::size_t end,
                             const std::string& source_key) const {
  end = std::min(end, b.text.size());
  // The breaks from `begin` on; b.breaks is in text order, b.soft_breaks parallel to it.
  std::size_t k = static_cast<std::size_t>(
      std::lower_bound(b.breaks.begin(), b.breaks.end(), begin) - b.breaks.begin());
  std::size_t at = begin;
  std::vector<std::size_t> wraps;
  while (at < end) {
    // A piece runs to the next hard break; its soft wraps are moved off the names they split.
    std::size_t stop = end;
    wraps.clear();
    for (; k < b.breaks.size() && b.breaks[k] < end; ++k) {
      if (k < b.soft_breaks.size() && b.soft_breaks[k]) {
        wraps.push_back(b.breaks[k] - at);
        continue;
      }
      stop = b.breaks[k];
      ++k;
      break;
    }
    const std::string_view piece = std::string_view(b.text).substr(at, stop - at);
    const std::string urls = LinkUrls(b, at, stop);
    if (!wraps.empty()) wraps = MoveWrapsOffNames(gazetteer_, piece, wraps, urls);
    wraps.push_back(piece.size());
    std::size_t line = 0;
    for (std::size_t w : wraps) {
      if (w < line) continue;
      std::string text(piece.substr(line, w - line));
      std::replace(text.begin(), text.end(), '\n', ' ');
      const std::size_t from = at + line;
      // After a soft wrap the line goes on with the sentence of the line before, unless that
      // line ended it.
      bool continues = false;
      if (line == 0 && at == 0 && !text_.markdown && b.kind == BlockKind::kParagraph &&
          &b > text_.blocks.data()) {
        // Plain text: the line right above, in the same paragraph, may not have ended its
        // sentence.
        const Block& above = *(&b - 1);
        std::string_view t = Trim(above.text);
        continues = above.kind == BlockKind::kParagraph && above.item == b.item && !t.empty() &&
                    above.line_numbers.back() + 1 == b.first_line() &&
                    std::string_view(".!?:;").find(t.back()) == std::string_view::npos;
      }
      if (line > 0) {
        std::string_view before = Trim(piece.substr(0, line));
        continues = !before.empty() &&
                    std::string_view(".!?:;").find(before.back()) == std::string_view::npos;
      }
      out.AddMentions(
          text, source_key, [&b, from](std::size_t i) { return b.LineAt(from + i); },
          wraps.size() > 1 ? LinkUrls(b, from, at + w) : urls, continues);
      line = w < piece.size() && piece[w] == '\n' ? w + 1 : w;
    }
    at = stop + 1;
  }
}

Result<ExtractionBatch> Reader::Read() {
  FindYear();  // from the front matter and title; again below once the event is known
  AssignRoles();
  ReadItemsAndParagraphs();
  ReadInline();
  FindTitle();
  FindEvent();
  FindYear();
  ReadTables();
  ApplyContext();
  FindDefaults();
  MergeRefs();
  MergeShortTitles();
  FindRepeatedTitles();
  SetSections();
  FindAuthors();
  ApplyAuthors();
  ExtractionBatch batch = Build();
  bool found = false;
  for (const RelationRecord& r : batch.relations)
    if (r.type == RelType::kMentions || r.type == RelType::kFrom) found = true;
  for (const EntityRecord& e : batch.entities)
    if (e.label == Label::kEvent) found = true;
  if (!found) {
    batch.diagnostics.push_back({Diagnostic::Severity::kWarning, doc_.path, 0,
                                 "no talks, events or project mentions found in the article"});
  }
  return batch;
}

}  // namespace article

bool LooksLikeArticle(const Document& doc) {
  static const RE2 fence(R"(^ {0,3}(?:`{3,}|~{3,}).*)");
  static const RE2 list_item(R"(^\s*(?:[-*+]|\d{1,3}[.)])\s+\S.*)");
  // Lines of source code, scripts and build files: statements, declarations, calls, assignments.
  static const RE2 statement(
      R"(^(?:def|class|import|from\s+\S+\s+import|return|elif|else|try|except|finally|raise|fi|done|then|do|esac|function|const|let|var|public|private|protected|static|package|func|end|endif|endforeach|endfunction|#include|#define|#!|@[\w.]+)\b.*|^[\w.:]+\(.*\)\s*[;{]?$|^[\w.\[\]"']+\s*[-+*/|&]?=\s*\S.*|^(?:if|for|while|with|switch|case)\b.*[:{)]$)");
  static const RE2 log(
      R"(^\s*(?:\[?\d{4}-\d{2}-\d{2}[T ]\d|\d{2}:\d{2}:\d{2}|(?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE)\b).*)");
  assert(fence.ok() && list_item.ok() && statement.ok() && log.ok());
  int nonblank = 0, code = 0, words = 0;
  bool in_fence = false;
  std::map<std::pair<int, int>, int> delimiters;  // (commas, tabs) -> lines
  const std::size_t limit = std::min<std::size_t>(doc.lines.size(), 3000);
  std::set<std::size_t> fences;
  for (std::size_t i = 0; i < limit; ++i) {
    std::string_view t = Trim(doc.lines[i]);
    if (t.size() < 1000 && RE2::FullMatch(t, fence)) fences.insert(i);
  }
  if (fences.size() % 2 == 1) fences.erase(std::prev(fences.end()));
  for (std::size_t i = 0; i < limit; ++i) {
    std::string_view raw = doc.lines[i];
    std::string_view t = Trim(raw);
    if (t.empty()) continue;
    std::string_view head = t.substr(0, std::min<std::size_t>(t.size(), 4000));
    std::string_view raw_head = raw.substr(0, std::min<std::size_t>(raw.size(), 4000));
    // Code inside a Markdown fence belongs to the article.
    if (fences.count(i)) {
      in_fence = !in_fence;
      continue;
    }
    if (in_fence) continue;
    ++nonblank;
    for (std::string_view w : article::WordsOf(head)) {
      bool letters = false;
      for (unsigned char c : w)
        if (std::isalpha(c) || c >= 0x80) letters = true;
      words += letters;
    }
    bool indented = raw.size() > 0 && (raw[0] == '\t' || raw.substr(0, 4) == "    ") &&
                    !RE2::FullMatch(raw_head, list_item);
    if (article::CodeLike(head) || indented || RE2::FullMatch(head, statement) ||
        RE2::FullMatch(head, log))
      ++code;
    if (nonblank <= 50) {
      int commas = 0, tabs = 0;
      bool quoted = false;
      for (char c : head) {
        if (c == '"') quoted = !quoted;
        if (!quoted && c == ',') ++commas;
        if (c == '\t') ++tabs;
      }
      if (commas + tabs > 0) ++delimiters[{commas, tabs}];
    }
  }
  if (nonblank == 0 || words == 0) return false;
  // A file that says it is text or Markdown is an article.
  std::string ext = AsciiLower(std::filesystem::path(doc.path).extension().string());
  for (std::string_view e : {".md", ".markdown", ".mdx", ".txt", ".text", ".rst", ".adoc"})
    if (ext == e) return true;
  // A CSV or TSV file: most lines split into the same number of fields.
  int sample = std::min(nonblank, 50);
  for (const auto& [shape, count] : delimiters) {
    if (sample >= 3 && count * 10 >= sample * 8 && shape.first + shape.second >= 1) return false;
  }
  // Source code, scripts, logs: mostly statements, indented blocks or log records.
  return code * 10 < nonblank * 4;
}

int RecogniseArticle(const Document& doc) { return LooksLikeArticle(doc) ? 10 : 0; }

Result<ExtractionBatch> ExtractArticle(const Document& doc, const Gazetteer& gazetteer) {
  article::Reader reader(doc, gazetteer);
  return reader.Read();
}

}  // namespace cnkg
