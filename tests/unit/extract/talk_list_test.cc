// The talk-list reader and the recognisers of schedule exports on inputs that the golden
// files do not cover: recognition, every message, field variants and hostile input. All texts are
// invented.

#include "extract/readers/talk_list.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "extract/core/document.h"
#include "extract/gazetteer/gazetteer.h"
#include "extract/reader.h"
#include "extract/readers/schedule_exports.h"
#include "extract/readers/talk_list_input.h"
#include "batch_helpers.h"
#include "graph/resolve.h"

using namespace cnkg;
using namespace cnkg::test;

namespace {

Result<ExtractionBatch> Read(const std::string& name, const std::string& text) {
  return ExtractTalkList(Doc(name, text), Gazetteer::Builtin());
}

std::string Detected(const std::string& name, const std::string& text) {
  const Reader* r = DetectReader(Doc(name, text));
  return r ? std::string(r->name) : "";
}

// The error message of reading `text` with `reader`.
std::string ErrorOf(const std::string& reader, const std::string& name, const std::string& text) {
  auto b = ExtractDocument(Doc(name, text), FindReader(reader), Gazetteer::Builtin());
  REQUIRE_FALSE(b.ok());
  CHECK(b.status().code() == StatusCode::kParseError);
  return b.status().message();
}

int Count(const ExtractionBatch& b, Label label) {
  int n = 0;
  for (const auto& e : b.entities)
    if (e.label == label) ++n;
  return n;
}

bool Related(const ExtractionBatch& b, RelType type, const std::string& source,
             const std::string& target) {
  for (const auto& r : b.relations)
    if (r.type == type && r.source == source && r.target == target) return true;
  return false;
}

constexpr const char* kYamlList =
    "- title: Policy as Code With Kyverno\n"
    "  speakers: Ana Silva, Initech\n"
    "- title: Argo CD at Scale\n"
    "  speakers: Bo Li\n";

}  // namespace

TEST_CASE("Talk lists are recognised in YAML and JSON, at the top level or under a key") {
  CHECK(RecogniseTalkList(Doc("t.yaml", kYamlList)) == 80);
  CHECK(RecogniseTalkList(Doc("t.yaml", std::string("sessions:\n") + "  - title: One Talk\n" +
                                            "  - title: Another Talk\n")) == 80);
  CHECK(RecogniseTalkList(Doc("t.json", R"([{"title": "One"}, {"talk_title": "Two"}])")) == 80);
  CHECK(RecogniseTalkList(Doc(
            "t.json", R"({"event": "Some Meetup", "presentations": [{"topic": "One"}]})")) == 80);
  CHECK(RecogniseTalkList(
            Doc("t.json", R"({"data": [{"Name": "One", "Speaker": "Ana Silva"}]})")) == 80);
  // Flow-style YAML is not JSON but still YAML.
  CHECK(RecogniseTalkList(Doc("t.yaml", "[{title: One Talk}, {title: Two Talks}]")) == 80);
  // A stream of YAML documents that are all lists.
  CHECK(RecogniseTalkList(Doc("t.yaml", "---\n- title: One\n---\n- title: Two\n")) == 80);
  // Broken YAML read line by line claims less.
  CHECK(RecogniseTalkList(Doc("t.txt",
                              "- title: Kyverno: Policy\n  speakers: Ana Silva\n"
                              "- title: Argo CD: Sync\n  speakers: Bo Li\n")) == 60);
  CHECK(Detected("t.yaml", kYamlList) == "talk-list");
  CHECK(Detected("t.txt", "title: One: Talk\nspeaker: Ana Silva\n\ntitle: Two: Talk\n") ==
        "talk-list");
}

