#include <catch2/catch.hpp>

#include "graph/builder.h"
#include "graph/lookup.h"
#include "graph/resolve.h"
#include "graph/why.h"

using namespace cnkg;

namespace {

// A tiny batch writer for tests: entities keyed the way extractors key them.
struct Doc {
  ExtractionBatch b;
  explicit Doc(std::string name) { b.document = std::move(name); }
  std::string Add(Label l, const std::string& name, std::vector<std::string> aliases = {},
                  Properties props = {}, int line = 1) {
    EntityRecord e{MakeKey(l, name),        l, name, std::move(aliases), std::move(props),
                   {b.document, line, name}};
    b.entities.push_back(e);
    return e.key;
  }
  void Rel(const std::string& s, const std::string& t, RelType type, int line = 1) {
    b.relations.push_back({s, t, type, {}, {b.document, line, s + " " + t}});
  }
};

}  // namespace

TEST_CASE("Names equal after folding are one node, across documents") {
  KnowledgeGraph g;
  GraphBuilder builder(g);
  Doc a("a.txt"), b("b.txt");
  a.Add(Label::kOrganization, "solo.io");
  a.Add(Label::kPerson, "Amélie Varenne");
  b.Add(Label::kOrganization, "Solo.io");
  b.Add(Label::kPerson, "amelie varenne");
  REQUIRE(builder.Add(a.b).ok());
  REQUIRE(builder.Add(b.b).ok());
  CHECK(g.num_nodes() == 2);
  const Node& org = g.node(*g.Find(MakeKey(Label::kOrganization, "Solo.io")));
  CHECK(org.evidence.size() == 2);
  REQUIRE_FALSE(builder.merges().empty());
  CHECK(builder.merges()[0].reason == "same name after normalisation");
}

TEST_CASE("A talk named by its bare title merges with the prefixed one of the same event") {
  KnowledgeGraph g;
  GraphBuilder builder(g);
  Doc sched("sched.txt"), post("post.md");
  std::string ev = sched.Add(Label::kEvent, "Harbour Summit 2026");
  std::string t = sched.Add(Label::kTalk, "Keynote: Ships at Sea", {"Ships at Sea"});
  sched.Rel(t, ev, RelType::kPartOf);
  std::string ev2 = post.Add(Label::kEvent, "Harbour Summit 2026");
  std::string t2 = post.Add(Label::kTalk, "Ships at Sea");
  post.Rel(t2, ev2, RelType::kPartOf);
  REQUIRE(builder.Add(sched.b).ok());
  REQUIRE(builder.Add(post.b).ok());
  CHECK(g.CountByLabel()[Label::kTalk] == 1);
  CHECK(builder.merges().back().reason == "same name or alias 'Ships at Sea'");
}

TEST_CASE("Talks of different events never merge by alias") {
  KnowledgeGraph g;
  GraphBuilder builder(g);
  Doc one("one.txt"), two("two.txt");
  std::string e1 = one.Add(Label::kEvent, "Summit 2025");
  std::string t1 = one.Add(Label::kTalk, "Keynote: Closing Remarks", {"Closing Remarks"});
  one.Rel(t1, e1, RelType::kPartOf);
  std::string e2 = two.Add(Label::kEvent, "Summit 2026");
  std::string t2 = two.Add(Label::kTalk, "Closing Remarks");
  two.Rel(t2, e2, RelType::kPartOf);
  REQUIRE(builder.Add(one.b).ok());
  REQUIRE(builder.Add(two.b).ok());
  CHECK(g.CountByLabel()[Label::kTalk] == 2);
}

TEST_CASE("Talks of one event at different times never merge by name") {
  KnowledgeGraph g;
  GraphBuilder builder(g);
  Doc day1("day1.txt"), cal("all.ics");
  std::string e1 = day1.Add(Label::kEvent, "Summit 2026");
  std::string t1 = day1.Add(Label::kTalk, "Closing Remarks Day One", {"Closing Remarks"},
                            {{"start", std::string("2026-03-24T17:00:00+01:00")}});
  day1.Rel(t1, e1, RelType::kPartOf);
  std::string e2 = cal.Add(Label::kEvent, "Summit 2026");
  // The same slot written in UTC merges; another day's slot does not.
  std::string same = cal.Add(Label::kTalk, "Closing Remarks", {},
                             {{"start", std::string("2026-03-24T16:00:00Z")}});
  cal.Rel(same, e2, RelType::kPartOf);
  REQUIRE(builder.Add(day1.b).ok());
  REQUIRE(builder.Add(cal.b).ok());
  CHECK(g.CountByLabel()[Label::kTalk] == 1);
  Doc day2("day2.ics");
  std::string e3 = day2.Add(Label::kEvent, "Summit 2026");
  std::string other = day2.Add(Label::kTalk, "Closing Remarks", {},
                               {{"start", std::string("2026-03-25T15:30:00+00:00")}});
  day2.Rel(other, e3, RelType::kPartOf);
  REQUIRE(builder.Add(day2.b).ok());
  CHECK(g.CountByLabel()[Label::kTalk] == 2);
}

