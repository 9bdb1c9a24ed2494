#include "extract/readers/talk_list_input.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>

#include "common/json_writer.h"
#include "common/strings.h"
#include "extract/core/json_text.h"
#include "extract/markup/yaml_stream.h"
#include "extract/readers/schedule_exports.h"

namespace cnkg::talk_list {
namespace {

using nlohmann::json;

// Levels of a record that are read: record -> field -> list item -> item field -> its name.
constexpr int kRecordLevels = 5;
// Levels of the fields of a top-level mapping besides the list: field -> its value's fields.
constexpr int kDocumentLevels = 2;
// Record warnings kept before the rest are only counted.
constexpr int kMaxRecordWarnings = 30;
// A title searched for in the text of its JSON record is at most this long.
constexpr std::size_t kMaxSearchedTitle = 1000;

constexpr std::string_view kForeignKeys[] = {"tasks",      "roles",    "handlers", "become",
                                             "apiversion", "metadata", "spec",     "steps",
                                             "uses",       "run",      "image"};
// Fields that make a record whose title is its "name" a talk record.
constexpr std::string_view kTalkSignKeys[] = {
    "speakers", "speaker", "presenters", "presenter",  "authors",    "author", "by",
    "hosts",    "host",    "event",      "conference", "meetup",     "start",  "startsat",
    "date",     "when",    "datetime",   "starttime",  "type",       "kind",   "abstract",
    "slides",   "video",   "recording",  "youtube",    "sessiontype"};

std::string ListKeyNames() {
  std::string out;
  for (std::string_view k : kListKeys) out += (out.empty() ? "" : ", ") + std::string(k);
  return out;
}

// Spends a share of the work allowed for one document; false once it is used up. Guards against
// YAML aliases that repeat one large node many times.
class Budget {
 public:
  explicit Budget(std::size_t units) : left_(units) {}
  bool Spend(std::size_t units) {
    if (units >= left_) {
      left_ = 0;
      return false;
    }
    left_ -= units;
    return true;
  }
  bool exhausted() const { return left_ == 0; }

