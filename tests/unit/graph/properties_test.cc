#include "graph/properties.h"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>
#include <vector>

using namespace cnkg;

namespace {
std::vector<std::string> Names(const Properties& p) {
  std::vector<std::string> out;
  for (const auto& [name, value] : p) out.push_back(name);
  return out;
}
}  // namespace

TEST_CASE("Properties keep each name once, in name order, whatever the order of adding") {
  Properties p;
  CHECK(p.empty());
  p["title"] = std::string("Keynote");
  p["day"] = std::int64_t{2};
  p["room"] = std::string("Hall A");
  p["abstract"] = true;
  p["day"] = std::int64_t{3};  // replaces
  CHECK(p.size() == 4);
  CHECK(Names(p) == std::vector<std::string>{"abstract", "day", "room", "title"});
  CHECK(std::get<std::int64_t>(p.at("day")) == 3);
  CHECK(p.count("room") == 1);
  CHECK(p.contains("title"));
  CHECK_FALSE(p.contains("speaker"));
  CHECK(p.find("speaker") == p.end());
  CHECK_THROWS_AS(p.at("speaker"), std::out_of_range);
  const Properties& cp = p;
  CHECK(std::get<std::string>(cp.at("room")) == "Hall A");
  CHECK(cp.find("title")->first == "title");
}

TEST_CASE("Properties emplace and insert keep an existing value, as a map does") {
  Properties p{{"b", std::string("two")}, {"a", 1.5}};
  CHECK(Names(p) == std::vector<std::string>{"a", "b"});
  auto [it, added] = p.emplace("b", std::string("other"));
  CHECK_FALSE(added);
  CHECK(std::get<std::string>(it->second) == "two");
  auto [it2, added2] = p.emplace("c", std::vector<std::string>{"x", "y"});
  CHECK(added2);
  CHECK(std::get<std::vector<std::string>>(it2->second).size() == 2);
  CHECK_FALSE(p.insert({"a", false}).second);
  CHECK(p.insert({"0", false}).second);
  CHECK(Names(p) == std::vector<std::string>{"0", "a", "b", "c"});
  CHECK(p.erase("a") == 1);
  CHECK(p.erase("a") == 0);
  CHECK(Names(p) == std::vector<std::string>{"0", "b", "c"});
  Properties q{{"c", std::vector<std::string>{"x", "y"}}, {"0", false}, {"b", std::string("two")}};
  CHECK(p == q);
  q["b"] = std::string("changed");
  CHECK_FALSE(p == q);
  p.clear();
  CHECK(p.empty());
  // A missing name read through [] becomes an empty string, as with std::map.
  CHECK(std::get<std::string>(p["new"]).empty());
  CHECK(p.size() == 1);
}
