#include "common/shared_string.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <compare>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

using namespace cnkg;

TEST_CASE("SharedString reads like a const std::string") {
  SharedString s = "Room: Hall A";
  const std::string& ref = s;
  CHECK(ref == "Room: Hall A");
  CHECK(s.size() == 12);
  CHECK_FALSE(s.empty());
  CHECK(s.substr(6) == "Hall A");
  CHECK(s.find("Hall") == 6);
  CHECK(s.find('Z') == std::string::npos);
  CHECK(s[0] == 'R');
  CHECK(std::string(s.begin(), s.end()) == "Room: Hall A");
  CHECK(std::string_view(s) == "Room: Hall A");
  CHECK(s == std::string("Room: Hall A"));
  CHECK(std::string("Room: Hall A") == s);
  CHECK(s == std::string_view("Room: Hall A"));
  CHECK(s != "Room: Hall B");
  CHECK("x " + s == "x Room: Hall A");
  CHECK(s + "!" == "Room: Hall A!");
  std::ostringstream out;
  out << s;
  CHECK(out.str() == "Room: Hall A");

  SharedString empty;
  CHECK(empty.empty());
  CHECK(empty.size() == 0);
  CHECK(empty.str().empty());
  CHECK(std::string(empty.c_str()).empty());
  CHECK(empty == "");
  CHECK(empty == SharedString(""));
  CHECK(SharedString(std::string()).use_count() == 0);
}

TEST_CASE("Copies of a SharedString share one text; assigning replaces, never edits") {
  SharedString a = std::string(100, 'x');
  SharedString b = a;
  CHECK(b.SharesWith(a));
  CHECK(a.use_count() == 2);
  b = "other";
  CHECK(a == std::string(100, 'x'));
  CHECK(b == "other");
  CHECK(a.use_count() == 1);
  SharedString c = std::move(a);
  CHECK(c.use_count() == 1);
  CHECK(a.empty());  // NOLINT: a moved-from SharedString is empty
  c = c;             // self-assignment keeps the text
  CHECK(c == std::string(100, 'x'));
  SharedString d("same");
  SharedString e(std::string("same"));
  CHECK_FALSE(d.SharesWith(e));
  CHECK(d == e);  // equal texts compare equal, shared or not
  CHECK(d.hash() == e.hash());
  CHECK(d.hash() == std::hash<std::string_view>()("same"));
  CHECK(SharedString().hash() == std::hash<std::string_view>()(""));
}

TEST_CASE("SharedString orders and hashes by content") {
  std::vector<SharedString> v = {"b", "a", "", "ab"};
  std::sort(v.begin(), v.end());
  CHECK(v[0] == "");
  CHECK(v[1] == "a");
  CHECK(v[2] == "ab");
  CHECK(v[3] == "b");
  CHECK(std::is_lt(SharedString("a") <=> std::string_view("b")));
  std::unordered_set<SharedString> set = {"a", SharedString(std::string("a")), "b"};
  CHECK(set.size() == 2);
  std::map<SharedString, int> m;
  m["k"] = 1;
  CHECK(m.count(SharedString("k")) == 1);
}

TEST_CASE("Copies of a SharedString may live and die on different threads") {
  SharedString shared = std::string(64, 'q');
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([shared] {
      std::vector<SharedString> copies;
      for (int i = 0; i < 10000; ++i) copies.push_back(shared);
      CHECK(copies.back() == std::string(64, 'q'));
    });
  }
  for (auto& th : threads) th.join();
  CHECK(shared.use_count() == 1);
}