 private:
  std::size_t left_;
};

bool IsLandscapeFile(const Document& doc) {
  for (const std::string_view l : doc.lines)
    if (l.rfind("landscape:", 0) == 0) return true;
  return false;
}

// ---- YAML -------------------------------------------------------------------------------------

int YamlLine(const YAML::Node& n) { return n.Mark().line >= 0 ? n.Mark().line + 1 : 0; }

Value FromYaml(const YAML::Node& n, int levels, Budget& budget) {
  Value v;
  v.line = YamlLine(n);
  if (!budget.Spend(1)) return v;
  if (n.IsScalar()) {
    if (!budget.Spend(n.Scalar().size())) return v;
    v.kind = Value::Kind::kScalar;
    v.scalar = n.Scalar();
    return v;
  }
  if (levels <= 1 || !(n.IsSequence() || n.IsMap())) return v;
  if (n.IsSequence()) {
    v.kind = Value::Kind::kList;
    for (const YAML::Node& item : n) v.items.push_back(FromYaml(item, levels - 1, budget));
    return v;
  }
  v.kind = Value::Kind::kMap;
  for (const auto& kv : n) {
    if (v.keys.size() >= kMaxFields) break;
    if (!kv.first.IsScalar()) continue;
    v.keys.push_back(NormaliseKey(kv.first.Scalar()));
    v.items.push_back(FromYaml(kv.second, levels - 1, budget));
  }
  return v;
}

// The list of records in a top-level node, and the other fields of a top-level mapping.
std::optional<YAML::Node> YamlList(const YAML::Node& root, Value& document, Budget& budget) {
  if (root.IsSequence()) return root;
  if (!root.IsMap()) return std::nullopt;
  std::optional<YAML::Node> list;
  std::size_t list_rank = std::size(kListKeys);
  document = Value{Value::Kind::kMap, YamlLine(root), "", {}, {}};
  for (const auto& kv : root) {
    if (!kv.first.IsScalar()) continue;
    const std::string key = NormaliseKey(kv.first.Scalar());
    auto rank = std::find(std::begin(kListKeys), std::end(kListKeys), key) - std::begin(kListKeys);
    if (kv.second.IsSequence() && static_cast<std::size_t>(rank) < list_rank) {
      list = kv.second;
      list_rank = rank;
      continue;
    }
    document.keys.push_back(key);
    document.items.push_back(FromYaml(kv.second, kDocumentLevels, budget));
  }
  return list;
}

// Reads YAML text. Throws YAML::Exception for invalid YAML.
void ReadYaml(const std::string& text, LoadedList& out) {
  std::vector<YAML::Node> docs = LoadYamlStream(text);
  std::vector<YAML::Node> roots;
  for (const YAML::Node& d : docs)
    if (d.IsDefined() && !d.IsNull()) roots.push_back(d);
  Budget budget(4 * text.size() + 65536);
  std::vector<YAML::Node> lists;
  if (roots.size() == 1) {
    if (auto list = YamlList(roots[0], out.document, budget)) lists.push_back(*list);
  } else {
    // A stream of several documents is a talk list when every document is a list.
    for (const YAML::Node& r : roots)
      if (r.IsSequence()) lists.push_back(r);
    if (lists.size() != roots.size()) lists.clear();
  }
  if (lists.empty()) {
    out.error = roots.empty() ? "no talk records found (the document is empty)"
                              : "no talk records found (no list at the top level or under " +
                                    ListKeyNames() + ")";
    return;
  }
  out.source = Source::kYaml;
  RecordCollector c(out);
  std::size_t index = 0;
  for (const YAML::Node& list : lists) {
    for (const YAML::Node& item : list) {
      ++index;
      Value record = FromYaml(item, kRecordLevels, budget);
      if (budget.exhausted()) {
        c.Warn(record.line,
               "the document repeats more text than it holds (YAML aliases); list items from "
               "here on are skipped");
        c.Finish();
        out.claim = c.ListClaim();
        return;
      }
      c.Add(std::move(record), index, YamlLine(item));
    }
  }
  c.Finish();
  out.claim = c.ListClaim();
}

// ---- JSON -------------------------------------------------------------------------------------

Value FromJson(const json& j, int levels) {
  Value v;
  if (j.is_string()) {
    v.kind = Value::Kind::kScalar;
    v.scalar = j.get_ref<const std::string&>();
  } else if (j.is_number() || j.is_boolean()) {
    v.kind = Value::Kind::kScalar;
    v.scalar = DumpJson(j);
  } else if (levels > 1 && j.is_array()) {
    v.kind = Value::Kind::kList;
    for (const json& item : j) v.items.push_back(FromJson(item, levels - 1));
  } else if (levels > 1 && j.is_object()) {
    v.kind = Value::Kind::kMap;
    for (auto it = j.begin(); it != j.end() && v.keys.size() < kMaxFields; ++it) {
      v.keys.push_back(NormaliseKey(it.key()));
      v.items.push_back(FromJson(it.value(), levels - 1));
    }
  }
  return v;
}

void SetLines(Value& v, int line, int levels) {
  if (v.line == 0) v.line = line;
  if (levels <= 1) return;
  for (Value& item : v.items) SetLines(item, line, levels - 1);
}

// Byte offsets where the elements of a JSON array begin: the top-level array when `key` is
// empty, else the array under `key` (as written between the quotes) of the top-level object.
// `text` must be valid JSON. One pass, no allocation beyond the result.
std::vector<std::size_t> ElementOffsets(std::string_view text, std::string_view key) {
  std::vector<std::size_t> out;
  int depth = 0;
  int target = -1;  // depth inside the array looked for
  bool expect = false;
  std::size_t string_begin = 0;
  std::string_view last_string, pending_key;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      if (depth == target && expect) {
        out.push_back(i);
        expect = false;
      }
      string_begin = i + 1;
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') ++i;
      last_string = text.substr(string_begin, std::min(i, text.size()) - string_begin);
      continue;
    }
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    if (depth == target && expect && c != ']') {
      out.push_back(i);
      expect = false;
    }
    switch (c) {
      case '[':
      case '{':
        if (target < 0 && c == '[' &&
            ((depth == 0 && key.empty()) || (depth == 1 && !key.empty() && pending_key == key)))
          target = depth + 1;
        ++depth;
        if (depth == target) expect = true;
        break;
      case ']':
      case '}':
        if (depth == target) return out;
        --depth;
        break;
      case ',':
        if (depth == target) expect = true;
        break;
      case ':':
        if (depth == 1) pending_key = last_string;
        break;
      default:
        break;
    }
  }
  return out;
}

std::string JsonError(const std::string& text) {
  const JsonSyntaxError e = FindJsonSyntaxError(text);
  return e.line == 0 ? "not valid JSON" : "not valid JSON (" + e.detail + ")";
}