TEST_CASE("Documents that are not talk lists are not claimed") {
  auto claim = [](const std::string& name, const std::string& text) {
    return RecogniseTalkList(Doc(name, text));
  };
  // Markdown with front matter, even when the front matter lists talks.
  CHECK(claim("post.md",
              "---\ntitle: My Week\ntalks:\n  - title: One Talk\n  - title: Two Talks\n---\n"
              "# My week\n\nWe saw many talks about Kubernetes this week.\n") == 0);
  CHECK(claim("post.md", "---\ntitle: Notes\n---\nSome text.\n") == 0);
  // The CNCF landscape file.
  CHECK(claim("landscape.yml",
              "landscape:\n  - category:\n    name: Runtime\n    subcategories:\n"
              "      - subcategory:\n        name: Container Runtime\n        items:\n"
              "          - item:\n            name: Harbourd\n            project: sandbox\n") ==
        0);
  CHECK(Detected("landscape.yml",
                 "landscape:\n  - category:\n    name: Runtime\n    subcategories: []\n") ==
        "landscape");
  // Prose, Markdown lists and short notes.
  CHECK(claim("a.txt", "We went to a conference.\nThe talks were good: very good.\n") == 0);
  CHECK(claim("a.md", "# Notes\n\n- one thing\n- another thing\n") == 0);
  CHECK(claim("a.md",
              "Title: My Week\n\nWe saw many talks and we liked them a lot.\n"
              "Some were about Kubernetes, and some about other things.\n") == 0);
  // Empty lists, lists of scalars, records without titles.
  CHECK(claim("t.json", "[]") == 0);
  CHECK(claim("t.yaml", "talks: []\n") == 0);
  CHECK(claim("t.json", R"(["One", "Two"])") == 0);
  CHECK(claim("t.json", R"([{"id": 1}, {"id": 2}])") == 0);
  CHECK(claim("t.json", R"({"name": "package", "version": "1.0.0"})") == 0);
  // Lists of people, links or configuration steps: "name" alone is not a talk title.
  CHECK(claim("people.yaml", "- name: Ana Silva\n  company: Initech\n- name: Bo Li\n") == 0);
  CHECK(claim("menu.json", R"([{"name": "Home", "url": "/"}, {"name": "Blog", "url": "/b"}])") ==
        0);
  CHECK(claim("play.yml",
              "- name: Configure web servers\n  hosts: web\n  tasks:\n    - name: Install\n"
              "      apt: name=nginx\n") == 0);
  CHECK(claim("k8s.yaml",
              "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n"
              "    kind: Pod\n    metadata:\n      name: web\n") == 0);
  // Broken YAML with a single record is not enough.
  CHECK(claim("t.txt", "title: Kyverno: Policy\nspeakers: Ana Silva\n") == 0);
}

TEST_CASE("Schedule exports are refused by the talk-list reader and claimed by their own") {
  const std::vector<std::pair<std::string, std::string>> sessionize = {
      {"all.json", R"({"sessions": [{"title": "One"}], "speakers": [], "rooms": []})"},
      {"all2.json", R"({"sessions": [{"title": "One"}], "speakers": [], "categories": []})"},
      {"grid.json",
       R"([{"date": "2025-01-01T00:00:00", "rooms": [{"id": 1, "sessions": [{"title": "One"}]}]}])"},
      {"sessions.json",
       R"([{"groupId": null, "groupName": "All", "sessions": [{"title": "One"}]}])"},
      {"speakers.json",
       R"([{"fullName": "Ana Silva", "tagLine": "Engineer at Initech", "sessions": []}])"},
      {"combined.json", R"({"agenda": [{"title": "One"}], "speakers": []})"}};
  for (const auto& [name, text] : sessionize) {
    INFO(name);
    CHECK(RecogniseTalkList(Doc(name, text)) == 0);
    CHECK(Detected(name, text) == "sessionize");
    CHECK(ErrorOf("talk-list", name, text) ==
          name + ": a Sessionize JSON export, not a talk list (leave out --format to read it)");
  }
  const std::string pretalx = R"({"schedule": {"version": "1", "conference": {"title": "X"}}})";
  CHECK(RecogniseTalkList(Doc("p.json", pretalx)) == 0);
  CHECK(Detected("p.json", pretalx) == "pretalx");
  const std::string frab =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- exported -->\n<schedule>\n"
      "  <conference><title>X</title></conference>\n</schedule>\n";
  CHECK(Detected("p.xml", frab) == "pretalx");
  CHECK(ErrorOf("talk-list", "p.xml", frab) ==
        "p.xml: a pretalx/frab schedule, not a talk list (leave out --format to read it)");
  const std::string ics =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:title: One Talk\r\n"
      "END:VEVENT\r\nEND:VCALENDAR\r\n";
  CHECK(Detected("c.ics", ics) == "ical");
  CHECK(RecogniseTalkList(Doc("c.ics", ics)) == 0);
  // An export reader forced on a document of another kind says so.
  CHECK(ErrorOf("sessionize", "t.yaml", kYamlList) == "t.yaml: not a Sessionize JSON export");
  CHECK(ErrorOf("ical", "t.yaml", kYamlList) == "t.yaml: not an iCalendar (.ics) export");
  CHECK(ErrorOf("pretalx", "t.yaml", kYamlList) == "t.yaml: not a pretalx/frab schedule");
  CHECK(ErrorOf("sched-json", "t.yaml", kYamlList) == "t.yaml: not a sched JSON export");
  // Not exports: a plain list of sessions, an XML file of another kind, text mentioning VCALENDAR.
  CHECK(DetectScheduleExport(Doc("t.json", R"([{"title": "One", "startsAt": "x"}])")) ==
        ScheduleExport::kNone);
  CHECK_FALSE(LooksLikePretalxXml("<?xml version=\"1.0\"?><schedules><conference/></schedules>"));
  CHECK_FALSE(LooksLikePretalxXml("<schedule><day/></schedule>"));
  CHECK_FALSE(LooksLikeICalendar("Notes\nBEGIN:VCALENDAR\n"));
  CHECK(LooksLikeICalendar("\n begin:vcalendar\n"));
}

