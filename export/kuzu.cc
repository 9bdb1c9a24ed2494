#include "export/kuzu.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <variant>

#include "common/strings.h"
#include "export/cypher.h"
#include "export/neo4j_csv.h"

namespace cnkg {
namespace {

constexpr std::string_view kElementMark = "\x1E";  // U+001E, before every list element

std::string_view KuzuType(ColumnType t) {
  switch (t) {
    case ColumnType::kInt64:
      return "INT64";
    case ColumnType::kDouble:
      return "DOUBLE";
    case ColumnType::kBoolean:
      return "BOOLEAN";
    case ColumnType::kStringList:
      return "STRING[]";
    case ColumnType::kString:
      break;
  }
  return "STRING";
}

// A column of one CSV file as the load statement sees it.
struct FileColumn {
  std::string name;
  ColumnType type;
};

// Builds the CSV files; tracks which null markers ("\N", "\NN", ...) occur as values.
class CsvBuilder {
 public:
  explicit CsvBuilder(std::string separator) : separator_(std::move(separator)) {}

  // Fields are appended with a leading comma except the first of a row.
  void String(std::string& row, std::string_view text) {
    Sep(row);
    const std::string safe = SafeUtf8(text);
    NoteValue(safe);
    row += CsvQuote(safe);
  }
  void Null(std::string& row, ColumnType type) {
    Sep(row);
    if (type == ColumnType::kString || type == ColumnType::kStringList) {
      row += kNullPlaceholder;  // replaced by the chosen marker in Finish()
    }
  }
  void Plain(std::string& row, std::string_view text) {
    Sep(row);
    row += text;
  }
  void List(std::string& row, const std::vector<std::string>& list) {
    std::string encoded;
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i) encoded += separator_;
      encoded += kElementMark;
      encoded += SafeUtf8(list[i]);
    }
    String(row, encoded);
  }
  void Value(std::string& row, const PropertyValue& value, ColumnType type) {
    switch (type) {
      case ColumnType::kString:
        String(row, ColumnText(value, type));
        break;
      case ColumnType::kStringList:
        List(row, std::get<std::vector<std::string>>(value));
        break;
      default:
        Plain(row, ColumnText(value, type));
    }
  }
  void EndRow(std::string& row) {
    row += '\n';
    first_ = true;
  }

  // The null marker: "\N" followed by the fewest 'N's that make it differ from every value.
  std::string NullMarker() const {
    std::size_t extra = 0;
    while (marker_values_.count(extra)) ++extra;
    return "\\N" + std::string(extra, 'N');
  }

  // Replaces the placeholders in a finished file by the quoted null marker.
  std::string Finish(const std::string& file) const {
    const std::string marker = CsvQuote(NullMarker());
    std::string out;
    out.reserve(file.size());
    for (char c : file) {
      if (c == kNullPlaceholder) {
        out += marker;
      } else {
        out += c;
      }
    }
    return out;
  }

  const std::string& separator() const { return separator_; }

 private:
  // A byte that never appears in UTF-8 text; the placeholder of a null marker until Finish().
  static constexpr char kNullPlaceholder = '\xFF';

  void Sep(std::string& row) {
    if (!first_) row += ',';
    first_ = false;
  }
  void NoteValue(std::string_view v) {
    if (v.size() < 2 || v.substr(0, 2) != "\\N") return;
    for (char c : v.substr(2)) {
      if (c != 'N') return;
    }
    marker_values_.insert(v.size() - 2);
  }

  std::string separator_;
  bool first_ = true;
  std::set<std::size_t> marker_values_;  // k for every value "\N" + k 'N's
};

// CREATE ... TABLE column list entry, e.g. "`name` STRING".
std::string ColumnDef(std::string_view name, std::string_view type) {
  return CypherIdentifier(name) + " " + std::string(type);
}

// The list a non-null, non-empty encoded list string `text` (a Cypher expression) stands for.
// Every element starts with kElementMark. Kuzu's string_split drops empty parts, so the mark keeps
// empty elements; list_transform then removes it from each. Kuzu 0.11.3 crashes on that
// list_transform in COPY once a table holds a few thousand rows, so when no list holds an empty
// string (the usual case) the marks are split off instead: drop the first, split at separator +
// mark.
std::string SplitList(const std::string& text, const std::string& separator, bool empty_elements) {
  if (empty_elements) {
    return "list_transform(string_split(" + text + ", " + CypherString(separator) +
           "), _e -> substring(_e, 2, size(_e)))";
  }
  return "string_split(substring(" + text + ", 2, size(" + text + ")), " +
         CypherString(separator + std::string(kElementMark)) + ")";
}