void ReadJson(const Document& doc, const json& root, LoadedList& out) {
  const json* list = nullptr;
  std::string list_key;
  if (root.is_array()) {
    list = &root;
  } else if (root.is_object()) {
    std::size_t list_rank = std::size(kListKeys);
    out.document = Value{Value::Kind::kMap, 1, "", {}, {}};
    for (auto it = root.begin(); it != root.end(); ++it) {
      const std::string key = NormaliseKey(it.key());
      auto rank =
          std::find(std::begin(kListKeys), std::end(kListKeys), key) - std::begin(kListKeys);
      if (it->is_array() && static_cast<std::size_t>(rank) < list_rank) {
        list = &*it;
        list_key = it.key();
        list_rank = rank;
        continue;
      }
      out.document.keys.push_back(key);
      out.document.items.push_back(FromJson(it.value(), kDocumentLevels));
    }
    SetLines(out.document, 1, kDocumentLevels + 1);
    // The lines of the fields the reader quotes: where their value is first written.
    for (std::size_t i = 0; i < out.document.keys.size(); ++i) {
      Value& v = out.document.items[i];
      const std::string& key = out.document.keys[i];
      const bool quoted =
          std::find(std::begin(kEventKeys), std::end(kEventKeys), key) != std::end(kEventKeys) ||
          key == "title" || key == "name";
      if (!quoted || !v.is_scalar() || v.scalar.size() > kMaxSearchedTitle) continue;
      const std::size_t at = doc.text.find(DumpJson(json(v.scalar)));
      if (at != std::string::npos)
        v.line = 1 + static_cast<int>(std::count(doc.text.begin(), doc.text.begin() + at, '\n'));
    }
  }
  if (list == nullptr) {
    out.error = "no talk records found (no list at the top level or under " + ListKeyNames() + ")";
    return;
  }
  out.source = Source::kJson;
  std::vector<std::size_t> offsets = ElementOffsets(doc.text, list_key);
  if (offsets.size() != list->size()) offsets.clear();  // a duplicate key; lines unknown
  std::size_t pos = 0;
  int line = 1;
  auto line_at = [&](std::size_t offset) {  // offsets never decrease
    line += static_cast<int>(std::count(doc.text.begin() + pos, doc.text.begin() + offset, '\n'));
    pos = offset;
    return line;
  };
  RecordCollector c(out);
  for (std::size_t i = 0; i < list->size(); ++i) {
    if (!(*list)[i].is_object()) {
      c.AddNonMapping(i + 1, offsets.empty() ? 0 : line_at(offsets[i]));
      continue;
    }
    Value record = FromJson((*list)[i], kRecordLevels);
    int record_line = 0;
    if (!offsets.empty()) {
      std::size_t at = offsets[i];
      const std::size_t end = i + 1 < offsets.size() ? offsets[i + 1] : doc.text.size();
      if (const Value* title = record.Find(kTitleKeys);
          title && title->is_scalar() && title->scalar.size() <= kMaxSearchedTitle) {
        const std::string quoted = DumpJson(json(title->scalar));
        std::size_t found = std::string_view(doc.text).substr(at, end - at).find(quoted);
        if (found != std::string_view::npos) at += found;
      }
      record_line = line_at(at);
    }
    SetLines(record, record_line, kRecordLevels);
    c.Add(std::move(record), i + 1, record_line);
  }
  c.Finish();
  out.claim = c.ListClaim();
}

}  // namespace

const Value* Value::Find(std::span<const std::string_view> names) const {
  std::string_view ignored;
  return Find(names, &ignored);
}

const Value* Value::Find(std::span<const std::string_view> names, std::string_view* key) const {
  if (!is_map()) return nullptr;
  for (std::string_view name : names) {
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] == name) {
        *key = name;
        return &items[i];
      }
    }
  }
  return nullptr;
}

std::string NormaliseKey(std::string_view key) {
  std::string out;
  for (char c : key) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80) {
      out.push_back(c);
    }
  }
  return out;
}

std::string RecordProblem(const Value& record) {
  if (!record.is_map()) return "not a mapping";
  for (std::string_view k : kForeignKeys)
    if (record.Find(std::span(&k, 1)))
      return "not a talk record (it has a '" + std::string(k) + "' field)";
  for (std::string_view k : kTitleKeys) {
    const Value* v = record.Find(std::span(&k, 1));
    if (!v || !v->is_scalar() || Trim(v->scalar).empty()) continue;
    if (k != "name" || record.Find(kTalkSignKeys)) return "";
  }
  return "no title (a title, name, session, talk or topic field)";
}

RecordCollector::RecordCollector(LoadedList& out) : out_(out) {}

namespace {

// True when `a` becomes `b` by one edit: a letter changed, added or dropped, or two neighbouring
// letters swapped ("titel" -> "title").
bool OneEditApart(std::string_view a, std::string_view b) {
  if (a == b) return false;
  if (a.size() == b.size()) {
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    if (a.substr(i + 1) == b.substr(i + 1)) return true;  // one letter changed
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.substr(i + 2) == b.substr(i + 2);  // two letters swapped
  }
  if (a.size() + 1 == b.size()) std::swap(a, b);
  if (a.size() != b.size() + 1) return false;
  std::size_t i = 0;
  while (i < b.size() && a[i] == b[i]) ++i;
  return a.substr(i + 1) == b.substr(i);
}

// A record whose key is a typo of a field the reader knows ("titel", "speakrs"): the key is read
// as that field, and *fixed names it.
void FixTypoKeys(Value& record, std::vector<std::string>* fixed) {
  static constexpr std::string_view kFields[] = {"title",    "speakers",    "speaker", "event",
                                                 "abstract", "description", "date"};
  for (std::string& key : record.keys) {
    if (key.size() < 4) continue;
    bool known = false;
    for (std::string_view f : kFields)
      if (key == f || record.Find(std::span(&f, 1))) known = known || key == f;
    if (known) continue;
    for (std::string_view f : kFields) {
      if (!OneEditApart(key, f) || record.Find(std::span(&f, 1))) continue;
      fixed->push_back("'" + key + "' read as '" + std::string(f) + "'");
      key = std::string(f);
      break;
    }
  }
}

}  // namespace

