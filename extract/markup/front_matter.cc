#include "extract/markup/front_matter.h"

#include <re2/re2.h>
#include <toml++/toml.h>
#include <yaml-cpp/yaml.h>

#include <cassert>
#include <sstream>

#include "common/strings.h"

namespace cnkg {
namespace {

// Front matter longer than this is not looked for (a post's front matter is a few dozen lines).
constexpr std::size_t kMaxLines = 1000;

std::string Unquote(std::string_view v) {
  std::string s(Trim(v));
  if (s.size() >= 2 &&
      ((s.front() == '"' && s.back() == '"') || (s.front() == '\'' && s.back() == '\'')))
    s = s.substr(1, s.size() - 2);
  if (s.size() >= 2 && s.front() == '[' && s.back() == ']') {
    std::vector<std::string> items;
    for (std::string& item : Split(std::string_view(s).substr(1, s.size() - 2), ","))
      items.push_back(Unquote(item));
    s = Join(items, ", ");
  }
  return CollapseSpaces(s);
}

void Set(FrontMatter& fm, const std::string& key, std::string value, int line) {
  std::string k = AsciiLower(key);
  fm.fields[k] = CollapseSpaces(value);
  fm.field_lines[k] = line;
}

// A YAML value as text: a scalar as written, a list joined with ", " (a mapping in a list by its
// "name" or its first scalar).
std::string YamlText(const YAML::Node& n, int depth = 0) {
  if (depth > 8) return "";
  if (n.IsScalar()) return n.Scalar();
  std::vector<std::string> parts;
  if (n.IsSequence()) {
    for (const YAML::Node& x : n) {
      std::string t = YamlText(x, depth + 1);
      if (!t.empty()) parts.push_back(t);
    }
  } else if (n.IsMap()) {
    if (n["name"] && n["name"].IsScalar()) return n["name"].Scalar();
    for (const auto& kv : n) {
      if (kv.second.IsScalar()) return kv.second.Scalar();
    }
  }
  return Join(parts, ", ");
}

void FlattenYaml(const YAML::Node& map, const std::string& prefix, int first_line, FrontMatter& fm,
                 int depth) {
  if (depth > 3) return;
  for (const auto& kv : map) {
    if (!kv.first.IsScalar()) continue;
    std::string key = prefix + kv.first.Scalar();
    int line = first_line + kv.first.Mark().line;
    if (kv.second.IsMap()) {
      FlattenYaml(kv.second, key + ".", first_line, fm, depth + 1);
    } else {
      Set(fm, key, YamlText(kv.second), line);
    }
  }
}

bool ReadYaml(const std::string& body, int first_line, FrontMatter& fm, std::string* error) {
  try {
    YAML::Node root = YAML::Load(body);
    if (root.IsNull()) return true;
    if (!root.IsMap()) {
      *error = "not a mapping of keys";
      return false;
    }
    FlattenYaml(root, "", first_line, fm, 0);
    return true;
  } catch (const YAML::Exception& e) {
    *error = e.msg;
    return false;
  }
}

std::string TomlText(const toml::node& node) {
  if (auto s = node.value<std::string>()) return *s;
  std::ostringstream out;
  node.visit([&](const auto& v) {
    if constexpr (toml::is_date<decltype(v)> || toml::is_time<decltype(v)> ||
                  toml::is_date_time<decltype(v)> || toml::is_number<decltype(v)> ||
                  toml::is_boolean<decltype(v)>)
      out << v;
  });
  return out.str();
}

void FlattenToml(const toml::table& table, const std::string& prefix, FrontMatter& fm,
                 int first_line, int depth) {
  if (depth > 3) return;
  for (const auto& [k, node] : table) {
    std::string key = prefix + std::string(k.str());
    int line = first_line + static_cast<int>(node.source().begin.line);
    if (const toml::table* t = node.as_table()) {
      FlattenToml(*t, key + ".", fm, first_line, depth + 1);
    } else if (const toml::array* a = node.as_array()) {
      std::vector<std::string> parts;
      for (const toml::node& x : *a) {
        if (const toml::table* t = x.as_table()) {
          if (auto name = (*t)["name"].value<std::string>()) parts.push_back(*name);
        } else {
          parts.push_back(TomlText(x));
        }
      }
      Set(fm, key, Join(parts, ", "), line);
    } else {
      Set(fm, key, TomlText(node), line);
    }
  }
}

bool ReadToml(const std::string& body, int first_line, FrontMatter& fm, std::string* error) {
  try {
    toml::table t = toml::parse(body);
    // toml++ counts lines from 1; the body starts on the line after the fence.
    FlattenToml(t, "", fm, first_line - 1, 0);
    return true;
  } catch (const toml::parse_error& e) {
    *error = std::string(e.description());
    return false;
  }
}

// "key: value" / "key = value" lines and "- item" lists under a key, for front matter that does
// not parse.
void ReadLines(const std::vector<std::string_view>& lines, std::size_t first, std::size_t last,
               FrontMatter& fm) {
  static const RE2 kv(R"(^([A-Za-z_][\w.-]*)\s*[:=]\s*(.*)$)");
  static const RE2 item(R"(^\s*-\s+(.*)$)");
  assert(kv.ok() && item.ok());
  std::string key;
  for (std::size_t i = first; i < last; ++i) {
    const std::string_view line = lines[i];
    std::string k, v;
    if (line.size() < 4000 && RE2::FullMatch(line, kv, &k, &v)) {
      key = AsciiLower(k);
      Set(fm, key, Unquote(v), static_cast<int>(i + 1));
    } else if (!key.empty() && line.size() < 4000 && RE2::FullMatch(line, item, &v)) {
      std::string& f = fm.fields[key];
      std::string value = Unquote(v);
      f = f.empty() ? value : f + ", " + value;
    }
  }
}

}  // namespace

FrontMatter ReadFrontMatter(const Document& doc, std::vector<Diagnostic>& diagnostics) {
  FrontMatter fm;
  const std::vector<std::string_view>& lines = doc.lines;
  if (lines.size() < 2) return fm;
  std::string_view fence = Trim(lines[0]);
  if (fence != "---" && fence != "+++") return fm;
  // A thematic break followed by prose is no front matter: the next line must be a key.
  static const RE2 key_line(R"(^[A-Za-z_][\w.-]*\s*[:=].*$)");
  assert(key_line.ok());
  if (lines[1].size() > 4000 || !RE2::FullMatch(lines[1], key_line)) return fm;
  std::size_t close = 0;
  for (std::size_t j = 1; j < lines.size() && j < kMaxLines; ++j) {
    std::string_view t = Trim(lines[j]);
    if (t == fence || (fence == "---" && t == "...")) {
      close = j;
      break;
    }
  }
  if (close == 0) {
    diagnostics.push_back({Diagnostic::Severity::kWarning, doc.path, 1,
                           "front matter opened with '" + std::string(fence) +
                               "' on line 1 is never closed; the document is read as text"});
    return fm;
  }
  fm.present = true;
  fm.first_line = 1;
  fm.last_line = static_cast<int>(close + 1);
  std::string body;
  for (std::size_t j = 1; j < close; ++j) {
    body += lines[j];
    body += "\n";
  }
  std::string error;
  bool ok = fence == "---" ? ReadYaml(body, 2, fm, &error) : ReadToml(body, 2, fm, &error);
  if (!ok) {
    fm.fields.clear();
    fm.field_lines.clear();
    diagnostics.push_back({Diagnostic::Severity::kWarning, doc.path, 1,
                           std::string(fence == "---" ? "YAML" : "TOML") +
                               " front matter does not parse (" + CollapseSpaces(error) +
                               "); read as key: value lines"});
    ReadLines(lines, 1, close, fm);
  }
  return fm;
}

}  // namespace cnkg