TEST_CASE("Talks with the same url are one talk") {
  KnowledgeGraph g;
  GraphBuilder builder(g);
  Doc a("a.md"), b("b.md");
  a.Add(Label::kTalk, "Scaling Widgets", {}, {{"url", std::string("https://x.sched.com/event/1")}});
  b.Add(Label::kTalk, "Scaling Widgets Across Regions", {},
        {{"url", std::string("https://x.sched.com/event/1")}});
  REQUIRE(builder.Add(a.b).ok());
  REQUIRE(builder.Add(b.b).ok());
  CHECK(g.CountByLabel()[Label::kTalk] == 1);
}

TEST_CASE("A name shared by two nodes is ambiguous and merges with neither") {
  KnowledgeGraph g;
  GraphBuilder builder(g);
  Doc a("a.txt"), b("b.txt");
  a.Add(Label::kOrganization, "Northwind Traders", {"Northwind"});
  a.Add(Label::kOrganization, "Northwind Labs", {"Northwind"});
  b.Add(Label::kOrganization, "Northwind");
  REQUIRE(builder.Add(a.b).ok());
  REQUIRE(builder.Add(b.b).ok());
  CHECK(g.CountByLabel()[Label::kOrganization] == 3);
}

TEST_CASE("Alias rules add merges and can forbid one") {
  AliasRules rules;
  rules.AddVariant(Label::kOrganization, "Contoso", "Contoso Cloud");
  rules.Forbid(Label::kPerson, "Sam Lee", "Sam Lee-Park");
  KnowledgeGraph g;
  GraphBuilder builder(g, rules);
  Doc a("a.txt"), b("b.txt");
  a.Add(Label::kOrganization, "Contoso Cloud");
  a.Add(Label::kPerson, "Sam Lee-Park", {"Sam Lee"});
  b.Add(Label::kOrganization, "Contoso");
  b.Add(Label::kPerson, "Sam Lee");
  REQUIRE(builder.Add(a.b).ok());
  REQUIRE(builder.Add(b.b).ok());
  auto orgs = FindByName(g, "Contoso", Label::kOrganization);
  REQUIRE(orgs.size() == 1);
  CHECK(g.node(orgs[0]).name == "Contoso");
  CHECK(g.node(orgs[0]).aliases == std::vector<std::string>{"Contoso Cloud"});
  CHECK(g.CountByLabel()[Label::kPerson] == 2);
  CHECK(rules.Forbids(Label::kPerson, "sam lee-park", "SAM LEE"));
  CHECK_FALSE(rules.Forbids(Label::kOrganization, "Sam Lee", "Sam Lee-Park"));
}

TEST_CASE("Removing a document keeps what other documents said") {
  KnowledgeGraph g;
  GraphBuilder builder(g);
  Doc a("dir/a.txt"), b("b.txt");
  std::string p = a.Add(Label::kPerson, "Ada");
  std::string t = a.Add(Label::kTalk, "Engines");
  a.Rel(p, t, RelType::kPresents);
  std::string only_a = a.Add(Label::kProject, "Widget");
  a.Rel(t, only_a, RelType::kMentions);
  b.Add(Label::kPerson, "Ada");
  std::string t2 = b.Add(Label::kTalk, "Engines");
  b.Rel(b.Add(Label::kPerson, "Ada"), t2, RelType::kPresents);
  REQUIRE(builder.Add(a.b).ok());
  REQUIRE(builder.Add(b.b).ok());
  CHECK(builder.HasDocument("dir/a.txt") == false);  // no Document node in this batch
  CHECK(builder.RemoveDocument("a.txt") == 0);       // documents are named by their identity
  CHECK(builder.RemoveDocument("dir/a.txt") == 1);   // the project only dir/a.txt named
  CHECK(g.num_nodes() == 2);
  CHECK(g.num_edges() == 1);
  const Node& ada = g.node(*g.Find(p));
  REQUIRE(ada.evidence.size() == 1);
  CHECK(ada.evidence[0].document == "b.txt");
}

TEST_CASE("why explains an entity and a pair, and suggests names") {
  KnowledgeGraph g;
  GraphBuilder builder(g);
  Doc a("a.txt");
  std::string p = a.Add(Label::kProject, "Kueue", {}, {}, 7);
  std::string t = a.Add(Label::kTalk, "Batch Scheduling", {}, {}, 5);
  a.Rel(t, p, RelType::kMentions, 9);
  REQUIRE(builder.Add(a.b).ok());
  auto one = ExplainEntity(g, "kueue");
  REQUIRE(one.ok());
  CHECK(one->find("Kueue  [Project]  project:kueue") != std::string::npos);
  CHECK(one->find("a.txt:7") != std::string::npos);
  CHECK(one->find("<-[MENTIONS]- Talk \"Batch Scheduling\"") != std::string::npos);
  auto pair = ExplainPair(g, "Kueue", "batch scheduling");
  REQUIRE(pair.ok());
  CHECK(pair->find("Talk \"Batch Scheduling\" -[MENTIONS]-> Project \"Kueue\"\n    a.txt:9") !=
        std::string::npos);
  auto missing = ExplainEntity(g, "Kueu");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message() == "no node named 'Kueu' (did you mean: Kueue?)");
  Doc b("b.txt");
  b.Add(Label::kProject, "Volcano");
  REQUIRE(builder.Add(b.b).ok());
  auto unrelated = ExplainPair(g, "Kueue", "Volcano");
  REQUIRE_FALSE(unrelated.ok());
  CHECK(unrelated.status().message() ==
        "'Kueue' and 'Volcano' are not directly related (try 'cnkg why' on each)");
}
