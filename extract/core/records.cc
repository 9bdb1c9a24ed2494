#include "extract/core/records.h"

#include <algorithm>

#include "common/strings.h"
#include "graph/resolve.h"

namespace cnkg {

EntityRecord EventRecord(std::string_view name, const Evidence& evidence, int year_hint) {
  EntityRecord e;
  e.label = Label::kEvent;
  e.evidence = evidence;
  std::string raw = CollapseSpaces(name);
  if (auto canonical = CanonicalEventName(raw, year_hint)) {
    e.name = *canonical;
    if (raw != *canonical) e.aliases.push_back(raw);
    for (auto& a : EventAliases(*canonical))
      if (std::find(e.aliases.begin(), e.aliases.end(), a) == e.aliases.end())
        e.aliases.push_back(a);
  } else {
    e.name = raw;
  }
  e.key = MakeKey(Label::kEvent, e.name);
  return e;
}

EntityRecord DocumentRecord(const Document& doc, std::string_view format) {
  EntityRecord d;
  d.label = Label::kDocument;
  d.name = doc.name;
  d.key = MakeKey(Label::kDocument, d.name);
  d.properties["path"] = doc.path;
  d.properties["format"] = std::string(format);
  d.evidence = {doc.name, 0, ""};
  return d;
}

}  // namespace cnkg
