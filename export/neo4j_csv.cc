#include "export/neo4j_csv.h"

#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <variant>

#include "common/strings.h"
#include "export/cypher.h"

namespace cnkg {
namespace {

std::string_view Neo4jType(const PropertyColumn& c) {
  switch (c.temporal) {
    case Temporal::kDateTime:
      return "datetime";
    case Temporal::kLocalDateTime:
      return "localdatetime";
    case Temporal::kNone:
      break;
  }
  switch (c.type) {
    case ColumnType::kInt64:
      return "long";
    case ColumnType::kDouble:
      return "double";
    case ColumnType::kBoolean:
      return "boolean";
    case ColumnType::kStringList:
      return "string[]";
    case ColumnType::kString:
      break;
  }
  return "string";
}

class Writer {
 public:
  explicit Writer(std::string delimiter) : delimiter_(std::move(delimiter)) {}

  std::string List(const std::vector<std::string>& list) const {
    if (list.empty() || (list.size() == 1 && list[0].empty())) return "";
    std::string joined;
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i) joined += delimiter_;
      joined += list[i];
    }
    return CsvQuote(joined);
  }

  // The fields of `props` in `columns`, each preceded by a comma.
  std::string Properties(const Properties& props,
                         const std::vector<PropertyColumn>& columns) const {
    std::string out;
    for (const PropertyColumn& c : columns) {
      out += ',';
      auto it = props.find(c.property);
      if (it == props.end()) continue;
      switch (c.type) {
        case ColumnType::kString:
          out += CsvQuote(ColumnText(it->second, c.type));
          break;
        case ColumnType::kStringList:
          out += List(std::get<std::vector<std::string>>(it->second));
          break;
        default:
          out += ColumnText(it->second, c.type);
      }
    }
    return out;
  }

 private:
  std::string delimiter_;
};

std::string Header(const std::vector<PropertyColumn>& columns) {
  std::string out;
  for (const PropertyColumn& c : columns) {
    out += ',';
    out += c.column;
    out += ':';
    out += Neo4jType(c);
  }
  return out;
}

}  // namespace

std::string CsvQuote(std::string_view text) {
  const std::string safe = SafeUtf8(text);
  std::string out;
  out.reserve(safe.size() + 2);
  out += '"';
  for (char c : safe) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

Result<std::vector<ExportFile>> ToNeo4jCsv(const KnowledgeGraph& kg) {
  const auto& g = kg.graph();
  const GraphTables tables = DescribeTables(kg);
  std::optional<char32_t> delimiter =
      UnusedCharacter({U';', U'|', 0x1F, 0x1E}, AllListElements(kg));
  if (!delimiter) {
    return Status::InvalidArgument(
        "cannot write neo4j-csv: every candidate array delimiter occurs in a list value");
  }
  const Writer w(Utf8Encode(*delimiter));

  std::map<Label, std::string> node_files;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const Node& n = g[v];
    const auto& columns = tables.node_columns.at(n.label);
    std::string& f = node_files[n.label];
    if (f.empty()) {
      f = "id:ID,:LABEL,name:string,aliases:string[],documents:string[],evidence:string,"
          "evidence_count:long" +
          Header(columns) + "\n";
    }
    f += CsvQuote(n.key);
    f += ',';
    f += CsvQuote(LabelName(n.label));
    f += ',';
    f += CsvQuote(n.name);
    f += ',';
    f += w.List(n.aliases);
    f += ',';
    f += w.List(DocumentsOf(n.evidence));
    f += ',';
    f += CsvQuote(EvidenceJson(n.evidence));
    f += ',';
    f += std::to_string(n.evidence.size());
    f += w.Properties(n.properties, columns);
    f += '\n';
  }

  std::map<RelType, std::string> edge_files;
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const Edge& ed = g[e];
    const auto& columns = tables.edge_columns.at(ed.type);
    std::string& f = edge_files[ed.type];
    if (f.empty()) {
      f = ":START_ID,:END_ID,:TYPE,documents:string[],evidence:string,evidence_count:long" +
          Header(columns) + "\n";
    }
    f += CsvQuote(g[boost::source(e, g)].key);
    f += ',';
    f += CsvQuote(g[boost::target(e, g)].key);
    f += ',';
    f += CsvQuote(RelTypeName(ed.type));
    f += ',';
    f += w.List(DocumentsOf(ed.evidence));
    f += ',';
    f += CsvQuote(EvidenceJson(ed.evidence));
    f += ',';
    f += std::to_string(ed.evidence.size());
    f += w.Properties(ed.properties, columns);
    f += '\n';
  }

  std::vector<ExportFile> files;
  char hex[16];
  std::snprintf(hex, sizeof(hex), "U+%04X", static_cast<unsigned>(*delimiter));
  std::string script =
      "#!/bin/sh\n"
      "# Imports this cnkg graph (" +
      std::to_string(kg.num_nodes()) + " nodes, " + std::to_string(kg.num_edges()) +
      " relationships) into a new Neo4j 5 database.\n"
      "#   sh import.sh [neo4j-admin options...]\n"
      "# Runs neo4j-admin (from PATH, or $NEO4J_ADMIN) in this directory, so that no ',' or '='\n"
      "# in the path can split the file names. The database is $CNKG_NEO4J_DATABASE (default:\n"
      "# neo4j); it must not exist yet, or be stopped and --overwrite-destination=true given.\n"
      "# Then create the uniqueness constraints, e.g. with the \"constraints\" section of the\n"
      "# cypher export.\n"
      "set -eu\n"
      "admin=${NEO4J_ADMIN:-neo4j-admin}\n"
      "case $admin in\n"
      "  /*) ;;\n"
      "  */*) admin=\"$(pwd)/$admin\" ;;\n"
      "esac\n"
      "cd \"$(dirname \"$0\")\"\n"
      "exec \"$admin\" database import full \\\n"
      "  --delimiter=, --quote='\"' --array-delimiter=" +
      std::string(hex) +
      " --multiline-fields=true \\\n"
      "  --legacy-style-quoting=false --trim-strings=false --ignore-empty-strings=false \\\n"
      "  --id-type=string \\\n";
  for (const auto& [label, contents] : node_files) {
    const std::string name = std::string(LabelName(label)) + ".csv";
    files.push_back({name, contents});
    script += "  --nodes=" + name + " \\\n";
  }
  for (const auto& [type, contents] : edge_files) {
    const std::string name = std::string(RelTypeName(type)) + ".csv";
    files.push_back({name, contents});
    script += "  --relationships=" + name + " \\\n";
  }
  script += "  \"$@\" \"${CNKG_NEO4J_DATABASE:-neo4j}\"\n";
  files.push_back({"import.sh", script, /*executable=*/true});
  return files;
}

std::vector<std::string> AllListElements(const KnowledgeGraph& kg) {
  const auto& g = kg.graph();
  std::set<std::string> out;
  auto add_props = [&out](const Properties& props) {
    for (const auto& [name, value] : props) {
      if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
        for (const std::string& e : *list) out.insert(SafeUtf8(e));
      }
    }
  };
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    for (const std::string& a : g[v].aliases) out.insert(SafeUtf8(a));
    for (const std::string& d : DocumentsOf(g[v].evidence)) out.insert(SafeUtf8(d));
    add_props(g[v].properties);
  }
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    for (const std::string& d : DocumentsOf(g[e].evidence)) out.insert(SafeUtf8(d));
    add_props(g[e].properties);
  }
  return {out.begin(), out.end()};
}

}  // namespace cnkg
