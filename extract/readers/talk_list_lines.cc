// The line-level half of the talk-list input (talk_list_input.h): the shapes of YAML-like lines,
// front matter, and the tolerant reader of "key: value" records for text that is not valid YAML.

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "common/strings.h"
#include "extract/readers/talk_list_input.h"

namespace cnkg::talk_list {
namespace {

// A line of YAML-like text: "[indent][- ]key: value", "[indent]- item", or neither.
struct KeyLine {
  int indent = 0;
  bool dash = false;
  bool has_key = false;
  std::string_view key;    // as written
  std::string_view value;  // trimmed; for "- item" the item
  int key_column = 0;      // where the key (or the item) begins
};

bool KeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.';
}

// Splits `line`; false when it is neither a key line nor a list item.
bool ParseKeyLine(std::string_view line, KeyLine* out) {
  KeyLine k;
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  k.indent = static_cast<int>(i);
  std::string_view rest = line.substr(i);
  if (rest == "-" || rest.substr(0, 2) == "- " || rest.substr(0, 2) == "-\t") {
    k.dash = true;
    std::size_t j = 1;
    while (j < rest.size() && (rest[j] == ' ' || rest[j] == '\t')) ++j;
    rest = rest.substr(j);
    i += j;
  }
  k.key_column = static_cast<int>(i);
  // key: a letter or '_', then key characters with at most one inner space, then ':' and a
  // space or the end of the line.
  std::size_t j = 0;
  int spaces = 0;
  if (!rest.empty() && ((rest[0] >= 'a' && rest[0] <= 'z') || (rest[0] >= 'A' && rest[0] <= 'Z') ||
                        rest[0] == '_')) {
    while (j < rest.size() && j <= 40 && (KeyChar(rest[j]) || (rest[j] == ' ' && spaces++ < 1)))
      ++j;
    while (j > 0 && rest[j - 1] == ' ') --j;
    if (j < rest.size() && rest[j] == ':' &&
        (j + 1 == rest.size() || rest[j + 1] == ' ' || rest[j + 1] == '\t')) {
      k.has_key = true;
      k.key = rest.substr(0, j);
      k.value = Trim(rest.substr(j + 1));
    }
  }
  if (!k.has_key) {
    if (!k.dash) return false;
    k.value = Trim(rest);
  }
  *out = k;
  return true;
}

bool IsTitleKey(std::string_view normalised) {
  return std::find(std::begin(kTitleKeys), std::end(kTitleKeys), normalised) !=
         std::end(kTitleKeys);
}

std::string Unquote(std::string_view v) {
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
    std::string out;
    const char q = v.front();
    for (std::size_t i = 1; i + 1 < v.size(); ++i) {
      if (q == '"' && v[i] == '\\' && i + 2 < v.size())
        ++i;
      else if (q == '\'' && v[i] == '\'' && i + 2 < v.size() && v[i + 1] == '\'')
        ++i;
      out.push_back(v[i]);
    }
    return out;
  }
  return std::string(v);
}

Value Scalar(std::string_view text, int line) {
  return Value{Value::Kind::kScalar, line, Unquote(text), {}, {}};
}

// A value as written after "key:": "[a, b]" is a list, a block indicator ("|", ">-") or nothing
// is an empty value that the lines after it fill, anything else a scalar.
Value LineValue(std::string_view v, int line) {
  // "[ {name: A, org: X}, {name: B} ]": a flow sequence of mappings, read with yaml-cpp when it
  // parses on its own.
  if (v.size() >= 2 && v.front() == '[' && v.back() == ']' &&
      v.find('{') != std::string_view::npos && v.size() < 4000) {
    try {
      YAML::Node n = YAML::Load(std::string(v));
      if (n.IsSequence()) {
        Value list{Value::Kind::kList, line, "", {}, {}};
        for (const YAML::Node& item : n) {
          if (item.IsMap()) {
            Value map{Value::Kind::kMap, line, "", {}, {}};
            for (const auto& kv : item) {
              if (!kv.first.IsScalar() || !kv.second.IsScalar()) continue;
              map.keys.push_back(NormaliseKey(kv.first.Scalar()));
              map.items.push_back(Scalar(kv.second.Scalar(), line));
            }
            list.items.push_back(std::move(map));
          } else if (item.IsScalar()) {
            list.items.push_back(Scalar(item.Scalar(), line));
          }
        }
        return list;
      }
    } catch (const YAML::Exception&) {
      // Read as a list of texts below.
    }
  }
  if (v.size() >= 2 && v.front() == '[' && v.back() == ']') {
    Value list{Value::Kind::kList, line, "", {}, {}};
    for (const std::string& piece : Split(v.substr(1, v.size() - 2), ","))
      list.items.push_back(Scalar(piece, line));
    return list;
  }
  if (v.empty() || ((v[0] == '|' || v[0] == '>') && v.size() <= 3))
    return Value{Value::Kind::kNull, line, "", {}, {}};
  return Scalar(v, line);
}

void Append(Value& v, std::string_view text) {
  if (v.kind == Value::Kind::kNull) v.kind = Value::Kind::kScalar;
  if (v.kind != Value::Kind::kScalar) return;
  if (!v.scalar.empty()) v.scalar += ' ';
  v.scalar += text;
}

}  // namespace

