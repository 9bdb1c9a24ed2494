// The talk-reference grammar (extract/grammar/talk_reference.h) on invented units.

#include "extract/grammar/talk_reference.h"

#include <catch2/catch.hpp>

#include "extract/grammar/cjk.h"
#include "extract/grammar/speaker_text.h"

using namespace cnkg;

namespace {

std::string Names(const std::vector<HeadingSpeaker>& v) {
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out += "; ";
    out += s.name;
    if (!s.job_title.empty()) out += " [" + s.job_title + "]";
    if (!s.organization.empty()) out += " (" + s.organization + ")";
  }
  return out;
}

}  // namespace

TEST_CASE("A unit splits into title and speakers at the separator before a speaker list") {
  auto r = ReadTalkReference(
      "Part One - Part Two: Scaling Things - Ana Silva, Initech & Bo Li, Globex", false);
  CHECK(r.title == "Part One - Part Two: Scaling Things");
  CHECK(Names(r.speakers) == "Ana Silva (Initech); Bo Li (Globex)");
  r = ReadTalkReference("Tuning Envoy | Ana Silva (Initech) & Bo Li (Globex)", false);
  CHECK(r.title == "Tuning Envoy");
  CHECK(Names(r.speakers) == "Ana Silva (Initech); Bo Li (Globex)");
  r = ReadTalkReference("Zero Trust: Ana Silva, Staff Engineer, Initech", false);
  CHECK(r.title == "Zero Trust");
  CHECK(Names(r.speakers) == "Ana Silva [Staff Engineer] (Initech)");
  // A bare name after a dash splits only where bare names are allowed.
  r = ReadTalkReference("Secrets Without Tears - Ana Silva", false);
  CHECK(r.title == "Secrets Without Tears - Ana Silva");
  r = ReadTalkReference("Secrets Without Tears - Ana Silva", true);
  CHECK(r.title == "Secrets Without Tears");
  CHECK(Names(r.speakers) == "Ana Silva");
  // Roles that are not organisations stay job titles.
  r = ReadTalkReference("Operators in Go - Bo Li, Maintainer", true);
  CHECK(Names(r.speakers) == "Bo Li [Maintainer]");
  r = ReadTalkReference("Operators in Go - Bo Li, Independent", true);
  CHECK(Names(r.speakers) == "Bo Li");
  // Titles with colons and dashes of their own keep them.
  r = ReadTalkReference("Gateway API: Past, Present, and Future", false);
  CHECK(r.title == "Gateway API: Past, Present, and Future");
  CHECK(r.speakers.empty());
  r = ReadTalkReference("Kubernetes WG Widgets - Advancing Support for GPUs", true);
  CHECK(r.title == "Kubernetes WG Widgets - Advancing Support for GPUs");
}

TEST_CASE("Events, session labels, enumerations and quotes come off the title") {
  auto r = ReadTalkReference("[KubeCon EU 2025] - Policy as Code for Many Teams", false);
  CHECK(r.title == "Policy as Code for Many Teams");
  CHECK(r.event == "KubeCon EU 2025");
  r = ReadTalkReference("KubeCon NA 2025: Secrets Without Tears", false);
  CHECK(r.title == "Secrets Without Tears");
  CHECK(r.event == "KubeCon NA 2025");
  r = ReadTalkReference("Keynote: The Next Ten Years - KubeCon Europe 2024", false);
  CHECK(r.title == "Keynote: The Next Ten Years");
  CHECK(r.event == "KubeCon Europe 2024");
  r = ReadTalkReference("Measuring Power With Kepler | Project Lightning Talk", false);
  CHECK(r.title == "Measuring Power With Kepler");
  CHECK(r.session_label == "Project Lightning Talk");
  r = ReadTalkReference("3. \"Quoted Talk Title\"", false);
  CHECK(r.title == "Quoted Talk Title");
  r = ReadTalkReference("A Talk About Things (slides)", false);
  CHECK(r.title == "A Talk About Things");
}

