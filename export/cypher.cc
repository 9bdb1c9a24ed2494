#include "export/cypher.h"

#include <re2/re2.h>

#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <system_error>
#include <type_traits>
#include <variant>

#include "common/strings.h"

namespace cnkg {
namespace {


bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// The kind of ISO 8601 date-time `text` is (kNone when it is not one, or names a day, hour or
// offset that does not exist).
Temporal TemporalKindOf(std::string_view text) {
  static const RE2 kDateTime(R"((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)"
                             R"((Z|[+-](\d{2}):(\d{2}))?)");
  assert(kDateTime.ok());
  int year = 0, month = 0, day = 0, hour = 0, minute = 0;
  std::string second, zone, zone_hours, zone_minutes;
  if (!RE2::FullMatch(text, kDateTime, &year, &month, &day, &hour, &minute, &second, &zone,
                      &zone_hours, &zone_minutes)) {
    return Temporal::kNone;
  }
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return Temporal::kNone;
  int days = kDays[month - 1] + (month == 2 && IsLeapYear(year) ? 1 : 0);
  if (day < 1 || day > days || hour > 23 || minute > 59) return Temporal::kNone;
  if (!second.empty() && std::stoi(second) > 59) return Temporal::kNone;
  if (!zone_hours.empty() && (std::stoi(zone_hours) > 18 || std::stoi(zone_minutes) > 59)) {
    return Temporal::kNone;
  }
  return zone.empty() ? Temporal::kLocalDateTime : Temporal::kDateTime;
}

// The export name of a property (see DescribeTables), given the names already taken, folded to
// lower case.
std::string ColumnNameFor(std::string_view property, std::set<std::string>* taken) {
  std::string name;
  for (char c : property) {
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    name += ok ? c : '_';
  }
  if (name.empty() || !((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= 'A' && name[0] <= 'Z'))) {
    name = "property_" + name;
  }
  while (taken->count(AsciiLower(name))) name = "property_" + name;
  taken->insert(AsciiLower(name));
  return name;
}

template <typename Names>
std::vector<PropertyColumn> MakeColumns(const std::map<std::string, std::set<ColumnType>>& seen,
                                        const std::map<std::string, std::set<Temporal>>& times,
                                        const Names& fixed) {
  std::set<std::string> taken;
  for (std::string_view f : fixed) taken.insert(std::string(f));
  std::vector<PropertyColumn> out;
  for (const auto& [property, types] : seen) {
    PropertyColumn c;
    c.property = property;
    c.column = ColumnNameFor(property, &taken);
    c.type = WidenColumnTypes(types);
    if (c.type == ColumnType::kString && types.size() == 1) {
      const std::set<Temporal>& kinds = times.at(property);
      if (kinds.size() == 1) c.temporal = *kinds.begin();
    }
    out.push_back(std::move(c));
  }
  return out;
}

// Records the type (and, for strings, the temporal kind) of every property in `props`.
void Observe(const Properties& props, std::map<std::string, std::set<ColumnType>>* seen,
             std::map<std::string, std::set<Temporal>>* times) {
  for (const auto& [name, value] : props) {
    (*seen)[name].insert(ColumnTypeOf(value));
    if (const auto* s = std::get_if<std::string>(&value)) {
      (*times)[name].insert(TemporalKindOf(*s));
    } else {
      (*times)[name].insert(Temporal::kNone);
    }
  }
}

// A Cypher number literal for `d` (see ToCypher).
std::string CypherDouble(double d) {
  if (std::isnan(d)) return "0.0/0.0";
  if (std::isinf(d)) return d > 0 ? "1.0/0.0" : "-1.0/0.0";
  std::string s = FormatDouble(d);
  std::size_t e = s.find('e');
  if (e != std::string::npos) {
    if (e + 1 < s.size() && s[e + 1] == '+') s.erase(e + 1, 1);  // Cypher has no "e+"
    return s;
  }
  if (s.find('.') == std::string::npos) s += ".0";
  return s;
}

std::string CypherInt(std::int64_t i) {
  // The smallest int64 has no literal (its negation overflows), so it is written as a sum.
  if (i == std::numeric_limits<std::int64_t>::min()) return "(-9223372036854775807 - 1)";
  return std::to_string(i);
}

std::string CypherList(const std::vector<std::string>& list) {
  std::string out = "[";
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i) out += ", ";
    out += CypherString(list[i]);
  }
  return out + "]";
}