TEST_CASE("Every error of the talk-list reader names the file") {
  CHECK(ErrorOf("talk-list", "e.json", "[]") ==
        "e.json: no talk records found (the list is empty)");
  CHECK(ErrorOf("talk-list", "e.json", R"([{"id": 1}, 2])") ==
        "e.json: no talk records found (no list item is a mapping with a title, name, session, "
        "talk or topic field)");
  CHECK(ErrorOf("talk-list", "e.json", R"({"title": "x", "things": [{"title": "y"}]})") ==
        "e.json: no talk records found (no list at the top level or under talks, sessions, "
        "presentations, items, entries, data, records)");
  CHECK(ErrorOf("talk-list", "e.txt", "Just prose.\nNo sessions at all.\n") ==
        "e.txt: no talk records found (a talk list is YAML or JSON: a list of records with a "
        "title, name, session, talk or topic field)");
  CHECK(ErrorOf("talk-list", "e.md", "---\ntitle: x\n---\nText.\n") ==
        "e.md: Markdown with front matter (a '---' block followed by text), not a talk list");
  CHECK(ErrorOf("talk-list", "landscape.yml", "landscape:\n  - category:\n    name: X\n") ==
        "landscape.yml: the CNCF landscape file, not a talk list");
  CHECK(ErrorOf("talk-list", "e.json", "[{\"title\": \"x\",}\n") ==
        "e.json: not valid JSON (parse error at line 1, column 16: syntax error while parsing "
        "object key - unexpected '}'; expected string literal)");
  // Records, but none a talk and no project named.
  CHECK(ErrorOf("talk-list", "e.yaml",
                "- title: A Post About Nothing\n  type: blog post\n- title: Another\n"
                "  type: podcast\n") ==
        "e.yaml: nothing usable found (2 records, none a talk: blog posts, podcasts or other "
        "kinds that name no known project)");
}

TEST_CASE("Every warning of the talk-list reader names its line") {
  auto b = Read("w.yaml",
                "- title: First Talk\n"                  // 1
                "  speakers: Ana Silva & 42\n"           // 2
                "  date: next Tuesday\n"                 // 3
                "- not a record\n"                       // 4
                "- abstract: no title here\n"            // 5
                "- name: Deploy\n  tasks: []\n"          // 6
                "- title: Second Talk\n"                 // 8
                "  speakers:\n    - company: Initech\n"  // 9
                "  date: 2025-03-04\n"                   // 11
                "  time: whenever\n"                     // 12
                "- title: Third Talk\n"                  // 13
                "  date: 2025-03-04\n"                   // 14
                "  time: 10:00 - 10:30 XYZ\n");          // 15
  REQUIRE(b.ok());
  CHECK(Warnings(*b) ==
        std::vector<std::string>{
            "w.yaml:2: warning: speaker '42' of 'First Talk' is not a person's "
            "name; skipped",
            "w.yaml:3: warning: date 'next Tuesday' of 'First Talk' is neither a date nor an ISO "
            "8601 time; kept as text",
            "w.yaml:4: warning: list item 2: not a mapping; skipped",
            "w.yaml:5: warning: list item 3: no title (a title, name, session, talk or topic "
            "field); skipped",
            "w.yaml:6: warning: list item 4: not a talk record (it has a 'tasks' field); skipped",
            "w.yaml:10: warning: a speaker of 'Second Talk' has no name; skipped",
            "w.yaml:12: warning: cannot read the time range 'whenever' (expected e.g. '9:00am EST "
            "- 9:30am "
            "EST'); time of 'Second Talk' kept as text",
            "w.yaml:15: warning: unknown time zone 'XYZ'; times kept without a UTC offset (time of "
            "'Third Talk')"});
  const EntityRecord* first = Entity(*b, Label::kTalk, "First Talk");
  REQUIRE(first);
  CHECK(Prop(*first, "time") == "next Tuesday");
  CHECK(Prop(*Entity(*b, Label::kTalk, "Second Talk"), "time") == "whenever");
  CHECK(Prop(*Entity(*b, Label::kTalk, "Third Talk"), "start") == "2025-03-04T10:00:00");

  auto broken = Read("b.txt", "- title: One: Talk\n  speakers: Ana Silva\n- title: Two\n");
  REQUIRE(broken.ok());
  CHECK(Warnings(*broken) ==
        std::vector<std::string>{"b.txt:1: warning: not valid YAML (illegal map value); read as "
                                 "key: value records"});
  CHECK(Count(*broken, Label::kTalk) == 2);
}

