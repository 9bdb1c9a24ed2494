#include "extract/markup/yaml_stream.h"

#include <catch2/catch.hpp>

using cnkg::LoadYamlStream;

TEST_CASE("LoadYamlStream gives the documents of a stream, as LoadAll does") {
  const auto one = LoadYamlStream("- title: A\n- title: B\n");
  REQUIRE(one.size() == 1);
  CHECK(one[0].IsSequence());
  const auto three = LoadYamlStream("a: 1\n---\nb: 2\n...\n---\n- c\n");
  REQUIRE(three.size() == 3);
  CHECK(three[0]["a"].as<int>() == 1);
  CHECK(three[2].IsSequence());
  CHECK(LoadYamlStream("").size() <= 1);
}

TEST_CASE("LoadYamlStream throws for invalid YAML") {
  CHECK_THROWS_AS(LoadYamlStream("a: [1, 2\nb: }\n"), YAML::Exception);
}
