#include "graph/edge_index.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <map>
#include <random>
#include <tuple>
#include <vector>

using namespace cnkg;

TEST_CASE("EdgeIndex finds what was inserted and keeps the first value of a triple") {
  EdgeIndex index;
  int a = 0, b = 0, c = 0;
  CHECK(index.Find(1, 2, 0) == nullptr);  // empty
  CHECK(index.Insert(1, 2, 0, &a));
  CHECK_FALSE(index.Insert(1, 2, 0, &b));
  CHECK(index.Insert(2, 1, 0, &b));  // direction matters
  CHECK(index.Insert(1, 2, 8, &c));  // so does the type
  CHECK(index.Find(1, 2, 0) == &a);
  CHECK(index.Find(2, 1, 0) == &b);
  CHECK(index.Find(1, 2, 8) == &c);
  CHECK(index.Find(1, 2, 1) == nullptr);
  CHECK(index.size() == 3);
  // The largest node numbers it accepts.
  CHECK(index.Insert(UINT32_MAX, 0, 0, &a));
  CHECK(index.Find(UINT32_MAX, 0, 0) == &a);
  CHECK(index.Find(0, UINT32_MAX, 0) == nullptr);
  index.Clear();
  CHECK(index.size() == 0);
  CHECK(index.Find(1, 2, 0) == nullptr);
}

TEST_CASE("EdgeIndex agrees with a map over many triples, through growth") {
  EdgeIndex index;
  std::map<std::tuple<std::size_t, std::size_t, int>, const void*> expected;
  std::vector<int> values(50000);
  std::mt19937 rng(7);
  // Few distinct nodes, so that triples repeat and collide.
  std::uniform_int_distribution<std::size_t> node(0, 300);
  std::uniform_int_distribution<int> type(0, 8);
  for (int& v : values) {
    const std::size_t s = node(rng), t = node(rng);
    const int ty = type(rng);
    const bool added = expected.emplace(std::make_tuple(s, t, ty), &v).second;
    CHECK(index.Insert(s, t, ty, &v) == added);
  }
  CHECK(index.size() == expected.size());
  for (const auto& [key, value] : expected)
    CHECK(index.Find(std::get<0>(key), std::get<1>(key), std::get<2>(key)) == value);
  EdgeIndex reserved;
  reserved.Reserve(1000);
  for (std::size_t i = 0; i < 1000; ++i) CHECK(reserved.Insert(i, i + 1, 2, &values[i]));
  for (std::size_t i = 0; i < 1000; ++i) CHECK(reserved.Find(i, i + 1, 2) == &values[i]);
}