TEST_CASE("Record warnings are capped and counted") {
  std::string text = "[{\"title\": \"A Real Talk\"}";
  for (int i = 0; i < 100; ++i) text += ",\n{\"id\": " + std::to_string(i) + "}";
  text += "]";
  auto b = Read("many.json", text);
  REQUIRE(b.ok());
  auto w = Warnings(*b);
  REQUIRE(w.size() == 31);
  CHECK(w.front() == "many.json: warning: 70 more list items were skipped (warnings not shown)");
  CHECK(w[1] ==
        "many.json:2: warning: list item 2: no title (a title, name, session, talk or "
        "topic field); skipped");

  std::string dates = "talks:\n";
  for (int i = 0; i < 40; ++i)
    dates += "  - title: Talk " + std::string(1, static_cast<char>('A' + i % 26)) +
             std::to_string(i) + "\n    date: soon\n";
  auto d = Read("dates.yaml", dates);
  REQUIRE(d.ok());
  auto dw = Warnings(*d);
  REQUIRE(dw.size() == 31);
  CHECK(dw.front() == "dates.yaml: warning: 10 more warnings not shown");
}

TEST_CASE("Fields are matched by meaning in any spelling") {
  auto b = Read("f.json", R"([
  {"Talk-Title": "Service Meshes With Linkerd",
   "Presenters": [{"firstName": "Ana", "lastName": "Silva", "tagLine": "Staff Engineer @ Initech"},
                  {"displayName": "Bo Li, Globex"},
                  {"speaker_name": "Cy Young", "Affiliation": {"name": "Initrode"}, "JobTitle": "CTO"}],
   "Event_Name": "Example Meetup",
   "starts_at": "2025-03-04T18:30:00+0530",
   "ends-at": "2025-03-04T19:00Z",
   "Links": [{"label": "Recording", "href": "https://example.org/watch/1"},
             {"title": "Page", "url": "https://example.org/talk/1"},
             "https://example.org/deck.pdf"],
   "Session_Type": "Lightning Talks",
   "Stream": "Networking",
   "Location": "Room 7",
   "Details": "We compare Linkerd with nothing at all."}
])");
  REQUIRE(b.ok());
  CHECK(b->diagnostics.empty());
  const EntityRecord* t = Entity(*b, Label::kTalk, "Service Meshes With Linkerd");
  REQUIRE(t);
  CHECK(t->evidence.line == 2);
  CHECK(Prop(*t, "start") == "2025-03-04T18:30:00+05:30");
  CHECK(Prop(*t, "end") == "2025-03-04T19:00:00+00:00");
  CHECK(Prop(*t, "url") == "https://example.org/talk/1");
  CHECK(Prop(*t, "video") == "https://example.org/watch/1");
  CHECK(Prop(*t, "slides") == "https://example.org/deck.pdf");
  CHECK(Prop(*t, "type") == "Lightning Talks");
  CHECK(Prop(*t, "description") == "We compare Linkerd with nothing at all.");
  const EntityRecord* ana = Entity(*b, Label::kPerson, "Ana Silva");
  REQUIRE(ana);
  CHECK(Prop(*ana, "job_title") == "Staff Engineer");
  CHECK(Related(*b, RelType::kAffiliatedWith, ana->key, MakeKey(Label::kOrganization, "Initech")));
  CHECK(Related(*b, RelType::kAffiliatedWith, MakeKey(Label::kPerson, "Bo Li"),
                MakeKey(Label::kOrganization, "Globex")));
  CHECK(Related(*b, RelType::kAffiliatedWith, MakeKey(Label::kPerson, "Cy Young"),
                MakeKey(Label::kOrganization, "Initrode")));
  CHECK(Prop(*Entity(*b, Label::kPerson, "Cy Young"), "job_title") == "CTO");
  CHECK(Entity(*b, Label::kEvent, "Example Meetup"));
  CHECK(Entity(*b, Label::kRoom, "Room 7"));
  CHECK(Entity(*b, Label::kTrack, "Networking"));
  CHECK(Related(*b, RelType::kMentions, t->key, MakeKey(Label::kProject, "Linkerd")));
  CHECK(Related(*b, RelType::kMentions, MakeKey(Label::kDocument, "f.json"),
                MakeKey(Label::kProject, "Linkerd")));
}