TEST_CASE("Title by speakers, speakers lines and CJK punctuation") {
  auto r = ReadTitleBySpeakers("Zero Trust Networking With SPIFFE by Cy Young, Initrode");
  REQUIRE(r);
  CHECK(r->title == "Zero Trust Networking With SPIFFE");
  CHECK(Names(r->speakers) == "Cy Young (Initrode)");
  CHECK_FALSE(ReadTitleBySpeakers("We were blown away by the demo"));
  auto s = ReadSpeakersLine("Speakers: Ana Silva and Bo Li", false);
  REQUIRE(s);
  CHECK(Names(*s) == "Ana Silva; Bo Li");
  s = ReadSpeakersLine("Speakers: Ana Silva (Initech) & Bo Li (Globex)", false);
  REQUIRE(s);
  CHECK(Names(*s) == "Ana Silva (Initech); Bo Li (Globex)");
  s = ReadSpeakersLine("by Ana Silva, Initech", false);
  REQUIRE(s);
  CHECK(Names(*s) == "Ana Silva (Initech)");
  s = ReadSpeakersLine("Ana Silva, Initech & Bo Li, Globex", true);
  REQUIRE(s);
  CHECK(s->size() == 2);
  CHECK_FALSE(ReadSpeakersLine("Ana Silva, Initech & Bo Li, Globex", false));
  CHECK_FALSE(ReadSpeakersLine("The talk was great and the room was full", true));
  s = ReadSpeakersLine("讲者：张伟（Initech）、李娜（Globex）", false);
  REQUIRE(s);
  CHECK(Names(*s) == "张伟 (Initech); 李娜 (Globex)");
  r = ReadTitleBySpeakers("Scaling Kueue by 山田 太郎 (Globex)");
  REQUIRE(r);
  CHECK(Names(r->speakers) == "山田 太郎 (Globex)");
}

TEST_CASE("Prose names speakers right before or after a title") {
  auto a = SpeakersAfterTitle("”** by Odin from Quillmark. Kotlin is great.");
  REQUIRE(a);
  CHECK(Names(*a) == "Odin (Quillmark)");
  a = SpeakersAfterTitle(" by Ilie Sola, also from Initech, where we found out");
  REQUIRE(a);
  CHECK(Names(*a) == "Ilie Sola (Initech)");
  a = SpeakersAfterTitle(" by Ana Silva and Bo Li.");
  REQUIRE(a);
  CHECK(Names(*a) == "Ana Silva; Bo Li");
  CHECK_FALSE(SpeakersAfterTitle(" by Google."));  // one word without "from": no person
  a = SpeakersAfterTitle(" - Ana Silva, Initech");
  REQUIRE(a);
  CHECK(Names(*a) == "Ana Silva (Initech)");
  CHECK_FALSE(SpeakersAfterTitle(". It was packed."));
  auto b = SpeakerBeforeTitle("Our highlight was Ana Silva’s excellent talk **“");
  REQUIRE(b);
  CHECK(b->name == "Ana Silva");
  b = SpeakerBeforeTitle("The next day Ravi did his talk **“");
  REQUIRE(b);
  CHECK(b->name == "Ravi");
  b = SpeakerBeforeTitle("I also listened to Mr. Bo Li's talk on ");
  REQUIRE(b);
  CHECK(b->name == "Bo Li");
  b = SpeakerBeforeTitle("we loved the keynote by Cy Young from Initrode: ");
  REQUIRE(b);
  CHECK(b->name == "Cy Young");
  CHECK(b->organization == "Initrode");
  CHECK_FALSE(SpeakerBeforeTitle("We then went to "));
}

