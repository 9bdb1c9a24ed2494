// The article reader on inputs that golden files do not cover well: format detection, bad input,
// very large input, and the Markdown line helpers. All texts are invented.

#include "extract/readers/article.h"

#include <catch2/catch.hpp>
#include <random>
#include <set>
#include <string>

#include "extract/core/document.h"
#include "extract/gazetteer/gazetteer.h"
#include "extract/gazetteer/mentions.h"
#include "extract/markup/markdown.h"
#include "extract/reader.h"
#include "graph/builder.h"
#include "graph/resolve.h"
#include "graph/snapshot.h"

using namespace cnkg;

namespace {

Document Doc(const std::string& name, const std::string& text) {
  auto d = MakeDocument(name, text);
  REQUIRE(d.ok());
  return std::move(d).value();
}

int Count(const ExtractionBatch& b, Label label) {
  int n = 0;
  for (const auto& e : b.entities)
    if (e.label == label) ++n;
  return n;
}

int CountRelations(const ExtractionBatch& b, RelType type, const std::string& source = "") {
  int n = 0;
  for (const auto& r : b.relations)
    if (r.type == type && (source.empty() || r.source == source)) ++n;
  return n;
}

}  // namespace

TEST_CASE("LooksLikeArticle accepts prose and Markdown, not code or tables of data") {
  CHECK(LooksLikeArticle(
      Doc("a.md", "# Notes\n\nWe spent the week at the conference and learned a lot.\n")));
  CHECK(LooksLikeArticle(
      Doc("a.txt",
          "My trip report\nThe first day was about platform teams and their users.\n"
          "The second day was about security, and it was even better.\n")));
  CHECK_FALSE(
      LooksLikeArticle(Doc("a.cc",
                           "#include <vector>\n\nint main() {\n  std::vector<int> v;\n"
                           "  for (int i = 0; i < 3; ++i) v.push_back(i);\n  return 0;\n}\n")));
  CHECK_FALSE(
      LooksLikeArticle(Doc("a.csv",
                           "title,speaker,company\n\"A talk about many things\",Ana Silva,Initech\n"
                           "\"Another talk about other things\",Bo Li,Globex\n"
                           "\"Yet another long talk title here\",Cy Young,Initrode\n")));
  CHECK_FALSE(LooksLikeArticle(Doc("a.tsv", "a\tb\tc\n1\t2\t3\n4\t5\t6\n")));
  CHECK_FALSE(
      LooksLikeArticle(Doc("a.py",
                           "import os\n\n\ndef walk(root):\n"
                           "    \"\"\"Walks the tree below root and yields every file it finds.\n\n"
                           "    The order is the order the operating system gives us back.\n"
                           "    \"\"\"\n    for d, _, files in os.walk(root):\n"
                           "        for f in files:\n            yield os.path.join(d, f)\n")));
  CHECK_FALSE(LooksLikeArticle(
      Doc("a.sh",
          "#!/bin/sh\nset -e\n# Builds the project and runs all the tests we have.\n"
          "if [ -z \"$DIR\" ]; then\n  DIR=build\nfi\ncmake -S . -B \"$DIR\"\n"
          "ninja -C \"$DIR\"\n")));
  CHECK_FALSE(
      LooksLikeArticle(Doc("a.log",
                           "2025-03-01 10:00:01 INFO starting the server on the usual port\n"
                           "2025-03-01 10:00:02 INFO loaded the configuration from the disk\n"
                           "2025-03-01 10:00:09 WARN the cache is cold and will be warmed up\n")));
  // Code in a Markdown fence does not make a post a source file.
  CHECK(
      LooksLikeArticle(Doc("a.md",
                           "# Setup notes\n\nWe installed the chart with the usual command and it "
                           "worked.\n\n```\nimport os\nx = 1\nfor i in range(3):\n    print(i)\n"
                           "def f():\n    return 2\n```\n\nAfter that, everything was green in the "
                           "dashboard.\n")));
  CHECK_FALSE(LooksLikeArticle(Doc("a.txt", "12 34 56\n78 90 12\n")));
}