TEST_CASE("Speakers written as text are read by the heading grammar, else split into names") {
  auto b = Read("s.yaml",
                "- title: One\n  by: Ana Silva (Initech) & Bo Li (Globex)\n"
                "- title: Two\n  hosts: ana; bo and cy, dee & eve\n"
                "- title: Three\n  author: [Fay Wong, Staff Engineer, Initech]\n");
  REQUIRE(b.ok());
  CHECK(Related(*b, RelType::kAffiliatedWith, MakeKey(Label::kPerson, "Bo Li"),
                MakeKey(Label::kOrganization, "Globex")));
  for (const char* name : {"ana", "bo", "cy", "dee", "eve"})
    CHECK(Entity(*b, Label::kPerson, name));
  // A list item is one speaker each: "Staff Engineer" and "Initech" are not people, but the
  // flow list splits them; the grammar does not read a single word as a person.
  CHECK(Entity(*b, Label::kPerson, "Fay Wong"));
}

TEST_CASE("Records that are not sessions make no talk but give document mentions") {
  auto b = Read("k.yaml",
                "- title: Why we love Cilium\n  type: Blog Posts\n"
                "- title: Prometheus Stories\n  kind: podcast-episode\n"
                "- title: A Demo of Falco\n  type: demos\n"
                "- title: Something Else\n  type: hallway chat\n"
                "- title: Categorised\n  category: Video\n"
                "- title: Tracked\n  category: Security\n");
  REQUIRE(b.ok());
  CHECK_FALSE(Entity(*b, Label::kTalk, "Why we love Cilium"));
  CHECK_FALSE(Entity(*b, Label::kTalk, "Prometheus Stories"));
  CHECK_FALSE(Entity(*b, Label::kTalk, "Categorised"));
  CHECK(Entity(*b, Label::kTalk, "A Demo of Falco"));
  const EntityRecord* other = Entity(*b, Label::kTalk, "Something Else");
  REQUIRE(other);
  CHECK(Prop(*other, "type") == "hallway chat");
  CHECK(Entity(*b, Label::kTrack, "Security"));
  const std::string doc = MakeKey(Label::kDocument, "k.yaml");
  CHECK(Related(*b, RelType::kMentions, doc, MakeKey(Label::kProject, "Cilium")));
  CHECK(Related(*b, RelType::kMentions, doc, MakeKey(Label::kProject, "Prometheus")));
}

TEST_CASE("Dates: full times keep their offset, dates alone are a property") {
  auto start = [](const std::string& value, const std::string& key = "start") {
    auto b = Read("d.yaml", "- title: A Talk\n  " + key + ": " + value + "\n- title: B Talk\n");
    REQUIRE(b.ok());
    const EntityRecord* t = Entity(*b, Label::kTalk, "A Talk");
    REQUIRE(t);
    return Prop(*t, "start") + "|" + Prop(*t, "date") + "|" + Prop(*t, "time");
  };
  CHECK(start("2025-11-13T09:00:00-05:00") == "2025-11-13T09:00:00-05:00||");
  CHECK(start("2025-11-13T09:00:00.250Z") == "2025-11-13T09:00:00+00:00||");
  CHECK(start("2025-11-13 9:05", "datetime") == "2025-11-13T09:05:00||");
  CHECK(start("2001-12-14 21:59:43.10 -5", "when") == "2001-12-14T21:59:43-05:00||");
  CHECK(start("2025-11-13", "date") == "|2025-11-13|");
  CHECK(start("Thursday, November 13, 2025", "date") == "|2025-11-13|");
  CHECK(start("2025-13-01") == "||2025-13-01");
  CHECK(start("2025-11-13T25:00") == "||2025-11-13T25:00");
  CHECK(start("1731488400") == "||1731488400");
  // A start written as a time of day takes its date from "date" and its end from "end".
  auto b = Read("c.yaml",
                "- title: A Talk\n  date: 2025-11-13\n  start: \"10:00\"\n"
                "  end: 10:45 CET\n- title: B Talk\n");
  REQUIRE(b.ok());
  const EntityRecord* t = Entity(*b, Label::kTalk, "A Talk");
  REQUIRE(t);
  CHECK(Prop(*t, "start") == "2025-11-13T10:00:00+01:00");
  CHECK(Prop(*t, "end") == "2025-11-13T10:45:00+01:00");
  CHECK(b->diagnostics.empty());
}

