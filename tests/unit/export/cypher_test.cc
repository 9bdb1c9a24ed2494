#include "export/cypher.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/strings.h"
#include "export_fixture.h"
#include "graph/snapshot.h"

namespace cnkg {
namespace {

using export_test::MakeNode;

const PropertyColumn* FindColumn(const std::vector<PropertyColumn>& cols, std::string_view prop) {
  for (const auto& c : cols) {
    if (c.property == prop) return &c;
  }
  return nullptr;
}

// Reads a Cypher string literal starting at s[i] (a quote) the way Neo4j and Kuzu both do for
// the escapes the writer uses; returns the decoded text and moves i past the literal. Fails the
// test on an escape other than \\ and \'.
std::string ReadLiteral(std::string_view s, std::size_t& i) {
  REQUIRE(s[i] == '\'');
  std::string out;
  for (++i; i < s.size(); ++i) {
    if (s[i] == '\\') {
      REQUIRE(i + 1 < s.size());
      REQUIRE((s[i + 1] == '\\' || s[i + 1] == '\''));
      out += s[++i];
    } else if (s[i] == '\'') {
      ++i;
      return out;
    } else {
      out += s[i];
    }
  }
  FAIL("unterminated literal");
  return out;
}

// The script with every string literal replaced by "$" and comments removed; the literals are
// appended to `literals`.
std::string StripLiterals(std::string_view s, std::vector<std::string>* literals) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '\'') {
      literals->push_back(ReadLiteral(s, i));
      out += '$';
    } else if (s.substr(i, 2) == "//" && (i == 0 || s[i - 1] == '\n')) {
      i = s.find('\n', i);
      if (i == std::string_view::npos) break;
      ++i;
    } else {
      out += s[i++];
    }
  }
  return out;
}

TEST_CASE("CypherString escapes only backslash and quote and keeps every other character",
          "[cypher]") {
  CHECK(CypherString("") == "''");
  CHECK(CypherString("plain") == "'plain'");
  CHECK(CypherString("O'Brien") == "'O\\'Brien'");
  CHECK(CypherString("a\\b") == "'a\\\\b'");
  CHECK(CypherString("\\'") == "'\\\\\\''");
  CHECK(CypherString("'}) DETACH DELETE n //") == "'\\'}) DETACH DELETE n //'");
  CHECK(CypherString("line\nbreak\r\ttab \"dq\" `bq`") == "'line\nbreak\r\ttab \"dq\" `bq`'");
  CHECK(CypherString(std::string("nul\0x", 5)) == std::string("'nul\0x'", 7));
  CHECK(CypherString("Zoë 🚀") == "'Zoë 🚀'");
  // Invalid UTF-8 becomes U+FFFD, one per byte.
  CHECK(CypherString("a\xFF\xC3") == "'a\xEF\xBF\xBD\xEF\xBF\xBD'");
  // Reading a literal back gives the text, whatever it holds.
  for (std::string text : {"", "'", "\\", "\\'", "''", "a'b\\c'd\\\\", "\\n is not a newline"}) {
    std::string lit = CypherString(text);
    std::size_t i = 0;
    CHECK(ReadLiteral(lit, i) == text);
    CHECK(i == lit.size());
  }
}

TEST_CASE("CypherIdentifier backquotes and doubles backquotes", "[cypher]") {
  CHECK(CypherIdentifier("name") == "`name`");
  CHECK(CypherIdentifier("a`b") == "`a``b`");
}

