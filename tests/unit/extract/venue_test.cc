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

TEST_CASE("Off-site venues: a room before the street address, a level after the room") {
  Venue v = ParseVenue("Harbour Hotel, The Cedar Room, 12 Quay St, Bergen, Norway");
  CHECK(v.room == "The Cedar Room");
  CHECK(v.area == "Harbour Hotel");
  CHECK(v.city == "12 Quay St, Bergen, Norway");
  v = ParseVenue("Harbour Hotel | Ocean Ballroom | 4th Floor, 12 Quay St, Bergen");
  CHECK(v.room == "Ocean Ballroom");
  CHECK(v.level == "4th Floor");
  v = ParseVenue("Harbour Hotel | Atlantic Room - 2nd Floor, 12 Quay St, Bergen");
  CHECK(v.room == "Atlantic Room");
  CHECK(v.level == "2nd Floor");
  v = ParseVenue("Grand Hotel, Level 1, 165 Main St NE, Bergen");
  CHECK(v.room == "Grand Hotel");
  CHECK(v.level == "Level 1");
  CHECK(ParseVenue("Brewery Tap, 1105 W Harbor St NW, Bergen").room == "Brewery Tap");
}

TEST_CASE("European addresses: the street before a postcode and city") {
  Venue v = ParseVenue("Harbour Works, Auditorium, Kaiweg 91, 10559 Havenstad");
  CHECK(v.room == "Auditorium");
  CHECK(v.area == "Harbour Works");
  CHECK(ParseVenue("Harbour Works, Level 2, Kaiweg 91, 10559 Havenstad").room == "Harbour Works");
  CHECK(ParseVenue("Harbour Works, 10559 Havenstad, Nordland").room == "Harbour Works");
  CHECK(ParseVenue("Bay Hotel, Orchid Room, 12 Harbour Quay, Portsea").room == "Orchid Room");
  CHECK(ParseVenue("Kesselwerk, Kaiweg Str. 41, 10999 Havenstad, Nordland").room == "Kesselwerk");
}

TEST_CASE("A street address or TBA is no room") {
  CHECK(ParseVenue("756 W Harbor St NW, Bergen, Norway").room.empty());
  CHECK(ParseVenue("TBA, Bergen, Norway").room.empty());
  CHECK(ParseVenue("7Seas Loft, 1197 Harbor St NE, Bergen").room == "7Seas Loft");
}