TEST_CASE("A talk's event is resolved with the year of its date") {
  auto b = Read("e.yaml",
                "- title: One\n  speakers: Ana Silva\n  event: KubeCon EU\n  date: 2024-03-20\n"
                "- title: Two\n  speakers: Bo Li\n  conference: {name: KubeCon EU}\n"
                "  date: 2025-04-02\n");
  REQUIRE(b.ok());
  CHECK(Entity(*b, Label::kEvent, "KubeCon + CloudNativeCon Europe 2024"));
  CHECK(Entity(*b, Label::kEvent, "KubeCon + CloudNativeCon Europe 2025"));
}

TEST_CASE("JSON evidence lines are the lines of the titles") {
  auto b = Read("l.json",
                "[\n  {\"id\": 1,\n   \"title\": \"Same\"},\n  {\"id\": 2,\n\n   \"title\": "
                "\"Same\", \"speakers\": \"Ana Silva\"},\n  {\"title\": \"Caf\\u00e9 Talk\"}\n]\n");
  REQUIRE(b.ok());
  std::vector<int> lines;
  for (const auto& e : b->entities)
    if (e.label == Label::kTalk) lines.push_back(e.evidence.line);
  // The title written with an escape is not found as written; its record's line is used.
  CHECK(lines == std::vector<int>{3, 6, 7});
}

TEST_CASE("Text that is not valid YAML is read as key: value records") {
  auto b = Read("loose.txt",
                "talks:\n"
                "- title: Tabs\tand: colons\n"
                "  speakers:\n"
                "  - name: Ana Silva\n"
                "    company: Initech\n"
                "  - Bo Li\n"
                "  url: https://example.org/a\n"
                "- title: \"Quoted: Title\"\n"
                "  description:\n"
                "    Argo CD everywhere,\n"
                "    all the time.\n"
                "  title: Repeated Key Starts a Record\n");
  REQUIRE(b.ok());
  REQUIRE(b->diagnostics.size() == 1);
  CHECK(b->diagnostics[0].message.rfind("not valid YAML (", 0) == 0);
  const EntityRecord* tabs = Entity(*b, Label::kTalk, "Tabs\tand: colons");
  const EntityRecord* collapsed = Entity(*b, Label::kTalk, "Tabs and: colons");
  REQUIRE((tabs || collapsed));
  const EntityRecord& t = tabs ? *tabs : *collapsed;
  CHECK(Prop(t, "url") == "https://example.org/a");
  CHECK(Related(*b, RelType::kPresents, MakeKey(Label::kPerson, "Bo Li"), t.key));
  CHECK(Related(*b, RelType::kAffiliatedWith, MakeKey(Label::kPerson, "Ana Silva"),
                MakeKey(Label::kOrganization, "Initech")));
  const EntityRecord* quoted = Entity(*b, Label::kTalk, "Quoted: Title");
  REQUIRE(quoted);
  CHECK(Prop(*quoted, "description") == "Argo CD everywhere, all the time.");
  CHECK(Entity(*b, Label::kTalk, "Repeated Key Starts a Record"));
}

TEST_CASE("Document-level fields of a wrapping mapping") {
  auto b = Read("w.yaml",
                "title: Our Talks\nevent: Example Conf 2031\ndescription: Mostly about Envoy.\n"
                "talks:\n  - title: One\n  - title: Two\n    event: Other Conf\n");
  REQUIRE(b.ok());
  const EntityRecord* doc = Entity(*b, Label::kDocument, "w.yaml");
  REQUIRE(doc);
  CHECK(Prop(*doc, "title") == "Our Talks");
  const EntityRecord* one = Entity(*b, Label::kTalk, "One");
  const EntityRecord* two = Entity(*b, Label::kTalk, "Two");
  REQUIRE(one);
  REQUIRE(two);
  CHECK(Related(*b, RelType::kPartOf, one->key, MakeKey(Label::kEvent, "Example Conf 2031")));
  CHECK(Related(*b, RelType::kPartOf, two->key, MakeKey(Label::kEvent, "Other Conf")));
  const EntityRecord* event = Entity(*b, Label::kEvent, "Example Conf 2031");
  REQUIRE(event);
  CHECK(event->evidence.line == 2);
}

