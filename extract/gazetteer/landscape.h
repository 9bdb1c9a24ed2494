#ifndef CNKG_EXTRACT_GAZETTEER_LANDSCAPE_H_
#define CNKG_EXTRACT_GAZETTEER_LANDSCAPE_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "graph/batch.h"

namespace cnkg {

// Reader of the CNCF landscape data file (landscape.yml, the landscape2 `data.yml` schema):
//
//   landscape:
//     - category:
//       name: Provisioning
//       subcategories:
//         - subcategory:
//           name: Automation & Configuration
//           items:
//             - item:
//               name: Akri
//               project: sandbox
//               homepage_url: ...
//
// It is used by the gazetteer generator (data/gen_gazetteer.cc) and can be used to import the
// landscape itself. Only the fields below are read; unknown fields are ignored.

// One `item` of the landscape, as listed under one subcategory.
struct LandscapeItem {
  std::string name;         // as written, e.g. "Open Policy Agent (OPA)", "Envoy (Wasm)"
  std::string category;     // "Provisioning"
  std::string subcategory;  // "Automation & Configuration"
  // Other places the item is listed, as written in `second_path`: "Category / Subcategory".
  std::vector<std::string> second_paths;
  std::string project;  // CNCF maturity: "graduated", "incubating", "sandbox", "archived" or ""
  std::string parent_project;  // extra.parent_project ("Cilium"), or ""
  std::string homepage_url;
  std::string repo_url;
  bool allow_duplicate_repo = false;  // the landscape lists other items with the same repo_url
  std::string crunchbase;             // URL of the vendor's crunchbase organisation page, or ""
  std::string organization;  // organization.name, for items without a crunchbase page, or ""
  std::string description;
  std::string accepted;  // extra.accepted: date the CNCF accepted the project ("2021-09-14"), or ""
  int line = 0;          // 1-based line of the item's `name:` in the file
};

// A category or subcategory of the landscape, listed whether or not it has items.
struct LandscapeCategory {
  std::string category;     // "Provisioning"
  std::string subcategory;  // "Automation & Configuration"; empty for the category itself
  int line = 0;             // 1-based line of its `name:`
};

// Parses landscape.yml text. `source_name` (usually the path) only names the input in messages.
// Returns the items in file order; an item listed under two subcategories appears once per
// listing (callers merge them). Fields the reader does not know are ignored.
//
// Fails with kParseError when the text is not YAML ("NAME:LINE:COLUMN: invalid YAML: ...", line
// and column 1-based), lacks the top-level `landscape` list ("NAME: no 'landscape' list at the
// top level"), or has a category, subcategory or item list of the wrong shape
// ("NAME:LINE:COLUMN: 'subcategories' of 'A' is not a list"). An item without a name is not an
// error: it is skipped, and when `warnings` is not null a warning naming its place (document
// NAME, line and column) is appended to it ("an item of 'B' has no name; skipped"); so is a
// category without a name, with its subcategories and items ("a category has no name; skipped
// with its items"), which would belong nowhere. When `categories` is not null, every category
// and subcategory with a name is appended to it in file order. Both
// out-parameters are only appended to, and are owned by the caller. Never throws.
Result<std::vector<LandscapeItem>> ParseLandscape(
    std::string_view yaml_text, std::string_view source_name,
    std::vector<Diagnostic>* warnings = nullptr,
    std::vector<LandscapeCategory>* categories = nullptr);

// Reads and parses the file at `path`. Fails as ReadFile (common/files.h) or ParseLandscape;
// `warnings` as for ParseLandscape.
Result<std::vector<LandscapeItem>> ReadLandscape(const std::string& path,
                                                 std::vector<Diagnostic>* warnings = nullptr);

// The organisation slug of a crunchbase URL:
// "https://www.crunchbase.com/organization/red-hat" -> "red-hat". Returns "" for anything else.
std::string CrunchbaseOrganization(std::string_view url);

// The parts of a landscape item name. The landscape appends to some names an abbreviation
// ("Open Policy Agent (OPA)") and to others an annotation that only says where the item is
// listed ("Envoy (Wasm)", "Acme (member)", "Acme (KCSP)").
struct ItemName {
  std::string base;          // "Open Policy Agent", "Envoy"
  std::string abbreviation;  // "OPA", or ""
  std::string annotation;    // "Wasm", "member", or ""
};

// Splits `item.name`. A trailing parenthesised part is an annotation when it starts with a lower
// case letter, names the item's category ("Wasm"), or is the initials of its subcategory
// ("KCSP" under "Kubernetes Certified Service Provider"); otherwise it is an abbreviation or other
// name of the item. A name that is nothing but a parenthesised part is kept whole as `base`.
ItemName SplitItemName(const LandscapeItem& item);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_GAZETTEER_LANDSCAPE_H_