TEST_CASE("Detection tries the schedule reader first") {
  Document schedule = Doc("s.txt",
                          "Some Talk Title#\nTime: 10:00 - 10:30\nSpeakers: Ana Silva (Initech)\n"
                          "Description: We will talk about the many ways to run things.\n");
  CHECK(DetectReader(schedule) == FindReader("schedule"));
  Document article = Doc("a.txt",
                         "A recap\nWe went to a conference and it was a good one overall.\n"
                         "The talks about Kubernetes were the best part of the week.\n");
  CHECK(DetectReader(article) == FindReader("article"));
}

TEST_CASE("An article without headings gives document mentions and no talks") {
  Document d = Doc("prose.txt",
                   "We moved our deployments to Argo CD last spring and never looked back.\n"
                   "Prometheus still watches everything, as it has for years now.\n");
  auto b = ExtractArticle(d, Gazetteer::Builtin());
  REQUIRE(b.ok());
  CHECK(Count(*b, Label::kTalk) == 0);
  const std::string doc_key = MakeKey(Label::kDocument, "prose.txt");
  CHECK(CountRelations(*b, RelType::kMentions, doc_key) >= 2);
  CHECK(b->diagnostics.empty());
}

TEST_CASE("An article with nothing to read is read, with a warning naming the file") {
  Document d = Doc("empty-ish.txt", "Nothing to see here, just a few words of plain text.\n");
  auto b = ExtractArticle(d, Gazetteer::Builtin());
  REQUIRE(b.ok());
  CHECK(Count(*b, Label::kDocument) == 1);
  REQUIRE(b->diagnostics.size() == 1);
  CHECK(b->diagnostics[0].ToString() ==
        "empty-ish.txt: warning: no talks, events or project mentions found in the article");
}

TEST_CASE("Broken front matter is a warning naming its line; the rest is read") {
  Document d =
      Doc("broken.md",
          "---\ntitle: never closed\n\n## Day 1\n\n"
          "### Tuning Envoy for Latency - Ana Silva, Initech\n\nEnvoy filters were the topic.\n");
  auto b = ExtractArticle(d, Gazetteer::Builtin());
  REQUIRE(b.ok());
  REQUIRE(b->diagnostics.size() == 1);
  CHECK(b->diagnostics[0].line == 1);
  CHECK(b->diagnostics[0].message.find("front matter") != std::string::npos);
  CHECK(Count(*b, Label::kTalk) == 1);
}

TEST_CASE("Evidence names the document and the 1-based line") {
  Document d = Doc("ev.txt",
                   "A recap of the week\nDay 1 - Main Stage\n"
                   "Tuning Envoy for Latency - Ana Silva, Staff Engineer, Initech\n"
                   "- Talk on sched.com\nThe speakers showed how Envoy filters add latency.\n");
  auto b = ExtractArticle(d, Gazetteer::Builtin());
  REQUIRE(b.ok());
  for (const auto& e : b->entities) {
    if (e.label == Label::kDocument) continue;
    INFO(e.key);
    CHECK(e.evidence.document == "ev.txt");
    CHECK(e.evidence.line >= 1);
    CHECK_FALSE(e.evidence.text.empty());
  }
  bool affiliation = false;
  std::set<int> talk_mention_lines;
  for (const auto& r : b->relations) {
    INFO(r.source << " -> " << r.target);
    CHECK(r.evidence.document == "ev.txt");
    CHECK(r.evidence.line >= 1);
    if (r.type == RelType::kAffiliatedWith) {
      affiliation = true;
      CHECK(r.evidence.line == 3);
      CHECK(std::get<std::string>(r.properties.at("title")) == "Staff Engineer");
    }
    if (r.type == RelType::kMentions && r.source.rfind("talk:", 0) == 0)
      talk_mention_lines.insert(r.evidence.line);
  }
  CHECK(affiliation);
  // Envoy in the title (confirmed by "filters" below it) and in the description.
  CHECK(talk_mention_lines == std::set<int>{3, 5});
}

TEST_CASE("A 10 MB single-line article is read") {
  std::string text;
  text.reserve(10 * 1024 * 1024 + 100);
  const std::string sentence = "We ran Kubernetes and Prometheus [in](http://x) `prod` **today** ";
  while (text.size() < 10 * 1024 * 1024) text += sentence;
  Document d = Doc("big.txt", text);
  CHECK(LooksLikeArticle(d));
  auto b = ExtractArticle(d, Gazetteer::Builtin());
  REQUIRE(b.ok());
  CHECK(Count(*b, Label::kTalk) == 0);
  // Mentions are capped per (source, project) pair, so the batch stays small.
  CHECK(b->relations.size() < 100);
}