TEST_CASE("SafeUtf8 replaces invalid bytes and keeps everything valid", "[cypher]") {
  CHECK(SafeUtf8("ok\x01\x7F") == "ok\x01\x7F");
  CHECK(SafeUtf8(std::string("\0", 1)) == std::string("\0", 1));
  CHECK(SafeUtf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");                    // overlong '/'
  CHECK(SafeUtf8("\xED\xA0\x80x") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDx");  // surrogate
  CHECK(SafeUtf8("é\xE2\x82") == "é\xEF\xBF\xBD\xEF\xBF\xBD");                  // truncated
}

TEST_CASE("UnusedCharacter picks the first character no text holds", "[cypher]") {
  CHECK(UnusedCharacter({U';', U'|'}, {"a", "b"}) == U';');
  CHECK(UnusedCharacter({U';', U'|'}, {"a;b"}) == U'|');
  CHECK(UnusedCharacter({U';', U'|'}, {"a;b", "|"}) == char32_t{0xE000});
  CHECK(UnusedCharacter({U';'}, {";", Utf8Encode(0xE000)}) == char32_t{0xE001});
  CHECK(Utf8Encode(0x1F) == "\x1F");
  CHECK(Utf8Encode(0xE9) == "é");
  CHECK(Utf8Encode(0xE000) == "\xEE\x80\x80");
  CHECK(Utf8Encode(0x1F680) == "🚀");
}

TEST_CASE("DescribeTables names, types and widens the property columns", "[cypher]") {
  KnowledgeGraph kg;
  auto t1 = kg.UpsertNode(MakeNode("talk:1", Label::kTalk, "T1",
                                   {{"score", std::int64_t{3}},
                                    {"mixed", std::int64_t{1}},
                                    {"NAME", std::string("shadow")},
                                    {"Start Time", std::string("x")},
                                    {"2nd", true},
                                    {"_p", std::string("p")},
                                    {"tags", std::vector<std::string>{"a"}},
                                    {"start", std::string("2032-02-29T09:00:00+01:00")},
                                    {"local", std::string("2031-04-01T09:00")},
                                    {"bad", std::string("2031-02-29T09:00")}}));
  auto t2 = kg.UpsertNode(MakeNode("talk:2", Label::kTalk, "T2",
                                   {{"score", 2.5},
                                    {"mixed", std::string("n/a")},
                                    {"start", std::string("2031-04-01T09:00:00Z")},
                                    {"local", std::string("2031-04-01T09:00:30.25")}}));
  kg.UpsertNode(MakeNode("project:p", Label::kProject, "P", {{"cncf", true}}));
  Edge e;
  e.type = RelType::kMentions;
  e.properties = {{"from", std::string("f")}, {"Evidence", std::int64_t{1}}};
  kg.UpsertEdge(t1, t2, e);

  GraphTables t = DescribeTables(kg);
  REQUIRE(t.node_columns.size() == 9);
  REQUIRE(t.edge_columns.size() == 9);
  CHECK(t.node_columns.at(Label::kPerson).empty());
  const auto& talk = t.node_columns.at(Label::kTalk);
  REQUIRE(talk.size() == 10);
  // Name order (bytewise), as std::map keeps them.
  CHECK(talk[0].property == "2nd");
  CHECK(talk[0].column == "property_2nd");
  CHECK(talk[0].type == ColumnType::kBoolean);
  CHECK(FindColumn(talk, "NAME")->column == "property_NAME");  // "name" ignoring case
  CHECK(FindColumn(talk, "Start Time")->column == "Start_Time");
  CHECK(FindColumn(talk, "_p")->column == "property__p");
  CHECK(FindColumn(talk, "score")->type == ColumnType::kDouble);
  CHECK(FindColumn(talk, "mixed")->type == ColumnType::kString);
  CHECK(FindColumn(talk, "tags")->type == ColumnType::kStringList);
  CHECK(FindColumn(talk, "start")->temporal == Temporal::kDateTime);
  CHECK(FindColumn(talk, "local")->temporal == Temporal::kLocalDateTime);
  CHECK(FindColumn(talk, "bad")->temporal == Temporal::kNone);  // 2031 is not a leap year
  CHECK(FindColumn(talk, "mixed")->temporal == Temporal::kNone);
  const auto& mentions = t.edge_columns.at(RelType::kMentions);
  CHECK(FindColumn(mentions, "from")->column == "property_from");
  CHECK(FindColumn(mentions, "Evidence")->column == "property_Evidence");
  CHECK(t.endpoints.at(RelType::kMentions) ==
        std::set<std::pair<Label, Label>>{{Label::kTalk, Label::kTalk}});
  CHECK(t.endpoints.count(RelType::kPresents) == 0);
}

TEST_CASE("Colliding sanitized names get distinct prefixes", "[cypher]") {
  KnowledgeGraph kg;
  kg.UpsertNode(MakeNode("talk:1", Label::kTalk, "T",
                         {{"a b", std::string("1")},
                          {"a-b", std::string("2")},
                          {"a_b", std::string("3")},
                          {"é", std::string("4")}}));
  const GraphTables tables = DescribeTables(kg);
  const auto& cols = tables.node_columns.at(Label::kTalk);
  std::set<std::string> names;
  for (const auto& c : cols) names.insert(c.column);
  CHECK(names ==
        std::set<std::string>{"a_b", "property_a_b", "property_property_a_b", "property___"});
}

TEST_CASE("Temporal values must name real days, hours and offsets", "[cypher]") {
  auto kind = [](std::string value) {
    KnowledgeGraph kg;
    kg.UpsertNode(MakeNode("talk:1", Label::kTalk, "T", {{"t", value}}));
    return DescribeTables(kg).node_columns.at(Label::kTalk)[0].temporal;
  };
  CHECK(kind("2024-02-29T23:59:59.123456789-12:00") == Temporal::kDateTime);
  CHECK(kind("2000-02-29T00:00") == Temporal::kLocalDateTime);
  CHECK(kind("1900-02-29T00:00") == Temporal::kNone);
  CHECK(kind("2024-04-31T00:00") == Temporal::kNone);
  CHECK(kind("2024-01-01T24:00") == Temporal::kNone);
  CHECK(kind("2024-01-01T10:60") == Temporal::kNone);
  CHECK(kind("2024-01-01T10:00:60") == Temporal::kNone);
  CHECK(kind("2024-01-01T10:00+19:00") == Temporal::kNone);
  CHECK(kind("2024-01-01") == Temporal::kNone);
  CHECK(kind("2024-01-01 10:00") == Temporal::kNone);
  CHECK(kind("x2024-01-01T10:00") == Temporal::kNone);
}

TEST_CASE("ColumnText writes each type as the columns need it", "[cypher]") {
  CHECK(ColumnText(std::string("s"), ColumnType::kString) == "s");
  CHECK(ColumnText(std::int64_t{-7}, ColumnType::kInt64) == "-7");
  CHECK(ColumnText(std::int64_t{3}, ColumnType::kDouble) == "3");
  CHECK(ColumnText(2.5, ColumnType::kDouble) == "2.5");
  CHECK(ColumnText(0.1, ColumnType::kString) == "0.1");
  CHECK(ColumnText(std::numeric_limits<double>::infinity(), ColumnType::kDouble) == "Infinity");
  CHECK(ColumnText(std::numeric_limits<double>::quiet_NaN(), ColumnType::kDouble) == "NaN");
  CHECK(ColumnText(true, ColumnType::kString) == "true");
  CHECK(ColumnText(std::vector<std::string>{"a", "\"b\""}, ColumnType::kString) ==
        "[\"a\",\"\\\"b\\\"\"]");
}

TEST_CASE("DocumentsOf and EvidenceJson", "[cypher]") {
  std::vector<Evidence> ev = {{"b.md", 1, "x"}, {"", 2, "y"}, {"a.md", 3, "z"}, {"b.md", 4, "w"}};
  CHECK(DocumentsOf(ev) == std::vector<std::string>{"b.md", "a.md"});
  CHECK(EvidenceJson({}) == "[]");
  CHECK(EvidenceJson({{"d \"1\".md", 7, "é\n<&>"}}) ==
        "[{\"document\":\"d \\\"1\\\".md\",\"line\":7,\"text\":\"é\\n<&>\"}]");
}

TEST_CASE("ToCypher writes the four sections with fixed statement shapes", "[cypher]") {
  KnowledgeGraph kg;
  Node talk = MakeNode("talk:1", Label::kTalk, "It's \\ a talk",
                       {{"start", std::string("2031-04-01T09:00:00+02:00")},
                        {"score", std::int64_t{3}},
                        {"ratio", 3.0},
                        {"big", 1e20},
                        {"nan", std::numeric_limits<double>::quiet_NaN()},
                        {"min", std::numeric_limits<std::int64_t>::min()},
                        {"keynote", false}});
  talk.aliases = {"a'", "b"};
  talk.evidence = {{"doc.md", 2, "line"}};
  auto vt = kg.UpsertNode(talk);
  auto vp = kg.UpsertNode(MakeNode("person:1", Label::kPerson, "P"));
  Edge e;
  e.type = RelType::kPresents;
  e.properties = {{"job_title", std::string("CTO")}};
  kg.UpsertEdge(vp, vt, e);

  auto script = ToCypher(kg);
  REQUIRE(script.ok());
  const std::string& s = *script;
  const auto pos = [&s](std::string_view what) { return s.find(what); };
  REQUIRE(pos("// constraints\n") < pos("// nodes\n"));
  REQUIRE(pos("// nodes\n") < pos("// relationships\n"));
  REQUIRE(pos("// relationships\n") < pos("// temporal properties\n"));
  CHECK(s.find("CREATE CONSTRAINT cnkg_Talk_id IF NOT EXISTS FOR (n:`Talk`) REQUIRE n.`id` IS "
               "UNIQUE;\n") != std::string::npos);
  CHECK(s.find("CREATE CONSTRAINT cnkg_Category_id") != std::string::npos);
  CHECK(s.find("MERGE (n:`Talk` {`id`: 'talk:1'}) SET n.`name` = 'It\\'s \\\\ a talk', "
               "n.`aliases` = ['a\\'', 'b'], n.`documents` = ['doc.md'], n.`evidence` = "
               "'[{\"document\":\"doc.md\",\"line\":2,\"text\":\"line\"}]', "
               "n.`evidence_count` = 1, n.`big` = 1e20, n.`keynote` = false, "
               "n.`min` = (-9223372036854775807 - 1), n.`nan` = 0.0/0.0, n.`ratio` = 3.0, "
               "n.`score` = 3, n.`start` = '2031-04-01T09:00:00+02:00';\n") != std::string::npos);
  CHECK(s.find("MERGE (n:`Person` {`id`: 'person:1'}) SET n.`name` = 'P', n.`aliases` = [], "
               "n.`documents` = [], n.`evidence` = '[]', n.`evidence_count` = 0;\n") !=
        std::string::npos);
  CHECK(s.find("MATCH (a:`Person` {`id`: 'person:1'}), (b:`Talk` {`id`: 'talk:1'}) MERGE "
               "(a)-[r:`PRESENTS`]->(b) SET r.`documents` = [], r.`evidence` = '[]', "
               "r.`evidence_count` = 0, r.`job_title` = 'CTO';\n") != std::string::npos);
  CHECK(s.find("MATCH (n:`Talk`) WHERE n.`start` IS NOT NULL SET n.`start` = "
               "datetime(n.`start`);\n") != std::string::npos);
  CHECK(s.back() == '\n');
}

TEST_CASE("Hostile names stay inside literals of the Cypher export", "[cypher]") {
  auto graph = ReadGraphFile(std::string(CNKG_TEST_DATA_DIR) + "/export/hostile.json");
  REQUIRE(graph.ok());
  auto script = ToCypher(*graph);
  REQUIRE(script.ok());
  std::vector<std::string> literals;
  const std::string bare = StripLiterals(*script, &literals);
  // Outside literals only the writer's own vocabulary remains.
  for (std::string_view word : {"DETACH", "DELETE", "DROP", "rm -rf", "digraph", "<b>", "${"}) {
    CHECK(bare.find(word) == std::string::npos);
  }
  // Every statement is on its own line(s) and ends with ";\n" outside literals.
  std::size_t statements = 0;
  for (char c : bare) statements += c == ';';
  CHECK(statements == 9 + graph->num_nodes() + graph->num_edges() + 1);
  // Every name comes back from a literal unchanged.
  std::set<std::string> got(literals.begin(), literals.end());
  for (auto v : boost::make_iterator_range(boost::vertices(graph->graph()))) {
    CHECK(got.count(graph->node(v).name) == 1);
    CHECK(got.count(graph->node(v).key) == 1);
  }
}

}  // namespace
}  // namespace cnkg
