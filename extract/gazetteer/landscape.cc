#include "extract/gazetteer/landscape.h"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <cassert>
#include <cctype>
#include <exception>
#include <utility>

#include "common/files.h"
#include "common/strings.h"

namespace cnkg {
namespace {

// The scalar under `key` of a map node, or "" when it is missing or not a scalar.
std::string Scalar(const YAML::Node& map, const char* key) {
  if (!map.IsMap()) return "";
  const YAML::Node value = map[key];
  if (!value || !value.IsScalar()) return "";
  return std::string(Trim(value.Scalar()));
}

// A 1-based place in the text; line 0 when unknown.
struct Place {
  int line = 0;
  int column = 0;
};

Place PlaceOf(const YAML::Mark& mark) {
  if (mark.line < 0) return {};
  return {mark.line + 1, mark.column >= 0 ? mark.column + 1 : 0};
}

Place PlaceOf(const YAML::Node& node) { return PlaceOf(node.Mark()); }

// "SOURCE:LINE:COLUMN: message", leaving out what is unknown.
std::string MessageAt(std::string_view source, Place place, std::string_view message) {
  std::string m(source);
  if (place.line > 0) {
    m.push_back(':');
    m.append(std::to_string(place.line));
    if (place.column > 0) {
      m.push_back(':');
      m.append(std::to_string(place.column));
    }
  }
  m.append(": ");
  m.append(message);
  return m;
}

Status ErrorAt(std::string_view source, Place place, std::string_view message) {
  return Status::ParseError(MessageAt(source, place, message));
}

Diagnostic WarningAt(std::string_view source, Place place, std::string message) {
  return {Diagnostic::Severity::kWarning, std::string(source), place.line, std::move(message),
          place.line > 0 ? place.column : 0};
}

// Reads the items of one subcategory node into `out`; an item without a name is skipped with a
// message in `warnings` (when not null).
Status ReadItems(std::string_view source, const std::string& category, const YAML::Node& sub,
                 std::vector<LandscapeItem>& out, std::vector<Diagnostic>* warnings) {
  const std::string sub_name = Scalar(sub, "name");
  const YAML::Node items = sub["items"];
  if (!items || items.IsNull()) return Status::Ok();  // "items:" with nothing under it
  if (!items.IsSequence()) {
    return ErrorAt(source, PlaceOf(items),
                   "'items' of subcategory '" + sub_name + "' is not a list");
  }
  for (const YAML::Node& node : items) {
    if (!node.IsMap()) return ErrorAt(source, PlaceOf(node), "an item is not a mapping");
    LandscapeItem item;
    item.name = Scalar(node, "name");
    const YAML::Node name_node = node["name"];
    item.line = PlaceOf(name_node ? name_node : node).line;
    if (item.name.empty()) {
      if (warnings != nullptr) {
        warnings->push_back(
            WarningAt(source, PlaceOf(node), "an item of '" + sub_name + "' has no name; skipped"));
      }
      continue;
    }
    item.category = category;
    item.subcategory = sub_name;
    item.project = Scalar(node, "project");
    item.homepage_url = Scalar(node, "homepage_url");
    item.repo_url = Scalar(node, "repo_url");
    item.allow_duplicate_repo = Scalar(node, "allow_duplicate_repo") == "true";
    item.crunchbase = Scalar(node, "crunchbase");
    item.description = CollapseSpaces(Scalar(node, "description"));
    const YAML::Node org = node["organization"];
    if (org && org.IsMap()) item.organization = Scalar(org, "name");
    const YAML::Node extra = node["extra"];
    if (extra && extra.IsMap()) {
      item.parent_project = Scalar(extra, "parent_project");
      item.accepted = Scalar(extra, "accepted");
    }
    const YAML::Node second = node["second_path"];
    if (second && second.IsSequence()) {
      for (const YAML::Node& p : second) {
        if (p.IsScalar()) item.second_paths.emplace_back(Trim(p.Scalar()));
      }
    }
    out.push_back(std::move(item));
  }
  return Status::Ok();
}

Status ReadAll(std::string_view source, const YAML::Node& root, std::vector<LandscapeItem>& out,
               std::vector<Diagnostic>* warnings, std::vector<LandscapeCategory>& categories_out) {
  const YAML::Node categories = root.IsMap() ? root["landscape"] : YAML::Node();
  if (!categories || !categories.IsSequence()) {
    return ErrorAt(source, {}, "no 'landscape' list at the top level");
  }
  for (const YAML::Node& cat : categories) {
    if (!cat.IsMap()) return ErrorAt(source, PlaceOf(cat), "a category is not a mapping");
    const std::string cat_name = Scalar(cat, "name");
    if (cat_name.empty()) {
      // As an item without a name: its subcategories and items have nowhere to belong.
      if (warnings != nullptr)
        warnings->push_back(
            WarningAt(source, PlaceOf(cat), "a category has no name; skipped with its items"));
      continue;
    }
    categories_out.push_back({cat_name, "", PlaceOf(cat["name"]).line});
    const YAML::Node subs = cat["subcategories"];
    if (!subs || subs.IsNull()) continue;
    if (!subs.IsSequence()) {
      return ErrorAt(source, PlaceOf(subs), "'subcategories' of '" + cat_name + "' is not a list");
    }
    for (const YAML::Node& sub : subs) {
      if (!sub.IsMap()) return ErrorAt(source, PlaceOf(sub), "a subcategory is not a mapping");
      const std::string sub_name = Scalar(sub, "name");
      if (!sub_name.empty())
        categories_out.push_back({cat_name, sub_name, PlaceOf(sub["name"]).line});
      CNKG_RETURN_IF_ERROR(ReadItems(source, cat_name, sub, out, warnings));
    }
  }
  return Status::Ok();
}

// "Kubernetes Certified Service Provider" -> "KCSP"; words in lower case ("and") are skipped.
std::string Initials(std::string_view words) {
  std::string out;
  for (const std::string& w : Split(words, " ")) {
    const unsigned char c = static_cast<unsigned char>(w[0]);
    if (std::isupper(c)) out.push_back(static_cast<char>(c));
  }
  return out;
}

}  // namespace

Result<std::vector<LandscapeItem>> ParseLandscape(std::string_view yaml_text,
                                                  std::string_view source_name,
                                                  std::vector<Diagnostic>* warnings,
                                                  std::vector<LandscapeCategory>* categories) {
  std::vector<LandscapeItem> items;
  std::vector<Diagnostic> found;  // warnings, handed over only on success
  std::vector<LandscapeCategory> cats;
  try {
    const YAML::Node root = YAML::Load(std::string(yaml_text));
    Status s = ReadAll(source_name, root, items, &found, cats);
    if (!s.ok()) return s;
  } catch (const YAML::Exception& e) {
    return ErrorAt(source_name, PlaceOf(e.mark), "invalid YAML: " + OneLineMessage(e.msg));
  } catch (const std::exception& e) {
    return ErrorAt(source_name, {}, OneLineMessage(e.what()));
  }
  if (warnings != nullptr) warnings->insert(warnings->end(), found.begin(), found.end());
  if (categories != nullptr) categories->insert(categories->end(), cats.begin(), cats.end());
  return items;
}

Result<std::vector<LandscapeItem>> ReadLandscape(const std::string& path,
                                                 std::vector<Diagnostic>* warnings) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  return ParseLandscape(*text, path, warnings);
}