TEST_CASE("A long line of brackets and markup is read") {
  std::string text = "Title\n" + std::string(2 * 1024 * 1024, '[') + std::string(1024 * 1024, '`') +
                     std::string(1024 * 1024, '<') + "\n";
  Document d = Doc("brackets.txt", text);
  auto b = ExtractArticle(d, Gazetteer::Builtin());
  CHECK((b.ok() || b.status().code() == StatusCode::kParseError));
}

TEST_CASE("Random text never crashes the reader") {
  std::mt19937 rng(42);
  const std::string alphabet = "abc XYZ-#*_[]()<>|:;,.!?`~\n\t0123456789&@/\\\"'";
  for (int round = 0; round < 300; ++round) {
    std::string s;
    std::size_t len = 1 + rng() % 400;
    for (std::size_t i = 0; i < len; ++i) s.push_back(alphabet[rng() % alphabet.size()]);
    auto d = MakeDocument("random.md", s);
    if (!d.ok()) continue;
    (void)LooksLikeArticle(*d);
    auto b = ExtractArticle(*d, Gazetteer::Builtin());
    if (b.ok()) {
      for (const auto& r : b->relations) CHECK_FALSE(r.source.empty());
    }
  }
}

TEST_CASE("BlankUrlsAndPaths hides URLs, paths and host names only") {
  auto blanked = [](std::string before, std::string token, std::string after) {
    return before + std::string(token.size(), ' ') + after;
  };
  CHECK(BlankUrlsAndPaths("see https://helm.sh/docs now") ==
        blanked("see ", "https://helm.sh/docs", " now"));
  CHECK(BlankUrlsAndPaths("image docker.io/library/nginx here") ==
        blanked("image ", "docker.io/library/nginx", " here"));
  CHECK(BlankUrlsAndPaths("ask cncf.io today") == blanked("ask ", "cncf.io", " today"));
  CHECK(BlankUrlsAndPaths("Argo CD and OPA/Gatekeeper") == "Argo CD and OPA/Gatekeeper");
  CHECK(BlankUrlsAndPaths("Node.js apps") == "Node.js apps");
  CHECK(BlankUrlsAndPaths("mount /var/run/secrets") == blanked("mount ", "/var/run/secrets", ""));
}

TEST_CASE("ReadTextDoc reads Markdown blocks through cmark-gfm, with source lines") {
  Document d =
      Doc("blocks.md",
          "---\ntitle: T\ntags: [a, b]\n---\n# Head\n\n- item one\n  - nested [x](https://"
          "a.example/x)\n1. numbered\n\n| A | B |\n|---|---|\n| x | y<br>z |\n\n```\ncode # not a "
          "heading\n```\n> quoted\n\nSetext\n======\n\n**Bold** line<br>next line\nwrapped "
          "\\- escaped &amp; {{<figure title=\"Kubert demo\">}}\n");
  TextDoc t = ReadTextDoc(d);
  CHECK(t.markdown);
  CHECK(t.front_matter.present);
  CHECK(t.front_matter.fields.at("title") == "T");
  CHECK(t.front_matter.fields.at("tags") == "a, b");
  CHECK(t.front_matter.field_lines.at("title") == 2);
  std::vector<std::string> kinds;
  for (const Block& b : t.blocks) {
    std::string k = b.kind == BlockKind::kHeading    ? "H"
                    : b.kind == BlockKind::kTableRow ? "T"
                    : b.kind == BlockKind::kCode     ? "C"
                                                     : "P";
    kinds.push_back(k + std::to_string(b.first_line()));
  }
  CHECK(kinds ==
        std::vector<std::string>{"H5", "P7", "P8", "P9", "T11", "T13", "C16", "P18", "H20", "P23"});
  // Lists nest; a table cell keeps its <br> as a line break.
  REQUIRE(t.items.size() == 3);
  CHECK(t.items[1].parent == 0);
  CHECK(t.blocks[2].item == 1);
  CHECK(t.blocks[2].text == "nested x");
  REQUIRE(t.blocks[2].links.size() == 1);
  CHECK(t.blocks[2].links[0].url == "https://a.example/x");
  CHECK(t.blocks[5].cells == std::vector<std::string>{"x", "y\nz"});
  CHECK(t.blocks[7].quote);
  // <br> and line breaks split visual lines; each knows its source line; escapes and entities
  // are decoded; a figure's title is kept.
  const Block& last = t.blocks[9];
  CHECK(last.text == "Bold line\nnext line\nwrapped - escaped & Kubert demo");
  CHECK(last.line_numbers == std::vector<int>{23, 23, 24});
  CHECK(last.soft_breaks == std::vector<bool>{false, true});
  CHECK(last.Joined() == "Bold line\nnext line wrapped - escaped & Kubert demo");
  REQUIRE(last.spans.size() == 1);
  CHECK(last.spans[0].strong);
  CHECK(last.LineAt(last.text.find("wrapped")) == 24);
}

