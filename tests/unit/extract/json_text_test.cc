// Lines and errors of JSON exports (core/json_text.h).

#include "extract/core/json_text.h"

#include <catch2/catch.hpp>

using namespace cnkg;

TEST_CASE("JsonLineFinder finds values in document order") {
  const std::string text =
      "[\n  {\"title\": \"Break\"},\n  {\"title\": \"Caf\\u00e9 & \\\"Talk\\\"\"},\n"
      "  {\"title\": \"Break\"}\n]\n";
  JsonLineFinder f(text);
  CHECK(f.LineOf("Break") == 2);
  CHECK(f.LineOf("Caf\u00e9 & \"Talk\"") == 3);  // written with \u escapes
  CHECK(f.LineOf("Break") == 4);
  CHECK(f.LineOf("Break") == 2);    // wraps around once
  CHECK(f.LineOf("Nowhere") == 2);  // not written: the previous line
}

TEST_CASE("A JSON syntax error names its line") {
  const std::string text = "{\n  \"sessions\": [\n    {\"id\": 1,\n";
  JsonSyntaxError e = FindJsonSyntaxError(text);
  CHECK(e.line == 3);  // the last line: the input ends inside the list
  CHECK(e.message.find("unexpected end of input") != std::string::npos);
  auto doc = MakeDocument("all.json", text);
  REQUIRE(doc.ok());
  const std::string m = JsonSyntaxStatus(*doc, "a Sessionize JSON export").message();
  CHECK(m.rfind("all.json:3: not valid JSON (syntax error while parsing", 0) == 0);
  CHECK(m.find("), so not read as a Sessionize JSON export") != std::string::npos);
  CHECK(FindJsonSyntaxError("[1, 2]").line == 0);
  CHECK(JsonKind(nlohmann::json::array()) == "an array");
  CHECK(JsonKind(nlohmann::json("x")) == "a string");
}