// The Cypher literal of `value` in a column of type `type`.
std::string CypherValue(const PropertyValue& value, ColumnType type) {
  switch (type) {
    case ColumnType::kInt64:
      return CypherInt(std::get<std::int64_t>(value));
    case ColumnType::kDouble:
      if (const auto* i = std::get_if<std::int64_t>(&value)) {
        return CypherDouble(static_cast<double>(*i));
      }
      return CypherDouble(std::get<double>(value));
    case ColumnType::kBoolean:
      return std::get<bool>(value) ? "true" : "false";
    case ColumnType::kStringList:
      return CypherList(std::get<std::vector<std::string>>(value));
    case ColumnType::kString:
      break;
  }
  return CypherString(ColumnText(value, ColumnType::kString));
}

// ", x.`column` = value" for every property of `props` that has a column.
void AppendSets(std::string& out, std::string_view var, const Properties& props,
                const std::vector<PropertyColumn>& columns) {
  for (const PropertyColumn& c : columns) {
    auto it = props.find(c.property);
    if (it == props.end()) continue;
    out += ", ";
    out += var;
    out += '.';
    out += CypherIdentifier(c.column);
    out += " = ";
    out += CypherValue(it->second, c.type);
  }
}

}  // namespace

ColumnType ColumnTypeOf(const PropertyValue& v) {
  return std::visit(
      [](const auto& x) -> ColumnType {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::int64_t>) {
          return ColumnType::kInt64;
        } else if constexpr (std::is_same_v<T, double>) {
          return ColumnType::kDouble;
        } else if constexpr (std::is_same_v<T, bool>) {
          return ColumnType::kBoolean;
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          return ColumnType::kStringList;
        } else {
          return ColumnType::kString;
        }
      },
      v);
}

ColumnType WidenColumnTypes(const std::set<ColumnType>& types) {
  if (types.size() == 1) return *types.begin();
  for (ColumnType t : types) {
    if (t != ColumnType::kInt64 && t != ColumnType::kDouble) return ColumnType::kString;
  }
  return ColumnType::kDouble;
}

std::string FormatDouble(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), d);  // shortest round-trip form
  if (ec != std::errc()) return "NaN";                        // cannot happen with 64 bytes
  return std::string(buf, end);
}

GraphTables DescribeTables(const KnowledgeGraph& kg) {
  const auto& g = kg.graph();
  std::map<Label, std::map<std::string, std::set<ColumnType>>> node_seen;
  std::map<Label, std::map<std::string, std::set<Temporal>>> node_times;
  std::map<RelType, std::map<std::string, std::set<ColumnType>>> edge_seen;
  std::map<RelType, std::map<std::string, std::set<Temporal>>> edge_times;
  GraphTables out;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    Observe(g[v].properties, &node_seen[g[v].label], &node_times[g[v].label]);
  }
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const Edge& ed = g[e];
    Observe(ed.properties, &edge_seen[ed.type], &edge_times[ed.type]);
    out.endpoints[ed.type].emplace(g[boost::source(e, g)].label, g[boost::target(e, g)].label);
  }
  for (Label l : kAllLabels) {
    out.node_columns[l] = MakeColumns(node_seen[l], node_times[l], kNodeFixedColumns);
  }
  for (RelType t : kAllRelTypes) {
    out.edge_columns[t] = MakeColumns(edge_seen[t], edge_times[t], kEdgeFixedColumns);
  }
  return out;
}

std::string ColumnText(const PropertyValue& value, ColumnType type) {
  return std::visit(
      [type](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::int64_t>) {
          return type == ColumnType::kDouble ? FormatDouble(static_cast<double>(x))
                                             : std::to_string(x);
        } else if constexpr (std::is_same_v<T, double>) {
          return FormatDouble(x);
        } else if constexpr (std::is_same_v<T, bool>) {
          return x ? "true" : "false";
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          return DumpJson(nlohmann::json(x));
        } else {
          return x;
        }
      },
      value);
}

std::vector<std::string> DocumentsOf(const std::vector<Evidence>& evidence) {
  std::vector<std::string> out;
  std::set<std::string_view> seen;
  for (const Evidence& e : evidence) {
    if (!e.document.empty() && seen.insert(e.document).second) out.push_back(e.document);
  }
  return out;
}

std::string EvidenceJson(const std::vector<Evidence>& evidence) {
  nlohmann::json arr = nlohmann::json::array();
  for (const Evidence& e : evidence) {
    arr.push_back({{"document", e.document}, {"line", e.line}, {"text", e.text}});
  }
  return DumpJson(arr);
}

