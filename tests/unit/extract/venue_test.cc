#include <catch2/catch.hpp>

#include "extract/readers/schedule_text.h"

using namespace cnkg;

TEST_CASE("The room is the last bar-separated part before the city") {
  Venue v = ParseVenue("Hall 2 | Level 2 | Room Azure, Rotterdam, Netherlands");
  CHECK(v.room == "Room Azure");
  CHECK(v.building == "Hall 2");
  CHECK(v.level == "Level 2");
  CHECK(v.city == "Rotterdam, Netherlands");
  CHECK(v.area.empty());
}

TEST_CASE("Parts between the level and the room are the area") {
  Venue v = ParseVenue("Building C | Level 1 | Expo Hall A | Demo Corner, Lyon, France");
  CHECK(v.room == "Demo Corner");
  CHECK(v.building == "Building C");
  CHECK(v.area == "Expo Hall A");
}

TEST_CASE("A venue without parts or city is just the room") {
  CHECK(ParseVenue("Room 101").room == "Room 101");
  CHECK(ParseVenue("Room 101").city.empty());
  CHECK(ParseVenue("Ground Floor | Auditorium, Oslo").level == "Ground Floor");
  CHECK(ParseVenue("").room.empty());
}