TEST_CASE("Input helpers: key spellings, record checks, line shapes, front matter") {
  using namespace talk_list;
  CHECK(NormaliseKey("startsAt") == "startsat");
  CHECK(NormaliseKey("Start_Time") == "starttime");
  CHECK(NormaliseKey("talk-title") == "talktitle");
  CHECK(NormaliseKey("full name") == "fullname");
  Value record{Value::Kind::kMap, 1, "", {"name", "company"}, {}};
  record.items.push_back({Value::Kind::kScalar, 1, "Ana Silva", {}, {}});
  record.items.push_back({Value::Kind::kScalar, 2, "Initech", {}, {}});
  CHECK(RecordProblem(record) == "no title (a title, name, session, talk or topic field)");
  record.keys.push_back("speakers");
  record.items.push_back({Value::Kind::kScalar, 3, "Bo Li", {}, {}});
  CHECK(RecordProblem(record) == "");
  CHECK(RecordProblem(Value{}) == "not a mapping");
  LineShapes shapes = ScanLineShapes(Doc("s.yaml",
                                         "# comment\n- title: One\n  description: |\n"
                                         "    folded text\n    more text\n- Plain item\n"
                                         "A line of prose.\n"));
  CHECK(shapes.structured == 3);
  CHECK(shapes.other == 1);
  CHECK(shapes.title_keys == 1);
  CHECK(IsMarkdownWithFrontMatter(Doc("a.md", "---\ntitle: x\n---\n\nBody.\n")));
  CHECK_FALSE(IsMarkdownWithFrontMatter(Doc("a.yaml", "---\n- title: x\n---\n- title: y\n")));
  CHECK_FALSE(IsMarkdownWithFrontMatter(Doc("a.yaml", "---\ntitle: x\n...\n")));
  CHECK_FALSE(IsMarkdownWithFrontMatter(Doc("a.yaml", "title: x\n---\nBody.\n")));
}