TEST_CASE("A link after a trailing <br> ends inside its block's text") {
  TextDoc t = ReadTextDoc(
      Doc("br.md", "Talk<br>[](https://sched.co/x)\n\n| a<br>[](https://y.example) |\n|---|\n"));
  for (const Block& b : t.blocks) {
    for (const TextLink& l : b.links) {
      CHECK(l.begin <= l.end);
      CHECK(l.end <= b.text.size());
    }
    for (const TextSpan& sp : b.spans) CHECK(sp.end <= b.text.size());
  }
  REQUIRE(!t.blocks.empty());
  CHECK(t.blocks[0].text == "Talk");
}

TEST_CASE("Plain text is one block per line; list markers make items") {
  Document d = Doc("plain.txt", "Title line\n#!/bin/sh\n- an item\n  its second line\nafter\n");
  TextDoc t = ReadTextDoc(d);
  CHECK_FALSE(t.markdown);
  REQUIRE(t.blocks.size() == 5);
  CHECK(t.blocks[1].text == "#!/bin/sh");
  CHECK(t.blocks[1].kind == BlockKind::kParagraph);
  REQUIRE(t.items.size() == 1);
  CHECK(t.blocks[2].text == "an item");
  CHECK(t.blocks[2].item_head);
  CHECK(t.blocks[3].item == 0);
  CHECK(t.blocks[4].item == -1);
}

TEST_CASE("A code fence that is never closed is dropped, with a warning, and the rest read") {
  Document d = Doc("fence.md", "# T\n\n```go\nfunc main() {}\n\nProse about Kubebuilder.\n");
  TextDoc t = ReadTextDoc(d);
  REQUIRE(t.diagnostics.size() == 1);
  CHECK(t.diagnostics[0].ToString() ==
        "fence.md:3: warning: code block opened on this line is never closed; the rest is read as "
        "text");
  CHECK(t.blocks.back().text == "Prose about Kubebuilder.");
}

TEST_CASE("Very long paragraphs are read in pieces, line numbers kept") {
  std::string para;
  while (para.size() < 100000) para += "Links [a](https://x.example) and **bold** text. ";
  Document d = Doc("long.md", "# T\n\n" + para + "\nsecond line\n\nafter\n");
  TextDoc t = ReadTextDoc(d);
  REQUIRE(t.blocks.size() >= 3);
  CHECK(t.blocks.back().text == "after");
  CHECK(t.blocks.back().first_line() == 6);
  for (const Block& b : t.blocks)
    for (int l : b.line_numbers) CHECK((l >= 1 && l <= 6));
}