// The COPY statement loading `file` into `table` straight from the CSV file (load.cypher).
std::string CopyStatement(std::string_view table, std::string_view file,
                          const std::vector<FileColumn>& columns, const std::string& null_marker,
                          const std::string& separator, bool empty_elements,
                          std::string_view copy_options) {
  std::string load_columns, returns;
  for (const FileColumn& c : columns) {
    if (!load_columns.empty()) {
      load_columns += ", ";
      returns += ", ";
    }
    const std::string id = CypherIdentifier(c.name);
    const bool list = c.type == ColumnType::kStringList;
    load_columns += id + " " + std::string(list ? "STRING" : KuzuType(c.type));
    if (list) {
      // null_strings makes the marker null; an empty field stays an empty string.
      returns += "CASE WHEN " + id + " IS NULL THEN NULL WHEN " + id +
                 " = '' THEN CAST([] AS STRING[]) ELSE " +
                 SplitList(id, separator, empty_elements) + " END";
    } else {
      returns += id;
    }
  }
  std::string out = "COPY " + CypherIdentifier(table) + " FROM (LOAD WITH HEADERS (" +
                    load_columns + ") FROM " + CypherString(file) +
                    " (header=true, delim=',', quote='\"', escape='\"', parallel=false, "
                    "auto_detect=false, null_strings=[" +
                    CypherString(null_marker) + "]) RETURN " + returns + ")";
  if (!copy_options.empty()) out += " " + std::string(copy_options);
  return out + ";\n";
}

// The staging table IMPORT DATABASE loads `file` into: the CSV columns as they are in the file
// (lists as STRING) after a SERIAL key column whose name is none of theirs.
std::string StagingTableName(std::string_view file) {
  return "_cnkg_import_" + std::string(file.substr(0, file.size() - 4));  // without ".csv"
}

std::string StagingTable(std::string_view file, const std::vector<FileColumn>& columns) {
  std::string key = "_row";
  while (std::any_of(columns.begin(), columns.end(),
                     [&](const FileColumn& c) { return c.name == key; })) {
    key += '_';
  }
  std::string defs = CypherIdentifier(key) + " SERIAL PRIMARY KEY";
  for (const FileColumn& c : columns) {
    defs +=
        ", " + ColumnDef(c.name, c.type == ColumnType::kStringList ? "STRING" : KuzuType(c.type));
  }
  return "CREATE NODE TABLE " + CypherIdentifier(StagingTableName(file)) + "(" + defs + ");\n";
}

// The copy.cypher statement: a plain COPY FROM the file, the only form IMPORT DATABASE accepts
// there. It keeps only the header and parallel options (Kuzu rewrites the others), so the CSV is
// read with Kuzu's defaults, where an empty field, quoted or not, is null.
std::string StagingCopy(std::string_view file) {
  return "COPY " + CypherIdentifier(StagingTableName(file)) + " FROM " + CypherString(file) +
         " (header=true, parallel=false);\n";
}

// The index.cypher statement moving the staged rows of `file` into `table`. In the staging table
// a null is an empty string or list of the CSV, and the null marker a null.
std::string MoveStatement(std::string_view table, std::string_view file,
                          const std::vector<FileColumn>& columns, const std::string& null_marker,
                          const std::string& separator, bool empty_elements,
                          std::string_view copy_options) {
  const std::string marker = CypherString(null_marker);
  std::string returns;
  for (const FileColumn& c : columns) {
    if (!returns.empty()) returns += ", ";
    const std::string id = "s." + CypherIdentifier(c.name);
    if (c.type == ColumnType::kStringList) {
      returns += "CASE WHEN " + id + " IS NULL THEN CAST([] AS STRING[]) WHEN " + id + " = " +
                 marker + " THEN NULL ELSE " + SplitList(id, separator, empty_elements) + " END";
    } else if (c.type == ColumnType::kString) {
      returns += "CASE WHEN " + id + " IS NULL THEN '' WHEN " + id + " = " + marker +
                 " THEN NULL ELSE " + id + " END";
    } else {
      returns += id;
    }
  }
  std::string out = "COPY " + CypherIdentifier(table) +
                    " FROM (MATCH (s:" + CypherIdentifier(StagingTableName(file)) + ") RETURN " +
                    returns + ")";
  if (!copy_options.empty()) out += " " + std::string(copy_options);
  return out + ";\n";
}

std::string HeaderLine(const std::vector<FileColumn>& columns) {
  std::string out;
  for (const FileColumn& c : columns) {
    if (!out.empty()) out += ',';
    out += c.name;
  }
  return out + "\n";
}

}  // namespace