void RecordCollector::Add(Value record, std::size_t index, int line) {
  ++items_;
  if (!record.is_map()) {
    Skip(index, line, "not a mapping");
    return;
  }
  ++maps_;
  std::vector<std::string> fixed;
  FixTypoKeys(record, &fixed);
  for (const std::string& f : fixed) Warn(line, "item " + std::to_string(index + 1) + ": " + f);
  std::string problem = RecordProblem(record);
  if (problem.empty()) {
    out_.records.push_back(std::move(record));
    return;
  }
  Skip(index, line, problem);
}

void RecordCollector::AddNonMapping(std::size_t index, int line) {
  ++items_;
  Skip(index, line, "not a mapping");
}

void RecordCollector::Warn(int line, std::string message) {
  if (kept_ < kMaxRecordWarnings) {
    out_.warnings.emplace_back(line, std::move(message));
    ++kept_;
  } else {
    ++dropped_;
  }
}

void RecordCollector::Skip(std::size_t index, int line, std::string_view problem) {
  if (kept_ < kMaxRecordWarnings)
    Warn(line, "list item " + std::to_string(index) + ": " + std::string(problem) + "; skipped");
  else
    ++dropped_;
}

void RecordCollector::Finish() {
  if (dropped_ > 0)
    out_.warnings.emplace_back(
        0, std::to_string(dropped_) + " more list items were skipped (warnings not shown)");
  if (out_.records.empty())
    out_.error = items_ == 0 ? "no talk records found (the list is empty)"
                             : "no talk records found (no list item is a mapping with a title, "
                               "name, session, talk or topic field)";
}

int RecordCollector::ListClaim() const {
  const std::size_t records = out_.records.size();
  if (records == 0) return 0;
  return records * 2 >= maps_ && maps_ * 2 > items_ ? 80 : 0;
}

LoadedList LoadTalkList(const Document& doc) {
  LoadedList out;
  const std::size_t first = doc.text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) {
    out.error = "no talk records found (the document is empty)";
    return out;
  }
  if (doc.text[first] == '[' || doc.text[first] == '{') {
    const json root = json::parse(doc.text, nullptr, /*allow_exceptions=*/false);
    if (ScheduleExport e = DetectScheduleExport(doc.text, root); e != ScheduleExport::kNone) {
      out.error =
          std::string(ScheduleExportName(e)) + ", not a talk list (leave out --format to read it)";
      return out;
    }
    if (!root.is_discarded()) {
      ReadJson(doc, root, out);
      return out;
    }
    try {  // flow-style YAML is not JSON
      ReadYaml(doc.text, out);
    } catch (const std::exception&) {
      out = LoadedList();
      out.error = JsonError(doc.text);
    }
    return out;
  }
  if (ScheduleExport e = DetectScheduleExport(doc.text, json(json::value_t::discarded));
      e != ScheduleExport::kNone) {
    out.error =
        std::string(ScheduleExportName(e)) + ", not a talk list (leave out --format to read it)";
    return out;
  }
  if (IsMarkdownWithFrontMatter(doc)) {
    out.error = "Markdown with front matter (a '---' block followed by text), not a talk list";
    return out;
  }
  if (IsLandscapeFile(doc)) {
    out.error = "the CNCF landscape file, not a talk list";
    return out;
  }
  const LineShapes stats = ScanLineShapes(doc);
  if (stats.title_keys == 0 || stats.structured <= stats.other) {
    out.error =
        "no talk records found (a talk list is YAML or JSON: a list of records with a title, "
        "name, session, talk or topic field)";
    return out;
  }
  int error_line = 0;
  std::string error;
  try {
    ReadYaml(doc.text, out);
    return out;
  } catch (const YAML::Exception& e) {
    error_line = e.mark.line >= 0 ? e.mark.line + 1 : 0;
    error = e.msg;
  } catch (const std::exception& e) {
    error = e.what();
  }
  out = LoadedList();
  ReadKeyValueLines(doc, out);
  out.warnings.insert(out.warnings.begin(),
                      {error_line, "not valid YAML (" + error + "); read as key: value records"});
  return out;
}

}  // namespace cnkg::talk_list
