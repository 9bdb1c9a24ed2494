#include "extract/core/alias_file.h"

#include <yaml-cpp/yaml.h>

#include "common/files.h"
#include "common/strings.h"

namespace cnkg {
namespace {

std::string Where(const std::string& path, const YAML::Node& n) {
  const YAML::Mark m = n.Mark();
  if (m.line < 0) return path;
  return path + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1);
}

std::string KnownLabels() {
  std::vector<std::string> names;
  for (Label l : kAllLabels) names.emplace_back(LabelName(l));
  return Join(names, ", ");
}

}  // namespace

Result<AliasRules> ParseAliasFile(const std::string& text, const std::string& path) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    return Status::ParseError(path + ":" + std::to_string(e.mark.line + 1) + ":" +
                              std::to_string(e.mark.column + 1) +
                              ": invalid YAML: " + OneLineMessage(e.msg));
  }
  AliasRules rules;
  if (root.IsNull()) return rules;
  if (!root.IsMap()) {
    return Status::ParseError(Where(path, root) +
                              ": an alias file maps node labels to canonical names");
  }
  for (const auto& entry : root) {
    const std::string key = entry.first.as<std::string>("");
    if (key == "forbid") {
      if (!entry.second.IsMap())
        return Status::ParseError(Where(path, entry.second) +
                                  ": 'forbid' maps node labels to lists of name pairs");
      for (const auto& f : entry.second) {
        auto label = ParseLabel(f.first.as<std::string>(""));
        if (!label)
          return Status::ParseError(Where(path, f.first) + ": unknown label '" +
                                    OneLineMessage(f.first.as<std::string>("")) +
                                    "' (known: " + KnownLabels() + ")");
        if (!f.second.IsSequence())
          return Status::ParseError(Where(path, f.second) + ": expected a list of name pairs");
        for (const auto& pair : f.second) {
          if (!pair.IsSequence() || pair.size() != 2 || !pair[0].IsScalar() || !pair[1].IsScalar())
            return Status::ParseError(Where(path, pair) +
                                      ": expected a pair of names such as [Gen, Gen Digital]");
          rules.Forbid(*label, pair[0].as<std::string>(), pair[1].as<std::string>());
        }
      }
      continue;
    }
    auto label = ParseLabel(key);
    if (!label)
      return Status::ParseError(Where(path, entry.first) + ": unknown label '" +
                                OneLineMessage(key) + "' (known: " + KnownLabels() + ", forbid)");
    if (!entry.second.IsMap())
      return Status::ParseError(Where(path, entry.second) + ": '" + OneLineMessage(key) +
                                "' maps canonical names to lists of variants");
    for (const auto& c : entry.second) {
      if (!c.first.IsScalar())
        return Status::ParseError(Where(path, c.first) + ": a canonical name must be text");
      const std::string canonical = c.first.as<std::string>();
      if (c.second.IsScalar()) {
        rules.AddVariant(*label, canonical, c.second.as<std::string>());
      } else if (c.second.IsSequence()) {
        for (const auto& v : c.second) {
          if (!v.IsScalar()) return Status::ParseError(Where(path, v) + ": a variant must be text");
          rules.AddVariant(*label, canonical, v.as<std::string>());
        }
      } else if (!c.second.IsNull()) {
        return Status::ParseError(Where(path, c.second) + ": variants of '" +
                                  OneLineMessage(canonical) + "' must be a list of names");
      }
    }
  }
  return rules;
}

Result<AliasRules> ReadAliasFile(const std::string& path) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  return ParseAliasFile(*text, path);
}

}  // namespace cnkg