// How fast hostile input is read is measured by the build benchmark (bench/), never here: these
// cases only show that it is read without a crash and with bounded output.
TEST_CASE("Hostile input never crashes") {
  const Gazetteer& g = Gazetteer::Builtin();
  // Reads `text` as a talk list; `detect` also runs every reader's recogniser.
  auto run = [&](const std::string& name, const std::string& text, bool detect = true) {
    auto d = MakeDocument(name, text);
    if (!d.ok()) return;
    if (detect) (void)DetectReader(*d);
    (void)RecogniseTalkList(*d);
    auto b = ExtractTalkList(*d, g);
    if (b.ok()) {
      for (const auto& r : b->relations) CHECK_FALSE(r.source.empty());
    }
  };
  SECTION("deeply nested JSON") {
    run("deep.json", std::string(200000, '[') + std::string(200000, ']'));
    run("deep2.json", "[" + std::string(100000, '{') + "}");
    std::string objects;
    for (int i = 0; i < 50000; ++i) objects += "{\"title\":";
    objects += "\"x\"" + std::string(50000, '}');
    run("deep3.json", "[" + objects + "]");
  }
  SECTION("deeply nested YAML") {
    run("deep.yaml", "- title: x\n  speakers: " + std::string(50000, '[') + "\n");
    std::string block = "- title: x\n  speakers:\n";
    for (int i = 0; i < 3000; ++i) block += std::string(4 + i % 200, ' ') + "- - - - -\n";
    run("deep2.yaml", block);
    run("deep3.yaml", "- title: x\n  speakers: " + std::string(20000, '{') + "\n");
  }
  SECTION("YAML aliases that repeat a large node") {
    std::string text = "- title: base\n  description: &d " + std::string(200000, 'x') + "\n";
    text += "- &r {title: r, description: *d, speakers: [*d, *d, *d, *d]}\n";
    for (int i = 0; i < 2000; ++i) text += "- *r\n";
    auto d = Doc("bomb.yaml", text);
    auto b = ExtractTalkList(d, g);
    REQUIRE(b.ok());
    bool cut = false;
    for (const auto& w : b->diagnostics)
      cut = cut || w.message.find("repeats more text than it holds") != std::string::npos;
    CHECK(cut);
  }
  SECTION("a 1 MB single-line JSON array") {
    const std::string filler =
        "We moved every team to Kubernetes and Prometheus, then wrote down what broke. ";
    std::string description;
    while (description.size() < 1000) description += filler;
    std::string text = "[";
    for (int i = 0; text.size() < 1024 * 1024; ++i) {
      if (i) text += ",";
      text += R"({"title":"Talk )" + std::to_string(i) +
              R"( about Kubernetes","speakers":"Ana Silva, Initech & Bo Li, Globex",)"
              R"("date":"2025-01-0)" +
              std::to_string(1 + i % 9) + R"(","description":")" + description +
              R"(","url":"https://example.org/t/)" + std::to_string(i) + R"("})";
    }
    text += "]";
    auto d = Doc("big.json", text);
    CHECK(RecogniseTalkList(d) == 80);
    auto b = ExtractTalkList(d, g);
    REQUIRE(b.ok());
    CHECK(Count(*b, Label::kTalk) > 800);
    for (const auto& e : b->entities) CHECK(e.evidence.text.size() <= 404);
  }
  SECTION("a 1 MB single-line JSON array of numbers") {
    std::string text = "[1";
    while (text.size() < 1024 * 1024) text += ",1";
    text += "]";
    run("numbers.json", text, /*detect=*/false);
  }
  SECTION("long lines of YAML-like text") {
    std::string text = "- title: " + std::string(1024 * 1024, 'a') + "\n- title: b: c\n";
    text += std::string(1024 * 1024, ':') + "\n";
    run("long.txt", text, /*detect=*/false);
  }
  SECTION("records with very many fields") {
    std::string lines = "- title: One: Talk\n- title: Two: Talk\n";
    std::string json = "[{\"title\": \"One\"";
    for (int i = 0; i < 200000; ++i) {
      lines += "  k" + std::to_string(i) + ": v\n";
      json += ", \"k" + std::to_string(i) + "\": 1";
    }
    json += "}]";
    run("fields.txt", lines, /*detect=*/false);
    run("fields.json", json, /*detect=*/false);
  }
  SECTION("random bytes and random YAML-ish text") {
    std::mt19937 rng(7);
    const std::string alphabet = "abc XYZ-#*&!|>[]{}():;,.?`~\n\t0123456789\"'@%title: name: - ";
    for (int round = 0; round < 400; ++round) {
      std::string s;
      const std::size_t len = 1 + rng() % 500;
      for (std::size_t i = 0; i < len; ++i)
        s.push_back(round % 2 ? alphabet[rng() % alphabet.size()]
                              : static_cast<char>(1 + rng() % 255));
      run(round % 3 ? "random.yaml" : "random.json", (round % 4 == 0 ? "[" : "") + s);
    }
  }
}

TEST_CASE("A start and a duration give the end, across midnight and in the start's offset",
          "[talk_list]") {
  auto b = Read("talks.json", R"([
  {"title": "Rebuilding the Ingress Layer", "speakers": ["Ana Silva"],
   "start": "2025-11-12T14:30:00-05:00", "duration_minutes": 35},
  {"title": "Late Night Pager Stories", "speakers": ["Bo Li"],
   "start": "2025-12-31T23:40:00+01:00", "duration": "1h 5min"},
  {"title": "No Length Given Here", "speakers": ["Cy Young"],
   "start": "2025-06-01T10:00:00Z", "duration": "a while"}
])");
  REQUIRE(b.ok());
  const EntityRecord* a = Entity(*b, Label::kTalk, "Rebuilding the Ingress Layer");
  REQUIRE(a);
  CHECK(Prop(*a, "end") == "2025-11-12T15:05:00-05:00");
  const EntityRecord* n = Entity(*b, Label::kTalk, "Late Night Pager Stories");
  REQUIRE(n);
  CHECK(Prop(*n, "end") == "2026-01-01T00:45:00+01:00");
  const EntityRecord* c = Entity(*b, Label::kTalk, "No Length Given Here");
  REQUIRE(c);
  CHECK(Prop(*c, "end").empty());
}

TEST_CASE("An honorific is no part of a speaker's name", "[talk_list]") {
  auto b = Read("talks.json", R"js([
  {"title": "Open Data for Public Transit", "presenters": [{"name": "Dr. Ines Okoro", "affiliation": "Civic Labs"}]},
  {"title": "Measuring What Matters", "speakers": ["Prof Tamsin Vale (Northfield University)"]}
])js");
  REQUIRE(b.ok());
  CHECK(Entity(*b, Label::kPerson, "Ines Okoro"));
  CHECK(Entity(*b, Label::kPerson, "Tamsin Vale"));
  CHECK_FALSE(Entity(*b, Label::kPerson, "Dr. Ines Okoro"));
}
