#include "extract/gazetteer/mentions.h"

#include <re2/re2.h>

#include <algorithm>
#include <cassert>

#include "common/strings.h"
#include "extract/gazetteer/gazetteer.h"
#include "graph/resolve.h"

namespace cnkg {
namespace {

EntityRecord ProjectRecord(const ProjectEntry& p, const Evidence& evidence) {
  EntityRecord e;
  e.key = MakeKey(Label::kProject, p.name);
  e.label = Label::kProject;
  e.name = p.name;
  e.aliases = p.own_aliases;
  e.evidence = evidence;
  e.properties["cncf"] = p.cncf;
  if (!p.maturity.empty()) e.properties["maturity"] = p.maturity;
  if (!p.category.empty()) e.properties["category"] = p.category;
  if (!p.subcategory.empty()) e.properties["subcategory"] = p.subcategory;
  if (!p.homepage.empty()) e.properties["homepage"] = p.homepage;
  if (!p.repo.empty()) e.properties["repo"] = p.repo;
  return e;
}

}  // namespace

std::string BlankUrlsAndPaths(std::string_view clean) {
  static const RE2 host(
      R"(^[\(\["']*[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|io|org|dev|net|sh|co|ai|cloud|app|local|svc|cluster|internal|me|tech|eu|uk|de|fr|nl|info|gg|xyz|ly|be)(?:[:/].*)?[\)\]"'.,;:!?]*$)");
  assert(host.ok());
  std::string out(clean);
  std::size_t i = 0;
  const std::size_t n = clean.size();
  while (i < n) {
    while (i < n && (clean[i] == ' ' || clean[i] == '\t')) ++i;
    std::size_t start = i;
    while (i < n && clean[i] != ' ' && clean[i] != '\t') ++i;
    std::string_view token = clean.substr(start, i - start);
    if (token.empty()) continue;
    bool blank = false;
    if (token.find("://") != std::string_view::npos) {
      blank = true;
    } else if (token.size() > 1 &&
               (token[0] == '/' || token.substr(0, 2) == "~/" || token.substr(0, 2) == "./")) {
      blank = token.find('/', 1) != std::string_view::npos || token[0] == '/';
    } else if (std::size_t slash = token.find('/');
               slash != std::string_view::npos && slash > 0 && slash + 1 < token.size()) {
      std::string_view head = token.substr(0, slash);
      blank = head.find('.') != std::string_view::npos || head.find(':') != std::string_view::npos;
    }
    if (!blank && token.size() <= 200 && token.find('.') != std::string_view::npos)
      blank = RE2::FullMatch(token, host);
    if (blank)
      std::fill(out.begin() + static_cast<long>(start), out.begin() + static_cast<long>(i), ' ');
  }
  return out;
}

int AddProjectMentions(const Gazetteer& gazetteer, std::string_view text,
                       const std::string& source_key, const SharedString& document,
                       const std::function<int(std::size_t)>& line_at, ExtractionBatch& batch,
                       std::string_view context, bool continues_sentence) {
  return AddProjectMentions(gazetteer, gazetteer.FindMentions(text, context, continues_sentence),
                            text, source_key, document, line_at, batch);
}

int AddProjectMentions(const Gazetteer& gazetteer, const std::vector<ProjectMention>& mentions,
                       std::string_view text, const std::string& source_key,
                       const SharedString& document, const std::function<int(std::size_t)>& line_at,
                       ExtractionBatch& batch) {
  int found = 0;
  for (const ProjectMention& m : mentions) {
    Evidence ev{document, line_at(m.begin), std::string(SentenceAround(text, m.begin, m.end))};
    const ProjectEntry& parent = gazetteer.entry(m.entry);
    EntityRecord parent_record = ProjectRecord(parent, ev);
    batch.entities.push_back(parent_record);
    RelationRecord r;
    r.source = source_key;
    r.target = parent_record.key;
    r.type = RelType::kMentions;
    r.evidence = ev;
    batch.relations.push_back(r);
    if (!m.subproject.empty()) {
      EntityRecord sub;
      sub.key = MakeKey(Label::kProject, m.subproject);
      sub.label = Label::kProject;
      sub.name = m.subproject;
      sub.evidence = ev;
      sub.properties["parent"] = parent.name;
      sub.properties["cncf"] = false;
      batch.entities.push_back(sub);
      r.target = sub.key;
      batch.relations.push_back(r);
    }
    ++found;
  }
  return found;
}

}  // namespace cnkg