TEST_CASE("A speaker named before a title in Chinese or Japanese prose") {
  auto zh = SpeakerBeforeTitle("下午听了陈静（Initech）的");
  REQUIRE(zh);
  CHECK(zh->name == "陈静");
  CHECK(zh->organization == "Initech");
  auto shared = SpeakerBeforeTitle("第二天上午，王小明分享的");
  REQUIRE(shared);
  CHECK(shared->name == "王小明");
  auto compound = SpeakerBeforeTitle("最后是欧阳娜娜带来的");
  REQUIRE(compound);
  CHECK(compound->name == "欧阳娜娜");
  CHECK(SpeakerBeforeTitle("张伟和李娜的")->name == "李娜");
  CHECK_FALSE(SpeakerBeforeTitle("今年大会的"));  // no surname: not a name
  auto ja = SpeakerBeforeTitle("午後は田中 健さん（Globex）の");
  REQUIRE(ja);
  CHECK(ja->name == "田中 健");
  CHECK(ja->organization == "Globex");
  CHECK(SpeakerBeforeTitle("最後に佐藤氏の")->name == "佐藤");
  CHECK_FALSE(SpeakerBeforeTitle("今年の"));  // no さん, 氏 or organisation
}

TEST_CASE("ChineseNameAtEnd reads the name from a common surname on") {
  CHECK(ChineseNameAtEnd("下午听了陈静") == "陈静");
  CHECK(ChineseNameAtEnd("听了王小明") == "王小明");
  CHECK(ChineseNameAtEnd("王伟") == "王伟");
  CHECK(ChineseNameAtEnd("司马光") == "司马光");
  CHECK(ChineseNameAtEnd("大会") == "");
  CHECK(ChineseNameAtEnd("陈") == "");
  CHECK(ChineseNameAtEnd("") == "");
}

TEST_CASE("A list mixing '(Org)', 'from Org' and ', Org' gives each person theirs",
          "[talk_reference]") {
  auto s = ParseSpeakerList(
      "Mira Holt (Independent), Jon Amsel from Brackenridge and Ola Berg, "
      "Fjordline Data");
  REQUIRE(s);
  CHECK(Names(*s) == "Mira Holt; Jon Amsel (Brackenridge); Ola Berg (Fjordline Data)");
  auto t = ParseSpeakerList("Ilse Brandt, Staff Engineer and Kofi Mensah, Société Générale");
  REQUIRE(t);
  CHECK(Names(*t) == "Ilse Brandt [Staff Engineer]; Kofi Mensah (Société Générale)");
  // A sentence after a comma is no organisation.
  CHECK(!ParseSpeakerList("Mira Holt, who then showed the demo"));
  CHECK(!ParseSpeakerList("Kubernetes, Prometheus and Grafana"));
}

TEST_CASE("Speakers named in the prose around a linked title", "[talk_reference]") {
  auto names = [](std::string_view before, std::string_view after) {
    auto s = SpeakersInProse(before, after);
    return s ? Names(*s) : std::string("-");
  };
  // The subject of a verb before the title.
  CHECK(names("After the break, Orla Quinn and Teo Marsh, both of Sandpiper Data,\ndelivered ",
              ", a tour of their backup tooling.") ==
        "Orla Quinn (Sandpiper Data); Teo Marsh (Sandpiper Data)");
  // The subject right after the title, in the same sentence.
  CHECK(names("My favourite was ", ", Bruno Lake from Heathmoor explained why the cache lied.") ==
        "Bruno Lake (Heathmoor)");
  CHECK(names("I sat in on ",
              ", where Yara Celik, Staff Engineer, Payments Platform at Ostrava Bank, went "
              "through the rollout.") ==
        "Yara Celik [Staff Engineer, Payments Platform] (Ostrava Bank)");
  // The next sentence, with a partner.
  CHECK(names("Then came ",
              ". Freelance trainer Ivo Rask presented it alongside Hana Soto of Greyfield, and "
              "the room was full.") == "Ivo Rask; Hana Soto (Greyfield)");
  // Pronouns, projects and other sentences give nobody.
  CHECK(names("Then came ", ". She presented it with a live demo.") == "-");
  CHECK(names("Then came ", ", Prometheus and Thanos showed their limits.") == "-");
  CHECK(names("The Kubernetes maintainers gave ", " on Tuesday.") == "-");
  CHECK(names("Then came ", ". The slides are online.") == "-");
}

