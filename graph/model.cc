#include "graph/model.h"

namespace cnkg {

std::string_view LabelName(Label label) {
  switch (label) {
    case Label::kEvent: return "Event";
    case Label::kTalk: return "Talk";
    case Label::kPerson: return "Person";
    case Label::kOrganization: return "Organization";
    case Label::kProject: return "Project";
    case Label::kRoom: return "Room";
    case Label::kTrack: return "Track";
    case Label::kDocument: return "Document";
    case Label::kCategory: return "Category";
  }
  return "?";
}

std::string_view RelTypeName(RelType type) {
  switch (type) {
    case RelType::kPresents: return "PRESENTS";
    case RelType::kAffiliatedWith: return "AFFILIATED_WITH";
    case RelType::kMentions: return "MENTIONS";
    case RelType::kHeldIn: return "HELD_IN";
    case RelType::kInTrack: return "IN_TRACK";
    case RelType::kPartOf: return "PART_OF";
    case RelType::kFrom: return "FROM";
    case RelType::kInCategory: return "IN_CATEGORY";
    case RelType::kBackedBy: return "BACKED_BY";
  }
  return "?";
}

std::optional<Label> ParseLabel(std::string_view name) {
  for (Label l : kAllLabels)
    if (LabelName(l) == name) return l;
  return std::nullopt;
}

std::optional<RelType> ParseRelType(std::string_view name) {
  for (RelType t : kAllRelTypes)
    if (RelTypeName(t) == name) return t;
  return std::nullopt;
}

std::string_view KeyPrefix(Label label) {
  switch (label) {
    case Label::kEvent: return "event";
    case Label::kTalk: return "talk";
    case Label::kPerson: return "person";
    case Label::kOrganization: return "org";
    case Label::kProject: return "project";
    case Label::kRoom: return "room";
    case Label::kTrack: return "track";
    case Label::kDocument: return "doc";
    case Label::kCategory: return "category";
  }
  return "?";
}

}  // namespace cnkg
