#include "extract/readers/landscape_import.h"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "common/strings.h"
#include "extract/core/batch_writer.h"
#include "extract/gazetteer/gazetteer.h"
#include "extract/gazetteer/landscape.h"
#include "graph/resolve.h"

namespace cnkg {
namespace {

// Keys treat "&" and "and" alike: second_path entries spell the same subcategory both ways.
std::string CategoryKey(const std::string& category, const std::string& subcategory) {
  auto amp = [](std::string s) {
    for (std::size_t p; (p = s.find('&')) != std::string::npos;) s.replace(p, 1, " and ");
    return s;
  };
  return subcategory.empty() ? MakeKey(Label::kCategory, amp(category))
                             : MakeKey(Label::kCategory, amp(category) + " / " + amp(subcategory));
}

// "cloud-native-computing-foundation" -> "Cloud Native Computing Foundation".
std::string NameFromSlug(const std::string& slug) {
  std::string out;
  bool up = true;
  for (char c : slug) {
    if (c == '-' || c == '_') {
      out.push_back(' ');
      up = true;
    } else {
      out.push_back(up && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
      up = false;
    }
  }
  return out;
}

// True when every word of the shorter name is a word of the longer ("Flink" in "Apache Flink").
bool WordsWithin(const std::string& a, const std::string& b) {
  std::vector<std::string> x = Split(FoldName(a), " "), y = Split(FoldName(b), " ");
  if (x.size() > y.size()) std::swap(x, y);
  for (const auto& w : x)
    if (std::find(y.begin(), y.end(), w) == y.end()) return false;
  return !x.empty();
}

enum class ItemKind { kProject, kMember, kEndUser, kServiceProvider, kTrainingPartner };

ItemKind KindOf(const LandscapeItem& item, const ItemName& name) {
  const std::string annotation = AsciiLower(name.annotation);
  if (item.category == "CNCF Members") {
    return annotation == "supporter" || StartsWithIgnoreCase(item.subcategory, "End User")
               ? ItemKind::kEndUser
               : ItemKind::kMember;
  }
  if (annotation == "kcsp" || item.subcategory == "Kubernetes Certified Service Provider")
    return ItemKind::kServiceProvider;
  if (annotation == "kcntp" || annotation == "ktp" ||
      item.subcategory.find("Training Partner") != std::string::npos)
    return ItemKind::kTrainingPartner;
  return ItemKind::kProject;
}

// The organisation name a crunchbase slug spells, when it is a usable second name for the
// entry called `name`: "adobe-systems" for "Adobe", "konghq" for "Kong", "containous" for
// "Traefik Labs". None when the slug carries a disambiguation suffix ("civo-49db", "fossa-2",
// "nunet-dedc"),
// when it folds to the entry's own name, or when its words are a part of the name's words: then
// it names the parent company ("google" for "Google Cloud"), which is another organisation.
std::optional<std::string> CrunchbaseAlias(const std::string& slug, const std::string& name) {
  static const RE2 kDisambiguated("-(?:[0-9a-f]{4}|[0-9]+)$");
  if (slug.empty() || RE2::PartialMatch(slug, kDisambiguated)) return std::nullopt;
  const std::string alias = CanonicalOrganizationName(NameFromSlug(slug));
  const std::string canonical = CanonicalOrganizationName(name);
  const std::string a = FoldName(alias), c = FoldName(canonical);
  if (a.empty() || a == c) return std::nullopt;
  const std::vector<std::string> alias_words = Split(a, " "), name_words = Split(c, " ");
  const bool part_of_name = std::all_of(alias_words.begin(), alias_words.end(), [&](const auto& w) {
    return std::find(name_words.begin(), name_words.end(), w) != name_words.end();
  });
  if (part_of_name) return std::nullopt;
  return alias;
}

void AddAlias(EntityRecord& e, const std::string& alias) {
  if (alias != e.name && std::find(e.aliases.begin(), e.aliases.end(), alias) == e.aliases.end())
    e.aliases.push_back(alias);
}

}  // namespace

int RecogniseLandscape(const Document& doc) {
  bool landscape = false, category = false;
  const std::size_t limit = std::min<std::size_t>(doc.lines.size(), 50);
  for (std::size_t i = 0; i < limit; ++i) {
    const std::string_view l = doc.lines[i];
    if (l.rfind("landscape:", 0) == 0) landscape = true;
    if (Trim(l) == "- category:" || Trim(l).rfind("- category:", 0) == 0) category = true;
  }
  return landscape && category ? 100 : 0;
}

Result<ExtractionBatch> ExtractLandscape(const Document& doc, const Gazetteer& gazetteer) {
  std::vector<Diagnostic> warnings;
  std::vector<LandscapeCategory> categories;
  auto items = ParseLandscape(doc.text, doc.path, &warnings, &categories);
  if (!items.ok()) return items.status();
  BatchWriter out(doc, "landscape", gazetteer);
  for (Diagnostic& w : warnings) out.AddDiagnostic(std::move(w));
  auto line_text = [&](int line) {
    return line >= 1 && static_cast<std::size_t>(line) <= doc.lines.size()
               ? std::string(Trim(doc.lines[line - 1]))
               : std::string();
  };
  auto relate = [&](const std::string& s, const std::string& t, RelType type, int line) {
    out.Relate(s, t, type, line, line_text(line));
  };

  // Categories.
  std::set<std::string> category_keys;
  for (const LandscapeCategory& c : categories) {
    category_keys.insert(CategoryKey(c.category, c.subcategory));
    EntityRecord e;
    e.key = CategoryKey(c.category, c.subcategory);
    e.label = Label::kCategory;
    e.name = c.subcategory.empty() ? c.category : c.subcategory;
    e.properties["level"] = std::string(c.subcategory.empty() ? "category" : "subcategory");
    if (!c.subcategory.empty()) e.properties["parent"] = c.category;
    e.evidence = {"", c.line, line_text(c.line)};
    out.Add(e);
    if (!c.subcategory.empty())
      relate(e.key, CategoryKey(c.category, ""), RelType::kInCategory, c.line);
  }

  // Crunchbase organisation -> display name, from member entries that carry it.
  std::map<std::string, std::string> vendor_names;
  for (const LandscapeItem& item : *items) {
    ItemName n = SplitItemName(item);
    ItemKind k = KindOf(item, n);
    std::string slug = CrunchbaseOrganization(item.crunchbase);
    if (k != ItemKind::kProject && !slug.empty()) vendor_names.emplace(slug, n.base);
  }
  auto vendor_name = [&](const LandscapeItem& item) -> std::string {
    if (!item.organization.empty()) return item.organization;
    std::string slug = CrunchbaseOrganization(item.crunchbase);
    if (slug.empty()) return "";
    auto it = vendor_names.find(slug);
    return it != vendor_names.end() ? it->second : NameFromSlug(slug);
  };

  for (const LandscapeItem& item : *items) {
    const ItemName n = SplitItemName(item);
    const ItemKind kind = KindOf(item, n);
    const Evidence ev{"", item.line, line_text(item.line)};
    std::vector<LandscapeCategory> listings = {{item.category, item.subcategory, item.line}};
    for (const std::string& p : item.second_paths) {
      auto parts = Split(p, " / ");
      if (parts.size() == 2 && category_keys.count(CategoryKey(parts[0], parts[1]))) {
        listings.push_back({parts[0], parts[1], item.line});
      } else {
        out.Warn(item.line, "'" + n.base + "' is also listed under '" + p +
                                "', which is no subcategory of this landscape; ignored");
      }
    }
    EntityRecord e;
    e.evidence = ev;
    if (!item.homepage_url.empty()) e.properties["homepage"] = item.homepage_url;
    if (kind != ItemKind::kProject) {
      e.label = Label::kOrganization;
      e.name = CanonicalOrganizationName(n.base);
      e.aliases = OrganizationAliases(n.base);
      if (auto alias = CrunchbaseAlias(CrunchbaseOrganization(item.crunchbase), n.base))
        AddAlias(e, *alias);
      e.key = MakeKey(Label::kOrganization, n.base);
      switch (kind) {
        case ItemKind::kMember:
          e.properties["cncf_member"] = item.subcategory;
          break;
        case ItemKind::kEndUser:
          e.properties["cncf_end_user"] = true;
          break;
        case ItemKind::kServiceProvider:
          e.properties["kcsp"] = true;
          break;
        case ItemKind::kTrainingPartner:
          e.properties["training_partner"] = true;
          break;
        case ItemKind::kProject:
          break;
      }
      out.Add(e);
      for (const LandscapeCategory& c : listings)
        relate(e.key, CategoryKey(c.category, c.subcategory), RelType::kInCategory, item.line);
      continue;
    }
    e.label = Label::kProject;
    // Take the gazetteer's display name and spellings when it knows this very entry (same name
    // or same repository), so that talk mentions reach this node; never merge two entries.
    const std::size_t g = gazetteer.Find(n.base);
    const bool same_entry = g < gazetteer.size() &&
                            (FoldName(gazetteer.entry(g).name) == FoldName(n.base) ||
                             (!item.repo_url.empty() && gazetteer.entry(g).repo == item.repo_url &&
                              WordsWithin(n.base, gazetteer.entry(g).name)));
    if (same_entry) {
      e.name = gazetteer.entry(g).name;
      e.aliases = gazetteer.entry(g).own_aliases;
    } else {
      e.name = n.base;
    }
    if (!n.abbreviation.empty() && n.abbreviation != e.name &&
        std::find(e.aliases.begin(), e.aliases.end(), n.abbreviation) == e.aliases.end())
      e.aliases.push_back(n.abbreviation);
    if (n.base != e.name &&
        std::find(e.aliases.begin(), e.aliases.end(), n.base) == e.aliases.end())
      e.aliases.push_back(n.base);
    e.key = MakeKey(Label::kProject, e.name);
    e.properties["cncf"] = !item.project.empty();
    if (!item.project.empty()) e.properties["maturity"] = item.project;
    e.properties["category"] = item.category;
    e.properties["subcategory"] = item.subcategory;
    if (!item.repo_url.empty()) e.properties["repo"] = item.repo_url;
    if (!item.accepted.empty()) e.properties["accepted"] = item.accepted;
    if (!item.parent_project.empty()) e.properties["parent"] = item.parent_project;
    out.Add(e);
    for (const LandscapeCategory& c : listings)
      relate(e.key, CategoryKey(c.category, c.subcategory), RelType::kInCategory, item.line);
    const std::string vendor = vendor_name(item);
    if (!vendor.empty() && !IsNonOrganization(vendor)) {
      EntityRecord o;
      o.label = Label::kOrganization;
      o.name = CanonicalOrganizationName(vendor);
      o.aliases = OrganizationAliases(vendor);
      o.key = MakeKey(Label::kOrganization, vendor);
      o.evidence = ev;
      out.Add(o);
      relate(e.key, o.key, RelType::kBackedBy, item.line);
    }
  }
  return out.Finish();
}

}  // namespace cnkg