TEST_CASE("Names in another script beside a name are no organisation", "[talk_reference]") {
  auto s = ParseSpeakerList("Amy Lin（林美，雪松科技）、周强（雪松科技）");
  REQUIRE(s);
  CHECK(Names(*s) == "Amy Lin (雪松科技); 周强 (雪松科技)");
  auto t = ParseSpeakerList("陈刚（Gang Chen），北辰软件；孙悦，独立开发者");
  REQUIRE(t);
  CHECK(Names(*t) == "陈刚 (北辰软件); 孙悦");
  auto u = ParseSpeakerList("何平，北辰软件 云原生平台架构师");
  REQUIRE(u);
  CHECK(Names(*u) == "何平 [云原生平台架构师] (北辰软件)");
  // A clause of a Chinese sentence is no name.
  CHECK(!ParseSpeakerList("资源按队列划分，但高峰期排队仍然很严重"));
}

TEST_CASE("An organisation written once after two people is theirs, even when it reads like a name",
          "[talk_reference]") {
  auto a = ParseSpeakerList("Ola Brekke & Mina Haugen, Nordlys Energi");
  REQUIRE(a);
  CHECK(Names(*a) == "Ola Brekke (Nordlys Energi); Mina Haugen (Nordlys Energi)");
  auto b = ParseSpeakerList("Ola Brekke & Mina Haugen — Nordlys Energi");
  REQUIRE(b);
  CHECK(Names(*b) == "Ola Brekke (Nordlys Energi); Mina Haugen (Nordlys Energi)");
  // Three people, the last one with the organisation, stay three.
  auto c = ParseSpeakerList("Jonas Weber, Lena Hoffmann & Tariq Aziz, Quillmark");
  REQUIRE(c);
  CHECK(c->size() == 3);
}

TEST_CASE("A shared organisation ends with its sentence", "[talk_reference]") {
  auto s = ParseSpeakerList("Laila Haddad & Emil Voss, both from Corriedale Data. Very practical");
  REQUIRE(s);
  CHECK(Names(*s) == "Laila Haddad (Corriedale Data); Emil Voss (Corriedale Data)");
}

TEST_CASE("Prose speakers: a colleague of one organisation, an appositive after the list",
          "[talk_reference]") {
  auto a = SpeakersInProse("On day two, Marit Solberg and her Fjellnett colleague Ivo Brandt gave ",
                           " to a full room.");
  REQUIRE(a);
  CHECK(Names(*a) == "Marit Solberg (Fjellnett); Ivo Brandt (Fjellnett)");
  auto b = SpeakersAfterTitle(" by Ruth Keller (Lindqvist Cloud), a ten-minute case for drills.");
  REQUIRE(b);
  CHECK(Names(*b) == "Ruth Keller (Lindqvist Cloud)");
  auto c = SpeakersAfterTitle(" — Omar Haddad (Brightfield), a maintainer who explained it all");
  REQUIRE(c);
  CHECK(Names(*c) == "Omar Haddad (Brightfield)");
}

TEST_CASE("A note whose ')' was cut off is no part of an organisation", "[talk_reference]") {
  CHECK(speaker_text::WithoutOpenNote("Kestrel Freight (Ottilie runs the platform") ==
        "Kestrel Freight");
  CHECK(speaker_text::WithoutOpenNote("Globex (formerly Initrode)") ==
        "Globex (formerly Initrode)");
  CHECK(speaker_text::WithoutOpenNote("  Initech  Labs ") == "Initech Labs");
}

TEST_CASE("Honorifics are no part of a name, in either script", "[talk_reference]") {
  CHECK(speaker_text::WithoutHonorific("Dr. Ines Okoro") == "Ines Okoro");
  CHECK(speaker_text::WithoutHonorific("Prof  Tamsin Vale") == "Tamsin Vale");
  CHECK(speaker_text::WithoutHonorific("佐藤 花子さん") == "佐藤 花子");
  CHECK(speaker_text::WithoutHonorific("Dr.") == "Dr.");
  CHECK(speaker_text::WithoutHonorific("Drew Barrymore") == "Drew Barrymore");
}