std::optional<char32_t> UnusedCharacter(const std::vector<char32_t>& preferred,
                                        const std::vector<std::string>& texts) {
  auto unused = [&texts](char32_t cp) {
    const std::string s = Utf8Encode(cp);
    for (const std::string& t : texts) {
      if (t.find(s) != std::string::npos) return false;
    }
    return true;
  };
  for (char32_t cp : preferred) {
    if (unused(cp)) return cp;
  }
  for (char32_t cp = 0xE000; cp <= 0xF8FF; ++cp) {
    if (unused(cp)) return cp;
  }
  return std::nullopt;
}

std::string CypherString(std::string_view text) {
  const std::string safe = SafeUtf8(text);
  std::string out;
  out.reserve(safe.size() + 2);
  out += '\'';
  for (char c : safe) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  out += '\'';
  return out;
}

std::string CypherIdentifier(std::string_view name) {
  std::string out = "`";
  for (char c : SafeUtf8(name)) {
    if (c == '`') out += '`';
    out += c;
  }
  return out + "`";
}

Result<std::string> ToCypher(const KnowledgeGraph& kg) {
  const auto& g = kg.graph();
  const GraphTables tables = DescribeTables(kg);
  std::string out;
  out += "// cnkg graph: " + std::to_string(kg.num_nodes()) + " nodes, " +
         std::to_string(kg.num_edges()) + " relationships.\n";
  out +=
      "// For Neo4j 5: cypher-shell -f FILE. Every statement ends with ';' and a line feed; text\n"
      "// from the graph appears only inside '...' literals, where \\\\ and \\' are the escapes.\n";

  out += "// constraints\n";
  for (Label l : kAllLabels) {
    const std::string label(LabelName(l));
    out += "CREATE CONSTRAINT cnkg_" + label +
           "_id IF NOT EXISTS FOR (n:" + CypherIdentifier(label) + ") REQUIRE n.`id` IS UNIQUE;\n";
  }

  out += "// nodes\n";
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const Node& n = g[v];
    out += "MERGE (n:";
    out += CypherIdentifier(LabelName(n.label));
    out += " {`id`: ";
    out += CypherString(n.key);
    out += "}) SET n.`name` = ";
    out += CypherString(n.name);
    out += ", n.`aliases` = ";
    out += CypherList(n.aliases);
    out += ", n.`documents` = ";
    out += CypherList(DocumentsOf(n.evidence));
    out += ", n.`evidence` = ";
    out += CypherString(EvidenceJson(n.evidence));
    out += ", n.`evidence_count` = ";
    out += std::to_string(n.evidence.size());
    AppendSets(out, "n", n.properties, tables.node_columns.at(n.label));
    out += ";\n";
  }

  out += "// relationships\n";
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const Edge& ed = g[e];
    const Node& a = g[boost::source(e, g)];
    const Node& b = g[boost::target(e, g)];
    out += "MATCH (a:";
    out += CypherIdentifier(LabelName(a.label));
    out += " {`id`: ";
    out += CypherString(a.key);
    out += "}), (b:";
    out += CypherIdentifier(LabelName(b.label));
    out += " {`id`: ";
    out += CypherString(b.key);
    out += "}) MERGE (a)-[r:";
    out += CypherIdentifier(RelTypeName(ed.type));
    out += "]->(b) SET r.`documents` = ";
    out += CypherList(DocumentsOf(ed.evidence));
    out += ", r.`evidence` = ";
    out += CypherString(EvidenceJson(ed.evidence));
    out += ", r.`evidence_count` = ";
    out += std::to_string(ed.evidence.size());
    AppendSets(out, "r", ed.properties, tables.edge_columns.at(ed.type));
    out += ";\n";
  }

  out += "// temporal properties\n";
  auto temporal = [&out](std::string_view pattern, std::string_view var, const PropertyColumn& c) {
    if (c.temporal == Temporal::kNone) return;
    const std::string f = c.temporal == Temporal::kDateTime ? "datetime" : "localdatetime";
    const std::string prop = std::string(var) + "." + CypherIdentifier(c.column);
    out += "MATCH " + std::string(pattern) + " WHERE " + prop + " IS NOT NULL SET " + prop + " = " +
           f + "(" + prop + ");\n";
  };
  for (const auto& [label, columns] : tables.node_columns) {
    for (const PropertyColumn& c : columns) {
      temporal("(n:" + CypherIdentifier(LabelName(label)) + ")", "n", c);
    }
  }
  for (const auto& [type, columns] : tables.edge_columns) {
    for (const PropertyColumn& c : columns) {
      temporal("()-[r:" + CypherIdentifier(RelTypeName(type)) + "]->()", "r", c);
    }
  }
  return out;
}

}  // namespace cnkg