std::string CrunchbaseOrganization(std::string_view url) {
  static const RE2 kOrg(R"(^https?://(?:www\.)?crunchbase\.com/organization/([^/?#\s]+)/?$)");
  assert(kOrg.ok());
  std::string slug;
  if (!RE2::FullMatch(url, kOrg, &slug)) return "";
  return slug;
}

ItemName SplitItemName(const LandscapeItem& item) {
  static const RE2 kParen(R"(^(.*\S)\s*\(([^()]+)\)$)");
  assert(kParen.ok());
  ItemName out;
  std::string name = CollapseSpaces(item.name);
  std::string base, inner;
  // Peel trailing parenthesised parts: "Azure Kubernetes Service (AKS) (Wasm)".
  while (RE2::FullMatch(name, kParen, &base, &inner)) {
    inner = std::string(Trim(inner));
    const bool annotation = inner.empty() || std::islower(static_cast<unsigned char>(inner[0])) ||
                            EqualsIgnoreCase(inner, item.category) ||
                            (inner.size() >= 2 && inner == Initials(item.subcategory));
    if (annotation) {
      if (out.annotation.empty()) out.annotation = inner;
    } else if (out.abbreviation.empty()) {
      out.abbreviation = inner;
    }
    name = base;
  }
  out.base = name;
  return out;
}

}  // namespace cnkg
