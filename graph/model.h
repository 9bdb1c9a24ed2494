#ifndef CNKG_GRAPH_MODEL_H_
#define CNKG_GRAPH_MODEL_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/shared_string.h"
#include "graph/properties.h"

namespace cnkg {

// Node labels of the knowledge graph. The string forms ("Talk", ...) are what every export and
// the graph file use.
enum class Label {
  kEvent,
  kTalk,
  kPerson,
  kOrganization,
  kProject,
  kRoom,
  kTrack,
  kDocument,
  kCategory,
};

// Relationship types, with the node labels each connects:
//   PRESENTS         Person -> Talk
//   AFFILIATED_WITH  Person -> Organization   (property "title": the person's job title)
//   MENTIONS         Talk | Document -> Project
//   HELD_IN          Talk -> Room
//   IN_TRACK         Talk -> Track
//   PART_OF          Talk -> Event
//   FROM             Talk -> Document it was read from
//   IN_CATEGORY      Project | Organization -> Category (landscape subcategory);
//                    subcategory Category -> its top-level Category
//   BACKED_BY        Project -> Organization behind it (landscape crunchbase)
enum class RelType {
  kPresents,
  kAffiliatedWith,
  kMentions,
  kHeldIn,
  kInTrack,
  kPartOf,
  kFrom,
  kInCategory,
  kBackedBy,
};

inline constexpr Label kAllLabels[] = {Label::kEvent,        Label::kTalk,     Label::kPerson,
                                       Label::kOrganization, Label::kProject,  Label::kRoom,
                                       Label::kTrack,        Label::kDocument, Label::kCategory};
inline constexpr RelType kAllRelTypes[] = {
    RelType::kPresents, RelType::kAffiliatedWith, RelType::kMentions,
    RelType::kHeldIn,   RelType::kInTrack,        RelType::kPartOf,
    RelType::kFrom,     RelType::kInCategory,     RelType::kBackedBy};

std::string_view LabelName(Label label);     // "Talk"
std::string_view RelTypeName(RelType type);  // "PRESENTS"
// Parse the names above (exact, case-sensitive). Return nullopt for an unknown name.
std::optional<Label> ParseLabel(std::string_view name);
std::optional<RelType> ParseRelType(std::string_view name);
// The key prefix of a label: "talk", "person", "org", "project", "room", "track", "event", "doc",
// "category".
std::string_view KeyPrefix(Label label);

// Where a fact was read: the document (as given on the command line), the 1-based line, and the
// text of that line (or the sentence) that supports it.
//
// Both strings are shared: copies of an evidence (one line supporting several facts) and every
// evidence of one document hold one copy of each text (see SharedString).
struct Evidence {
  SharedString document;
  int line = 0;
  SharedString text;

  friend bool operator==(const Evidence&, const Evidence&) = default;
  friend auto operator<=>(const Evidence&, const Evidence&) = default;
};

// A vertex. `key` is stable and unique ("project:argo-cd"); `name` is for display; `aliases` are
// other names the entity goes by (never containing `name`).
struct Node {
  std::string key;
  Label label = Label::kProject;
  std::string name;
  std::vector<std::string> aliases;
  Properties properties;
  std::vector<Evidence> evidence;
};

// An edge. Its endpoints are the graph's; an edge of a given type between two nodes exists once
// and accumulates evidence.
struct Edge {
  RelType type = RelType::kMentions;
  Properties properties;
  std::vector<Evidence> evidence;
};

}  // namespace cnkg

#endif  // CNKG_GRAPH_MODEL_H_
