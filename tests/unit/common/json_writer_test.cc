#include "common/json_writer.h"

#include <catch2/catch.hpp>

using cnkg::DumpJson;
using nlohmann::json;

TEST_CASE("DumpJson replaces bytes that are not UTF-8 instead of throwing") {
  const json j = {{"name", std::string("Zo\xC3"
                                       "A \xFF")}};
  REQUIRE_THROWS(j.dump());  // what every JSON writer of cnkg used to risk
  CHECK(DumpJson(j) ==
        "{\"name\":\"Zo\xEF\xBF\xBD"
        "A \xEF\xBF\xBD\"}");
}

TEST_CASE("DumpJson keeps valid UTF-8, indents and escapes on request") {
  const json j = {{"a", "caf\xC3\xA9"}};
  CHECK(DumpJson(j) == "{\"a\":\"caf\xC3\xA9\"}");
  CHECK(DumpJson(j, 1) == "{\n \"a\": \"caf\xC3\xA9\"\n}");
  CHECK(DumpJson(j, -1, /*ensure_ascii=*/true) == "{\"a\":\"caf\\u00e9\"}");
}

TEST_CASE("DumpJson keeps the key order of an ordered value") {
  nlohmann::ordered_json j;
  j["z"] = 1;
  j["a"] = std::string("\xFF");
  CHECK(DumpJson(j) == "{\"z\":1,\"a\":\"\xEF\xBF\xBD\"}");
}
