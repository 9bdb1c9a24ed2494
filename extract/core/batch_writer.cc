#include "extract/core/batch_writer.h"

#include <re2/re2.h>

#include <algorithm>

#include "common/strings.h"
#include "extract/core/records.h"
#include "extract/gazetteer/gazetteer.h"
#include "extract/gazetteer/mentions.h"
#include "extract/grammar/local_time.h"
#include "extract/grammar/project_definitions.h"
#include "extract/grammar/speaker_text.h"
#include "extract/grammar/talk_title.h"
#include "graph/resolve.h"

namespace cnkg {
namespace {

// Evidence kept per (source, project) pair: enough to show where a project is named, few enough
// that a document repeating a name a million times stays cheap.
constexpr int kMaxMentionEvidence = 5;

void AddUnique(std::vector<std::string>& list, const std::string& value,
               const std::string& except) {
  if (value.empty() || value == except) return;
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

}  // namespace

BatchWriter::BatchWriter(const Document& doc, std::string_view format, const Gazetteer& gazetteer)
    : doc_(doc), doc_name_(doc.name), gazetteer_(gazetteer) {
  batch_.document = doc.name;
  EntityRecord d = DocumentRecord(doc, format);
  document_key_ = d.key;
  AddEntity(std::move(d));
}

Evidence BatchWriter::Ev(int line, std::string_view text) {
  // Consecutive facts often quote the same line (a talk's line supports its speakers, room and
  // mentions): share one copy.
  if (last_text_ != text) last_text_ = text;
  return Evidence{doc_name_, line, last_text_};
}

void BatchWriter::AddEntity(EntityRecord e) {
  entity_index_.emplace(e.key, batch_.entities.size());
  batch_.entities.push_back(std::move(e));
}

void BatchWriter::Add(EntityRecord entity) {
  entity.evidence.document = doc_name_;
  AddEntity(std::move(entity));
}

void BatchWriter::SetDocumentProperty(const std::string& name, PropertyValue value) {
  batch_.entities[entity_index_.at(document_key_)].properties[name] = std::move(value);
}

std::string BatchWriter::AddEvent(std::string_view name, int line, std::string_view evidence_text,
                                  int year_hint) {
  // A document names the same event for many talks: resolve each spelling once.
  auto cached = event_keys_.find({std::string(name), year_hint});
  if (cached != event_keys_.end()) return cached->second;
  std::string key = AddEvent(EventRecord(name, Ev(line, evidence_text), year_hint));
  event_keys_.emplace(std::make_pair(std::string(name), year_hint), key);
  return key;
}

std::string BatchWriter::AddEvent(EntityRecord event) {
  event.evidence.document = doc_name_;
  auto it = entity_index_.find(event.key);
  if (it == entity_index_.end()) {
    std::string key = event.key;
    AddEntity(std::move(event));
    return key;
  }
  EntityRecord& known = batch_.entities[it->second];
  for (const std::string& a : event.aliases) AddUnique(known.aliases, a, known.name);
  AddUnique(known.aliases, event.name, known.name);
  return known.key;
}

std::string BatchWriter::EventName(const std::string& key) const {
  auto it = entity_index_.find(key);
  return it == entity_index_.end() ? "" : batch_.entities[it->second].name;
}

void SlotKeys::Count(const TalkRecord& talk) {
  const std::string slug = Slug(talk.title);
  ++titles_[slug];
  ++slots_[slug + "@" + talk.start];
}

std::string SlotKeys::SuffixFor(const TalkRecord& talk, std::string_view tiebreak) const {
  const std::string slug = Slug(talk.title);
  auto count = [](const std::map<std::string, int>& m, const std::string& k) {
    auto it = m.find(k);
    return it == m.end() ? 0 : it->second;
  };
  const bool title_repeats = count(titles_, slug) > 1;
  if (!title_repeats && !talk.speakers.empty()) return "";
  std::string suffix = talk.start;
  if (title_repeats && (suffix.empty() || count(slots_, slug + "@" + talk.start) > 1) &&
      !tiebreak.empty())
    suffix += (suffix.empty() ? "" : " ") + std::string(tiebreak);
  return suffix;
}

std::string BatchWriter::TalkKey(const TalkRecord& talk) const {
  std::string key_name = talk.title;
  if (talk.speakers.empty()) {
    const std::string& event = talk.event_key.empty() ? document_event_ : talk.event_key;
    std::string scope = event.empty() ? "" : EventName(event);
    key_name += " @ " + (scope.empty() ? doc_.name : scope);
  }
  if (!talk.key_suffix.empty()) {
    // A start time keys the same slot whichever offset a document writes it in ("09:00-05:00"
    // in a text schedule, "14:00Z" in a calendar): written as UTC.
    std::string suffix = talk.key_suffix;
    if (auto t = ParseIsoDateTime(suffix); t && t->offset_seconds)
      suffix = FormatIsoDateTime(AddMinutes(t->local, -*t->offset_seconds / 60), 0);
    key_name += " @ " + suffix;
  }
  return MakeKey(Label::kTalk, key_name);
}

std::string BatchWriter::AddTalk(const TalkRecord& talk) {
  EntityRecord e;
  e.key = TalkKey(talk);
  e.label = Label::kTalk;
  e.name = talk.title;
  for (const std::string& a : talk.aliases) AddUnique(e.aliases, a, e.name);
  for (const std::string& a : TalkTitleAliases(talk.title)) AddUnique(e.aliases, a, e.name);
  e.properties = talk.properties;
  if (!talk.start.empty()) {
    e.properties["start"] = talk.start;
    if (!talk.end.empty()) e.properties["end"] = talk.end;
  } else if (!talk.time_text.empty()) {
    e.properties["time"] = talk.time_text;
  }
  if (!talk.description.empty()) e.properties["description"] = talk.description;
  if (!talk.url.empty()) e.properties["url"] = talk.url;
  const Evidence ev = Ev(talk.evidence.line, talk.evidence.text);
  e.evidence = ev;
  const std::string talk_key = e.key;
  talks_.insert(talk_key);
  AddEntity(std::move(e));
  Relate(talk_key, document_key_, RelType::kFrom, ev.line, ev.text);
  const std::string& event = talk.event_key.empty() ? document_event_ : talk.event_key;
  if (!event.empty()) Relate(talk_key, event, RelType::kPartOf, ev.line, ev.text);

  const Evidence speakers_ev = talk.speakers_evidence.line > 0
                                   ? Ev(talk.speakers_evidence.line, talk.speakers_evidence.text)
                                   : ev;
  for (const SpeakerRecord& s : talk.speakers) {
    // "Dr. Ruth Abernathy" is Ruth Abernathy: honorifics are no part of the name.
    const std::string name = speaker_text::WithoutHonorific(s.name);
    if (name.empty()) continue;
    EntityRecord person;
    person.key = MakeKey(Label::kPerson, name);
    person.label = Label::kPerson;
    person.name = name;
    person.evidence = speakers_ev;
    if (!s.job_title.empty()) person.properties["job_title"] = s.job_title;
    const std::string person_key = person.key;
    if (name.find(' ') != std::string::npos && masked_names_.size() < 2000 &&
        std::find(masked_names_.begin(), masked_names_.end(), name) == masked_names_.end())
      masked_names_.push_back(name);
    AddEntity(std::move(person));
    Properties presents;
    if (!s.job_title.empty()) presents["job_title"] = s.job_title;
    Relate(person_key, talk_key, RelType::kPresents, speakers_ev.line, speakers_ev.text, presents);
    if (s.organization.empty() || IsNonOrganization(s.organization)) continue;
    if (s.organization.find(' ') != std::string::npos && masked_names_.size() < 2000 &&
        std::find(masked_names_.begin(), masked_names_.end(), s.organization) ==
            masked_names_.end())
      masked_names_.push_back(s.organization);
    EntityRecord org;
    org.key = MakeKey(Label::kOrganization, s.organization);
    org.label = Label::kOrganization;
    org.name = CanonicalOrganizationName(s.organization);
    for (const std::string& a : OrganizationAliases(s.organization))
      AddUnique(org.aliases, a, org.name);
    for (const std::string& a : s.organization_aliases) AddUnique(org.aliases, a, org.name);
    org.evidence = speakers_ev;
    const std::string org_key = org.key;
    AddEntity(std::move(org));
    Properties affiliation;
    if (!s.job_title.empty()) affiliation["title"] = s.job_title;
    Relate(person_key, org_key, RelType::kAffiliatedWith, speakers_ev.line, speakers_ev.text,
           affiliation);
  }

  if (talk.room && !talk.room->name.empty()) {
    const RoomRecord& r = *talk.room;
    EntityRecord room;
    room.key = MakeKey(Label::kRoom, r.city.empty() ? r.name : r.name + " @ " + r.city);
    room.label = Label::kRoom;
    room.name = r.name;
    room.evidence = Ev(talk.room_evidence.line, talk.room_evidence.text);
    if (!r.building.empty()) room.properties["building"] = r.building;
    if (!r.level.empty()) room.properties["level"] = r.level;
    if (!r.area.empty()) room.properties["area"] = r.area;
    if (!r.city.empty()) room.properties["city"] = r.city;
    const std::string room_key = room.key;
    AddEntity(std::move(room));
    Relate(talk_key, room_key, RelType::kHeldIn, talk.room_evidence.line, talk.room_evidence.text);
  }
  if (!talk.track.empty()) {
    EntityRecord track;
    track.key = MakeKey(Label::kTrack, talk.track);
    track.label = Label::kTrack;
    track.name = talk.track;
    track.evidence = Ev(talk.track_evidence.line, talk.track_evidence.text);
    const std::string track_key = track.key;
    AddEntity(std::move(track));
    Relate(talk_key, track_key, RelType::kInTrack, talk.track_evidence.line,
           talk.track_evidence.text);
  }
  return talk_key;
}

void BatchWriter::Relate(const std::string& source, const std::string& target, RelType type,
                         int line, std::string_view evidence_text, Properties properties) {
  RelationRecord r;
  r.source = source;
  r.target = target;
  r.type = type;
  r.evidence = Ev(line, evidence_text);
  r.properties = std::move(properties);
  batch_.relations.push_back(std::move(r));
}

void BatchWriter::Warn(int line, std::string message) {
  batch_.diagnostics.push_back(
      {Diagnostic::Severity::kWarning, doc_.path, line, OneLineMessage(message)});
}

void BatchWriter::AddDiagnostic(Diagnostic d) {
  d.message = OneLineMessage(d.message);
  batch_.diagnostics.push_back(std::move(d));
}

void BatchWriter::AddMentions(std::string_view text, const std::string& source_key, int line,
                              std::string_view context) {
  AddMentions(
      text, source_key, [line](std::size_t) { return line; }, context);
}

void BatchWriter::AddMentions(std::string_view text, const std::string& source_key,
                              const std::function<int(std::size_t)>& line_at,
                              std::string_view context, bool continues_sentence) {
  if (context.size() > 4000) context = context.substr(0, 4000);
  if (Trim(text).empty()) return;
  // Names are matched in the text with URLs and paths blanked out (same length, so offsets
  // agree); evidence quotes the text as written.
  std::string scan = BlankUrlsAndPaths(text);
  // Speakers' names and organisations are blanked too: "Jo from Kettle & Crane" mentions no
  // Crane, "Pedro Lima" no Lima.
  for (const std::string& org : masked_names_) {
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    for (std::size_t at = scan.find(org); at != std::string::npos; at = scan.find(org, at + 1)) {
      std::size_t end = at + org.size();
      if ((at > 0 && word(scan[at - 1])) || (end < scan.size() && word(scan[end]))) continue;
      std::fill(scan.begin() + static_cast<std::ptrdiff_t>(at),
                scan.begin() + static_cast<std::ptrdiff_t>(end), ' ');
    }
  }
  std::string_view s = scan;
  // Scan in pieces of at most kPiece bytes, cut after a sentence end or at a space, so that
  // evidence sentences stay short and the work stays linear.
  constexpr std::size_t kPiece = 2000;
  std::size_t begin = 0;
  while (begin < s.size()) {
    std::size_t end = s.size();
    if (end - begin > kPiece) {
      std::string_view window = s.substr(begin, kPiece);
      std::size_t cut = window.rfind(". ");
      if (cut == std::string_view::npos || cut <= kPiece / 2) cut = window.rfind(' ');
      end = begin + (cut == std::string_view::npos || cut == 0 ? kPiece : cut + 1);
    }
    ScanPiece(s.substr(begin, end - begin), text.substr(begin, end - begin), source_key, line_at,
              begin, context, continues_sentence && begin == 0);
    begin = end;
  }
}

void BatchWriter::AddLocalProjects(const std::vector<std::string>& names) {
  for (const std::string& n : names)
    if (std::find(local_projects_.begin(), local_projects_.end(), n) == local_projects_.end())
      local_projects_.push_back(n);
}

std::vector<std::string> BatchWriter::UnknownDefinedProjects(std::string_view text) const {
  std::vector<std::string> out;
  for (std::string& name : FindDefinedProjects(text)) {
    bool known = false;
    for (const ProjectMention& m : gazetteer_.FindMentions(name))
      if (m.begin == 0 && m.end == name.size()) known = true;
    if (!known) out.push_back(std::move(name));
  }
  return out;
}

void BatchWriter::ScanPiece(std::string_view piece, std::string_view original,
                            const std::string& source,
                            const std::function<int(std::size_t)>& line_at, std::size_t begin,
                            std::string_view context, bool continues_sentence) {
  if (Trim(piece).empty()) return;
  auto piece_line = [&](std::size_t at) { return line_at(begin + at); };
  // The document's own software names: whole words, as written.
  for (const std::string& name : local_projects_) {
    auto word = [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    };
    for (std::size_t at = piece.find(name); at != std::string_view::npos;
         at = piece.find(name, at + 1)) {
      std::size_t end = at + name.size();
      if ((at > 0 && word(piece[at - 1])) || (end < piece.size() && word(piece[end]))) continue;
      const std::string key = MakeKey(Label::kProject, name);
      int& count = mention_evidence_[{source, key}];
      if (count >= kMaxMentionEvidence) break;
      ++count;
      ++mentions_;
      Evidence ev = Ev(piece_line(at), CollapseSpaces(SentenceAround(original, at, end)));
      if (!entity_index_.count(key)) {
        EntityRecord e;
        e.key = key;
        e.label = Label::kProject;
        e.name = name;
        e.properties["cncf"] = false;
        e.evidence = ev;
        AddEntity(std::move(e));
      }
      RelationRecord r;
      r.source = source;
      r.target = key;
      r.type = RelType::kMentions;
      r.evidence = ev;
      batch_.relations.push_back(std::move(r));
      break;
    }
  }
  // Skip the piece when every project it names already has all the evidence kept for this
  // source: building records for it would be wasted work on a long repetitive text.
  bool useful = false;
  const std::vector<ProjectMention> mentions =
      gazetteer_.FindMentions(piece, context, continues_sentence);
  for (const ProjectMention& m : mentions) {
    auto it = project_keys_.find(m.entry);
    if (it == project_keys_.end())
      it = project_keys_.emplace(m.entry, MakeKey(Label::kProject, gazetteer_.entry(m.entry).name))
               .first;
    auto count = mention_evidence_.find({source, it->second});
    if (!m.subproject.empty() || count == mention_evidence_.end() ||
        count->second < kMaxMentionEvidence) {
      useful = true;
      break;
    }
  }
  if (!useful) return;
  ExtractionBatch found;
  AddProjectMentions(gazetteer_, mentions, piece, source, doc_name_, piece_line, found);
  auto quote = [&](Evidence& ev) {
    std::size_t at = piece.find(ev.text);
    if (at != std::string_view::npos && !ev.text.empty())
      ev.text = CollapseSpaces(original.substr(at, ev.text.size()));
  };
  for (EntityRecord& e : found.entities) {
    quote(e.evidence);
    if (!entity_index_.count(e.key)) AddEntity(std::move(e));
  }
  for (RelationRecord& r : found.relations) {
    int& count = mention_evidence_[{r.source, r.target}];
    if (count >= kMaxMentionEvidence) continue;
    ++count;
    ++mentions_;
    quote(r.evidence);
    batch_.relations.push_back(std::move(r));
  }
}

ExtractionBatch BatchWriter::Finish() {
  std::stable_sort(batch_.diagnostics.begin(), batch_.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
  return std::move(batch_);
}

}  // namespace cnkg