const std::vector<std::pair<Label, Label>>& KuzuEndpoints(RelType type) {
  static const std::map<RelType, std::vector<std::pair<Label, Label>>> table = {
      {RelType::kPresents, {{Label::kPerson, Label::kTalk}}},
      {RelType::kAffiliatedWith, {{Label::kPerson, Label::kOrganization}}},
      {RelType::kMentions, {{Label::kTalk, Label::kProject}, {Label::kDocument, Label::kProject}}},
      {RelType::kHeldIn, {{Label::kTalk, Label::kRoom}}},
      {RelType::kInTrack, {{Label::kTalk, Label::kTrack}}},
      {RelType::kPartOf, {{Label::kTalk, Label::kEvent}}},
      {RelType::kFrom, {{Label::kTalk, Label::kDocument}}},
      {RelType::kInCategory,
       {{Label::kProject, Label::kCategory},
        {Label::kOrganization, Label::kCategory},
        {Label::kCategory, Label::kCategory}}},
      {RelType::kBackedBy, {{Label::kProject, Label::kOrganization}}},
  };
  return table.at(type);
}

Result<std::vector<ExportFile>> ToKuzu(const KnowledgeGraph& kg) {
  const auto& g = kg.graph();
  const GraphTables tables = DescribeTables(kg);
  const std::vector<std::string> elements = AllListElements(kg);
  const bool empty_elements =
      std::find(elements.begin(), elements.end(), std::string()) != elements.end();
  std::optional<char32_t> separator = UnusedCharacter({0x1F, U'|', 0x1D, 0x1C}, elements);
  if (!separator) {
    return Status::InvalidArgument(
        "cannot write kuzu: every candidate list separator occurs in a list value");
  }
  CsvBuilder csv(Utf8Encode(*separator));

  // Columns of every table, as in the CSV files.
  std::map<Label, std::vector<FileColumn>> node_file_columns;
  for (Label l : kAllLabels) {
    auto& cols = node_file_columns[l];
    cols = {{"id", ColumnType::kString},          {"name", ColumnType::kString},
            {"aliases", ColumnType::kStringList}, {"documents", ColumnType::kStringList},
            {"evidence", ColumnType::kString},    {"evidence_count", ColumnType::kInt64}};
    for (const PropertyColumn& c : tables.node_columns.at(l)) cols.push_back({c.column, c.type});
  }
  std::map<RelType, std::vector<FileColumn>> edge_file_columns;
  for (RelType t : kAllRelTypes) {
    auto& cols = edge_file_columns[t];
    cols = {{"from", ColumnType::kString},
            {"to", ColumnType::kString},
            {"documents", ColumnType::kStringList},
            {"evidence", ColumnType::kString},
            {"evidence_count", ColumnType::kInt64}};
    for (const PropertyColumn& c : tables.edge_columns.at(t)) cols.push_back({c.column, c.type});
  }

  std::map<Label, std::string> node_files;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const Node& n = g[v];
    std::string& f = node_files[n.label];
    if (f.empty()) f = HeaderLine(node_file_columns.at(n.label));
    csv.String(f, n.key);
    csv.String(f, n.name);
    csv.List(f, n.aliases);
    csv.List(f, DocumentsOf(n.evidence));
    csv.String(f, EvidenceJson(n.evidence));
    csv.Plain(f, std::to_string(n.evidence.size()));
    for (const PropertyColumn& c : tables.node_columns.at(n.label)) {
      auto it = n.properties.find(c.property);
      if (it == n.properties.end()) {
        csv.Null(f, c.type);
      } else {
        csv.Value(f, it->second, c.type);
      }
    }
    csv.EndRow(f);
  }

  std::map<std::tuple<RelType, Label, Label>, std::string> edge_files;
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const Edge& ed = g[e];
    const Node& a = g[boost::source(e, g)];
    const Node& b = g[boost::target(e, g)];
    std::string& f = edge_files[{ed.type, a.label, b.label}];
    if (f.empty()) f = HeaderLine(edge_file_columns.at(ed.type));
    csv.String(f, a.key);
    csv.String(f, b.key);
    csv.List(f, DocumentsOf(ed.evidence));
    csv.String(f, EvidenceJson(ed.evidence));
    csv.Plain(f, std::to_string(ed.evidence.size()));
    for (const PropertyColumn& c : tables.edge_columns.at(ed.type)) {
      auto it = ed.properties.find(c.property);
      if (it == ed.properties.end()) {
        csv.Null(f, c.type);
      } else {
        csv.Value(f, it->second, c.type);
      }
    }
    csv.EndRow(f);
  }

  // One COPY per CSV file: the table, the file and its columns, and the COPY options.
  struct Load {
    std::string table, file;
    const std::vector<FileColumn>* columns;
    std::string options;
  };
  std::vector<Load> loads;
  std::vector<ExportFile> csv_files;
  for (const auto& [label, contents] : node_files) {
    const std::string name = std::string(LabelName(label)) + ".csv";
    loads.push_back({std::string(LabelName(label)), name, &node_file_columns.at(label), ""});
    csv_files.push_back({name, csv.Finish(contents)});
  }
  for (const auto& [key, contents] : edge_files) {
    const auto& [type, from, to] = key;
    const std::string name = std::string(RelTypeName(type)) + "_" + std::string(LabelName(from)) +
                             "_" + std::string(LabelName(to)) + ".csv";
    loads.push_back(
        {std::string(RelTypeName(type)), name, &edge_file_columns.at(type),
         "(from=" + CypherString(LabelName(from)) + ", to=" + CypherString(LabelName(to)) + ")"});
    csv_files.push_back({name, csv.Finish(contents)});
  }

  const std::string counts = std::to_string(kg.num_nodes()) + " nodes, " +
                             std::to_string(kg.num_edges()) + " relationships";
  std::string schema = "// cnkg graph schema for Kuzu 0.11 (" + counts +
                       "). IMPORT DATABASE of this directory runs it, copy.cypher and "
                       "index.cypher;\n// or run every statement of this file, then of "
                       "load.cypher inside this directory.\n";
  for (Label l : kAllLabels) {
    std::string defs;
    for (const FileColumn& c : node_file_columns.at(l)) {
      if (!defs.empty()) defs += ", ";
      defs += ColumnDef(c.name, KuzuType(c.type));
      if (c.name == "id") defs += " PRIMARY KEY";
    }
    schema += "CREATE NODE TABLE " + CypherIdentifier(LabelName(l)) + "(" + defs + ");\n";
  }
  for (RelType t : kAllRelTypes) {
    std::vector<std::pair<Label, Label>> pairs = KuzuEndpoints(t);
    auto seen = tables.endpoints.find(t);
    if (seen != tables.endpoints.end()) {
      for (const auto& p : seen->second) {
        if (std::find(pairs.begin(), pairs.end(), p) == pairs.end()) pairs.push_back(p);
      }
    }
    std::string defs;
    for (const auto& [from, to] : pairs) {
      if (!defs.empty()) defs += ", ";
      defs +=
          "FROM " + CypherIdentifier(LabelName(from)) + " TO " + CypherIdentifier(LabelName(to));
    }
    for (const FileColumn& c : edge_file_columns.at(t)) {
      if (c.name == "from" || c.name == "to") continue;
      defs += ", " + ColumnDef(c.name, KuzuType(c.type));
    }
    schema += "CREATE REL TABLE " + CypherIdentifier(RelTypeName(t)) + "(" + defs + ");\n";
  }

  const std::string marker = csv.NullMarker();
  std::string load = "// Loads the cnkg graph (" + counts +
                     ") into the tables of schema.cypher.\n"
                     "// Run it with the directory holding these files as the working directory.\n";
  // Kuzu's parser rejects a copy.cypher or index.cypher of comments only: they stay empty when
  // there is nothing to load.
  std::string copy, move, drop;
  if (!loads.empty()) {
    schema +=
        "// Staging tables of IMPORT DATABASE, one per CSV file: copy.cypher fills them, "
        "index.cypher\n// moves their rows into the tables above and drops them, and so does "
        "load.cypher.\n";
    copy =
        "// IMPORT DATABASE runs these after schema.cypher, each file path taken relative to "
        "the\n// directory; the rows wait in staging tables for index.cypher.\n";
    move = "// IMPORT DATABASE runs these last: they load the tables of the graph (" + counts +
           ")\n// from the staging tables, which they then drop.\n";
    load += "// Then drops the staging tables of IMPORT DATABASE, which schema.cypher creates.\n";
  }
  for (const Load& l : loads) {
    schema += StagingTable(l.file, *l.columns);
    copy += StagingCopy(l.file);
    move += MoveStatement(l.table, l.file, *l.columns, marker, csv.separator(), empty_elements,
                          l.options);
    load += CopyStatement(l.table, l.file, *l.columns, marker, csv.separator(), empty_elements,
                          l.options);
    drop += "DROP TABLE " + CypherIdentifier(StagingTableName(l.file)) + ";\n";
  }
  std::vector<ExportFile> files;
  files.push_back({"schema.cypher", schema});
  files.push_back({"load.cypher", load + drop});
  files.push_back({"copy.cypher", copy});
  files.push_back({"index.cypher", move + drop});
  for (auto& f : csv_files) files.push_back(std::move(f));
  return files;
}

}  // namespace cnkg
