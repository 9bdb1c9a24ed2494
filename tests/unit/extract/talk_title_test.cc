#include "extract/grammar/talk_title.h"

#include <catch2/catch.hpp>

using namespace cnkg;
using V = std::vector<std::string>;

TEST_CASE("Session-kind prefixes give the bare title as an alias") {
  CHECK(TalkTitleAliases("Keynote: Ships at Sea") == V{"Ships at Sea"});
  CHECK(TalkTitleAliases("Sponsored Keynote: Fast Boats") == V{"Fast Boats"});
  CHECK(TalkTitleAliases("Lightning Talk: Tiny Clusters") == V{"Tiny Clusters"});
  CHECK(TalkTitleAliases("Policy as Code: What We Learned").empty());
}

TEST_CASE("Leading symbols and emoji are dropped in an alias") {
  CHECK(TalkTitleAliases("\xF0\x9F\x9A\xA8 Contribfest: Hack on Foo") ==
        V{"Contribfest: Hack on Foo", "Hack on Foo"});
  CHECK(TalkTitleAliases("Plain Title").empty());
}