TEST_CASE("Front matter: TOML, and YAML that does not parse, with a warning") {
  TextDoc toml = ReadTextDoc(Doc("t.md",
                                 "+++\ntitle = \"KCD Day\"\ndate = 2025-06-20\n"
                                 "tags = [\"a\", \"b\"]\n[extra]\nauthor = \"Ana\"\n+++\nBody.\n"));
  CHECK(toml.front_matter.fields.at("title") == "KCD Day");
  CHECK(toml.front_matter.fields.at("date") == "2025-06-20");
  CHECK(toml.front_matter.fields.at("tags") == "a, b");
  CHECK(toml.front_matter.fields.at("extra.author") == "Ana");
  CHECK(toml.front_matter.field_lines.at("date") == 3);
  TextDoc yaml = ReadTextDoc(Doc("y.md", "---\ntitle: Broken: yes: no\n  bad: [\n---\nBody.\n"));
  REQUIRE(yaml.diagnostics.size() == 1);
  CHECK(yaml.diagnostics[0].message.rfind("YAML front matter does not parse (", 0) == 0);
  CHECK(yaml.front_matter.fields.count("title") == 1);
}

TEST_CASE("Random Markdown made of talk-like pieces never crashes the reader") {
  std::mt19937 rng(7);
  const std::vector<std::string> pieces = {"# ",
                                           "## ",
                                           "### ",
                                           "- ",
                                           "  - ",
                                           "1. ",
                                           "> ",
                                           "| A | B |\n|---|---|\n| ",
                                           " | ",
                                           "**",
                                           "*",
                                           "[",
                                           "](https://kccnceu2025.sched.com/event/1ab/x)",
                                           "](https://youtu.be/abc)",
                                           "](https://sched.co/1Yx)",
                                           "<br>",
                                           "<br/>\n",
                                           "\n",
                                           "\n\n",
                                           "Title of a Talk",
                                           " - ",
                                           "Ana Silva, Initech",
                                           " & ",
                                           "Bo Li (Globex)",
                                           "Speakers: ",
                                           "When: ",
                                           "10:30 - 11:00 CET",
                                           "Tuesday 19th of March",
                                           "KubeCon EU 2025",
                                           ": ",
                                           "by ",
                                           "with ",
                                           "“",
                                           "”",
                                           "「",
                                           "」",
                                           "讲者：",
                                           "张伟（星河云）、",
                                           "6 月 10 日 ",
                                           "```\n",
                                           "---\ntitle: T\n---\n",
                                           "+++\n",
                                           "{{<figure title=\"x\">}}",
                                           "I gave this talk",
                                           "a tool called zz-tool",
                                           "\\-",
                                           "&amp;",
                                           "Kubernetes",
                                           "Cilium",
                                           "https://example.org/x",
                                           "  ",
                                           "\t",
                                           "(",
                                           ")",
                                           ";",
                                           ",",
                                           "."};
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    std::size_t n = 1 + rng() % 60;
    for (std::size_t i = 0; i < n; ++i) s += pieces[rng() % pieces.size()];
    INFO("round " << round << ": " << s);
    auto d = MakeDocument(round % 2 ? "random.md" : "random.txt", s);
    if (!d.ok()) continue;
    auto b = ExtractArticle(*d, Gazetteer::Builtin());
    REQUIRE(b.ok());
    KnowledgeGraph kg;
    CHECK(AddBatch(*b, kg).ok());
  }
}

TEST_CASE("Two projects that share a name stay two nodes of the graph") {
  // One document each: the second project's node must not merge into the first by the name.
  const std::vector<std::string> texts = {
      "# Notes\n\nOur events go through JetStream consumers with durable subjects.\n",
      "# Notes\n\nThe LLM team serves models on TPUs with JetStream and MaxText.\n"};
  KnowledgeGraph kg;
  GraphBuilder builder(kg);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    auto d = MakeDocument("shared-" + std::to_string(i) + ".md", texts[i]);
    REQUIRE(d.ok());
    auto b = ExtractArticle(*d, Gazetteer::Builtin());
    REQUIRE(b.ok());
    REQUIRE(builder.Add(*b).ok());
  }
  CHECK(kg.Find("project:nats").has_value());
  CHECK(kg.Find("project:jetstream").has_value());
}