LineShapes ScanLineShapes(const Document& doc) {
  LineShapes s;
  bool after_structured = false;
  for (const std::string_view raw : doc.lines) {
    std::string_view t = Trim(raw);
    if (t.empty() || t[0] == '#' || t == "---" || t == "...") continue;
    KeyLine k;
    if (ParseKeyLine(raw, &k)) {
      ++s.structured;
      after_structured = true;
      if (k.has_key && IsTitleKey(NormaliseKey(k.key))) ++s.title_keys;
    } else if (after_structured && (raw[0] == ' ' || raw[0] == '\t')) {
      continue;
    } else {
      ++s.other;
      after_structured = false;
    }
  }
  return s;
}

bool IsMarkdownWithFrontMatter(const Document& doc) {
  if (doc.lines.empty() || Trim(doc.lines[0]) != "---") return false;
  std::size_t i = 1;
  while (i < doc.lines.size() && Trim(doc.lines[i]).empty()) ++i;
  if (i < doc.lines.size() && Trim(doc.lines[i]).substr(0, 1) == "-") return false;  // a list
  for (; i < doc.lines.size(); ++i) {
    std::string_view t = Trim(doc.lines[i]);
    if (t != "---" && t != "...") continue;
    for (std::size_t j = i + 1; j < doc.lines.size(); ++j)
      if (!Trim(doc.lines[j]).empty()) return true;
    return false;
  }
  return false;
}

void ReadKeyValueLines(const Document& doc, LoadedList& out) {
  RecordCollector c(out);
  Value record;
  std::size_t index = 0;
  bool have = false, fresh = true;
  int record_dash_indent = -1;
  int open_field = -1;  // index in record.items of the value that lines may fill
  int open_indent = 0;
  int item_key_column = -1;  // for a "- key: value" item of the open field: its key column
  auto flush = [&] {
    if (have) {
      const int record_line = record.line;
      c.Add(std::move(record), ++index, record_line);
    }
    record = Value{Value::Kind::kMap, 0, "", {}, {}};
    have = false;
    open_field = -1;
    item_key_column = -1;
  };
  for (std::size_t n = 0; n < doc.lines.size(); ++n) {
    const int line = static_cast<int>(n + 1);
    const std::string_view raw = doc.lines[n];
    std::string_view t = Trim(raw);
    if (t.empty() || t == "---" || t == "...") {
      fresh = true;
      open_field = -1;
      continue;
    }
    if (t[0] == '#') continue;
    KeyLine k;
    Value* open = have && open_field >= 0 ? &record.items[open_field] : nullptr;
    if (!ParseKeyLine(raw, &k)) {
      if (open && (raw[0] == ' ' || raw[0] == '\t')) {
        if (open->is_list() && !open->items.empty() && open->items.back().is_scalar())
          Append(open->items.back(), t);
        else
          Append(*open, t);
      }
      continue;
    }
    if (!k.has_key) {  // "- item"
      if (open && (open->kind == Value::Kind::kNull || open->is_list())) {
        open->kind = Value::Kind::kList;
        open->items.push_back(Scalar(k.value, line));
        item_key_column = -1;
      }
      continue;
    }
    const std::string key = NormaliseKey(k.key);
    if (!k.dash && k.value.empty() && (!have || fresh) &&
        std::find(std::begin(kListKeys), std::end(kListKeys), key) != std::end(kListKeys)) {
      flush();
      fresh = true;
      continue;  // "talks:" above the records
    }
    if (open && (open->kind == Value::Kind::kNull || open->is_list())) {
      const bool item_start = k.dash && (record_dash_indent < 0 ? k.indent > open_indent
                                                                : k.indent > record_dash_indent);
      if (item_start) {
        open->kind = Value::Kind::kList;
        Value item{Value::Kind::kMap, line, "", {key}, {LineValue(k.value, line)}};
        open->items.push_back(std::move(item));
        item_key_column = k.key_column;
        continue;
      }
      if (!k.dash && item_key_column >= 0 && k.indent >= item_key_column && !open->items.empty() &&
          open->items.back().is_map()) {
        Value& item = open->items.back();
        if (item.keys.size() < kMaxFields) {
          item.keys.push_back(key);
          item.items.push_back(LineValue(k.value, line));
        }
        continue;
      }
    }
    const bool repeated =
        std::find(record.keys.begin(), record.keys.end(), key) != record.keys.end();
    if (!have || k.dash || fresh || repeated) {
      flush();
      have = true;
      record.line = line;
      if (k.dash) record_dash_indent = k.indent;
    }
    fresh = false;
    if (record.keys.size() >= kMaxFields) continue;
    record.keys.push_back(key);
    record.items.push_back(LineValue(k.value, line));
    open_field = static_cast<int>(record.items.size()) - 1;
    open_indent = k.indent;
    item_key_column = -1;
  }
  flush();
  c.Finish();
  out.source = Source::kLines;
  out.claim = out.records.size() >= 2 ? 60 : 0;
}

}  // namespace cnkg::talk_list
