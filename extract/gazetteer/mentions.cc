#include "extract/gazetteer/mentions.h"

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
  e.aliases = p.aliases;
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

int AddProjectMentions(const Gazetteer& gazetteer, std::string_view text,
                       const std::string& source_key, const std::string& document, int line,
                       ExtractionBatch& batch) {
  int found = 0;
  for (const ProjectMention& m : gazetteer.FindMentions(text)) {
    Evidence ev{document, line, std::string(SentenceAround(text, m.begin, m.end))};
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