TEST_CASE("Times with no zone at a known edition are the edition's local time") {
  const std::string body =
      "### Wednesday 2nd of April\n\n15:15 - 15:45 (Room J)\n\n**Scaling Batch Jobs With "
      "Queues** - Ana Silva, Initech\n";
  auto start_of = [](const ExtractionBatch& b) {
    for (const EntityRecord& e : b.entities)
      if (e.label == Label::kTalk && e.properties.count("start"))
        return std::get<std::string>(e.properties.at("start"));
    return std::string();
  };
  auto known = MakeDocument("known.md", "# Our talks at KubeCon EU 2025\n\n" + body);
  REQUIRE(known.ok());
  auto b = ExtractArticle(*known, Gazetteer::Builtin());
  REQUIRE(b.ok());
  CHECK(start_of(*b) == "2025-04-02T15:15:00+01:00");
  CHECK(b->diagnostics.empty());
  // Another event: the times keep no offset, with a warning.
  auto other = MakeDocument("other.md", "# Our talks at KCD Zurich 2025\n\n" + body);
  REQUIRE(other.ok());
  auto o = ExtractArticle(*other, Gazetteer::Builtin());
  REQUIRE(o.ok());
  CHECK(start_of(*o) == "2025-04-02T15:15:00");
  REQUIRE(o->diagnostics.size() == 1);
  CHECK(o->diagnostics[0].message == "no time zone given; times kept without a UTC offset");
}

TEST_CASE("A linked title with a colon of its own keeps it when the speakers are given beside it") {
  auto d = MakeDocument(
      "picks.md",
      "# Picks\n\n- [Batch on Kubernetes: Queues, Quotas and Fair Share](https://kccnceu2025.sched."
      "com/event/1Ab/batch) - Mia Park, Maintainer\n  Speakers: Mia Park, Maintainer; Leo Brandt, "
      "Initech\n");
  REQUIRE(d.ok());
  auto b = ExtractArticle(*d, Gazetteer::Builtin());
  REQUIRE(b.ok());
  std::vector<std::string> talks, people;
  for (const EntityRecord& e : b->entities) {
    if (e.label == Label::kTalk) talks.push_back(e.name);
    if (e.label == Label::kPerson) people.push_back(e.name);
  }
  std::sort(people.begin(), people.end());
  CHECK(talks == std::vector<std::string>{"Batch on Kubernetes: Queues, Quotas and Fair Share"});
  CHECK(people == std::vector<std::string>{"Leo Brandt", "Mia Park"});
}

TEST_CASE("Tables: a dash is no organisation; projects in a header row are mentioned") {
  auto d =
      MakeDocument("table.md",
                   "# Day\n\n| Talk | Speaker | Company |\n|---|---|---|\n| Shipping Charts "
                   "Nobody Has to Babysit | Mia Park | — |\n\n| Feature | Argo CD | Flux |\n|---|"
                   "---|---|\n| Web UI | yes | no |\n");
  REQUIRE(d.ok());
  auto b = ExtractArticle(*d, Gazetteer::Builtin());
  REQUIRE(b.ok());
  std::vector<std::string> orgs, projects;
  for (const EntityRecord& e : b->entities) {
    if (e.label == Label::kOrganization) orgs.push_back(e.name);
    if (e.label == Label::kProject) projects.push_back(e.name);
  }
  std::sort(projects.begin(), projects.end());
  CHECK(orgs.empty());
  CHECK(projects == std::vector<std::string>{"Argo CD", "Flux"});
}

TEST_CASE("Evidence cut from a long line of Chinese text stays valid UTF-8") {
  std::string zh;
  while (zh.size() < 1200) zh += "我们在会上听了很多关于调度的分享";
  auto d = MakeDocument("zh.md", "# 回顾\n\n" + zh + " [Scaling Batch Jobs With Queues](https://" +
                                     "youtu.be/abc) " + zh + "\n");
  REQUIRE(d.ok());
  auto b = ExtractArticle(*d, Gazetteer::Builtin());
  REQUIRE(b.ok());
  auto valid = [](const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      std::size_t n = c < 0x80         ? 1
                      : (c >> 5) == 6  ? 2
                      : (c >> 4) == 14 ? 3
                      : (c >> 3) == 30 ? 4
                                       : 0;
      if (n == 0 || i + n > s.size()) return false;
      for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
      i += n;
    }
    return true;
  };
  for (const EntityRecord& e : b->entities) CHECK(valid(e.evidence.text));
  for (const RelationRecord& r : b->relations) CHECK(valid(r.evidence.text));
  KnowledgeGraph kg;
  REQUIRE(AddBatch(*b, kg).ok());
  CHECK_NOTHROW(ToNodeLink(kg).dump(1));
}
