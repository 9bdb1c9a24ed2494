#include "export/neo4j_csv.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "export_fixture.h"

namespace cnkg {
namespace {

using export_test::ByName;
using export_test::MakeNode;

TEST_CASE("CsvQuote quotes and doubles quotes only", "[neo4j_csv]") {
  CHECK(CsvQuote("") == "\"\"");
  CHECK(CsvQuote("a,b") == "\"a,b\"");
  CHECK(CsvQuote("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(CsvQuote("back\\slash\nline\r;") == "\"back\\slash\nline\r;\"");
  CHECK(CsvQuote("\xFF") == "\"\xEF\xBF\xBD\"");
}

TEST_CASE("An empty graph exports only the import script", "[neo4j_csv]") {
  auto files = ToNeo4jCsv(KnowledgeGraph());
  REQUIRE(files.ok());
  REQUIRE(files->size() == 1);
  CHECK((*files)[0].name == "import.sh");
  CHECK((*files)[0].executable);
}

TEST_CASE("Node and relationship files have typed headers and quoted strings", "[neo4j_csv]") {
  KnowledgeGraph kg;
  Node talk = MakeNode("talk:1", Label::kTalk, "A \"quoted\", talk",
                       {{"start", std::string("2031-04-01T09:00:00+02:00")},
                        {"local", std::string("2031-04-01T09:00")},
                        {"score", std::int64_t{3}},
                        {"ratio", 0.5},
                        {"keynote", true},
                        {"tags", std::vector<std::string>{"x", "y"}}});
  talk.aliases = {"one", "two"};
  talk.evidence = {{"a.md", 2, "t"}};
  auto vt = kg.UpsertNode(talk);
  auto vt2 = kg.UpsertNode(MakeNode("talk:2", Label::kTalk, ""));
  auto vp = kg.UpsertNode(MakeNode("person:1", Label::kPerson, "P"));
  Edge e;
  e.type = RelType::kPresents;
  e.properties = {{"job_title", std::string("CTO, \"Acme\"")}};
  kg.UpsertEdge(vp, vt, e);
  Edge e2;
  e2.type = RelType::kPresents;
  kg.UpsertEdge(vp, vt2, e2);

  auto files = ToNeo4jCsv(kg);
  REQUIRE(files.ok());
  auto by = ByName(*files);
  REQUIRE(by.count("Talk.csv"));
  REQUIRE(by.count("Person.csv"));
  REQUIRE(by.count("PRESENTS.csv"));
  CHECK(by.count("Project.csv") == 0);
  CHECK(by.count("MENTIONS.csv") == 0);
  CHECK(by.at("Talk.csv") ==
        "id:ID,:LABEL,name:string,aliases:string[],documents:string[],evidence:string,"
        "evidence_count:long,keynote:boolean,local:localdatetime,ratio:double,score:long,"
        "start:datetime,tags:string[]\n"
        "\"talk:1\",\"Talk\",\"A \"\"quoted\"\", talk\",\"one;two\",\"a.md\","
        "\"[{\"\"document\"\":\"\"a.md\"\",\"\"line\"\":2,\"\"text\"\":\"\"t\"\"}]\",1,true,"
        "\"2031-04-01T09:00\",0.5,3,\"2031-04-01T09:00:00+02:00\",\"x;y\"\n"
        "\"talk:2\",\"Talk\",\"\",,,\"[]\",0,,,,,,\n");
  CHECK(by.at("PRESENTS.csv") ==
        ":START_ID,:END_ID,:TYPE,documents:string[],evidence:string,evidence_count:long,"
        "job_title:string\n"
        "\"person:1\",\"talk:1\",\"PRESENTS\",,\"[]\",0,\"CTO, \"\"Acme\"\"\"\n"
        "\"person:1\",\"talk:2\",\"PRESENTS\",,\"[]\",0,\n");
}

TEST_CASE("The array delimiter avoids every character the lists hold", "[neo4j_csv]") {
  KnowledgeGraph kg;
  Node n = MakeNode("project:1", Label::kProject, "P");
  n.aliases = {"a;b", "c|d",
               "e\x1F"
               "f"};
  kg.UpsertNode(n);
  auto files = ToNeo4jCsv(kg);
  REQUIRE(files.ok());
  auto by = ByName(*files);
  CHECK(by.at("Project.csv")
            .find("\"a;b\x1E"
                  "c|d\x1E"
                  "e\x1F"
                  "f\"") != std::string::npos);
  CHECK(by.at("import.sh").find("--array-delimiter=U+001E ") != std::string::npos);

  n.aliases.push_back("\x1E");
  KnowledgeGraph kg2;
  kg2.UpsertNode(n);
  files = ToNeo4jCsv(kg2);
  REQUIRE(files.ok());
  CHECK(ByName(*files).at("import.sh").find("--array-delimiter=U+E000 ") != std::string::npos);
}

TEST_CASE("Empty lists and a list of one empty string are empty unquoted fields", "[neo4j_csv]") {
  KnowledgeGraph kg;
  kg.UpsertNode(MakeNode(
      "talk:1", Label::kTalk, "T",
      {{"tags", std::vector<std::string>{""}}, {"more", std::vector<std::string>{"", ""}}}));
  auto files = ToNeo4jCsv(kg);
  REQUIRE(files.ok());
  const std::string csv = ByName(*files).at("Talk.csv");
  CHECK(csv.substr(csv.find('\n') + 1) == "\"talk:1\",\"Talk\",\"T\",,,\"[]\",0,\";\",\n");
}

TEST_CASE("import.sh names every file and the CSV options", "[neo4j_csv]") {
  KnowledgeGraph kg;
  auto a = kg.UpsertNode(MakeNode("talk:1", Label::kTalk, "T"));
  auto b = kg.UpsertNode(MakeNode("project:1", Label::kProject, "P"));
  Edge e;
  e.type = RelType::kMentions;
  kg.UpsertEdge(a, b, e);
  auto files = ToNeo4jCsv(kg);
  REQUIRE(files.ok());
  const std::string script = ByName(*files).at("import.sh");
  CHECK(script.rfind("#!/bin/sh\n", 0) == 0);
  for (const char* part :
       {"admin=${NEO4J_ADMIN:-neo4j-admin}\n", "exec \"$admin\" database import full",
        "--delimiter=,", "--quote='\"'", "--array-delimiter=U+003B", "--multiline-fields=true",
        "--legacy-style-quoting=false", "--trim-strings=false", "--ignore-empty-strings=false",
        "--id-type=string", "--nodes=Talk.csv \\\n", "--nodes=Project.csv \\\n",
        "--relationships=MENTIONS.csv \\\n", "cd \"$(dirname \"$0\")\"\n",
        "\"$@\" \"${CNKG_NEO4J_DATABASE:-neo4j}\"\n"}) {
    CHECK(script.find(part) != std::string::npos);
  }
}

}  // namespace
}  // namespace cnkg
